"""The demo's year of cases (voters.casework.demo): its figures, worked out from the demo's
rules in the comments, and a second load that changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models import Count

from council import demo as council_demo
from council.models import Council
from voters.casework.figures import case_figures
from voters.models import (
    Case,
    CaseDocument,
    CaseFollowUp,
    CitizenReception,
    Letter,
    ReceptionSchedule,
    ReceptionVisit,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 1, 1)


def _state(council: Council) -> dict:
    """Everything the demo's casework writes, as values."""
    return {
        "figures": dataclasses.asdict(case_figures(council=council, year=2019, today=TODAY)),
        "cases": list(
            Case.objects.filter(council=council)
            .order_by("year", "seq")
            .values_list(
                "seq",
                "status",
                "field_id",
                "locality_id",
                "group_size",
                "handler_id",
                "answered_date",
                "closed_date",
            )
        ),
        "letters": list(
            Letter.objects.filter(term__council=council)
            .order_by("pk")
            .values_list("case_id", "processed_date", "processing_due", "answer_due", "channel")
        ),
        "documents": list(
            CaseDocument.objects.filter(council=council)
            .order_by("pk")
            .values_list("register_entry__series__code", "register_entry__number", "date")
        ),
        "follow_ups": CaseFollowUp.objects.filter(case__council=council).count(),
        "slots": list(
            ReceptionSchedule.objects.filter(council=council)
            .order_by("date", "start_time")
            .values_list("date", "host_kind", "reception_id")
        ),
        "visits": ReceptionVisit.objects.filter(reception__term__council=council).count(),
    }


def test_the_demo_has_a_year_of_cases_and_a_second_load_changes_nothing():
    call_command("load_demo", "--with-users", verbosity=0)
    council = Council.objects.get(name=council_demo.PROVINCE_NAME)
    first = _state(council)
    call_command("load_demo", "--with-users", verbosity=0)
    assert _state(council) == first

    f = case_figures(council=council, year=2019, today=TODAY)
    # The 24 sample letters, each a case, and 5 repeat letters to 4 of those cases.
    assert (f.letters, f.cases) == (29, 24)
    several = (
        Case.objects.filter(council=council, year=2019)
        .annotate(n=Count("letters"))
        .filter(n__gt=1)
        .values_list("n", flat=True)
    )
    assert sorted(several) == [2, 2, 2, 3]
    # Ineligible: the 4 filed samples and 2 repeats as duplicates, 2 repeats as copies sent
    # to many bodies.
    assert [(code, n) for code, _label, n in f.ineligible_by_reason] == [
        ("duplicate", 6),
        ("copy", 2),
    ]
    # 13 samples forwarded; 11 answered (6 of them closed after), 2 left open and overdue.
    assert (f.forwarded, f.answered, f.answer_overdue) == (13, 11, 2)
    # Two samples processed late, every other letter within the limit.
    assert (f.processed_late, f.processed_in_time, f.processing_overdue) == (2, 27, 0)
    assert (f.group_cases, f.within_competence, f.follow_ups) == (2, 2, 6)
    # A forwarding slip a forwarded letter and a guidance letter a guided one, numbered in
    # the register: the slips are the series PC, from 1 without a gap; the guidance letters are
    # 7 of the series CV, among the register's hand-registered công văn (documents.demo).
    documents = CaseDocument.objects.filter(council=council, date__year=2019)
    slips = documents.filter(kind=CaseDocument.Kind.FORWARDING)
    assert sorted(slips.values_list("register_entry__number", flat=True)) == list(range(1, 14))
    assert set(slips.values_list("register_entry__series__code", flat=True)) == {"PC"}
    guidance = documents.filter(kind=CaseDocument.Kind.GUIDANCE)
    assert guidance.filter(register_entry__series__code="CV").count() == 7
    # The denunciation kept by the demo staff member (its identity is theirs to read).
    kept = Case.objects.get(council=council, handler__username="chuyenvien")
    assert kept.kind == Letter.Kind.DENUNCIATION
    # The register's rows add up to the day totals the demo typed: 12 receptions, 76 citizens,
    # 42 matters, as before the register was kept; 9 rows bring a case.
    assert (f.receptions, f.citizens_received, f.reception_cases) == (12, 76, 42)
    assert (f.visits, f.visit_cases) == (29, 9)
    assert CitizenReception.objects.filter(term__council=council, group_cases=1).count() == 2
    # The schedule: the Thường trực on the 10th of each month (the reception held linked) and
    # a delegate on the 25th.
    slots = ReceptionSchedule.objects.filter(council=council, date__year=2019)
    assert slots.count() == 24
    assert slots.filter(reception__isnull=False).count() == 12
    assert slots.filter(host_delegate__isnull=False).count() == 12
