"""The petition list reads a page's keys first, then those rows with what its table joins
(core.paginators.page_rows, issue 19): one statement, the same rows as OFFSET would show, in
every order and from either end."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.paginators import TailFirstPaginator, page_rows
from voters import selectors, tables
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


@pytest.fixture
def petitions(make_petition):
    # 53 petitions on 6 days: ties on the date, so the id decides within a day.
    return [
        make_petition(content=f"Kiến nghị số {i}", received=dt.date(2019, 3, 1 + i % 6))
        for i in range(53)
    ]


@pytest.mark.parametrize("order", [("-received_date", "-pk"), ("received_date", "pk")])
def test_page_rows_are_the_rows_a_slice_gives(petitions, council, order):
    rows = selectors.petition_queryset(council=council, related=tables.VoterPetitionTable.related)
    rows = rows.order_by(*order)
    for bottom, top in [(0, 25), (25, 50), (50, 53), (10, 11)]:
        assert [p.pk for p in page_rows(rows, bottom, top)] == [p.pk for p in rows[bottom:top]]


def test_every_page_of_the_list_is_one_statement_that_joins_only_the_page(petitions, staff_client):
    expected = list(
        VoterPetition.objects.order_by("-received_date", "-pk").values_list("pk", flat=True)
    )
    seen: list[int] = []
    for page in (1, 2, 3):  # the third from the end (TailFirstPaginator)
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(reverse("voters:voterpetition_list"), {"page": page})
        assert response.status_code == 200
        assert isinstance(response.context["table"].paginator, TailFirstPaginator)
        seen += [p.pk for p in response.context["table"].page.object_list]
        statements = [
            q["sql"] for q in queries.captured_queries if "voters_forwardingbatch" in q["sql"]
        ]
        assert len(statements) == 1
        # The keys: a subquery that pages (LIMIT) without the joined tables.
        keys = re.search(r"IN \((SELECT .*? LIMIT \d+.*?)\)", statements[0])
        assert keys is not None, statements[0]
        assert "voters_forwardingbatch" not in keys.group(1)
    assert seen == expected


def test_a_search_page_reads_its_keys_among_the_matches_then_only_those_rows(
    petitions, staff_client
):
    """Fewer matches than the cap: the page's keys in the list's order among the matches' keys
    alone, then the rows of those keys (core.paginators.SearchPaginator)."""
    expected = list(
        VoterPetition.objects.order_by("-received_date", "-pk").values_list("pk", flat=True)
    )
    seen: list[int] = []
    for page in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(
                reverse("voters:voterpetition_list"), {"q": "kien nghi", "page": page}
            )
        assert response.status_code == 200
        shown = [p.pk for p in response.context["table"].page.object_list]
        seen += shown
        rows = [q["sql"] for q in queries.captured_queries if "voters_forwardingbatch" in q["sql"]]
        assert len(rows) == 1
        # The rows statement names the page's keys only, not every match.
        listed = re.search(r'"voters_voterpetition"\."id" IN \(([\d, ]+)\)', rows[0])
        assert listed is not None, rows[0]
        assert sorted(int(k) for k in listed.group(1).split(",")) == sorted(shown)
    assert seen == expected
