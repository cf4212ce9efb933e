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

from django.db.models import QuerySet, Value
from django.utils import timezone

from council.models import Council, Term
from council.selectors import StandingWorkCounts, standing_work_counts
from oversight.selectors import (
    OversightCounts,
    RecommendationCounts,
    oversight_counts,
    oversight_counts_by_year_rows,
    recommendation_counts,
)
from reports.models import AnnualReport, ReportRequest
from resolutions.selectors import (
    ResolutionCounts,
    resolution_counts,
    resolution_counts_by_year_rows,
)
from sessions.selectors import (
    SessionCounts,
    session_counts,
    session_counts_by_year,
    session_counts_by_year_rows,
)
from voters.selectors import (
    LetterStats,
    PetitionStats,
    letter_stats,
    petition_counts_by_year_rows,
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
    standing = standing_work_counts(council=council, **period)
    if year is not None:
        recommendations = recommendation_counts(council=council, year=year, today=today)
    else:
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


def _trend_rows(*, council: Council, term: Term) -> tuple[dict[str, dict], set[int]]:
    """The per-year rows of four apps in ONE round trip (UNION ALL of their grouped queries):
    the term's sessions, resolutions, oversight activities and petitions, plus the years of the
    council's whole history that have sessions. Each part is (y, a, b, term id, part)."""
    sessions = session_counts_by_year_rows(council=council).values_list(
        "y", "regular", "thematic", "term_id"
    )
    this_term = Value(term.pk)
    parts = {
        "sessions": sessions,
        "resolutions": resolution_counts_by_year_rows(council=council, term=term)
        .annotate(t=this_term)
        .values_list("y", "normative", "individual", "t"),
        "oversight": oversight_counts_by_year_rows(council=council, term=term)
        .annotate(b=Value(0), t=this_term)
        .values_list("y", "n", "b", "t"),
        "petitions": petition_counts_by_year_rows(council=council, term=term)
        .annotate(b=Value(0), t=this_term)
        .values_list("y", "n", "b", "t"),
    }
    tagged = [
        qs.annotate(part=Value(name)).values_list(*qs._fields, "part") for name, qs in parts.items()
    ]
    rows: dict[str, dict[int, tuple[int, int]]] = {name: {} for name in parts}
    years_with_sessions: set[int] = set()
    for y, a, b, term_id, part in tagged[0].union(*tagged[1:], all=True):
        if part == "sessions" and (a or b):
            years_with_sessions.add(int(y))
        if term_id == term.pk:
            rows[part][int(y)] = (int(a or 0), int(b or 0))
    return rows, years_with_sessions


def term_trend_and_years(
    *, council: Council, term: Term | None, today: dt.date | None = None
) -> tuple[TermTrend | None, list[int]]:
    """The term's trend (None without a term) and the years that have sessions, newest first
    (the dashboard's hint when the chosen year has no data yet): one query."""
    today = today or timezone.localdate()
    if term is None:
        years_with_data = session_counts_by_year(council=council)
        return None, sorted((y for y, r, t in years_with_data if r or t), reverse=True)
    rows, years_with_sessions = _trend_rows(council=council, term=term)
    years = tuple(_term_years(term, today))
    trend = TermTrend(
        years=years,
        sessions=tuple(rows["sessions"].get(y, (0, 0)) for y in years),
        resolutions=tuple(rows["resolutions"].get(y, (0, 0)) for y in years),
        oversight=tuple(rows["oversight"].get(y, (0, 0))[0] for y in years),
        petitions=tuple(rows["petitions"].get(y, (0, 0))[0] for y in years),
    )
    return trend, sorted(years_with_sessions, reverse=True)


def term_trend(*, council: Council, term: Term, today: dt.date | None = None) -> TermTrend:
    trend, _years = term_trend_and_years(council=council, term=term, today=today)
    assert trend is not None
    return trend


def council_terms(*, council: Council) -> list[Term]:
    return list(Term.objects.filter(council=council).order_by("-start_date"))


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
