"""Forwarding a petition from its own page: the forwarding letter opens with that petition
ticked, among the petitions of the same session only, each with the agency that answers it,
and the letter addressed to that agency."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from council.models import Organization
from sessions.models import Session
from tests.helpers import form_values
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(db) -> Organization:
    return Organization.objects.create(name="Sở Giao thông vận tải", short_name="Sở GTVT")


@pytest.fixture
def later_session(term) -> Session:
    return Session.objects.create(
        term=term,
        number=13,
        kind="regular",
        start_date=dt.date(2019, 12, 10),
        end_date=dt.date(2019, 12, 12),
    )


def _forward_url(html: str) -> str:
    match = re.search(r'href="([^"]+)" id="forward-petition"', html)
    assert match, "no forwarding link on the petition's page"
    return match.group(1)


def test_forwarding_from_a_petition_ticks_it_among_its_sessions_petitions(
    staff_client, make_petition, session, later_session, agency
):
    petition = make_petition(session=session, responsible_org=agency)
    same_session = make_petition(session=session, content="Đề nghị nâng cấp trạm y tế xã")
    other_session = make_petition(session=later_session, content="Đề nghị xây cầu treo")

    detail = staff_client.get(reverse("voters:voterpetition_detail", args=[petition.pk]))
    url = _forward_url(detail.content.decode())
    assert url == f"{reverse('voters:forwardingbatch_create')}?petition={petition.pk}"

    html = staff_client.get(url).content.decode()
    values = form_values(html)
    assert values["petitions"] == str(petition.pk)  # that one ticked, no other
    assert values["session"] == str(session.pk)
    assert values["term"] == str(petition.term_id)
    assert values["recipient"] == str(agency.pk)
    assert f'value="{same_session.pk}"' in html  # offered, not ticked
    assert f'value="{other_session.pk}"' not in html  # another session's petition
    assert "Cơ quan giải quyết" in html and "Sở GTVT" in html


def test_forwarding_from_the_prefilled_letter_forwards_the_petition(
    staff_client, make_petition, session, agency
):
    petition = make_petition(session=session, responsible_org=agency)
    url = f"{reverse('voters:forwardingbatch_create')}?petition={petition.pk}"
    values = form_values(staff_client.get(url).content.decode())
    response = staff_client.post(url, {**values, "number": "301/HĐND-VP", "date": "20/12/2019"})
    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.status == VoterPetition.Status.FORWARDED
    assert petition.batch.recipient == agency and petition.batch.session == session


def test_a_petition_not_awaiting_forwarding_is_not_ticked(
    staff_client, make_petition, forward, session
):
    petition = make_petition(session=session)
    forward([petition])
    url = f"{reverse('voters:forwardingbatch_create')}?petition={petition.pk}"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert "petitions" not in form_values(response.content.decode())
    for junk in ("abc", "-1", "99999999999999999999"):
        assert staff_client.get(f"{url[: url.index('=') + 1]}{junk}").status_code == 200
