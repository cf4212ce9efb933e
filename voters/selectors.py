"""Reads of the voters app: lists, the pages of the workflow and the statistics that the
dashboard and the annual report use.

Counting rules (the annual report depends on them):
- petitions are counted in instances (lượt); originals merged into a consolidated petition are
  left out, the consolidated petition carries their total, so nothing is counted twice;
- a petition belongs to the year of its received_date (ngày tiếp nhận), to its term, and to its
  target session ("trước và sau kỳ họp thứ N");
- a meeting belongs to the year of its date;
- forwarded = forwarded or any later status; answered = answered or an outcome;
- answered rate = answered instances / forwarded instances;
- resolved rate = resolved instances / all instances;
- a letter belongs to the year of its received_date, a reception to the year of its date;
- any other period (core.periods.Period) uses the same days: a record counts when its day
  falls inside the period, both ends included.

Nothing here returns citizens' personal data: LetterStats are counts only."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from core.periods import Period
from core.rates import rate_text
from council.models import Committee, Council, Term
from council.scoping import scoped
from council.selectors import term_with_records
from sessions.models import Session
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    ReceptionSchedule,
    VoterMeeting,
    VoterPetition,
)

# Days UBND has to answer a forwarded petition before it shows as overdue. Pages accept
# ?days=N to look at another deadline.
ANSWER_DEADLINE_DAYS = 30

Status = VoterPetition.Status


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def meeting_queryset(*, council: Council | None = None) -> QuerySet[VoterMeeting]:
    qs = VoterMeeting.objects.select_related(
        "term", "session", "session__term", "location_unit", "delegate_group", "co_organizer"
    )
    return qs.filter(term__council=council) if council is not None else qs


PETITION_RELATED = (
    "term",
    "session",
    "session__term",
    "field",
    "responsible_org",
    "committee",
    "batch",
    "batch__recipient",
    "meeting",
    "meeting__location_unit",
)


def petition_queryset(
    *, council: Council | None = None, related: Sequence[str] = PETITION_RELATED
) -> QuerySet[VoterPetition]:
    """Petitions with the records they name. A list passes only what its table shows: each
    join costs the planner time on every page (ten tables: 14-22 ms at a million petitions,
    five: 5 ms)."""
    qs = VoterPetition.objects.select_related(*related)
    return qs.filter(term__council=council) if council is not None else qs


def counted_petitions(qs: QuerySet[VoterPetition]) -> QuerySet[VoterPetition]:
    """Rows that count: everything except originals merged into a consolidated petition."""
    return qs.filter(consolidated_into__isnull=True)


def petitions_awaiting_forwarding(
    *, council: Council | None = None, term: Any = None, related: Sequence[str] = PETITION_RELATED
) -> QuerySet[VoterPetition]:
    qs = counted_petitions(petition_queryset(council=council, related=related)).filter(
        status__in=VoterPetition.AWAITING_FORWARDING
    )
    return qs.filter(term=term) if term is not None else qs


def overdue_q(*, days: int = ANSWER_DEADLINE_DAYS, today: dt.date | None = None) -> Q:
    """Forwarded, still unanswered, and the công văn is older than the deadline."""
    cutoff = _today(today) - dt.timedelta(days=days)
    return Q(status=Status.FORWARDED, batch__date__lt=cutoff)


def petitions_overdue(
    *,
    council: Council | None = None,
    days: int = ANSWER_DEADLINE_DAYS,
    today: dt.date | None = None,
    related: Sequence[str] = PETITION_RELATED,
) -> QuerySet[VoterPetition]:
    return (
        counted_petitions(petition_queryset(council=council, related=related))
        .filter(overdue_q(days=days, today=today))
        .order_by("batch__date", "pk")
    )


def petition_queue_counts(*, council: Council, today: dt.date | None = None) -> tuple[int, int]:
    """(awaiting forwarding, overdue) for the voters' overview."""
    awaiting = petitions_awaiting_forwarding(council=council).count()
    return awaiting, petitions_overdue(council=council, today=today).count()


@dataclass(frozen=True)
class OverdueByAgency:
    """Forwarded petitions past the answer deadline, for one agency that received them."""

    organization_id: int
    organization: str
    petitions: int
    instances: int
    days_overdue: int  # of the oldest: days since its deadline


def overdue_petitions_by_recipient(
    *, council: Council, today: dt.date | None = None, limit: int = 10
) -> list[OverdueByAgency]:
    """The dashboard's "Cần chú ý": overdue petitions grouped by the agency their forwarding
    letter went to, the most petitions first. One grouped query; the deadline counts from the
    letter's date (overdue_q)."""
    today = _today(today)
    rows = (
        counted_petitions(VoterPetition.objects.filter(term__council=council))
        .filter(overdue_q(today=today))
        .values("batch__recipient_id", "batch__recipient__name")
        .annotate(n=Count("pk"), instances=Coalesce(Sum("instances"), 0), oldest=Min("batch__date"))
        .order_by("-n", "oldest", "batch__recipient__name")[:limit]
    )
    deadline = dt.timedelta(days=ANSWER_DEADLINE_DAYS)
    return [
        OverdueByAgency(
            organization_id=row["batch__recipient_id"],
            organization=row["batch__recipient__name"],
            petitions=row["n"],
            instances=row["instances"],
            days_overdue=(today - (row["oldest"] + deadline)).days,
        )
        for row in rows
    ]


def sessions_with_awaiting_petitions(*, council: Council | None) -> QuerySet[Session]:
    """The sessions that still have petitions awaiting forwarding (the consolidation page's
    filter): a handful, where the council's whole history holds thousands of sessions."""
    awaiting = petitions_awaiting_forwarding(council=council).order_by().values("session_id")
    return Session.objects.filter(pk__in=awaiting).select_related("term").order_by("-start_date")


def letter_queryset(*, council: Council | None = None) -> QuerySet[Letter]:
    qs = Letter.objects.select_related("term", "forwarded_to")
    return qs.filter(term__council=council) if council is not None else qs


def reception_queryset(*, council: Council | None = None) -> QuerySet[CitizenReception]:
    qs = CitizenReception.objects.select_related("term")
    return qs.filter(term__council=council) if council is not None else qs


def _per_batch(petitions: QuerySet[VoterPetition], aggregate: Any) -> Coalesce:
    """One figure of the batch's petitions, as a subquery evaluated for the rows shown only."""
    figure = (
        petitions.filter(batch=OuterRef("pk"))
        .order_by()
        .values("batch")
        .annotate(figure=aggregate)
        .values("figure")
    )
    return Coalesce(Subquery(figure), 0)


def batch_queryset(*, council: Council | None = None) -> QuerySet[ForwardingBatch]:
    """Công văn with their petitions' figures. The figures are correlated subqueries, not a
    join grouped over every batch: a page of 25 then reads 25 batches' petitions (a join
    aggregated all 1.5 million petitions of 20 years first: 1.6 s)."""
    petitions = VoterPetition.objects.all()
    qs = (
        ForwardingBatch.objects.select_related("term", "recipient", "session__term")
        .annotate(
            petition_count=_per_batch(petitions, Count("pk")),
            instance_total=_per_batch(petitions, Sum("instances")),
            answered_count=_per_batch(
                petitions.filter(status__in=VoterPetition.ANSWERED_OR_LATER), Count("pk")
            ),
        )
        .order_by("-date", "-pk")
    )
    return qs.filter(term__council=council) if council is not None else qs


def batch_petitions(*, batch: ForwardingBatch) -> QuerySet[VoterPetition]:
    """A công văn's petitions as its appendix lists them (reports.routine.petition_forwarding):
    by field in the taxonomy's order, those without a field last, then as received. Two
    queries whatever their number: the petitions with their field and meeting, then the
    originals merged into the consolidated ones (whose meetings say where they were raised)."""
    originals = VoterPetition.objects.select_related("meeting__location_unit").order_by(
        "meeting__date", "pk"
    )
    return (
        VoterPetition.objects.filter(batch=batch)
        .select_related("field", "meeting__location_unit")
        .prefetch_related(Prefetch("originals", queryset=originals))
        .order_by(F("field__order").asc(nulls_last=True), "field__name", "received_date", "pk")
    )


# --- statistics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PetitionStats:
    meetings: int
    voters_attended: int
    petitions: int  # consolidated rows counted once, merged originals not at all
    instances: int
    by_status: tuple[tuple[str, str, int], ...]  # (code, Vietnamese label, instances)
    by_field: tuple[tuple[str, int], ...]
    by_level: tuple[tuple[str, str, int], ...]
    by_committee: tuple[tuple[str, int], ...]
    forwarded_instances: int
    answered_instances: int
    resolved_instances: int
    answered_rate: str  # answered / forwarded instances, "66,67%"
    resolved_rate: str  # resolved / all instances
    unanswered_overdue: int  # petitions (rows) forwarded and unanswered past the deadline


def _scoped_petitions(**scope: Any) -> QuerySet[VoterPetition]:
    return scoped(counted_petitions(VoterPetition.objects.all()), day="received_date", **scope)


def petition_stats(
    *,
    council: Council,
    year: int | None = None,
    term: Any = None,
    session: Any = None,
    period: Period | None = None,
    today: dt.date | None = None,
) -> PetitionStats:
    """Figures of the voters' section of the dashboard and of the reports.

    A petition belongs to the day (and year) of its received_date; see the module docstring."""
    scope = {"council": council, "year": year, "term": term, "period": period}
    petitions = _scoped_petitions(**scope)
    meetings = scoped(VoterMeeting.objects.all(), day="date", **scope)
    if session is not None:
        petitions, meetings = petitions.filter(session=session), meetings.filter(session=session)
    m = meetings.aggregate(**_MEETING_FIGURES)
    # One grouped query (status x level x field x Ban: a few hundred rows at most), summed
    # here, so every total agrees with its breakdowns.
    groups = list(
        petitions.order_by().values(*_PETITION_GROUPS).annotate(**_petition_figures(today))
    )
    return _petition_stats(m, groups, council=council)


_MEETING_FIGURES = {"n": Count("pk"), "voters": Coalesce(Sum("voters_attended"), 0)}
_PETITION_GROUPS = (
    "status", "level", "field__name", "field__order", "committee__name", "committee__order",
)  # fmt: skip


def _petition_figures(today: dt.date | None) -> dict[str, Any]:
    return {
        "rows": Count("pk"),
        "n": Coalesce(Sum("instances"), 0),
        "overdue": Count("pk", filter=overdue_q(today=today)),
    }


def _year_of(day: str, years: Sequence[int]) -> Case:
    """The year of `day` for rows already narrowed to the span of `years`: an integer CASE on
    the day itself (one comparison a year of the span), where EXTRACT(YEAR) computes a numeric
    for every row and groups on it. At B (two years, 18,653 petitions) the petitions' grouped
    statement 10.0 -> 8.7 ms, the letters' 4.6 -> 3.7 ms (psql, 30 runs each, alternating)."""
    first, last = min(years), max(years)
    return Case(
        *(When(**{f"{day}__gte": dt.date(y, 1, 1)}, then=Value(y)) for y in range(last, first, -1)),
        default=Value(first),
        output_field=IntegerField(),
    )


def _overdue_in_batches_q(today: dt.date | None) -> Q:
    """overdue_q's rule (forwarded, unanswered, the công văn older than the deadline) read as
    "its batch is among the late ones": a hashed list of the late batches (620 at B), where
    joining every petition of the years to its batch cost 2.7 ms of the grouped statement at
    B, the list 0.9 ms (psql, 30 runs each, alternating)."""
    cutoff = _today(today) - dt.timedelta(days=ANSWER_DEADLINE_DAYS)
    late_batches = ForwardingBatch.objects.filter(date__lt=cutoff).order_by().values("pk")
    return Q(status=Status.FORWARDED, batch__in=late_batches)


def petition_stats_of_years(
    *, council: Council, years: Sequence[int], today: dt.date | None = None
) -> dict[int, PetitionStats]:
    """petition_stats of each of `years` (the dashboard's year and the year before) in the same
    two grouped queries, by year, as one call a year makes."""
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    meetings = (
        scoped(VoterMeeting.objects.all(), council=council, period=span, day="date")
        .order_by()
        .annotate(y=ExtractYear("date"))
        .values_list("y")
        .annotate(**_MEETING_FIGURES)
    )
    m_by_year = {int(y): {"n": n, "voters": voters} for y, n, voters in meetings}
    # Grouped by the field's and the Ban's ids, named from one small query of their own: at B
    # (two years, 18,653 petitions) grouping on their names through two more joins took
    # 31-55 ms against 17-31 ms by ids (psql, 8 runs each, alternating, loaded machine). That
    # query reads the council's terms too, so the petitions are narrowed by their term's id
    # without joining every one of them to its term (1.4-1.8 ms of that statement at B).
    names: dict[tuple[str, int], tuple[str | None, int | None]] = {}
    for table, pk, name, order in (
        PetitionField.objects.order_by()
        .annotate(t=Value("field", output_field=CharField()))
        .values_list("t", "pk", "name", "order")
        .union(
            Committee.objects.filter(term__council=council)
            .order_by()
            .annotate(t=Value("committee", output_field=CharField()))
            .values_list("t", "pk", "name", "order"),
            Term.objects.filter(council=council)
            .order_by()
            .annotate(t=Value("term", output_field=CharField()), o=Value(None, IntegerField()))
            .values_list("t", "pk", "roman", "o"),
            all=True,
        )
    ):
        names[(table, pk)] = (name, order)
    term_ids = [pk for table, pk in names if table == "term"]
    groups = (
        _scoped_petitions(period=span)
        .filter(term_id__in=term_ids)
        .order_by()
        .annotate(y=_year_of("received_date", years))
        .values_list("y", "status", "level", "field_id", "committee_id")
        .annotate(
            rows=Count("pk"),
            n=Coalesce(Sum("instances"), 0),
            overdue=Count("pk", filter=_overdue_in_batches_q(today)),
        )
    )
    unnamed = (None, None)
    g_by_year: dict[int, list[dict]] = {y: [] for y in years}
    for y, status, level, field_id, committee_id, rows, n, overdue in groups:
        field = names.get(("field", field_id), unnamed)
        committee = names.get(("committee", committee_id), unnamed)
        g_by_year.setdefault(y, []).append(
            {
                "status": status,
                "level": level,
                "field__name": field[0],
                "field__order": field[1],
                "committee__name": committee[0],
                "committee__order": committee[1],
                "rows": rows,
                "n": n,
                "overdue": overdue,
            }
        )
    empty = {"n": 0, "voters": 0}
    return {
        y: _petition_stats(m_by_year.get(y, empty), g_by_year[y], council=council) for y in years
    }


def _petition_stats(m: dict[str, int], groups: list[dict], *, council: Council) -> PetitionStats:
    """PetitionStats of the meetings' aggregate and the petitions' groups."""
    status_counts: Counter[str] = Counter()
    level_counts: Counter[str] = Counter()
    field_counts: Counter[tuple] = Counter()
    committee_counts: Counter[tuple] = Counter()
    totals = Counter()
    for g in groups:
        n = g["n"]
        status_counts[g["status"]] += n
        level_counts[g["level"]] += n
        field_counts[(g["field__order"], g["field__name"])] += n
        committee_counts[(g["committee__order"], g["committee__name"])] += n
        totals["rows"] += g["rows"]
        totals["total"] += n
        totals["overdue"] += g["overdue"]
        totals["forwarded"] += n if g["status"] in VoterPetition.FORWARDED_OR_LATER else 0
        totals["answered"] += n if g["status"] in VoterPetition.ANSWERED_OR_LATER else 0
        totals["resolved"] += n if g["status"] == Status.RESOLVED else 0

    def ordered(counts: Counter[tuple], unnamed: str) -> tuple[tuple[str, int], ...]:
        # By order then name, the unclassified last (as PostgreSQL sorts NULLs).
        keys = sorted(counts, key=lambda k: (k[1] is None, k[0] or 0, k[1] or ""))
        return tuple((name or unnamed, counts[(order, name)]) for order, name in keys)

    mode = council.rate_rounding
    return PetitionStats(
        meetings=m["n"],
        voters_attended=m["voters"],
        petitions=totals["rows"],
        instances=totals["total"],
        by_status=tuple(
            (code, str(label), status_counts.get(code, 0) or 0) for code, label in Status.choices
        ),
        by_field=ordered(field_counts, _("Chưa phân loại lĩnh vực")),
        by_level=tuple(
            (code, str(label), level_counts.get(code, 0) or 0)
            for code, label in VoterPetition.Level.choices
        ),
        by_committee=ordered(committee_counts, _("Chưa giao Ban theo dõi")),
        forwarded_instances=totals["forwarded"],
        answered_instances=totals["answered"],
        resolved_instances=totals["resolved"],
        answered_rate=rate_text(totals["answered"], totals["forwarded"], mode=mode),
        resolved_rate=rate_text(totals["resolved"], totals["total"], mode=mode),
        unanswered_overdue=totals["overdue"],
    )


def _session_label(number: int | None) -> str:
    if number is None:
        return _("Ngoài kỳ họp")
    return _("Trước và sau kỳ họp thứ %(n)s") % {"n": number}


def petition_stats_by_session(*, council: Council, year: int) -> list[tuple[str, int]]:
    """(label, instances) for petitions received in `year`, in session order."""
    rows = (
        _scoped_petitions(council=council, year=year)
        .values("session__number", "session__start_date", "session__term__ordinal")
        .annotate(n=Sum("instances"))
        .order_by(F("session__start_date").asc(nulls_last=True), "session__number")
    )
    return [(_session_label(row["session__number"]), row["n"]) for row in rows]


def petition_counts_by_year_rows(
    *, council: Council, term: Any, until: dt.date | None = None
) -> QuerySet:
    """Rows (y, n) of counted instances per year of the term (received up to `until` when
    given), as a values() query that the dashboard combines with other apps' into one round
    trip."""
    qs = _scoped_petitions(council=council, term=term)
    if until is not None:
        qs = qs.filter(received_date__lte=until)
    return (
        qs.order_by()
        .annotate(y=ExtractYear("received_date"))
        .values("y")
        .annotate(n=Coalesce(Sum("instances"), 0))
    )


def petition_counts_by_year(*, council: Council, term: Any) -> list[tuple[int, int]]:
    """(year, instances) for each year of the term that has petitions."""
    rows = petition_counts_by_year_rows(council=council, term=term).order_by("y")
    return [(row["y"], row["n"]) for row in rows]


@dataclass(frozen=True)
class SessionContactCounts:
    """Voter contact before and after one session: meetings and voters by timing, and the
    petitions' instances by the timing of the meeting that raised them (petitions entered
    without a meeting count in neither). Instances are read on the petitions as collected,
    before any consolidation: a consolidated petition has no meeting of its own, and it
    carries exactly the instances of its originals."""

    meetings_before: int
    meetings_after: int
    voters_before: int
    voters_after: int
    instances_before: int
    instances_after: int


def session_contact_counts(*, session: Session) -> SessionContactCounts:
    """Two aggregate queries: the session's meetings, then its counted petitions."""
    Timing = VoterMeeting.Timing
    before, after = Q(timing=Timing.PRE_SESSION), Q(timing=Timing.POST_SESSION)
    m = VoterMeeting.objects.filter(session=session).aggregate(
        meetings_before=Count("pk", filter=before),
        meetings_after=Count("pk", filter=after),
        voters_before=Coalesce(Sum("voters_attended", filter=before), 0),
        voters_after=Coalesce(Sum("voters_attended", filter=after), 0),
    )
    p = VoterPetition.objects.filter(session=session, is_consolidated=False).aggregate(
        instances_before=Coalesce(
            Sum("instances", filter=Q(meeting__timing=Timing.PRE_SESSION)), 0
        ),
        instances_after=Coalesce(
            Sum("instances", filter=Q(meeting__timing=Timing.POST_SESSION)), 0
        ),
    )
    return SessionContactCounts(**m, **p)


@dataclass(frozen=True)
class SessionPetitionRow:
    session_id: int | None
    label: str
    petitions: int
    instances: int
    awaiting: int
    forwarded: int
    answered: int
    resolved: int
    answered_rate: str
    resolved_rate: str


def petition_summary_default_term(*, council: Council, today: dt.date | None = None) -> Any:
    """The term the "by session" page opens on: the term in force once it has petitions, else
    the latest that has (council.selectors.term_with_records): never an empty page while
    another term has figures."""
    return term_with_records(
        council=council, records=counted_petitions(VoterPetition.objects.all()), today=today
    )


def petition_summary_by_session(*, council: Council, term: Any = None) -> list[SessionPetitionRow]:
    """The "by session" page: one row a session, workflow figures in instances."""
    qs = _scoped_petitions(council=council, term=term)
    rows = (
        qs.values("session_id")
        .annotate(
            rows=Count("pk"),
            total=Sum("instances"),
            awaiting=Coalesce(
                Sum("instances", filter=Q(status__in=VoterPetition.AWAITING_FORWARDING)), 0
            ),
            forwarded=Coalesce(
                Sum("instances", filter=Q(status__in=VoterPetition.FORWARDED_OR_LATER)), 0
            ),
            answered=Coalesce(
                Sum("instances", filter=Q(status__in=VoterPetition.ANSWERED_OR_LATER)), 0
            ),
            resolved=Coalesce(Sum("instances", filter=Q(status=Status.RESOLVED)), 0),
        )
        .order_by()
    )
    # The few sessions read after grouping: joined before it, the planner hashes every session
    # of the database to label a term's thousands of petitions (issue 19).
    sessions = Session.objects.in_bulk([row["session_id"] for row in rows if row["session_id"]])

    def latest_first(row: dict[str, Any]) -> tuple:
        found = sessions.get(row["session_id"])
        if found is None:  # petitions outside a session first, as PostgreSQL sorts no day
            return (0, 0, 0)
        return (1, -found.start_date.toordinal(), found.number)

    mode = council.rate_rounding
    return [
        SessionPetitionRow(
            session_id=row["session_id"],
            label=_session_label(sessions[row["session_id"]].number if row["session_id"] else None),
            petitions=row["rows"],
            instances=row["total"],
            awaiting=row["awaiting"],
            forwarded=row["forwarded"],
            answered=row["answered"],
            resolved=row["resolved"],
            answered_rate=rate_text(row["answered"], row["forwarded"], mode=mode),
            resolved_rate=rate_text(row["resolved"], row["total"], mode=mode),
        )
        for row in sorted(rows, key=latest_first)
    ]


@dataclass(frozen=True)
class LetterStats:
    letters: int
    by_kind: tuple[tuple[str, str, int], ...]  # (code, Vietnamese label, letters)
    forwarded: int
    receptions: int
    citizens_received: int


def letter_stats(
    *,
    council: Council,
    year: int | None = None,
    term: Any = None,
    period: Period | None = None,
) -> LetterStats:
    """Counts only: never a name, address, phone or ID number (the PDF reads this)."""
    scope = {"council": council, "year": year, "term": term, "period": period}
    letters = scoped(Letter.objects.all(), day="received_date", **scope)
    receptions = scoped(CitizenReception.objects.all(), day="date", **scope)
    by_kind = list(letters.order_by().values_list("kind").annotate(**_LETTER_FIGURES))
    return _letter_stats(by_kind, receptions.aggregate(**_RECEPTION_FIGURES))


_LETTER_FIGURES = {
    "n": Count("pk"),
    "forwarded": Count(
        "pk", filter=Q(forwarded_to__isnull=False) | Q(forwarded_date__isnull=False)
    ),
}
_RECEPTION_FIGURES = {"n": Count("pk"), "persons": Coalesce(Sum("persons"), 0)}


def letter_stats_of_years(*, council: Council, years: Sequence[int]) -> dict[int, LetterStats]:
    """letter_stats of each of `years` (the dashboard's year and the year before) in the same
    two grouped queries, by year, as one call a year makes."""
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    letters = (
        scoped(Letter.objects.all(), council=council, period=span, day="received_date")
        .order_by()
        .annotate(y=_year_of("received_date", years))
        .values_list("y", "kind")
        .annotate(**_LETTER_FIGURES)
    )
    kinds_by_year: dict[int, list[tuple]] = {y: [] for y in years}
    for y, *row in letters:
        kinds_by_year.setdefault(int(y), []).append(tuple(row))
    receptions = (
        scoped(CitizenReception.objects.all(), council=council, period=span, day="date")
        .order_by()
        .annotate(y=ExtractYear("date"))
        .values("y")
        .annotate(**_RECEPTION_FIGURES)
    )
    r_by_year = {int(row["y"]): row for row in receptions}
    empty = {"n": 0, "persons": 0}
    return {y: _letter_stats(kinds_by_year[y], r_by_year.get(y, empty)) for y in years}


def _letter_stats(by_kind: list[tuple], r: dict[str, int]) -> LetterStats:
    """LetterStats of rows (kind, letters, forwarded) and the receptions' aggregate."""
    kinds = {kind: n for kind, n, _forwarded in by_kind}
    return LetterStats(
        letters=sum(kinds.values()),
        by_kind=tuple(
            (code, str(label), kinds.get(code, 0)) for code, label in Letter.Kind.choices
        ),
        forwarded=sum(forwarded for _kind, _n, forwarded in by_kind),
        receptions=r["n"],
        citizens_received=r["persons"],
    )


def petition_fields_on(*, day: dt.date) -> QuerySet[PetitionField]:
    return PetitionField.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
    )


def committees_of_term(*, term: Any) -> QuerySet[Committee]:
    return Committee.objects.filter(term=term)


def petition_counts_by_council(
    *, councils: Sequence[int], period: Period
) -> dict[int, tuple[int, int, int]]:
    """(lượt received, forwarded, answered) in `period` by each of `councils` (ids): the
    petitions and the parts of the answer rate of the province's communes."""
    rows = (
        scoped(
            counted_petitions(VoterPetition.objects.filter(term__council__in=councils)),
            day="received_date",
            period=period,
        )
        .order_by()
        .values("term__council")
        .annotate(
            received_n=Sum("instances"),
            forwarded_n=Sum(
                "instances", filter=Q(status__in=VoterPetition.FORWARDED_OR_LATER), default=0
            ),
            answered_n=Sum(
                "instances", filter=Q(status__in=VoterPetition.ANSWERED_OR_LATER), default=0
            ),
        )
    )
    return {
        row["term__council"]: (row["received_n"], row["forwarded_n"], row["answered_n"])
        for row in rows
    }


# --- What the public sees (issue 24): the one place that says it -------------------------------


def reception_schedule_public(*, council: Council) -> QuerySet[ReceptionSchedule]:
    """The published slots of the reception schedule: officials, places and times, never a
    citizen (the visits are another model)."""
    return ReceptionSchedule.objects.filter(council=council, published=True).order_by(
        "date", "start_time", "pk"
    )


def voter_meetings_public(*, council: Council) -> QuerySet[VoterMeeting]:
    """Voter meetings, public by rule: they are announced to the voters they are for. Only
    their date, place, topic and delegates are for the public; the minutes are not."""
    return VoterMeeting.objects.filter(term__council=council).order_by("date", "pk")
