"""The reads of a delegate's record (hoạt động của đại biểu), derived from what the
secretariat already enters: the roll-call of sessions, the questioning records, the voter meetings and oversight
delegations they joined, the citizen receptions they hosted, the petitions of their voter
meetings, and — from the delegates' room — their speeches and votes. Nothing is entered twice.

One delegate's record is a handful of small queries; the council's table is one statement,
each figure a correlated count, so a term of 80 delegates costs the same as one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from council.models import Delegate, Term
from delegates.models import Registration
from oversight.models import OversightActivity, Question
from resolutions.models import DelegateVote
from sessions.models import Attendance
from voters.models import CitizenReception, VoterMeeting, VoterPetition


@dataclass(frozen=True)
class Span:
    """The days a record covers: a year of the term, or the whole term."""

    start: dt.date
    end: dt.date
    year: int | None


def record_span(*, term: Term, year: int | None) -> Span:
    term_end = term.end_date or dt.date(term.start_date.year + 5, 12, 31)
    if year is None:
        return Span(term.start_date, term_end, None)
    return Span(
        max(term.start_date, dt.date(year, 1, 1)), min(term_end, dt.date(year, 12, 31)), year
    )


def record_years(*, term: Term, today: dt.date) -> list[int]:
    """The years a record may be asked for: those of the term up to this one."""
    last = min((term.end_date or today).year, today.year)
    return list(range(term.start_date.year, max(last, term.start_date.year) + 1))


@dataclass(frozen=True)
class DelegateRecord:
    delegate: Delegate
    span: Span
    attendances: list[Attendance]
    present: int
    excused: int
    absent: int
    speeches: list[Registration]
    questions: list[Question]
    votes: dict[str, int]
    voter_meetings: list[VoterMeeting]
    petitions: int
    petition_instances: int
    delegations: list[OversightActivity]
    receptions: list[CitizenReception]

    @property
    def sessions(self) -> int:
        return len(self.attendances)

    @property
    def vote_rows(self) -> list[tuple[str, int]]:
        """(label, count) of each way of voting, in the ballot's order."""
        return [
            (str(label), self.votes.get(value, 0)) for value, label in DelegateVote.Choice.choices
        ]


SPOKEN = (Registration.Kind.SPEECH, Registration.Kind.DEBATE)


def _in_span(field: str, span: Span) -> Q:
    return Q(**{f"{field}__gte": span.start, f"{field}__lte": span.end})


def delegate_record(*, delegate: Delegate, year: int | None = None) -> DelegateRecord:
    span = record_span(term=delegate.term, year=year)
    attendances = list(
        Attendance.objects.filter(_in_span("session__start_date", span), delegate=delegate)
        .select_related("session__term")
        .order_by("session__start_date", "session__pk")
    )
    by_status = {s: sum(1 for a in attendances if a.status == s) for s in Attendance.Status}
    meetings = list(
        VoterMeeting.objects.filter(_in_span("date", span), delegates=delegate)
        .select_related("location_unit")
        .annotate(petition_count=Count("petitions"))
        .order_by("date", "pk")
    )
    petitions = VoterPetition.objects.filter(meeting__in=[m.pk for m in meetings]).aggregate(
        rows=Count("pk"), instances=Coalesce(Sum("instances"), 0)
    )
    return DelegateRecord(
        delegate=delegate,
        span=span,
        attendances=attendances,
        present=by_status[Attendance.Status.PRESENT],
        excused=by_status[Attendance.Status.EXCUSED],
        absent=by_status[Attendance.Status.ABSENT],
        speeches=list(
            Registration.objects.filter(
                _in_span("session__start_date", span),
                delegate=delegate,
                kind__in=SPOKEN,
                status=Registration.Status.SPOKE,
            )
            .select_related("session__term", "agenda_item")
            .order_by("session__start_date", "position", "pk")
        ),
        # A question registered in the delegates' room carries the answer recorded with it.
        questions=list(
            Question.objects.filter(_in_span("activity__start_date", span), asker=delegate)
            .select_related("activity__session", "respondent_organization", "registration")
            .order_by("activity__start_date", "order", "pk")
        ),
        votes=dict(
            DelegateVote.objects.filter(
                _in_span("resolution__adopted_date", span), delegate=delegate
            )
            .order_by()
            .values_list("choice")
            .annotate(n=Count("pk"))
        ),
        voter_meetings=meetings,
        petitions=petitions["rows"],
        petition_instances=petitions["instances"],
        delegations=list(
            OversightActivity.objects.filter(
                _in_span("start_date", span), members=delegate
            ).order_by("start_date", "pk")
        ),
        receptions=list(
            CitizenReception.objects.filter(
                _in_span("date", span), host_delegate=delegate
            ).order_by("date", "pk")
        ),
    )


def delegates_activity(*, term: Term, year: int | None = None) -> QuerySet[Delegate]:
    """The term's delegates, each with the figures of their record over the year (or the
    term) as columns a table sorts by."""
    span = record_span(term=term, year=year)
    me = OuterRef("pk")

    def count(qs: QuerySet) -> Coalesce:
        """A correlated COUNT(*) of `qs` (rows of this delegate) as a column."""
        grouped = qs.order_by().annotate(_one=Value(1)).values("_one")
        return Coalesce(
            Subquery(grouped.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField()),
            Value(0),
        )

    attendance = Attendance.objects.filter(_in_span("session__start_date", span), delegate=me)
    meetings = VoterMeeting.objects.filter(_in_span("date", span), delegates=me)
    return (
        Delegate.objects.filter(term=term)
        .select_related("delegate_group", "term")
        .annotate(
            n_present=count(attendance.filter(status=Attendance.Status.PRESENT)),
            n_excused=count(attendance.filter(status=Attendance.Status.EXCUSED)),
            n_absent=count(attendance.filter(status=Attendance.Status.ABSENT)),
            n_speeches=count(
                Registration.objects.filter(
                    _in_span("session__start_date", span),
                    delegate=me,
                    kind__in=SPOKEN,
                    status=Registration.Status.SPOKE,
                )
            ),
            n_votes=count(
                DelegateVote.objects.filter(
                    _in_span("resolution__adopted_date", span), delegate=me
                ).exclude(choice=DelegateVote.Choice.ABSENT)
            ),
            n_questions=count(
                Question.objects.filter(_in_span("activity__start_date", span), asker=me)
            ),
            n_voter_meetings=count(meetings),
            n_petitions=count(
                VoterPetition.objects.filter(_in_span("meeting__date", span), meeting__delegates=me)
            ),
            n_delegations=count(
                OversightActivity.objects.filter(_in_span("start_date", span), members=me)
            ),
            n_receptions=count(
                CitizenReception.objects.filter(_in_span("date", span), host_delegate=me)
            ),
        )
    )
