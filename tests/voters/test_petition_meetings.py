"""A petition's meeting drop-down offers the chosen session's meetings (a term holds thousands
at the scale of issue 18), follows the session as the session follows the term, keeps an edited
petition's own meeting, and says in Vietnamese why a meeting of another session is refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from core.services import record_save
from sessions.models import Session
from tests.helpers import post_form
from voters.models import VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db

D = dt.date
CREATE = reverse("voters:voterpetition_create")


def _offered(body: str, name: str) -> set[int]:
    select = re.search(rf'<select name="{name}".*?</select>', body, re.S)
    assert select, name
    return {int(pk) for pk in re.findall(r'value="(\d+)"', select.group(0))}


@pytest.fixture
def meetings(term, session, commune, staff_user) -> dict[str, VoterMeeting]:
    other = Session.objects.create(
        term=term, number=13, kind="regular", start_date=D(2019, 12, 5), end_date=D(2019, 12, 7)
    )

    def meeting(session, day) -> VoterMeeting:
        return record_save(
            instance=VoterMeeting(
                term=term, session=session, location_unit=commune, date=day,
                timing=VoterMeeting.Timing.PRE_SESSION if session else VoterMeeting.Timing.AD_HOC,
            ),
            user=staff_user,
        )  # fmt: skip

    return {
        "ours": meeting(session, D(2019, 6, 25)),
        "theirs": meeting(other, D(2019, 11, 20)),
        "none": meeting(None, D(2019, 8, 2)),
    }


def test_new_petition_form_offers_the_chosen_sessions_meetings(
    staff_client, term, session, meetings
):
    body = staff_client.get(CREATE, {"term": term.pk, "session": session.pk}).content.decode()
    assert _offered(body, "meeting") == {meetings["ours"].pk}
    assert 'data-follows="session"' in body
    # No session chosen: the term's meetings held for no session.
    body = staff_client.get(CREATE, {"term": term.pk}).content.decode()
    assert _offered(body, "meeting") == {meetings["none"].pk}


def test_the_refresh_request_carries_the_term_and_the_session(
    staff_client, term, session, meetings
):
    """static/js/app.js asks the page again with every leader's current value: after a change
    of term the session is blank (?term=5&session=), and the meetings follow both."""
    body = staff_client.get(CREATE, {"term": term.pk, "session": ""}).content.decode()
    assert _offered(body, "meeting") == {meetings["none"].pk}
    other = meetings["theirs"].session
    body = staff_client.get(CREATE, {"term": term.pk, "session": other.pk}).content.decode()
    assert _offered(body, "meeting") == {meetings["theirs"].pk}
    assert f'<option value="{other.pk}" selected>' in body


def test_a_meeting_of_another_session_is_refused_in_vietnamese(
    staff_client, term, session, meetings
):
    data = {
        "term": term.pk, "session": session.pk, "meeting": meetings["theirs"].pk,
        "received_date": "01/07/2019", "content": "Đề nghị sửa đường", "instances": 1,
        "level": VoterPetition.Level.PROVINCE,
    }  # fmt: skip
    response = post_form(staff_client, CREATE, data)
    assert response.status_code == 200
    assert "không thuộc kỳ họp đã chọn" in response.content.decode()
    assert not VoterPetition.objects.exists()
    # Shown again: the chosen session's meetings only.
    assert _offered(response.content.decode(), "meeting") == {meetings["ours"].pk}
    response = post_form(staff_client, CREATE, {**data, "meeting": meetings["ours"].pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert VoterPetition.objects.get().meeting == meetings["ours"]


def test_editing_a_petition_offers_its_own_meeting(staff_client, term, session, meetings):
    petition = record_save(
        instance=VoterPetition(
            term=term, session=session, meeting=meetings["ours"], received_date=D(2019, 7, 1),
            content="Kiến nghị cũ", instances=1,
        )
    )  # fmt: skip
    url = reverse("voters:voterpetition_update", args=[petition.pk])
    assert _offered(staff_client.get(url).content.decode(), "meeting") == {meetings["ours"].pk}
    # The user chose the other session: its meetings, and still the petition's own.
    other = meetings["theirs"].session
    body = staff_client.get(url, {"term": term.pk, "session": other.pk}).content.decode()
    assert _offered(body, "meeting") == {meetings["ours"].pk, meetings["theirs"].pk}
