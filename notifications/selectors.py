"""Reads of the notification centre: always one user's own lines."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils.translation import gettext as _

from notifications.models import Channel, Notification, NotificationPreference, NotificationRule

READ = "read"
UNREAD = "unread"


def notification_list(*, user: Any, state: str = "") -> QuerySet[Notification]:
    """The user's lines shown in the app, unread first, the newest first within each."""
    qs = Notification.objects.filter(user=user, in_app=True)
    if state == UNREAD:
        qs = qs.filter(read_at__isnull=True)
    elif state == READ:
        qs = qs.filter(read_at__isnull=False)
    return qs.annotate(
        unread=Case(
            When(read_at__isnull=True, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("unread", "-created_at", "-pk")


def unread_count(*, user: Any) -> int:
    """The bell's figure: one COUNT on the partial index of unread lines."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, in_app=True, read_at__isnull=True).count()


def rule_schedule_text(rule: NotificationRule) -> str:
    """When the rule tells, in words: "7, 2 ngày trước hạn; đúng ngày đến hạn; ..."."""
    parts = []
    if rule.days_before:
        parts.append(_("%(days)s ngày trước hạn") % {"days": rule.days_before})
    if rule.on_the_day:
        parts.append(_("đúng ngày đến hạn"))
    if rule.weekly_overdue:
        parts.append(_("hằng tuần khi quá hạn"))
    if not parts:
        parts.append(_("khi sự việc xảy ra"))
    if rule.delivery == NotificationRule.Delivery.IMMEDIATE:
        parts.append(_("thư gửi ngay"))
    return "; ".join(parts)


def preference_rows(*, user: Any) -> list[dict[str, Any]]:
    """Each active rule with the user's choice per channel (the rule's default where none)."""
    rules = list(NotificationRule.objects.filter(active=True).order_by("pk"))
    chosen = {
        (rule_id, channel): enabled
        for rule_id, channel, enabled in NotificationPreference.objects.filter(
            user=user
        ).values_list("rule_id", "channel", "enabled")
    }
    return [
        {
            "rule": rule,
            "when": rule_schedule_text(rule),
            "channels": [
                {
                    "code": channel,
                    "label": label,
                    "name": f"pref-{rule.pk}-{channel}",
                    "enabled": chosen.get((rule.pk, channel), rule.default_for(channel)),
                }
                for channel, label in Channel.choices
            ],
        }
        for rule in rules
    ]
