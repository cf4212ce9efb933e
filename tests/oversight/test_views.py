from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from council.models import Organization
from oversight.models import (
    Actor,
    FollowUp,
    Kind,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)
from oversight.services import (
    follow_up_save,
    programme_item_save,
    programme_save,
    question_save,
)
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

D = dt.date


def _activity_post(activity: OversightActivity, **changes) -> dict:
    data = {
        "term": activity.term_id,
        "actor": activity.actor,
        "committee": activity.committee_id or "",
        "kind": activity.kind,
        "topic": activity.topic,
        "start_date": activity.start_date.strftime("%d/%m/%Y"),
        "end_date": activity.end_date.strftime("%d/%m/%Y") if activity.end_date else "",
    }
    data.update(changes)
    return data


# --- who may edit ----------------------------------------------------------------------------


def test_committee_member_cannot_edit_another_bans_activity(
    committee_client, other_committee, make_activity
):
    theirs = make_activity(actor=Actor.COMMITTEE, committee=other_committee, topic="Cũ")
    url = reverse("oversight:activity_update", args=[theirs.pk])

    assert committee_client.get(url).status_code == 403
    response = committee_client.post(url, _activity_post(theirs, topic="Đã sửa"))

    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.topic == "Cũ"
    delete_url = reverse("oversight:activity_delete", args=[theirs.pk])
    assert committee_client.post(delete_url).status_code == 403


def test_committee_member_can_edit_their_own_bans_activity(
    committee_client, committee, make_activity
):
    ours = make_activity(actor=Actor.COMMITTEE, committee=committee, topic="Cũ")
    url = reverse("oversight:activity_update", args=[ours.pk])

    assert committee_client.get(url).status_code == 200
    response = post_form(committee_client, url, _activity_post(ours, topic="Giám sát đất đai"))

    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.topic == "Giám sát đất đai"
    assert ours.search_text == "giam sat dat dai ban kinh te - ngan sach"
    # What the form sent unchanged is kept.
    assert ours.committee == committee
    assert ours.actor == Actor.COMMITTEE
    assert ours.kind == Kind.THEMATIC_SUPERVISION
    assert ours.start_date == D(2019, 5, 6)
    assert ours.end_date is None


def test_committee_member_cannot_move_an_activity_to_another_ban(
    committee_client, committee, other_committee, make_activity
):
    ours = make_activity(actor=Actor.COMMITTEE, committee=committee)
    response = post_form(
        committee_client,
        reverse("oversight:activity_update", args=[ours.pk]),
        _activity_post(ours, committee=other_committee.pk),
    )

    assert response.status_code == 200
    ours.refresh_from_db()
    assert ours.committee == committee


def test_committee_member_creates_only_for_their_ban(
    committee_client, term, committee, other_committee
):
    data = {
        "term": term.pk,
        "actor": Actor.COMMITTEE,
        "kind": Kind.THEMATIC_SUPERVISION,
        "topic": "Giám sát thu ngân sách",
        "start_date": "10/04/2019",
    }
    refused = post_form(
        committee_client,
        reverse("oversight:activity_create"),
        {**data, "committee": other_committee.pk},
    )
    assert refused.status_code == 200
    assert not OversightActivity.objects.exists()

    accepted = post_form(
        committee_client, reverse("oversight:activity_create"), {**data, "committee": committee.pk}
    )
    assert accepted.status_code == 302
    assert OversightActivity.objects.get().committee == committee


def test_leader_cannot_edit_an_activity(leader_client, committee, make_activity):
    activity = make_activity(actor=Actor.COMMITTEE, committee=committee)

    assert leader_client.get(activity.get_absolute_url()).status_code == 200
    for name in ("activity_update", "activity_delete"):
        url = reverse(f"oversight:{name}", args=[activity.pk])
        assert leader_client.get(url).status_code == 403
        assert leader_client.post(url).status_code == 403
    url = reverse("oversight:recommendation_create", args=[activity.pk])
    assert leader_client.post(url, {"content": "x"}).status_code == 403


def test_committee_member_handles_recommendations_of_their_own_ban_only(
    committee_client, committee, other_committee, organization, make_activity
):
    ours = make_activity(actor=Actor.COMMITTEE, committee=committee)
    theirs = make_activity(actor=Actor.COMMITTEE, committee=other_committee)
    data = {
        "content": "Rà soát các dự án chậm tiến độ",
        "addressee": organization.pk,
        "deadline": "31/12/2019",
        "status": "not_started",
    }

    assert (
        committee_client.post(
            reverse("oversight:recommendation_create", args=[theirs.pk]), data
        ).status_code
        == 403
    )
    response = post_form(
        committee_client, reverse("oversight:recommendation_create", args=[ours.pk]), data
    )

    assert response.status_code == 302
    rec = OversightRecommendation.objects.get()
    assert rec.activity == ours
    assert rec.search_text.startswith("ra soat cac du an cham tien do")


def test_staff_edit_every_bans_activity(staff_client, other_committee, make_activity):
    activity = make_activity(actor=Actor.COMMITTEE, committee=other_committee)
    response = post_form(
        staff_client,
        reverse("oversight:activity_update", args=[activity.pk]),
        _activity_post(activity, topic="Sửa bởi chuyên viên", end_date="08/05/2019"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.topic == "Sửa bởi chuyên viên"
    assert activity.end_date == D(2019, 5, 8)
    assert activity.search_text.startswith("sua boi chuyen vien")
    # What the form sent unchanged is kept: still the other Ban's activity.
    assert activity.committee == other_committee
    assert activity.actor == Actor.COMMITTEE
    assert activity.kind == Kind.THEMATIC_SUPERVISION
    assert activity.start_date == D(2019, 5, 6)


# --- forms speak Vietnamese ------------------------------------------------------------------


def test_activity_form_explains_errors_in_vietnamese(staff_client, term):
    response = staff_client.post(
        reverse("oversight:activity_create"),
        {
            "term": term.pk,
            "actor": Actor.COMMITTEE,
            "kind": Kind.THEMATIC_SUPERVISION,
            "topic": "Giám sát",
            "start_date": "10/05/2019",
            "end_date": "01/05/2019",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ngày kết thúc không được trước ngày bắt đầu." in page
    assert "Chọn Ban thực hiện giám sát." in page
    assert not OversightActivity.objects.exists()


def test_recommendation_form_rejects_a_completion_date_when_not_done(
    staff_client, organization, make_activity
):
    activity = make_activity()
    response = staff_client.post(
        reverse("oversight:recommendation_create", args=[activity.pk]),
        {
            "content": "Kiến nghị",
            "addressee": organization.pk,
            "status": "in_progress",
            "completed_date": "01/01/2020",
        },
    )
    assert "Chỉ ghi ngày hoàn thành khi kiến nghị đã hoàn thành." in response.content.decode()


# --- lists, search, export -------------------------------------------------------------------


def test_activity_list_filters_like_the_dashboard_links(staff_client, make_activity):
    make_activity(topic="Thường trực chuyên đề", actor=Actor.STANDING)
    make_activity(topic="Thường trực kiểm tra", actor=Actor.STANDING, kind=Kind.INSPECTION)
    make_activity(topic="Năm sau", actor=Actor.STANDING, start_date=D(2020, 2, 1))

    response = staff_client.get(
        reverse("oversight:activity_list"), {"year": 2019, "actor": "standing", "kind": "thematic"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Hoạt động giám sát" in page
    assert "Thường trực chuyên đề" in page
    assert "Thường trực kiểm tra" not in page
    assert "Năm sau" not in page


def test_search_ignores_case_and_diacritics(staff_client, organization, make_activity):
    make_activity(topic="Giám sát quản lý Đất đai", supervised_organizations=[organization])
    make_activity(topic="Giám sát y tế cơ sở")

    response = staff_client.get(reverse("oversight:activity_list"), {"q": "DAT dai"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Hoạt động giám sát" in page
    assert "Giám sát quản lý Đất đai" in page
    assert "y tế cơ sở" not in page
    # Supervised organisations are searchable too.
    page = staff_client.get(reverse("oversight:activity_list"), {"q": "uy ban"}).content.decode()
    assert "Giám sát quản lý Đất đai" in page


def _queries(client, url: str) -> int:
    """Queries of a page, counted at the second visit (the session's first request reads
    more)."""
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def test_activity_list_runs_the_same_queries_for_5_and_50_rows(
    staff_client, committee, organization, make_activity
):
    def add(n: int) -> None:
        for i in range(n):
            make_activity(
                actor=Actor.COMMITTEE,
                committee=committee,
                topic=f"Chuyên đề {i}",
                supervised_organizations=[organization],
            )

    url = reverse("oversight:activity_list")
    export = reverse("oversight:activity_export")
    add(5)
    staff_client.get(url)  # the session's first request
    with_5 = _queries(staff_client, url)
    export_with_5 = _queries(staff_client, export)
    add(45)
    assert _queries(staff_client, url) == with_5
    assert with_5 <= 12
    assert _queries(staff_client, export) == export_with_5 <= 8


def test_recommendation_lists_run_the_same_queries_for_5_and_50_rows(
    staff_client, committee, make_activity, make_recommendation
):
    activity = make_activity(actor=Actor.COMMITTEE, committee=committee)

    def add(n: int) -> None:
        for i in range(n):
            make_recommendation(activity=activity, content=f"Kiến nghị {i}", deadline=D(2019, 6, 1))

    lists = [
        reverse("oversight:recommendation_list"),
        reverse("oversight:recommendation_overdue"),
        activity.get_absolute_url(),
    ]
    add(5)
    staff_client.get(lists[0])
    with_5 = [_queries(staff_client, url) for url in lists]
    add(45)
    assert [_queries(staff_client, url) for url in lists] == with_5
    assert max(with_5) <= 14


def test_overdue_page_lists_the_most_overdue_first(staff_client, make_recommendation):
    make_recommendation(content="Trễ ít", deadline=D(2024, 1, 1))
    make_recommendation(content="Trễ nhiều", deadline=D(2019, 1, 1))
    make_recommendation(content="Đã xong", deadline=D(2019, 1, 1), status="done")

    response = staff_client.get(reverse("oversight:recommendation_overdue"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Kiến nghị quá hạn" in page
    assert "Trễ nhiều" in page and "Trễ ít" in page
    assert page.index("Trễ nhiều") < page.index("Trễ ít")
    assert "Đã xong" not in page


def test_overdue_page_ignores_a_search_it_does_not_offer(staff_client, make_recommendation):
    # The page has no search box: a "q" in its address filters nothing and breaks nothing
    # (the searches' paginator once ordered by the bare table, without the days overdue).
    make_recommendation(content="Trễ ít", deadline=D(2024, 1, 1))
    make_recommendation(content="Trễ nhiều", deadline=D(2019, 1, 1))

    response = staff_client.get(reverse("oversight:recommendation_overdue"), {"q": "cau treo"})

    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Trễ nhiều") < page.index("Trễ ít")


def test_recommendation_list_link_for_overdue_ones(staff_client, make_recommendation):
    make_recommendation(content="Kiến nghị trễ hạn", deadline=D(2019, 1, 1))
    make_recommendation(content="Kiến nghị còn hạn", deadline=D(2099, 1, 1))

    response = staff_client.get(
        reverse("oversight:recommendation_list"), {"overdue": "true", "status": "not_started"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Kiến nghị sau giám sát" in page
    assert "Kiến nghị trễ hạn" in page
    assert "Kiến nghị còn hạn" not in page


def test_activity_export_is_an_excel_file_with_the_filtered_rows(
    leader_client, organization, make_activity
):
    make_activity(topic="Giám sát đất đai", supervised_organizations=[organization])
    make_activity(topic="Năm khác", start_date=D(2020, 5, 1))

    response = leader_client.get(reverse("oversight:activity_export"), {"year": 2019})

    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Năm", "Nhiệm kỳ", "Chủ thể", "Hình thức", "Nội dung")
    assert len(rows) == 2
    assert rows[1][0] == 2019
    assert rows[1][4] == "Giám sát đất đai"
    assert rows[1][7] == organization.name


def test_recommendation_export_marks_overdue_rows(leader_client, make_recommendation):
    make_recommendation(content="Trễ", deadline=D(2019, 1, 1))
    response = leader_client.get(reverse("oversight:recommendation_export"))
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[1][0] == "Trễ"
    assert rows[1][4] == "Có"


# --- detail pages ----------------------------------------------------------------------------


def test_activity_page_shows_questions_and_recommendations_with_follow_ups(
    leader_client, organization, make_activity, make_recommendation
):
    activity = make_activity(kind=Kind.QUESTIONING_INTERSESSION, topic="Phiên chất vấn")
    question_save(
        question=Question(
            activity=activity,
            content="Vì sao dự án chậm giải ngân?",
            respondent_name="Nguyễn Văn A",
            respondent_organization=organization,
        )
    )
    rec = make_recommendation(
        activity=activity, content="Đẩy nhanh giải ngân", deadline=D(2019, 9, 30)
    )
    follow_up_save(
        follow_up=FollowUp(
            recommendation=rec, date=D(2019, 11, 4), kind="reminder", document_number="215/HĐND-VP"
        )
    )

    response = leader_client.get(activity.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Phiên chất vấn" in page
    assert "Vì sao dự án chậm giải ngân?" in page
    assert "Đẩy nhanh giải ngân" in page
    assert "215/HĐND-VP" in page
    assert "Quá hạn" in page
    assert reverse("oversight:question_create", args=[activity.pk]) not in page  # leader


def test_question_must_belong_to_a_questioning_activity(staff_client, make_activity):
    supervision = make_activity(kind=Kind.THEMATIC_SUPERVISION)
    response = post_form(
        staff_client,
        reverse("oversight:question_create", args=[supervision.pk]),
        {"content": "Câu hỏi", "answer_mode": "at_sitting", "satisfied": "unknown", "order": 0},
    )
    assert "Chỉ ghi câu hỏi cho hoạt động chất vấn." in response.content.decode()
    assert not Question.objects.exists()


def test_programme_page_shows_planned_against_done(leader_client, term, make_activity):
    programme = programme_save(programme=OversightProgramme(term=term, year=2019))
    done = programme_item_save(
        item=ProgrammeItem(programme=programme, actor=Actor.STANDING, topic="Đất đai")
    )
    programme_item_save(item=ProgrammeItem(programme=programme, actor=Actor.COUNCIL, topic="Y tế"))
    make_activity(programme_item=done, topic="Cuộc giám sát đất đai")

    page = leader_client.get(programme.get_absolute_url()).content.decode()

    assert "<strong>1/2</strong>" in page
    assert "Cuộc giám sát đất đai" in page
    assert "Chưa thực hiện" in page


def test_programme_page_pages_its_items_and_counts_all_of_them(
    leader_client, term, make_activity, monkeypatch
):
    from oversight import views

    monkeypatch.setattr(views, "PROGRAMME_ITEMS_PER_PAGE", 2)
    programme = programme_save(programme=OversightProgramme(term=term, year=2019))
    items = [
        programme_item_save(
            item=ProgrammeItem(
                programme=programme, actor=Actor.STANDING, topic=f"Nội dung {n}", order=n
            )
        )
        for n in (1, 2, 3)
    ]
    make_activity(programme_item=items[2], topic="Cuộc giám sát thứ ba")

    response = leader_client.get(programme.get_absolute_url())
    assert response.status_code == 200
    first = response.content.decode()
    assert "<strong>1/3</strong>" in first  # counted over every item, not the page
    assert "Nội dung 1" in first and "Nội dung 3" not in first
    assert "Trang 1/2" in first
    response = leader_client.get(programme.get_absolute_url() + "?page=2")
    assert response.status_code == 200
    last = response.content.decode()
    assert "Nội dung 3" in last and "Nội dung 1" not in last
    assert "Cuộc giám sát thứ ba" in last and "Đã thực hiện" in last
    assert "<td>3</td>" in last  # numbered across pages
    # A page number out of range shows the last page, never an error.
    assert leader_client.get(programme.get_absolute_url() + "?page=99").status_code == 200


def test_follow_up_added_by_staff_appears_on_the_recommendation(staff_client, make_recommendation):
    rec = make_recommendation(deadline=D(2019, 1, 1))
    response = post_form(
        staff_client,
        reverse("oversight:followup_create", args=[rec.pk]),
        {"date": "05/02/2019", "kind": "explanation_request", "document_number": "12/TB-HĐND"},
    )
    assert response.status_code == 302
    page = staff_client.get(rec.get_absolute_url()).content.decode()
    assert "12/TB-HĐND" in page
    assert "Yêu cầu giải trình" in page


def test_programme_items_are_kept_by_staff_only(committee_client, term):
    programme = programme_save(programme=OversightProgramme(term=term, year=2019))
    url = reverse("oversight:programmeitem_create", args=[programme.pk])
    assert committee_client.get(url).status_code == 403


def test_organization_fixture_is_used(organization):
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_a_stale_edit_form_does_not_overwrite_a_newer_save(staff_client, make_activity):
    activity = make_activity(topic="Bản đầu")
    url = reverse("oversight:activity_update", args=[activity.pk])
    token = staff_client.get(url).context["form"].initial["version_token"]
    # Someone else saves in between.
    OversightActivity.objects.filter(pk=activity.pk).update(
        topic="Bản của người khác", updated_at=activity.updated_at + dt.timedelta(seconds=5)
    )

    response = staff_client.post(
        url, _activity_post(activity, topic="Bản của tôi", version_token=token)
    )

    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    activity.refresh_from_db()
    assert activity.topic == "Bản của người khác"


def test_session_page_lists_questioning_held_at_it(staff_client, term, committee):
    import datetime as dt

    from oversight.models import OversightActivity
    from sessions.models import Session

    session = Session.objects.create(
        term=term, number=7, start_date=dt.date(2019, 7, 10), end_date=dt.date(2019, 7, 12)
    )
    OversightActivity.objects.create(
        term=term,
        actor="hdnd",
        kind="questioning_session",
        topic="Chất vấn về giải ngân vốn đầu tư công",
        session=session,
        start_date=dt.date(2019, 7, 11),
    )
    page = staff_client.get(session.get_absolute_url()).content.decode()
    assert "Chất vấn về giải ngân vốn đầu tư công" in page
