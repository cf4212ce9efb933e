"""Citizen reception: the schedule (lịch tiếp công dân), each reception's visits and the totals
they make, the register (sổ tiếp công dân) and its export, a denunciator who came in person."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.services import user_create_with_role
from core.roles import Role
from core.services import record_save
from council.models import Council, Term
from tests.conftest import PASSWORD
from tests.helpers import form_values
from voters.casework import identity
from voters.casework import reception as service
from voters.models import (
    CitizenReception,
    IdentityAccess,
    Letter,
    ReceptionSchedule,
    ReceptionVisit,
)

pytestmark = pytest.mark.django_db

DAY = dt.date(2019, 6, 14)
DENUNCIATOR = "Phạm Văn Tố Cáo"
CITIZEN = "Hoàng Thị Kiến Nghị"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def slot(council, staff_user) -> ReceptionSchedule:
    return record_save(
        instance=ReceptionSchedule(
            council=council,
            date=DAY,
            start_time=dt.time(8, 0),
            end_time=dt.time(11, 0),
            host_kind=ReceptionSchedule.HostKind.CHAIR,
            host="Chủ tịch HĐND tỉnh",
            location="Trụ sở tiếp công dân tỉnh",
        ),
        user=staff_user,
    )


@pytest.fixture
def held(term, staff_user) -> CitizenReception:
    return record_save(
        instance=CitizenReception(term=term, date=DAY, host="Chủ tịch HĐND tỉnh"),
        user=staff_user,
    )


def _visit(reception, user, *, name: str, kind: str = "petition_feedback", persons: int = 1):
    return service.visit_save(
        visit=ReceptionVisit(
            reception=reception,
            citizen_name=name,
            citizen_address="Thôn Đông",
            persons=persons,
            kind=kind,
            content=f"Nội dung của {kind}",
            response="Hướng dẫn gửi đơn đến UBND huyện",
        ),
        user=user,
    )


@pytest.fixture
def other_council_slot(council, staff_user) -> ReceptionSchedule:
    """A slot of a second council, created after the current one (the logins' council)."""
    other = Council.objects.create(
        name="HĐND tỉnh Khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="VP",
    )
    Term.objects.create(council=other, ordinal=1, roman="I", start_date=dt.date(2016, 1, 1))
    return record_save(
        instance=ReceptionSchedule(
            council=other,
            date=DAY,
            start_time=dt.time(8, 0),
            host_kind=ReceptionSchedule.HostKind.DELEGATE,
            host="Đại biểu tỉnh khác",
            location="Nơi khác",
        ),
        user=staff_user,
    )


# The schedule


def test_every_signed_in_role_reads_the_schedule_of_a_month(
    slot, staff_client, leader_user, committee_user
):
    url = reverse("voters:receptionschedule_list")
    for user in (leader_user, committee_user):
        page = _client(user).get(url, {"thang": "2019-06"}).content.decode()
        assert "Chủ tịch HĐND tỉnh" in page and "08:00 - 11:00" in page
        assert "Ghi kết quả buổi tiếp" not in page  # readers do not write
    assert (
        "Chủ tịch HĐND tỉnh"
        not in _client(leader_user).get(url, {"thang": "2019-07"}).content.decode()
    )
    assert "Ghi kết quả buổi tiếp" in staff_client.get(url, {"thang": "2019-06"}).content.decode()


def test_a_month_that_is_not_one_shows_this_month(slot, staff_client):
    response = staff_client.get(reverse("voters:receptionschedule_list"), {"thang": "2019-13"})
    assert response.status_code == 200
    assert "Chủ tịch HĐND tỉnh" not in response.content.decode()


def test_staff_schedule_a_slot_in_their_council(staff_client, council):
    url = reverse("voters:receptionschedule_create")
    data = form_values(staff_client.get(url).content.decode())
    data.update(
        date="20/06/2019",
        start_time="14:00",
        end_time="16:30",
        host_kind="standing",
        host="Phó Chủ tịch HĐND tỉnh",
        location="Trụ sở tiếp công dân tỉnh",
        published="on",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].endswith("?thang=2019-06")
    slot = ReceptionSchedule.objects.get()
    assert (slot.council, slot.start_time, slot.host) == (
        council,
        dt.time(14, 0),
        "Phó Chủ tịch HĐND tỉnh",
    )


def test_staff_edit_and_delete_a_slot(slot, staff_client):
    url = reverse("voters:receptionschedule_update", args=[slot.pk])
    data = form_values(staff_client.get(url).content.decode())
    data["location"] = "Hội trường UBND huyện"
    assert staff_client.post(url, data).status_code == 302
    slot.refresh_from_db()
    assert slot.location == "Hội trường UBND huyện"
    response = staff_client.post(reverse("voters:receptionschedule_delete", args=[slot.pk]))
    assert response.status_code == 302
    assert not ReceptionSchedule.objects.exists()


@pytest.mark.parametrize("name", ["receptionschedule_update", "receptionschedule_delete"])
def test_leaders_and_ban_members_cannot_change_the_schedule(
    slot, leader_user, committee_user, name
):
    for user in (leader_user, committee_user):
        client = _client(user)
        assert client.get(reverse(f"voters:{name}", args=[slot.pk])).status_code == 403
        assert client.post(reverse(f"voters:{name}", args=[slot.pk])).status_code == 403
        assert client.get(reverse("voters:receptionschedule_create")).status_code == 403
    assert ReceptionSchedule.objects.filter(pk=slot.pk).exists()


@pytest.mark.parametrize("name", ["receptionschedule_update", "receptionschedule_delete"])
def test_another_councils_slot_is_not_found(other_council_slot, staff_client, name):
    url = reverse(f"voters:{name}", args=[other_council_slot.pk])
    assert staff_client.get(url).status_code == 404
    page = staff_client.get(reverse("voters:receptionschedule_list"), {"thang": "2019-06"})
    assert "Đại biểu tỉnh khác" not in page.content.decode()
    create = reverse("voters:citizenreception_create") + f"?lich={other_council_slot.pk}"
    assert staff_client.get(create).status_code == 404


def test_recording_a_slots_result_creates_its_reception_prefilled(slot, staff_client, term):
    url = reverse("voters:citizenreception_create") + f"?lich={slot.pk}"
    page = staff_client.get(url).content.decode()
    data = form_values(page)
    assert (data["date"], data["host"], data["location"]) == (
        "14/06/2019",
        "Chủ tịch HĐND tỉnh",
        "Trụ sở tiếp công dân tỉnh",
    )
    assert data["term"] == str(term.pk)
    response = staff_client.post(url, data)
    assert response.status_code == 302
    slot.refresh_from_db()
    assert slot.reception is not None and slot.reception.host == "Chủ tịch HĐND tỉnh"
    # A second click opens the reception recorded, it records no second one.
    again = staff_client.get(url)
    assert again.status_code == 302 and again["Location"] == slot.reception.get_absolute_url()
    assert CitizenReception.objects.count() == 1


def test_the_schedule_list_reads_a_bounded_number_of_queries(
    council, staff_client, staff_user, django_assert_max_num_queries
):
    for day in range(1, 21):
        record_save(
            instance=ReceptionSchedule(
                council=council,
                date=dt.date(2019, 6, day),
                start_time=dt.time(8, 0),
                host_kind="delegate",
                host=f"Đại biểu số {day}",
                location="Trụ sở",
            ),
            user=staff_user,
        )
    url = reverse("voters:receptionschedule_list")
    staff_client.get(url, {"thang": "2019-06"})  # sessions, roles, council read once
    with django_assert_max_num_queries(12):
        page = staff_client.get(url, {"thang": "2019-06"}).content.decode()
    assert "Đại biểu số 20" in page


# Visits and totals


def test_a_receptions_totals_are_computed_from_its_visits(held, staff_user):
    _visit(held, staff_user, name=CITIZEN, persons=2)
    group = _visit(held, staff_user, name="Đoàn thôn Tây", persons=7)
    held.refresh_from_db()
    assert (held.persons, held.cases, held.group_cases) == (9, 2, 1)
    service.visit_delete(visit=group)
    held.refresh_from_db()
    assert (held.persons, held.cases, held.group_cases) == (2, 1, 0)


def test_staff_record_a_visit_on_the_receptions_page(held, staff_client):
    url = reverse("voters:receptionvisit_create", args=[held.pk])
    data = form_values(staff_client.get(url).content.decode())
    data.update(
        citizen_name=CITIZEN,
        persons="3",
        kind="complaint",
        content="Khiếu nại việc bồi thường",
        response="Hướng dẫn gửi đơn đến UBND huyện",
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == held.get_absolute_url()
    held.refresh_from_db()
    assert (held.persons, held.cases) == (3, 1)
    page = staff_client.get(held.get_absolute_url()).content.decode()
    assert CITIZEN in page and "Khiếu nại việc bồi thường" in page


def test_the_totals_cannot_be_typed_over_once_visits_make_them(held, staff_user, staff_client):
    _visit(held, staff_user, name=CITIZEN, persons=2)
    url = reverse("voters:citizenreception_update", args=[held.pk])
    page = staff_client.get(url).content.decode()
    assert "Tính từ các lượt tiếp đã ghi" in page
    data = form_values(page)
    data.update(persons="50", cases="9", summary="Buổi tiếp định kỳ")
    assert staff_client.post(url, data).status_code == 302
    held.refresh_from_db()
    assert (held.persons, held.cases, held.summary) == (2, 1, "Buổi tiếp định kỳ")


def test_a_visit_links_only_to_its_councils_cases(held, staff_user, other_council_slot):
    other_term = Term.objects.get(council=other_council_slot.council)
    from voters import services

    foreign = services.letter_save(
        letter=Letter(
            term=other_term, received_date=DAY, kind="complaint", summary="Đơn của tỉnh khác"
        ),
        user=staff_user,
    )
    visit = ReceptionVisit(
        reception=held, kind="complaint", content="Trình bày lại", case=foreign.case
    )
    with pytest.raises(Exception, match="không thuộc HĐND này"):
        service.visit_save(visit=visit, user=staff_user)


def test_a_visit_becomes_a_letter_and_case_received_through_reception(held, staff_user):
    visit = _visit(held, staff_user, name=CITIZEN, kind="complaint")
    client = _client(staff_user)
    url = reverse("voters:receptionvisit_letter", args=[visit.pk])
    assert "Tạo đơn" in client.get(url).content.decode()
    response = client.post(url)
    visit.refresh_from_db()
    letter = visit.letter
    assert response.status_code == 302 and response["Location"] == letter.get_absolute_url()
    assert (letter.channel, letter.kind, letter.received_date) == ("reception", "complaint", DAY)
    assert letter.sender_name == CITIZEN and visit.case == letter.case


def test_the_reception_page_reads_a_bounded_number_of_queries(
    held, staff_user, staff_client, django_assert_max_num_queries
):
    for i in range(15):
        visit = _visit(held, staff_user, name=f"Công dân {i}", kind="complaint")
        if i % 3 == 0:
            letter = service.visit_letter_create(visit=visit, user=staff_user)
    staff_client.get(held.get_absolute_url())
    with django_assert_max_num_queries(16):
        page = staff_client.get(held.get_absolute_url()).content.decode()
    assert "Công dân 14" in page
    # A visit's case number links to its case.
    assert f'href="{letter.case.get_absolute_url()}"' in page


# A denunciator who came in person


@pytest.fixture
def denunciation_visit(held, staff_user) -> ReceptionVisit:
    """Recorded by staff_user, linked to no case yet: staff_user keeps the secret."""
    return _visit(held, staff_user, name=DENUNCIATOR, kind="denunciation")


def test_a_denunciators_name_is_masked_on_the_reception_page(
    denunciation_visit, held, staff_user, leader_user
):
    staff_page = _client(staff_user).get(held.get_absolute_url()).content.decode()
    assert DENUNCIATOR not in staff_page and str(identity.MASKED) in staff_page
    leader_page = _client(leader_user).get(held.get_absolute_url()).content.decode()
    assert DENUNCIATOR not in leader_page and str(identity.MASKED) not in leader_page
    assert "Nội dung của denunciation" in leader_page


def test_only_the_recorder_reads_an_unlinked_denunciation_visit(denunciation_visit, staff_user):
    other = user_create_with_role(username="chuyenvien2", password=PASSWORD, role=Role.STAFF)
    url = reverse("voters:receptionvisit_update", args=[denunciation_visit.pk])
    assert DENUNCIATOR in _client(staff_user).get(url).content.decode()
    client = _client(other)
    page = client.get(url).content.decode()
    assert DENUNCIATOR not in page and 'name="citizen_name"' not in page
    data = form_values(page)
    data["response"] = "Đã hướng dẫn"
    assert client.post(url, data).status_code == 302
    denunciation_visit.refresh_from_db()
    assert (denunciation_visit.citizen_name, denunciation_visit.response) == (
        DENUNCIATOR,
        "Đã hướng dẫn",
    )
    actions = set(IdentityAccess.objects.values_list("user", "action"))
    assert actions == {(staff_user.pk, "edit"), (other.pk, "denied")}
    # Nor may they copy the identity into a letter of their own.
    client.post(reverse("voters:receptionvisit_letter", args=[denunciation_visit.pk]))
    assert not Letter.objects.exists()


def test_the_register_exports_a_row_a_visit_with_the_denunciator_masked(
    denunciation_visit, held, staff_user, leader_user
):
    _visit(held, staff_user, name=CITIZEN)
    url = reverse("voters:reception_register_export")
    response = _client(staff_user).get(url, {"year": 2019})
    assert "no-store" in response["Cache-Control"]
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    header, *body = rows
    assert header[:3] == ("Ngày tiếp", "Người chủ trì", "Họ tên công dân")
    assert len(body) == 2
    names = {row[2] for row in body}
    assert names == {CITIZEN, str(identity.MASKED)}
    assert DENUNCIATOR not in str(rows)
    # For a leader the citizens' columns are not there at all.
    rows = list(
        load_workbook(BytesIO(_client(leader_user).get(url).content)).active.iter_rows(
            values_only=True
        )
    )
    assert "Họ tên công dân" not in rows[0] and CITIZEN not in str(rows)
    # Another year has none of them.
    other_year = _client(staff_user).get(url, {"year": 2020})
    assert len(list(load_workbook(BytesIO(other_year.content)).active.iter_rows())) == 1


def test_the_register_page_masks_the_denunciator(denunciation_visit, held, staff_user):
    _visit(held, staff_user, name=CITIZEN)
    page = _client(staff_user).get(reverse("voters:reception_register")).content.decode()
    assert CITIZEN in page and DENUNCIATOR not in page and str(identity.MASKED) in page


def test_visits_of_another_councils_reception_are_not_found(
    other_council_slot, staff_client, staff_user, leader_user
):
    other_term = Term.objects.get(council=other_council_slot.council)
    foreign = record_save(
        instance=CitizenReception(term=other_term, date=DAY, host="Chủ tịch tỉnh khác"),
        user=staff_user,
    )
    visit = _visit(foreign, staff_user, name=CITIZEN)
    assert (
        staff_client.get(reverse("voters:receptionvisit_create", args=[foreign.pk])).status_code
        == 404
    )
    for name in ("receptionvisit_update", "receptionvisit_delete", "receptionvisit_letter"):
        assert staff_client.get(reverse(f"voters:{name}", args=[visit.pk])).status_code == 404
    assert CITIZEN not in staff_client.get(reverse("voters:reception_register")).content.decode()
    # A leader is refused before anything is looked up.
    url = reverse("voters:receptionvisit_create", args=[foreign.pk])
    assert _client(leader_user).get(url).status_code == 403


def test_a_denunciation_visit_linked_to_a_case_is_read_by_its_handler_only(
    denunciation_visit, staff_user, term
):
    from voters import services

    handler = user_create_with_role(username="canbo_xuly", password=PASSWORD, role=Role.STAFF)
    letter = services.letter_save(
        letter=Letter(term=term, received_date=DAY, kind="denunciation", summary="Tố cáo"),
        user=staff_user,
    )
    case = letter.case
    case.handler = handler
    record_save(instance=case, user=staff_user)
    denunciation_visit.case = case
    service.visit_save(visit=denunciation_visit, user=staff_user)
    url = reverse("voters:receptionvisit_update", args=[denunciation_visit.pk])
    assert DENUNCIATOR in _client(handler).get(url).content.decode()
    assert DENUNCIATOR not in _client(staff_user).get(url).content.decode()
