"""Working-day arithmetic over the national calendar (council.Holiday).

A day is a rest day when it is a Saturday or a Sunday (public offices work 40 hours in five
days and rest on Saturday and Sunday: Quyết định 188/1999/QĐ-TTg, Điều 1) or a Holiday of kind
DAY_OFF (lễ, tết, nghỉ bù); a Holiday of kind WORKING_DAY (làm bù) makes a Saturday or Sunday a
working day. Nothing else is computed: the Prime Minister fixes the days of Tết and
Quốc khánh every year (Bộ luật Lao động 2019, Điều 112(3)), so the calendar is data.

Convention, for every function here: a time limit counts from the day AFTER the event. Bộ luật
Dân sự 2015, Điều 147(2)-(3): a limit in days does not count its first day; one that starts
with an event does not count the day of the event but starts the next day. So
`add_working_days(received, 10)` is the tenth working day after the day of receipt, and
`working_days_between(start, end)` counts the working days in (start, end].

Each call reads the holidays of the span it needs in one query (no query per day); a caller
that needs many dates at once (a list of letters) loads a WorkCalendar once and asks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from council.models import Holiday

SATURDAY = 5  # date.weekday(): Monday is 0

# How far past `start` one query reads when adding working days: twice the days asked plus
# six weeks covers the longest run of rest days the calendar has (Tết: 9 days in 2025) many
# times over. If a call still runs past it, the next span is read (a second query), never a
# wrong date.
_SPAN_MARGIN_DAYS = 42


@dataclass(frozen=True)
class WorkCalendar:
    """The rest and worked days of [first, last], read in one query. Asking about a day
    outside the span is a bug of the caller (ValueError), not a silent guess."""

    first: date
    last: date
    days_off: frozenset[date]
    working_days: frozenset[date]

    @classmethod
    def load(cls, first: date, last: date) -> WorkCalendar:
        days_off: set[date] = set()
        worked: set[date] = set()
        rows = Holiday.objects.filter(date__range=(first, last)).values_list("date", "kind")
        for day, kind in rows:
            (worked if kind == Holiday.Kind.WORKING_DAY else days_off).add(day)
        return cls(first, last, frozenset(days_off), frozenset(worked))

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def is_working_day(self, day: date) -> bool:
        if not self.covers(day):
            raise ValueError(f"{day} is outside the loaded calendar {self.first}..{self.last}")
        if day in self.working_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < SATURDAY

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (start itself not counted); `start` when
        `days` is 0. Raises ValueError when the answer lies past the loaded span."""
        if days < 0:
            raise ValueError("days must not be negative")
        day, left = start, days
        while left:
            day += timedelta(days=1)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(n))
        )

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day


def is_working_day(day: date) -> bool:
    return WorkCalendar.load(day, day).is_working_day(day)


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day after `start`: the last day of a limit of `days` working days
    that starts on the day after `start` (BLDS 2015 Điều 147(3)). One query."""
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return start
    first = start + timedelta(days=1)
    last = start + timedelta(days=2 * days + _SPAN_MARGIN_DAYS)
    counted = 0
    while True:
        calendar = WorkCalendar.load(first, last)
        day = first
        while day <= last:
            if calendar.is_working_day(day):
                counted += 1
            if counted == days:
                return day
            day += timedelta(days=1)
        first, last = last + timedelta(days=1), last + timedelta(days=_SPAN_MARGIN_DAYS)


def working_days_between(start: date, end: date) -> int:
    """The working days in (start, end]: after `start`, up to and including `end` (so that
    working_days_between(d, add_working_days(d, n)) == n). Negative when end < start."""
    low, high = min(start, end), max(start, end)
    return WorkCalendar.load(low, high).working_days_between(start, end)


def next_working_day(day: date, *, horizon_days: int = _SPAN_MARGIN_DAYS) -> date:
    """`day` when it is a working day, else the first working day after it. A limit counted in
    calendar days whose last day is a weekly rest day or a holiday ends at the end of the next
    working day (BLDS 2015 Điều 148(5)); voters.casework.deadlines applies it."""
    return WorkCalendar.load(day, day + timedelta(days=horizon_days)).next_working_day(day)
