from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from council.models import Delegate, Term
from standing.models import AgendaEntry, ConclusionTask, StandingMeeting
from standing.services import agenda_entry_save, task_complete, task_save

pytestmark = pytest.mark.django_db

D = dt.date
Status = ConclusionTask.Status


def test_meeting_is_named_by_its_title_else_its_number_else_its_day(make_meeting):
    assert str(make_meeting(title="Phiên họp tháng 3/2019")) == "Phiên họp tháng 3/2019"
    assert str(make_meeting(date=D(2019, 4, 24), title="", number=4)) == "Phiên họp thứ 4 năm 2019"
    unnumbered = make_meeting(date=D(2019, 8, 9), title="")
    assert str(unnumbered) == "Phiên họp ngày 09/08/2019"


def test_a_number_is_used_once_a_year(make_meeting):
    make_meeting(date=D(2019, 3, 26), number=3)
    with pytest.raises(ValidationError) as exc:
        make_meeting(date=D(2019, 3, 29), number=3)
    assert "number" in exc.value.message_dict
    assert make_meeting(date=D(2020, 3, 26), number=3).number == 3


def test_chair_and_members_are_delegates_of_the_meeting_s_term(council, term, make_meeting):
    other_term = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=D(2021, 6, 1), end_date=D(2026, 5, 31)
    )
    stranger = Delegate.objects.create(term=other_term, full_name="Người Khóa Khác")
    with pytest.raises(ValidationError) as exc:
        make_meeting(chaired_by=stranger)
    assert "chaired_by" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        make_meeting(members=[stranger])
    assert "members" in exc.value.message_dict
    assert not StandingMeeting.objects.exists()


def test_new_agenda_entries_and_conclusions_go_last(make_meeting, make_conclusion):
    meeting = make_meeting()
    first = agenda_entry_save(
        entry=AgendaEntry(meeting=meeting, kind=AgendaEntry.Kind.WORK_REPORT, title="Báo cáo")
    )
    second = agenda_entry_save(
        entry=AgendaEntry(meeting=meeting, kind=AgendaEntry.Kind.OTHER, title="Nội dung khác")
    )
    assert (first.order, second.order) == (1, 2)
    assert [make_conclusion(meeting).order for _ in range(2)] == [1, 2]


def test_task_done_without_a_day_is_done_today_and_reopened_forgets_it(make_task):
    task = make_task(status=Status.DONE)
    assert task.completed_date is not None
    task.status = Status.OPEN
    task_save(task=task)
    task.refresh_from_db()
    assert task.completed_date is None


def test_complete_records_the_day_and_the_result(make_task):
    task = make_task(deadline=D(2019, 4, 30))
    task_complete(task=task, completed_date=D(2019, 4, 28), result="Đã gửi tờ trình.")
    task.refresh_from_db()
    assert (task.status, task.completed_date, task.result) == (
        Status.DONE,
        D(2019, 4, 28),
        "Đã gửi tờ trình.",
    )


def test_a_cancelled_task_cannot_be_completed(make_task):
    task = make_task(status=Status.CANCELLED)
    with pytest.raises(ValidationError):
        task_complete(task=task, completed_date=D(2019, 4, 28))


def test_is_overdue_only_when_open_and_past_its_deadline(make_task):
    today = D(2019, 5, 1)
    assert make_task(deadline=D(2019, 4, 30)).is_overdue(today)
    assert not make_task(deadline=D(2019, 5, 1)).is_overdue(today)
    assert not make_task(deadline=None).is_overdue(today)
    assert not make_task(deadline=D(2019, 4, 30), status=Status.CANCELLED).is_overdue(today)
    assert not make_task(deadline=D(2019, 4, 30), status=Status.DONE).is_overdue(today)
