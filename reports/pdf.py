"""HTML -> PDF of the reports (a period's activity report, a session's petitions report) with
WeasyPrint. Fonts and the stylesheet load from disk (static/), never from the network, so the
PDF is the same on every machine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string

from council.models import Council
from council.selectors import term_for_date
from reports import numbering
from reports.charts import figure_charts
from reports.document import appendix_tables, paragraphs, results_sections
from reports.fonts import ReportFont, report_font
from reports.models import AnnualReport
from reports.selectors import (
    AnnualFigures,
    SessionPetitionFigures,
    annual_figures,
    session_petition_figures,
    term_trend,
)
from reports.session_document import (
    session_name,
    session_report_sections,
    session_report_tables,
)
from reports.wording import level_word, next_period_label, place_date_line


def _static_root() -> Path:
    return Path(settings.BASE_DIR) / "static"


def static_file_url(url: str) -> str:
    """The file: URL of `url` if it names a file under static/, else ValueError.

    Checked on the decoded, normalised path, not on the text: "static/..%2f..%2fetc/passwd"
    starts with the static root as text and names /etc/passwd once decoded. Decoded until
    stable (a double-encoded %252e%252e is still "..") and resolved (symbolic links, ".."),
    then fetched through the URL of the path that was checked, never the one given."""
    root = _static_root().resolve()
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise ValueError(f"Refusing to load {url!r} into a report.")
    path = parts.path
    for _round in range(5):
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    else:
        raise ValueError(f"Refusing to load {url!r} into a report.")
    if "\x00" in path:
        raise ValueError(f"Refusing to load {url!r} into a report.")
    resolved = Path(url2pathname(path)).resolve()
    if not resolved.is_relative_to(root) or not resolved.is_file():
        raise ValueError(f"Refusing to load {url!r} into a report.")
    return resolved.as_uri()


def _url_fetcher():
    """Only files under static/ may be loaded, and a missing one stops the rendering: no network
    access from a report, and no report silently printed without its font."""
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            return super().fetch(static_file_url(url), headers)

    return StaticOnlyFetcher(allowed_protocols={"file"}, fail_on_errors=True)


def recipient_items(lines: list[str]) -> list[str]:
    """ "- UBND tỉnh;" ... "- Lưu: VT.": each item ends with ";" and the last with "."."""
    items = [line.strip().lstrip("-–").strip().rstrip(";.").strip() for line in lines]
    items = [item for item in items if item]
    if not any(item.lower().startswith("lưu") for item in items):
        items.append("Lưu: VT")
    return [f"- {item}{'.' if i == len(items) - 1 else ';'}" for i, item in enumerate(items)]


# A number not yet given: the blank the văn thư fills in by hand when the report is issued.
BLANK_NUMBER = "\u00a0" * 6


def _document_context(
    *, report: AnnualReport, council: Council, today: dt.date | None, font: ReportFont
) -> dict[str, Any]:
    """What every report prints the same way (NĐ 30/2020): the issuing body, number, place and
    date, recipients and signature, the line that ties the appendix to the report, and the
    font it is printed in."""
    day = report.dated(today)
    number = report.number.strip()
    # A number from the register prints with the entry's symbol (reports.numbering).
    report_symbol = numbering.report_symbol(report, council) if number else council.report_symbol
    symbol = f"{number or '…'}/{report_symbol}"
    # The date the header prints; unknown when the header's line was typed by hand without one.
    typed = report.place_date_override.strip()
    cited_day = "…/…/…" if typed and report.report_date is None else day.strftime("%d/%m/%Y")
    return {
        **document_frame_context(
            council=council,
            doc_type="BÁO CÁO",
            number_line=f"Số: {number or BLANK_NUMBER}/{report_symbol}",
            place_date=typed or place_date_line(council.place_name, day),
            recipient_lines=report.recipient_lines,
            signer=report,
            font=font,
        ),
        "report": report,
        "appendix_note": (
            f"Kèm theo Báo cáo số {symbol} ngày {cited_day} của Thường trực HĐND "
            f"{level_word(council)}"
        ),
    }


def document_frame_context(
    *,
    council: Council,
    doc_type: str,
    number_line: str,
    place_date: str,
    recipient_lines: list[str],
    signer: Any,
    font: ReportFont,
) -> dict[str, Any]:
    """The frame of any of the council's documents (NĐ 30/2020), as the templates
    reports/pdf/_document_header.html and _signature.html print it: issuing body and national
    name, number, place and date, type of document; recipients and the signature of `signer`
    (anything with signing_authority, signer_title and signer_name)."""
    return {
        "council": council,
        "level": level_word(council),
        "header_lines": council.header_lines,
        "doc_type": doc_type,
        "number_line": number_line,
        "place_date": place_date,
        "recipients": recipient_items(recipient_lines),
        "signer": signer,
        "font": font,
    }


def annual_report_context(
    *, report: AnnualReport, figures: AnnualFigures, today: dt.date | None = None
) -> dict[str, Any]:
    council = report.council
    period = report.period
    assert period is not None, "a period's report"
    term = term_for_date(council=council, day=period.end) or term_for_date(
        council=council, day=period.start
    )
    # The trend over the term's years stops at the end of the period: a report shows nothing
    # that happened after it, however late the data were entered.
    trend = term_trend(council=council, term=term, until=period.end) if term else None
    font = report_font()
    # SVG escaped in charts.py, inserted with |safe
    charts = figure_charts(figures, trend, font=font.css_stack)
    lw = level_word(council)
    return {
        **_document_context(report=report, council=council, today=today, font=font),
        "period_label": period.label,
        "subject": f"Kết quả hoạt động {period.label} của Thường trực HĐND {lw}",
        "sections": results_sections(
            figures=figures, council=council, other_work=report.other_work
        ),
        "assessment": paragraphs(report.assessment),
        "next_label": next_period_label(period),
        "next_year_tasks": paragraphs(report.next_year_tasks),
        "tables": appendix_tables(figures=figures, council=council),
        "charts": charts,
        "term": term,
    }


def annual_report_html(*, report: AnnualReport) -> tuple[str, AnnualFigures]:
    figures = annual_figures(council=report.council, period=report.period)
    html = render_to_string(
        "reports/pdf/annual_report.html", annual_report_context(report=report, figures=figures)
    )
    return html, figures


def html_pdf(html: str) -> bytes:
    """A document of the office rendered as the reports are: WeasyPrint, static files and the
    bundled fonts read from disk."""
    from weasyprint import HTML

    base_url = _static_root().resolve().as_uri() + "/"
    return HTML(string=html, base_url=base_url, url_fetcher=_url_fetcher()).write_pdf()


def annual_report_pdf(*, report: AnnualReport) -> tuple[bytes, AnnualFigures]:
    html, figures = annual_report_html(report=report)
    return html_pdf(html), figures


def session_report_context(
    *, report: AnnualReport, figures: SessionPetitionFigures, today: dt.date | None = None
) -> dict[str, Any]:
    council = report.council
    name = session_name(figures, council)
    return {
        **_document_context(report=report, council=council, today=today, font=report_font()),
        "session_name": name,
        "subject": (
            "Kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến " + name
        ),
        "sections": session_report_sections(figures=figures, council=council),
        "assessment": paragraphs(report.assessment),
        "proposals": paragraphs(report.next_year_tasks),
        "tables": session_report_tables(figures=figures, council=council),
    }


def session_report_html(*, report: AnnualReport) -> tuple[str, SessionPetitionFigures]:
    figures = session_petition_figures(session=report.session)
    html = render_to_string(
        "reports/pdf/session_petitions_report.html",
        session_report_context(report=report, figures=figures),
    )
    return html, figures


def session_report_pdf(*, report: AnnualReport) -> tuple[bytes, SessionPetitionFigures]:
    """The PDF of a session's petitions report, and the figures it printed."""
    html, figures = session_report_html(report=report)
    return html_pdf(html), figures
