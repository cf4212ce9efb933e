"""Lists' building blocks: dates written dd/mm/yyyy by every table."""

from __future__ import annotations

import datetime as dt

import django_tables2 as tables
import pytest

from core.tables import DateColumn
from sessions.models import Session

pytestmark = pytest.mark.django_db


class _SessionDates(tables.Table):
    class Meta:
        model = Session
        fields = ["number", "start_date", "end_date"]


def test_every_date_field_gets_the_dd_mm_yyyy_column(term):
    session = Session(term=term, number=3, start_date=dt.date(2019, 7, 9), end_date=None)
    table = _SessionDates([session])
    assert isinstance(table.base_columns["start_date"], DateColumn)
    row = next(iter(table.rows))
    assert row.get_cell("start_date") == "09/07/2019"
    assert row.get_cell("end_date") == table.default  # an empty date is the table's blank
