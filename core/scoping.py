"""Which council's rows a request sees. Each model of a council's data says how its rows reach
their council: `council_path = "term__council"`, a lookup path, or a tuple of alternatives.
Models without one (administrative units, petition fields) are reference data shared by the
councils of one installation. A model whose rows are a council's or shared by all (organisations:
central agencies have no council) says `council_shared = True` beside its path. The request's
council is request_council(request): the login's own, or one it may look at and chose
(accounts.councils says which)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import reduce
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def of_council(qs: QuerySet[M], council: Any) -> QuerySet[M]:
    """The rows of `council`: nothing without a council, every row of shared reference data;
    of a model with `council_shared`, also its province's rows and the shared ones (only those
    without a council)."""
    path = getattr(qs.model, "council_path", None)
    if path is None:
        return qs
    if getattr(qs.model, "council_shared", False):
        return qs.filter(shared_with(council, path))
    if council is None:
        return qs.none()
    paths = (path,) if isinstance(path, str) else path
    return qs.filter(reduce(operator.or_, (Q(**{p: council.pk}) for p in paths)))


def shared_with(council: Any, path: str) -> Q:
    """Rows of `council`, of the council it belongs to (a commune's province) and of none (the
    installation's shared ones), reached through `path`: what a commune works with."""
    shared = Q(**{f"{path}__isnull": True})
    if council is None:
        return shared
    own = [pk for pk in (council.pk, council.parent_id) if pk is not None]
    return Q(**{f"{path}__in": own}) | shared


# The session's key of a council chosen to look at (accounts.views.council_choose).
CHOSEN_COUNCIL_KEY = "council_id"
# Filled by accounts (AccountsConfig.ready), which knows the logins: request -> its council.
COUNCIL_OF_REQUEST: list[Callable[[Any], Any]] = []


def request_council(request: Any) -> Any:
    """The council whose data the request sees (None: no council yet), read once a request."""
    if request is None:  # a form or filter built outside a request
        return None
    if "_council" not in request.__dict__:
        council_of = COUNCIL_OF_REQUEST[0] if COUNCIL_OF_REQUEST else (lambda _request: None)
        request.__dict__["_council"] = council_of(request)
    return request.__dict__["_council"]


def council_object_or_404(request: Any, queryset: Any, **lookup: Any) -> Any:
    """get_object_or_404 among the request's council's rows (a model or a queryset): another
    council's record is not found, as if it did not exist."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    return get_object_or_404(of_council(queryset, request_council(request)), **lookup)
