"""The schema validates, and every path of it answers anonymous, token and over-limit clients
with what the schema says (issue 24, "Done means")."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests.opendata.schema_walk import api_schema, concrete, response_schema, validate

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert "/api/v1/councils/{council_pk}/resolutions/" in out.read_text()


def _path_values(world, path: str) -> list[dict]:
    """The arguments of one schema path on council A's records (one call per bulk format)."""
    a = world["a"]
    records = {
        "councils": a.council.pk,
        "terms": a.term.pk,
        "committees": a.committee.pk,
        "delegate-groups": a.group.pk,
        "delegates": a.delegates[0].pk,
        "sessions": a.sessions[0].pk,
        "resolutions": a.resolutions[0].pk,
        "vote-events": a.resolutions[0].pk,
        "oversight-activities": a.public_activity.pk,
    }
    # .../<list>/{pk}/: the list's record
    record = records[path.split("/")[-3]] if path.endswith("/{pk}/") else None
    base = {"council_pk": a.council.pk, "pk": record}
    if "{fmt}" in path:
        return [
            {**base, "register": register, "year": year, "fmt": fmt}
            for register, year in (
                ("sessions", 2023),
                ("resolutions", 2023),
                ("oversight-activities", 2024),
                ("petition-figures", 2023),
                ("delegates", 2024),
            )
            for fmt in ("csv", "json")
        ]
    return [base]


def _walk(world, client, **headers):
    schema = api_schema()
    seen = 0
    for path in schema["paths"]:
        for values in _path_values(world, path):
            url = concrete(path, {k: v for k, v in values.items() if v is not None})
            response = client.get(url, **headers)
            assert response.status_code == 200, (url, response.status_code, response.content)
            if values.get("fmt") == "csv":
                assert response["Content-Type"].startswith("text/csv")
            else:
                validate(json.loads(response.content), schema, path)
            seen += 1
    return schema, seen


def test_every_path_answers_anonymous_clients_as_the_schema_says(world, client):
    schema, seen = _walk(world, client)
    assert seen >= len(schema["paths"]) >= 20


def test_every_path_answers_token_holders_as_the_schema_says(world, client, token_key):
    _walk(world, client, HTTP_AUTHORIZATION=f"Token {token_key}")


def test_every_path_refuses_an_anonymous_client_over_the_limit(world, client, settings):
    settings.API_ANON_RATE = "1/min"
    schema = api_schema()
    for path in schema["paths"]:
        url = concrete(path, {k: v for k, v in _path_values(world, path)[0].items() if v})
        cache.clear()
        assert client.get(url).status_code == 200, url
        response = client.get(url)
        assert response.status_code == 429, url
        assert int(response["Retry-After"]) > 0
        detail = response.json()["detail"]
        assert "quá nhiều yêu cầu" in detail and "giây" in detail, detail


def test_a_token_keeps_its_own_higher_limit(world, client, settings, token_key):
    settings.API_ANON_RATE = "1/min"
    settings.API_TOKEN_RATE = "5/min"
    url = f"/api/v1/councils/{world['a'].council.pk}/sessions/"
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429
    auth = {"HTTP_AUTHORIZATION": f"Token {token_key}"}
    assert [client.get(url, **auth).status_code for _ in range(6)] == [200] * 5 + [429]


def test_responses_of_the_walk_are_json_in_utf8_with_vietnamese_readable(world, client):
    response = client.get(f"/api/v1/councils/{world['a'].council.pk}/")
    assert response["Content-Type"] == "application/json"
    assert "Hội đồng nhân dân tỉnh An Giang Thử".encode() in response.content


def test_the_bulk_json_file_has_its_schema(world, client):
    schema = api_schema()
    path = "/api/v1/councils/{council_pk}/bulk/{register}/{year}.{fmt}"
    assert response_schema(schema, path, "text/csv") is not None
    url = concrete(
        path,
        {"council_pk": world["a"].council.pk, "register": "sessions", "year": 2023, "fmt": "json"},
    )
    validate(client.get(url).json(), schema, path)
