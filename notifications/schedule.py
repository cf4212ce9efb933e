"""When a rule reminds about an item with a deadline: the one occurrence due on a given day.

Occurrences of a deadline D: D - n for each of the rule's days before, D itself when the rule
says "on the day", and D + 1 (the first day overdue), D + 8, D + 15 ... when the rule says
"weekly while overdue". The scan creates the latest occurrence not after today, so a day the
scan did not run is caught up the next day, and never more than one line per occurrence
(the unique constraint of Notification)."""

from __future__ import annotations

import datetime as dt

from notifications.models import NotificationRule

WEEK = 7


def occurrence(*, rule: NotificationRule, deadline: dt.date, today: dt.date) -> dt.date | None:
    """The occurrence of `deadline` due on `today`, None when none is (too early, or overdue
    without weekly reminders)."""
    if today > deadline:
        if not rule.weekly_overdue:
            return None
        first = deadline + dt.timedelta(days=1)
        return first + dt.timedelta(days=WEEK * ((today - first).days // WEEK))
    slots = [deadline - dt.timedelta(days=days) for days in rule.days]
    if rule.on_the_day:
        slots.append(deadline)
    due = [slot for slot in slots if slot <= today]
    return max(due) if due else None


def horizon(*, rule: NotificationRule, today: dt.date) -> dt.date:
    """The latest deadline that may have an occurrence due today (the farthest reminder)."""
    return today + dt.timedelta(days=max(rule.days, default=0))
