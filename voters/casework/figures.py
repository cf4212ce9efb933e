"""The figures of the casework (đơn thư, vụ việc, tiếp công dân) for the dashboard and the
reports: counts only, never a name, an address, a phone or an ID number (the PDF and the
figures snapshot of a report read this).

Counting rules (the annual report's section on complaints and denunciations says them):
- a letter counts on its received day (Letter.received_date), like voters.selectors.letter_stats;
- a case counts on the day of its first letter: the same matter sent again in a later period
  is one more letter there, not one more case;
- a letter is processed within time when its processing day is on or before its deadline
  (Letter.processing_due), late when after; a letter not processed whose deadline has passed
  by `today` is overdue (a letter without a deadline is none of the three);
- a case is answered when the competent body's result is recorded (Case.answered_date); its
  answer is overdue when it is still open (Case.Status.OPEN) and one of its forwarded letters'
  answer deadline (Letter.answer_due) has passed by `today`, as the case list's queue says;
- forwarded letters are those with a body or a day of forwarding (as letter_stats counts them);
- a group letter is a case of 5 petitioners or more (Luật Tiếp công dân 2013, Điều 30);
- a follow-up counts on its day, a reception on its day, a reception's visits with it.

Each figure is aggregated in SQL: the number of statements depends on the figures asked for,
never on the number of rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Case as SqlCase
from django.db.models import (
    Count,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from core.periods import Period
from core.rates import rate_text
from council.models import Council, Term
from council.scoping import scoped
from voters.models import Case, CaseFollowUp, CitizenReception, Letter, ReceptionVisit

GROUP_SIZE = 5  # Luật Tiếp công dân 2013, Điều 30: "đông người" is five or more.

Breakdown = tuple[tuple[str, str, int], ...]  # (code, Vietnamese label, count)
Rows = tuple[tuple[int | None, str, int], ...]  # (id or None, name, count)


@dataclass(frozen=True)
class CaseFigures:
    # Letters received in the period.
    letters: int
    letters_by_kind: Breakdown
    eligible: int
    ineligible: int
    ineligible_by_reason: Breakdown  # the reasons that occur, in the order of the choices
    forwarded: int
    processed_in_time: int
    processed_late: int
    processing_overdue: int
    in_time_rate: str  # processed in time / processed with a deadline, "—" when none
    # Cases received in the period (their first letter's day in it).
    cases: int
    cases_by_kind: Breakdown
    within_competence: int
    group_cases: int
    answered: int
    closed: int
    answer_overdue: int
    # The breakdowns of a report (empty from case_figures_of_years and breakdowns=False).
    by_field: Rows = ()
    by_locality: Rows = ()
    follow_ups: int = 0
    receptions: int = 0
    citizens_received: int = 0  # the receptions' day totals (CitizenReception.persons)
    reception_cases: int = 0  # the receptions' day totals (CitizenReception.cases)
    visits: int = 0  # rows of the register (ReceptionVisit)
    visit_cases: int = 0  # distinct cases the register's rows are linked to

    @property
    def outside_competence(self) -> int:
        return self.cases - self.within_competence

    @property
    def processed(self) -> int:
        return self.processed_in_time + self.processed_late

    def kind_count(self, kind: str, *, of: str = "letters") -> int:
        rows = self.letters_by_kind if of == "letters" else self.cases_by_kind
        return next(n for code, _label, n in rows if code == kind)

    def without_breakdowns(self) -> CaseFigures:
        """These figures as case_figures_of_years gives them (the dashboard's)."""
        return dataclasses.replace(
            self,
            by_field=(),
            by_locality=(),
            follow_ups=0,
            receptions=0,
            citizens_received=0,
            reception_cases=0,
            visits=0,
            visit_cases=0,
        )


# --- the two main statements: letters, cases ------------------------------------------------


PROCESSING = ("in_time", "late", "overdue")


def processing_q(state: str, *, today: dt.date) -> Q:
    """Letters processed within their time limit ("in_time"), after it ("late"), or not yet
    processed with the limit passed by `today` ("overdue"): the figures and the letter list's
    filter (voters.filters.LetterFilter) read the same rule."""
    if state == "overdue":
        return Q(processed_date__isnull=True, processing_due__lt=today)
    processed = Q(processed_date__isnull=False, processing_due__isnull=False)
    if state == "in_time":
        return processed & Q(processed_date__lte=F("processing_due"))
    if state == "late":
        return processed & Q(processed_date__gt=F("processing_due"))
    raise ValueError(f"Unknown processing state {state!r}.")


def _letter_counts(today: dt.date) -> dict[str, Any]:
    forwarded = Q(forwarded_to__isnull=False) | Q(forwarded_date__isnull=False)
    counts: dict[str, Any] = {
        "n": Count("pk"),
        "eligible": Count("pk", filter=Q(eligible=True)),
        "forwarded": Count("pk", filter=forwarded),
        **{state: Count("pk", filter=processing_q(state, today=today)) for state in PROCESSING},
    }
    for code in Letter.Kind.values:
        counts[f"kind_{code}"] = Count("pk", filter=Q(kind=code))
    for code in Letter.IneligibleReason.values:
        counts[f"reason_{code}"] = Count("pk", filter=Q(eligible=False, ineligible_reason=code))
    return _prefixed(counts)


def _first_letter(field: str) -> Subquery:
    """The `field` of a case's first letter (earliest received, then first entered)."""
    first = Letter.objects.filter(case=OuterRef("pk")).order_by("received_date", "pk")
    output = DateField() if field == "received_date" else IntegerField()
    return Subquery(first.values(field)[:1], output_field=output)


def _case_counts(today: dt.date) -> dict[str, Any]:
    # The rule of the case list's overdue queue (voters.casework.selectors): a forwarded letter
    # whose answer was due before today, in a case still open (answered or closed owes nothing).
    overdue_letters = Letter.objects.filter(
        case=OuterRef("pk"), forwarded_date__isnull=False, answer_due__lt=today
    )
    counts: dict[str, Any] = {
        "n": Count("pk"),
        "within": Count("pk", filter=Q(within_competence=True)),
        "group": Count("pk", filter=Q(group_size__gte=GROUP_SIZE)),
        "answered": Count("pk", filter=Q(answered_date__isnull=False)),
        "closed": Count("pk", filter=Q(status=Case.Status.CLOSED)),
        "answer_overdue": Count(
            "pk", filter=Q(status=Case.Status.OPEN) & Q(Exists(overdue_letters))
        ),
    }
    for code in Letter.Kind.values:
        counts[f"kind_{code}"] = Count("pk", filter=Q(kind=code))
    return _prefixed(counts)


def _prefixed(counts: dict[str, Any]) -> dict[str, Any]:
    # An aggregate may not take the name of a field it reads ("eligible").
    return {f"f_{key}": value for key, value in counts.items()}


def _letters(*, council: Council, term: Term | None, period: Period | None) -> QuerySet[Letter]:
    return scoped(
        Letter.objects.order_by(), day="received_date", council=council, term=term, period=period
    )


def _cases(*, council: Council, term: Term | None, period: Period | None) -> QuerySet[Case]:
    """The council's cases whose first letter is of `term` and falls in `period`."""
    cases = Case.objects.filter(council=council).order_by()
    if term is not None:
        cases = cases.annotate(first_term=_first_letter("term_id")).filter(first_term=term.pk)
    if period is not None:
        cases = cases.annotate(first_day=_first_letter("received_date")).filter(
            period.q("first_day")
        )
    return cases


def _breakdown(row: dict[str, Any], prefix: str, choices: list[tuple[str, str]]) -> Breakdown:
    return tuple((code, str(label), row[f"{prefix}{code}"]) for code, label in choices)


def _unprefixed(row: dict[str, Any]) -> dict[str, Any]:
    return {key.removeprefix("f_"): value for key, value in row.items()}


def _figures(
    letters: dict[str, Any], cases: dict[str, Any], *, council: Council, **extra: Any
) -> CaseFigures:
    letters, cases = _unprefixed(letters), _unprefixed(cases)
    reasons = _breakdown(letters, "reason_", Letter.IneligibleReason.choices)
    return CaseFigures(
        letters=letters["n"],
        letters_by_kind=_breakdown(letters, "kind_", Letter.Kind.choices),
        eligible=letters["eligible"],
        ineligible=letters["n"] - letters["eligible"],
        ineligible_by_reason=tuple(r for r in reasons if r[2]),
        forwarded=letters["forwarded"],
        processed_in_time=letters["in_time"],
        processed_late=letters["late"],
        processing_overdue=letters["overdue"],
        in_time_rate=rate_text(
            letters["in_time"], letters["in_time"] + letters["late"], mode=council.rate_rounding
        ),
        cases=cases["n"],
        cases_by_kind=_breakdown(cases, "kind_", Letter.Kind.choices),
        within_competence=cases["within"],
        group_cases=cases["group"],
        answered=cases["answered"],
        closed=cases["closed"],
        answer_overdue=cases["answer_overdue"],
        **extra,
    )


# --- the selectors --------------------------------------------------------------------------


def case_figures(
    *,
    council: Council,
    year: int | None = None,
    term: Term | None = None,
    period: Period | None = None,
    today: dt.date | None = None,
    breakdowns: bool = True,
) -> CaseFigures:
    """The casework's figures of `period` (`year` its shortcut) or of `term`'s records: two
    statements, seven with the breakdowns (fields, localities, follow-ups, receptions and
    their register)."""
    if sum(x is not None for x in (year, term, period)) != 1:
        raise ValueError("Give exactly one of year, term or period.")
    today = today or timezone.localdate()
    if year is not None:
        period = Period.year(year)
    scope = {"council": council, "term": term, "period": period}
    letters = _letters(**scope).aggregate(**_letter_counts(today))
    cases_qs = _cases(**scope)
    cases = cases_qs.aggregate(**_case_counts(today))
    if not breakdowns:
        return _figures(letters, cases, council=council)

    by_field = cases_qs.values_list("field_id", "field__name").annotate(n=Count("pk"))
    # A commune's name alone is ambiguous (two "Hoàng Văn Thụ" in one province): with its
    # district's, as the unit was on the day.
    by_locality = cases_qs.values_list(
        "locality_id", "locality__name", "locality__parent__name"
    ).annotate(n=Count("pk"))
    # A term's follow-ups are those of its days, as its receptions are its own.
    days = period or Period.of_term(term, today=today)
    follow_ups = scoped(
        CaseFollowUp.objects.order_by(), day="date", council=council, period=days
    ).count()
    receptions = scoped(
        CitizenReception.objects.order_by(), day="date", council=council, term=term, period=period
    ).aggregate(
        n=Count("pk"),
        persons=Coalesce(Sum("persons"), 0),
        cases=Coalesce(Sum("cases"), 0),
    )
    visits = scoped(
        ReceptionVisit.objects.order_by(),
        day="reception__date",
        council=council,
        period=period,
    )
    if term is not None:
        visits = visits.filter(reception__term=term)
    visit_counts = visits.aggregate(n=Count("pk"), cases=Count("case", distinct=True))
    return _figures(
        letters,
        cases,
        council=council,
        by_field=_rows(by_field, _("Chưa phân loại lĩnh vực")),
        by_locality=_rows(
            [
                (pk, ", ".join(filter(None, (name, parent))), n)
                for pk, name, parent, n in by_locality
            ],
            _("Chưa xác định địa bàn"),
        ),
        follow_ups=follow_ups,
        receptions=receptions["n"],
        citizens_received=receptions["persons"],
        reception_cases=receptions["cases"],
        visits=visit_counts["n"],
        visit_cases=visit_counts["cases"],
    )


def _rows(rows: Any, unnamed: str) -> Rows:
    """(id, name, count), the largest first, then by name; the unclassified line last."""
    named = sorted(((pk, name, n) for pk, name, n in rows if pk), key=lambda r: (-r[2], r[1]))
    rest = sum(n for pk, _name, n in rows if not pk)
    return tuple(named) + (((None, unnamed, rest),) if rest else ())


def _year_of(day: str, years: Sequence[int]) -> SqlCase:
    """The year of `day` for rows already narrowed to the span of `years` (an integer CASE on
    the day, as voters.selectors does for the letters' year)."""
    first, last = min(years), max(years)
    return SqlCase(
        *(When(**{f"{day}__gte": dt.date(y, 1, 1)}, then=Value(y)) for y in range(last, first, -1)),
        default=Value(first),
        output_field=IntegerField(),
    )


def case_figures_of_years(
    *, council: Council, years: Sequence[int], today: dt.date | None = None
) -> dict[int, CaseFigures]:
    """case_figures(breakdowns=False) of each of `years` (the dashboard's year and the year
    before) from the same two statements, each grouped by year."""
    today = today or timezone.localdate()
    span = Period.between(Period.year(min(years)).start, Period.year(max(years)).end)
    letters = (
        _letters(council=council, term=None, period=span)
        .annotate(y=_year_of("received_date", years))
        .values("y")
        .annotate(**_letter_counts(today))
    )
    cases = (
        _cases(council=council, term=None, period=span)
        .annotate(y=_year_of("first_day", years))
        .values("y")
        .annotate(**_case_counts(today))
    )
    empty_letters = {k: 0 for k in _letter_counts(today)}
    empty_cases = {k: 0 for k in _case_counts(today)}
    letters_by_year = {row["y"]: row for row in letters}
    cases_by_year = {row["y"]: row for row in cases}
    return {
        y: _figures(
            letters_by_year.get(y, empty_letters),
            cases_by_year.get(y, empty_cases),
            council=council,
        )
        for y in years
    }
