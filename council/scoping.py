"""One way every app narrows its records to a council, a term and a year or period: each record
counts on a day of its own (a session's opening day, a petition's received day ...), and the
year is the period Period.year, so a year and any range of days never follow different rules."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.db.models.expressions import Combinable

from core.periods import Period

M = TypeVar("M", bound=Model)


def scoped(
    qs: QuerySet[M],
    *,
    day: str | Combinable,
    council: Any = None,
    term: Any = None,
    year: int | None = None,
    period: Period | None = None,
    council_path: str | None = None,
) -> QuerySet[M]:
    """The rows of `council` (reached through `council_path`, else the model's own) and of
    `term` whose `day` (a field path or an expression) falls in `year` and in `period`; None
    leaves a part out."""
    if council is not None:
        qs = qs.filter(**{council_path or qs.model.council_path: council})
    if term is not None:
        qs = qs.filter(term=term)
    if year is not None:
        qs = qs.filter(Period.year(year).q(day))
    if period is not None:
        qs = qs.filter(period.q(day))
    return qs
