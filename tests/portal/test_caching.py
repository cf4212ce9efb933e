"""The portal's caching: one query for a page already rendered, 304 to a browser that has it,
a new page after a save on the staff side, and one council's save leaves another's pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.models import PublicationVersion
from resolutions.services import resolution_update
from sessions.models import SessionDocument
from sessions.services import session_document_create, session_document_update
from tests.portal.conftest import pdf

pytestmark = pytest.mark.django_db


def home(council) -> str:
    return reverse("portal:home", args=[council.pk])


def test_second_request_is_served_with_the_version_read_only(
    client, portal, django_assert_num_queries
):
    address = reverse("portal:session_detail", args=[portal.council.pk, portal.session.pk])
    first = client.get(address)
    with django_assert_num_queries(1):
        second = client.get(address)
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_headers_say_public_with_validators_and_no_cookie(client, portal):
    response = client.get(home(portal.council))
    assert response["Cache-Control"] in ("public, max-age=60", "max-age=60, public")
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_a_logged_in_visitor_gets_a_private_copy(staff_client, portal):
    response = staff_client.get(home(portal.council))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_browser_with_the_page_gets_304(client, portal, django_assert_num_queries):
    address = home(portal.council)
    first = client.get(address)
    with django_assert_num_queries(1):
        again = client.get(address, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    since = client.get(address, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    stale = client.get(address, headers={"if-none-match": '"1-0-0-19700101"'})
    assert stale.status_code == 200


def test_a_save_on_the_staff_side_changes_the_version_and_the_page(
    client, portal, django_capture_on_commit_callbacks
):
    address = reverse("portal:resolution_detail", args=[portal.council.pk, portal.land.pk])
    before = client.get(address)
    version = PublicationVersion.objects.get(council=portal.council).version
    with django_capture_on_commit_callbacks(execute=True):
        resolution_update(resolution=portal.land, title="Bảng giá đất đai mới của tỉnh")
    assert PublicationVersion.objects.get(council=portal.council).version == version + 1
    after = client.get(address, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Bảng giá đất đai mới của tỉnh" in after.content.decode()


def test_a_document_marked_public_appears_on_the_session_page(
    client, portal, django_capture_on_commit_callbacks
):
    address = reverse("portal:session_detail", args=[portal.council.pk, portal.session.pk])
    assert "Dự thảo nội bộ" not in client.get(address).content.decode()
    portal.private_doc.is_public = True
    with django_capture_on_commit_callbacks(execute=True):
        session_document_update(document=portal.private_doc)
    assert "Dự thảo nội bộ" in client.get(address).content.decode()


def test_without_the_page_cache_every_request_renders_and_still_validates(
    client, portal, settings, django_assert_max_num_queries
):
    settings.PORTAL_CACHE_SECONDS = 0
    address = home(portal.council)
    first = client.get(address)
    with django_assert_max_num_queries(5) as queries:
        second = client.get(address)
    assert len(queries) > 1  # rendered again
    assert second.content == first.content
    assert client.get(address, headers={"if-none-match": first["ETag"]}).status_code == 304


def test_one_councils_save_leaves_another_councils_pages_cached(
    client, portal, django_capture_on_commit_callbacks, django_assert_num_queries
):
    other = home(portal.other)
    mine = home(portal.council)
    other_tag = client.get(other)["ETag"]
    mine_tag = client.get(mine)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        resolution_update(resolution=portal.land, title="Tiêu đề khác")
    with django_assert_num_queries(1):
        assert client.get(other)["ETag"] == other_tag
    assert client.get(mine)["ETag"] != mine_tag


def test_a_scheduled_publication_makes_a_new_version_when_its_time_comes(
    client, portal, django_capture_on_commit_callbacks, monkeypatch
):
    address = reverse("portal:session_detail", args=[portal.council.pk, portal.session.pk])
    at = timezone.now() + dt.timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        session_document_create(
            document=SessionDocument(
                agenda_item=portal.item,
                title="Báo cáo thẩm tra hẹn giờ",
                published_at=at,
                is_public=True,
                order=3,
            ),
            upload=pdf("tham-tra.pdf"),
        )
    assert PublicationVersion.objects.get(council=portal.council).next_change_at == at
    before = client.get(address)
    assert "Báo cáo thẩm tra hẹn giờ" not in before.content.decode()
    later = at + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = client.get(address, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert "Báo cáo thẩm tra hẹn giờ" in after.content.decode()
    row = PublicationVersion.objects.get(council=portal.council)
    assert row.next_change_at is None
    assert row.changed_at == at
