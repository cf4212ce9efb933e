"""Reads of the oversight app: lists, the programme's planned-against-done view, and the figures
the dashboard and the annual report use. Everything is aggregated in SQL.

The day an activity counts on is decided by `attributed_date` below and nowhere else: the end
date, else the start date (a supervision running from December to January counts in January's
year, when its result is known). Years and any other period use that one day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Min,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.db.models.lookups import Exact, LessThanOrEqual
from django.utils import timezone

from core.periods import Period
from core.scoping import of_council
from core.text import search_terms
from council.models import Committee, Council, Term
from council.scoping import scoped
from oversight.models import (
    QUESTIONING_KINDS,
    Actor,
    Kind,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)

# A value of the list's "kind" filter that stands for both kinds of questioning (the dashboard's
# "phiên chất vấn", at sessions and between them).
ANY_QUESTIONING = "questioning"

# --- the one attribution rule --------------------------------------------------------------


def attributed_date(prefix: str = "") -> Coalesce:
    """SQL expression of the day an activity counts on. `prefix` reaches an activity through a
    relation, e.g. "activity__" from a recommendation."""
    return Coalesce(f"{prefix}end_date", f"{prefix}start_date")


def attributed_year(prefix: str = "") -> ExtractYear:
    """SQL expression of the year an activity counts in: the year of its attributed day."""
    return ExtractYear(attributed_date(prefix))


def in_year(year: int, prefix: str = "") -> Q:
    """Filter condition: the activity (reached through `prefix`) counts in `year`."""
    return Period.year(year).q(attributed_date(prefix))


# --- activities ------------------------------------------------------------------------------


def activity_list(
    *,
    council: Council | None,
    year: int | None = None,
    term: Term | None = None,
    actor: str | None = None,
    kind: str | None = None,
    committee: Committee | int | None = None,
    q: str | None = None,
) -> QuerySet[OversightActivity]:
    """Activities of a council, newest first, with what a list row shows already joined."""
    qs = OversightActivity.objects.select_related(
        "term", "committee", "delegate_group", "delegate"
    ).annotate(attributed_year=attributed_year())
    if council is None:
        return qs.none()
    return activity_filter(
        qs.filter(term__council=council),
        year=year,
        term=term,
        actor=actor,
        kind=kind,
        committee=committee,
        q=q,
    )


def activity_filter(
    qs: QuerySet[OversightActivity],
    *,
    year: int | None = None,
    term: Term | None = None,
    actor: str | None = None,
    kind: str | None = None,
    committee: Committee | int | None = None,
    q: str | None = None,
) -> QuerySet[OversightActivity]:
    """The list filters (also used by the list page's filter form)."""
    qs = scoped(qs, term=term, year=year, day=attributed_date())
    if actor:
        qs = qs.filter(actor=actor)
    if kind == ANY_QUESTIONING:
        qs = qs.filter(kind__in=QUESTIONING_KINDS)
    elif kind:
        qs = qs.filter(kind=kind)
    if committee:
        qs = qs.filter(committee=committee)
    for word in search_terms(q):
        qs = qs.filter(search_text__contains=word)
    return qs


def activity_get_for_detail(*, pk: int, council: Council | None) -> OversightActivity:
    """An activity of `council` (DoesNotExist for another council's)."""
    return (
        of_council(OversightActivity.objects, council)
        .select_related(
            "term",
            "committee",
            "delegate_group",
            "delegate",
            "programme_item__programme",
            "session__term",
            "establishing_resolution__council",
        )
        .get(pk=pk)
    )


def activity_questions(*, activity: OversightActivity) -> QuerySet[Question]:
    return activity.questions.select_related("asker", "respondent_organization")


def activity_recommendations(
    *, activity: OversightActivity, today: dt.date | None = None
) -> QuerySet[OversightRecommendation]:
    today = today or timezone.localdate()
    return (
        activity.recommendations.select_related("addressee")
        .prefetch_related("follow_ups")
        .annotate(is_overdue_now=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
        .order_by("pk")
    )


@dataclass(frozen=True)
class ActivityDocumentFacts:
    """What a document made from an activity prints of it (its supervision plan, its report
    of results): the activity with its council and bodies, whom it supervises, its team and
    its recommendations with their addressees."""

    activity: OversightActivity
    council: Council
    organizations: list[Any]
    members: list[Any]
    recommendations: list[OversightRecommendation]


def activity_document_facts(*, activity: OversightActivity) -> ActivityDocumentFacts:
    """Four statements, however many organisations, members and recommendations."""
    activity = OversightActivity.objects.select_related(
        "term__council",
        "committee",
        "delegate_group",
        "delegate",
        "programme_item__programme",
        "establishing_resolution",
    ).get(pk=activity.pk)
    return ActivityDocumentFacts(
        activity=activity,
        council=activity.term.council,
        organizations=list(activity.supervised_organizations.order_by("name", "pk")),
        members=list(activity.members.order_by("full_name", "pk")),
        recommendations=list(activity.recommendations.select_related("addressee").order_by("pk")),
    )


# --- recommendations -------------------------------------------------------------------------


def overdue_q(today: dt.date, prefix: str = "") -> Q:
    """Not done and the deadline is before today (a deadline of today is not overdue yet)."""
    # "IS NOT NULL" first keeps the annotated form a clean False (not NULL) without deadline.
    return Q(**{f"{prefix}deadline__isnull": False, f"{prefix}deadline__lt": today}) & ~Q(
        **{f"{prefix}status": OversightRecommendation.Status.DONE}
    )


def recommendation_list(
    *,
    council: Council | None,
    year: int | None = None,
    status: str | None = None,
    overdue: bool = False,
    addressee: int | None = None,
    committee: Committee | int | None = None,
    q: str | None = None,
    today: dt.date | None = None,
) -> QuerySet[OversightRecommendation]:
    """Recommendations with `is_overdue_now` computed in SQL for `today`."""
    today = today or timezone.localdate()
    qs = OversightRecommendation.objects.select_related(
        "addressee", "activity__committee"
    ).annotate(is_overdue_now=ExpressionWrapper(overdue_q(today), output_field=BooleanField()))
    if council is None:
        return qs.none()
    return recommendation_filter(
        qs.filter(activity__term__council=council),
        year=year,
        status=status,
        overdue=overdue,
        addressee=addressee,
        committee=committee,
        q=q,
        today=today,
    )


def recommendation_filter(
    qs: QuerySet[OversightRecommendation],
    *,
    year: int | None = None,
    status: str | None = None,
    overdue: bool = False,
    addressee: Any = None,
    committee: Any = None,
    q: str | None = None,
    today: dt.date | None = None,
) -> QuerySet[OversightRecommendation]:
    today = today or timezone.localdate()
    qs = scoped(qs, year=year, day=attributed_date("activity__"))
    if status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(overdue_q(today))
    if addressee:
        qs = qs.filter(addressee=addressee)
    if committee:
        qs = qs.filter(activity__committee=committee)
    for word in search_terms(q):
        qs = qs.filter(search_text__contains=word)
    return qs


def recommendation_overdue_list(
    *,
    council: Council | None,
    today: dt.date | None = None,
    addressee: int | None = None,
    committee: Committee | int | None = None,
) -> QuerySet[OversightRecommendation]:
    """Overdue recommendations, most overdue first; `days_overdue` is a timedelta from SQL."""
    today = today or timezone.localdate()
    qs = (
        OversightRecommendation.objects.select_related(
            "addressee", "activity__committee", "activity__term"
        )
        .filter(overdue_q(today))
        .annotate(
            days_overdue=ExpressionWrapper(
                Value(today) - F("deadline"), output_field=DurationField()
            ),
            follow_up_count=Count("follow_ups"),
        )
        .order_by("-days_overdue", "pk")
    )
    if council is None:
        return qs.none()
    return recommendation_filter(
        qs.filter(activity__term__council=council), addressee=addressee, committee=committee
    )


@dataclass(frozen=True)
class OverdueByAgency:
    """Overdue recommendations addressed to one agency."""

    organization_id: int
    organization: str
    recommendations: int
    days_overdue: int  # of the oldest: days since its deadline


def overdue_recommendations_by_addressee(
    *, council: Council, today: dt.date | None = None, limit: int = 10
) -> list[OverdueByAgency]:
    """The dashboard's "Cần chú ý": overdue recommendations grouped by the agency they are
    addressed to, the most first: one grouped query (recommendation_overdue_list's rows)."""
    today = today or timezone.localdate()
    rows = (
        OversightRecommendation.objects.filter(activity__term__council=council)
        .filter(overdue_q(today))
        .values("addressee_id", "addressee__name")
        .annotate(n=Count("pk"), oldest=Min("deadline"))
        .order_by("-n", "oldest", "addressee__name")[:limit]
    )
    return [
        OverdueByAgency(
            organization_id=row["addressee_id"],
            organization=row["addressee__name"],
            recommendations=row["n"],
            days_overdue=(today - row["oldest"]).days,
        )
        for row in rows
    ]


# --- the programme ---------------------------------------------------------------------------


def programme_list(*, council: Council | None) -> QuerySet[OversightProgramme]:
    qs = (
        OversightProgramme.objects.select_related("term", "adopted_by__council")
        .annotate(item_count=Count("items", distinct=True))
        .order_by("-year", "pk")
    )  # Meta.ordering is ignored by GROUP BY queries
    return qs.filter(term__council=council) if council else qs.none()


@dataclass(frozen=True)
class ProgrammeProgress:
    planned: int
    done: int


def programme_progress(*, programme: OversightProgramme) -> ProgrammeProgress:
    """Planned against done, in one query: an item is done when an activity linked to it counts
    in the programme's year."""
    totals = programme.items.aggregate(
        planned=Count("pk", distinct=True),
        done=Count("pk", distinct=True, filter=in_year(programme.year, "activities__")),
    )
    return ProgrammeProgress(planned=totals["planned"], done=totals["done"])


@dataclass(frozen=True)
class ProgrammeRow:
    programme_id: int
    year: int
    title: str
    planned: int
    done: int


def programme_progress_list(
    *, council: Council, year: int | None = None, term: Term | None = None
) -> list[ProgrammeRow]:
    """Planned against done (programme_progress's rule) for the programmes of a year or of a
    term, in one grouped query: each programme's items, done when an activity linked to the
    item counts in the programme's own year."""
    qs = OversightProgramme.objects.filter(term__council=council)
    if year is not None:
        qs = qs.filter(year=year)
    if term is not None:
        qs = qs.filter(term=term)
    done = Exact(attributed_year("items__activities__"), F("year"))
    rows = qs.annotate(
        planned=Count("items", distinct=True),
        done=Count("items", distinct=True, filter=done),
    ).order_by("year", "pk")
    return [
        ProgrammeRow(programme_id=p.pk, year=p.year, title=str(p), planned=p.planned, done=p.done)
        for p in rows
    ]


def programme_items(*, programme: OversightProgramme) -> QuerySet[ProgrammeItem]:
    """The programme's items in plan order, each with done_count: its activities that count in
    the programme's year."""
    return (
        programme.items.select_related("committee", "delegate_group", "delegate")
        .annotate(
            done_count=Count(
                "activities", filter=in_year(programme.year, "activities__"), distinct=True
            )
        )
        .order_by("order", "pk")
    )


def programme_item_activities(
    *, items: list[ProgrammeItem], year: int
) -> QuerySet[OversightActivity]:
    """The activities that fulfil these items in `year` (for links on the programme's page)."""
    return (
        OversightActivity.objects.filter(programme_item__in=[item.pk for item in items])
        .filter(in_year(year))
        .only("pk", "topic", "programme_item_id", "start_date", "end_date")
    )


# --- figures for the dashboard and the annual report ------------------------------------------


@dataclass(frozen=True)
class OversightCounts:
    by_actor_kind: tuple[tuple[str, str, int], ...]  # (actor code, kind code, count)
    hdnd_thematic: int
    standing_thematic: int
    standing_inspections: int
    standing_surveys: int
    explanation_hearings: int
    questioning_at_sessions: int
    questioning_between_sessions: int
    committee_thematic: int
    committee_by_name: tuple[tuple[str, int], ...]  # thematic supervisions per Ban
    questions_total: int
    total: int


def oversight_counts(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
) -> OversightCounts:
    """Counts by actor and kind for a year and/or a term: two grouped queries (activities with
    their questions, then thematic supervisions per Ban)."""
    activities = OversightActivity.objects.all()
    rows = list(
        scoped(
            activities, council=council, year=year, term=term, period=period, day=attributed_date()
        )
        .order_by()
        .values_list("actor", "kind")
        .annotate(**_ACTIVITY_COUNTS)
    )
    committees = Committee.objects.filter(term__council=council)
    if term is not None:
        committees = committees.filter(term=term)
    if year is not None:
        committees = committees.filter(term__start_date__year__lte=year).filter(
            Q(term__end_date__isnull=True) | Q(term__end_date__year__gte=year)
        )
    if period is not None:
        # The Bans of the terms that overlap the period.
        committees = committees.filter(term__start_date__lte=period.end).filter(
            Q(term__end_date__isnull=True) | Q(term__end_date__gte=period.start)
        )
    thematic = Q(
        oversightactivity_records__actor=Actor.COMMITTEE,
        oversightactivity_records__kind=Kind.THEMATIC_SUPERVISION,
    )
    if year is not None:
        thematic &= in_year(year, "oversightactivity_records__")
    if term is not None:
        thematic &= Q(oversightactivity_records__term=term)
    if period is not None:
        thematic &= period.q(attributed_date("oversightactivity_records__"))
    # Grouped by name so a Ban that exists in two terms of the year is one line.
    committee_by_name = tuple(
        committees.order_by()
        .values("name")
        .annotate(
            n=Count("oversightactivity_records", filter=thematic, distinct=True),
            position=Min("order"),
        )
        .order_by("position", "name")
        .values_list("name", "n")
    )
    return _oversight_counts(rows, committee_by_name=committee_by_name)


# Activities (each once, whatever its questions) and their questions, per actor and kind.
_ACTIVITY_COUNTS = {"n": Count("pk", distinct=True), "questions": Count("questions")}


def oversight_counts_of_years(
    *, council: Council, years: Sequence[int]
) -> dict[int, OversightCounts]:
    """oversight_counts of each of `years` in one grouped query (the dashboard's year and the
    year before), without the thematic supervisions per Ban (committee_by_name left empty:
    the dashboard shows no Ban breakdown; the report reads oversight_counts)."""
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    rows = (
        scoped(OversightActivity.objects.all(), council=council, period=span, day=attributed_date())
        .order_by()
        .annotate(y=attributed_year())
        .values_list("y", "actor", "kind")
        .annotate(**_ACTIVITY_COUNTS)
    )
    by_year: dict[int, list[tuple]] = {y: [] for y in years}
    for y, *row in rows:
        by_year.setdefault(int(y), []).append(tuple(row))
    return {y: _oversight_counts(by_year[y], committee_by_name=()) for y in years}


def _oversight_counts(
    rows: list[tuple], *, committee_by_name: tuple[tuple[str, int], ...]
) -> OversightCounts:
    """OversightCounts of rows (actor, kind, activities, questions)."""
    by_actor_kind = tuple(sorted((a, k, n) for a, k, n, _q in rows))
    cell = {(a, k): n for a, k, n in by_actor_kind}

    def per_kind(kind: str) -> int:
        return sum(n for (_a, k), n in cell.items() if k == kind)

    return OversightCounts(
        by_actor_kind=by_actor_kind,
        hdnd_thematic=cell.get((Actor.COUNCIL, Kind.THEMATIC_SUPERVISION), 0),
        standing_thematic=cell.get((Actor.STANDING, Kind.THEMATIC_SUPERVISION), 0),
        standing_inspections=cell.get((Actor.STANDING, Kind.INSPECTION), 0),
        standing_surveys=cell.get((Actor.STANDING, Kind.SURVEY), 0),
        explanation_hearings=per_kind(Kind.EXPLANATION),
        questioning_at_sessions=per_kind(Kind.QUESTIONING_SESSION),
        questioning_between_sessions=per_kind(Kind.QUESTIONING_INTERSESSION),
        committee_thematic=cell.get((Actor.COMMITTEE, Kind.THEMATIC_SUPERVISION), 0),
        committee_by_name=committee_by_name,
        questions_total=sum(q for _a, _k, _n, q in rows),
        total=sum(cell.values()),
    )


@dataclass(frozen=True)
class RecommendationCounts:
    total: int
    by_status: tuple[tuple[str, str, int], ...]  # (status code, label, count), every status
    overdue: int


def recommendation_counts(
    *,
    council: Council,
    year: int | None = None,
    period: Period | None = None,
    today: dt.date | None = None,
) -> RecommendationCounts:
    """Recommendations of the activities that count in `year` (or `period`), by status, and how
    many are overdue today: one query."""
    today = today or timezone.localdate()
    qs = scoped(
        OversightRecommendation.objects.all(),
        council=council,
        council_path="activity__term__council",
        year=year,
        period=period,
        day=attributed_date("activity__"),
    )
    return _recommendation_counts(qs.aggregate(**_recommendation_aggregates(today)))


def recommendation_counts_of_years(
    *, council: Council, years: Sequence[int], today: dt.date | None = None
) -> dict[int, RecommendationCounts]:
    """recommendation_counts of each of `years` in one grouped query (the dashboard's year and
    the year before)."""
    today = today or timezone.localdate()
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    rows = (
        scoped(
            OversightRecommendation.objects.all(),
            council=council,
            council_path="activity__term__council",
            period=span,
            day=attributed_date("activity__"),
        )
        .order_by()
        .annotate(y=attributed_year("activity__"))
        .values("y")
        .annotate(**_recommendation_aggregates(today))
    )
    by_year = {int(row["y"]): row for row in rows}
    return {y: _recommendation_counts(by_year.get(y, {})) for y in years}


def _recommendation_aggregates(today: dt.date) -> dict[str, Count]:
    Status = OversightRecommendation.Status
    return {
        "total": Count("pk"),
        "overdue": Count("pk", filter=overdue_q(today)),
        **{f"s_{code}": Count("pk", filter=Q(status=code)) for code in Status.values},
    }


def _recommendation_counts(figures: dict) -> RecommendationCounts:
    Status = OversightRecommendation.Status
    return RecommendationCounts(
        total=figures.get("total") or 0,
        by_status=tuple(
            (code, str(label), figures.get(f"s_{code}") or 0) for code, label in Status.choices
        ),
        overdue=figures.get("overdue") or 0,
    )


def oversight_counts_by_year_rows(
    *, council: Council, term: Term, until: dt.date | None = None
) -> QuerySet:
    """Rows (y, n) of activities per attributed year of the term (counted up to `until` when
    given), as a values() query that the dashboard combines with other apps' into one round
    trip."""
    qs = OversightActivity.objects.filter(term__council=council, term=term)
    if until is not None:
        qs = qs.filter(LessThanOrEqual(attributed_date(), until))
    return qs.order_by().annotate(y=attributed_year()).values("y").annotate(n=Count("pk"))


def oversight_counts_by_year(*, council: Council, term: Term) -> list[tuple[int, int]]:
    """(year, activities) for every year of the term that has activities, in order."""
    rows = oversight_counts_by_year_rows(council=council, term=term).order_by("y")
    return [(int(r["y"]), r["n"]) for r in rows]


# --- What the public sees (issue 24): the one place that says it -------------------------------


def activities_public(*, council: Council) -> QuerySet[OversightActivity]:
    """Oversight activities the secretariat marked public (nothing is by default), with their
    conclusions; the follow-up of each recommendation stays internal."""
    return OversightActivity.objects.filter(term__council=council, is_public=True)


def recommendations_public(*, activity: OversightActivity) -> QuerySet[OversightRecommendation]:
    """A public activity's recommendations as the public reads them: what is recommended and to
    whom (an organisation). Their deadline, status and follow-up stay internal."""
    if not activity.is_public:
        return OversightRecommendation.objects.none()
    return recommendations_public_fields().filter(activity=activity)


def recommendations_public_fields() -> QuerySet[OversightRecommendation]:
    """The fields of a recommendation the public reads, for recommendations_public and for a
    prefetch under activities_public (the open-data API's list)."""
    return (
        OversightRecommendation.objects.select_related("addressee")
        .only("content", "activity", "addressee__name", "addressee__short_name")
        .order_by("pk")
    )
