"""The .docx of a generated document (reports.routine.docx, issue 22), read back with
python-docx: the same parts as its PDF (tests/reports/test_composed_render.py builds the
document), the page and its margins, the page numbers, the appendix's section; and, where
LibreOffice is installed, its pages counted against the PDF's."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from documents.composition import Block, Composed
from reports.routine.docx import composed_docx
from reports.routine.render import composed_pdf
from tests.reports.test_composed_render import TRICKY, composed_sample


def read(composed: Composed):
    return Document(BytesIO(composed_docx(composed)))


def body_lines(document) -> list[str]:
    """Every paragraph's text in the order of the body, tables' cells included (row by row,
    a cell's paragraphs in turn)."""
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            lines.append(Paragraph(element, document).text)
        elif element.tag == qn("w:tbl"):
            lines += [Paragraph(p, document).text for p in element.iter(qn("w:p"))]
    return [line for line in lines if line.strip()]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_says_every_part_of_the_document() -> None:
    composed = composed_sample()
    document = read(composed)
    lines = body_lines(document)
    for expected in (
        "HĐND TỈNH LẠNG SƠN",
        "THƯỜNG TRỰC HĐND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/TB-HĐND",
        "Lạng Sơn, ngày 05 tháng 3 năm 2019",
        "THÔNG BÁO",
        "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 3/2019",
        "Kính gửi:\tỦy ban nhân dân tỉnh;",
        "\tBan Thường trực Ủy ban MTTQ Việt Nam tỉnh.",
        "I. KẾT LUẬN CỦA THƯỜNG TRỰC",
        "- Thống nhất nội dung chương trình kỳ họp;",
        "Bảng tổng hợp kiến nghị",
        "Trên đây là kết luận của Thường trực HĐND./.",
        "Nơi nhận:",
        "- Như trên;",
        "- Các Ban HĐND tỉnh;",
        "- Lưu: VT.",
        "TM. THƯỜNG TRỰC HĐND",
        "CHỦ TỊCH",
        "Hoàng Văn Bình",
        "PHỤ LỤC",
        "Danh sách kiến nghị của cử tri chuyển đến UBND tỉnh",
    ):
        assert expected in lines, expected
    assert lines.index("Số: 05/TB-HĐND") < lines.index("THÔNG BÁO") < lines.index("Hoàng Văn Bình")
    assert lines.index("Hoàng Văn Bình") < lines.index("PHỤ LỤC")
    assert lines[0] == "HĐND TỈNH LẠNG SƠN"

    header, body_table, signature, appendix_table = document.tables
    assert table_rows(header)[1] == ["Số: 05/TB-HĐND", "Lạng Sơn, ngày 05 tháng 3 năm 2019"]
    assert table_rows(body_table) == [
        composed.blocks[4].table.columns,
        *composed.blocks[4].table.rows,
    ]
    assert table_rows(appendix_table)[0] == ["STT", "Nội dung", "Nơi gửi"]
    assert [row[1] for row in table_rows(appendix_table)[1:]] == [
        f"Cử tri xã {i} kiến nghị sửa chữa kênh mương nội đồng" for i in range(1, 5)
    ]
    assert table_rows(signature)[0][1].split("\n")[-1] == "Hoàng Văn Bình"

    # The table's header row: bold, repeated on every page; figures centred.
    first = body_table.rows[0]
    assert first._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in first.cells for run in cell.paragraphs[0].runs)
    figure = body_table.rows[1].cells[3].paragraphs[0]
    assert figure.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert body_table.rows[1].cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    # Bordered, and the frame's tables not.
    borders = body_table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:insideH")).get(qn("w:val")) == "single"
    frame = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in frame} == {"nil"}

    # The body: justified, first line 1 cm in; the page break before the text after it.
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Ngày 01/3/2019"))
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(paragraph.paragraph_format.first_line_indent.mm) == 10
    after_break = next(p for p in document.paragraphs if p.text.startswith("Nội dung sau ngắt"))
    assert after_break.paragraph_format.page_break_before is True


def test_docx_page_fonts_numbers_and_metadata() -> None:
    document = read(composed_sample())
    main, appendix = document.sections
    for section in (main, appendix):
        assert round(section.page_width.mm) == 210
        assert round(section.page_height.mm) == 297
        assert round(section.top_margin.mm) == 20
        assert round(section.bottom_margin.mm) == 20
        assert round(section.left_margin.mm) == 30
        assert round(section.right_margin.mm) == 15
        assert section.different_first_page_header_footer
    # Page numbers centred at the top from page 2, none on page 1.
    header = main.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [t.text.strip() for t in header._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    assert not list(main.first_page_header._element.iter(qn("w:instrText")))
    # The appendix: a new page, numbered from 1 again, with the document's page headers.
    assert appendix.start_type == WD_SECTION.NEW_PAGE
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.header.is_linked_to_previous

    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    number = document.tables[0].rows[1].cells[0].paragraphs[0].runs[0]
    assert number.font.size.pt == 13
    assert document.core_properties.title == "Thông báo kết luận số 05/TB-HĐND"
    assert document.core_properties.language == "vi-VN"


def test_a_cong_van_prints_its_subject_under_the_number() -> None:
    composed = composed_sample(doc_type="", appendix_rows=0, addressees=["UBND tỉnh Lạng Sơn"])
    document = read(composed)
    number_cell = document.tables[0].rows[1].cells[0]
    assert [p.text for p in number_cell.paragraphs] == [
        "Số: 07/HĐND-VP",
        "V/v chuyển kiến nghị của cử tri",
    ]
    # No centred title in the body, no appendix section.
    body = [p.text for p in document.paragraphs if p.text.strip()]
    assert "V/v chuyển kiến nghị của cử tri" not in body
    assert body[0] == "Kính gửi: UBND tỉnh Lạng Sơn"
    addressee = next(p for p in document.paragraphs if p.text.startswith("Kính gửi"))
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert len(document.sections) == 1


def test_text_with_markup_characters_is_written_as_typed() -> None:
    composed = composed_sample()
    data = composed_docx(composed)
    document = Document(BytesIO(data))
    lines = body_lines(document)
    assert f"- Giao Văn phòng rà soát {TRICKY}." in lines
    assert f"Kiến nghị thứ 1: sửa {TRICKY}" in table_rows(document.tables[1])[1]
    # Escaped in the XML, not written raw.
    import zipfile

    xml = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode()
    assert "&lt;A&amp;B&gt;" in xml
    assert "<A&B>" not in xml


def test_the_same_composed_from_json_writes_the_same_text() -> None:
    composed = composed_sample()
    again = Composed.from_json(composed.to_json())
    assert body_lines(read(again)) == body_lines(read(composed))


# --- LibreOffice: the .docx's pages against the PDF's ----------------------------------------

SOFFICE = shutil.which("soffice")


def libreoffice_pages(data: bytes, tmp_path: Path) -> int:
    source = tmp_path / "document.docx"
    source.write_bytes(data)
    out = tmp_path / "out"
    # A profile of its own: two runs at once would otherwise lock the same one.
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return len(PdfReader(BytesIO((out / "document.pdf").read_bytes())).pages)


def pdf_pages(composed: Composed) -> int:
    return len(PdfReader(BytesIO(composed_pdf(composed))).pages)


def long_body() -> Composed:
    """A body that runs onto a second page, no appendix."""
    sample = composed_sample(body_rows=2, appendix_rows=0, page_break=False)
    paragraphs = [
        Block(
            kind="paragraph",
            text=f"Đoạn thứ {i}: Thường trực HĐND tỉnh đề nghị UBND tỉnh chỉ đạo các sở, "
            "ngành khẩn trương giải quyết dứt điểm các kiến nghị của cử tri, báo cáo kết quả "
            "trước kỳ họp.",
        )
        for i in range(1, 25)
    ]
    return dataclasses.replace(sample, blocks=[*sample.blocks, *paragraphs])


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize(
    "composed",
    [
        pytest.param(
            composed_sample(
                body_rows=2,
                appendix_rows=0,
                page_break=False,
                addressees=["Ủy ban nhân dân tỉnh"],
            ),
            id="one-page-notice",
        ),
        pytest.param(
            composed_sample(doc_type="", appendix_rows=0, page_break=False),
            id="one-page-cong-van",
        ),
        pytest.param(composed_sample(body_rows=5, appendix_rows=60), id="appendix-of-60-rows"),
        pytest.param(long_body(), id="body-over-two-pages"),
    ],
)
def test_libreoffice_prints_the_docx_on_as_many_pages_as_the_pdf(
    composed: Composed, tmp_path: Path
) -> None:
    expected = pdf_pages(composed)
    assert libreoffice_pages(composed_docx(composed), tmp_path) == expected
