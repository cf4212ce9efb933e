"""Routine documents (reports.routine): a draft from the council's template or the defaults,
one number from the register per document, the composed document kept as issued, the
templates' placeholders checked, and the pages that issue, download and edit them."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from council.models import Term
from documents.composition import Block, Composed, Table
from documents.models import DocumentTemplate, OutgoingDocument
from documents.services import document_number_issue
from documents.templating import fill, placeholders_in, unknown_placeholders
from reports.routine import issue, registry
from reports.routine.base import RoutineKind, TemplateDefaults, composed_frame
from tests.helpers import council_client, post_form

pytestmark = pytest.mark.django_db

CALLS: list[tuple[int, str]] = []


def _compose(*, source, draft, issued) -> Composed:
    return Composed(
        **composed_frame(draft=draft, issued=issued),
        blocks=[
            *[Block(kind="paragraph", text=t) for t in (draft.opening, draft.closing) if t],
            Block(
                kind="table",
                table=Table(columns=["STT", "Khóa"], rows=[["1", source.roman]], numeric=[0]),
            ),
        ],
    )


TEST_KIND = RoutineKind(
    kind="petition_forwarding",
    label="Công văn thử",
    model=Term,
    defaults=TemplateDefaults(
        series_code="CV",
        doc_type="",
        subject="V/v nhiệm kỳ khóa {khoa}",
        opening="HĐND {cap} {dia_danh} khóa {khoa} bắt đầu ngày {ngay}.",
        closing="Đề nghị xem xét.",
        recipients="Như trên;\nUBND {cap};\nLưu: VT.",
    ),
    placeholders={"khoa": "Số La Mã của khóa", "ngay": "Ngày bắt đầu"},
    values=lambda term: {"khoa": term.roman, "ngay": f"{term.start_date:%d/%m/%Y}"},
    addressees=lambda term: ["Ủy ban nhân dân tỉnh"],
    compose=_compose,
    may_issue=lambda term: "" if term.roman != "X" else "Khóa X chưa bắt đầu.",
    on_issued=lambda term, entry: CALLS.append((term.pk, entry.reference)),
)


@pytest.fixture(autouse=True)
def test_kind(monkeypatch):
    monkeypatch.setitem(registry.ROUTINE_KINDS, TEST_KIND.kind, TEST_KIND)
    CALLS.clear()
    return TEST_KIND


def _draft(council, term, **changes):
    draft = issue.routine_draft(
        routine=TEST_KIND, source=term, council=council, today=dt.date(2019, 3, 5)
    )
    return draft if not changes else type(draft)(**{**draft.__dict__, **changes})


def test_placeholders_are_plain_names_and_unknown_ones_stay_as_typed():
    assert fill("Khóa {khoa}, {x.__class__} {khac} {", {"khoa": "IX"}) == (
        "Khóa IX, {x.__class__} {khac} {"
    )
    assert placeholders_in("{a} {b} {a}") == ["a", "b"]
    assert unknown_placeholders(["{a} {zz}"], ["a"]) == ["zz"]


def test_draft_fills_the_defaults_with_the_council_and_the_record(council, term):
    draft = _draft(council, term)
    assert draft.subject == "V/v nhiệm kỳ khóa IX"
    assert draft.opening == "HĐND tỉnh Thử Nghiệm khóa IX bắt đầu ngày 01/06/2016."
    assert draft.recipients == ["Như trên;", "UBND tỉnh;", "Lưu: VT."]
    assert draft.addressees == ["Ủy ban nhân dân tỉnh"]
    assert draft.doc_type == ""


def test_draft_uses_the_councils_saved_template(council, term):
    issue.routine_template_save(
        routine=TEST_KIND,
        council=council,
        texts={
            "series_code": "TB",
            "doc_type": "THÔNG BÁO",
            "subject": "Thông báo khóa {khoa}",
            "opening": "Mở đầu riêng.",
            "closing": "",
            "recipients": "Lưu: VT.",
            "signing_authority": "TM. THƯỜNG TRỰC HĐND",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Lâm Thị Phương Thanh",
        },
    )
    draft = _draft(council, term)
    assert draft.subject == "Thông báo khóa IX"
    assert draft.doc_type == "THÔNG BÁO"
    assert draft.signer_name == "Lâm Thị Phương Thanh"
    entry = issue.routine_document_issue(
        routine=TEST_KIND, source=term, council=council, draft=draft
    )
    assert entry.reference == "01/TB-HĐND"


def test_template_refuses_unknown_placeholders_and_series(council):
    texts = {f: "" for f in issue.TEXT_FIELDS} | {
        "series_code": "ZZ",
        "subject": "Khóa {khoa} {so_nghi_quyet}",
    }
    with pytest.raises(ValidationError) as caught:
        issue.routine_template_save(routine=TEST_KIND, council=council, texts=texts)
    messages = caught.value.message_dict
    assert "{so_nghi_quyet}" in messages["opening"][0]
    assert "ZZ" in messages["series_code"][0]
    assert not DocumentTemplate.objects.exists()


def test_issue_takes_the_next_number_and_keeps_the_document_as_composed(council, term):
    document_number_issue(
        council=council,
        series_code="CV",
        date=dt.date(2019, 3, 1),
        subject="Văn bản vào sổ bằng tay",
        signer_name="",
        signer_title="",
        recipients="",
    )
    entry = issue.routine_document_issue(
        routine=TEST_KIND, source=term, council=council, draft=_draft(council, term)
    )
    assert entry.reference == "02/HĐND-VP"
    assert entry.source == term
    assert entry.kind_label == "Công văn thử"
    composed = Composed.from_json(OutgoingDocument.objects.get(pk=entry.pk).content)
    assert composed.number_line == "Số: 02/HĐND-VP"
    assert composed.place_date == "Thử Nghiệm, ngày 05 tháng 3 năm 2019"
    assert composed.header_lines == ["HỘI ĐỒNG NHÂN DÂN", "TỈNH THỬ NGHIỆM"]
    assert composed.recipients == ["- Như trên;", "- UBND tỉnh;", "- Lưu: VT."]
    assert composed.tables()[0].rows == [["1", "IX"]]
    assert [(term.pk, "02/HĐND-VP")] == CALLS


def test_a_refused_or_failed_document_takes_no_number(council, term):
    term_x = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    with pytest.raises(ValidationError, match="chưa bắt đầu"):
        issue.routine_document_issue(
            routine=TEST_KIND, source=term_x, council=council, draft=_draft(council, term_x)
        )

    def broken(**kwargs):
        raise RuntimeError("compose failed")

    failing = RoutineKind(**{**TEST_KIND.__dict__, "compose": broken})
    with pytest.raises(RuntimeError):
        issue.routine_document_issue(
            routine=failing, source=term, council=council, draft=_draft(council, term)
        )
    assert not OutgoingDocument.objects.exists()


# --- pages ---------------------------------------------------------------------------------------


def test_staff_issues_from_the_form_and_downloads_both_files(staff_client, council, term):
    url = reverse("reports:routine_issue", args=[TEST_KIND.kind, term.pk])
    page = staff_client.get(url)
    html = page.content.decode()
    assert "V/v nhiệm kỳ khóa IX" in html
    assert "Chưa có văn bản nào" in html
    response = post_form(
        staff_client,
        url,
        {
            "date": "05/03/2019",
            "subject": "V/v nhiệm kỳ khóa IX (đã sửa)",
            "addressees": "Ủy ban nhân dân tỉnh",
            "opening": "Đoạn mở đầu đã sửa & <kiểm tra>.",
            "closing": "",
            "recipients": "Như trên\nLưu: VT",
            "signing_authority": "TM. THƯỜNG TRỰC HĐND",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Lâm Thị Phương Thanh",
        },
    )
    entry = OutgoingDocument.objects.get()
    assert response.status_code == 302
    assert response.url == entry.get_absolute_url()
    detail = staff_client.get(entry.get_absolute_url()).content.decode()
    pdf_url = reverse("reports:routine_pdf", args=[entry.pk])
    docx_url = reverse("reports:routine_docx", args=[entry.pk])
    assert pdf_url in detail and docx_url in detail

    pdf = staff_client.get(pdf_url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].endswith('.pdf"')
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "01/HĐND-VP" in text and "Đoạn mở đầu đã sửa & <kiểm tra>." in text
    assert "Lâm Thị Phương Thanh" in text

    docx = staff_client.get(docx_url)
    from docx import Document

    document = Document(BytesIO(docx.content))
    words = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Số: 01/HĐND-VP" in words
    assert "Đoạn mở đầu đã sửa & <kiểm tra>." in words
    assert "V/v nhiệm kỳ khóa IX (đã sửa)" in words


def test_a_refused_source_says_why_and_the_button_is_off(staff_client, council):
    term_x = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    html = staff_client.get(reverse("reports:routine_issue", args=[TEST_KIND.kind, term_x.pk]))
    assert "Khóa X chưa bắt đầu." in html.content.decode()


def test_leader_reads_but_cannot_issue(leader_client, term, council):
    assert (
        leader_client.get(
            reverse("reports:routine_issue", args=[TEST_KIND.kind, term.pk])
        ).status_code
        == 403
    )
    entry = issue.routine_document_issue(
        routine=TEST_KIND, source=term, council=council, draft=_draft(council, term)
    )
    assert leader_client.get(reverse("reports:routine_pdf", args=[entry.pk])).status_code == 200


def test_another_council_finds_neither_the_record_nor_the_files(council, term):
    from council.models import Council

    other = Council.objects.create(
        name="HĐND tỉnh Khác", short_name="HĐND tỉnh Khác", place_name="Khác", header_name="HĐND"
    )
    entry = issue.routine_document_issue(
        routine=TEST_KIND, source=term, council=council, draft=_draft(council, term)
    )
    client = council_client(other, "khac")
    assert (
        client.get(reverse("reports:routine_issue", args=[TEST_KIND.kind, term.pk])).status_code
        == 404
    )
    assert client.get(reverse("reports:routine_pdf", args=[entry.pk])).status_code == 404
    assert client.get(reverse("reports:routine_docx", args=[entry.pk])).status_code == 404


def test_an_unknown_kind_and_a_hand_numbered_entry_have_no_document(staff_client, council, term):
    assert (
        staff_client.get(reverse("reports:routine_issue", args=["khong-co", term.pk])).status_code
        == 404
    )
    entry = document_number_issue(
        council=council,
        series_code="CV",
        date=dt.date(2019, 3, 1),
        subject="Bằng tay",
        signer_name="",
        signer_title="",
        recipients="",
    )
    assert staff_client.get(reverse("reports:routine_pdf", args=[entry.pk])).status_code == 404


def test_staff_edits_a_template_sees_an_unknown_placeholder_refused_and_resets(
    staff_client, council
):
    url = reverse("reports:routine_template_update", args=[TEST_KIND.kind])
    listing = staff_client.get(reverse("reports:routine_template_list")).content.decode()
    assert "Công văn thử" in listing and "Mặc định" in listing
    page = staff_client.get(url).content.decode()
    assert "{khoa}" in page and "{cap}" in page
    data = {
        "series_code": "CV",
        "doc_type": "",
        "subject": "V/v khóa {khoa} {sai}",
        "opening": "",
        "closing": "",
        "recipients": "Lưu: VT.",
        "signing_authority": "",
        "signer_title": "",
        "signer_name": "",
    }
    refused = post_form(staff_client, url, data)
    assert refused.status_code == 200
    assert "{sai}" in refused.content.decode()
    saved = post_form(staff_client, url, data | {"subject": "V/v khóa {khoa}"})
    assert saved.status_code == 302
    assert DocumentTemplate.objects.get(council=council).subject == "V/v khóa {khoa}"
    reset = staff_client.post(reverse("reports:routine_template_reset", args=[TEST_KIND.kind]))
    assert reset.status_code == 302
    assert not DocumentTemplate.objects.exists()


def test_a_total_row_is_bold_and_an_of_which_row_italic_in_both_files():
    from docx import Document

    from documents.composition import Signature
    from reports.routine.docx import composed_docx
    from reports.routine.render import composed_html

    table = Table(
        columns=["STT", "Nội dung", "Số"],
        rows=[["1", "Kỳ họp", "5"], ["", "Trong đó: bất thường", "3"], ["", "Tổng cộng", "5"]],
        numeric=[0, 2],
        emphasis=["", "sub", "total"],
    )
    composed = Composed(
        header_lines=["HỘI ĐỒNG NHÂN DÂN"],
        number_line="Số: 01/BC-HĐND",
        place_date="Thử Nghiệm, ngày 05 tháng 3 năm 2019",
        doc_type="BÁO CÁO",
        subject="Thử",
        blocks=[Block(kind="table", table=table)],
        signature=Signature(authority="", title="CHỦ TỊCH", name="A"),
    )
    html = composed_html(composed)
    assert '<tr class="sub">' in html and '<tr class="total">' in html
    assert Composed.from_json(composed.to_json()).tables()[0].emphasis == ["", "sub", "total"]
    document = Document(BytesIO(composed_docx(composed)))
    data = next(t for t in document.tables if t.rows[0].cells[0].text == "STT")
    runs = {row.cells[1].text: row.cells[1].paragraphs[0].runs[0].font for row in data.rows[1:]}
    assert not runs["Kỳ họp"].bold and not runs["Kỳ họp"].italic
    assert runs["Trong đó: bất thường"].italic
    assert runs["Tổng cộng"].bold
