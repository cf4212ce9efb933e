"""Working days over the national calendar (council.workdays), against real calendars.

Each test enters the holidays it counts on itself (the seed migration council/0020 holds the
official calendar, and tests of the arithmetic must not depend on it): the helper deletes the
seeded rows of the span first. Convention under test: a limit counts from the day after the
event (Bộ luật Dân sự 2015, Điều 147(3))."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from council import workdays
from council.models import Holiday

pytestmark = pytest.mark.django_db

OFF = Holiday.Kind.DAY_OFF
WORKED = Holiday.Kind.WORKING_DAY


def _calendar(*rows: tuple[date, str], clear: tuple[date, date]) -> None:
    """Exactly these holidays between clear[0] and clear[1] (the seed's rows there removed)."""
    Holiday.objects.filter(date__range=clear).delete()
    for day, kind in rows:
        Holiday.objects.create(date=day, kind=kind, name="Ngày thử")


def _tet_2026() -> None:
    # Tết Bính Ngọ for public servants: Monday 16/02 to Friday 20/02/2026 off (five working
    # days, with the weekends 14-15/02 and 21-22/02 around them: nine days in a row).
    _calendar(
        *[(date(2026, 2, d), OFF) for d in range(16, 21)],
        clear=(date(2026, 1, 1), date(2026, 3, 31)),
    )


def test_a_weekday_without_holiday_is_a_working_day():
    _calendar(clear=(date(2026, 3, 1), date(2026, 3, 31)))
    assert workdays.is_working_day(date(2026, 3, 4))  # a Wednesday


def test_saturday_and_sunday_are_rest_days():
    _calendar(clear=(date(2026, 3, 1), date(2026, 3, 31)))
    assert not workdays.is_working_day(date(2026, 3, 7))
    assert not workdays.is_working_day(date(2026, 3, 8))


def test_a_day_off_on_a_weekday_is_a_rest_day():
    _tet_2026()
    assert not workdays.is_working_day(date(2026, 2, 18))


def test_a_swapped_saturday_is_a_working_day():
    # 2025: Friday 02/05 off, worked instead on Saturday 26/04.
    _calendar(
        (date(2025, 4, 26), WORKED),
        (date(2025, 5, 2), OFF),
        clear=(date(2025, 4, 1), date(2025, 5, 31)),
    )
    assert workdays.is_working_day(date(2025, 4, 26))
    assert not workdays.is_working_day(date(2025, 5, 2))


def test_the_day_of_the_event_is_not_counted():
    _calendar(clear=(date(2026, 3, 1), date(2026, 3, 31)))
    # Received Monday 02/03/2026: the first working day of the limit is Tuesday 03/03.
    assert workdays.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)
    assert workdays.add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)


def test_ten_working_days_from_a_friday_before_tet_2026_end_after_tet():
    _tet_2026()
    # Received Friday 13/02/2026. Working days: none in 14-22/02 (weekend, Tết 16-20, weekend);
    # 23, 24, 25, 26, 27/02 are days 1-5; 02, 03, 04, 05, 06/03 are days 6-10.
    assert workdays.add_working_days(date(2026, 2, 13), 10) == date(2026, 3, 6)


def test_seven_working_days_across_30_april_and_a_swapped_saturday_in_2025():
    # 2025: Wednesday 30/04 and Thursday 01/05 holidays, Friday 02/05 off in exchange for
    # Saturday 26/04 worked. Received Thursday 24/04: 25/04 (1), Sat 26/04 worked (2),
    # 28/04 (3), 29/04 (4), 30/04-04/05 off, 05/05 (5), 06/05 (6), 07/05 (7).
    _calendar(
        (date(2025, 4, 26), WORKED),
        (date(2025, 4, 30), OFF),
        (date(2025, 5, 1), OFF),
        (date(2025, 5, 2), OFF),
        clear=(date(2025, 4, 1), date(2025, 5, 31)),
    )
    assert workdays.add_working_days(date(2025, 4, 24), 7) == date(2025, 5, 7)


def test_quoc_khanh_with_its_adjacent_day_is_skipped():
    # 2025: Monday 01/09 and Tuesday 02/09 off. Received Friday 29/08: 03/09 is day 1.
    _calendar(
        (date(2025, 9, 1), OFF),
        (date(2025, 9, 2), OFF),
        clear=(date(2025, 8, 1), date(2025, 9, 30)),
    )
    assert workdays.add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)
    assert workdays.add_working_days(date(2025, 8, 29), 3) == date(2025, 9, 5)


def test_working_days_between_is_the_inverse_of_adding_them():
    _tet_2026()
    start = date(2026, 2, 13)
    for n in (0, 1, 5, 10, 23):
        assert workdays.working_days_between(start, workdays.add_working_days(start, n)) == n
    assert workdays.working_days_between(date(2026, 3, 6), date(2026, 2, 13)) == -10


def test_adding_working_days_reads_the_calendar_in_one_query(django_assert_num_queries):
    _tet_2026()
    with django_assert_num_queries(1):
        workdays.add_working_days(date(2026, 1, 5), 60)
    with django_assert_num_queries(1):
        workdays.working_days_between(date(2026, 1, 1), date(2026, 12, 31))


def test_a_long_run_of_days_off_past_the_first_span_still_gives_the_right_day():
    # Ninety days off in a row (not a real calendar) outrun the span read at first: the answer
    # comes from a second read, never a guess.
    start = date(2030, 1, 1)
    _calendar(
        *[(start + timedelta(days=n), OFF) for n in range(1, 91)],
        clear=(date(2030, 1, 1), date(2030, 12, 31)),
    )
    assert workdays.add_working_days(start, 1) == date(2030, 4, 2)  # 02/01-01/04 off: Tuesday 02/04


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2026, 1, 5), -1)


def test_next_working_day_moves_a_rest_day_forward_and_keeps_a_working_day():
    _tet_2026()
    assert workdays.next_working_day(date(2026, 2, 14)) == date(2026, 2, 23)
    assert workdays.next_working_day(date(2026, 2, 23)) == date(2026, 2, 23)
