"""The period a report or a figure covers: from one day to another, both days included.

Councils report on a year, the first six or nine months of a year, a term, or any range of days
("từ ngày … đến ngày …"). Every app's count selectors take a `Period` and keep their own rule
for the day a record counts on (a session's opening day, a petition's received day, an
oversight activity's end day ...): a record counts in a period when that day falls inside it.
Year and term are shortcuts built here, so the rules never diverge between a year and a range."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q
from django.db.models.expressions import Combinable
from django.db.models.lookups import Range
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    """How a period was chosen; it decides how the period is named in titles."""

    YEAR = "year", _("Cả năm")
    FIRST_MONTHS = "first_months", _("Các tháng đầu năm (6 tháng, 9 tháng)")
    SECOND_HALF = "second_half", _("6 tháng cuối năm")
    TERM = "term", _("Nhiệm kỳ")
    CUSTOM = "custom", _("Từ ngày … đến ngày …")


def _day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    kind: str = PeriodKind.CUSTOM

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"A period cannot end ({self.end}) before it starts ({self.start}).")
        if self.kind not in PeriodKind.values:
            raise ValueError(f"Unknown period kind {self.kind!r}.")

    # --- constructors ---------------------------------------------------------------------

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), PeriodKind.YEAR)

    @classmethod
    def months(cls, year: int, months: int) -> Period:
        """The first `months` months of `year` ("9 tháng đầu năm"); 12 is the whole year."""
        if not 1 <= months <= 12:
            raise ValueError(f"A year has 12 months, not {months}.")
        if months == 12:
            return cls.year(year)
        last = dt.date(year, months, calendar.monthrange(year, months)[1])
        return cls(dt.date(year, 1, 1), last, PeriodKind.FIRST_MONTHS)

    @classmethod
    def half(cls, year: int, first: bool = True) -> Period:
        if first:
            return cls.months(year, 6)
        return cls(dt.date(year, 7, 1), dt.date(year, 12, 31), PeriodKind.SECOND_HALF)

    @classmethod
    def of_term(cls, term: Any, today: dt.date | None = None) -> Period:
        """The whole term (a council.models.Term); a term still running is covered up to `today`."""
        end = term.end_date or max(today or timezone.localdate(), term.start_date)
        return cls(term.start_date, end, PeriodKind.TERM)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """Any range of days, named by its dates ("từ ngày 01/01/2019 đến ngày 30/09/2019")."""
        return cls(start, end, PeriodKind.CUSTOM)

    # --- reading --------------------------------------------------------------------------

    @property
    def label(self) -> str:
        """The period as titles name it: "năm 2019", "6 tháng đầu năm 2019", "nhiệm kỳ
        2016 - 2021", "từ ngày 01/01/2019 đến ngày 30/09/2019"."""
        if self.kind == PeriodKind.YEAR:
            return f"năm {self.start.year}"
        if self.kind == PeriodKind.FIRST_MONTHS:
            return f"{self.end.month} tháng đầu năm {self.start.year}"
        if self.kind == PeriodKind.SECOND_HALF:
            return f"6 tháng cuối năm {self.start.year}"
        if self.kind == PeriodKind.TERM:
            return f"nhiệm kỳ {self.start.year} - {self.end.year}"
        return f"từ ngày {_day(self.start)} đến ngày {_day(self.end)}"

    @property
    def year_number(self) -> int | None:
        """The year of a whole-year period, else None (the dashboard's and the lists' `year`)."""
        return self.start.year if self.kind == PeriodKind.YEAR else None

    @property
    def years(self) -> range:
        return range(self.start.year, self.end.year + 1)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def q(self, field: str | Combinable) -> Q:
        """Filter condition: the day in `field` (a field path or an expression) is inside the
        period, both ends included (SQL BETWEEN)."""
        if isinstance(field, str):
            return Q(**{f"{field}__range": (self.start, self.end)})
        return Q(Range(field, (self.start, self.end)))


def parse_day(text: str) -> dt.date:
    """A day typed on a command line: 30/09/2019 (as Vietnamese documents write it) or
    2019-09-30. ValueError otherwise, with the text that was not understood."""
    value = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"Không hiểu ngày {text!r}: hãy ghi dd/mm/yyyy hoặc yyyy-mm-dd.")
