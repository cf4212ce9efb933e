"""Every figure of the dashboard and of the reports, gathered in ONE place from the selectors
of the apps below (reports never queries their tables itself).

The dashboard and the PDF both take an `AnnualFigures`; a figure printed in the report is
therefore the very number the dashboard links to its list. A report covers a period
(core.periods.Period: a year, some months, a term, any range of days); each app counts a
record in it by its own day. Each source aggregates in SQL, so the number of queries here
depends on the number of sources, not on the volume of data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.periods import Period
from core.rates import rate_text
from council.models import Council, Term
from council.selectors import (
    StandingWorkCounts,
    standing_work_counts,
    standing_work_counts_of_years,
)
from oversight.selectors import (
    OversightCounts,
    RecommendationCounts,
    oversight_counts,
    oversight_counts_by_year_rows,
    oversight_counts_of_years,
    recommendation_counts,
    recommendation_counts_of_years,
)
from reports.models import AnnualReport, ReportRequest
from resolutions.selectors import (
    ResolutionCounts,
    ReviewCounts,
    resolution_counts,
    resolution_counts_by_council,
    resolution_counts_by_year_rows,
    resolution_counts_of_years,
    review_counts,
    reviews_awaiting_by_council,
)
from sessions.models import Session
from sessions.selectors import (
    SessionCounts,
    session_counts,
    session_counts_by_council,
    session_counts_by_year,
    session_counts_by_year_rows,
    session_counts_of_years,
)
from voters.casework.figures import CaseFigures, case_figures, case_figures_of_years
from voters.selectors import (
    LetterStats,
    PetitionStats,
    SessionContactCounts,
    letter_stats,
    letter_stats_of_years,
    petition_counts_by_council,
    petition_counts_by_year_rows,
    petition_stats,
    petition_stats_of_years,
    session_contact_counts,
)


@dataclass(frozen=True)
class AnnualFigures:
    """The figures of a period (period set; year set too when the period is a whole year) or
    of a whole term by its records (term set: the dashboard's term view)."""

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
    period: Period | None = None
    # The province's review of its communes' normative resolutions (a period's report only).
    reviews: ReviewCounts | None = None
    # The casework of a period (issue 21): letters, cases, receptions' register. None for a
    # term's records (the dashboard's term view): the case list has no term to link to.
    cases: CaseFigures | None = None

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
    period: Period | None = None,
    today: dt.date | None = None,
) -> AnnualFigures:
    """Figures of `period`; `year` is the shortcut for Period.year(year). With `term` instead,
    figures of the term's records (the dashboard's term view)."""
    if sum(x is not None for x in (year, term, period)) != 1:
        raise ValueError("Give exactly one of year, term or period.")
    today = today or timezone.localdate()
    if year is not None:
        period = Period.year(year)
    scope: dict[str, Any] = {"period": period} if period is not None else {"term": term}
    # Follow-up of recommendations has no term filter: for a term, the whole record as of today.
    recommendations = recommendation_counts(council=council, period=period, today=today)
    return AnnualFigures(
        council_id=council.pk,
        year=period.year_number if period is not None else None,
        term_id=term.pk if term else None,
        sessions=session_counts(council=council, **scope),
        resolutions=resolution_counts(council=council, **scope),
        oversight=oversight_counts(council=council, **scope),
        recommendations=recommendations,
        standing=standing_work_counts(council=council, **scope),
        petitions=petition_stats(council=council, today=today, **scope),
        letters=letter_stats(council=council, **scope),
        period=period,
        reviews=review_counts(council=council, period=period) if period is not None else None,
        cases=case_figures(council=council, period=period, today=today)
        if period is not None
        else None,
    )


def annual_figures_of_years(
    *, council: Council, years: Sequence[int], today: dt.date | None = None
) -> dict[int, AnnualFigures]:
    """annual_figures of each of `years` (the dashboard's year and the year before) from the
    same statements, each grouped by year: eleven statements whatever the number of years,
    where one call a year takes seventeen. The same figures as annual_figures(year=...), except the
    thematic supervisions per Ban (OversightCounts.committee_by_name, empty here) and the
    review of the communes' resolutions (reviews, None here): the dashboard does not show
    them, the report reads annual_figures; and the casework's breakdowns (fields, localities,
    follow-ups, the receptions' register: CaseFigures.without_breakdowns), two statements more."""
    today = today or timezone.localdate()
    scope: dict[str, Any] = {"council": council, "years": years}
    recommendations = recommendation_counts_of_years(**scope, today=today)
    sessions = session_counts_of_years(**scope)
    resolutions = resolution_counts_of_years(**scope)
    oversight = oversight_counts_of_years(**scope)
    standing = standing_work_counts_of_years(**scope)
    petitions = petition_stats_of_years(**scope, today=today)
    letters = letter_stats_of_years(**scope)
    cases = case_figures_of_years(**scope, today=today)
    return {
        y: AnnualFigures(
            council_id=council.pk,
            year=y,
            term_id=None,
            sessions=sessions[y],
            resolutions=resolutions[y],
            oversight=oversight[y],
            recommendations=recommendations[y],
            standing=standing[y],
            petitions=petitions[y],
            letters=letters[y],
            period=Period.year(y),
            cases=cases[y],
        )
        for y in years
    }


@dataclass(frozen=True)
class TermTrend:
    """One row per year of the term, for the stacked bar charts."""

    years: tuple[int, ...]
    sessions: tuple[tuple[int, int], ...]  # (regular, thematic)
    resolutions: tuple[tuple[int, int], ...]  # (normative, individual)
    oversight: tuple[int, ...]
    petitions: tuple[int, ...]
    # Of each year's thematic sessions, those opened before 01/07/2020 ("bất thường").
    extraordinary: tuple[int, ...]
    # The last day counted (a report's last day), None up to today.
    until: dt.date | None


def _trend_rows(
    *, council: Council, term: Term, until: dt.date | None = None
) -> tuple[dict[str, dict], set[int]]:
    """The per-year rows of four apps in ONE round trip (UNION ALL of their grouped queries):
    the term's sessions, resolutions, oversight activities and petitions, plus the years of the
    council's whole history that have sessions; with `until`, only what counts up to that day.
    Each part is (y, a, b, c, term id, part); c is the sessions' "bất thường" (0 elsewhere)."""
    sessions = session_counts_by_year_rows(council=council, until=until).values_list(
        "y", "regular", "thematic", "extraordinary", "term_id"
    )
    this_term = Value(term.pk)
    parts = {
        "sessions": sessions,
        "resolutions": resolution_counts_by_year_rows(council=council, term=term, until=until)
        .annotate(c=Value(0), t=this_term)
        .values_list("y", "normative", "individual", "c", "t"),
        "oversight": oversight_counts_by_year_rows(council=council, term=term, until=until)
        .annotate(b=Value(0), c=Value(0), t=this_term)
        .values_list("y", "n", "b", "c", "t"),
        "petitions": petition_counts_by_year_rows(council=council, term=term, until=until)
        .annotate(b=Value(0), c=Value(0), t=this_term)
        .values_list("y", "n", "b", "c", "t"),
    }
    tagged = [
        qs.annotate(part=Value(name)).values_list(*qs._fields, "part") for name, qs in parts.items()
    ]
    rows: dict[str, dict[int, tuple[int, int]]] = {name: {} for name in [*parts, "extraordinary"]}
    years_with_sessions: set[int] = set()
    for y, a, b, c, term_id, part in tagged[0].union(*tagged[1:], all=True):
        if part == "sessions" and (a or b):
            years_with_sessions.add(int(y))
        if term_id == term.pk:
            rows[part][int(y)] = (int(a or 0), int(b or 0))
            if part == "sessions":
                rows["extraordinary"][int(y)] = (int(c or 0), 0)
    return rows, years_with_sessions


def term_trend_and_years(
    *,
    council: Council,
    term: Term | None,
    today: dt.date | None = None,
    until: dt.date | None = None,
) -> tuple[TermTrend | None, list[int]]:
    """The term's trend (None without a term) and the years that have sessions, newest first
    (the dashboard's hint when the chosen year has no data yet): one query. With `until` (a
    report's last day) the trend stops there: no later year, nothing recorded after that day."""
    today = today or timezone.localdate()
    if term is None:
        years_with_data = session_counts_by_year(council=council)
        return None, sorted((y for y, r, t in years_with_data if r or t), reverse=True)
    rows, years_with_sessions = _trend_rows(council=council, term=term, until=until)
    years = tuple(y for y in _term_years(term, today) if until is None or y <= until.year)
    trend = TermTrend(
        years=years,
        sessions=tuple(rows["sessions"].get(y, (0, 0)) for y in years),
        resolutions=tuple(rows["resolutions"].get(y, (0, 0)) for y in years),
        oversight=tuple(rows["oversight"].get(y, (0, 0))[0] for y in years),
        petitions=tuple(rows["petitions"].get(y, (0, 0))[0] for y in years),
        extraordinary=tuple(rows["extraordinary"].get(y, (0, 0))[0] for y in years),
        until=until,
    )
    return trend, sorted(years_with_sessions, reverse=True)


def term_trend(
    *,
    council: Council,
    term: Term,
    today: dt.date | None = None,
    until: dt.date | None = None,
) -> TermTrend:
    trend, _years = term_trend_and_years(council=council, term=term, today=today, until=until)
    assert trend is not None
    return trend


def council_terms(*, council: Council) -> list[Term]:
    return list(Term.objects.filter(council=council).order_by("-start_date"))


# --- the petitions report of a session -------------------------------------------------------


@dataclass(frozen=True)
class SessionPetitionFigures:
    """The figures of "Báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri
    gửi đến kỳ họp thứ N": the petitions whose session is N (collected before and after it),
    and the voter meetings held for it."""

    council_id: int
    session_id: int
    session_number: int
    term_roman: str
    contact: SessionContactCounts
    petitions: PetitionStats

    def as_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def session_petition_figures(
    *, session: Session, today: dt.date | None = None
) -> SessionPetitionFigures:
    council = session.term.council
    return SessionPetitionFigures(
        council_id=council.pk,
        session_id=session.pk,
        session_number=session.number,
        term_roman=session.term.roman,
        contact=session_contact_counts(session=session),
        petitions=petition_stats(council=council, session=session, today=today),
    )


# --- the reports themselves ----------------------------------------------------------------


def annual_report_get(*, council: Council, year: int) -> AnnualReport | None:
    """The report of a whole year (other reports of the same year are other periods)."""
    return period_report_get(council=council, period=Period.year(year))


def period_report_get(*, council: Council, period: Period) -> AnnualReport | None:
    return AnnualReport.objects.filter(
        council=council, start_date=period.start, end_date=period.end
    ).first()


def session_report_get(*, session: Session) -> AnnualReport | None:
    return AnnualReport.objects.filter(session=session).first()


def report_request_list(*, annual_report: AnnualReport) -> QuerySet[ReportRequest]:
    return annual_report.requests.select_related("requested_by").order_by("-requested_at", "-pk")


def report_years(*, council: Council) -> list[int]:
    """The years that have a whole-year report, newest first."""
    return list(
        AnnualReport.objects.filter(council=council, kind=AnnualReport.Kind.YEAR)
        .order_by("-year")
        .values_list("year", flat=True)
    )


def report_list(*, council: Council) -> QuerySet[AnnualReport]:
    """Every report of the council, the latest period first (a session's report by its
    session's opening day)."""
    return (
        AnnualReport.objects.filter(council=council)
        .select_related("session__term")
        .order_by(Coalesce("end_date", "session__start_date").desc(), "-start_date", "-pk")
    )


@dataclass(frozen=True)
class CommuneRow:
    """One commune council's year at a glance, as its province sees it."""

    council: Council
    sessions: int
    resolutions: int
    normative: int
    awaiting_review: int  # normative resolutions the province has not concluded on
    petitions: int  # lượt received
    answered_rate: str  # answered / forwarded lượt, "66,67%"; "—" with none forwarded


def commune_overview(*, province: Council, period: Period) -> list[CommuneRow]:
    """Every commune council the province hosts, with its figures of `period`: five statements
    whatever the number of communes."""
    communes = list(Council.objects.filter(parent=province).order_by("name"))
    ids = [c.pk for c in communes]
    sessions = session_counts_by_council(councils=ids, period=period)
    resolutions = resolution_counts_by_council(councils=ids, period=period)
    awaiting = reviews_awaiting_by_council(councils=ids)
    petitions = petition_counts_by_council(councils=ids, period=period)
    rows = []
    for commune in communes:
        total, normative = resolutions.get(commune.pk, (0, 0))
        instances, forwarded, answered = petitions.get(commune.pk, (0, 0, 0))
        rows.append(
            CommuneRow(
                council=commune,
                sessions=sessions.get(commune.pk, 0),
                resolutions=total,
                normative=normative,
                awaiting_review=awaiting.get(commune.pk, 0),
                petitions=instances,
                answered_rate=rate_text(answered, forwarded, mode=province.rate_rounding),
            )
        )
    return rows


COMMUNE_SUMS = ("sessions", "resolutions", "normative", "awaiting_review", "petitions")


def commune_totals(rows: Sequence[CommuneRow]) -> dict[str, int]:
    """The overview's footer: each count summed over the communes (a rate is not summed)."""
    return {name: sum(getattr(row, name) for row in rows) for name in COMMUNE_SUMS}
