"""Recommendations after supervision (oversight.OversightRecommendation): N days before and on
the deadline, and weekly while overdue, to the council's secretariat staff and the members of
the Ban that follows the activity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate, day
from notifications.schedule import horizon, occurrence
from oversight.models import OversightRecommendation


def recommendation_deadlines(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    qs = OversightRecommendation.objects.filter(
        deadline__isnull=False, deadline__lte=horizon(rule=rule, today=today)
    ).exclude(status=OversightRecommendation.Status.DONE)
    if not rule.weekly_overdue:
        qs = qs.filter(deadline__gte=today)
    rows = qs.values_list(
        "pk",
        "deadline",
        "activity__term__council_id",
        "activity__committee_id",
        "addressee__short_name",
        "addressee__name",
        "content",
    ).order_by("deadline", "pk")
    for pk, deadline, council_id, committee_id, short_name, name, content in rows.iterator(
        chunk_size=2000
    ):
        when = occurrence(rule=rule, deadline=deadline, today=today)
        if when is None:
            continue
        users = sorted(
            set(recipients.staff_of(council_id)) | set(recipients.ban_members(committee_id))
        )
        if not users:
            continue
        agency = short_name or name
        if deadline < today:
            title = _(
                "Kiến nghị sau giám sát «%(subject)s» gửi %(agency)s quá hạn %(days)s ngày (hạn %(deadline)s)"
            )
        elif deadline == today:
            title = _(
                "Kiến nghị sau giám sát «%(subject)s» gửi %(agency)s đến hạn hôm nay (%(deadline)s)"
            )
        else:
            title = _(
                "Kiến nghị sau giám sát «%(subject)s» gửi %(agency)s còn %(left)s ngày đến hạn (%(deadline)s)"
            )
        item = OversightRecommendation(pk=pk)
        yield Candidate(
            user_ids=users,
            item=item,
            due_date=deadline,
            occurrence=when,
            title=title
            % {
                "subject": Truncator(" ".join(content.split())).chars(90),
                "agency": agency,
                "deadline": day(deadline),
                "days": (today - deadline).days,
                "left": (deadline - today).days,
            },
            url=item.get_absolute_url(),
        )
