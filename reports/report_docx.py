"""The .docx of a report (a period's activity report, a session's petitions report): the same
context the PDF is printed from (reports.pdf.annual_report_context / session_report_context)
laid out as a documents.composition.Composed and written by reports.routine.docx.

The figures are those the latest PDF printed when there is one (the snapshot its request kept,
ReportRequest.figures), so a clerk who edits the .docx edits what the leaders read in the PDF,
even if data were entered since; without a PDF, today's figures. The charts of the PDF's
appendix (SVG) are left out: python-docx embeds raster images only, and turning SVG into PNG
needs a library the project does not carry (cairosvg); the page says so by the link."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any

from documents.composition import Appendix, Block, Composed, Signature, Table
from reports import document
from reports.models import AnnualReport, ReportRequest
from reports.selectors import (
    AnnualFigures,
    SessionPetitionFigures,
    annual_figures,
    session_petition_figures,
)

# --- the figures the latest PDF printed ---------------------------------------------------------


def _rebuild(kind: Any, value: Any) -> Any:
    """`value` (as JSON stored it) turned back into `kind` (a type hint): dataclasses, tuples,
    dates. Raises TypeError/ValueError/KeyError when the stored shape is not the type's."""
    if value is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if len(options) != 1:
            raise TypeError(f"Cannot rebuild {kind!r}.")
        return _rebuild(options[0], value)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(value, dict):
            raise TypeError(f"{kind.__name__} expects an object.")
        hints = typing.get_type_hints(kind)
        return kind(
            **{
                f.name: _rebuild(hints[f.name], value[f.name])
                for f in dataclasses.fields(kind)
                if f.name in value
            }
        )
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_rebuild(args[0], item) for item in value)
        if len(args) != len(value):
            raise ValueError(f"{kind!r} expects {len(args)} items.")
        return tuple(_rebuild(arg, item) for arg, item in zip(args, value, strict=True))
    if origin is list:
        (arg,) = typing.get_args(kind)
        return [_rebuild(arg, item) for item in value]
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind in (int, str, float, bool):
        if not isinstance(value, kind):
            raise TypeError(f"{value!r} is not {kind.__name__}.")
        return value
    return value


def figures_from_snapshot(kind: type, data: dict[str, Any]) -> Any:
    """AnnualFigures or SessionPetitionFigures from ReportRequest.figures."""
    return _rebuild(kind, data)


def latest_done_request(report: AnnualReport) -> ReportRequest | None:
    return (
        ReportRequest.objects.filter(annual_report=report, status=ReportRequest.Status.DONE)
        .exclude(file="")
        .order_by("-finished_at", "-pk")
        .first()
    )


@dataclasses.dataclass(frozen=True)
class ReportFigures:
    figures: AnnualFigures | SessionPetitionFigures
    # The request whose PDF printed these figures; None: counted now (no PDF yet, or its
    # snapshot could not be read back).
    request: ReportRequest | None


def report_figures(report: AnnualReport) -> ReportFigures:
    """The figures of the report's latest PDF, else today's."""
    kind = SessionPetitionFigures if report.is_session_report else AnnualFigures
    request = latest_done_request(report)
    if request is not None and request.figures:
        try:
            return ReportFigures(figures_from_snapshot(kind, request.figures), request)
        except (TypeError, ValueError, KeyError, AttributeError):
            pass  # a snapshot of an older shape: count again
    if report.is_session_report:
        return ReportFigures(session_petition_figures(session=report.session), None)
    return ReportFigures(annual_figures(council=report.council, period=report.period), None)


# --- the Composed --------------------------------------------------------------------------------

STT_WIDTH = 7
FIGURE_WIDTH = 14


def composed_table(table: document.Table, number: int) -> Table:
    """An appendix table ("Biểu 2. Hoạt động giám sát") as the PDF prints it: STT first (blank
    on "of which" lines and the total), then the table's columns; figures centred."""
    columns = ["STT", *table.headers]
    figures_from = len(columns) - table.figures
    text_columns = figures_from - 1
    text_width = (100 - STT_WIDTH - FIGURE_WIDTH * table.figures) // max(text_columns, 1)
    widths = [STT_WIDTH, *[text_width] * text_columns, *[FIGURE_WIDTH] * table.figures]
    return Table(
        columns=columns,
        rows=[[stt, *cells] for stt, _kind, cells in table.lines],
        emphasis=[kind for _stt, kind, _cells in table.lines],
        widths=widths,
        numeric=[0, *range(figures_from, len(columns))],
        title=f"Biểu {number}. {table.title}",
    )


def _paragraphs(texts: list[str], empty: str = "") -> list[Block]:
    if not texts and empty:
        return [Block(kind="paragraph", text=empty)]
    return [Block(kind="paragraph", text=text) for text in texts]


def _appendix(context: dict[str, Any], subtitle: str) -> Appendix | None:
    tables = context["tables"]
    if not tables:
        return None
    return Appendix(
        title="PHỤ LỤC",
        subtitle=subtitle,
        note=f"({context['appendix_note']})",
        blocks=[
            Block(kind="table", table=composed_table(table, number))
            for number, table in enumerate(tables, start=1)
        ],
    )


def _frame(context: dict[str, Any], report: AnnualReport) -> dict[str, Any]:
    return {
        "header_lines": list(context["header_lines"]),
        "number_line": context["number_line"],
        "place_date": context["place_date"],
        "doc_type": context["doc_type"],
        "subject": context["subject"],
        "recipients": list(context["recipients"]),
        "signature": Signature(
            authority=report.signing_authority,
            title=report.signer_title,
            name=report.signer_name,
        ),
        # "Báo cáo kết quả hoạt động 6 tháng đầu năm 2019 số 03/BC-HĐND": the file's metadata.
        "title": (
            f"{report.title} số {context['number_line'].removeprefix('Số: ')}"
            if report.number.strip()
            else report.title
        ),
    }


def period_report_composed(context: dict[str, Any]) -> Composed:
    """A period's activity report, from reports.pdf.annual_report_context."""
    report: AnnualReport = context["report"]
    blocks = [Block(kind="heading", text="I. KẾT QUẢ HOẠT ĐỘNG")]
    for section in context["sections"]:
        blocks.append(Block(kind="heading", text=section.heading))
        blocks += _paragraphs(section.paragraphs)
    blocks.append(Block(kind="heading", text="II. ĐÁNH GIÁ CHUNG"))
    blocks += _paragraphs(context["assessment"], "(Nội dung đánh giá chưa được nhập.)")
    blocks.append(
        Block(kind="heading", text=f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {context['next_label'].upper()}")
    )
    blocks += _paragraphs(context["next_year_tasks"], "(Phương hướng, nhiệm vụ chưa được nhập.)")
    blocks.append(
        Block(
            kind="paragraph",
            text=(
                f"Trên đây là báo cáo kết quả hoạt động {context['period_label']} của Thường trực "
                f"HĐND {context['level']}./."
            ),
        )
    )
    return Composed(
        **_frame(context, report),
        blocks=blocks,
        appendix=_appendix(
            context,
            f"Số liệu hoạt động {context['period_label']} của HĐND {context['level']}",
        ),
    )


def session_report_composed(context: dict[str, Any]) -> Composed:
    """A session's petitions report, from reports.pdf.session_report_context."""
    report: AnnualReport = context["report"]
    name = context["session_name"]
    blocks = []
    for section in context["sections"]:
        blocks.append(Block(kind="heading", text=section.heading))
        blocks += _paragraphs(section.paragraphs)
    blocks.append(Block(kind="heading", text="III. ĐÁNH GIÁ"))
    blocks += _paragraphs(context["assessment"], "(Nội dung đánh giá chưa được nhập.)")
    blocks.append(Block(kind="heading", text="IV. KIẾN NGHỊ, ĐỀ XUẤT"))
    blocks += _paragraphs(context["proposals"], "(Kiến nghị, đề xuất chưa được nhập.)")
    blocks.append(
        Block(
            kind="paragraph",
            text=(
                "Trên đây là báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri "
                f"gửi đến {name}./."
            ),
        )
    )
    return Composed(
        **_frame(context, report),
        blocks=blocks,
        appendix=_appendix(
            context,
            f"Kết quả giải quyết ý kiến, kiến nghị của cử tri gửi đến {name} (lượt)",
        ),
    )


def report_composed(
    *,
    report: AnnualReport,
    figures: AnnualFigures | SessionPetitionFigures,
    today: dt.date | None = None,
) -> Composed:
    """The report as the PDF prints it from `figures`, charts aside."""
    from reports.pdf import annual_report_context, session_report_context

    if report.is_session_report:
        assert isinstance(figures, SessionPetitionFigures)
        return session_report_composed(
            session_report_context(report=report, figures=figures, today=today)
        )
    assert isinstance(figures, AnnualFigures)
    return period_report_composed(
        annual_report_context(report=report, figures=figures, today=today)
    )


def report_docx(*, report: AnnualReport, today: dt.date | None = None) -> bytes:
    """The .docx of the report, with the figures of its latest PDF (report_figures)."""
    from reports.routine.docx import composed_docx

    figures = report_figures(report).figures
    return composed_docx(report_composed(report=report, figures=figures, today=today))
