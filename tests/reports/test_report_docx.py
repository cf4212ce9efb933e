"""The .docx of a report (issue 22): the demo's six-month report of 2019, numbered from the
register and rendered as the PDF a leader downloads, then written as .docx from the figures that
PDF printed (its request's snapshot). Both files are read back, the PDF with pypdf and the .docx
with python-docx, and must say the same: number, date, subject, headings, the text's figures and
every row of the appendix tables. LibreOffice, when installed, opens the .docx and prints it."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from io import BytesIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from core.periods import Period
from council.selectors import province_council
from documents.composition import Composed
from reports.models import ReportRequest
from reports.numbering import report_number_issue
from reports.report_docx import (
    figures_from_snapshot,
    report_composed,
    report_docx,
    report_figures,
)
from reports.selectors import AnnualFigures, annual_figures
from reports.services import (
    annual_report_render,
    annual_report_save,
    period_report_get_or_create,
    period_report_request,
    session_report_get_or_create,
)
from sessions.models import Session
from tests.reports.conftest import pdf_pages

pytestmark = pytest.mark.django_db

ASSESSMENT = (
    "Thường trực HĐND tỉnh đã chủ động, linh hoạt trong điều hòa, phối hợp hoạt động.\n"
    "Một số kiến nghị của cử tri chậm được giải quyết."
)
TASKS = "Chuẩn bị tốt kỳ họp thường lệ cuối năm 2019.\nTiếp tục giám sát chuyên đề theo kế hoạch."


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    docx: bytes
    composed: Composed
    reference: str
    snapshot_equals_live: bool
    figures_from_request: bool


@pytest.fixture(scope="module")
def six_months(django_db_setup, django_db_blocker, tmp_path_factory) -> Rendered:
    """The demo loaded, its report of the first six months of 2019 written, numbered from the
    register and rendered once (then everything rolled back)."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        from django.db import transaction

        with transaction.atomic():
            call_command("load_demo")
            council = province_council()
            period = Period.half(2019)
            report = period_report_get_or_create(council=council, period=period)
            report.assessment, report.next_year_tasks = ASSESSMENT, TASKS
            report.signer_name = "Hoàng Văn Nghiệm"
            annual_report_save(report=report)
            entry = report_number_issue(report=report).entry
            request = period_report_request(
                council=council, period=period, user=None, enqueue=False
            )
            annual_report_render(request_id=request.pk)
            request.refresh_from_db()
            assert request.status == ReportRequest.Status.DONE, request.error
            with request.file.open("rb") as f:
                pdf = f.read()
            report.refresh_from_db()
            chosen = report_figures(report)
            rendered = Rendered(
                pdf=pdf,
                docx=report_docx(report=report),
                composed=report_composed(report=report, figures=chosen.figures),
                reference=entry.reference,
                snapshot_equals_live=(
                    figures_from_snapshot(AnnualFigures, request.figures)
                    == annual_figures(council=council, period=period)
                ),
                figures_from_request=chosen.request == request,
            )
            transaction.set_rollback(True)
    return rendered


# --- reading both files back -------------------------------------------------------------------


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pdf_prose(data: bytes) -> str:
    """The PDF's text as one line, without the page numbers a sentence may run across."""
    pages = []
    for number, page in enumerate(pdf_pages(data), start=1):
        pages.append(" ".join(line for line in page.splitlines() if line.strip() != str(number)))
    return _flat(" ".join(pages))


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line of the page's layout, with where each starts (cells stand two spaces
    apart or more)."""
    return [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _pdf_tables(data: bytes) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The appendix tables as the PDF prints them: (heading, rows), each row its non-empty cells
    after the STT. A cell's text wrapped onto the next line is joined back to the cell above it
    (the line holds no figure; its words start under that cell)."""
    tables: list[tuple[str, list[list[tuple[int, str]]]]] = []
    in_appendix = in_header = False
    for page in pdf_pages(data, layout=True):
        for line in page.splitlines():
            text = line.strip()
            if text == "PHỤ LỤC":
                in_appendix = True
            elif not in_appendix or not text.strip("."):
                continue
            elif text.startswith("STT"):
                in_header = True  # until the first row: a header's words wrapped
            elif text.isdigit():  # the page's number
                continue
            elif text.startswith("Biểu đồ"):
                in_appendix = False
            elif re.match(r"Biểu \d+\. ", text):
                tables.append((_flat(text), []))
            elif tables and re.match(r"\S.*\s{2,}\S+$", text):
                cells = _cells(line)
                if cells[0][1].isdigit():
                    cells.pop(0)
                tables[-1][1].append(cells)
                in_header = False
            elif tables and tables[-1][1] and not in_header:
                row = tables[-1][1][-1]
                for start, fragment in _cells(line):
                    index = min(range(len(row)), key=lambda i: abs(row[i][0] - start))
                    row[index] = (row[index][0], f"{row[index][1]} {fragment}")
    return [
        (heading, [tuple(_flat(cell) for _start, cell in row) for row in rows])
        for heading, rows in tables
    ]


def _docx_paragraphs(document) -> list[str]:
    """Every paragraph of the .docx, those inside tables (the header, the signature) too."""
    texts = [p.text for p in document.paragraphs]

    def cells(table) -> None:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    cells(inner)

    for table in document.tables:
        cells(table)
    return [_flat(t) for t in texts if t.strip()]


def _docx_data_tables(document) -> list[list[tuple[str, ...]]]:
    """The tables headed "STT": each row's non-empty cells after the STT, header row left out."""
    found = []
    for table in document.tables:
        rows = [[_flat(cell.text) for cell in row.cells] for row in table.rows]
        if not rows or rows[0][0] != "STT":
            continue
        found.append([tuple(cell for cell in row[1:] if cell) for row in rows[1:]])
    return found


# --- the tests ------------------------------------------------------------------------------------


def test_the_docx_is_written_from_the_figures_the_pdf_printed(six_months):
    assert six_months.figures_from_request
    assert six_months.snapshot_equals_live


def test_number_date_and_subject_are_the_pdfs_and_the_registers(six_months):
    composed = six_months.composed
    pdf = _pdf_prose(six_months.pdf)
    docx = _docx_paragraphs(Document(BytesIO(six_months.docx)))
    joined = " ".join(docx)
    number_line = f"Số: {six_months.reference}"
    assert composed.number_line == number_line
    place_date = "Lạng Sơn, ngày 30 tháng 6 năm 2019"
    subject = "Kết quả hoạt động 6 tháng đầu năm 2019 của Thường trực HĐND tỉnh"
    assert composed.place_date == place_date and composed.subject == subject
    assert composed.title.endswith(f"số {six_months.reference}")
    assert Document(BytesIO(six_months.docx)).core_properties.title == composed.title
    for expected in [
        number_line,
        place_date,
        "BÁO CÁO",
        subject,
        "HỘI ĐỒNG NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TM. THƯỜNG TRỰC HĐND",
        "Hoàng Văn Nghiệm",
        "- Lưu: VT.",
        "PHỤ LỤC",
        f"Kèm theo Báo cáo số {six_months.reference} ngày 30/06/2019",
    ]:
        assert expected in pdf, expected
        assert expected in joined, expected


def test_headings_and_paragraphs_are_the_pdfs(six_months):
    composed = six_months.composed
    pdf = _pdf_prose(six_months.pdf)
    docx = _docx_paragraphs(Document(BytesIO(six_months.docx)))
    headings = [b.text for b in composed.blocks if b.kind == "heading"]
    assert headings[:2] == ["I. KẾT QUẢ HOẠT ĐỘNG", "1. Công tác chuẩn bị, tổ chức kỳ họp"]
    assert "II. ĐÁNH GIÁ CHUNG" in headings
    assert "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2019" in headings
    paragraphs = [b.text for b in composed.blocks if b.kind == "paragraph"]
    assert ASSESSMENT.splitlines()[1] in paragraphs and TASKS.splitlines()[0] in paragraphs
    for text in headings + paragraphs:
        assert _flat(text) in docx, text
        assert _flat(text) in pdf, text
    # A figure of the text: the sessions of the half year, as section 1 counts them.
    first = paragraphs[0]
    assert re.search(r"đã tổ chức \d\d kỳ họp", first), first


def test_appendix_rows_are_the_pdfs(six_months):
    composed = six_months.composed
    pdf_tables = _pdf_tables(six_months.pdf)
    docx_tables = _docx_data_tables(Document(BytesIO(six_months.docx)))
    tables = composed.tables()
    assert tables, "the half year has an appendix"
    assert [heading for heading, _rows in pdf_tables] == [t.title for t in tables]
    assert len(docx_tables) == len(tables)
    for (heading, pdf_rows), docx_rows, table in zip(pdf_tables, docx_tables, tables, strict=True):
        assert docx_rows == [tuple(c for c in row[1:] if c) for row in table.rows], heading
        assert pdf_rows == docx_rows, heading


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (soffice)")
def test_libreoffice_opens_and_prints_the_docx(six_months, tmp_path):
    """The .docx opens in LibreOffice and prints. Its pages are not the PDF's: the PDF's appendix
    also draws the charts the .docx leaves out, and the two layouts break pages apart."""
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(six_months.docx)
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    printed = tmp_path / "bao-cao.pdf"
    assert printed.exists(), completed.stderr.decode(errors="replace")
    docx_pages = len(PdfReader(printed).pages)
    pdf_pages_ = len(PdfReader(BytesIO(six_months.pdf)).pages)
    text = _flat(" ".join(page.extract_text() for page in PdfReader(printed).pages))
    assert f"Số: {six_months.reference}" in text
    assert "PHỤ LỤC" in text
    # Without the charts the .docx is no longer than the PDF, and holds the body and appendix.
    assert 2 <= docx_pages <= pdf_pages_, (docx_pages, pdf_pages_)
    print(
        f"LibreOffice printed the .docx on {docx_pages} pages, WeasyPrint the PDF on {pdf_pages_}"
    )


# --- the page's link ----------------------------------------------------------------------------


def test_the_download_is_for_the_secretariat_of_the_council(
    staff_client, leader_user, committee_user, council, term
):
    report = period_report_get_or_create(council=council, period=Period.half(2019))
    url = reverse("reports:report_docx", args=[report.pk])
    page = staff_client.get(report.get_absolute_url()).content.decode()
    assert url in page and "Tải .docx" in page and "không kèm các biểu đồ" in page

    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "bao-cao-ket-qua-hoat-dong-6-thang-dau-nam-2019.docx" in response["Content-Disposition"]
    text = " ".join(_docx_paragraphs(Document(BytesIO(b"".join(response.streaming_content)))))
    assert "Kết quả hoạt động 6 tháng đầu năm 2019 của Thường trực HĐND tỉnh" in text
    assert "(Nội dung đánh giá chưa được nhập.)" in text

    leader = Client()
    leader.force_login(leader_user)
    assert leader.get(url).status_code == 200
    anonymous = Client()
    assert anonymous.get(url).status_code in (302, 403)


def test_a_session_reports_docx(staff_client, council, term):
    session = Session.objects.create(
        term=term, number=9, start_date=Period.half(2019).end, end_date=Period.half(2019).end
    )
    report = session_report_get_or_create(session=session)
    response = staff_client.get(reverse("reports:report_docx", args=[report.pk]))
    assert response.status_code == 200
    text = " ".join(_docx_paragraphs(Document(BytesIO(b"".join(response.streaming_content)))))
    assert (
        "Kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp thứ 9, "
        "HĐND tỉnh khóa IX"
    ) in text
    assert "III. ĐÁNH GIÁ" in text and "IV. KIẾN NGHỊ, ĐỀ XUẤT" in text
    session_page = staff_client.get(session.get_absolute_url()).content.decode()
    assert reverse("reports:report_docx", args=[report.pk]) in session_page
