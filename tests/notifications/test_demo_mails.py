"""Nothing personal of a citizen in any mail: the demo's year of records, every rule scanned on
days its deadlines fall due, every digest sent, and each mail read for every sender's and
visitor's name, address, phone and ID number the demo holds."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from notifications.models import Notification
from notifications.services import digests_send, notification_rules_seed, reminders_scan

pytestmark = pytest.mark.django_db


def _personal_values() -> set[str]:
    values: set[str] = set()
    for label in ("voters.Letter", "voters.ReceptionVisit", "voters.CitizenReception"):
        model = apps.get_model(label)
        for field in model.PERSONAL_FIELDS:
            for value in model.objects.values_list(field, flat=True):
                # A visitors' list holds several names, one a line.
                values.update(part.strip() for part in str(value or "").splitlines())
    return {value for value in values if len(value) >= 6}


def test_no_mail_names_a_citizen():
    call_command("load_demo", "--with-users", verbosity=0)
    notification_rules_seed()
    users = get_user_model().objects.all()
    for user in users:
        user.email = f"{user.username}@hdnd.example"
        user.save(update_fields=["email"])
    for day in [dt.date(2019, month, 1) for month in range(2, 13)] + [dt.date(2020, 1, 15)]:
        reminders_scan(today=day)
        digests_send(day=day)
    personal = _personal_values()
    assert len(personal) > 20  # the demo's senders and visitors
    events = set(Notification.objects.order_by().values_list("rule__event", flat=True).distinct())
    # The demo's letters carry no stored deadlines (no legal limit was entered for 2019): the
    # cases' lines are read for citizens' names in test_sources and test_worker.
    assert {"recommendation_deadline", "petition_answer_overdue"} <= events
    assert len(mail.outbox) >= 2
    for message in mail.outbox:
        text = message.subject + "\n" + message.body
        leaked = sorted(value for value in personal if value in text)
        assert leaked == [], f"{message.to}: {leaked}"
