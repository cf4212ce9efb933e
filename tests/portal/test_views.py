"""The portal's pages as an anonymous visitor reads them: what is shown, what never is, which
records are not found."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.portal.conftest import Portal

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(f"portal:{name}", args=args)


def pages(p: Portal) -> list[str]:
    c = p.council.pk
    return [
        url("index"),
        url("home", c),
        url("session_list", c),
        url("session_detail", c, p.session.pk),
        url("session_detail", c, p.past_session.pk),
        url("session_qr_print", c, p.session.pk),
        url("resolution_list", c),
        url("resolution_detail", c, p.land.pk),
        url("resolution_detail", c, p.amending.pk),
        url("oversight_list", c),
        url("oversight_detail", c, p.activity.pk),
        url("petition_figures", c),
        url("reception_schedule", c),
    ]


def test_every_page_opens_without_a_login_in_vietnamese(client, portal):
    for address in pages(portal):
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert '<html lang="vi">' in html
        assert 'href="#noi-dung"' in html  # the skip link
        assert '<main id="noi-dung"' in html
        assert "csrfmiddlewaretoken" not in html
        assert "Set-Cookie" not in str(response.headers)


def test_every_page_is_reachable_by_links_from_the_index(client, portal):
    seen, queue = set(), [url("index")]
    while queue:
        address = queue.pop()
        if address in seen:
            continue
        seen.add(address)
        response = client.get(address)
        assert response.status_code == 200, address
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        for link in _links(html):
            if link.startswith("/cong-khai/") and link not in seen and "?" not in link:
                queue.append(link)
    assert set(pages(portal)) <= seen
    assert url("document_download", portal.council.pk, portal.public_doc.pk) in seen
    assert url("resolution_text", portal.council.pk, portal.land.pk) in seen
    assert url("session_qr", portal.council.pk, portal.session.pk) in seen


def _links(html: str) -> list[str]:
    import re

    return re.findall(r'(?:href|src)="(/cong-khai/[^"#]*)"', html)


def test_index_lists_every_council_with_a_link_to_its_portal(client, portal):
    html = client.get(url("index")).content.decode()
    for council in (portal.council, portal.other):
        assert council.name in html
        assert f'href="{url("home", council.pk)}"' in html


def test_home_shows_the_coming_session_and_the_latest_resolutions(client, portal):
    html = client.get(url("home", portal.council.pk)).content.decode()
    assert "Kỳ họp thứ 12" in html
    assert "Sửa đổi bảng giá đất năm 2026" in html
    assert portal.council.secretariat_name in html
    assert "Nghị quyết mật" not in html


def test_session_page_shows_programme_public_documents_and_resolutions(client, portal):
    p = portal
    html = client.get(url("session_detail", p.council.pk, p.session.pk)).content.decode()
    assert "125/TTr-UBND" in html
    assert "Tờ trình về bảng giá đất đai năm 2027" in html
    assert url("document_download", p.council.pk, p.public_doc.pk) in html
    assert "Tờ trình bảng giá đất" in html
    assert "Dự thảo nội bộ" not in html  # not marked public
    assert url("session_qr", p.council.pk, p.session.pk) in html
    assert 'alt="Mã QR' in html
    assert "Sửa đổi bảng giá đất năm 2026" in html
    assert "thường lệ" in html


def test_the_qr_code_encodes_the_absolute_address_of_the_session_page(client, portal):
    p = portal
    response = client.get(url("session_qr", p.council.pk, p.session.pk))
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.lstrip().startswith("<?xml") or svg.lstrip().startswith("<svg")
    assert f"http://testserver{url('session_detail', p.council.pk, p.session.pk)}" in svg
    printable = client.get(url("session_qr_print", p.council.pk, p.session.pk)).content.decode()
    assert f"http://testserver{url('session_detail', p.council.pk, p.session.pk)}" in printable


def test_a_public_document_opens_inline_under_a_name_made_of_its_title(client, portal):
    p = portal
    response = client.get(url("document_download", p.council.pk, p.public_doc.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline")
    assert f"to-trinh-bang-gia-dat-{p.public_doc.pk}.pdf" in disposition
    assert "Nguyen" not in disposition  # never the uploaded file's name
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_documents_not_public_or_of_another_council_are_not_found(client, portal):
    p = portal
    assert client.get(url("document_download", p.council.pk, p.private_doc.pk)).status_code == 404
    assert client.get(url("document_download", p.other.pk, p.public_doc.pk)).status_code == 404


def test_resolution_register_searches_without_diacritics(client, portal):
    p = portal
    html = client.get(url("resolution_list", p.council.pk) + "?q=dat+dai").content.decode()
    assert "Quy định bảng giá Đất đai năm 2026" in html
    assert "Sửa đổi bảng giá đất năm 2026" not in html
    assert 'value="dat dai"' in html


def test_resolution_register_filters_by_kind_status_and_year(client, portal):
    p = portal
    base = url("resolution_list", p.council.pk)
    html = client.get(base + "?loai=quy-pham").content.decode()
    assert "Quy định bảng giá" in html and "Sửa đổi bảng giá" not in html
    html = client.get(base + "?status=amended").content.decode()
    assert "Quy định bảng giá" in html and "Sửa đổi bảng giá" not in html
    assert "Được sửa đổi, bổ sung" in html
    html = client.get(base + f"?year={p.past_session.start_date.year}").content.decode()
    assert "Quy định bảng giá" in html
    # Nonsense filters are ignored, never an error.
    assert client.get(base + "?status=x&loai=y&year=abc&page=zz").status_code == 200
    html = client.get(base).content.decode()
    assert "Nghị quyết mật" not in html
    assert "Nghị quyết của tỉnh khác" not in html


def test_resolution_page_shows_votes_relations_both_ways_and_full_text(client, portal):
    p = portal
    html = client.get(url("resolution_detail", p.council.pk, p.land.pk)).content.decode()
    assert "Được sửa đổi, bổ sung bởi" in html
    assert url("resolution_detail", p.council.pk, p.amending.pk) in html
    assert url("resolution_text", p.council.pk, p.land.pk) in html
    assert "Tán thành" in html
    html = client.get(url("resolution_detail", p.council.pk, p.amending.pk)).content.decode()
    assert url("resolution_detail", p.council.pk, p.land.pk) in html
    assert "Chưa có bản công khai" in html


def test_resolution_full_text_is_its_signed_pdf_or_not_found(client, portal):
    p = portal
    response = client.get(url("resolution_text", p.council.pk, p.land.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert client.get(url("resolution_text", p.council.pk, p.amending.pk)).status_code == 404


def test_oversight_shows_public_activities_and_their_recommendations_not_the_follow_up(
    client, portal
):
    p = portal
    html = client.get(url("oversight_list", p.council.pk)).content.decode()
    assert "Giám sát việc quản lý đất công" in html
    assert "Khảo sát chưa công khai" not in html
    html = client.get(url("oversight_detail", p.council.pk, p.activity.pk)).content.decode()
    assert "Ban Kinh tế - Ngân sách" in html
    assert "Ủy ban nhân dân tỉnh Thử Nghiệm" in html
    assert "15/TB-HĐND" in html
    assert "Rà soát, thu hồi đất công" in html
    assert "Ghi chú theo dõi nội bộ" not in html


def test_petition_figures_are_counts_never_a_petition_or_a_voter(client, portal):
    html = client.get(url("petition_figures", portal.council.pk)).content.decode()
    assert "kỳ họp thứ 11" in html
    assert '<td class="text-end">3</td>' in html  # the petition's three instances
    assert "Nguyễn Văn Bình" not in html
    assert "sửa đường" not in html
    other_term = client.get(url("petition_figures", portal.council.pk) + "?term=999999")
    assert other_term.status_code == 200


def test_reception_schedule_shows_only_published_slots(client, portal):
    html = client.get(url("reception_schedule", portal.council.pk)).content.decode()
    assert "Trụ sở Tiếp công dân tỉnh" in html
    assert "Lịch nháp chưa công bố" not in html


@pytest.mark.parametrize(
    "name,attr",
    [
        ("session_detail", "other_session"),
        ("session_qr", "other_session"),
        ("session_qr_print", "other_session"),
        ("resolution_detail", "other_resolution"),
        ("resolution_text", "other_resolution"),
    ],
)
def test_another_councils_record_is_not_found(client, portal, name, attr):
    assert client.get(url(name, portal.council.pk, getattr(portal, attr).pk)).status_code == 404


def test_unmarked_records_and_unknown_councils_are_not_found(client, portal):
    p = portal
    assert client.get(url("resolution_detail", p.council.pk, p.secret.pk)).status_code == 404
    assert (
        client.get(url("oversight_detail", p.council.pk, p.hidden_activity.pk)).status_code == 404
    )
    assert client.get(url("home", 999999)).status_code == 404
    assert client.get(url("session_list", 999999)).status_code == 404


def test_pages_answer_get_and_head_only(client, portal):
    address = url("home", portal.council.pk)
    assert client.head(address).status_code == 200
    assert client.post(address).status_code == 405


# Uncached, each page's queries: the version, the council, then the page's own reads.
BUDGETS = {
    "index": 2,
    "home": 5,
    "session_list": 5,
    "session_detail": 6,
    "session_qr": 3,
    "session_qr_print": 3,
    "resolution_list": 5,
    "resolution_detail": 5,
    "oversight_list": 4,
    "oversight_detail": 5,
    "petition_figures": 6,
    "reception_schedule": 4,
}


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_each_page_keeps_to_its_query_budget(
    client, portal, settings, name, django_assert_max_num_queries
):
    settings.PORTAL_CACHE_SECONDS = 0
    p = portal
    args = {
        "index": (),
        "session_detail": (p.council.pk, p.session.pk),
        "session_qr": (p.council.pk, p.session.pk),
        "session_qr_print": (p.council.pk, p.session.pk),
        "resolution_detail": (p.council.pk, p.land.pk),
        "oversight_detail": (p.council.pk, p.activity.pk),
    }.get(name, (p.council.pk,))
    client.get(url(name, *args))  # the version row made, as any council has one after a save
    with django_assert_max_num_queries(BUDGETS[name]):
        assert client.get(url(name, *args)).status_code == 200
