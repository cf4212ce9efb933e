"""The .docx of a generated document (documents.composition.Composed), written with python-docx
from the same description as its PDF (reports.routine.render) and laid out as it is, so that
the office may edit it in Word or LibreOffice and print the same pages.

Measures of NĐ 30/2020 as static/css/report.css sets them for the PDF: A4, margins top and
bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (LibreOffice prints it with the
metric-compatible Liberation Serif the app bundles) 14 pt, lines 1.3 times the size; the
header as a two-column table without borders; page numbers centred at the top from the second
page; the appendix in a section of its own, on a new page, numbered from 1 again.

Between two paragraphs a word processor leaves the larger of the first one's space after and
the second one's space before (ECMA-376 17.3.1.33; Word and LibreOffice do), as CSS collapses
margins: a paragraph's spacing is its CSS margins. Tables have no spacing of their own:
`_Writer.gap` and `_Writer.spacer` give the space around them to their neighbours."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from documents.composition import Appendix, Block, Composed, Table
from reports.routine.render import TEXT_WIDTH_MM, addressee_layout, column_widths

FONT = "Times New Roman"
LANGUAGE = "vi-VN"
BODY_PT = 14.0
LINE = 1.3  # line height, times the font size (report.css: body line-height)
SIGNATURE_SPACE_MM = 28.0
# Where the page number sits: the middle of the 20 mm top margin, as the PDF's @top-center.
HEADER_DISTANCE_MM = 7.0


def composed_docx(composed: Composed) -> bytes:
    document = Document()
    _set_up(document, composed)
    writer = _Writer(document)
    for index, copy in enumerate(composed.printed_copies()):
        if index:
            # Each addressee's copy is a whole document: a section of its own from a new
            # page, numbered from 1 and, as its first page, without a number (the PDF's
            # @page invitation).
            section = document.add_section(WD_SECTION.NEW_PAGE)
            _hairline(document.paragraphs[-1])
            _page_setup(section, restart=True)
            writer.done(below=0, given=0)
        writer.frame(composed)
        writer.addressees(copy.addressees)
        writer.blocks(copy.blocks)
        writer.signature(composed)
    if composed.appendix is not None:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        # The paragraph python-docx adds to carry the first section's end: 1 pt high, so it
        # adds no line under the signature.
        _hairline(document.paragraphs[-1])
        _page_setup(section, restart=True)
        writer.appendix(composed.appendix)
    writer.finish()
    out = BytesIO()
    document.save(out)
    return out.getvalue()


# --- the document: page, styles, page numbers, metadata --------------------------------------


def _set_up(document: Any, composed: Composed) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(r_pr):
        r_pr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    r_pr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(int(BODY_PT * 2)))
        r_pr.append(size)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    r_pr.append(lang)
    p_pr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(p_pr):
        p_pr.remove(child)
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(round(BODY_PT * LINE * 20)))
    spacing.set(qn("w:lineRule"), "exact")
    p_pr.append(spacing)

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)

    _page_setup(document.sections[0], restart=False)

    properties = document.core_properties
    properties.title = composed.title
    properties.language = LANGUAGE
    properties.author = " ".join(composed.header_lines)
    properties.subject = composed.subject
    properties.comments = "Văn phòng HĐND"


def _page_setup(section: Any, *, restart: bool) -> None:
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15)
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.footer_distance = Mm(HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    if restart:
        numbering = section._sectPr.find(qn("w:pgNumType"))
        if numbering is None:
            numbering = OxmlElement("w:pgNumType")
            section._sectPr.append(numbering)
        numbering.set(qn("w:start"), "1")
        # The appendix's headers are the document's (linked): no number on its first page.
        return
    header = section.header.paragraphs[0]
    _format(header, align=WD_ALIGN_PARAGRAPH.CENTER, size=13, line=1.3)
    _page_field(header, size=13)
    first = section.first_page_header.paragraphs[0]
    _format(first, size=13, line=1.3)


def _page_field(paragraph: Paragraph, *, size: float) -> None:
    """PAGE, the number of the page, updated by the word processor."""
    run = paragraph.add_run()
    run.font.size = Pt(size)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


# --- paragraphs, runs, tables ----------------------------------------------------------------


def _format(
    paragraph: Paragraph,
    *,
    align: Any = None,
    size: float = BODY_PT,
    line: float = LINE,
    before: float = 0,
    after: float = 0,
    first_indent_mm: float = 0,
    left_mm: float = 0,
    right_mm: float = 0,
    keep_next: bool = False,
) -> Paragraph:
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(round(size * line, 1))
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if first_indent_mm:
        fmt.first_line_indent = Mm(first_indent_mm)
    if left_mm:
        fmt.left_indent = Mm(left_mm)
    if right_mm:
        fmt.right_indent = Mm(right_mm)
    if keep_next:
        fmt.keep_with_next = True
    return paragraph


def _run(
    paragraph: Paragraph,
    text: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = FONT
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True
    return run


def _border(paragraph: Paragraph, side: str, *, width_pt: float = 0.75) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(round(width_pt * 8)))
    edge.set(qn("w:space"), "0")
    edge.set(qn("w:color"), "000000")
    borders.append(edge)
    p_pr.append(borders)


def _rule(cell_or_doc: Any, *, width_mm: float, line_mm: float, before: float) -> Paragraph:
    """A short line centred under a text (the agency's name, the title), `before` points
    below it: an empty paragraph that high whose bottom border spans `width_mm` of a line
    `line_mm` wide (a bottom border, drawn under the line by Word and LibreOffice alike; a top
    one LibreOffice draws above the space before the paragraph)."""
    paragraph = cell_or_doc.add_paragraph()
    side = (line_mm - width_mm) / 2
    _format(paragraph, size=1, line=1.0, left_mm=side, right_mm=side)
    _border(paragraph, "bottom")
    paragraph.paragraph_format.line_spacing = Pt(before)
    _run(paragraph, "", size=1)
    return paragraph


def _table_properties(table: DocxTable, *, widths_mm: list[float], borders: bool) -> None:
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblBorders", "w:tblCellMar", "w:tblInd"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(round(sum(widths_mm) * 56.6929)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    indent = OxmlElement("w:tblInd")
    # Compatibility mode 14 (the template's) sets a table's text, not its border, at the indent:
    # the border of a bordered table on the margin, as the PDF's.
    indent.set(qn("w:w"), "80" if borders else "0")
    indent.set(qn("w:type"), "dxa")
    tbl_pr.append(indent)
    edges = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if borders:
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), "4")  # eighths of a point: 0.5 pt, as table.data's
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        else:
            edge.set(qn("w:val"), "nil")
        edges.append(edge)
    tbl_pr.append(edges)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    # table.data: padding 2pt 4pt; the frame's tables: none.
    for side, value in (
        ("top", 40 if borders else 0),
        ("left", 80 if borders else 0),
        ("bottom", 40 if borders else 0),
        ("right", 80 if borders else 0),
    ):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.append(margins)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width_mm in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(width_mm * 56.6929)))
    for row in table.rows:
        for cell, width_mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width_mm)


def _cant_split(row: Any, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _hairline(paragraph: Paragraph) -> None:
    """An empty paragraph 1 pt high."""
    _format(paragraph, size=1, line=1.0)
    paragraph.paragraph_format.line_spacing = Pt(1)


def _first_paragraph(cell: _Cell) -> Paragraph:
    """A new cell holds one empty paragraph: the first text goes there."""
    return cell.paragraphs[0]


class _Writer:
    """Writes the document's parts in order, tracking the space below the last one."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.below = 0.0  # the CSS margin below the last block
        self.given = 0.0  # the space after it the .docx already has
        self.page_break = False

    def gap(self, top: float) -> float:
        """The space before a paragraph whose CSS margin-top is `top`: its own when the
        paragraph above gives its margin (the two collapse as in CSS), else what the element
        above (a table, the header) leaves to it."""
        if self.given >= self.below:
            return top
        return max(0.0, max(top, self.below) - self.given)

    def done(self, *, below: float, given: float | None = None) -> None:
        self.below = below
        self.given = below if given is None else given

    def paragraph(
        self, *, top: float = 0, bottom: float = 0, size: float = BODY_PT, **fmt: Any
    ) -> Paragraph:
        paragraph = self.document.add_paragraph()
        _format(paragraph, size=size, before=self.gap(top), after=bottom, **fmt)
        if self.page_break:
            paragraph.paragraph_format.page_break_before = True
            self.page_break = False
        self.done(below=bottom)
        return paragraph

    def spacer(self, *, top: float) -> Paragraph:
        """An empty paragraph as high as the space above a table (CSS margin `top`, collapsed
        with the one above): a table has no space before of its own."""
        height = max(0.0, max(top, self.below) - self.given)
        paragraph = self.paragraph()
        _hairline(paragraph)
        paragraph.paragraph_format.line_spacing = Pt(max(1.0, height))
        self.done(below=0)
        return paragraph

    # The frame (NĐ 30/2020): issuing body, national name, number, place and date, title.

    def frame(self, composed: Composed) -> None:
        agency_mm = TEXT_WIDTH_MM * 0.38
        widths = [agency_mm, TEXT_WIDTH_MM - agency_mm]
        table = self.document.add_table(rows=2, cols=2)
        _table_properties(table, widths_mm=widths, borders=False)
        agency, national = table.rows[0].cells
        number, place_date = table.rows[1].cells
        for cell in (agency, national, number, place_date):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        centred = WD_ALIGN_PARAGRAPH.CENTER
        for line in composed.header_lines:
            p = _format(agency.add_paragraph(), align=centred, size=13, line=1.2)
            _run(p, line.upper(), size=13, bold=True)
        if not composed.header_lines:
            agency.add_paragraph()
        _rule(agency, width_mm=agency_mm * 0.30, line_mm=agency_mm, before=2)
        p = _format(national.add_paragraph(), align=centred, size=12.5, line=1.2)
        _run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12.5, bold=True)
        p = _format(national.add_paragraph(), align=centred, size=13.5, line=1.2)
        _run(p, "Độc lập - Tự do - Hạnh phúc", size=13.5, bold=True, underline=True)
        p = _format(number.add_paragraph(), align=centred, size=13, before=8)
        _run(p, composed.number_line, size=13)
        if composed.subject_under_number and composed.subject:
            p = _format(number.add_paragraph(), align=centred, size=12, line=1.2, before=6)
            _run(p, composed.subject, size=12)
        p = _format(place_date.add_paragraph(), align=centred, size=14, before=8)
        _run(p, composed.place_date, italic=True)
        # table.doc-header: margin-bottom 10pt; a công văn's .doc-header-gap adds 10pt more.
        if composed.subject_under_number:
            # table.doc-header's margin-bottom, then .doc-header-gap's height: 20pt that do not
            # collapse with the margin of what follows.
            self.done(below=0, given=-20)
            return
        self.done(below=10, given=0)
        p = self.paragraph(top=18, align=centred, keep_next=True)
        _run(p, composed.doc_type.upper(), bold=True)
        if composed.subject:
            p = self.paragraph(
                top=2,
                align=centred,
                left_mm=TEXT_WIDTH_MM * 0.08,
                right_mm=TEXT_WIDTH_MM * 0.08,
                keep_next=True,
            )
            _run(p, composed.subject, bold=True)
        rule = _rule(self.document, width_mm=TEXT_WIDTH_MM * 0.28, line_mm=TEXT_WIDTH_MM, before=3)
        rule.paragraph_format.space_after = Pt(0)
        self.done(below=12, given=0)

    def addressees(self, addressees: list[str]) -> None:
        lines = [line for line in addressees if line.strip()]
        if len(lines) == 1:
            p = self.paragraph(top=6, bottom=12, align=WD_ALIGN_PARAGRAPH.CENTER)
            _run(p, f"Kính gửi: {lines[0]}")
            return
        if not lines:
            return
        layout = addressee_layout(lines)
        for i, line in enumerate(lines):
            p = self.paragraph(
                top=6 if i == 0 else 0,
                bottom=12 if i == len(lines) - 1 else 0,
                align=WD_ALIGN_PARAGRAPH.LEFT,
                left_mm=layout.items_mm,
            )
            p.paragraph_format.first_line_indent = Mm(-layout.label_mm)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(layout.items_mm))
            _run(p, ("Kính gửi:" if i == 0 else "") + "\t" + line)

    # The body.

    def blocks(self, blocks: list[Block]) -> None:
        justified = WD_ALIGN_PARAGRAPH.JUSTIFY
        for block in blocks:
            if block.kind == "heading":
                p = self.paragraph(
                    top=10, bottom=4, align=justified, first_indent_mm=10, keep_next=True
                )
                _run(p, block.text, bold=True)
            elif block.kind in ("paragraph", "item"):
                p = self.paragraph(bottom=6, align=justified, first_indent_mm=10)
                p.paragraph_format.widow_control = True
                _run(p, block.text)
            elif block.kind == "page_break":
                self.page_break = True
            elif block.kind == "table" and block.table is not None:
                self.table(block.table)

    def table(self, table: Table) -> None:
        if table.title:
            p = self.paragraph(top=10, bottom=4, size=13, keep_next=True)
            _run(p, table.title, size=13, bold=True)
        elif self.document.element.body[-1].tag == qn("w:tbl") or self.page_break:
            # Two tables in a row would merge into one: a line between them, as high as the
            # PDF's gap.
            self.spacer(top=0)
        widths = [TEXT_WIDTH_MM * share / 100 for share in column_widths(table)]
        numeric = set(table.numeric)
        count = len(table.columns)
        docx_table = self.document.add_table(rows=1 + len(table.rows), cols=count)
        _table_properties(docx_table, widths_mm=widths, borders=True)
        centred = WD_ALIGN_PARAGRAPH.CENTER
        header = docx_table.rows[0]
        _cant_split(header, header=True)
        for cell, text in zip(header.cells, table.columns, strict=True):
            p = _format(_first_paragraph(cell), align=centred, size=12)
            _run(p, text, size=12, bold=True)
        for index, (row, values) in enumerate(zip(docx_table.rows[1:], table.rows, strict=True)):
            _cant_split(row)
            # As table.data's tr.total (bold) and tr.sub (italic) in report.css.
            emphasis = table.row_emphasis(index)
            cells = [*values, *[""] * count][:count]
            for i, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
                p = _format(
                    _first_paragraph(cell),
                    align=centred if i in numeric else WD_ALIGN_PARAGRAPH.LEFT,
                    size=12,
                )
                _run(p, text, size=12, bold=emphasis == "total", italic=emphasis == "sub")
        # table.data: margin-bottom 6pt, which the next paragraph gives.
        self.done(below=6, given=0)

    # Nơi nhận and the signature.

    def signature(self, composed: Composed) -> None:
        signature = composed.signature
        if signature is None and not composed.recipients:
            return
        # table.signature: margin-top 12pt, given by a paragraph of that height above it.
        self.spacer(top=12).paragraph_format.keep_with_next = True
        widths = [TEXT_WIDTH_MM * 0.45, TEXT_WIDTH_MM * 0.55]
        table = self.document.add_table(rows=1, cols=2)
        _table_properties(table, widths_mm=widths, borders=False)
        _cant_split(table.rows[0])
        left, right = table.rows[0].cells
        for cell in (left, right):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        p = _format(left.add_paragraph(), size=12)
        _run(p, "Nơi nhận:", size=12, bold=True, italic=True)
        for item in composed.recipients:
            p = _format(left.add_paragraph(), size=11, line=1.25)
            _run(p, item, size=11)
        centred = WD_ALIGN_PARAGRAPH.CENTER
        if signature is not None:
            for text in (signature.authority, signature.title):
                if text:
                    p = _format(right.add_paragraph(), align=centred, line=1.25)
                    _run(p, text.upper(), bold=True)
            space = _format(right.add_paragraph(), size=1, line=1.0)
            space.paragraph_format.line_spacing = Mm(SIGNATURE_SPACE_MM)
            p = _format(right.add_paragraph(), align=centred)
            _run(p, signature.name, bold=True)
        else:
            right.add_paragraph()
        self.done(below=0, given=0)

    # The appendix, in a section of its own.

    def appendix(self, appendix: Appendix) -> None:
        centred = WD_ALIGN_PARAGRAPH.CENTER
        self.done(below=0)
        p = self.paragraph(align=centred, keep_next=True)
        _run(p, appendix.title, bold=True)
        if appendix.subtitle:
            p = self.paragraph(align=centred, size=13, keep_next=True)
            _run(p, appendix.subtitle, size=13, bold=True)
        if appendix.note:
            p = self.paragraph(align=centred, size=12, bottom=8, keep_next=True)
            _run(p, appendix.note, size=12, italic=True)
        self.blocks(appendix.blocks)

    def finish(self) -> None:
        """A document ends with a paragraph (Word adds one after a last table): 1 pt high, so
        it never makes a page of its own."""
        _hairline(self.document.add_paragraph())
