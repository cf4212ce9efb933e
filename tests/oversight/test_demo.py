"""The demo data against the founding document. One test, because load_demo is slow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from council.selectors import province_council
from oversight import selectors
from oversight.models import OversightActivity, OversightProgramme, OversightRecommendation

pytestmark = pytest.mark.django_db


def _figures(council) -> tuple:
    counts = selectors.oversight_counts(council=council, year=2019)
    return (
        counts.hdnd_thematic,
        counts.standing_thematic,
        counts.standing_inspections,
        counts.explanation_hearings,
        counts.questioning_between_sessions,
        counts.committee_thematic,
    )


def test_demo_reproduces_the_2019_oversight_figures_and_loads_idempotently():
    call_command("load_demo", verbosity=0)
    council = province_council()

    # "01 cuộc giám sát chuyên đề của HĐND tỉnh; 02 cuộc giám sát chuyên đề và 01 cuộc kiểm tra
    # của Thường trực HĐND tỉnh; 01 phiên họp giải trình; 01 phiên chất vấn giữa 2 kỳ họp.
    # Các Ban HĐND tỉnh cũng đã tổ chức được 12 cuộc giám sát chuyên đề theo kế hoạch."
    assert _figures(council) == (1, 2, 1, 1, 1, 12)
    counts = selectors.oversight_counts(council=council, year=2019)
    assert [n for _name, n in counts.committee_by_name] == [3, 3, 3, 3]
    assert counts.questions_total >= 3

    # The survey from December 2019 to January 2020 counts in 2020.
    survey = OversightActivity.objects.get(kind="survey", start_date__year=2019)
    assert survey.end_date.year == 2020
    counts_2020 = selectors.oversight_counts(council=council, year=2020)
    assert ("committee", "survey", 1) in counts_2020.by_actor_kind

    # The 2019 programme: some planned items were not carried out.
    progress = selectors.programme_progress(programme=OversightProgramme.objects.get(year=2019))
    assert (progress.planned, progress.done) == (21, 18)

    # Recommendations in mixed states, some overdue.
    recs = selectors.recommendation_counts(council=council, year=2019, today=dt.date(2021, 1, 1))
    statuses = {code: n for code, _label, n in recs.by_status}
    assert (
        recs.total
        == OversightRecommendation.objects.filter(activity__term__council=council).count()
    )
    assert statuses["done"] and statuses["in_progress"] and statuses["not_started"]
    assert recs.overdue > 0

    before = (OversightActivity.objects.count(), OversightRecommendation.objects.count())
    call_command("load_demo", verbosity=0)
    assert (OversightActivity.objects.count(), OversightRecommendation.objects.count()) == before
    assert _figures(council) == (1, 2, 1, 1, 1, 12)
