"""The conclusion notice of a Thường trực meeting (reports.routine.conclusion_notice): its
texts from the meeting and the council, each conclusion numbered with the tasks it gave, and
the issued notice read back from both files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.roles import Role
from council.models import Delegate, Organization
from documents.composition import Composed
from documents.models import OutgoingDocument
from documents.services import series_defaults_ensure
from reports.routine import conclusion_notice, issue, registry
from reports.routine.base import Issued
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting
from standing.services import agenda_entry_save, conclusion_save, meeting_save, task_save
from tests.helpers import council_client
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db

D = dt.date
NOTICE = conclusion_notice.ROUTINE
DAY = D(2019, 3, 29)
FIRST = "Thống nhất nội dung, chương trình kỳ họp thứ mười một HĐND tỉnh."
SECOND = "Tiến độ giải phóng mặt bằng một số dự án trọng điểm còn chậm."


@pytest.fixture
def organizations(db) -> dict[str, Organization]:
    return {
        "ubnd": Organization.objects.create(name="Ủy ban nhân dân tỉnh Thử Nghiệm", kind="ubnd"),
        "tnmt": Organization.objects.create(name="Sở Tài nguyên và Môi trường", kind="department"),
        "yt": Organization.objects.create(name="Sở Y tế", kind="department"),
    }


@pytest.fixture
def meeting(term, organizations) -> StandingMeeting:
    """March 2019's meeting: two agenda entries, two conclusions, three tasks (one cancelled)."""
    series_defaults_ensure(council=term.council)
    chair = Delegate.objects.create(
        term=term, full_name="Hoàng Văn Chủ Trì", job_title="Chủ tịch HĐND tỉnh"
    )
    meeting = meeting_save(
        meeting=StandingMeeting(
            term=term,
            date=D(2019, 3, 26),
            number=3,
            title="Phiên họp tháng 3/2019",
            chaired_by=chair,
            guests="Đại diện lãnh đạo UBND tỉnh\nChánh Văn phòng HĐND tỉnh",
        ),
        members=[chair],
    )
    for kind, title in (
        (AgendaEntry.Kind.SESSION_PREPARATION, "Chuẩn bị kỳ họp thứ mười một"),
        (AgendaEntry.Kind.INTERSESSION, "Cho ý kiến điều chỉnh kế hoạch đầu tư công"),
    ):
        agenda_entry_save(entry=AgendaEntry(meeting=meeting, kind=kind, title=title))
    first = conclusion_save(conclusion=Conclusion(meeting=meeting, text=FIRST))
    second = conclusion_save(conclusion=Conclusion(meeting=meeting, text=SECOND))
    for conclusion, org, content, deadline, status in (
        (first, "ubnd", "Hoàn thiện các tờ trình trình kỳ họp", D(2019, 4, 2), "open"),
        (second, "tnmt", "Rà soát phương án giá đất bồi thường", D(2019, 6, 30), "open"),
        (second, "yt", "Báo cáo riêng về y tế", None, "cancelled"),
    ):
        task_save(
            task=ConclusionTask(
                conclusion=conclusion,
                responsible=organizations[org],
                content=content,
                deadline=deadline,
                status=status,
            )
        )
    return meeting


def _draft(council, meeting, day=DAY):
    return issue.routine_draft(routine=NOTICE, source=meeting, council=council, today=day)


def test_it_is_registered_under_its_template_kind():
    assert registry.ROUTINE_KINDS["conclusion_notice"] is NOTICE
    assert NOTICE.defaults.series_code == "TB"
    assert NOTICE.defaults.doc_type == "THÔNG BÁO"


def test_every_placeholder_the_defaults_use_is_documented_and_filled(council, meeting):
    known = {**issue.COMMON_PLACEHOLDERS, **NOTICE.placeholders}
    defaults = NOTICE.defaults
    used = set(
        re.findall(
            r"\{(\w+)\}",
            "".join([defaults.subject, defaults.opening, defaults.closing, defaults.recipients]),
        )
    )
    assert used <= set(known)
    draft = _draft(council, meeting)
    for text in (draft.subject, draft.opening, draft.closing, *draft.recipients):
        assert "{" not in text, text


def test_draft_names_the_meeting_its_chair_guests_and_agenda(council, meeting):
    draft = _draft(council, meeting)
    assert draft.subject == "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 3/2019"
    assert draft.doc_type == "THÔNG BÁO"
    assert draft.addressees == []
    assert "Ngày 26/03/2019, Thường trực HĐND tỉnh tổ chức phiên họp tháng 3/2019" in draft.opening
    assert "đồng chí Hoàng Văn Chủ Trì, Chủ tịch HĐND tỉnh" in draft.opening
    assert "Thường trực HĐND tỉnh, đại diện lãnh đạo UBND tỉnh, chánh Văn phòng HĐND tỉnh" in (
        draft.opening
    )
    assert (
        "Chuẩn bị kỳ họp thứ mười một; Cho ý kiến điều chỉnh kế hoạch đầu tư công" in draft.opening
    )
    # The bodies given a task are sent the notice; the cancelled task's is not.
    assert "Ủy ban nhân dân tỉnh Thử Nghiệm;" in draft.recipients
    assert "Sở Tài nguyên và Môi trường;" in draft.recipients
    assert "Sở Y tế;" not in draft.recipients


def test_compose_numbers_the_conclusions_and_lists_their_tasks(council, meeting):
    draft = _draft(council, meeting)
    issued = Issued(
        reference="07/TB-HĐND",
        number_line="Số: 07/TB-HĐND",
        place_date="Thử Nghiệm, ngày 29 tháng 3 năm 2019",
        date=DAY,
        header_lines=council.header_lines,
    )
    composed = NOTICE.compose(source=meeting, draft=draft, issued=issued)
    texts = [block.text for block in composed.blocks]
    assert f"1. {FIRST}" in texts and f"2. {SECOND}" in texts
    first_task = (
        "- Giao Ủy ban nhân dân tỉnh Thử Nghiệm thực hiện: hoàn thiện các tờ trình trình kỳ "
        "họp, hoàn thành trước ngày 02/04/2019."
    )
    assert texts.index(f"1. {FIRST}") < texts.index(first_task) < texts.index(f"2. {SECOND}")
    assert not any("Báo cáo riêng về y tế" in t for t in texts)  # cancelled
    assert composed.doc_type == "THÔNG BÁO"
    assert composed.title == "Thông báo kết luận số 07/TB-HĐND"
    assert composed.recipients[-1] == "- Lưu: VT."


def test_a_meeting_without_conclusions_takes_no_number(council, term):
    series_defaults_ensure(council=council)
    bare = meeting_save(meeting=StandingMeeting(term=term, date=D(2019, 4, 24)))
    with pytest.raises(ValidationError, match="chưa ghi kết luận"):
        issue.routine_document_issue(
            routine=NOTICE, source=bare, council=council, draft=_draft(council, bare)
        )
    assert not OutgoingDocument.objects.exists()


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return re.sub(r"\s+", " ", "\n".join(parts))


def test_issued_notice_reads_back_from_the_pdf_and_the_docx(council, meeting, staff_user):
    from reports.routine.docx import composed_docx
    from reports.routine.render import composed_pdf

    draft = replace(_draft(council, meeting), signer_name="Hoàng Văn Chủ Trì")
    entry = issue.routine_document_issue(
        routine=NOTICE, source=meeting, council=council, draft=draft, user=staff_user
    )
    assert entry.reference == "01/TB-HĐND"
    assert entry.source == meeting
    assert entry.kind_label == "Thông báo kết luận phiên họp Thường trực"

    composed = Composed.from_json(OutgoingDocument.objects.get(pk=entry.pk).content)
    files = {"pdf": pdf_text(composed_pdf(composed)), "docx": _docx_text(composed_docx(composed))}
    for name, text in files.items():
        for expected in (
            "HỘI ĐỒNG NHÂN DÂN",
            "Số: 01/TB-HĐND",
            "Thử Nghiệm, ngày 29 tháng 3 năm 2019",
            "THÔNG BÁO",
            "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 3/2019",
            f"1. {FIRST}",
            f"2. {SECOND}",
            "hoàn thành trước ngày 02/04/2019",
            "- Giao Sở Tài nguyên và Môi trường thực hiện: rà soát phương án giá đất bồi "
            "thường, hoàn thành trước ngày 30/06/2019.",
            "- Thường trực HĐND tỉnh;",
            "- Sở Tài nguyên và Môi trường;",
            "- Lưu: VT.",
            "TM. THƯỜNG TRỰC HĐND",
            "CHỦ TỊCH",
            "Hoàng Văn Chủ Trì",
        ):
            assert expected in text, (name, expected)
        assert "Báo cáo riêng về y tế" not in text, name


def test_meeting_page_offers_the_notice_and_lists_those_issued(
    council, meeting, staff_user, staff_client
):
    issue_url = reverse("reports:routine_issue", args=["conclusion_notice", meeting.pk])
    html = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert issue_url in html and "Lập thông báo kết luận" in html
    leader = council_client(None, "lanh-dao-xem", Role.LEADER)
    assert issue_url not in leader.get(meeting.get_absolute_url()).content.decode()
    assert staff_client.get(issue_url).status_code == 200

    entry = issue.routine_document_issue(
        routine=NOTICE,
        source=meeting,
        council=council,
        draft=_draft(council, meeting),
        user=staff_user,
    )
    html = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert entry.get_absolute_url() in html
    assert "Thông báo kết luận phiên họp Thường trực số 01/TB-HĐND" in html
