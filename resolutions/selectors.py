"""Reads of the resolution register. The dashboard and the annual report call these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from council.models import Council, Term
from council.text import search_terms
from resolutions.models import Resolution

# What the register may be sorted by (user input never reaches order_by unchecked).
ORDERINGS: dict[str, tuple[str, ...]] = {
    "number": ("year", "series", "number"),
    "-number": ("-year", "series", "-number"),
    "adopted_date": ("adopted_date", "number"),
    "-adopted_date": ("-adopted_date", "-number"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
    "status": ("status", "-adopted_date"),
    "-status": ("-status", "-adopted_date"),
}


def resolution_filter(
    qs: QuerySet[Resolution],
    *,
    year: int | None = None,
    session: Any = None,
    is_normative: bool | None = None,
    status: str | None = None,
    field: Any = None,
    q: str | None = None,
    ordering: str | None = None,
) -> QuerySet[Resolution]:
    """Apply the register's filters; `session` and `field` may be objects or ids."""
    if year:
        qs = qs.filter(year=year)
    if session:
        qs = qs.filter(session=session)
    if is_normative is not None:
        qs = qs.filter(is_normative=is_normative)
    if status:
        qs = qs.filter(status=status)
    if field:
        qs = qs.filter(field=field)
    # search_text is folded by the service, so folded words match whatever the case and
    # diacritics typed ("dat dai" finds "Đất đai"); a trigram index backs it on PostgreSQL.
    for word in search_terms(q):
        qs = qs.filter(search_text__contains=word)
    if ordering in ORDERINGS:
        qs = qs.order_by(*ORDERINGS[ordering])
    return qs


def resolution_list(
    *,
    council: Council,
    year: int | None = None,
    session: Any = None,
    is_normative: bool | None = None,
    status: str | None = None,
    field: Any = None,
    q: str | None = None,
    ordering: str | None = None,
) -> QuerySet[Resolution]:
    qs = Resolution.objects.filter(council=council).select_related(
        "council", "session__term", "field"
    )
    return resolution_filter(
        qs,
        year=year,
        session=session,
        is_normative=is_normative,
        status=status,
        field=field,
        q=q,
        ordering=ordering,
    )


@dataclass(frozen=True)
class ResolutionCounts:
    total: int
    normative: int
    individual: int
    by_field: tuple[tuple[str, int], ...]
    by_status: tuple[tuple[str, str, int], ...]  # (status code, Vietnamese label, count)


def _scope(*, council: Council, year: int | None, term: Term | None) -> QuerySet[Resolution]:
    qs = Resolution.objects.filter(council=council)
    if year is not None:
        qs = qs.filter(year=year)
    if term is not None:
        qs = qs.filter(term=term)
    return qs.order_by()


def resolution_counts(
    *, council: Council, year: int | None = None, term: Term | None = None
) -> ResolutionCounts:
    """Resolutions of the council, by the year in their number (Resolution.year)."""
    qs = _scope(council=council, year=year, term=term)
    figures = qs.aggregate(
        total=Count("pk"),
        normative=Count("pk", filter=Q(is_normative=True)),
        individual=Count("pk", filter=Q(is_normative=False)),
    )
    fields = (
        qs.values("field__name", "field__order")
        .annotate(n=Count("pk"))
        .order_by("field__order", "field__name")
    )
    by_field = tuple((row["field__name"] or _("Chưa phân loại"), row["n"]) for row in fields)
    status_counts = dict(qs.values_list("status").annotate(n=Count("pk")))
    by_status = tuple(
        (code, str(label), status_counts[code])
        for code, label in Resolution.Status.choices
        if code in status_counts
    )
    return ResolutionCounts(
        total=figures["total"],
        normative=figures["normative"],
        individual=figures["individual"],
        by_field=by_field,
        by_status=by_status,
    )


def resolution_counts_by_year(*, council: Council, term: Term) -> list[tuple[int, int, int]]:
    """(year, normative, individual) for each year of the term, in one query."""
    rows = (
        _scope(council=council, year=None, term=term)
        .values("year")
        .annotate(
            normative=Count("pk", filter=Q(is_normative=True)),
            individual=Count("pk", filter=Q(is_normative=False)),
        )
        .order_by("year")
    )
    return [(r["year"], r["normative"], r["individual"]) for r in rows]
