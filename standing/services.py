"""Writes of the Thường trực's meetings. Each validates with full_clean() (Vietnamese messages)
before saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import Delegate
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting


def _stamp(instance: Any, user: Any) -> None:
    if instance._state.adding and user is not None and getattr(user, "is_authenticated", False):
        instance.created_by = user


@transaction.atomic
def meeting_save(
    *,
    meeting: StandingMeeting,
    members: Iterable[Delegate] | None = None,
    user: Any = None,
) -> StandingMeeting:
    """Create or update a meeting; `members`, when given, replace those attending."""
    _stamp(meeting, user)
    meeting.full_clean()
    if members is not None:
        members = list(members)
        strangers = [m for m in members if m.term_id != meeting.term_id]
        if strangers:
            raise ValidationError(
                {"members": _("Thành viên dự họp phải là đại biểu của nhiệm kỳ đã chọn.")}
            )
    meeting.save()
    if members is not None:
        meeting.members.set(members)
    return meeting


@transaction.atomic
def agenda_entry_save(*, entry: AgendaEntry, user: Any = None) -> AgendaEntry:
    _stamp(entry, user)
    if entry._state.adding and not entry.order:
        entry.order = _next_order(AgendaEntry.objects.filter(meeting=entry.meeting_id))
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def conclusion_save(*, conclusion: Conclusion, user: Any = None) -> Conclusion:
    _stamp(conclusion, user)
    if conclusion._state.adding and not conclusion.order:
        conclusion.order = _next_order(Conclusion.objects.filter(meeting=conclusion.meeting_id))
    conclusion.full_clean()
    conclusion.save()
    return conclusion


def _next_order(siblings: Any) -> int:
    """A new entry goes last: the clerk types the agenda and the conclusions in their order."""
    last = siblings.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def task_save(*, task: ConclusionTask, user: Any = None) -> ConclusionTask:
    """Create or update a task. A task marked done without a day is done today; a task no
    longer done forgets its completion day."""
    _stamp(task, user)
    if task.status == ConclusionTask.Status.DONE and task.completed_date is None:
        task.completed_date = timezone.localdate()
    if task.status != ConclusionTask.Status.DONE:
        task.completed_date = None
    task.full_clean()
    task.save()
    return task


@transaction.atomic
def task_complete(
    *,
    task: ConclusionTask,
    completed_date: dt.date,
    result: str = "",
    user: Any = None,
) -> ConclusionTask:
    """The responsible body reported the task done: its day and what was done."""
    if task.status == ConclusionTask.Status.CANCELLED:
        raise ValidationError(_("Việc này đã được ghi là không thực hiện nữa."))
    task.status = ConclusionTask.Status.DONE
    task.completed_date = completed_date
    if result:
        task.result = result
    task.full_clean()
    task.save()
    return task
