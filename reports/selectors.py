"""Every figure of the dashboard and of the annual report, gathered in ONE place from the
selectors of the apps below (reports never queries their tables itself).

The dashboard and the PDF both take an `AnnualFigures`; a figure printed in the report is
therefore the very number the dashboard links to its list. Each source aggregates in SQL, so
the number of queries here depends on the number of sources, not on the volume of data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from council.models import Council, Term
from council.selectors import StandingWorkCounts, standing_work_counts
from oversight.selectors import (
    OversightCounts,
    RecommendationCounts,
    oversight_counts,
    oversight_counts_by_year,
    recommendation_counts,
)
from reports.models import AnnualReport, ReportRequest
from resolutions.selectors import ResolutionCounts, resolution_counts, resolution_counts_by_year
from sessions.selectors import SessionCounts, session_counts, session_counts_by_year
from voters.selectors import (
    LetterStats,
    PetitionStats,
    letter_stats,
    petition_counts_by_year,
    petition_stats,
)


@dataclass(frozen=True)
class AnnualFigures:
    """The figures of one year (year set) or of a whole term (term set)."""

    council_id: int
    year: int | None
    term_id: int | None
    sessions: SessionCounts
    resolutions: ResolutionCounts
    oversight: OversightCounts
    recommendations: RecommendationCounts
    standing: StandingWorkCounts
    petitions: PetitionStats
    letters: LetterStats

    def as_json(self) -> dict[str, Any]:
        """A snapshot for ReportRequest.figures: what the PDF said, even if data change later."""
        return dataclasses.asdict(self)


def _term_years(term: Term, today: dt.date) -> range:
    last = term.end_date.year if term.end_date else today.year
    return range(term.start_date.year, max(last, term.start_date.year) + 1)


def _standing_for_term(*, council: Council, term: Term, today: dt.date) -> StandingWorkCounts:
    """The council selector counts per year; a term is a handful of years."""
    totals = [0, 0, 0, 0]
    for year in _term_years(term, today):
        counts = standing_work_counts(council=council, year=year)
        for i, value in enumerate(dataclasses.astuple(counts)):
            totals[i] += value
    return StandingWorkCounts(*totals)


def annual_figures(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    today: dt.date | None = None,
) -> AnnualFigures:
    """Figures of `year`, or of the whole `term` when a term is given instead."""
    if (year is None) == (term is None):
        raise ValueError("Give exactly one of year or term.")
    today = today or timezone.localdate()
    period = {"year": year, "term": term}
    if year is not None:
        standing = standing_work_counts(council=council, year=year)
        recommendations = recommendation_counts(council=council, year=year, today=today)
    else:
        standing = _standing_for_term(council=council, term=term, today=today)
        # Follow-up of recommendations has no term filter: the whole record, as of today.
        recommendations = recommendation_counts(council=council, year=None, today=today)
    return AnnualFigures(
        council_id=council.pk,
        year=year,
        term_id=term.pk if term else None,
        sessions=session_counts(council=council, **period),
        resolutions=resolution_counts(council=council, **period),
        oversight=oversight_counts(council=council, **period),
        recommendations=recommendations,
        standing=standing,
        petitions=petition_stats(council=council, today=today, **period),
        letters=letter_stats(council=council, **period),
    )


@dataclass(frozen=True)
class TermTrend:
    """One row per year of the term, for the stacked bar charts."""

    years: tuple[int, ...]
    sessions: tuple[tuple[int, int], ...]  # (regular, thematic)
    resolutions: tuple[tuple[int, int], ...]  # (normative, individual)
    oversight: tuple[int, ...]
    petitions: tuple[int, ...]


def term_trend(*, council: Council, term: Term, today: dt.date | None = None) -> TermTrend:
    today = today or timezone.localdate()
    years = tuple(_term_years(term, today))
    sessions = {y: (r, t) for y, r, t in session_counts_by_year(council=council, term=term)}
    resolutions = {y: (n, i) for y, n, i in resolution_counts_by_year(council=council, term=term)}
    oversight = dict(oversight_counts_by_year(council=council, term=term))
    petitions = dict(petition_counts_by_year(council=council, term=term))
    return TermTrend(
        years=years,
        sessions=tuple(sessions.get(y, (0, 0)) for y in years),
        resolutions=tuple(resolutions.get(y, (0, 0)) for y in years),
        oversight=tuple(oversight.get(y, 0) for y in years),
        petitions=tuple(petitions.get(y, 0) for y in years),
    )


def resolution_field_ids(*, names: list[str]) -> dict[str, int]:
    """Ids of resolution fields by name, for the dashboard's links to the filtered register
    (ResolutionCounts.by_field gives names). One query; the taxonomy is small."""
    from resolutions.models import ResolutionField

    return dict(ResolutionField.objects.filter(name__in=names).values_list("name", "pk"))


def council_terms(*, council: Council) -> list[Term]:
    return list(Term.objects.filter(council=council).order_by("-start_date"))


def years_with_sessions(*, council: Council, terms: list[Term]) -> list[int]:
    """Years that have at least one session, newest first: the dashboard's hint when the
    chosen year (by default the current one) has no data yet. One query per term."""
    years: set[int] = set()
    for term in terms:
        for year, regular, thematic in session_counts_by_year(council=council, term=term):
            if regular or thematic:
                years.add(year)
    return sorted(years, reverse=True)


def annual_report_get(*, council: Council, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(council=council, year=year).first()


def report_request_list(*, annual_report: AnnualReport) -> QuerySet[ReportRequest]:
    return annual_report.requests.select_related("requested_by").order_by("-requested_at", "-pk")


def report_years(*, council: Council) -> list[int]:
    return list(
        AnnualReport.objects.filter(council=council)
        .order_by("-year")
        .values_list("year", flat=True)
    )
