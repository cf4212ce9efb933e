"""core.exports.xlsx_response read back with openpyxl: what XlsxWriter writes is what the
openpyxl writer wrote before it (issue 18), cell by cell."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from core.exports import xlsx_response
from tests.helpers import xlsx_text

TEXTS = [
    "x\r\ny",  # a carriage return inside the text: Excel's _x000D_ escape (tests.helpers.xlsx_text)
    "a\nb",
    "thụt\tvào",
    " khoảng trắng ",
    'Đường <ĐT 741> & "cầu"',
    "0123",  # an identifier keeps its leading zero
]


def test_cells_read_back_as_written():
    when = dt.datetime(2020, 1, 2, 3, 4, 5)
    row = [*TEXTS, "", None, 7, -2.5, Decimal("1.25"), dt.date(2019, 6, 20), when, True]
    response = xlsx_response(
        filename="t", headers=[f"Cột {i}" for i in range(len(row))], rows=[row], sheet="Nghị quyết"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Nghị quyết"
    header, cells = list(sheet.iter_rows())
    assert [c.value for c in header] == [f"Cột {i}" for i in range(len(row))]
    assert all(c.font.b for c in header)
    assert [xlsx_text(c.value) for c in cells[: len(TEXTS)]] == TEXTS
    assert {c.data_type for c in cells[: len(TEXTS)]} == {"s"}
    n = len(TEXTS)
    assert [c.value for c in cells[n : n + 5]] == [None, None, 7, -2.5, 1.25]
    assert [c.value for c in cells[n + 5 : n + 7]] == [dt.datetime(2019, 6, 20), when]
    assert {c.number_format for c in cells[n + 5 : n + 7]} == {"DD/MM/YYYY"}
    assert cells[n + 7].value is True
    assert not any(c.font.b for c in cells)
