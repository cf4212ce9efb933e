"""Complaint and denunciation cases (voters.Case): the deadlines of their letters stored by
voters.casework.deadlines (the office's processing deadline while a letter is not processed,
the competent body's answer deadline while the case waits for it), to the case's handler
(else whoever entered it; a case nobody handles, to the council's secretariat staff). A line names the case by its number and kind, never by its title:
a case's title may name the citizen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext as _

from notifications.models import NotificationRule
from notifications.recipients import Recipients
from notifications.rules import Candidate, day
from notifications.schedule import horizon, occurrence
from voters.models import Case, Letter

CASE_KINDS = (Letter.Kind.COMPLAINT, Letter.Kind.DENUNCIATION)


def case_deadlines(
    *, rule: NotificationRule, today: dt.date, recipients: Recipients
) -> Iterator[Candidate]:
    latest = horizon(rule=rule, today=today)
    earliest = dt.date.min if rule.weekly_overdue else today
    processing = Q(
        processed_date__isnull=True,
        processing_due__isnull=False,
        processing_due__lte=latest,
        processing_due__gte=earliest,
    )
    answer = Q(
        forwarded_date__isnull=False,
        answer_due__isnull=False,
        answer_due__lte=latest,
        answer_due__gte=earliest,
    )
    letters = (
        Letter.objects.filter(processing | answer)
        .filter(case__status=Case.Status.OPEN, case__kind__in=CASE_KINDS)
        .values_list(
            "case_id",
            "case__year",
            "case__seq",
            "case__kind",
            "case__handler_id",
            "case__created_by_id",
            "case__council_id",
            "processed_date",
            "processing_due",
            "forwarded_date",
            "answer_due",
        )
        .order_by("case_id", "pk")
    )
    kinds = dict(Letter.Kind.choices)
    seen: set[tuple[int, dt.date]] = set()
    for (
        case_id,
        year,
        seq,
        kind,
        handler_id,
        creator_id,
        council_id,
        processed,
        processing_due,
        forwarded,
        answer_due,
    ) in letters.iterator(chunk_size=2000):
        user_id = handler_id or creator_id
        users = [user_id] if user_id is not None else recipients.staff_of(council_id)
        if not users:
            continue
        deadlines = []
        if processed is None and processing_due is not None:
            deadlines.append((processing_due, _("hạn xử lý đơn")))
        if forwarded is not None and answer_due is not None:
            deadlines.append((answer_due, _("hạn cơ quan có thẩm quyền trả lời")))
        for deadline, what in deadlines:
            when = occurrence(rule=rule, deadline=deadline, today=today)
            if when is None or (case_id, deadline) in seen:
                continue
            seen.add((case_id, deadline))
            if deadline < today:
                state = _("quá hạn %(days)s ngày") % {"days": (today - deadline).days}
            elif deadline == today:
                state = _("đến hạn hôm nay")
            else:
                state = _("còn %(days)s ngày") % {"days": (deadline - today).days}
            item = Case(pk=case_id)
            yield Candidate(
                user_ids=users,
                item=item,
                due_date=deadline,
                occurrence=when,
                title=_("Vụ việc số %(number)s (%(kind)s): %(what)s %(deadline)s, %(state)s")
                % {
                    "number": f"{seq:02d}/{year}",
                    "kind": str(kinds.get(kind, kind)).lower(),
                    "what": what,
                    "deadline": day(deadline),
                    "state": state,
                },
                url=item.get_absolute_url(),
            )
