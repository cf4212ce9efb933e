"""What the secretariat marks public appears on the portal, through its own forms: an oversight
activity ticked «Công khai», a session document ticked «Công khai trên cổng thông tin». Before
the tick the portal does not show it (and answers 404 for its address)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from core.text import fold
from tests.helpers import form_values
from tests.open_council.seed import OpenCouncil

pytestmark = pytest.mark.django_db


def _staff(data: OpenCouncil) -> Client:
    client = Client()
    client.force_login(data.staff)
    return client


def _tick_public(client: Client, url: str, on_commit) -> None:
    """Open the edit form, tick «is_public», send the rest as the page holds it. The portal
    learns of a change once it is committed (portal.signals): the test's transaction never
    commits, so the callbacks run as a commit would run them."""
    page = client.get(url)
    assert page.status_code == 200, (url, page.status_code)
    values = form_values(page.content.decode())
    values["is_public"] = "on"
    with on_commit(execute=True):
        response = client.post(url, values)
    assert response.status_code == 302, (url, response.status_code, response.content[:3000])


def _shows(client: Client, url: str, text: str) -> bool:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return fold(text) in fold(response.content.decode())


def test_an_oversight_activity_ticked_public_appears_on_the_portal(
    open_council, django_capture_on_commit_callbacks
):
    data = open_council
    anonymous = Client()
    council = {"council_id": data.council.pk}
    listing = reverse("portal:oversight_list", kwargs=council)
    detail = reverse("portal:oversight_detail", kwargs={**council, "pk": data.hidden_activity.pk})
    # Read once before (a cached portal must still show the change).
    assert not _shows(anonymous, listing, data.hidden_activity.topic)
    assert anonymous.get(detail).status_code == 404

    _tick_public(
        _staff(data),
        reverse("oversight:activity_update", args=[data.hidden_activity.pk]),
        django_capture_on_commit_callbacks,
    )

    data.hidden_activity.refresh_from_db()
    assert data.hidden_activity.is_public
    assert _shows(anonymous, listing, data.hidden_activity.topic)
    assert _shows(anonymous, detail, data.hidden_activity.topic)


def test_a_session_document_ticked_public_appears_on_the_portal(
    open_council, django_capture_on_commit_callbacks
):
    data = open_council
    anonymous = Client()
    council = {"council_id": data.council.pk}
    session = reverse("portal:session_detail", kwargs={**council, "pk": data.past_session.pk})
    download = reverse(
        "portal:document_download", kwargs={**council, "pk": data.internal_document.pk}
    )
    assert not _shows(anonymous, session, data.internal_document.title)
    assert anonymous.get(download).status_code == 404

    _tick_public(
        _staff(data),
        reverse("sessions:sessiondocument_update", args=[data.internal_document.pk]),
        django_capture_on_commit_callbacks,
    )

    data.internal_document.refresh_from_db()
    assert data.internal_document.is_public
    assert _shows(anonymous, session, data.internal_document.title)
    response = anonymous.get(download)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-")


def test_a_document_ticked_public_stays_off_the_portal_until_it_is_published(open_council):
    data = open_council
    anonymous = Client()
    council = {"council_id": data.council.pk}
    session = reverse("portal:session_detail", kwargs={**council, "pk": data.past_session.pk})
    download = reverse(
        "portal:document_download", kwargs={**council, "pk": data.scheduled_document.pk}
    )
    assert data.scheduled_document.is_public
    assert not _shows(anonymous, session, data.scheduled_document.title)
    assert anonymous.get(download).status_code == 404
