"""The mails: one digest a day per user listing the day's lines, each line mailed once; the
immediate ones; the console by default; nothing personal of a citizen in any mail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Channel, Digest, EmailDelivery, Notification, NotificationRule
from notifications.services import (
    digests_send,
    immediate_emails_send,
    notification_send,
    preferences_save,
    reminders_run,
    reminders_scan,
)

pytestmark = pytest.mark.django_db

D = dt.date
DEADLINE = D(2019, 6, 14)


def test_the_digest_lists_the_days_lines_in_one_mail_per_user_and_is_sent_once(
    rule, staff, ban_member, make_recommendation
):
    make_recommendation(deadline=DEADLINE, content="Đẩy nhanh giải phóng mặt bằng dự án A")
    make_recommendation(deadline=DEADLINE, content="Công khai quy hoạch sử dụng đất")
    reminders_scan(today=DEADLINE)
    assert digests_send(day=DEADLINE) == 4
    assert sorted(m.to[0] for m in mail.outbox) == ["ban@hdnd.example", "chuyenvien.a@hdnd.example"]
    body = next(m.body for m in mail.outbox if m.to == ["chuyenvien.a@hdnd.example"])
    assert "Đẩy nhanh giải phóng mặt bằng dự án A" in body
    assert "Công khai quy hoạch sử dụng đất" in body
    assert "http://127.0.0.1:8000/giam-sat/" in body
    # Run again the same day, and the day after with no new line: nothing more is mailed.
    assert digests_send(day=DEADLINE) == 0
    assert digests_send(day=DEADLINE + dt.timedelta(days=1)) == 0
    assert len(mail.outbox) == 2
    assert EmailDelivery.objects.filter(sent_at__isnull=False).count() == 4


def test_lines_made_after_the_days_digest_wait_for_the_next_days(rule, staff, make_recommendation):
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    digests_send(day=DEADLINE)
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    assert digests_send(day=DEADLINE) == 0
    assert digests_send(day=DEADLINE + dt.timedelta(days=1)) == 1
    assert len(mail.outbox) == 2


def test_a_digest_claimed_by_a_worker_that_died_is_sent_by_the_next_run(
    rule, staff, make_recommendation
):
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    long_ago = timezone.now() - dt.timedelta(hours=1)
    # What a worker killed after claiming, before sending, leaves behind.
    digest = Digest.objects.create(user=staff, day=DEADLINE, claim="dead", claimed_at=long_ago)
    EmailDelivery.objects.create(
        notification=Notification.objects.get(), digest=digest, claim="dead", claimed_at=long_ago
    )
    assert digests_send(day=DEADLINE) == 1
    assert len(mail.outbox) == 1
    assert Digest.objects.get().sent_at is not None


def test_a_failing_smtp_server_leaves_the_lines_for_the_next_run(
    rule, staff, make_recommendation, settings
):
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    assert digests_send(day=DEADLINE) == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digests_send(day=DEADLINE) == 1
    assert len(mail.outbox) == 1


def test_a_user_who_opted_out_of_mail_gets_none(rule, staff, make_recommendation):
    preferences_save(user=staff, choices={(rule.pk, Channel.EMAIL): False})
    make_recommendation(deadline=DEADLINE)
    reminders_run(now=timezone.make_aware(dt.datetime(2019, 6, 14, 9)), digests=True)
    assert Notification.objects.get().in_app
    assert mail.outbox == []


def test_an_immediate_rule_mails_at_once_and_only_once(
    notification_rules, staff, council, django_capture_on_commit_callbacks
):
    from council.models import Organization

    item = Organization.objects.create(name="Sở Tài chính")
    notification_send(
        event="import_finished", user_ids=[staff.pk], item=item, title="Nhập xong 12 dòng", url="/"
    )
    assert mail.outbox == []  # the default rule for imports mails nobody
    NotificationRule.objects.filter(event="import_finished").update(email=True)
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            event="import_finished",
            user_ids=[staff.pk],
            item=item,
            title="Nhập xong 12 dòng",
            url="/",
            day=D(2019, 1, 2),
        )
    assert [m.subject for m in mail.outbox] == ["[Văn phòng HĐND] Nhập xong 12 dòng"]
    assert immediate_emails_send() == 0
    assert digests_send(day=D(2019, 1, 2)) == 0
    assert len(mail.outbox) == 1


def test_make_run_prints_mails_on_the_console_by_default():
    from config.settings import base

    assert base.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
