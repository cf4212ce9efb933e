"""The register's reads: the year's counts per series and the next free number."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.models import DocumentSeries
from documents.selectors import document_next_number, document_year_counts
from documents.services import document_cancel, document_number_issue

pytestmark = pytest.mark.django_db


def issue(council, code, day):
    return document_number_issue(
        council=council,
        series_code=code,
        date=day,
        subject="Văn bản",
        signer_name="",
        signer_title="",
        recipients="",
        user=None,
    )


def test_the_years_counts_per_series_in_one_statement(council, django_assert_num_queries):
    for day in (dt.date(2019, 1, 5), dt.date(2019, 2, 5), dt.date(2020, 1, 5)):
        issue(council, "TB", day)
    cancelled = issue(council, "GM", dt.date(2019, 3, 1))
    document_cancel(document=cancelled, reason="Sai", user=None)
    with django_assert_num_queries(1):
        counts = {row.series.code: row for row in document_year_counts(council=council, year=2019)}
    assert list(counts) == ["CV", "TB", "GM", "KH", "BC", "PC"]
    assert (counts["TB"].issued, counts["TB"].cancelled, counts["TB"].next_number) == (2, 0, 3)
    assert (counts["GM"].issued, counts["GM"].cancelled, counts["GM"].next_number) == (0, 1, 2)
    assert (counts["CV"].issued, counts["CV"].next_number) == (0, 1)
    later = {row.series.code: row for row in document_year_counts(council=council, year=2020)}
    assert (later["TB"].issued, later["TB"].next_number) == (1, 2)


def test_the_next_number_follows_the_series_rule(council):
    series = DocumentSeries.objects.get(council=council, code="TB")
    issue(council, "TB", dt.date(2019, 6, 1))
    assert document_next_number(series=series, year=2019) == 2
    assert document_next_number(series=series, year=2020) == 1
    series.yearly_reset = False
    series.save()
    assert document_next_number(series=series, year=2020) == 2
    counts = {row.series.code: row for row in document_year_counts(council=council, year=2020)}
    assert counts["TB"].next_number == 2
