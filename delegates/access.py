"""Who may enter the delegates' room, in one place: a delegate's login reaches only its own
council's sessions (and, through them, what the secretariat published); the secretariat's roles
reach the staff pages of the room. Views call these first."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from core import roles
from core.scoping import of_council
from council.models import Delegate
from sessions.models import Session


def require_delegate(request: HttpRequest) -> Delegate:
    """The request's delegate, or 403 for every other login."""
    if not roles.is_delegate(request.user):
        raise PermissionDenied
    return roles.user_delegate(request.user)


def delegate_sessions(delegate: Delegate) -> Any:
    """The sessions a delegate sees: every session of their council (of any term: a re-elected
    delegate keeps the earlier term's documents)."""
    return of_council(Session.objects.all(), delegate.term.council)


def delegate_session_or_404(request: HttpRequest, pk: int) -> tuple[Delegate, Session]:
    """The delegate and one session of their council; 404 for another council's session, so a
    guessed id says nothing."""
    delegate = require_delegate(request)
    session = delegate_sessions(delegate).select_related("term").filter(pk=pk).first()
    if session is None:
        raise Http404
    return delegate, session


def require_secretariat(request: HttpRequest) -> None:
    """The staff pages of the room (logins, documents, queues): staff and administrators."""
    if not roles.can_edit_records(request.user):
        raise PermissionDenied


def query_id(value: str) -> int:
    """An id from the query string (?term=); anything else is a page that does not exist."""
    if not value.isdigit():
        raise Http404
    return int(value)
