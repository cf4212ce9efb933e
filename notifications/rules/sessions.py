"""What a session's delegates are told, to the delegates of the session's term who have a login:

- its documents published (sessions.SessionDocument.published_at, which may be a time set in
  advance): one line per session and day of publication, linking to the session in the
  delegates' room;
- its registrations to question closing (Session.question_registration_closes): the rule's days
  before the closing day and on it, while the closing time has not passed, linking to the
  delegate's registration form for the session (a question)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate, day
from notifications.schedule import horizon, occurrence
from sessions.models import Session, SessionDocument

# How far back the scan looks: a publication the scan missed for a day is still told.
LOOK_BACK = dt.timedelta(days=2)


def documents_published(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    now = timezone.now()
    rows = (
        SessionDocument.objects.filter(published_at__gt=now - LOOK_BACK, published_at__lte=now)
        .annotate(day=TruncDate("published_at", tzinfo=timezone.get_current_timezone()))
        .values("session_id", "session__number", "session__term_id", "day")
        .annotate(documents=Count("pk"))
        .order_by("session_id", "day")
    )
    for row in rows:
        users = recipients.delegates_of(row["session__term_id"])
        if not users:
            continue
        published = row["day"]
        yield Candidate(
            user_ids=users,
            item=Session(pk=row["session_id"]),
            due_date=published,
            occurrence=published,
            title=_("Kỳ họp thứ %(number)s: tài liệu được công bố ngày %(day)s")
            % {
                "number": row["session__number"],
                "day": day(published),
            },
            url=reverse("delegates:session", args=[row["session_id"]]),
        )


def question_registration_closing(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    now = timezone.now()
    zone = timezone.get_current_timezone()
    # The closing days that may have a reminder due today: up to the rule's farthest day.
    before = dt.datetime.combine(horizon(rule=rule, today=today) + dt.timedelta(days=1), dt.time())
    rows = (
        Session.objects.filter(
            question_registration_closes__gt=now,
            question_registration_closes__lt=before.replace(tzinfo=zone),
        )
        .exclude(status=Session.Status.CLOSED)
        .values_list("pk", "number", "term_id", "question_registration_closes")
        .order_by("question_registration_closes", "pk")
    )
    for pk, number, term_id, closes in rows:
        local = timezone.localtime(closes, zone)
        deadline = local.date()
        when = occurrence(rule=rule, deadline=deadline, today=today)
        users = recipients.delegates_of(term_id)
        if when is None or not users:
            continue
        if deadline == today:
            title = _("Kỳ họp thứ %(number)s: hôm nay hết hạn đăng ký chất vấn, lúc %(time)s")
        else:
            title = _(
                "Kỳ họp thứ %(number)s: còn %(left)s ngày đến hạn đăng ký chất vấn "
                "(%(time)s ngày %(day)s)"
            )
        yield Candidate(
            user_ids=users,
            item=Session(pk=pk),
            due_date=deadline,
            occurrence=when,
            title=title
            % {
                "number": number,
                "time": local.strftime("%H:%M"),
                "day": day(deadline),
                "left": (deadline - today).days,
            },
            url=reverse("delegates:registration_create", args=[pk])
            + "?"
            + urlencode({"loai": "question"}),
        )
