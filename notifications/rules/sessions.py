"""A session's documents published to its delegates (sessions.SessionDocument.published_at,
which may be a time set in advance): to the delegates of the session's term who have a login,
one line per session and day of publication, linking to the session in the delegates' room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate, day
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
