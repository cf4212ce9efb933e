"""Deep pages of a long list (issue 8): pages in the second half are read from the end with
the order reversed (core.paginators.TailFirstPaginator) and must show exactly what OFFSET shows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


def _ids_on(client, url: str, page: int, params: dict | None = None) -> tuple[list[int], list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {**(params or {}), "page": page})
        assert response.status_code == 200
        html = response.content.decode()
    ids = [int(pk) for pk in re.findall(r'href="/cu-tri/kien-nghi/(\d+)/"', html)]
    return list(dict.fromkeys(ids)), [q["sql"] for q in queries.captured_queries]


def test_every_page_shows_the_rows_offset_pagination_would(staff_client, make_petition):
    # 61 petitions on 7 days: many ties on the date, so the id decides the order within a day.
    for i in range(61):
        make_petition(content=f"Kiến nghị số {i}", received=dt.date(2019, 3, 1 + i % 7))
    expected = list(
        VoterPetition.objects.order_by("-received_date", "-pk").values_list("pk", flat=True)
    )
    url = reverse("voters:voterpetition_list")
    seen: list[int] = []
    for page in (1, 2, 3):
        ids, sql = _ids_on(staff_client, url, page)
        seen += ids
        rows_query = next(q for q in sql if 'voters_voterpetition"."content"' in q)
        if page == 3:
            # Read from the end: ascending order, no offset past the 11 last rows.
            assert '"voters_voterpetition"."received_date" ASC' in rows_query
            assert "OFFSET" not in rows_query or re.search(r"OFFSET 0\b", rows_query)
        else:
            assert '"voters_voterpetition"."received_date" DESC' in rows_query
    assert seen == expected


def _rows_query(sql: list[str]) -> str:
    return next(q for q in sql if 'voters_voterpetition"."content"' in q)


@pytest.mark.parametrize("sort", ["received_date", "-received_date"])
def test_a_user_sort_ends_with_the_key_and_its_last_page_is_read_from_the_end(
    staff_client, make_petition, sort
):
    # 30 petitions on 30 different days, created in an order unlike either sort.
    days = [dt.date(2019, 3, 1) + dt.timedelta(days=(i * 7) % 30) for i in range(30)]
    by_day = {}
    for i, day in enumerate(days):
        by_day[make_petition(content=f"Kiến nghị {i:02d}", received=day).pk] = day
    expected = sorted(by_day, key=by_day.get, reverse=sort.startswith("-"))
    url = reverse("voters:voterpetition_list")
    params = {"sort": sort, "per_page": 10}
    direction, reverse_direction = ("DESC", "ASC") if sort.startswith("-") else ("ASC", "DESC")
    for page, offset in [(1, 0), (2, 10), (3, 20)]:  # first, middle and last page
        ids, sql = _ids_on(staff_client, url, page, params)
        assert ids == expected[offset : offset + 10], page
        rows_query = _rows_query(sql)
        # The user's order ends with the id (core.tables.Table.sort), so it is total: the
        # last page is read in the reversed order from the end, the others with OFFSET.
        read = reverse_direction if page == 3 else direction
        assert (
            f'"voters_voterpetition"."received_date" {read}, "voters_voterpetition"."id" {read}'
            in rows_query
        )
        if page == 2:
            assert f"OFFSET {offset}" in rows_query
        else:
            assert "OFFSET" not in rows_query or re.search(r"OFFSET 0\b", rows_query)


def test_a_user_sort_with_ties_shows_every_petition_once(staff_client, make_petition):
    """Many petitions share a day (one meeting yields dozens): whatever order the database
    gives within a day, each page shows the right days and no petition twice or never."""
    for i in range(30):
        make_petition(content=f"Kiến nghị {i:02d}", received=dt.date(2019, 3, 1 + i % 3))
    day_of = dict(VoterPetition.objects.values_list("pk", "received_date"))
    url = reverse("voters:voterpetition_list")
    seen: list[int] = []
    for page in (1, 2, 3):
        ids, _ = _ids_on(staff_client, url, page, {"sort": "received_date", "per_page": 10})
        assert [day_of[pk] for pk in ids] == [dt.date(2019, 3, page)] * 10
        seen += ids
    assert sorted(seen) == sorted(day_of)


def test_new_petition_form_offers_the_terms_sessions_only(staff_client, council, term):
    """Drop-downs of a record form follow its term (decades of sessions and meetings would make
    a form of megabytes); options are escaped and the chosen one is selected."""
    from core.services import record_save
    from council.models import Term
    from sessions.models import Session

    older = Term.objects.create(
        council=council, ordinal=8, roman="VIII", start_date=dt.date(2011, 6, 1),
        end_date=dt.date(2016, 5, 31),
    )  # fmt: skip

    def session(t, number, day):
        return record_save(
            instance=Session(term=t, number=number, kind=Session.Kind.REGULAR, start_date=day,
                            end_date=day, venue="<b>Hội trường</b>")
        )  # fmt: skip

    ours = session(term, 8, dt.date(2019, 7, 10))
    theirs = session(older, 3, dt.date(2012, 7, 10))
    url = reverse("voters:voterpetition_create")

    def session_select(html: str) -> str:
        return html.split('name="session"')[1].split("</select>")[0]

    options = session_select(staff_client.get(url).content.decode())  # current = newest term
    assert f'<option value="{ours.pk}"' in options
    assert f'<option value="{theirs.pk}"' not in options
    # Chose the older term and saved with an error: the older term's sessions are offered,
    # the chosen one selected.
    options = session_select(
        staff_client.post(url, {"term": older.pk, "session": theirs.pk}).content.decode()
    )
    assert f'<option value="{theirs.pk}" selected>' in options
    assert f'<option value="{ours.pk}"' not in options
    assert "<b>" not in options
