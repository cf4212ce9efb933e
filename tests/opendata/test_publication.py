"""What is not public on the portal is not in the API: other councils' rows, unmarked
oversight, a non-public resolution, unmarked documents, and citizens' or delegates' private
data (issue 24)."""

from __future__ import annotations

import datetime as dt

import pytest

from council.models import Organization
from oversight.models import OversightRecommendation
from oversight.services import recommendation_save
from tests.opendata.conftest import COUNCIL_LISTS

pytestmark = pytest.mark.django_db


def _all(client, url: str) -> list[dict]:
    rows, page = [], client.get(url).json()
    while True:
        rows += page["results"]
        if not page["next"]:
            return rows
        page = client.get(page["next"]).json()


@pytest.mark.parametrize("name", COUNCIL_LISTS)
def test_a_councils_lists_never_show_another_councils_rows(world, client, name):
    a, b = world["a"], world["b"]
    rows = _all(client, f"/api/v1/councils/{a.council.pk}/{name}/")
    assert rows
    assert all(f"/hdnd-{a.council.pk}-" in row["id"] for row in rows), rows
    # Another council's record under this council's path is not found.
    other = _all(client, f"/api/v1/councils/{b.council.pk}/{name}/")[0]["pk"]
    if other not in {row["pk"] for row in rows}:
        response = client.get(f"/api/v1/councils/{a.council.pk}/{name}/{other}/")
        assert response.status_code == 404
        assert response.json()["detail"] == "Không tìm thấy."


def test_a_filter_by_another_councils_term_finds_nothing(world, client):
    a, b = world["a"], world["b"]
    url = f"/api/v1/councils/{a.council.pk}/sessions/?term={b.term.pk}"
    assert client.get(url).json()["results"] == []


def test_an_unknown_council_is_not_found_in_vietnamese(world, client):
    response = client.get("/api/v1/councils/999999/sessions/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


def test_unmarked_oversight_is_absent(world, client):
    a = world["a"]
    rows = _all(client, f"/api/v1/councils/{a.council.pk}/oversight-activities/")
    assert [row["pk"] for row in rows] == [a.public_activity.pk]
    url = f"/api/v1/councils/{a.council.pk}/oversight-activities/{a.internal_activity.pk}/"
    assert client.get(url).status_code == 404
    body = client.get(f"/api/v1/councils/{a.council.pk}/bulk/oversight-activities/2024.json")
    assert [row["pk"] for row in body.json()["rows"]] == [a.public_activity.pk]
    # Its notes are internal even when the activity is public.
    assert "Ghi chú nội bộ" not in str(rows)


def test_a_non_public_resolution_is_absent_everywhere(world, client):
    a = world["a"]
    secret = a.secret_resolution.pk
    base = f"/api/v1/councils/{a.council.pk}"
    for name in ("resolutions", "vote-events"):
        assert secret not in {row["pk"] for row in _all(client, f"{base}/{name}/")}
        assert client.get(f"{base}/{name}/{secret}/").status_code == 404
    # It amends a public one, whose relations name only the public resolution that amends it.
    detail = client.get(f"{base}/resolutions/{a.resolutions[0].pk}/").json()
    assert [r["resolution"]["pk"] for r in detail["relations"]] == [a.resolutions[1].pk]
    bulk = client.get(f"{base}/bulk/resolutions/2024.json").json()
    assert secret not in {row["pk"] for row in bulk["rows"]}
    assert "mật" not in client.get(f"{base}/bulk/resolutions/2024.csv").content.decode()


def test_session_documents_not_marked_public_are_absent(world, client):
    a = world["a"]
    detail = client.get(f"/api/v1/councils/{a.council.pk}/sessions/{a.sessions[0].pk}/").json()
    assert [d["pk"] for d in detail["documents"]] == [a.public_document.pk]
    assert [i["pk"] for i in detail["agenda"]] == [a.item.pk]
    assert "attachment" not in detail["agenda"][0]


def test_no_personal_data_of_delegates_or_citizens(world, client):
    a = world["a"]
    base = f"/api/v1/councils/{a.council.pk}"
    texts = [client.get(f"{base}/{name}/").content.decode() for name in COUNCIL_LISTS]
    texts.append(client.get(f"{base}/petition-figures/").content.decode())
    for register, year in (("delegates", 2024), ("petition-figures", 2023)):
        texts.append(client.get(f"{base}/bulk/{register}/{year}.csv").content.decode())
        texts.append(client.get(f"{base}/bulk/{register}/{year}.json").content.decode())
    text = "\n".join(texts)
    for private in ("birth_year", "ethnicity", "Tày", "1961", "Trần Văn Cử Tri", "số nhà"):
        assert private not in text, private
    # Delegates are public persons: their public fields are there.
    assert "Nguyễn Văn Đại Biểu A00" in text and "Phó Giám đốc Sở Tư pháp" in text


def test_petition_figures_are_aggregates_of_the_council(world, client):
    a = world["a"]
    rows = client.get(f"/api/v1/councils/{a.council.pk}/petition-figures/").json()
    assert rows == [
        {
            "session": a.sessions[0].pk,
            "label": rows[0]["label"],
            "year": 2023,
            "petitions": 2,
            "instances": 7,
            "awaiting": 7,
            "forwarded": 0,
            "answered": 0,
            "resolved": 0,
            "answered_rate": rows[0]["answered_rate"],
            "resolved_rate": rows[0]["resolved_rate"],
        }
    ]
    assert client.get(f"/api/v1/councils/{a.council.pk}/petition-figures/?year=2030").json() == []


def test_records_link_to_the_portal_and_its_public_files(world, client):
    a = world["a"]
    base = f"/api/v1/councils/{a.council.pk}"
    session = client.get(f"{base}/sessions/{a.sessions[0].pk}/").json()
    assert session["portal_url"].endswith(f"/cong-khai/{a.council.pk}/ky-hop/{a.sessions[0].pk}/")
    document = client.get(session["documents"][0]["url"])
    assert document.status_code == 200
    assert (
        b"".join(document.streaming_content if document.streaming else [document.content])[:5]
        == b"%PDF-"
    )
    with_text = client.get(f"{base}/resolutions/{a.resolutions[0].pk}/").json()
    assert client.get(with_text["full_text_url"]).status_code == 200
    without = client.get(f"{base}/resolutions/{a.resolutions[1].pk}/").json()
    assert without["full_text_url"] is None


def test_a_public_activity_carries_its_recommendations_without_their_follow_up(
    world, client, django_assert_max_num_queries
):
    a = world["a"]
    agency = Organization.objects.create(name="Sở Tài chính tỉnh Thử", council=a.council)
    for activity in (a.public_activity, a.internal_activity):
        recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity,
                content=f"Rà soát hồ sơ đất đai ({activity.pk})",
                addressee=agency,
                deadline=dt.date(2030, 1, 1),
                result_note="Ghi chú nội bộ về việc thực hiện",
            )
        )
    url = f"/api/v1/councils/{a.council.pk}/oversight-activities/"

    with django_assert_max_num_queries(12):
        rows = client.get(url).json()["results"]

    public = next(row for row in rows if row["pk"] == a.public_activity.pk)
    assert public["recommendations"] == [
        {"content": f"Rà soát hồ sơ đất đai ({a.public_activity.pk})", "addressee": agency.name}
    ]
    body = client.get(f"{url}{a.public_activity.pk}/").content.decode()
    assert "Ghi chú nội bộ" not in body and "2030" not in body
    assert f"({a.internal_activity.pk})" not in client.get(url).content.decode()
