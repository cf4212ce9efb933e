"""The province reviews its communes' normative resolutions (issue 19): a list of where each
stands, receipt, conclusion, the figures of a period; a commune sees the review of its own
resolution and reviews nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from core.periods import Period
from core.roles import Role
from core.services import record_save
from council.models import Council, Delegate, Term
from resolutions.models import ResolutionReview
from resolutions.selectors import review_counts
from resolutions.services import resolution_create
from sessions.models import Session
from tests.helpers import council_client, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def commune(council) -> Council:
    return record_save(
        instance=Council(
            name="Hội đồng nhân dân xã Lộc Bình",
            short_name="HĐND xã Lộc Bình",
            level=Council.Level.COMMUNE,
            parent=council,
            place_name="Lộc Bình",
            header_name="HỘI ĐỒNG NHÂN DÂN\nXÃ LỘC BÌNH",
            secretariat_name="Văn phòng HĐND và UBND xã Lộc Bình",
        )
    )


@pytest.fixture
def commune_resolutions(commune):
    term = Term.objects.create(
        council=commune, ordinal=1, roman="I", start_date=dt.date(2021, 6, 1)
    )
    for i in range(10):
        Delegate.objects.create(term=term, full_name=f"Đại biểu xã {i:02d}", birth_year=1970 + i)
    session = record_save(
        instance=Session(
            term=term,
            number=3,
            kind=Session.Kind.THEMATIC,
            start_date=dt.date(2026, 3, 20),
            end_date=dt.date(2026, 3, 20),
        )
    )
    made = {}
    for title, normative in [
        ("Quy định mức chi hỗ trợ hoạt động của Tổ dân vận", True),
        ("Quy định mức thu phí chợ Lộc Bình", True),
        ("Thành lập Ban chỉ đạo chuyển đổi số xã", False),
    ]:
        made[title] = resolution_create(
            council=commune,
            title=title,
            session=session,
            adopted_date=dt.date(2026, 3, 20),
            is_normative=normative,
            votes_for=9,
        )
    return list(made.values())


def test_the_province_lists_its_communes_normative_resolutions_and_their_review(
    council, commune_resolutions
):
    staff = council_client(None, "tinh")
    listed = staff.get(reverse("resolutions:review_list"))
    rows = {row.record.title: row.get_cell("review") for row in listed.context["table"].rows}
    assert rows == {
        "Quy định mức chi hỗ trợ hoạt động của Tổ dân vận": "Chưa tiếp nhận",
        "Quy định mức thu phí chợ Lộc Bình": "Chưa tiếp nhận",
    }
    assert "Rà soát NQ cấp xã" in staff.get(reverse("resolutions:resolution_list")).content.decode()


def test_receive_then_conclude_and_the_figures_of_the_year(council, commune, commune_resolutions):
    staff = council_client(None, "tinh")
    first, second, _individual = commune_resolutions
    page = staff.get(reverse("resolutions:review", args=[first.pk])).content.decode()
    assert "Tiếp nhận để rà soát" in page

    create = reverse("resolutions:resolutionreview_create", args=[first.pk])
    response = post_form(staff, create, {"received_date": "25/03/2026"})
    assert response.status_code == 302
    review = ResolutionReview.objects.get(resolution=first)
    assert response["Location"] == reverse("resolutions:review", args=[first.pk])
    listed = staff.get(reverse("resolutions:review_list") + "?status=pending")
    assert [row.record for row in listed.context["table"].rows] == [first]

    update = reverse("resolutions:resolutionreview_update", args=[review.pk])
    data = {
        "received_date": "25/03/2026",
        "reviewed_date": "15/04/2026",
        "conclusion": "amend",
        "document_number": "12/TTHĐND-PC",
        "note": "Mức chi vượt khung của Nghị quyết tỉnh.",
    }
    assert post_form(staff, update, data).status_code == 302
    review.refresh_from_db()
    assert review.is_concluded and review.conclusion == "amend"
    post_form(
        staff,
        reverse("resolutions:resolutionreview_create", args=[second.pk]),
        {"received_date": "02/12/2026"},
    )

    counts = review_counts(council=council, period=Period.year(2026))
    assert (counts.received, counts.concluded, counts.amend, counts.annul, counts.pending) == (
        2,
        1,
        1,
        0,
        1,
    )
    assert review_counts(council=commune, period=Period.year(2026)).received == 0

    # The commune reads the conclusion on its resolution's page; it reviews nothing.
    own = council_client(commune, "xa")
    page = own.get(first.get_absolute_url()).content.decode()
    assert "Rà soát của HĐND cấp tỉnh" in page and "Đề nghị sửa đổi, bổ sung" in page
    assert own.get(reverse("resolutions:review", args=[first.pk])).status_code == 404
    assert own.get(update).status_code == 404
    assert own.get(reverse("resolutions:review_list")).context["table"].paginator.count == 0


def test_a_review_says_what_is_wrong_and_saves_nothing(council, commune_resolutions):
    staff = council_client(None, "tinh")
    first, _second, individual = commune_resolutions
    create = reverse("resolutions:resolutionreview_create", args=[first.pk])
    response = post_form(staff, create, {"received_date": "01/03/2026"})
    assert "Ngày nhận không được trước ngày thông qua nghị quyết." in response.content.decode()
    response = post_form(
        staff,
        create,
        {"received_date": "25/03/2026", "reviewed_date": "20/03/2026", "conclusion": "conforming"},
    )
    assert "Ngày kết luận không được trước ngày nhận." in response.content.decode()
    response = post_form(
        staff, create, {"received_date": "25/03/2026", "reviewed_date": "30/03/2026"}
    )
    assert "Ghi ngày kết luận cùng với kết luận" in response.content.decode()
    assert not ResolutionReview.objects.exists()
    # An individual resolution is not reviewed: its page is not found.
    assert staff.get(reverse("resolutions:review", args=[individual.pk])).status_code == 404


def test_a_leader_reads_the_reviews_and_writes_none(council, commune_resolutions):
    leader = council_client(None, "lanhdao-tinh", role=Role.LEADER)
    first = commune_resolutions[0]
    assert leader.get(reverse("resolutions:review_list")).status_code == 200
    assert leader.get(reverse("resolutions:review", args=[first.pk])).status_code == 200
    create = reverse("resolutions:resolutionreview_create", args=[first.pk])
    assert leader.get(create).status_code == 403


def test_the_province_s_report_tells_the_review_of_the_period(council, commune_resolutions):
    from reports.document import results_sections
    from reports.selectors import annual_figures
    from resolutions.services import resolution_review_save

    first, second, _individual = commune_resolutions
    resolution_review_save(
        review=ResolutionReview(
            resolution=first,
            received_date=dt.date(2026, 3, 25),
            reviewed_date=dt.date(2026, 4, 15),
            conclusion=ResolutionReview.Conclusion.ANNUL,
        )
    )
    resolution_review_save(
        review=ResolutionReview(resolution=second, received_date=dt.date(2026, 4, 2))
    )
    figures = annual_figures(council=council, year=2026)
    oversight = next(
        s
        for s in results_sections(figures=figures, council=council, other_work="")
        if s.heading.startswith("2.")
    )
    assert (
        "Thường trực HĐND tỉnh đã tiếp nhận 02 nghị quyết quy phạm pháp luật của HĐND cấp xã để "
        "rà soát; đã kết luận đối với 01 nghị quyết (trong đó đề nghị bãi bỏ 01 nghị quyết); "
        "01 nghị quyết đang được xem xét."
    ) in oversight.paragraphs
    # A year without any: nothing said.
    figures = annual_figures(council=council, year=2025)
    oversight = next(
        s
        for s in results_sections(figures=figures, council=council, other_work="")
        if s.heading.startswith("2.")
    )
    assert not any("HĐND cấp xã để rà soát" in p for p in oversight.paragraphs)


@pytest.mark.postgres
def test_the_review_list_reads_its_page_without_walking_the_countrys_adoption_dates(
    council, commune_resolutions
):
    """ReviewListView.page_planner: the page's statement is planned without plain index scans
    (the walk of every council's adoption dates grew with the database), in its own
    transaction, so no other statement of the request is planned that way."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff = council_client(None, "tinh")
    with CaptureQueriesContext(connection) as captured:
        listed = staff.get(reverse("resolutions:review_list"))
    assert len(listed.context["table"].rows) == 2
    sql = [q["sql"] for q in captured]
    planned = next(i for i, s in enumerate(sql) if "set_config('enable_indexscan'" in s)
    assert 'FROM "resolutions_resolution"' in sql[planned + 1]
    assert "COUNT(" not in sql[planned + 1]
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_indexscan")
        assert cursor.fetchone()[0] == "on"
