"""Deep pages of a long list (issue 8): pages in the second half are read from the end with
the order reversed (council.crud.TailFirstPaginator) and must show exactly what OFFSET shows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from voters.models import VoterPetition

pytestmark = pytest.mark.django_db


def _ids_on(client, url: str, page: int) -> tuple[list[int], list[str]]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url, {"page": page}).content.decode()
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


def test_a_user_sort_without_the_key_falls_back_to_offset(staff_client, make_petition):
    for i in range(30):
        make_petition(content=f"Kiến nghị {i:02d}", received=dt.date(2019, 3, 1 + i % 3))
    url = reverse("voters:voterpetition_list")
    first = staff_client.get(url, {"sort": "received_date"})
    last = staff_client.get(url, {"sort": "received_date", "page": 2})
    assert first.status_code == last.status_code == 200
