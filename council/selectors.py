"""Reads of the council registry, including the Standing Committee's work between sessions."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce, ExtractYear

from council.models import AppraisalRequest, Council, Delegate, InterSessionMatter, Term


def council_get_current() -> Council | None:
    """One installation serves one council today; the first one is the current one."""
    return Council.objects.order_by("pk").first()


def term_for_date(*, council: Council, day) -> Term | None:
    return (
        Term.objects.filter(council=council, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("-start_date")
        .first()
    )


def term_delegate_count(*, term: Term) -> int:
    """Delegates currently holding a seat: the base of "more than half" in votes."""
    return Delegate.objects.filter(term=term, status=Delegate.Status.ACTIVE).count()


def intersession_matter_list(
    *, council: Council, year: int | None = None
) -> QuerySet[InterSessionMatter]:
    qs = InterSessionMatter.objects.filter(term__council=council).select_related(
        "term", "submitted_by"
    )
    if year is not None:
        # Attributed to the year the Standing Committee gave its opinion, else when received.
        qs = qs.annotate(_year=ExtractYear(Coalesce("opinion_date", "received_date"))).filter(
            _year=year
        )
    return qs


def appraisal_list(*, council: Council, year: int | None = None) -> QuerySet[AppraisalRequest]:
    qs = AppraisalRequest.objects.filter(term__council=council).select_related(
        "term", "requester_org"
    )
    if year is not None:
        qs = qs.filter(received_date__year=year)
    return qs


@dataclass(frozen=True)
class StandingWorkCounts:
    intersession_matters: int
    intersession_matters_answered: int
    appraisals: int
    appraisals_answered: int


def standing_work_counts(*, council: Council, year: int) -> StandingWorkCounts:
    matters = intersession_matter_list(council=council, year=year).aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(opinion_date__isnull=False))
    )
    appraisals = appraisal_list(council=council, year=year).aggregate(
        total=Count("pk"), answered=Count("pk", filter=Q(answered_date__isnull=False))
    )
    return StandingWorkCounts(
        intersession_matters=matters["total"],
        intersession_matters_answered=matters["answered"],
        appraisals=appraisals["total"],
        appraisals_answered=appraisals["answered"],
    )
