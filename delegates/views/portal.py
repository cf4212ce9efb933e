"""A delegate's own pages: their council's sessions, and one session with its agenda."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from delegates.access import delegate_session_or_404, delegate_sessions, require_delegate
from sessions.models import AgendaItem


def home(request: HttpRequest) -> HttpResponse:
    """The sessions to come first (nearest first), then those held (latest first)."""
    delegate = require_delegate(request)
    today = timezone.localdate()
    sessions = delegate_sessions(delegate).select_related("term")
    return render(
        request,
        "delegates/home.html",
        {
            "delegate": delegate,
            "upcoming": list(sessions.filter(end_date__gte=today).order_by("start_date", "pk")),
            "held": list(sessions.filter(end_date__lt=today).order_by("-start_date", "-pk")[:20]),
        },
    )


def session(request: HttpRequest, pk: int) -> HttpResponse:
    delegate, session = delegate_session_or_404(request, pk)
    items = list(AgendaItem.objects.filter(session=session).order_by("order", "pk"))
    return render(
        request,
        "delegates/session.html",
        {"delegate": delegate, "session": session, "agenda_items": items},
    )
