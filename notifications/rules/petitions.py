"""Voters' petitions forwarded and still unanswered past the answer deadline
(voters.selectors.overdue_q): weekly, to the council's secretariat staff, one line per agency
that owes answers (the agency the forwarding letters went to), counted in one grouped query.

The week counts from the agency's oldest overdue letter: its first day overdue, then every
seventh day, so each agency is named once a week however many of its letters are late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlencode

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.translation import gettext as _

from council.models import Organization
from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate, day
from notifications.schedule import occurrence
from voters import selectors as voter_selectors
from voters.models import VoterPetition


def overdue_by_agency(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    if not rule.weekly_overdue:
        return
    limit = dt.timedelta(days=voter_selectors.ANSWER_DEADLINE_DAYS)
    rows = (
        voter_selectors.counted_petitions(VoterPetition.objects.all())
        .filter(voter_selectors.overdue_q(today=today))
        .values("term__council_id", "batch__recipient_id", "batch__recipient__name")
        .annotate(
            petitions=Count("pk"), batches=Count("batch", distinct=True), oldest=Min("batch__date")
        )
        .order_by("term__council_id", "batch__recipient__name")
    )
    for row in rows:
        # The last day to answer; overdue from the next day (voters.selectors.overdue_q).
        deadline = row["oldest"] + limit
        when = occurrence(rule=rule, deadline=deadline, today=today)
        users = recipients.staff_of(row["term__council_id"])
        if when is None or not users:
            continue
        agency_id = row["batch__recipient_id"]
        yield Candidate(
            user_ids=users,
            item=Organization(pk=agency_id),
            due_date=deadline,
            occurrence=when,
            title=_(
                "%(agency)s chưa trả lời %(petitions)s kiến nghị cử tri (%(batches)s công văn "
                "chuyển), quá hạn từ %(since)s"
            )
            % {
                "agency": row["batch__recipient__name"],
                "petitions": row["petitions"],
                "batches": row["batches"],
                "since": day(deadline + dt.timedelta(days=1)),
            },
            url=reverse("voters:petition_overdue") + "?" + urlencode({"recipient": agency_id}),
        )
