"""Reads of the resolution register. The dashboard and the annual report call these."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from core.periods import Period
from core.text import search_terms
from council.models import Council, Term
from council.scoping import scoped
from resolutions.models import (
    Resolution,
    ResolutionAttachment,
    ResolutionRelation,
    ResolutionReview,
)

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


def session_resolutions(*, session: Any) -> QuerySet[Resolution]:
    """The resolutions adopted at a session, normative ones first, by number."""
    return (
        Resolution.objects.filter(session=session)
        .select_related("field", "council")
        .order_by("-is_normative", "number")
    )


def resolution_filter(
    qs: QuerySet[Resolution],
    *,
    year: int | None = None,
    term: Any = None,
    session: Any = None,
    is_normative: bool | None = None,
    status: str | None = None,
    field: Any = None,
    unclassified: bool = False,
    q: str | None = None,
    ordering: str | None = None,
) -> QuerySet[Resolution]:
    """Apply the register's filters; `term`, `session` and `field` may be objects or ids;
    `unclassified`: the resolutions without a field ("Chưa phân loại" of resolution_counts)."""
    qs = _scoped(qs, year=year or None, term=term or None)
    if session:
        qs = qs.filter(session=session)
    if is_normative is not None:
        qs = qs.filter(is_normative=is_normative)
    if status:
        qs = qs.filter(status=status)
    if unclassified:
        qs = qs.filter(field__isnull=True)
    elif field:
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
    # (field name, field id) of by_field's named fields, for links to the filtered register.
    field_ids: tuple[tuple[str, int], ...] = ()


def _scoped(qs: QuerySet[Resolution], **scope: Any) -> QuerySet[Resolution]:
    # The year in the number is the year of adoption (resolution_save derives it), so the day
    # of adoption is the rule for a year and for any range of days.
    return scoped(qs, council_path="council", day="adopted_date", **scope)


_GROUPS = ("field_id", "field__name", "field__order", "status", "is_normative")


def resolution_counts(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
) -> ResolutionCounts:
    """Resolutions of the council, by the day they were adopted (the year in their number).

    One grouped query (field x status x normative: a few dozen rows at most) summed here, so
    every total agrees with its breakdowns."""
    rows = (
        _scoped(Resolution.objects.order_by(), council=council, year=year, term=term, period=period)
        .values(*_GROUPS)
        .annotate(n=Count("pk"))
    )
    return _resolution_counts(list(rows))


def resolution_counts_of_years(
    *, council: Council, years: Sequence[int]
) -> dict[int, ResolutionCounts]:
    """resolution_counts of each of `years` in one grouped query (the dashboard's year and the
    year before)."""
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    rows = (
        _scoped(Resolution.objects.order_by(), council=council, period=span)
        .annotate(y=ExtractYear("adopted_date"))
        .values("y", *_GROUPS)
        .annotate(n=Count("pk"))
    )
    by_year: dict[int, list[dict]] = {y: [] for y in years}
    for row in rows:
        by_year.setdefault(int(row["y"]), []).append(row)
    return {y: _resolution_counts(by_year[y]) for y in years}


def _resolution_counts(rows: list[dict]) -> ResolutionCounts:
    fields: dict[int | None, list] = {}  # field id -> [order, name, count]
    status_counts: Counter[str] = Counter()
    normative = individual = 0
    for row in rows:
        entry = fields.setdefault(row["field_id"], [row["field__order"], row["field__name"], 0])
        entry[2] += row["n"]
        status_counts[row["status"]] += row["n"]
        if row["is_normative"]:
            normative += row["n"]
        else:
            individual += row["n"]
    # Unclassified last, as PostgreSQL sorts NULLs last.
    ordered = sorted(
        fields.items(), key=lambda item: (item[1][0] is None, item[1][0] or 0, item[1][1] or "")
    )
    return ResolutionCounts(
        total=normative + individual,
        normative=normative,
        individual=individual,
        by_field=tuple((name or _("Chưa phân loại"), n) for _pk, (_o, name, n) in ordered),
        by_status=tuple(
            (code, str(label), status_counts[code])
            for code, label in Resolution.Status.choices
            if code in status_counts
        ),
        field_ids=tuple((name, pk) for pk, (_o, name, _n) in ordered if pk is not None),
    )


def resolution_counts_by_year_rows(
    *, council: Council, term: Term, until: dt.date | None = None
) -> QuerySet:
    """Rows (y, normative, individual) per year of the term (adopted up to `until` when given),
    as a values() query that the dashboard combines with other apps' into one round trip."""
    qs = _scoped(Resolution.objects.order_by(), council=council, term=term)
    if until is not None:
        qs = qs.filter(adopted_date__lte=until)
    return (
        qs.annotate(y=F("year"))
        .values("y")
        .annotate(
            normative=Count("pk", filter=Q(is_normative=True)),
            individual=Count("pk", filter=Q(is_normative=False)),
        )
    )


def resolution_counts_by_year(*, council: Council, term: Term) -> list[tuple[int, int, int]]:
    """(year, normative, individual) for each year of the term, in one query."""
    rows = resolution_counts_by_year_rows(council=council, term=term).order_by("y")
    return [(r["y"], r["normative"], r["individual"]) for r in rows]


class ReviewStatus:
    """Where a commune's normative resolution stands in the province's review."""

    NOT_RECEIVED = "not_received"
    PENDING = "pending"
    CONCLUDED = "concluded"
    CHOICES = [
        (NOT_RECEIVED, _("Chưa tiếp nhận")),
        (PENDING, _("Đang xem xét")),
        (CONCLUDED, _("Đã kết luận")),
    ]


def review_status_q(status: str | None) -> Q:
    """Resolutions whose review stands at `status` (ReviewStatus; anything else: all)."""
    return {
        ReviewStatus.NOT_RECEIVED: Q(review__isnull=True),
        ReviewStatus.PENDING: Q(review__isnull=False, review__reviewed_date__isnull=True),
        ReviewStatus.CONCLUDED: Q(review__reviewed_date__isnull=False),
    }.get(status, Q())


def commune_normative_resolutions(
    *, province: Council | None, status: str | None = None
) -> QuerySet[Resolution]:
    """The normative resolutions of the commune councils that `province` hosts, with their
    review (none until received)."""
    if province is None:
        return Resolution.objects.none()
    qs = Resolution.objects.filter(review_status_q(status), council__parent=province)
    return (
        qs.filter(is_normative=True)
        .select_related("council", "review")
        .order_by("-adopted_date", "-pk")
    )


@dataclass(frozen=True)
class ReviewCounts:
    received: int  # received for review in the period
    concluded: int  # concluded in the period
    amend: int  # of which: amendments asked for
    annul: int  # of which: annulment asked for
    pending: int  # received by the period's end and not concluded by then


def review_counts(*, council: Council, period: Period) -> ReviewCounts:
    """The province's review of its communes' normative resolutions over `period`."""
    reviews = ResolutionReview.objects.filter(resolution__council__parent=council)
    received = Q(received_date__gte=period.start, received_date__lte=period.end)
    concluded = Q(reviewed_date__gte=period.start, reviewed_date__lte=period.end)
    open_at_end = Q(received_date__lte=period.end) & (
        Q(reviewed_date__isnull=True) | Q(reviewed_date__gt=period.end)
    )
    kind = ResolutionReview.Conclusion
    row = reviews.aggregate(
        received=Count("pk", filter=received),
        concluded=Count("pk", filter=concluded),
        amend=Count("pk", filter=concluded & Q(conclusion=kind.AMEND)),
        annul=Count("pk", filter=concluded & Q(conclusion=kind.ANNUL)),
        pending=Count("pk", filter=open_at_end),
    )
    return ReviewCounts(**row)


def resolution_counts_by_council(
    *, councils: Sequence[int], period: Period
) -> dict[int, tuple[int, int]]:
    """(resolutions, of which normative) adopted in `period` by each of `councils` (ids)."""
    rows = (
        _scoped(Resolution.objects.filter(council__in=councils), period=period)
        .order_by()
        .values("council")
        .annotate(total=Count("pk"), normative=Count("pk", filter=Q(is_normative=True)))
    )
    return {row["council"]: (row["total"], row["normative"]) for row in rows}


def reviews_awaiting_by_council(*, councils: Sequence[int]) -> dict[int, int]:
    """Normative resolutions of each of `councils` (ids) the province has not concluded on:
    not received yet, or under review."""
    rows = (
        Resolution.objects.filter(council__in=councils, is_normative=True)
        .filter(Q(review__isnull=True) | Q(review__reviewed_date__isnull=True))
        .order_by()
        .values("council")
        .annotate(n=Count("pk"))
    )
    return {row["council"]: row["n"] for row in rows}


# --- What the public sees (issue 24): the one place that says it -------------------------------


def resolutions_public(*, council: Council) -> QuerySet[Resolution]:
    """The council's resolutions, public by rule (the law publishes them) unless the
    secretariat unticked one (Resolution.is_public: a classified resolution)."""
    return Resolution.objects.filter(council=council, is_public=True)


def resolution_relations_public(*, resolution: Resolution) -> QuerySet[ResolutionRelation]:
    """The relations of a public resolution whose other end is public too, both directions."""
    return (
        ResolutionRelation.objects.filter(
            Q(source=resolution, target__is_public=True)
            | Q(target=resolution, source__is_public=True)
        )
        .select_related("source", "target")
        .order_by("effective_date", "pk")
    )


def resolution_full_text_public(*, resolution: Resolution) -> ResolutionAttachment | None:
    """The signed full text of a public resolution as a PDF (other attachments stay internal:
    working files and appendices are not marked for publication)."""
    if not resolution.is_public:
        return None
    return (
        ResolutionAttachment.objects.filter(
            resolution=resolution,
            kind=ResolutionAttachment.Kind.SIGNED,
            content_type="application/pdf",
        )
        .order_by("-pk")
        .first()
    )
