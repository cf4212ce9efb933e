"""The rule evaluators: the one place that knows each kind of item. One module per source app,
each importing that app's models and selectors (never the reverse): notifications reads
oversight, voters and reports; they know nothing of it.

An evaluator takes the rule and the day and returns the candidates: who is told about which
item, with its deadline, the occurrence due and a title. A title never carries a citizen's
personal data (a sender's name, address, phone, ID number): it is built from numbers,
subjects, agencies and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from notifications.models import Event, NotificationRule
from notifications.recipients import Recipients


@dataclass(frozen=True)
class Candidate:
    user_ids: Sequence[int]
    item: Any  # a model instance: its content type and pk identify it
    due_date: dt.date
    occurrence: dt.date
    title: str
    url: str


Evaluator = Callable[..., Iterable[Candidate]]


def evaluators() -> dict[str, Evaluator]:
    """Event -> evaluator, imported when a scan runs (the source apps' models are loaded by
    then; importing them here at module level would tie this package's import to theirs)."""
    from notifications.rules import cases, oversight, petitions, reports, sessions

    return {
        Event.RECOMMENDATION_DEADLINE: oversight.recommendation_deadlines,
        Event.PETITION_ANSWER_OVERDUE: petitions.overdue_by_agency,
        Event.CASE_DEADLINE: cases.case_deadlines,
        Event.SESSION_DOCUMENTS_PUBLISHED: sessions.documents_published,
        Event.QUESTION_REGISTRATION_CLOSING: sessions.question_registration_closing,
        Event.REPORT_READY: reports.reports_ready,
    }


def evaluate(*, rule: NotificationRule, today: dt.date, recipients: Recipients) -> list[Candidate]:
    evaluator = evaluators().get(rule.event)
    if evaluator is None:  # told as it happens (an import finished: notifications.receivers)
        return []
    return list(evaluator(rule=rule, today=today, recipients=recipients))


def describe(*, event: str, item: Any) -> Candidate | None:
    """The line about one item, for an event its app reports as it happens (its id suffices:
    the evaluator reads the item afresh)."""
    from notifications.rules import reports

    describers = {Event.REPORT_READY: reports.describe_request}
    describer = describers.get(event)
    return describer(item) if describer is not None else None


def day(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")
