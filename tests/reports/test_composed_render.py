"""The PDF of a generated document (reports.routine.render, issue 22): a Composed with every
kind of block, a table and an appendix, rendered by WeasyPrint and read back with pypdf; a
công văn's subject under its number; text with <, & and quotes printed as typed."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from pypdf import PdfReader

from documents.composition import Appendix, Block, Composed, Signature, Table
from reports.routine.render import addressee_layout, composed_html, composed_pdf
from tests.reports.conftest import pdf_pages, pdf_text

TRICKY = 'Đường <A&B> "thôn Bắc" & cầu'


def composed_sample(
    *,
    doc_type: str = "THÔNG BÁO",
    body_rows: int = 3,
    appendix_rows: int = 4,
    addressees: list[str] | None = None,
    page_break: bool = True,
) -> Composed:
    """A document with every kind of block, a table in the body and one in the appendix."""
    body_table = Table(
        columns=["STT", "Nội dung kiến nghị", "Cơ quan giải quyết", "Số lượng"],
        rows=[
            [str(i), f"Kiến nghị thứ {i}: sửa {TRICKY}", "UBND huyện Hữu Lũng", str(10 + i)]
            for i in range(1, body_rows + 1)
        ],
        widths=[8, 52, 25, 15],
        numeric=[0, 3],
        title="Bảng tổng hợp kiến nghị",
    )
    blocks = [
        Block(
            kind="paragraph",
            text="Ngày 01/3/2019, Thường trực HĐND tỉnh họp phiên thường kỳ tháng 3 để nghe "
            "báo cáo và cho ý kiến về các nội dung sau đây.",
        ),
        Block(kind="heading", text="I. KẾT LUẬN CỦA THƯỜNG TRỰC"),
        Block(kind="item", text="- Thống nhất nội dung chương trình kỳ họp;"),
        Block(kind="item", text=f"- Giao Văn phòng rà soát {TRICKY}."),
        Block(kind="table", table=body_table),
    ]
    if page_break:
        blocks += [
            Block(kind="page_break"),
            Block(kind="paragraph", text="Nội dung sau ngắt trang của văn bản."),
        ]
    blocks.append(Block(kind="paragraph", text="Trên đây là kết luận của Thường trực HĐND./."))
    appendix = None
    if appendix_rows:
        appendix = Appendix(
            title="PHỤ LỤC",
            subtitle="Danh sách kiến nghị của cử tri chuyển đến UBND tỉnh",
            note="(Kèm theo Thông báo số 05/TB-HĐND ngày 05/03/2019 của Thường trực HĐND tỉnh)",
            blocks=[
                Block(
                    kind="table",
                    table=Table(
                        columns=["STT", "Nội dung", "Nơi gửi"],
                        rows=[
                            [
                                str(i),
                                f"Cử tri xã {i} kiến nghị sửa chữa kênh mương nội đồng",
                                "Sở Nông nghiệp",
                            ]
                            for i in range(1, appendix_rows + 1)
                        ],
                        widths=[10, 65, 25],
                        numeric=[0],
                    ),
                )
            ],
        )
    return Composed(
        header_lines=["HĐND TỈNH LẠNG SƠN", "THƯỜNG TRỰC HĐND"],
        number_line="Số: 05/TB-HĐND" if doc_type else "Số: 07/HĐND-VP",
        place_date="Lạng Sơn, ngày 05 tháng 3 năm 2019",
        doc_type=doc_type,
        subject=(
            "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 3/2019"
            if doc_type
            else "V/v chuyển kiến nghị của cử tri"
        ),
        addressees=(
            addressees
            if addressees is not None
            else ["Ủy ban nhân dân tỉnh;", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh."]
        ),
        blocks=blocks,
        recipients=["- Như trên;", "- Các Ban HĐND tỉnh;", "- Lưu: VT."],
        signature=Signature(
            authority="TM. THƯỜNG TRỰC HĐND", title="CHỦ TỊCH", name="Hoàng Văn Bình"
        ),
        appendix=appendix,
        title="Thông báo kết luận số 05/TB-HĐND",
    )


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def test_pdf_says_every_part_of_the_document() -> None:
    composed = composed_sample()
    pdf = composed_pdf(composed)
    pages = pdf_pages(pdf)
    text = pdf_text(pdf)
    for expected in (
        "HĐND TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/TB-HĐND",
        "Lạng Sơn, ngày 05 tháng 3 năm 2019",
        "THÔNG BÁO",
        "Kết luận của Thường trực HĐND tỉnh tại phiên họp tháng 3/2019",
        # pypdf reads the label's box and the first addressee without a space between them.
        "Kính gửi:Ủy ban nhân dân tỉnh;",
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.",
        "Ngày 01/3/2019, Thường trực HĐND tỉnh họp phiên thường kỳ",
        "I. KẾT LUẬN CỦA THƯỜNG TRỰC",
        "- Thống nhất nội dung chương trình kỳ họp;",
        "Bảng tổng hợp kiến nghị",
        "Nơi nhận:",
        "- Như trên;",
        "- Các Ban HĐND tỉnh;",
        "- Lưu: VT.",
        "TM. THƯỜNG TRỰC HĐND",
        "CHỦ TỊCH",
        "Hoàng Văn Bình",
    ):
        assert expected in text, expected
    # The body's table, row by row, and the page break before the text that follows it.
    for i in (1, 2, 3):
        assert f"{i} Kiến nghị thứ {i}: sửa" in text
        assert f"UBND huyện Hữu Lũng {10 + i}" in text
    assert "Nội dung sau ngắt trang" not in pages[0]
    assert pdf_text(pdf).count("Nội dung sau ngắt trang") == 1
    # The appendix on pages of its own, after the signature.
    appendix_pages = [i for i, page in enumerate(pages) if "PHỤ LỤC" in page]
    assert len(appendix_pages) == 1
    start = appendix_pages[0]
    assert "Hoàng Văn Bình" in " ".join(pages[:start])
    assert "Hoàng Văn Bình" not in " ".join(pages[start:])
    appendix_text = " ".join(pages[start:])
    assert "Danh sách kiến nghị của cử tri chuyển đến UBND tỉnh" in appendix_text
    assert "(Kèm theo Thông báo số 05/TB-HĐND" in appendix_text
    for i in range(1, 5):
        assert f"Cử tri xã {i} kiến nghị sửa chữa kênh mương nội đồng" in appendix_text


def test_text_is_escaped_in_the_html_and_printed_as_typed() -> None:
    composed = composed_sample()
    html = composed_html(composed)
    assert TRICKY not in html
    assert "Đường &lt;A&amp;B&gt; &quot;thôn Bắc&quot; &amp; cầu" in html
    assert "<A&B>" not in html
    text = pdf_text(composed_pdf(composed))
    assert f"Giao Văn phòng rà soát {TRICKY}." in text
    assert text.count(TRICKY) >= 4  # the item and the table's three rows


def test_a_cong_van_prints_its_subject_under_the_number() -> None:
    composed = composed_sample(doc_type="", appendix_rows=0, addressees=["UBND tỉnh Lạng Sơn"])
    html = composed_html(composed)
    assert (
        '<td class="number">Số: 07/HĐND-VP<div class="doc-subject-under">'
        "V/v chuyển kiến nghị của cử tri</div></td>"
    ) in html
    assert 'class="doc-title"' not in html
    pdf = composed_pdf(composed)
    assert page_count(pdf) == 2  # the page break
    lines = [line.strip() for line in pdf_pages(pdf, layout=True)[0].splitlines() if line.strip()]
    number = next(i for i, line in enumerate(lines) if line.startswith("Số: 07/HĐND-VP"))
    # The place and date share the number's line; the subject is the line under them.
    assert "Lạng Sơn, ngày 05 tháng 3 năm 2019" in lines[number]
    assert lines[number + 1] == "V/v chuyển kiến nghị của cử tri"
    # One addressee: on the line of "Kính gửi:".
    assert "Kính gửi: UBND tỉnh Lạng Sơn" in pdf_text(pdf)


def test_the_header_of_the_other_documents_is_unchanged() -> None:
    """Without subject_under_number the include prints the centred title, as before."""
    html = render_to_string(
        "reports/pdf/_document_header.html",
        {
            "header_lines": ["HĐND TỈNH"],
            "number_line": "Số: 1/BC-HĐND",
            "place_date": "Lạng Sơn, ngày 01 tháng 01 năm 2019",
            "doc_type": "",
            "subject": "V/v hướng dẫn",
        },
    )
    assert '<td class="number">Số: 1/BC-HĐND</td>' in html
    assert '<div class="doc-subject">V/v hướng dẫn</div>' in html
    assert "doc-subject-under" not in html


def test_several_addressees_are_listed_under_one_label_centred_as_a_block() -> None:
    short = addressee_layout(["UBND tỉnh;", "Sở Tài chính."])
    long = addressee_layout(["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lạng Sơn;"])
    assert short.label_mm == long.label_mm > 10
    assert short.indent_mm > long.indent_mm >= 0
    html = composed_html(composed_sample())
    assert html.count("Kính gửi:") == 1
    assert (
        f"margin-left: {addressee_layout(['Ủy ban nhân dân tỉnh;', 'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.']).items_mm:.1f}mm"
        in html
    )


def test_a_long_appendix_runs_over_pages_with_its_header_row_repeated() -> None:
    pdf = composed_pdf(composed_sample(appendix_rows=60))
    pages = pdf_pages(pdf)
    start = next(i for i, page in enumerate(pages) if "PHỤ LỤC" in page)
    assert len(pages) - start >= 2
    for page in pages[start:]:
        assert "Nội dung Nơi gửi" in " ".join(page.split())
    text = " ".join(" ".join(pages[start:]).split())
    for i in (1, 30, 60):
        assert f"{i} Cử tri xã {i} kiến nghị" in text
