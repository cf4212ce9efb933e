"""No lost updates: every edit form carries the version it was read at, a save from an older
version is refused with the values stored now, and a POST without a version saves nothing
(core.concurrency). The roll call carries the version of the whole roll."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Model
from django.test import Client
from django.urls import reverse

from accounts.services import user_create_with_role
from core.concurrency import VERSION_FIELD
from core.roles import Role
from core.services import record_save
from council.models import Delegate
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from reports.models import AnnualReport
from reports.services import annual_report_save
from resolutions.services import resolution_create
from sessions.models import AgendaItem, Attendance, Session
from sessions.services import agenda_item_save
from tests.conftest import PASSWORD
from tests.helpers import form_values
from voters import services as voters_services
from voters.models import Letter, VoterPetition

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(term) -> Session:
    return record_save(
        instance=Session(
            term=term,
            number=13,
            kind=Session.Kind.THEMATIC,
            start_date=dt.date(2019, 8, 20),
            end_date=dt.date(2019, 8, 20),
        )
    )


@pytest.fixture
def second_editor(db) -> Client:
    user = user_create_with_role(
        username="chuyenvien2", password=PASSWORD, role=Role.STAFF, full_name="Chuyên Viên Hai"
    )
    client = Client()
    client.force_login(user)
    return client


def _page(client: Client, url: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, url
    return form_values(response.content.decode())


# --- two editors of the same record -----------------------------------------------------------


def test_second_of_two_agenda_item_edits_is_told_and_the_first_is_kept(
    staff_client, second_editor, session
):
    item = agenda_item_save(
        item=AgendaItem(session=session, order=1, doc_type="submission", title="Tờ trình")
    )
    url = reverse("sessions:agendaitem_update", args=[item.pk])
    a, b = _page(staff_client, url), _page(second_editor, url)
    assert a[VERSION_FIELD] and a[VERSION_FIELD] == b[VERSION_FIELD]

    assert staff_client.post(url, {**a, "title": "Tờ trình của A"}).status_code == 302
    response = second_editor.post(url, {**b, "title": "Tờ trình của B"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "CHƯA được lưu" in page and "Tờ trình của A" in page
    item.refresh_from_db()
    assert item.title == "Tờ trình của A"
    # Saving again, knowingly, after seeing the current values, goes through.
    armed = form_values(page)
    assert second_editor.post(url, {**armed, "title": "Tờ trình của B"}).status_code == 302
    item.refresh_from_db()
    assert item.title == "Tờ trình của B"


@pytest.fixture
def delegates(term) -> list[Delegate]:
    return [
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i:02d}", birth_year=1970 + i)
        for i in range(4)
    ]


def _statuses(session: Session) -> dict[int, str]:
    return dict(Attendance.objects.filter(session=session).values_list("delegate_id", "status"))


@pytest.mark.parametrize("recorded_before", [False, True])
def test_second_of_two_roll_calls_is_told_and_the_first_is_kept(
    staff_client, second_editor, session, delegates, recorded_before
):
    url = reverse("sessions:attendance_update", args=[session.pk])
    if recorded_before:  # the roll was taken once already; both editors correct it
        first = _page(staff_client, url)
        assert staff_client.post(url, first).status_code == 302
    a, b = _page(staff_client, url), _page(second_editor, url)
    absent, excused = (f"d{d.pk}" for d in delegates[:2])

    assert staff_client.post(url, {**a, absent: "absent"}).status_code == 302
    response = second_editor.post(url, {**b, excused: "excused"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "vừa được người khác lưu" in page and "CHƯA" in page
    assert "Đang lưu" in page  # the row A changed is marked with what is stored
    stored = _statuses(session)
    assert stored[delegates[0].pk] == "absent"  # A's change kept
    assert stored[delegates[1].pk] == "present"  # nothing of B's saved
    # Saving again, knowingly, goes through.
    assert second_editor.post(url, {**form_values(page), excused: "excused"}).status_code == 302
    assert _statuses(session)[delegates[1].pk] == "excused"


# --- an edit without its version is refused -------------------------------------------------

Builder = Callable[[dict[str, Any]], tuple[Model, str, str]]  # (record, edit URL, field to change)


def _organization(f: dict[str, Any]) -> tuple[Model, str, str]:
    org = f["organization"]
    return org, reverse("council:organization_update", args=[org.pk]), "short_name"


def _session(f: dict[str, Any]) -> tuple[Model, str, str]:
    s = f["session"]
    return s, reverse("sessions:session_update", args=[s.pk]), "venue"


def _agenda_item(f: dict[str, Any]) -> tuple[Model, str, str]:
    item = agenda_item_save(
        item=AgendaItem(session=f["session"], order=1, doc_type="submission", title="Tờ trình")
    )
    return item, reverse("sessions:agendaitem_update", args=[item.pk]), "title"


def _letter(f: dict[str, Any]) -> tuple[Model, str, str]:
    letter = voters_services.letter_save(
        letter=Letter(
            term=f["term"], received_date=dt.date(2019, 3, 5), kind="complaint", summary="Đơn"
        )
    )
    return letter, reverse("voters:letter_update", args=[letter.pk]), "summary"


def _forwarding_letter(f: dict[str, Any]) -> tuple[Model, str, str]:
    petition = voters_services.petition_save(
        petition=VoterPetition(
            term=f["term"], received_date=dt.date(2019, 3, 5), content="Đường liên xã"
        )
    )
    batch = voters_services.forwarding_batch_create(
        term=f["term"],
        recipient=f["organization"],
        number="215/HĐND-VP",
        date=dt.date(2019, 8, 5),
        petitions=[petition],
        user=None,
    )
    return batch, reverse("voters:forwardingbatch_update", args=[batch.pk]), "subject"


def _activity(f: dict[str, Any]) -> OversightActivity:
    return activity_save(
        activity=OversightActivity(
            term=f["term"],
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát đất đai",
            start_date=dt.date(2019, 5, 6),
        )
    )


def _oversight_activity(f: dict[str, Any]) -> tuple[Model, str, str]:
    activity = _activity(f)
    return activity, reverse("oversight:activity_update", args=[activity.pk]), "topic"


def _recommendation(f: dict[str, Any]) -> tuple[Model, str, str]:
    rec = recommendation_save(
        recommendation=OversightRecommendation(
            activity=_activity(f), content="Đẩy nhanh tiến độ", addressee=f["organization"]
        )
    )
    return rec, reverse("oversight:recommendation_update", args=[rec.pk]), "content"


def _resolution(f: dict[str, Any]) -> tuple[Model, str, str]:
    r = resolution_create(
        council=f["council"], adopted_date=dt.date(2019, 7, 12), title="Về đất đai", number=4
    )
    return r, reverse("resolutions:resolution_update", args=[r.pk]), "title"


def _annual_report(f: dict[str, Any]) -> tuple[Model, str, str]:
    report = annual_report_save(
        report=AnnualReport(
            council=f["council"],
            year=2019,
            number="125",
            signing_authority="TM. THƯỜNG TRỰC HĐND",
            signer_title="CHỦ TỊCH",
        )
    )
    return report, reverse("reports:annualreport_update", args=[2019]), "assessment"


EDITS: dict[str, Builder] = {
    "organization": _organization,
    "session": _session,
    "agenda item": _agenda_item,
    "letter": _letter,
    "forwarding letter": _forwarding_letter,
    "oversight activity": _oversight_activity,
    "recommendation": _recommendation,
    "resolution": _resolution,
    "annual report": _annual_report,
}


@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_without_its_version_is_refused_and_changes_nothing(
    staff_client, council, term, organization, session, name
):
    record, url, field = EDITS[name](
        {"council": council, "term": term, "organization": organization, "session": session}
    )
    values = _page(staff_client, url)
    assert values.pop(VERSION_FIELD), "the edit form carries its version"
    before = type(record).objects.get(pk=record.pk)

    response = staff_client.post(url, {**values, field: "Thay đổi không có phiên bản"})

    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    after = type(record).objects.get(pk=record.pk)
    assert (getattr(after, field), after.updated_at) == (getattr(before, field), before.updated_at)
    # The same change with the version the page carries is saved (the data above was valid).
    armed = form_values(response.content.decode())
    assert armed[VERSION_FIELD]
    saved = staff_client.post(url, {**armed, field: "Thay đổi không có phiên bản"})
    assert saved.status_code == 302
    assert getattr(type(record).objects.get(pk=record.pk), field) == "Thay đổi không có phiên bản"


def test_a_roll_call_without_its_version_is_refused_and_changes_nothing(
    staff_client, session, delegates
):
    url = reverse("sessions:attendance_update", args=[session.pk])
    values = _page(staff_client, url)
    assert values.pop(VERSION_FIELD)
    response = staff_client.post(url, {**values, f"d{delegates[0].pk}": "absent"})
    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    assert _statuses(session) == {}
