from __future__ import annotations

import datetime as dt

import pytest

from council.models import Council, Term
from standing import selectors
from standing.models import ConclusionTask

pytestmark = pytest.mark.django_db

D = dt.date
Status = ConclusionTask.Status
TODAY = D(2019, 6, 1)


def test_overdue_is_computed_from_the_deadline_and_today(make_task):
    late = make_task(deadline=D(2019, 5, 31))
    make_task(deadline=D(2019, 6, 1))  # due today: not late yet
    make_task(deadline=None)
    make_task(deadline=D(2019, 5, 1), status=Status.DONE)
    make_task(deadline=D(2019, 5, 1), status=Status.CANCELLED)
    council = late.conclusion.meeting.term.council

    rows = selectors.task_list(council=council, today=TODAY)
    assert [t.pk for t in rows if t.is_overdue_now] == [late.pk]
    assert list(selectors.task_list(council=council, overdue=True, today=TODAY)) == [late]
    assert selectors.task_counts(council=council, today=TODAY) == {
        "open": 3,
        "overdue": 1,
        "done": 1,
    }
    for task in rows:
        assert task.is_overdue_now == task.is_overdue(TODAY)


def test_task_list_filters_by_status_body_and_year(
    make_meeting, make_conclusion, make_task, organization, department
):
    march = make_conclusion(make_meeting(date=D(2019, 3, 26)))
    next_year = make_conclusion(make_meeting(date=D(2020, 3, 26)))
    a = make_task(march, responsible=organization)
    b = make_task(march, responsible=department, status=Status.DONE)
    c = make_task(next_year, responsible=department)
    council = march.meeting.term.council

    def pks(**filters):
        return {t.pk for t in selectors.task_list(council=council, today=TODAY, **filters)}

    assert pks() == {a.pk, b.pk, c.pk}
    assert pks(status=Status.DONE) == {b.pk}
    assert pks(responsible=department) == {b.pk, c.pk}
    assert pks(year=2020) == {c.pk}


def test_another_council_s_tasks_and_meetings_are_not_listed(make_task):
    make_task()
    other = Council.objects.create(
        name="HĐND tỉnh Khác", short_name="Khác", place_name="Khác", header_name="X",
        secretariat_name="VP",
    )  # fmt: skip
    Term.objects.create(council=other, ordinal=1, roman="I", start_date=D(2016, 6, 1))
    assert not selectors.task_list(council=other).exists()
    assert not selectors.meeting_list(council=other).exists()
    assert not selectors.task_list(council=None).exists()


def test_meeting_list_counts_conclusions_open_and_overdue_tasks(
    make_meeting, make_conclusion, make_task
):
    meeting = make_meeting()
    first, second = make_conclusion(meeting), make_conclusion(meeting)
    make_task(first, deadline=D(2019, 5, 1))
    make_task(first, deadline=D(2019, 7, 1))
    make_task(second, status=Status.DONE)
    make_meeting(date=D(2019, 4, 24))

    rows = list(selectors.meeting_list(council=meeting.term.council, today=TODAY))
    assert [
        (m.date, m.conclusion_count, m.open_task_count, m.overdue_task_count) for m in rows
    ] == [
        (D(2019, 4, 24), 0, 0, 0),
        (D(2019, 3, 26), 2, 2, 1),
    ]


def test_a_meeting_s_conclusions_and_tasks_cost_the_same_queries_however_many(
    make_meeting, make_conclusion, make_task, django_assert_num_queries
):
    meeting = make_meeting()
    conclusion = make_conclusion(meeting)
    make_task(conclusion)

    def read() -> list:
        return [
            (c.text, [(t.responsible.name, t.is_overdue_now) for t in c.tasks.all()])
            for c in selectors.meeting_conclusions(meeting=meeting, today=TODAY)
        ]

    with django_assert_num_queries(2):
        read()
    for _ in range(3):
        more = make_conclusion(meeting)
        make_task(more)
        make_task(more)
    with django_assert_num_queries(2):
        assert len(read()) == 4


def test_task_list_is_one_query_for_a_page(make_task, django_assert_num_queries):
    for _ in range(5):
        make_task()
    council = ConclusionTask.objects.first().conclusion.meeting.term.council
    with django_assert_num_queries(1):
        rows = list(selectors.task_list(council=council, today=TODAY))
        assert [str(t.conclusion.meeting) for t in rows] and [t.responsible.name for t in rows]
