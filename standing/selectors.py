"""Reads of the Thường trực's meetings: the list of meetings, one meeting with its agenda and its
conclusions' tasks, and the queue of tasks after conclusions. Whether a task is overdue is
decided by `overdue_q` below and nowhere else (ConclusionTask.is_overdue is its Python twin)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.utils import timezone

from council.models import Council
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting

OPEN = ConclusionTask.Status.OPEN


def overdue_q(today: dt.date, prefix: str = "") -> Q:
    """Still open and the deadline is before today (a deadline of today is not overdue yet; a
    cancelled task is never overdue)."""
    return Q(
        **{
            f"{prefix}deadline__isnull": False,
            f"{prefix}deadline__lt": today,
            f"{prefix}status": OPEN,
        }
    )


def _is_overdue_now(today: dt.date) -> ExpressionWrapper:
    return ExpressionWrapper(overdue_q(today), output_field=BooleanField())


# --- meetings --------------------------------------------------------------------------------


def meeting_list(
    *,
    council: Council | None,
    year: int | None = None,
    kind: str | None = None,
    term: Any = None,
    today: dt.date | None = None,
) -> QuerySet[StandingMeeting]:
    """The council's meetings, latest first, with how many conclusions and open tasks each
    has (two subqueries' worth of counts in one statement)."""
    today = today or timezone.localdate()
    qs = StandingMeeting.objects.select_related("term", "chaired_by").annotate(
        conclusion_count=Count("conclusions", distinct=True),
        open_task_count=Count(
            "conclusions__tasks", filter=Q(conclusions__tasks__status=OPEN), distinct=True
        ),
        overdue_task_count=Count(
            "conclusions__tasks", filter=overdue_q(today, "conclusions__tasks__"), distinct=True
        ),
    )
    # Meta.ordering does not apply to a GROUP BY query: said again.
    qs = qs.order_by("-date", "-pk")
    if council is None:
        return qs.none()
    return meeting_filter(qs.filter(term__council=council), year=year, kind=kind, term=term)


def meeting_filter(
    qs: QuerySet[StandingMeeting],
    *,
    year: int | None = None,
    kind: str | None = None,
    term: Any = None,
) -> QuerySet[StandingMeeting]:
    if year:
        qs = qs.filter(date__year=year)
    if kind:
        qs = qs.filter(kind=kind)
    if term:
        qs = qs.filter(term=term)
    return qs


def meeting_get_for_detail(*, pk: int, council: Council | None) -> StandingMeeting:
    """One meeting of the council (StandingMeeting.DoesNotExist for another council's)."""
    return (
        StandingMeeting.objects.select_related("term__council", "chaired_by")
        .prefetch_related("members")
        .get(pk=pk, term__council=council)
    )


def meeting_agenda(*, meeting: StandingMeeting) -> QuerySet[AgendaEntry]:
    return meeting.agenda.select_related("intersession_matter", "session")


def meeting_conclusions(
    *, meeting: StandingMeeting, today: dt.date | None = None
) -> QuerySet[Conclusion]:
    """The conclusions in their order, each with its tasks (`is_overdue_now` from SQL) and
    their responsible bodies: two queries whatever their number."""
    today = today or timezone.localdate()
    tasks = (
        ConclusionTask.objects.select_related("responsible")
        .annotate(is_overdue_now=_is_overdue_now(today))
        .order_by("pk")
    )
    return meeting.conclusions.prefetch_related(Prefetch("tasks", queryset=tasks))


# --- tasks after conclusions -----------------------------------------------------------------


def task_list(
    *,
    council: Council | None,
    status: str | None = None,
    responsible: Any = None,
    overdue: bool = False,
    year: int | None = None,
    today: dt.date | None = None,
) -> QuerySet[ConclusionTask]:
    """The council's tasks after conclusions, by deadline (those without one last), with
    `is_overdue_now` and `days_overdue` (a timedelta, None when not overdue) from SQL."""
    today = today or timezone.localdate()
    qs = (
        ConclusionTask.objects.select_related("responsible", "conclusion__meeting")
        .annotate(
            is_overdue_now=_is_overdue_now(today),
            days_overdue=ExpressionWrapper(
                Value(today) - F("deadline"), output_field=DurationField()
            ),
        )
        .order_by(F("deadline").asc(nulls_last=True), "pk")
    )
    if council is None:
        return qs.none()
    return task_filter(
        qs.filter(conclusion__meeting__term__council=council),
        status=status,
        responsible=responsible,
        overdue=overdue,
        year=year,
        today=today,
    )


def task_filter(
    qs: QuerySet[ConclusionTask],
    *,
    status: str | None = None,
    responsible: Any = None,
    overdue: bool = False,
    year: int | None = None,
    today: dt.date | None = None,
) -> QuerySet[ConclusionTask]:
    today = today or timezone.localdate()
    if status:
        qs = qs.filter(status=status)
    if responsible:
        qs = qs.filter(responsible=responsible)
    if overdue:
        qs = qs.filter(overdue_q(today))
    if year:
        qs = qs.filter(conclusion__meeting__date__year=year)
    return qs


def task_counts(*, council: Council | None, today: dt.date | None = None) -> dict[str, int]:
    """How many tasks are open, overdue, done: one query."""
    today = today or timezone.localdate()
    qs = ConclusionTask.objects.filter(conclusion__meeting__term__council=council)
    return qs.aggregate(
        open=Count("pk", filter=Q(status=OPEN)),
        overdue=Count("pk", filter=overdue_q(today)),
        done=Count("pk", filter=Q(status=ConclusionTask.Status.DONE)),
    )
