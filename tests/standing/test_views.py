from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from council.models import Council, Term
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting
from tests.helpers import council_client, post_form

pytestmark = pytest.mark.django_db

D = dt.date
Status = ConclusionTask.Status


@pytest.fixture
def other_council_client(db):
    other = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh", short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh", header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng HĐND tỉnh Bên Cạnh",
    )  # fmt: skip
    Term.objects.create(council=other, ordinal=9, roman="IX", start_date=D(2016, 6, 1))
    return council_client(other, "ben-canh")


def _urls(task: ConclusionTask) -> dict[str, str]:
    conclusion = task.conclusion
    meeting = conclusion.meeting
    return {
        "detail": reverse("standing:standingmeeting_detail", args=[meeting.pk]),
        "update": reverse("standing:standingmeeting_update", args=[meeting.pk]),
        "delete": reverse("standing:standingmeeting_delete", args=[meeting.pk]),
        "agenda": reverse("standing:agendaentry_create", args=[meeting.pk]),
        "conclusion": reverse("standing:conclusion_create", args=[meeting.pk]),
        "conclusion_update": reverse("standing:conclusion_update", args=[conclusion.pk]),
        "task": reverse("standing:conclusiontask_create", args=[conclusion.pk]),
        "task_update": reverse("standing:conclusiontask_update", args=[task.pk]),
        "complete": reverse("standing:conclusiontask_complete", args=[task.pk]),
        "task_delete": reverse("standing:conclusiontask_delete", args=[task.pk]),
    }


LISTS = ("standing:standingmeeting_list", "standing:conclusiontask_list")


def test_anonymous_visitor_is_sent_to_login(client, make_task):
    task = make_task()
    for url in [reverse(name) for name in LISTS] + list(_urls(task).values()):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_leader_reads_but_cannot_write(leader_client, make_task):
    task = make_task()
    urls = _urls(task)
    for url in [reverse(name) for name in LISTS] + [urls["detail"]]:
        assert leader_client.get(url).status_code == 200, url
    assert leader_client.get(reverse("standing:conclusiontask_export")).status_code == 200
    for key in set(urls) - {"detail"}:
        assert leader_client.get(urls[key]).status_code == 403, key
        assert leader_client.post(urls[key], {}).status_code == 403, key
    assert leader_client.get(reverse("standing:standingmeeting_create")).status_code == 403
    detail = leader_client.get(urls["detail"]).content.decode()
    assert "Ghi hoàn thành" not in detail and "Giao việc" not in detail


def test_another_council_s_login_finds_none_of_it(other_council_client, make_task):
    task = make_task()
    for key, url in _urls(task).items():
        assert other_council_client.get(url).status_code == 404, key
        if key != "detail":  # a page that only shows answers 405 to a POST, before looking
            assert other_council_client.post(url, {}).status_code == 404, key
    tasks = other_council_client.get(reverse("standing:conclusiontask_list"))
    assert tasks.context["table"].paginator.count == 0
    meetings = other_council_client.get(reverse("standing:standingmeeting_list"))
    assert meetings.context["table"].paginator.count == 0
    export = other_council_client.get(reverse("standing:conclusiontask_export"))
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1  # the headers only
    # Nor may its form name this council's organisation or delegate.
    page = other_council_client.get(reverse("standing:standingmeeting_create"))
    assert (
        task.conclusion.meeting.chaired_by not in page.context["form"].fields["chaired_by"].queryset
    )


def test_editor_records_a_meeting_its_agenda_conclusions_and_tasks(
    staff_client, term, chair, organization
):
    response = post_form(
        staff_client,
        reverse("standing:standingmeeting_create"),
        {
            "term": term.pk,
            "kind": "regular",
            "number": "3",
            "title": "Phiên họp tháng 3/2019",
            "date": "26/03/2019",
            "time": "08:00",
            "place": "Phòng họp Thường trực",
            "chaired_by": chair.pk,
            "members": [chair.pk],
            "guests": "Đại diện UBND tỉnh\nChánh Văn phòng",
        },
        follow=True,
    )
    meeting = StandingMeeting.objects.get()
    assert list(meeting.members.all()) == [chair]
    assert "Đã lưu «Phiên họp tháng 3/2019»." in response.content.decode()

    response = post_form(
        staff_client,
        reverse("standing:agendaentry_create", args=[meeting.pk]),
        {"kind": "session_preparation", "title": "Chuẩn bị kỳ họp thứ mười một", "presenter": "VP"},
    )
    assert response.status_code == 302
    assert AgendaEntry.objects.get().order == 1

    post_form(
        staff_client,
        reverse("standing:conclusion_create", args=[meeting.pk]),
        {"text": "Thống nhất nội dung, chương trình kỳ họp thứ mười một."},
    )
    conclusion = Conclusion.objects.get()
    response = post_form(
        staff_client,
        reverse("standing:conclusiontask_create", args=[conclusion.pk]),
        {
            "content": "Hoàn thiện tờ trình",
            "responsible": organization.pk,
            "deadline": "02/04/2019",
            "status": "open",
        },
    )
    assert response.status_code == 302
    task = ConclusionTask.objects.get()
    assert response.url == meeting.get_absolute_url() + f"#viec-{task.pk}"

    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    for text in (
        "Chuẩn bị kỳ họp thứ mười một",
        "Thống nhất nội dung, chương trình kỳ họp thứ mười một.",
        "Hoàn thiện tờ trình",
        "02/04/2019",
        "Chánh Văn phòng",
        "Quá hạn",  # 2019 is long past
        reverse("standing:conclusiontask_complete", args=[task.pk]),
    ):
        assert text in page, text


def test_editor_completes_a_task_after_seeing_its_form(staff_client, make_task):
    task = make_task(deadline=D(2019, 4, 2))
    url = reverse("standing:conclusiontask_complete", args=[task.pk])
    page = staff_client.get(url)
    assert page.status_code == 200 and "Hoàn thiện tờ trình" in page.content.decode()
    task.refresh_from_db()
    assert task.status == Status.OPEN  # opening the form changes nothing

    response = post_form(
        staff_client, url, {"completed_date": "01/04/2019", "result": "Đã gửi."}, follow=True
    )
    task.refresh_from_db()
    assert (task.status, task.completed_date, task.result) == (
        Status.DONE,
        D(2019, 4, 1),
        "Đã gửi.",
    )
    assert "Đã ghi hoàn thành việc" in response.content.decode()


def test_a_cancelled_task_is_not_completed(staff_client, make_task):
    task = make_task(status=Status.CANCELLED)
    url = reverse("standing:conclusiontask_complete", args=[task.pk])
    response = post_form(staff_client, url, {"completed_date": "01/04/2019"})
    assert response.status_code == 200
    assert "không thực hiện nữa" in response.content.decode()
    task.refresh_from_db()
    assert task.status == Status.CANCELLED


def test_delete_asks_first_then_returns_to_the_meeting(staff_client, make_task):
    task = make_task()
    meeting = task.conclusion.meeting
    url = reverse("standing:conclusiontask_delete", args=[task.pk])
    page = staff_client.get(url)
    assert "Xác nhận xoá" in page.content.decode()
    assert ConclusionTask.objects.exists()

    response = staff_client.post(url, follow=True)
    assert response.redirect_chain[0][0] == meeting.get_absolute_url()
    assert not ConclusionTask.objects.exists()
    assert "Đã xoá" in response.content.decode()


def test_the_queue_filters_overdue_and_exports_what_it_shows(
    staff_client, make_conclusion, make_task, organization, department
):
    conclusion = make_conclusion()
    late = make_task(conclusion, content="Việc quá hạn", deadline=D(2019, 4, 30))
    make_task(conclusion, content="Việc đã xong", status=Status.DONE, responsible=department)
    make_task(conclusion, content="Việc thường xuyên", deadline=None)

    listed = staff_client.get(reverse("standing:conclusiontask_list"), {"overdue": "1"})
    assert [row.record for row in listed.context["table"].rows] == [late]
    assert "Quá hạn" in listed.content.decode()
    by_body = staff_client.get(
        reverse("standing:conclusiontask_list"), {"responsible": department.pk}
    )
    assert [row.record.content for row in by_body.context["table"].rows] == ["Việc đã xong"]

    export = staff_client.get(reverse("standing:conclusiontask_export"), {"overdue": "1"})
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    header, row = rows
    assert row[header.index("Nội dung giao")] == "Việc quá hạn"
    assert row[header.index("Cơ quan thực hiện")] == organization.name
    assert row[header.index("Quá hạn (ngày)")] > 0


def test_meeting_page_costs_the_same_queries_with_one_conclusion_or_five(
    staff_client, make_meeting, make_conclusion, make_task
):
    meeting = make_meeting()
    make_task(make_conclusion(meeting))
    url = meeting.get_absolute_url()

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert staff_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    count()  # the first request of a login reads what later ones find cached
    one = count()
    for _ in range(4):
        conclusion = make_conclusion(meeting)
        make_task(conclusion)
        make_task(conclusion)
    assert count() == one
