"""Registrations to question closing (Session.question_registration_closes): the delegates of
the session's term are told the rule's days before the closing day and on it, once per
session and closing day, linking to their registration form; nobody when there is no closing
time or it has passed; a delegate who opted out is told nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from core.services import record_save
from council.models import Delegate
from notifications.models import Channel, Event, Notification, NotificationRule
from notifications.services import preferences_save, reminders_scan
from sessions.models import Session
from tests.delegates.conftest import delegate_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate_logins(term):
    return [
        delegate_login(Delegate.objects.create(term=term, full_name=name, birth_year=1970))
        for name in ("Hoàng Thị Đại Biểu", "Vàng A Páo")
    ]


@pytest.fixture
def make_session(term):
    def make(closes: dt.datetime | None) -> Session:
        return record_save(
            instance=Session(
                term=term,
                number=12,
                start_date=dt.date(2020, 12, 8),
                end_date=dt.date(2020, 12, 10),
                question_registration_closes=closes,
            )
        )

    return make


def _two_days_ahead() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=2)


def test_the_migration_seeds_the_rule_two_days_before_and_on_the_day():
    rule = NotificationRule.objects.get(event=Event.QUESTION_REGISTRATION_CLOSING)
    assert (rule.days, rule.on_the_day, rule.weekly_overdue, rule.active) == (
        [2],
        True,
        False,
        True,
    )


def test_each_delegate_is_told_once_two_days_before_the_closing(
    notification_rules, delegate_logins, make_session, staff
):
    closes = _two_days_ahead()
    session = make_session(closes)
    today = timezone.localdate()
    reminders_scan(today=today)
    reminders_scan(today=today)  # a second run of the day creates nothing
    lines = list(Notification.objects.order_by("user_id"))
    assert [line.user for line in lines] == [user for user, _client in delegate_logins]
    closing_day = timezone.localdate(closes)
    assert {(line.item, line.due_date, line.occurrence) for line in lines} == {
        (session, closing_day, today)
    }
    assert lines[0].title == (
        f"Kỳ họp thứ 12: còn 2 ngày đến hạn đăng ký chất vấn "
        f"({timezone.localtime(closes):%H:%M} ngày {closing_day:%d/%m/%Y})"
    )
    url = f"/dai-bieu/ky-hop/{session.pk}/dang-ky/?loai=question"
    assert lines[0].url == url
    # The link opens the delegate's registration form, a question already chosen.
    response = delegate_logins[0][1].get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["kind"] == "question"


def test_the_closing_day_tells_them_again_and_the_day_after_nothing(
    notification_rules, delegate_logins, make_session
):
    now = timezone.localtime()
    closes = now.replace(hour=23, minute=59, second=59, microsecond=0)
    if closes <= now:
        pytest.skip("the closing day ends in this very second")
    make_session(closes)
    reminders_scan(today=now.date())
    reminders_scan(today=now.date())
    lines = list(Notification.objects.all())
    assert len(lines) == 2
    assert {line.occurrence for line in lines} == {now.date()}
    assert lines[0].title == "Kỳ họp thứ 12: hôm nay hết hạn đăng ký chất vấn, lúc 23:59"


def test_no_closing_time_or_one_passed_tells_nobody(
    notification_rules, delegate_logins, make_session, term
):
    make_session(None)
    record_save(
        instance=Session(
            term=term,
            number=13,
            start_date=dt.date(2021, 4, 1),
            end_date=dt.date(2021, 4, 2),
            question_registration_closes=timezone.now() - dt.timedelta(minutes=1),
        )
    )
    reminders_scan(today=timezone.localdate())
    assert not Notification.objects.exists()


def test_too_early_tells_nobody_yet(notification_rules, delegate_logins, make_session):
    make_session(timezone.now() + dt.timedelta(days=5))
    reminders_scan(today=timezone.localdate())
    assert not Notification.objects.exists()


def test_a_delegate_who_opted_out_is_told_nothing(
    notification_rules, delegate_logins, make_session
):
    rule = notification_rules[Event.QUESTION_REGISTRATION_CLOSING]
    (opted_out, _client), (told, _other) = delegate_logins
    preferences_save(
        user=opted_out, choices={(rule.pk, Channel.IN_APP): False, (rule.pk, Channel.EMAIL): False}
    )
    make_session(_two_days_ahead())
    reminders_scan(today=timezone.localdate())
    assert [line.user for line in Notification.objects.all()] == [told]
