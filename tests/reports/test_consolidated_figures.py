"""The dashboard's figures come from few, consolidated queries (issue 8). These tests pin what
the consolidation must not change: the trend read in one UNION query says what each app's own
per-year selector says, and the Standing Committee's work is counted by term, not by year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from council.models import Council, InterSessionMatter, Organization, Term
from council.selectors import province_council, standing_work_counts
from oversight.selectors import oversight_counts_by_year
from reports.selectors import term_trend_and_years
from resolutions.selectors import resolution_counts_by_year
from sessions.selectors import session_counts_by_year
from voters.selectors import petition_counts_by_year

pytestmark = pytest.mark.django_db


def test_trend_in_one_query_matches_each_apps_own_selector(django_assert_num_queries):
    call_command("load_demo")
    council = province_council()
    term = Term.objects.get(council=council, start_date__year=2016)
    today = dt.date(2019, 12, 31)
    with django_assert_num_queries(1):
        trend, data_years = term_trend_and_years(council=council, term=term, today=today)
    assert trend is not None and 2019 in trend.years

    def per_year(rows, width):
        return {row[0]: row[1:] if width == 2 else row[1] for row in rows}

    sessions = per_year(session_counts_by_year(council=council, term=term), 2)
    resolutions = per_year(resolution_counts_by_year(council=council, term=term), 2)
    oversight = dict(oversight_counts_by_year(council=council, term=term))
    petitions = dict(petition_counts_by_year(council=council, term=term))
    for i, year in enumerate(trend.years):
        assert trend.sessions[i] == sessions.get(year, (0, 0))
        assert trend.resolutions[i] == resolutions.get(year, (0, 0))
        assert trend.oversight[i] == oversight.get(year, 0)
        assert trend.petitions[i] == petitions.get(year, 0)
    # The founding year's figures, as the document says them.
    assert trend.sessions[trend.years.index(2019)] == (2, 3)
    assert sum(trend.resolutions[trend.years.index(2019)]) == 65
    assert 2019 in data_years and data_years == sorted(data_years, reverse=True)


def test_standing_work_of_a_term_counts_only_that_terms_matters():
    council = Council.objects.create(name="Hội đồng nhân dân tỉnh Hai Nhiệm Kỳ")
    old = Term.objects.create(
        council=council, ordinal=9, roman="IX", start_date=dt.date(2016, 6, 1),
        end_date=dt.date(2021, 5, 31),
    )  # fmt: skip
    new = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    org = Organization.objects.create(name="UBND tỉnh Hai Nhiệm Kỳ")

    def matter(term: Term, received: dt.date, opinion: dt.date | None) -> None:
        InterSessionMatter.objects.create(
            term=term, received_date=received, opinion_date=opinion, submitted_by=org,
            subject=f"Việc {received}",
        )  # fmt: skip

    matter(old, dt.date(2021, 3, 1), dt.date(2021, 3, 10))
    matter(new, dt.date(2021, 8, 1), dt.date(2021, 8, 20))
    matter(new, dt.date(2022, 2, 1), None)
    # 2021 is shared by both terms: each term counts its own matters only.
    assert standing_work_counts(council=council, term=old).intersession_matters == 1
    counts = standing_work_counts(council=council, term=new)
    assert (counts.intersession_matters, counts.intersession_matters_answered) == (2, 1)
    # By year: the year of the opinion, else of receipt, across terms.
    assert standing_work_counts(council=council, year=2021).intersession_matters == 2
    assert standing_work_counts(council=council, year=2022).intersession_matters == 1
    assert standing_work_counts(council=council, year=2030).intersession_matters == 0
