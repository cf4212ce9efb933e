"""Each delegate's record: derived from the roll-call, questioning, voter meetings, oversight
delegations and citizen receptions already entered; one page, one PDF, the council's table."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse

from core.services import record_save
from council.models import AdministrativeUnit, Delegate
from delegates.models import Registration
from oversight.models import OversightActivity, Question
from oversight.services import activity_save, question_save
from resolutions.models import DelegateVote
from resolutions.services import resolution_create
from sessions.models import AgendaItem, Attendance
from sessions.services import agenda_item_save, session_attendance_save
from voters.models import CitizenReception, VoterMeeting, VoterPetition
from voters.services import petition_save

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def record_data(term, delegate, council_session, staff_user):
    """One year (2020) of the delegate's work, and a colleague who did less."""
    colleague = Delegate.objects.create(term=term, full_name="Lý Văn Đồng Nghiệp", birth_year=1980)
    session_attendance_save(
        session=council_session,
        statuses={delegate.pk: Attendance.Status.PRESENT, colleague.pk: Attendance.Status.EXCUSED},
    )
    questioning = activity_save(
        activity=OversightActivity(
            term=term,
            session=council_session,
            kind="questioning_session",
            actor="hdnd",
            topic="Chất vấn tại kỳ họp thứ 12",
            start_date=council_session.start_date,
        )
    )
    question_save(
        question=Question(
            activity=questioning,
            asker=delegate,
            respondent_name="Giám đốc Sở Giao thông vận tải",
            content="Khi nào sửa xong đường tỉnh 226?",
        )
    )
    activity_save(
        activity=OversightActivity(
            term=term, kind="thematic", actor="standing", topic="Giám sát đầu tư công",
            start_date=D(2020, 5, 4),
        ),
        members=[delegate],
    )  # fmt: skip
    unit = AdministrativeUnit.objects.create(name="Xã Ghi Nhận", level="commune", unit_type="xa")
    meeting = record_save(
        instance=VoterMeeting(
            term=term, location_unit=unit, date=D(2020, 11, 20),
            timing=VoterMeeting.Timing.PRE_SESSION, session=council_session,
        )
    )  # fmt: skip
    meeting.delegates.set([delegate, colleague])
    for content, instances in (("Sửa đường liên xã", 3), ("Nước sạch cho thôn", 1)):
        petition_save(
            petition=VoterPetition(
                term=term, session=council_session, meeting=meeting, content=content,
                received_date=D(2020, 11, 21), instances=instances,
            ),
            user=staff_user,
        )  # fmt: skip
    record_save(
        instance=CitizenReception(
            term=term, date=D(2020, 3, 15), host="Hoàng Thị Đại Biểu", host_delegate=delegate,
            persons=4, cases=2,
        )
    )  # fmt: skip
    # From the delegates' room: a speech the secretariat recorded as given, a vote.
    item = agenda_item_save(
        item=AgendaItem(session=council_session, order=1, title="Dự thảo nghị quyết về đường tỉnh")
    )
    Registration.objects.create(
        session=council_session, delegate=delegate, kind=Registration.Kind.SPEECH,
        agenda_item=item, status=Registration.Status.SPOKE, summary="Đề nghị tăng vốn cho ĐT 226",
    )  # fmt: skip
    Registration.objects.create(
        session=council_session, delegate=colleague, kind=Registration.Kind.SPEECH,
        agenda_item=item, status=Registration.Status.WITHDRAWN,
    )  # fmt: skip
    resolution = resolution_create(
        council=term.council, title="Về đường tỉnh 226", session=council_session,
        adopted_date=council_session.end_date,
    )  # fmt: skip
    DelegateVote.objects.create(resolution=resolution, delegate=delegate, choice="for")
    DelegateVote.objects.create(resolution=resolution, delegate=colleague, choice="absent")
    # Another year: outside a 2020 record, inside the term's.
    record_save(
        instance=CitizenReception(
            term=term, date=D(2019, 3, 15), host="Hoàng Thị Đại Biểu", host_delegate=delegate
        )
    )
    return colleague


def test_a_delegate_reads_their_own_record_of_a_year(delegate_client, record_data):
    page = delegate_client.get(reverse("delegates:my_record"), {"year": 2020}).content.decode()
    assert "1 kỳ họp: có mặt 1, vắng có lý do 0, vắng không lý do 0." in page
    assert "Khi nào sửa xong đường tỉnh 226?" in page
    assert "Giám đốc Sở Giao thông vận tải" in page
    assert "1 cuộc tiếp xúc cử tri; 2 kiến nghị cử tri (4 lượt)" in page
    assert "Giám sát đầu tư công" in page
    assert "Đề nghị tăng vốn cho ĐT 226" in page
    assert "Tán thành: 1; Không tán thành: 0; Không biểu quyết: 0; Vắng mặt: 0." in page
    assert "15/03/2020" in page and "15/03/2019" not in page
    whole_term = delegate_client.get(reverse("delegates:my_record")).content.decode()
    assert "15/03/2019" in whole_term


def test_the_record_pdf_says_the_same_figures(delegate_client, record_data):
    from pypdf import PdfReader

    response = delegate_client.get(reverse("delegates:my_record_pdf"), {"year": 2020})
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "HOẠT ĐỘNG CỦA ĐẠI BIỂU" in text
    assert "Hoàng Thị Đại Biểu" in text
    assert "có mặt 1" in text
    assert "2 kiến nghị cử tri (4 lượt)" in text


def test_leaders_sort_the_councils_table_and_open_a_record(
    leader_client, term, delegate, record_data
):
    url = reverse("delegates:record_table")
    page = leader_client.get(url, {"term": term.pk, "year": 2020, "sort": "-n_questions"})
    rows = page.context["table"].rows
    assert [r.record.full_name for r in rows] == ["Hoàng Thị Đại Biểu", "Lý Văn Đồng Nghiệp"]
    first = {c.name: rows[0].get_cell(c.name) for c in page.context["table"].columns}
    assert (first["n_present"], first["n_questions"], first["n_voter_meetings"]) == ("1", "1", "1")
    assert (first["n_petitions"], first["n_delegations"], first["n_receptions"]) == ("2", "1", "1")
    assert (first["n_speeches"], first["n_votes"]) == ("1", "1")
    second = {c.name: rows[1].get_cell(c.name) for c in page.context["table"].columns}
    assert (second["n_excused"], second["n_questions"], second["n_petitions"]) == ("1", "0", "2")
    assert (second["n_speeches"], second["n_votes"]) == ("0", "0")
    # The name links to the record, which shows the figure the table did.
    record_url = reverse("delegates:record", args=[delegate.pk])
    assert record_url in page.content.decode()
    record = leader_client.get(record_url, {"year": 2020}).content.decode()
    assert "1 kỳ họp: có mặt 1" in record
    by_name = leader_client.get(url, {"term": term.pk, "sort": "full_name"}).context["table"]
    assert by_name.rows[0].record.full_name == "Hoàng Thị Đại Biểu"


def test_the_councils_table_costs_the_same_queries_for_more_delegates(
    leader_client, term, record_data, django_assert_max_num_queries
):
    url = reverse("delegates:record_table")
    with django_assert_max_num_queries(12):
        leader_client.get(url, {"term": term.pk})
    for i in range(20):
        Delegate.objects.create(term=term, full_name=f"Đại biểu thêm {i}", birth_year=1990)
    with django_assert_max_num_queries(12):
        leader_client.get(url, {"term": term.pk})


def test_another_councils_delegate_record_is_not_found(term, delegate, other_council_session):
    from tests.helpers import council_client

    other = council_client(other_council_session.term.council, "lanhdao-ben-canh")
    assert other.get(reverse("delegates:record", args=[delegate.pk])).status_code == 404
    assert other.get(reverse("delegates:record_pdf", args=[delegate.pk])).status_code == 404


def test_a_year_outside_the_term_is_not_found(delegate_client):
    assert delegate_client.get(reverse("delegates:my_record"), {"year": 1990}).status_code == 404
    assert delegate_client.get(reverse("delegates:my_record"), {"year": "x"}).status_code == 404


def test_a_delegate_cannot_open_the_councils_table_or_a_colleagues_record(
    delegate_client, record_data
):
    assert delegate_client.get(reverse("delegates:record_table")).status_code == 403
    url = reverse("delegates:record", args=[record_data.pk])
    assert delegate_client.get(url).status_code == 403
