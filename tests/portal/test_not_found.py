"""«Not found» where the visitor was going: the portal's own page (its council's header and
sections, no cookie), JSON under the API, the staff page elsewhere."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_session_of_the_portal_answers_the_portals_page_with_its_council(client, portal):
    response = client.get(f"/cong-khai/{portal.council.pk}/ky-hop/999999/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert portal.council.name in html  # the council's header and its links stay
    assert f'href="/cong-khai/{portal.council.pk}/nghi-quyet/"' in html
    assert 'href="/cong-khai/"' in html
    assert "csrftoken" not in response.cookies and "sessionid" not in response.cookies


def test_a_path_the_portal_does_not_know_answers_the_portals_page(client, portal):
    response = client.get("/cong-khai/khong-co/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Cổng thông tin công khai" in html
    assert 'href="/cong-khai/"' in html


def test_an_unknown_council_id_gives_the_portal_page_without_a_council(client, portal):
    response = client.get("/cong-khai/99999999999999999999/ky-hop/")

    assert response.status_code == 404
    assert "Danh sách các Hội đồng nhân dân" in response.content.decode()


def test_an_unknown_api_path_answers_json(client):
    response = client.get("/api/v1/khong-co/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Không tìm thấy."}


def test_a_missing_staff_page_keeps_the_staff_404(client, staff_user):
    client.force_login(staff_user)

    response = client.get("/ky-hop/999999/")

    assert response.status_code == 404
    assert "Không tìm thấy trang hoặc bản ghi yêu cầu." in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/cong-khai/99999999999999999999/",
        "/cong-khai/1/ky-hop/99999999999999999999/",
        "/cong-khai/1/tai-lieu/99999999999999999999/",
        "/lich/99999999999999999999/cong-khai.ics",
        "/api/v1/councils/99999999999999999999/",
        "/api/v1/councils/99999999999999999999/sessions/",
    ],
)
def test_an_id_too_large_for_the_database_is_not_found_not_a_server_error(client, portal, path):
    assert client.get(path).status_code == 404
