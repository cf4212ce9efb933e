"""Reads of the delegates' room: a delegate's registrations, a session's queue."""

from __future__ import annotations

from typing import Any

from core.concurrency import rows_version
from council.models import Delegate
from delegates.models import Registration
from sessions.models import Session

_RELATED = (
    "delegate",
    "agenda_item",
    "respondent_organization",
    "session__term",
    "question",
    "commitment",
)


def delegate_registrations(*, delegate: Delegate, session: Session | None = None) -> Any:
    """A delegate's own registrations, newest session first, in queue order."""
    qs = Registration.objects.filter(delegate=delegate).select_related(*_RELATED)
    if session is not None:
        qs = qs.filter(session=session)
    return qs.order_by("-session__start_date", "session_id", "position", "pk")


def session_registrations(*, session: Session) -> Any:
    """Every registration of the session, the open queue first (in its order), then the
    heard, skipped and withdrawn ones."""
    return (
        Registration.objects.filter(session=session)
        .select_related(*_RELATED)
        .order_by("position", "pk")
    )


def chair_queue(*, session: Session) -> list[Registration]:
    """What the chair's screen shows: the registration being heard, then those waiting, in
    order. One query."""
    rows = list(
        Registration.objects.filter(session=session, status__in=Registration.OPEN_STATUSES)
        .select_related("delegate", "agenda_item", "respondent_organization")
        .order_by("position", "pk")
    )
    return sorted(rows, key=lambda r: r.status != Registration.Status.CALLED)


def queue_version(*, session_id: int) -> str:
    """The version of the session's open queue (core.concurrency.rows_version)."""
    return rows_version(
        Registration.objects.filter(session_id=session_id, status__in=Registration.OPEN_STATUSES)
        .order_by("pk")
        .values_list("pk", "updated_at", "position", "status")
    )
