"""The benchmark generator's letters come in cases (bench/generator.py, issue 21): every letter
has one, numbered per council and year in the order received, some cases with 2 or 3 letters,
so the casework's figures count letters and cases on a generated database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Count, Max, Min

from bench.generator import generate_data
from council.models import Council
from voters.casework.figures import case_figures
from voters.models import Case, Letter

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 20)


def test_generated_letters_are_filed_in_numbered_cases_the_figures_count():
    generate_data(years=2, scale=0.5, seed=5, start_year=2024, today=TODAY)
    assert not Letter.objects.filter(case__isnull=True).exists()
    council = Council.objects.get()
    for year in (2024, 2025):
        cases = Case.objects.filter(council=council, year=year)
        numbers = cases.aggregate(n=Count("pk"), first=Min("seq"), last=Max("seq"))
        assert (numbers["first"], numbers["last"]) == (1, numbers["n"])
        sizes = cases.annotate(n=Count("letters")).values_list("n", flat=True)
        assert set(sizes) == {1, 2, 3} or set(sizes) == {1, 2}
        # A case's letters are of its council and its year, the first one the oldest.
        assert not Letter.objects.filter(case__in=cases).exclude(received_date__year=year).exists()
        f = case_figures(council=council, year=year, today=TODAY)
        assert f.letters == Letter.objects.filter(received_date__year=year).count()
        assert f.cases == numbers["n"] < f.letters
        assert f.processed_in_time > 0 and f.answered > 0
