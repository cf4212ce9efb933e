"""Filters, cursor pagination, Vietnamese errors, query counts bounded per list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.opendata.conftest import COUNCIL_LISTS, build_council

pytestmark = pytest.mark.django_db


def _pks(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["pk"] for row in response.json()["results"]]


def test_resolutions_filter_by_year_status_kind_and_search_without_diacritics(world, client):
    a = world["a"]
    base = f"/api/v1/councils/{a.council.pk}/resolutions/"
    r0, r1, r2 = a.resolutions
    assert _pks(client.get(base, {"year": 2023})) == [r0.pk, r2.pk]
    assert _pks(client.get(base, {"year": 2024})) == [r1.pk]
    assert _pks(client.get(base, {"is_normative": "true"})) == [r0.pk]
    assert _pks(client.get(base, {"status": "amended"})) == [r0.pk]
    assert _pks(client.get(base, {"session": a.sessions[2].pk})) == [r1.pk]
    assert _pks(client.get(base, {"q": "dat dai"})) == [r0.pk, r1.pk, r2.pk]
    assert _pks(client.get(base, {"q": "HỖ TRỢ ĐẤT"})) == [r0.pk, r1.pk, r2.pk]
    # The secret resolution's title is not found: the search runs on the public rows only.
    assert _pks(client.get(base, {"q": "quoc phong"})) == []


def test_sessions_oversight_and_delegates_filter(world, client):
    a = world["a"]
    base = f"/api/v1/councils/{a.council.pk}"
    assert _pks(client.get(f"{base}/sessions/", {"year": 2024})) == [
        a.sessions[1].pk,
        a.sessions[2].pk,
    ]
    assert _pks(client.get(f"{base}/sessions/", {"kind": "thematic"})) == [a.sessions[1].pk]
    assert _pks(client.get(f"{base}/sessions/", {"term": a.term.pk, "status": "planned"}))
    assert _pks(client.get(f"{base}/oversight-activities/", {"year": 2024})) == [
        a.public_activity.pk
    ]
    assert _pks(client.get(f"{base}/oversight-activities/", {"year": 2023})) == []
    assert len(_pks(client.get(f"{base}/delegates/", {"committee": a.committee.pk}))) == 3
    assert _pks(client.get(f"{base}/vote-events/", {"year": 2024})) == [a.resolutions[1].pk]


def test_vote_events_carry_counts_and_each_delegates_vote(world, client):
    a = world["a"]
    url = f"/api/v1/councils/{a.council.pk}/vote-events/{a.resolutions[0].pk}/"
    event = client.get(url).json()
    assert event["bill_id"] == f"ocd-bill/hdnd-{a.council.pk}-resolution-{a.resolutions[0].pk}"
    assert {c["option"]: c["value"] for c in event["counts"]} == {"yes": 8, "no": 1, "abstain": 0}
    options = [v["option"] for v in event["votes"]]
    assert (
        options.count("yes") == 8
        and options.count("no") == 1
        and options == sorted(options, key=lambda o: options.index(o))
    )
    assert {v["voter_name"] for v in event["votes"]} == {d.full_name for d in a.delegates}


def test_bad_filters_answer_400_in_vietnamese(world, client):
    base = f"/api/v1/councils/{world['a'].council.pk}"
    response = client.get(f"{base}/resolutions/", {"year": "abc"})
    assert response.status_code == 400
    assert "year" in response.json()
    assert response.json()["year"][0].startswith(("Nhập", "Hãy nhập", "Điền"))  # Django's vi
    response = client.get(f"{base}/sessions/", {"status": "xyz"})
    assert response.status_code == 400 and "status" in response.json()
    response = client.get(f"{base}/petition-figures/", {"term": "-1"})
    assert response.status_code == 400
    response = client.get(f"{base}/sessions/", {"year": "99999"})
    assert response.status_code == 400


def test_an_invalid_cursor_is_refused_in_vietnamese(world, client):
    response = client.get(f"/api/v1/councils/{world['a'].council.pk}/sessions/", {"cursor": "x"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Con trỏ trang không hợp lệ."}


def test_cursor_pages_walk_every_row_once_in_id_order(world, client):
    a = world["a"]
    url = f"/api/v1/councils/{a.council.pk}/delegates/?page_size=3"
    seen, pages = [], 0
    while url:
        page = client.get(url).json()
        seen += [row["pk"] for row in page["results"]]
        url, pages = page["next"], pages + 1
    assert pages == 4
    assert seen == sorted(d.pk for d in a.delegates)
    # A row added after the walk began comes after the cursor, never shifting a page.
    first = client.get(f"/api/v1/councils/{a.council.pk}/sessions/?page_size=1").json()
    assert first["previous"] is None and "cursor=" in first["next"]


def test_writes_are_refused(world, client, token_key):
    base = f"/api/v1/councils/{world['a'].council.pk}/sessions/"
    auth = {"HTTP_AUTHORIZATION": f"Token {token_key}"}
    assert client.post(base, {}, content_type="application/json", **auth).status_code == 405
    url = f"{base}{world['a'].sessions[0].pk}/"
    assert client.delete(url, **auth).status_code == 405


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", COUNCIL_LISTS)
def test_a_lists_queries_do_not_grow_with_its_rows(db, client, name):
    """No N+1: a council with one resolution and one with eight cost the same statements."""
    small = build_council("Nhỏ", slug="S", resolutions=1)
    large = build_council("Lớn", slug="L", resolutions=8)
    # The throttle's cache read/writes are not SQL; the council, the page, its prefetches are.
    n_small = _queries(client, f"/api/v1/councils/{small.council.pk}/{name}/")
    n_large = _queries(client, f"/api/v1/councils/{large.council.pk}/{name}/")
    assert n_small == n_large <= 5, (n_small, n_large)


def test_bulk_files_queries_do_not_grow_with_rows(db, client):
    small = build_council("Nhỏ", slug="S", resolutions=1)
    large = build_council("Lớn", slug="L", resolutions=8)
    for register, year in (
        ("sessions", 2023),
        ("resolutions", 2023),
        ("oversight-activities", 2024),
        ("delegates", 2024),
        ("petition-figures", 2023),
    ):
        n = [
            _queries(client, f"/api/v1/councils/{c.council.pk}/bulk/{register}/{year}.csv")
            for c in (small, large)
        ]
        assert n[0] == n[1] <= 5, (register, n)
