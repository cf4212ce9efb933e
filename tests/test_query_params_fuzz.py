"""Hostile query strings on every page without path arguments: never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.test_urls_access import _patterns

pytestmark = pytest.mark.django_db

HOSTILE = [
    "year=0",
    "year=99999999999999999999999",
    "year=1e30",
    "year=-5",
    "days=1000000000",
    "days=-3",
    "session=9223372036854775808",
    "field=9223372036854775808",
    "term=abc",
    "page=abc",
    "page=99999999",
    "sort=nonexistent",
    "q=%00",
    # A real search on every list with a search box (the registry lists answered 500 to any).
    "q=anything",
    "q=Nguy%E1%BB%85n+V%C4%83n",
    "per_page=-1",
    "per_page=0",
    "per_page=99999999999",
    "per_page=abc",
    "page=-1",
    "page=0",
    "status=<script>",
    "is_normative=maybe",
    "overdue=2",
    "unanswered_overdue=x",
]


def _pages() -> list[str]:
    return [
        reverse(name)
        for name, route, _e in _patterns()
        if "<" not in route and not name.startswith("admin:") and name not in {"login", "logout"}
    ]


def test_hostile_query_strings_never_cause_a_server_error(
    staff_client, term, committee, organization
):
    staff_client.raise_request_exception = False
    failures = []
    for url in _pages():
        for query in HOSTILE:
            response = staff_client.get(f"{url}?{query}")
            if response.status_code >= 500:
                failures.append(f"{url}?{query}: {response.status_code}")
    assert failures == []
