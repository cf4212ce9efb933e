"""Reading exports back as a user gets them: the filtered list page, its "Xuất Excel" button,
and the workbook that button downloads, opened with openpyxl."""

from __future__ import annotations

import datetime as dt
import html
import re
from io import BytesIO
from typing import Any

from django.urls import reverse
from openpyxl import load_workbook

from core.exports import XLSX_TYPE


def list_page(client, url_name: str, query: dict[str, Any]) -> tuple[int, str]:
    """The number of rows the filtered list counts, and the URL of its "Xuất Excel" button."""
    response = client.get(reverse(url_name), query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Xuất Excel" in page
    links = re.findall(r'<a class="btn btn-outline-success" href="([^"]+)"', page)
    assert len(links) == 1, links
    return response.context["table"].paginator.count, html.unescape(links[0])


def download(client, url: str) -> list[list[Any]]:
    """The workbook's cells (openpyxl cell objects), header row first."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_TYPE
    assert response["Content-Disposition"].startswith("attachment; filename=")
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows()]


def export_matching_page(client, url_name: str, query: dict[str, Any]) -> list[list[Any]]:
    """The export behind a filtered list page, checked to hold as many rows as the page counts."""
    count, export_url = list_page(client, url_name, query)
    rows = download(client, export_url)
    assert len(rows) - 1 == count, (query, count)
    return rows


def values(cells: list[Any]) -> list[Any]:
    return [c.value for c in cells]


def row_where(rows: list[list[Any]], column: int, value: Any) -> list[Any]:
    """The one data row whose `column` holds `value`."""
    found = [row for row in rows[1:] if row[column].value == value]
    assert len(found) == 1, f"{value!r} in {len(found)} rows"
    return found[0]


def assert_date(cell: Any, day: dt.date) -> None:
    """A real date cell (sortable, filterable in Excel) displayed as dd/mm/yyyy."""
    assert cell.is_date, cell.value
    assert cell.value.date() == day
    assert cell.number_format == "DD/MM/YYYY"


def all_text(rows: list[list[Any]]) -> str:
    return " ".join(str(c.value) for row in rows for c in row if c.value is not None)
