"""Reads of the council registry, including the Standing Committee's work between sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.periods import Period
from core.scoping import of_council
from core.text import fold
from council.models import (
    AppraisalRequest,
    Committee,
    Council,
    Delegate,
    DelegateGroup,
    InterSessionMatter,
    Organization,
    Term,
)
from council.scoping import scoped


def province_council() -> Council | None:
    """The installation's own council (a province's, whose communes' councils it hosts): the
    first council that belongs to no other. A request's council is another matter
    (core.scoping.request_council)."""
    return Council.objects.filter(parent__isnull=True).order_by("pk").first()


def council_lookup(*, key: str) -> Council | None:
    """A council named on a command line: by id (digits) or by its full or short name, in any
    case. None when nothing or more than one council answers to it."""
    key = key.strip()
    if key.isdigit():
        return Council.objects.filter(pk=int(key)).first()
    matches = list(Council.objects.filter(Q(name__iexact=key) | Q(short_name__iexact=key))[:2])
    return matches[0] if len(matches) == 1 else None


def term_for_date(*, council: Council, day) -> Term | None:
    return (
        Term.objects.filter(council=council, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("-start_date")
        .first()
    )


def term_at(*, council: Council | Subquery, day: dt.date | None = None) -> Subquery:
    """term_for_date as a subquery (no round trip of its own); with no day, the latest term.
    The council may itself be a subquery."""
    terms = Term.objects.filter(council=council)
    if day is not None:
        terms = terms.filter(start_date__lte=day).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )
    return Subquery(terms.order_by("-start_date").values("pk")[:1])


def term_with_records(
    *, council: Council, records: QuerySet, today: dt.date | None = None
) -> Term | None:
    """The term a page or a form opens on: the one in force today when `records` (rows of any
    model with a `term`) has some in it; else the latest term begun by today that has some (a
    new term before its first record, a council past its last term, data entered after the
    fact); else the term in force today, else the latest. One query: a council has a handful of
    terms."""
    today = today or timezone.localdate()
    terms = list(
        Term.objects.filter(council=council)
        .annotate(has_records=Exists(records.filter(term=OuterRef("pk"))))
        .order_by("-start_date")
    )
    current = next((t for t in terms if t.contains(today)), None)
    if current is not None and current.has_records:
        return current
    begun = [t for t in terms if t.start_date <= today]
    with_records = next((t for t in begun if t.has_records), None)
    return with_records or current or next(iter(begun or terms), None)


def term_delegate_count(*, term: Term) -> int:
    """Delegates currently holding a seat: the base of "more than half" in votes."""
    return Delegate.objects.filter(term=term, status=Delegate.Status.ACTIVE).count()


@dataclass(frozen=True)
class StandingWorkCounts:
    intersession_matters: int
    intersession_matters_answered: int
    appraisals: int
    appraisals_answered: int


def standing_work_counts(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
) -> StandingWorkCounts:
    """Matters decided between sessions and appraisals of the year (or period) and/or the term,
    in one query: four scalar subqueries read beside the council's own row."""
    scope = {"council": council, "term": term, "year": year, "period": period}
    subqueries = _standing_subqueries(scope, suffix="")
    row = Council.objects.filter(pk=council.pk).annotate(**subqueries).values(*subqueries).first()
    return _standing_work_counts(row or {}, suffix="")


def standing_work_counts_of_years(
    *, council: Council, years: Sequence[int]
) -> dict[int, StandingWorkCounts]:
    """standing_work_counts of each of `years` in one query (the dashboard's year and the year
    before): four scalar subqueries a year beside the council's row."""
    subqueries: dict[str, Subquery] = {}
    for y in years:
        subqueries.update(_standing_subqueries({"council": council, "year": y}, suffix=f"_{y}"))
    row = Council.objects.filter(pk=council.pk).annotate(**subqueries).values(*subqueries).first()
    return {y: _standing_work_counts(row or {}, suffix=f"_{y}") for y in years}


def _standing_subqueries(scope: dict[str, Any], *, suffix: str) -> dict[str, Subquery]:
    def scalar(qs: QuerySet, **aggregate: Any) -> Subquery:
        # GROUP BY nothing but a constant: one row, the aggregate over the whole filter.
        return Subquery(
            qs.order_by()
            .annotate(_one=Value(1))
            .values("_one")
            .annotate(**aggregate)
            .values(*aggregate)[:1]
        )

    # A matter counts on the day the Standing Committee gave its opinion, else when received.
    matters = scoped(
        InterSessionMatter.objects.all(), day=Coalesce("opinion_date", "received_date"), **scope
    )
    appraisals = scoped(AppraisalRequest.objects.all(), day="received_date", **scope)
    return {
        f"matters{suffix}": scalar(matters, n=Count("pk")),
        f"matters_answered{suffix}": scalar(
            matters, n=Count("pk", filter=Q(opinion_date__isnull=False))
        ),
        f"appraisals{suffix}": scalar(appraisals, n=Count("pk")),
        f"appraisals_answered{suffix}": scalar(
            appraisals, n=Count("pk", filter=Q(answered_date__isnull=False))
        ),
    }


def _standing_work_counts(row: dict[str, Any], *, suffix: str) -> StandingWorkCounts:
    return StandingWorkCounts(
        intersession_matters=row.get(f"matters{suffix}") or 0,
        intersession_matters_answered=row.get(f"matters_answered{suffix}") or 0,
        appraisals=row.get(f"appraisals{suffix}") or 0,
        appraisals_answered=row.get(f"appraisals_answered{suffix}") or 0,
    )


def organizations_by_name(*, council: Council) -> dict[str, Organization]:
    """The organisations `council` may name, by folded name and short name, for an import's
    lookups. A name is unique within a council's own, its province's and the shared ones, not
    across them: a commune's own "Công an xã" comes before its province's of that name, and
    both before a shared one."""
    nearness = {council.pk: 0, council.parent_id: 1, None: 2}
    by_name: dict[str, Organization] = {}
    visible = of_council(Organization.objects.all(), council)
    for org in sorted(visible, key=lambda o: nearness.get(o.council_id, 3)):
        by_name.setdefault(fold(org.name), org)
        if org.short_name:
            by_name.setdefault(fold(org.short_name), org)
    return by_name


def delegates_public(*, council: Council) -> QuerySet[Delegate]:
    """The council's delegates of every term: public persons, whose name, gender, job title,
    electoral unit, Tổ, Ban and positions are public (the election lists publish them). Their
    birth year, ethnicity and contacts are not: a public reader shows none of them."""
    return Delegate.objects.filter(term__council=council)


def committees_public(*, council: Council) -> QuerySet[Committee]:
    """The Ban of every term of the council: public by rule (the council's own structure)."""
    return Committee.objects.filter(term__council=council)


def delegate_groups_public(*, council: Council) -> QuerySet[DelegateGroup]:
    """The Tổ đại biểu of every term of the council: public by rule, as its delegates are."""
    return DelegateGroup.objects.filter(term__council=council)


def councils_public() -> QuerySet[Council]:
    """Every council of the installation, public by rule (a council's name, level, province
    and secretariat are on its letterhead): the provinces first, each commune after its
    province."""
    return Council.objects.order_by("parent_id", "name").select_related("parent")


def terms_public(*, council: Council) -> QuerySet[Term]:
    """The council's terms, latest first: public by rule, as their sessions are."""
    return Term.objects.filter(council=council).order_by("-start_date")
