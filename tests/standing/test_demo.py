"""The demo's year of Thường trực meetings: twelve monthly meetings and one extraordinary,
tasks in every state (one overdue), and a second load changing nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from council import demo as council_demo
from standing import demo, selectors
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting

pytestmark = pytest.mark.django_db


def _rows() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (StandingMeeting, AgendaEntry, Conclusion, ConclusionTask)
    )


def test_demo_holds_a_year_of_meetings_with_one_overdue_task_and_loads_idempotently():
    council = council_demo.load()
    demo.load(council=council)
    loaded = _rows()
    demo.load(council=council)
    assert _rows() == loaded

    meetings = selectors.meeting_list(council=council, year=2019)
    assert meetings.filter(kind=StandingMeeting.Kind.REGULAR).count() == 12
    assert meetings.filter(kind=StandingMeeting.Kind.EXTRAORDINARY).count() == 1
    assert all(m.conclusion_count for m in meetings)
    assert AgendaEntry.objects.filter(intersession_matter__isnull=False).exists()
    today = dt.date(2026, 1, 1)
    counts = selectors.task_counts(council=council, today=today)
    assert counts["overdue"] == 1 and counts["open"] > 1 and counts["done"] > counts["open"]
    assert ConclusionTask.objects.filter(status=ConclusionTask.Status.CANCELLED).exists()
