"""The forwarding letter of voters' petitions (reports.routine.petition_forwarding): its texts
from a forwarding batch, the appendix listing every petition by field, the batch taking the
register's number, and both files read back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.services import record_save
from council.models import AdministrativeUnit
from documents.composition import Composed
from documents.models import OutgoingDocument
from documents.services import document_cancel
from reports.routine import issue, petition_forwarding, registry
from reports.routine.base import Issued
from sessions.models import Session
from tests.reports.conftest import pdf_text
from voters import selectors, services
from voters.models import ForwardingBatch, PetitionField, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db

D = dt.date
ROUTINE = petition_forwarding.ROUTINE
ROAD = "Đề nghị sửa chữa tuyến đường liên xã Thử - Nghiệm đã xuống cấp"
SCHOOL = "Đề nghị đầu tư xây dựng thêm phòng học cho Trường Tiểu học xã Thử"
BRIDGE = "Đề nghị làm cầu treo qua suối Khuổi Thử cho học sinh đi học"
LOOSE = "Đề nghị sớm chi trả tiền hỗ trợ giống cây trồng sau thiên tai"


@pytest.fixture
def session(term) -> Session:
    return Session.objects.create(
        term=term, number=12, kind="regular", start_date=D(2019, 7, 10), end_date=D(2019, 7, 12)
    )


@pytest.fixture
def communes(db) -> tuple[AdministrativeUnit, AdministrativeUnit]:
    district = AdministrativeUnit.objects.create(
        name="Huyện Thử", level="district", unit_type="huyen", valid_to=D(2025, 6, 30)
    )
    return tuple(
        AdministrativeUnit.objects.create(
            name=name, level="commune", unit_type="xa", parent=district, valid_to=D(2025, 6, 30)
        )
        for name in ("Xã Thử", "Xã Nghiệm")
    )


@pytest.fixture
def fields(db) -> dict[str, PetitionField]:
    return {
        "traffic": PetitionField.objects.create(name="Giao thông - xây dựng", order=1),
        "schools": PetitionField.objects.create(name="Giáo dục - y tế", order=2),
    }


@pytest.fixture
def batch(term, session, communes, fields, organization, staff_user) -> ForwardingBatch:
    """Three petitions of session 12 raised at two meetings (one of them consolidated from
    both), and one with no field, forwarded to UBND tỉnh by a batch typed as "tạm"."""

    def meeting(unit, day) -> VoterMeeting:
        return record_save(
            instance=VoterMeeting(
                term=term, session=session, location_unit=unit, date=day,
                timing=VoterMeeting.Timing.PRE_SESSION,
            ),
            user=staff_user,
        )  # fmt: skip

    first, second = meeting(communes[0], D(2019, 6, 25)), meeting(communes[1], D(2019, 6, 27))

    def petition(content, *, field, meeting=None, instances=1, received=None):
        received = received or D(2019, 6, 28)
        return services.petition_save(
            petition=VoterPetition(
                term=term, session=session, meeting=meeting, received_date=received,
                content=content, instances=instances, field=field,
            ),
            user=staff_user,
        )  # fmt: skip

    road = petition(ROAD, field=fields["traffic"], meeting=first, instances=3)
    school = petition(SCHOOL, field=fields["schools"], meeting=second, received=D(2019, 6, 27))
    bridges = [
        petition(BRIDGE, field=fields["traffic"], meeting=m, instances=2) for m in (first, second)
    ]
    bridge = services.petition_consolidate(petitions=bridges, content=BRIDGE, user=staff_user)
    loose = petition(LOOSE, field=None, received=D(2019, 7, 1))
    return services.forwarding_batch_create(
        term=term,
        session=session,
        recipient=organization,
        number="tạm",
        date=D(2019, 8, 5),
        petitions=[road, school, bridge, loose],
        user=staff_user,
    )


LETTER_DAY = D(2019, 8, 10)


def _issued(day=LETTER_DAY, reference="07/HĐND-VP") -> Issued:
    return Issued(
        reference=reference,
        number_line=f"Số: {reference}",
        place_date=f"Thử Nghiệm, ngày {day.day:02d} tháng {day.month} năm {day.year}",
        date=day,
        header_lines=["HỘI ĐỒNG NHÂN DÂN", "TỈNH THỬ NGHIỆM"],
    )


def _draft(council, batch, day=LETTER_DAY):
    return issue.routine_draft(routine=ROUTINE, source=batch, council=council, today=day)


def test_registered_under_its_template_kind():
    assert registry.routine_kind("petition_forwarding") is ROUTINE
    assert ROUTINE.defaults.series_code == "CV"
    assert ROUTINE.defaults.doc_type == ""


def test_draft_fills_the_defaults_from_the_batch_and_the_council(council, batch):
    draft = _draft(council, batch)
    period = "trước và sau Kỳ họp thứ 12, HĐND tỉnh khóa IX"
    assert draft.subject == f"V/v chuyển ý kiến, kiến nghị của cử tri {period}"
    assert draft.addressees == ["Ủy ban nhân dân tỉnh Thử Nghiệm"]
    assert (
        f"Thường trực Hội đồng nhân dân tỉnh đã tổng hợp 4 ý kiến, kiến nghị (9 lượt) của cử tri "
        f"{period} thuộc thẩm quyền giải quyết của Ủy ban nhân dân tỉnh Thử Nghiệm "
        "(có danh sách kèm theo)." in draft.opening
    )
    # The app's deadline for answers (30 days after the letter), as the overdue list counts.
    assert "trước ngày 04/09/2019" in draft.closing
    assert draft.closing.endswith("Trân trọng./.")
    assert draft.recipients[:2] == ["Như trên;", "Thường trực HĐND tỉnh;"]
    assert draft.recipients[-1] == "Lưu: VT."
    # Every placeholder of the defaults is known: nothing is left in braces.
    texts = [draft.subject, draft.opening, draft.closing, *draft.recipients]
    assert not [t for t in texts if re.search(r"\{\w+\}", t)]


def test_the_councils_words_not_a_provinces(council, batch):
    council.level_name = "phường"
    council.save()
    batch = ForwardingBatch.objects.get(pk=batch.pk)
    draft = _draft(council, batch)
    assert "Thường trực Hội đồng nhân dân phường" in draft.opening
    assert "HĐND phường khóa IX" in draft.subject
    composed = ROUTINE.compose(source=batch, draft=draft, issued=_issued())
    assert composed.appendix.note.endswith("của Thường trực HĐND phường)")


def test_a_batch_of_no_session_says_when_its_petitions_were_received(
    term, organization, staff_user
):
    petitions = [
        services.petition_save(
            petition=VoterPetition(term=term, received_date=day, content=f"Kiến nghị {day}"),
            user=staff_user,
        )
        for day in (D(2019, 5, 2), D(2019, 6, 20))
    ]
    batch = services.forwarding_batch_create(
        term=term,
        recipient=organization,
        number="15/HĐND-VP",
        date=D(2019, 7, 1),
        petitions=petitions,
        user=staff_user,
    )
    assert petition_forwarding.values(batch)["thoi_diem"] == (
        "tiếp nhận từ ngày 02/05/2019 đến ngày 20/06/2019"
    )


def test_compose_lays_out_the_letter_and_its_appendix_by_field(council, batch):
    draft = _draft(council, batch)
    composed = ROUTINE.compose(source=batch, draft=draft, issued=_issued())
    assert composed.number_line == "Số: 07/HĐND-VP"
    assert composed.doc_type == ""
    assert composed.subject_under_number
    assert composed.subject == draft.subject
    assert composed.addressees == ["Ủy ban nhân dân tỉnh Thử Nghiệm"]
    assert [b.kind for b in composed.blocks] == ["paragraph", "paragraph", "paragraph"]
    assert composed.recipients[0] == "- Như trên;"
    assert composed.recipients[-1] == "- Lưu: VT."
    assert composed.signature.authority == "TM. THƯỜNG TRỰC HĐND"
    assert composed.title == "Công văn chuyển kiến nghị cử tri số 07/HĐND-VP"

    appendix = composed.appendix
    assert appendix.title == "DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI"
    assert appendix.subtitle == (
        "Trước và sau Kỳ họp thứ 12, HĐND tỉnh khóa IX, thuộc thẩm quyền giải quyết của "
        "Ủy ban nhân dân tỉnh Thử Nghiệm"
    )
    assert appendix.note == (
        "(Kèm theo Công văn số 07/HĐND-VP ngày 10/08/2019 của Thường trực HĐND tỉnh)"
    )
    headings = [b.text for b in appendix.blocks if b.kind == "heading"]
    assert headings == ["I. GIAO THÔNG - XÂY DỰNG", "II. GIÁO DỤC - Y TẾ", "III. LĨNH VỰC KHÁC"]
    tables = composed.tables()
    assert tables[0].columns == ["STT", "Nội dung ý kiến, kiến nghị", "Địa phương, cuộc tiếp xúc", "Số lượt"]  # fmt: skip
    # Numbered on through the fields; a consolidated petition names its originals' communes.
    assert [row for table in tables for row in table.rows] == [
        ["1", ROAD, "Xã Thử (tiếp xúc ngày 25/06/2019)", "3"],
        ["2", BRIDGE, "Xã Thử, Xã Nghiệm", "4"],
        ["3", SCHOOL, "Xã Nghiệm (tiếp xúc ngày 27/06/2019)", "1"],
        ["4", LOOSE, "", "1"],
    ]
    # What the register keeps reads back the same.
    assert Composed.from_json(composed.to_json()) == composed


def test_compose_writes_nothing(council, batch, django_assert_max_num_queries):
    draft = _draft(council, batch)
    with django_assert_max_num_queries(8) as queries:
        ROUTINE.compose(source=batch, draft=draft, issued=_issued())
    assert not [q for q in queries.captured_queries if not q["sql"].startswith("SELECT")]


def test_a_single_field_needs_no_headings(council, batch):
    VoterPetition.objects.filter(batch=batch).update(field=None)
    composed = ROUTINE.compose(source=batch, draft=_draft(council, batch), issued=_issued())
    assert [b.kind for b in composed.appendix.blocks] == ["table"]
    assert [row[0] for row in composed.tables()[0].rows] == ["1", "2", "3", "4"]


def test_batch_petitions_reads_in_two_queries(batch, django_assert_num_queries):
    with django_assert_num_queries(2):
        rows = [
            (
                p.field.name if p.field else "",
                p.meeting.location_unit.name if p.meeting else "",
                *(o.meeting.location_unit.name for o in p.originals.all()),
            )
            for p in selectors.batch_petitions(batch=batch)
        ]
    assert rows == [
        ("Giao thông - xây dựng", "Xã Thử"),
        ("Giao thông - xây dựng", "", "Xã Thử", "Xã Nghiệm"),
        ("Giáo dục - y tế", "Xã Nghiệm"),
        ("", ""),
    ]


def test_may_issue_needs_petitions_and_no_letter_already_issued(
    council, term, batch, organization, staff_user
):
    empty = record_save(
        instance=ForwardingBatch(term=term, recipient=organization, number="x", date=D(2019, 8, 1)),
        user=staff_user,
    )
    assert "chưa mang kiến nghị nào" in ROUTINE.may_issue(empty)
    assert ROUTINE.may_issue(batch) == ""
    entry = issue.routine_document_issue(
        routine=ROUTINE, source=batch, council=council, draft=_draft(council, batch)
    )
    refusal = ROUTINE.may_issue(batch)
    assert "Đã lập công văn số 01/HĐND-VP ngày 10/08/2019" in refusal
    with pytest.raises(ValidationError):
        issue.routine_document_issue(
            routine=ROUTINE, source=batch, council=council, draft=_draft(council, batch)
        )
    # Once that number is cancelled in the register, the letter may be made again.
    document_cancel(document=entry, reason="Sai danh sách", user=staff_user)
    assert ROUTINE.may_issue(batch) == ""


def test_a_letter_dated_before_a_petition_was_received_takes_no_number(council, batch):
    draft = replace(_draft(council, batch), date=D(2019, 6, 30))
    with pytest.raises(ValidationError, match="01/07/2019"):
        issue.routine_document_issue(routine=ROUTINE, source=batch, council=council, draft=draft)
    assert not OutgoingDocument.objects.exists()
    assert ForwardingBatch.objects.get(pk=batch.pk).number == "tạm"


EXPECTED_IN_FILES = (
    "Số: 01/HĐND-VP",
    "Thử Nghiệm, ngày 10 tháng 8 năm 2019",
    "V/v chuyển ý kiến, kiến nghị của cử tri",
    "Ủy ban nhân dân tỉnh Thử Nghiệm",
    "trước ngày 04/09/2019",
    "- Như trên;",
    "- Thường trực HĐND tỉnh;",
    "- Lưu: VT.",
    "TM. THƯỜNG TRỰC HĐND",
    "DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
    "(Kèm theo Công văn số 01/HĐND-VP ngày 10/08/2019 của Thường trực HĐND tỉnh)",
    "I. GIAO THÔNG - XÂY DỰNG",
    "III. LĨNH VỰC KHÁC",
    ROAD,
    BRIDGE,
    SCHOOL,
    LOOSE,
    "Xã Thử (tiếp xúc ngày 25/06/2019)",
    "Xã Thử, Xã Nghiệm",
)


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return re.sub(r"\s+", " ", "\n".join(parts))


def test_issued_letter_reads_back_from_both_files_and_the_batch_takes_its_number(
    council, batch, staff_user
):
    draft = _draft(council, batch)
    entry = issue.routine_document_issue(
        routine=ROUTINE, source=batch, council=council, draft=draft, user=staff_user
    )
    assert entry.reference == "01/HĐND-VP"
    assert entry.kind_label == "Công văn chuyển kiến nghị cử tri"
    assert entry.source == batch
    batch = ForwardingBatch.objects.get(pk=batch.pk)
    assert (batch.number, batch.date) == ("01/HĐND-VP", D(2019, 8, 10))
    assert batch.subject == draft.subject

    composed = Composed.from_json(OutgoingDocument.objects.get(pk=entry.pk).content)
    from reports.routine.render import composed_pdf

    texts = {"pdf": pdf_text(composed_pdf(composed))}
    try:
        from reports.routine.docx import composed_docx
    except ImportError:  # helper R's writer, not yet in every checkout
        composed_docx = None
    if composed_docx is not None:
        texts["docx"] = _docx_text(composed_docx(composed))
    for name, text in texts.items():
        for expected in EXPECTED_IN_FILES:
            assert expected in text, (name, expected)
    if composed_docx is None:
        pytest.skip("reports.routine.docx is not there yet: the PDF alone was read back")


def test_batch_page_offers_the_letter_then_lists_it(
    client, staff_client, leader_user, council, batch, staff_user
):
    page = batch.get_absolute_url()
    issue_url = reverse("reports:routine_issue", args=["petition_forwarding", batch.pk])
    html = staff_client.get(page).content.decode()
    assert issue_url in html
    assert "Lập công văn (PDF, .docx)" in html
    assert "Chưa lập công văn nào" in html
    # The form the button opens is prefilled from the batch.
    form = staff_client.get(issue_url).content.decode()
    assert "4 ý kiến, kiến nghị (9 lượt)" in form

    entry = issue.routine_document_issue(
        routine=ROUTINE, source=batch, council=council, draft=_draft(council, batch)
    )
    html = staff_client.get(page).content.decode()
    assert "Công văn chuyển kiến nghị cử tri số 01/HĐND-VP" in html
    assert reverse("reports:routine_pdf", args=[entry.pk]) in html
    assert reverse("reports:routine_docx", args=[entry.pk]) in html
    # One letter at a time: no second button while this one stands.
    assert issue_url not in html
    pdf = staff_client.get(reverse("reports:routine_pdf", args=[entry.pk]))
    assert pdf.status_code == 200
    assert ROAD in pdf_text(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)

    # A reader (not an editor) sees the letter, not the button.
    client.force_login(leader_user)
    document_cancel(document=entry, reason="Lập lại", user=staff_user)
    html = client.get(page).content.decode()
    assert "01/HĐND-VP" in html
    assert "Đã huỷ" in html
    assert issue_url not in html
