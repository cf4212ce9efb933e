"""Legal deadlines of letters (voters.casework.deadlines), worked by hand from the laws' text
and the real calendars of 2025 and 2026.

The rules and holidays each test counts on are entered by the test (the seed migrations
voters/0016 and council/0020 hold the official ones and are tested as such only in the last
tests, on purpose). Counting: the day of the event is not counted (BLDS 2015 Điều 147(3)); a
limit in calendar days ending on a rest day ends on the next working day (Điều 148(5))."""

from __future__ import annotations

from datetime import date

import pytest

from council.models import Holiday
from voters.casework import deadlines
from voters.models import DeadlineRule, Letter

pytestmark = pytest.mark.django_db

Event = DeadlineRule.Event
WORKING = DeadlineRule.Unit.WORKING_DAYS
CALENDAR = DeadlineRule.Unit.CALENDAR_DAYS
OFF = Holiday.Kind.DAY_OFF


def _rule(event, days, unit, *, valid_from=date(2010, 1, 1), valid_to=None, **more):
    return DeadlineRule.objects.create(
        event=event,
        days=days,
        unit=unit,
        basis="Thử",
        valid_from=valid_from,
        valid_to=valid_to,
        **more,
    )


@pytest.fixture
def law():
    """The limits of Luật Khiếu nại 2011 Điều 27-28, Luật Tố cáo 2018 Điều 24 and 30 and the
    10 working days of letter processing, entered here rather than read from the seed."""
    DeadlineRule.objects.all().delete()
    _rule(Event.LETTER_PROCESSING, 10, WORKING)
    _rule(Event.COMPLAINT_ACCEPTANCE, 10, CALENDAR)
    _rule(Event.COMPLAINT_RESOLUTION, 30, CALENDAR, complex_days=45)
    _rule(Event.DENUNCIATION_ACCEPTANCE, 7, WORKING, complex_days=10)
    _rule(Event.DENUNCIATION_RESOLUTION, 30, CALENDAR, extension_days=30, max_extensions=2)
    _rule(Event.PETITION_ANSWER, 15, CALENDAR)


@pytest.fixture
def calendar_2025_2026():
    """Only the days these tests count on: 30/4-2/5/2025 with Saturday 26/4 worked instead of
    Friday 2/5, Quốc khánh 1-2/9/2025, Tết Bính Ngọ 16-20/02/2026 for public servants."""
    Holiday.objects.filter(date__year__in=(2025, 2026)).delete()
    for day in (date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)):
        Holiday.objects.create(date=day, kind=OFF, name="Lễ")
    Holiday.objects.create(date=date(2025, 4, 26), kind=Holiday.Kind.WORKING_DAY, name="Làm bù")
    Holiday.objects.create(date=date(2025, 9, 1), kind=OFF, name="Quốc khánh (liền kề)")
    Holiday.objects.create(date=date(2025, 9, 2), kind=OFF, name="Quốc khánh")
    for d in range(16, 21):
        Holiday.objects.create(date=date(2026, 2, d), kind=OFF, name="Tết")


def test_a_letter_received_on_the_friday_before_tet_2026_is_due_after_tet(law, calendar_2025_2026):
    # Received Friday 13/02/2026; 14/02-22/02 rest (weekends and Tết 16-20/02); working days
    # 23-27/02 are 1-5 and 02-06/03 are 6-10.
    assert deadlines.letter_processing_due(received=date(2026, 2, 13)) == date(2026, 3, 6)


def test_a_complaint_forwarded_before_tet_is_due_after_acceptance_and_first_resolution(
    law, calendar_2025_2026
):
    # Forwarded Friday 13/02/2026: accepted at the latest 10 days later, Monday 23/02 (Điều
    # 27); resolved 30 days after that, Wednesday 25/03 (Điều 28); 45 when complex, 09/04.
    forwarded = date(2026, 2, 13)
    assert deadlines.letter_answer_due(kind=Letter.Kind.COMPLAINT, forwarded=forwarded) == date(
        2026, 3, 25
    )
    assert deadlines.letter_answer_due(
        kind=Letter.Kind.COMPLAINT, forwarded=forwarded, complex=True
    ) == date(2026, 4, 9)


def test_a_limit_in_calendar_days_ending_in_tet_ends_on_the_next_working_day(
    law, calendar_2025_2026
):
    # Forwarded Friday 06/02/2026: ten days end on Monday 16/02, a day of Tết; the limit runs to
    # the first working day after the holidays, Monday 23/02 (BLDS 2015 Điều 148(5)).
    assert deadlines.deadline(event=Event.COMPLAINT_ACCEPTANCE, start=date(2026, 2, 6)) == date(
        2026, 2, 23
    )


def test_a_denunciation_across_30_april_counts_the_swapped_saturday(law, calendar_2025_2026):
    # Received Thursday 24/04/2025: 25/04 (1), Saturday 26/04 worked (2), 28/04 (3), 29/04 (4),
    # 30/04-04/05 rest, 05/05 (5), 06/05 (6), 07/05 (7) (Luật Tố cáo 2018 Điều 24(1)).
    assert deadlines.deadline(event=Event.DENUNCIATION_ACCEPTANCE, start=date(2025, 4, 24)) == date(
        2025, 5, 7
    )
    # Ten working days when it must be verified: 08/05 (8), 09/05 (9), 12/05 (10).
    assert deadlines.deadline(
        event=Event.DENUNCIATION_ACCEPTANCE, start=date(2025, 4, 24), complex=True
    ) == date(2025, 5, 12)


def test_a_denunciation_gets_thirty_days_more_per_extension_and_two_at_most(
    law, calendar_2025_2026
):
    # Accepted by Wednesday 07/05/2025, then 30 days: Friday 06/06 (Điều 30(1)). One extension:
    # 60 days end Sunday 06/07, so Monday 07/07. Two: 90 days, Tuesday 05/08. Not three.
    due = {
        n: deadlines.letter_answer_due(
            kind=Letter.Kind.DENUNCIATION, forwarded=date(2025, 4, 24), extensions=n
        )
        for n in (0, 1, 2)
    }
    assert due == {0: date(2025, 6, 6), 1: date(2025, 7, 7), 2: date(2025, 8, 5)}
    with pytest.raises(ValueError):
        deadlines.letter_answer_due(
            kind=Letter.Kind.DENUNCIATION, forwarded=date(2025, 4, 24), extensions=3
        )


def test_a_complaint_has_no_extension(law):
    with pytest.raises(ValueError):
        deadlines.letter_answer_due(
            kind=Letter.Kind.COMPLAINT, forwarded=date(2026, 3, 2), extensions=1
        )


def test_quoc_khanh_and_its_adjacent_day_are_not_working_days(law, calendar_2025_2026):
    # Received Friday 29/08/2025: 01/09 and 02/09 off; 03-05/09 are days 1-3, 08-12/09 days
    # 4-8, 15/09 and 16/09 days 9 and 10.
    assert deadlines.letter_processing_due(received=date(2025, 8, 29)) == date(2025, 9, 16)


def test_the_rule_in_force_on_the_day_of_receipt_applies(calendar_2025_2026):
    DeadlineRule.objects.all().delete()
    _rule(Event.LETTER_PROCESSING, 10, WORKING, valid_to=date(2026, 2, 28))
    _rule(Event.LETTER_PROCESSING, 5, WORKING, valid_from=date(2026, 3, 1))
    # Received Friday 27/02 under the old rule: ten working days even though they end in March.
    assert deadlines.letter_processing_due(received=date(2026, 2, 27)) == date(2026, 3, 13)
    # Received Monday 02/03 under the new one: five.
    assert deadlines.letter_processing_due(received=date(2026, 3, 2)) == date(2026, 3, 9)
    assert deadlines.rule_for(Event.LETTER_PROCESSING, date(2026, 3, 1)).days == 5


def test_the_unit_of_the_rule_decides_between_working_and_calendar_days(calendar_2025_2026):
    DeadlineRule.objects.all().delete()
    _rule(Event.PETITION_ANSWER, 10, CALENDAR, valid_to=date(2025, 12, 31))
    _rule(Event.PETITION_ANSWER, 10, WORKING, valid_from=date(2026, 1, 1))
    # Monday 02/03/2026 + 10 calendar days would be Thursday 12/03; 10 working days are 16/03.
    assert deadlines.letter_answer_due(
        kind=Letter.Kind.PETITION_FEEDBACK, forwarded=date(2026, 3, 2)
    ) == date(2026, 3, 16)
    assert deadlines.letter_answer_due(
        kind=Letter.Kind.PETITION_FEEDBACK, forwarded=date(2025, 3, 3)
    ) == date(2025, 3, 13)


def test_without_a_rule_in_force_there_is_no_deadline():
    DeadlineRule.objects.all().delete()
    _rule(Event.LETTER_PROCESSING, 10, WORKING, valid_from=date(2026, 1, 1))
    assert deadlines.letter_processing_due(received=date(2025, 12, 31)) is None
    assert (
        deadlines.letter_answer_due(kind=Letter.Kind.COMPLAINT, forwarded=date(2026, 1, 5)) is None
    )


def test_an_answer_due_reads_two_rules_and_two_spans_of_the_calendar(
    law, django_assert_num_queries
):
    with django_assert_num_queries(4):
        deadlines.letter_answer_due(kind=Letter.Kind.DENUNCIATION, forwarded=date(2025, 4, 24))


def test_days_late_counts_calendar_days_past_the_due_date():
    due = date(2026, 3, 6)
    assert deadlines.days_late(due=due, done=date(2026, 3, 10), today=date(2026, 4, 1)) == 4
    assert deadlines.days_late(due=due, done=None, today=date(2026, 3, 9)) == 3
    assert deadlines.days_late(due=due, done=date(2026, 3, 6), today=date(2026, 4, 1)) == 0
    assert deadlines.days_late(due=due, done=None, today=date(2026, 3, 1)) == 0
    assert deadlines.days_late(due=None, done=None, today=date(2026, 3, 1)) == 0


# The seed, on purpose: the rows the migrations enter give the law's answers.


def test_the_seeded_rules_and_calendar_give_a_denunciation_its_ninety_days():
    assert deadlines.letter_answer_due(
        kind=Letter.Kind.DENUNCIATION, forwarded=date(2025, 4, 24), extensions=2
    ) == date(2025, 8, 5)


def test_the_seeded_rules_count_a_letter_received_before_tet_2026_in_working_days():
    assert deadlines.letter_processing_due(received=date(2026, 2, 13)) == date(2026, 3, 6)
    rule = deadlines.rule_for(Event.DENUNCIATION_RESOLUTION, date(2026, 2, 13))
    assert (rule.days, rule.extension_days, rule.max_extensions) == (30, 30, 2)
    assert "Điều 30" in rule.basis
