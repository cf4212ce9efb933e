"""The reminder scan: which lines fall due on which day, once per item, rule and occurrence,
to whom; the opt-out; a report ready told once whichever path tells it."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import connection, connections
from django.db.utils import IntegrityError

from accounts.services import user_create_with_role
from core.roles import Role
from council.models import Council, Term
from notifications.models import Channel, Event, Notification, NotificationRule
from notifications.services import notification_send, preferences_save, reminders_scan
from oversight.models import OversightRecommendation
from oversight.services import recommendation_save
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

D = dt.date
DEADLINE = D(2019, 6, 14)


def _lines(**filters) -> list[Notification]:
    return list(Notification.objects.filter(**filters).order_by("user_id", "occurrence"))


def test_a_recommendation_two_days_from_its_deadline_tells_the_secretariat_and_its_ban_once(
    rule, staff, ban_member, leader_user, make_recommendation
):
    recommendation = make_recommendation(deadline=DEADLINE)
    today = DEADLINE - dt.timedelta(days=2)
    reminders_scan(today=today)
    reminders_scan(today=today)  # a second run of the day creates nothing
    lines = _lines()
    assert [line.user for line in lines] == [staff, ban_member]
    assert {(line.item, line.due_date, line.occurrence) for line in lines} == {
        (recommendation, DEADLINE, today)
    }
    assert "còn 2 ngày đến hạn (14/06/2019)" in lines[0].title
    assert "UBND tỉnh" in lines[0].title
    assert lines[0].url == recommendation.get_absolute_url()
    assert lines[0].in_app and lines[0].email  # the rule's defaults; the staff has an address


def test_reminders_fall_due_before_on_and_weekly_after_the_deadline(
    rule, staff, make_recommendation
):
    make_recommendation(deadline=DEADLINE)
    counts = []
    for offset in (-9, -7, -5, -2, -1, 0, 1, 3, 7, 8, 14, 15):
        reminders_scan(today=DEADLINE + dt.timedelta(days=offset))
        counts.append(Notification.objects.count())
    # D-7, D-2, D, then D+1, D+8, D+15 (the first day overdue and each week after).
    assert counts == [0, 1, 1, 2, 2, 3, 4, 4, 4, 5, 5, 6]
    occurrences = sorted(Notification.objects.values_list("occurrence", flat=True))
    assert [(o - DEADLINE).days for o in occurrences] == [-7, -2, 0, 1, 8, 15]


def test_a_scan_that_missed_days_catches_up_with_the_latest_reminder_only(
    rule, staff, make_recommendation
):
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE - dt.timedelta(days=1))
    assert [(n.occurrence - DEADLINE).days for n in _lines()] == [-2]


def test_a_done_recommendation_and_an_inactive_rule_remind_nobody(rule, staff, make_recommendation):
    done = make_recommendation(deadline=DEADLINE)
    done.status = OversightRecommendation.Status.DONE
    done.completed_date = DEADLINE
    recommendation_save(recommendation=done)
    reminders_scan(today=DEADLINE)
    assert _lines() == []
    make_recommendation(deadline=DEADLINE)
    NotificationRule.objects.filter(pk=rule.pk).update(active=False)
    reminders_scan(today=DEADLINE)
    assert _lines() == []


def test_the_rule_is_data_days_before_changed_by_an_administrator(rule, staff, make_recommendation):
    rule.days_before = "10"
    rule.on_the_day = False
    rule.full_clean()
    rule.save()
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE - dt.timedelta(days=2))
    reminders_scan(today=DEADLINE)
    assert [(n.occurrence - DEADLINE).days for n in _lines()] == [-10]


def test_rule_days_are_validated(rule):
    from django.core.exceptions import ValidationError

    rule.days_before = "7, hai"
    with pytest.raises(ValidationError):
        rule.full_clean()
    rule.days_before = "2,7, 7"
    rule.full_clean()
    assert rule.days_before == "7, 2"


def test_a_user_who_opted_out_receives_nothing(rule, staff, other_staff, make_recommendation):
    preferences_save(
        user=other_staff,
        choices={(rule.pk, Channel.IN_APP): False, (rule.pk, Channel.EMAIL): False},
    )
    preferences_save(user=staff, choices={(rule.pk, Channel.EMAIL): False})
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    lines = _lines()
    assert [(n.user, n.in_app, n.email) for n in lines] == [(staff, True, False)]


def test_a_user_of_another_council_is_not_told(rule, staff, make_recommendation):
    commune = Council.objects.create(
        name="HĐND xã Khác",
        short_name="HĐND xã Khác",
        parent=Council.objects.get(),
        place_name="Khác",
    )
    Term.objects.create(council=commune, ordinal=1, roman="I", start_date=D(2016, 6, 1))
    stranger = user_create_with_role(
        username="xa.khac", password=PASSWORD, role=Role.STAFF, council=commune, email="x@x.vn"
    )
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    assert [n.user for n in _lines()] == [staff]
    assert not Notification.objects.filter(user=stranger).exists()


def test_the_unique_constraint_refuses_a_second_line_for_the_same_occurrence(
    rule, staff, make_recommendation
):
    make_recommendation(deadline=DEADLINE)
    reminders_scan(today=DEADLINE)
    line = Notification.objects.get()
    line.pk = None
    with pytest.raises(IntegrityError):
        line.save()


def test_a_report_ready_is_told_once_by_the_task_and_the_scan(
    notification_rules, leader_user, council, term
):
    from django.utils import timezone

    from reports.models import ReportRequest
    from reports.services import annual_report_request

    request = annual_report_request(council=council, year=2019, user=leader_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(
        status=ReportRequest.Status.DONE, finished_at=timezone.now()
    )
    request.refresh_from_db()
    from notifications.rules.reports import report_ready_candidate

    candidate = report_ready_candidate(request)
    notification_send(
        event=Event.REPORT_READY,
        user_ids=candidate.user_ids,
        item=request,
        title=candidate.title,
        url=candidate.url,
        day=candidate.occurrence,
    )
    reminders_scan(today=timezone.localdate())
    line = Notification.objects.get()
    assert line.user == leader_user and line.item == request
    assert "đã tạo xong" in line.title


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_scans_create_one_line_per_item_and_occurrence(
    notification_rules, staff, ban_member, make_recommendation
):
    for offset in range(20):
        make_recommendation(deadline=DEADLINE + dt.timedelta(days=offset % 3))
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def scan() -> None:
        try:
            barrier.wait(timeout=10)
            reminders_scan(today=DEADLINE)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert connection.vendor == "postgresql"
    # 20 recommendations x 2 users, each once, whichever scan inserted it.
    assert Notification.objects.count() == 40
