from __future__ import annotations

import datetime as dt

import pytest

from resolutions.models import Resolution, ResolutionField, ResolutionRelation
from resolutions.selectors import resolution_counts, resolution_counts_by_year, resolution_list
from resolutions.services import resolution_relation_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(make_resolution):
    land = ResolutionField.objects.create(name="Đất đai", order=1)
    budget = ResolutionField.objects.create(name="Ngân sách - tài chính", order=2)
    rows = [
        make_resolution(number=1, is_normative=True, field=land, title="Ban hành Bảng giá ĐẤT ĐAI"),
        make_resolution(number=2, is_normative=True, field=budget, title="Phân cấp nguồn thu"),
        make_resolution(number=1, field=budget, title="Nghị quyết về dự toán ngân sách"),
        make_resolution(
            number=9,
            field=land,
            title="Thu hồi đất đai",
            adopted_date=dt.date(2018, 7, 1),
            session=None,
        ),
    ]
    return {"land": land, "budget": budget, "rows": rows}


def _titles(qs) -> set[str]:
    return {r.title for r in qs}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dat dai", {"Ban hành Bảng giá ĐẤT ĐAI", "Thu hồi đất đai"}),
        ("nghi quyet", {"Nghị quyết về dự toán ngân sách"}),
        ("NGHỊ QUYẾT", {"Nghị quyết về dự toán ngân sách"}),
        ("Đất   bảng", {"Ban hành Bảng giá ĐẤT ĐAI"}),
        ("02/2019", {"Phân cấp nguồn thu"}),
    ],
)
def test_search_ignores_case_and_diacritics(council, register, query, expected):
    assert _titles(resolution_list(council=council, q=query)) == expected


@pytest.mark.postgres
def test_search_ignores_case_and_diacritics_on_postgresql(council, register):
    from django.db import connection

    assert connection.vendor == "postgresql"
    assert _titles(resolution_list(council=council, q="dat dai")) == {
        "Ban hành Bảng giá ĐẤT ĐAI",
        "Thu hồi đất đai",
    }
    assert _titles(resolution_list(council=council, q="nghi quyet")) == {
        "Nghị quyết về dự toán ngân sách"
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'resolution_search_trgm'")
        assert "gin_trgm_ops" in cursor.fetchone()[0]


def test_register_filters_combine(council, register):
    assert len(resolution_list(council=council, year=2019)) == 3
    assert len(resolution_list(council=council, is_normative=True)) == 2
    assert len(resolution_list(council=council, is_normative=False, year=2019)) == 1
    assert len(resolution_list(council=council, field=register["land"])) == 2
    assert len(resolution_list(council=council, field=register["land"].pk, year=2018)) == 1
    session = register["rows"][0].session
    assert len(resolution_list(council=council, session=session)) == 3
    ordered = list(resolution_list(council=council, ordering="adopted_date"))
    assert ordered[0].year == 2018


def test_counts_by_kind_field_and_status(council, register, term, django_assert_max_num_queries):
    rows = register["rows"]
    resolution_relation_create(
        source=rows[0], target=rows[3], kind=ResolutionRelation.Kind.REPLACES
    )
    with django_assert_max_num_queries(3):
        counts = resolution_counts(council=council, year=2019)
    assert (counts.total, counts.normative, counts.individual) == (3, 2, 1)
    assert counts.by_field == (("Đất đai", 1), ("Ngân sách - tài chính", 2))
    assert counts.by_status == (("in_force", "Còn hiệu lực", 3),)
    everything = resolution_counts(council=council, term=term)
    assert ("replaced", "Bị thay thế", 1) in everything.by_status
    with django_assert_max_num_queries(1):
        by_year = resolution_counts_by_year(council=council, term=term)
    assert by_year == [(2018, 0, 1), (2019, 2, 1)]


def test_counts_are_per_council(council, register):
    from council.models import Council

    other = Council.objects.create(
        name="HĐND tỉnh khác",
        short_name="Khác",
        place_name="Khác",
        header_name="X",
        secretariat_name="Y",
    )
    assert resolution_counts(council=other).total == 0
    assert Resolution.objects.count() == 4
