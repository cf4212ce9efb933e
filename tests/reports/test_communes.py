"""The province's view of its commune councils (issue 19): each commune's year at a glance,
the same statements whatever the number of communes, a way into each commune's own pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.periods import Period
from core.roles import Role
from core.services import record_save
from council.models import Council, Delegate, Term
from reports.selectors import commune_overview
from resolutions.models import ResolutionReview
from resolutions.services import resolution_create, resolution_review_save
from sessions.models import Session
from tests.helpers import council_client
from voters.models import VoterPetition
from voters.services import petition_save

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 4, 10)


def _commune(province: Council, name: str) -> Council:
    return record_save(
        instance=Council(
            name=f"Hội đồng nhân dân xã {name}",
            short_name=f"HĐND xã {name}",
            level=Council.Level.COMMUNE,
            parent=province,
            place_name=name,
            header_name=f"HỘI ĐỒNG NHÂN DÂN\nXÃ {name.upper()}",
            secretariat_name=f"Văn phòng HĐND và UBND xã {name}",
        )
    )


def _year_of_work(commune: Council) -> None:
    """Two sessions, three resolutions (two normative, one concluded on), 8 lượt of
    petitions of which 5 forwarded and 3 answered."""
    term = Term.objects.create(
        council=commune, ordinal=1, roman="I", start_date=dt.date(2021, 6, 1)
    )
    for i in range(7):
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i}", birth_year=1980)
    sessions = [
        record_save(
            instance=Session(term=term, number=n, kind="thematic", start_date=d, end_date=d)
        )
        for n, d in ((4, DAY), (5, dt.date(2026, 7, 15)))
    ]
    made = [
        resolution_create(council=commune, title=title, session=sessions[0], adopted_date=DAY,
                          is_normative=normative, votes_for=6)
        for title, normative in (("Quy định A", True), ("Quy định B", True), ("Cá biệt C", False))
    ]  # fmt: skip
    resolution_review_save(
        review=ResolutionReview(
            resolution=made[0], received_date=DAY, reviewed_date=DAY, conclusion="conforming"
        )
    )
    for content, instances, status in (
        ("Sửa đường liên thôn", 3, VoterPetition.Status.ANSWERED),
        ("Nước sạch", 2, VoterPetition.Status.FORWARDED),
        ("Điện chiếu sáng", 3, VoterPetition.Status.RECEIVED),
    ):
        petition = petition_save(
            petition=VoterPetition(
                term=term, received_date=DAY, content=content, instances=instances
            )
        )
        VoterPetition.objects.filter(pk=petition.pk).update(status=status)  # the workflow's end


def test_each_commune_s_year_in_one_row(council):
    busy, quiet = _commune(council, "Lộc Bình"), _commune(council, "Đồng Bục")
    _year_of_work(busy)
    rows = {r.council: r for r in commune_overview(province=council, period=Period.year(2026))}
    assert list(rows) == [quiet, busy]  # by name
    row = rows[busy]
    assert (row.sessions, row.resolutions, row.normative, row.awaiting_review) == (2, 3, 2, 1)
    assert (row.petitions, row.answered_rate) == (8, "60%")
    empty = rows[quiet]
    assert (empty.sessions, empty.resolutions, empty.petitions, empty.answered_rate) == (
        0,
        0,
        0,
        "—",
    )
    assert commune_overview(province=council, period=Period.year(2025))[1].sessions == 0
    assert commune_overview(province=busy, period=Period.year(2026)) == []


def test_the_page_costs_the_same_for_one_commune_or_many(council, django_assert_num_queries):
    client = council_client(None, "tinh", Role.LEADER)
    url = reverse("reports:communes") + "?year=2026"
    _year_of_work(_commune(council, "Lộc Bình"))
    client.get(url)
    with django_assert_num_queries(9) as one:
        page = client.get(url)
    for name in ("Đồng Bục", "Khánh Xuân", "Hữu Khánh"):
        _year_of_work(_commune(council, name))
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get(url)
    html = page.content.decode()
    assert html.count("Xem chi tiết") == 4
    assert page.context["totals"]["sessions"] == 8
    awaiting = reverse("resolutions:review_list") + f"?council={page.context['rows'][0].council.pk}"
    assert f'href="{awaiting}"' in html
    listed = client.get(awaiting).context["table"].paginator.count
    assert listed == 2  # the commune's normative resolutions, one awaiting, one concluded


def test_a_commune_has_no_communes(council):
    commune = _commune(council, "Lộc Bình")
    client = council_client(commune, "xa")
    page = client.get(reverse("reports:communes")).content.decode()
    assert "không có HĐND cấp xã nào" in page
    assert "Các HĐND cấp xã" not in client.get(reverse("reports:dashboard")).content.decode()
