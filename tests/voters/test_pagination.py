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


def test_new_petition_form_offers_the_terms_sessions_only(staff_client, council, term):
    """Drop-downs of a record form follow its term (decades of sessions and meetings would make
    a form of megabytes); options are escaped and the chosen one is selected."""
    from council.models import Term
    from sessions.models import Session
    from sessions.services import session_save

    older = Term.objects.create(
        council=council, ordinal=8, roman="VIII", start_date=dt.date(2011, 6, 1),
        end_date=dt.date(2016, 5, 31),
    )  # fmt: skip

    def session(t, number, day):
        return session_save(
            session=Session(term=t, number=number, kind=Session.Kind.REGULAR, start_date=day,
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
