"""A person's data on request (voters.casework.personal_data, voters.views.personal_data): found
without diacritics, handed over as JSON and Excel, denunciators only to their case's keeper,
every export logged, other councils never included, leaders and Ban members refused."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import SecurityEvent
from accounts.services import user_create_with_role
from core.roles import Role
from council.models import Council, Term
from voters import services
from voters.casework.personal_data import PersonQuery, person_data
from voters.models import CitizenReception, IdentityAccess, Letter, ReceptionVisit

pytestmark = pytest.mark.django_db

D = dt.date
Kind = Letter.Kind
CONSENT = "Đồng ý để Văn phòng chuyển đơn đến cơ quan có thẩm quyền"


def _letter(term, user, *, name, received, kind=Kind.COMPLAINT, id_number="", consent=""):
    letter = Letter(
        term=term,
        received_date=received,
        kind=kind,
        summary=f"Đơn của {name} về việc bồi thường đất",
        sender_name=name,
        sender_address="Thôn Đông, xã Thử",
        sender_id_number=id_number,
        consent_note=consent,
    )
    return services.letter_save(letter=letter, user=user)


@pytest.fixture
def other_staff(db):
    return user_create_with_role(username="chuyenvien2", password="x-long-pass-1", role=Role.STAFF)


@pytest.fixture
def person(term, staff_user, other_staff):
    """Nguyễn Văn An's two complaints (one written without diacritics), a visit, and a
    denunciation entered (so kept) by another staff member; a namesake with one more letter
    ("Anh"); the same name in another council."""
    first = _letter(
        term,
        staff_user,
        name="Nguyễn Văn An",
        received=D(2019, 3, 4),
        id_number="001 080 001234",
        consent=CONSENT,
    )
    second = _letter(term, staff_user, name="NGUYEN VAN AN", received=D(2019, 5, 6))
    namesake = _letter(term, staff_user, name="Nguyễn Văn Anh", received=D(2019, 5, 7))
    denunciation = _letter(
        term, other_staff, name="Nguyễn Văn An", received=D(2019, 6, 1), kind=Kind.DENUNCIATION
    )
    reception = CitizenReception.objects.create(term=term, date=D(2019, 4, 10), host="Chủ tịch")
    visit = ReceptionVisit.objects.create(
        reception=reception,
        citizen_name="Nguyễn  văn  An",
        citizen_id_number="001080001234",
        kind="complaint",
        content="Hỏi kết quả giải quyết đơn",
        case=first.case,
    )
    elsewhere = Council.objects.create(name="Hội đồng nhân dân tỉnh Bên Cạnh", short_name="BC")
    other_term = Term.objects.create(
        council=elsewhere, ordinal=9, roman="IX", start_date=D(2016, 6, 1), end_date=D(2021, 5, 31)
    )
    theirs = _letter(other_term, other_staff, name="Nguyễn Văn An", received=D(2019, 3, 5))
    return {
        "first": first,
        "second": second,
        "namesake": namesake,
        "denunciation": denunciation,
        "visit": visit,
        "theirs": theirs,
    }


def _url(url_name: str, **query: str) -> str:
    return reverse(url_name) + "?" + urlencode(query)


def test_the_search_finds_the_person_without_diacritics_and_not_a_namesake(
    person, council, staff_user
):
    data = person_data(council=council, user=staff_user, query=PersonQuery(name="nguyen van an"))

    assert [r.pk for r in data.letters] == [person["first"].pk, person["second"].pk]
    assert [r.pk for r in data.visits] == [person["visit"].pk]


def test_the_search_by_id_number_ignores_spaces(person, council, staff_user):
    data = person_data(
        council=council, user=staff_user, query=PersonQuery(id_number="001080001234")
    )

    assert [r.pk for r in data.letters] == [person["first"].pk]
    assert [r.pk for r in data.visits] == [person["visit"].pk]


def test_name_and_id_number_together_must_both_match(person, council, staff_user):
    query = PersonQuery(name="Nguyễn Văn An", id_number="001080001234")

    data = person_data(council=council, user=staff_user, query=query)

    assert [r.pk for r in data.letters] == [person["first"].pk]


def test_the_search_reads_a_fixed_number_of_statements(
    person, council, staff_user, django_assert_num_queries
):
    query = PersonQuery(name="nguyen van an")
    person_data(council=council, user=staff_user, query=query)  # the user's roles, read once

    # Candidates of letters and visits, then the matches of each with their cases.
    with django_assert_num_queries(4):
        person_data(council=council, user=staff_user, query=query)


def test_a_denunciation_is_found_only_by_its_keeper(person, council, staff_user, other_staff):
    query = PersonQuery(name="nguyen van an")

    theirs = person_data(council=council, user=other_staff, query=query)
    mine = person_data(council=council, user=staff_user, query=query)

    assert person["denunciation"] in theirs.letters
    assert person["denunciation"] not in mine.letters


def test_the_page_lists_the_person_and_is_never_cached(person, staff_client):
    response = staff_client.get(_url("voters:person_data", name="nguyen van an"))

    assert response.status_code == 200
    text = response.content.decode()
    assert "Dữ liệu cá nhân theo yêu cầu" in text
    assert "NGUYEN VAN AN" in text and "Nguyễn Văn Anh" not in text
    assert person["first"].case.number in text
    assert "no-store" in response["Cache-Control"]
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW).exists()


def test_the_page_without_name_or_number_asks_for_one(staff_client):
    response = staff_client.get(_url("voters:person_data", name=" ", id_number=""))

    assert "Nhập họ tên hoặc số CCCD/CMND của người yêu cầu." in response.content.decode()


def test_the_json_export_holds_every_letter_and_visit_with_dates_case_numbers_and_consent(
    person, staff_client
):
    response = staff_client.get(_url("voters:person_data_json", name="nguyen van an"))

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.json"')
    document = json.loads(response.content.decode())
    letters = document["Đơn thư"]
    assert [row["Ngày"] for row in letters] == ["04/03/2019", "06/05/2019"]
    assert letters[0]["Vụ việc số"] == person["first"].case.number
    assert letters[0]["Mục đích, sự đồng ý xử lý dữ liệu cá nhân"] == CONSENT
    assert letters[0]["Họ tên"] == "Nguyễn Văn An"
    assert document["Lượt tiếp công dân"][0]["Ngày"] == "10/04/2019"
    assert document["Lượt tiếp công dân"][0]["Vụ việc số"] == person["first"].case.number
    assert "Bên Cạnh" not in response.content.decode()


def test_the_excel_export_reads_back_with_the_same_rows(person, staff_client):
    response = staff_client.get(_url("voters:person_data_xlsx", name="nguyen van an"))

    ws = load_workbook(BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("Loại bản ghi", "Ngày", "Vụ việc số")
    assert [(r[0], r[1].date(), r[2]) for r in rows[1:]] == [
        ("Đơn thư", D(2019, 3, 4), person["first"].case.number),
        ("Đơn thư", D(2019, 5, 6), person["second"].case.number),
        ("Lượt tiếp công dân", D(2019, 4, 10), person["first"].case.number),
    ]
    assert CONSENT in rows[1]


def test_a_denunciators_identity_is_absent_for_a_user_not_allowed(person, staff_client):
    response = staff_client.get(_url("voters:person_data_json", name="nguyen van an"))

    document = json.loads(response.content.decode())
    assert len(document["Đơn thư"]) == 2
    assert "06/2019" not in response.content.decode()
    assert not IdentityAccess.objects.exists()


def test_the_keepers_export_carries_the_denunciation_and_logs_it_as_an_export(person, other_staff):
    client = Client()
    client.force_login(other_staff)

    response = client.get(_url("voters:person_data_xlsx", name="nguyen van an"))

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert any(r[1].date() == D(2019, 6, 1) and r[3] == "Tố cáo" for r in rows[1:])
    access = IdentityAccess.objects.get()
    assert (access.letter, access.user, access.action) == (
        person["denunciation"],
        other_staff,
        IdentityAccess.Action.EXPORT,
    )


def test_every_export_is_in_the_security_log_with_counts_and_no_name(person, staff_client):
    staff_client.get(_url("voters:person_data_json", name="nguyen van an"))
    staff_client.get(_url("voters:person_data_xlsx", id_number="001080001234"))

    events = list(SecurityEvent.objects.filter(kind=SecurityEvent.Kind.EXPORT).order_by("pk"))
    assert [e.detail for e in events] == [
        "Dữ liệu cá nhân theo yêu cầu (JSON): 2 đơn, 1 lượt tiếp",
        "Dữ liệu cá nhân theo yêu cầu (XLSX): 1 đơn, 1 lượt tiếp",
    ]
    assert all("Nguyễn" not in e.path + e.detail for e in events)


def test_another_councils_letters_are_never_included(person, staff_client):
    response = staff_client.get(_url("voters:person_data_xlsx", name="nguyen van an"))

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert D(2019, 3, 5) not in {r[1].date() for r in rows[1:]}
    assert len(rows) == 4  # two letters and a visit of this council only


@pytest.mark.parametrize("url_name", ["person_data", "person_data_json", "person_data_xlsx"])
def test_a_leader_and_a_ban_member_are_refused(person, leader_client, committee_user, url_name):
    url = _url(f"voters:{url_name}", name="nguyen van an")
    assert leader_client.get(url).status_code == 403
    member = Client()
    member.force_login(committee_user)
    assert member.get(url).status_code == 403


def test_the_page_shows_the_latest_anonymisation_runs_of_the_council(staff_client):
    from voters.casework.retention import personal_data_anonymise

    personal_data_anonymise(today=D(2030, 1, 1), dry_run=True)

    text = staff_client.get(reverse("voters:person_data")).content.decode()
    assert "chạy thử" in text and "0 đơn, 0 lượt tiếp, 0 buổi tiếp" in text
