"""A resolution of a session added from the session's page: one click, the form opens with the
session and its closing day filled in, and proposes the next number of that year."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from resolutions.models import Resolution
from tests.helpers import form_values

pytestmark = pytest.mark.django_db


def _add_link(html: str) -> str | None:
    match = re.search(r'href="([^"]+)" id="add-session-resolution"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def test_session_page_offers_to_add_a_resolution_of_this_session(staff_client, session):
    html = staff_client.get(reverse("sessions:session_detail", args=[session.pk])).content
    link = _add_link(html.decode())
    query = urlencode({"session": session.pk, "adopted_date": "12/12/2019"})
    assert link == f"{reverse('resolutions:resolution_create')}?{query}"
    assert "Thêm nghị quyết của kỳ họp này" in html.decode()


def test_leader_sees_no_link_to_add_a_resolution(leader_client, session):
    html = leader_client.get(reverse("sessions:session_detail", args=[session.pk])).content
    assert _add_link(html.decode()) is None


def test_resolution_form_opens_with_the_session_and_its_closing_day(
    staff_client, session, make_resolution
):
    make_resolution(number=7)  # 2019 has numbers up to 7: the form proposes 8, whatever today
    query = urlencode({"session": session.pk, "adopted_date": "12/12/2019"})
    html = staff_client.get(f"{reverse('resolutions:resolution_create')}?{query}").content.decode()
    assert re.search(rf'<option value="{session.pk}" selected>', html)
    assert re.search(r'name="adopted_date" value="12/12/2019"', html)
    assert re.search(r'name="number"[^>]*placeholder="8"', html)


def test_resolution_saved_from_the_prefilled_form_belongs_to_the_session(
    staff_client, session, delegates
):
    query = urlencode({"session": session.pk, "adopted_date": "12/12/2019"})
    url = f"{reverse('resolutions:resolution_create')}?{query}"
    # What the browser sends: the prefilled form as it stands, plus what the user types.
    values = form_values(staff_client.get(url).content.decode())
    assert values["session"] == str(session.pk) and values["adopted_date"] == "12/12/2019"
    response = staff_client.post(
        url, {**values, "title": "Kế hoạch đầu tư công năm 2020", "votes_for": "9"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    resolution = Resolution.objects.get(title="Kế hoạch đầu tư công năm 2020")
    assert resolution.session == session
    assert resolution.adopted_date == dt.date(2019, 12, 12)
