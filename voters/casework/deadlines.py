"""The legal deadlines of a letter, from the rules stored as data (voters.DeadlineRule) and the
national calendar (council.workdays). docs/legal-deadlines.md holds the table of limits with
their articles and how each was verified.

Counting, for every rule:
- the day of the event is not counted; the limit starts the next day (Bộ luật Dân sự 2015,
  Điều 147(3)), which council.workdays.add_working_days does for limits in working days;
- a limit in calendar days ("ngày") whose last day is a weekly rest day or a holiday ends on the
  next working day (BLDS 2015 Điều 148(5)); the laws on complaints and denunciations set no
  other way of counting, so the Code's applies (BLDS 2015 Điều 145(1));
- the rule applied is the one in force on the day the time starts (the event), not the one in
  force today: a letter received under NQ 759/2014 keeps its deadline when NQ 116/2025 comes
  into force.

Reads only; the deadlines are stored on the letter when it is saved (voters.services), so a
holiday added later does not move a deadline already given.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from council import workdays
from voters.models import DeadlineRule, Letter

Event = DeadlineRule.Event


def rule_for(event: str, on: date) -> DeadlineRule | None:
    """The rule for `event` in force on `on`: valid_from <= on <= valid_to (open-ended when
    valid_to is empty); when two overlap by mistake, the one that started last wins."""
    return (
        DeadlineRule.objects.filter(event=event, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def rule_days(rule: DeadlineRule, *, complex: bool = False, extensions: int = 0) -> int:
    """The length of the limit a rule gives: `complex_days` for a complex matter when the rule
    has one (Luật Khiếu nại 2011 Điều 28: 30 days, 45 for a complex case), plus `extensions`
    times `extension_days` (Luật Tố cáo 2018 Điều 30(1): 30 days more each time). A rule
    without extension_days allows none: asking for one is an error of the caller, not a
    silently shorter deadline. So is asking for more extensions than max_extensions (two for
    a denunciation)."""
    if extensions < 0:
        raise ValueError("extensions must not be negative")
    days = rule.complex_days if complex and rule.complex_days else rule.days
    if extensions:
        if not rule.extension_days:
            raise ValueError(f"{rule.event}: the rule allows no extension")
        if rule.max_extensions is not None and extensions > rule.max_extensions:
            raise ValueError(f"{rule.event}: at most {rule.max_extensions} extensions")
        days += extensions * rule.extension_days
    return days


def deadline(*, event: str, start: date, complex: bool = False, extensions: int = 0) -> date | None:
    """The last day of the limit for `event` that starts after `start`, in the rule's unit;
    None when no rule is in force on `start` (the office has not entered one)."""
    rule = rule_for(event, start)
    if rule is None:
        return None
    days = rule_days(rule, complex=complex, extensions=extensions)
    if rule.unit == DeadlineRule.Unit.WORKING_DAYS:
        return workdays.add_working_days(start, days)
    return workdays.next_working_day(start + timedelta(days=days))


def letter_processing_due(*, received: date) -> date | None:
    """When the office must have processed (classified and handled) a letter it received."""
    return deadline(event=Event.LETTER_PROCESSING, start=received)


def letter_answer_due(
    *, kind: str, forwarded: date, complex: bool = False, extensions: int = 0
) -> date | None:
    """When the competent body's answer is expected for a letter forwarded to it on
    `forwarded`. The HĐND office does not resolve the matter; it watches the body that does,
    so the date is the latest day the body may still be within the law:

    - a complaint: the body has COMPLAINT_ACCEPTANCE (Luật KN 2011 Điều 27: 10 days from
      receipt) to accept it, and the first resolution time COMPLAINT_RESOLUTION (Điều 28:
      30 days, 45 when complex) counts from acceptance; so the sum of the two, the second
      counted from the last day of the first. A complaint has no extension;
    - a denunciation: DENUNCIATION_ACCEPTANCE (Luật TC 2018 Điều 24(1): 7 working days, 10
      when verification is needed, which `complex` selects) then DENUNCIATION_RESOLUTION
      (Điều 30(1): 30 days from acceptance, + 30 per extension, at most two);
    - a petition or feedback: PETITION_ANSWER from the forwarding.

    The receipt by the body is taken to be the forwarding day: the office knows when it sent
    the letter, not when it arrived, and the answer is due no earlier than the law allows.
    None when a rule is missing."""
    if kind == Letter.Kind.COMPLAINT:
        if extensions:
            raise ValueError("a complaint's resolution time has no extension")
        accepted = deadline(event=Event.COMPLAINT_ACCEPTANCE, start=forwarded)
        if accepted is None:
            return None
        return deadline(event=Event.COMPLAINT_RESOLUTION, start=accepted, complex=complex)
    if kind == Letter.Kind.DENUNCIATION:
        accepted = deadline(event=Event.DENUNCIATION_ACCEPTANCE, start=forwarded, complex=complex)
        if accepted is None:
            return None
        return deadline(event=Event.DENUNCIATION_RESOLUTION, start=accepted, extensions=extensions)
    return deadline(event=Event.PETITION_ANSWER, start=forwarded)


def days_late(*, due: date | None, done: date | None, today: date) -> int:
    """Calendar days past `due`: counted to `done` when the thing was done, else to `today`;
    0 when on time or when there is no deadline."""
    if due is None:
        return 0
    return max(0, ((done or today) - due).days)
