"""Attendance is written in bulk but still leaves its audit trail."""

import datetime as dt

import pytest

from council.models import Delegate
from sessions.models import Attendance, Session
from sessions.services import session_attendance_save

pytestmark = pytest.mark.django_db


def test_bulk_attendance_changes_are_audited(term, staff_user):
    session = Session.objects.create(
        term=term, number=5, start_date=dt.date(2019, 7, 1), end_date=dt.date(2019, 7, 2)
    )
    delegate = Delegate.objects.create(full_name="Lý Văn A", term=term)
    session_attendance_save(session=session, statuses={delegate.pk: "present"}, user=staff_user)
    session_attendance_save(session=session, statuses={delegate.pk: "excused"}, user=staff_user)
    row = Attendance.objects.get()
    assert [h.status for h in row.history.order_by("history_id")] == ["present", "excused"]
    assert row.history.first().history_user == staff_user
