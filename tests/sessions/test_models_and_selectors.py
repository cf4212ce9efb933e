from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from council.models import Term
from sessions.models import Attendance, Session, session_kind_label
from sessions.selectors import (
    session_attendance_summary,
    session_counts,
    session_counts_by_year,
    session_list,
)
from sessions.services import session_attendance_save

pytestmark = pytest.mark.django_db

R, T = Session.Kind.REGULAR, Session.Kind.THEMATIC


def test_thematic_session_label_follows_the_law_of_its_day(make_session, council):
    before = make_session(number=13, kind=T, start=dt.date(2019, 8, 20))
    term17 = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    after = make_session(number=2, kind=T, start=dt.date(2021, 7, 10), term=term17)
    assert before.kind_label == "bất thường"
    assert after.kind_label == "chuyên đề"
    assert "Kỳ họp thứ 13 (bất thường)" in str(before)
    assert session_kind_label(T, dt.date(2020, 6, 30)) == "bất thường"
    assert session_kind_label(T, dt.date(2020, 7, 1)) == "chuyên đề"
    assert session_kind_label(R, dt.date(2019, 7, 1)) == "thường lệ"


def test_session_number_is_unique_in_a_term(make_session):
    make_session(number=13)
    with pytest.raises(ValidationError) as exc:
        make_session(number=13, start=dt.date(2019, 9, 1))
    assert "đã có kỳ họp mang số thứ tự này" in str(exc.value)


def test_session_cannot_end_before_it_starts(make_session):
    with pytest.raises(ValidationError) as exc:
        make_session(number=14, start=dt.date(2019, 9, 2), end=dt.date(2019, 9, 1))
    assert "Ngày bế mạc không được trước ngày khai mạc" in str(exc.value)


def test_session_counts_per_year_with_the_label_of_the_period(
    make_session, council, term, django_assert_max_num_queries
):
    make_session(number=10, kind=R, start=dt.date(2018, 12, 11))
    make_session(number=11, kind=T, start=dt.date(2019, 4, 12))
    make_session(number=12, kind=R, start=dt.date(2019, 7, 10))
    make_session(number=13, kind=T, start=dt.date(2019, 8, 20))
    # A session held across the new year belongs to the year it opened in.
    make_session(number=15, kind=R, start=dt.date(2019, 12, 30), end=dt.date(2020, 1, 2))
    with django_assert_max_num_queries(2):
        counts = session_counts(council=council, year=2019)
    assert (counts.total, counts.regular, counts.thematic) == (4, 2, 2)
    assert counts.thematic_label == "bất thường"
    assert session_counts(council=council, year=2021).thematic_label == "chuyên đề"
    assert [s.number for s in session_list(council=council, year=2018)] == [10]
    with django_assert_max_num_queries(1):
        by_year = session_counts_by_year(council=council, term=term)
    assert by_year == [(2018, 1, 0), (2019, 2, 2)]


def test_attendance_roll_is_saved_in_bulk_and_gives_the_rate(
    make_session, delegates, django_assert_max_num_queries
):
    session = make_session()
    statuses = {d.pk: Attendance.Status.PRESENT for d in delegates}
    statuses[delegates[0].pk] = Attendance.Status.ABSENT
    statuses[delegates[1].pk] = Attendance.Status.EXCUSED
    statuses[delegates[2].pk] = Attendance.Status.EXCUSED
    with django_assert_max_num_queries(6):
        session_attendance_save(session=session, statuses=statuses)
    summary = session_attendance_summary(session=session)
    assert (summary.present, summary.absent, summary.excused) == (7, 1, 2)
    assert summary.rate == "70%"
    statuses[delegates[0].pk] = Attendance.Status.PRESENT
    assert session_attendance_save(session=session, statuses=statuses) == 1
    assert session_attendance_summary(session=session).rate == "80%"
