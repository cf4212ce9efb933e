"""The purge: lines read more than NOTIFICATIONS_KEEP_DAYS ago and unread ones more than twice
that go, in batches, with their mail bookkeeping and the digests left empty; everything newer
stays, and a deleted line is not made again by the scan. Beat runs it daily; without a broker,
`manage.py send_reminders --purge`."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from notifications.models import Digest, EmailDelivery, Notification
from notifications.services import digests_send, notifications_purge, reminders_scan
from notifications.tasks import purge_notifications

pytestmark = pytest.mark.django_db

DEADLINE = dt.date(2019, 6, 14)


@pytest.fixture
def aged(rule, staff, make_recommendation, mailoutbox):
    """Ten lines of the staff (two reminders of five recommendations), mailed in a digest, then
    aged: which are read, and how old each is."""
    for _n in range(5):
        make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE - dt.timedelta(days=7))
    reminders_scan(today=DEADLINE - dt.timedelta(days=2))
    digests_send(day=DEADLINE - dt.timedelta(days=2))
    lines = list(Notification.objects.order_by("pk"))
    assert len(lines) == 10 and EmailDelivery.objects.count() == 10
    now = timezone.now()
    ages = {  # index: (days old, read)
        0: (181, True),  # read, past 180 days: goes
        1: (181, True),
        2: (179, True),  # read, within: stays
        3: (181, False),  # unread, within 360: stays
        4: (359, False),
        5: (361, False),  # unread, past 360: goes
        6: (400, False),
        7: (1, False),
        8: (0, True),
        9: (365, True),  # read long ago: goes
    }
    for index, (days, read) in ages.items():
        Notification.objects.filter(pk=lines[index].pk).update(
            created_at=now - dt.timedelta(days=days), read_at=now if read else None
        )
    Digest.objects.update(day=timezone.localdate(now - dt.timedelta(days=400)))
    return lines


def test_old_read_lines_and_older_unread_ones_are_deleted_in_batches(aged):
    assert settings.NOTIFICATIONS_KEEP_DAYS == 180
    result = notifications_purge(batch=2)
    assert (result.read, result.unread) == (3, 2)
    kept = set(Notification.objects.values_list("pk", flat=True))
    assert kept == {aged[i].pk for i in (2, 3, 4, 7, 8)}
    # Their mail lines went with them; the digest still holds kept lines, so it stays.
    assert EmailDelivery.objects.count() == 5
    assert result.digests == 0 and Digest.objects.count() == 1
    # Nothing left to delete: a second run (a redelivered task) deletes nothing.
    assert notifications_purge() == type(result)(read=0, unread=0, digests=0)


def test_a_digest_goes_once_its_lines_are_gone_and_the_scan_makes_none_again(aged, rule):
    notifications_purge(keep_days=0)
    assert not Notification.objects.exists()
    assert not EmailDelivery.objects.exists()
    assert not Digest.objects.exists()
    # The scan of a later day makes only that day's occurrence, never the purged ones.
    reminders_scan(today=DEADLINE + dt.timedelta(days=3))
    assert set(Notification.objects.values_list("occurrence", flat=True)) == {
        DEADLINE + dt.timedelta(days=1)
    }


def test_keep_days_is_a_setting(aged, settings):
    settings.NOTIFICATIONS_KEEP_DAYS = 1
    result = notifications_purge()
    # Read and older than 1 day: 0, 1, 2, 9; unread and older than 2 days: 3, 4, 5, 6.
    assert (result.read, result.unread) == (4, 4)


def test_the_task_and_the_command_run_the_purge(aged):
    purge_notifications.run()
    assert Notification.objects.count() == 5
    out = StringIO()
    call_command("send_reminders", "--purge", stdout=out)
    assert out.getvalue().strip() == "Đã xóa thông báo đã đọc: 0; chưa đọc: 0; thư tổng hợp: 0"


def test_beat_runs_the_purge_daily():
    entry = settings.CELERY_BEAT_SCHEDULE["notifications-purge"]
    assert entry["task"] == "notifications.tasks.purge_notifications"
    # A crontab at one hour and minute of every day.
    assert entry["schedule"].hour == {3} and entry["schedule"].day_of_week == set(range(7))
