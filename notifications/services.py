"""Writes of the notifications: the reminder scan, a notification sent by the app where
something happened, the mails (the daily digest, the immediate ones) with their bookkeeping,
reading and preferences.

Idempotent by construction: a notification is unique per (user, rule, item, due date,
occurrence) in the database and inserted with ON CONFLICT DO NOTHING (bulk_create with
ignore_conflicts), so a scan run twice, or by two workers at once, or again after a worker was
killed, creates each line once. A mail line is an EmailDelivery, one-to-one with its
notification, claimed before sending: it goes out in one mail only (a worker killed between
the SMTP server's acceptance and the database's note is the one case where a mail may go twice,
never a case where a line is lost)."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications.channels import EmailChannel
from notifications.models import (
    Channel,
    Digest,
    EmailDelivery,
    Event,
    Notification,
    NotificationPreference,
    NotificationRule,
)
from notifications.recipients import Recipients
from notifications.rules import Candidate, describe, evaluate

logger = logging.getLogger(__name__)

# A claim on a mail older than this was a worker that died: another run takes it over.
CLAIM_STALE_AFTER = dt.timedelta(minutes=10)

# The rules a new installation starts with (migration 0002); administrators adjust them.
DEFAULT_RULES: dict[str, dict[str, Any]] = {
    Event.RECOMMENDATION_DEADLINE: {
        "days_before": "7, 2",
        "on_the_day": True,
        "weekly_overdue": True,
    },
    Event.PETITION_ANSWER_OVERDUE: {"weekly_overdue": True},
    Event.CASE_DEADLINE: {"days_before": "3", "on_the_day": True, "weekly_overdue": True},
    Event.SESSION_DOCUMENTS_PUBLISHED: {},
    Event.QUESTION_REGISTRATION_CLOSING: {"days_before": "2", "on_the_day": True},
    Event.REPORT_READY: {"delivery": NotificationRule.Delivery.IMMEDIATE},
    Event.IMPORT_FINISHED: {"email": False, "delivery": NotificationRule.Delivery.IMMEDIATE},
}


def notification_rules_seed() -> list[NotificationRule]:
    """Create the rules an installation lacks, leaving the ones it has as adjusted."""
    rules = []
    for event, values in DEFAULT_RULES.items():
        rule, _created = NotificationRule.objects.get_or_create(event=event, defaults=values)
        rules.append(rule)
    return rules


@dataclass(frozen=True)
class ScanResult:
    rules: int
    candidates: int
    lines: int  # lines offered to the database (duplicates of earlier runs are ignored there)


def _choices(rule: NotificationRule, user_ids: Iterable[int]) -> dict[tuple[int, str], bool]:
    return {
        (user_id, channel): enabled
        for user_id, channel, enabled in NotificationPreference.objects.filter(
            rule=rule, user_id__in=list(user_ids)
        ).values_list("user_id", "channel", "enabled")
    }


def notifications_create(*, rule: NotificationRule, candidates: Sequence[Candidate]) -> int:
    """Insert the lines of `candidates` that do not exist yet, with each user's channels (the
    rule's defaults unless the user chose); a user who wants neither channel gets no line.
    Returns the lines offered."""
    user_ids = {user_id for candidate in candidates for user_id in candidate.user_ids}
    if not user_ids:
        return 0
    choices = _choices(rule, user_ids)
    emails = dict(
        get_user_model().objects.filter(pk__in=user_ids, is_active=True).values_list("pk", "email")
    )
    types: dict[type, ContentType] = {}
    rows = []
    for candidate in candidates:
        model = type(candidate.item)
        if model not in types:
            types[model] = ContentType.objects.get_for_model(model)
        for user_id in candidate.user_ids:
            if user_id not in emails:  # inactive
                continue
            in_app = choices.get((user_id, Channel.IN_APP), rule.in_app)
            email = choices.get((user_id, Channel.EMAIL), rule.email) and bool(emails[user_id])
            if not (in_app or email):
                continue
            rows.append(
                Notification(
                    user_id=user_id,
                    rule=rule,
                    item_type=types[model],
                    item_id=candidate.item.pk,
                    due_date=candidate.due_date,
                    occurrence=candidate.occurrence,
                    title=candidate.title[:400],
                    url=candidate.url[:500],
                    in_app=in_app,
                    email=email,
                )
            )
    # ON CONFLICT DO NOTHING (PostgreSQL), INSERT OR IGNORE (SQLite): the unique constraint
    # decides, so concurrent scans cannot both insert a line.
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    return len(rows)


def reminders_scan(*, today: dt.date) -> ScanResult:
    """Evaluate every active rule for `today` and create the lines that fall due. Each rule's
    lines are inserted in their own statements: a rule that fails (logged) does not stop the
    others, and a run killed midway is completed by the next one."""
    recipients = Recipients()
    rules = list(NotificationRule.objects.filter(active=True).order_by("pk"))
    total_candidates = total_lines = 0
    for rule in rules:
        try:
            candidates = evaluate(rule=rule, today=today, recipients=recipients)
            with transaction.atomic():
                total_lines += notifications_create(rule=rule, candidates=candidates)
        except Exception:
            logger.exception("Reminder rule %s failed", rule.event)
            continue
        total_candidates += len(candidates)
    return ScanResult(rules=len(rules), candidates=total_candidates, lines=total_lines)


def notification_send(
    *,
    event: str,
    user_ids: Sequence[int],
    item: Any,
    title: str,
    url: str,
    day: dt.date | None = None,
) -> int:
    """Tell `user_ids` about `item` now, for an event that happens in another app (a report
    ready, an import finished): under the event's rule, once per item and day, with the mails
    the rule sends at once going out after the caller's transaction commits. Nothing when the
    rule is switched off."""
    rule = NotificationRule.objects.filter(event=event, active=True).first()
    if rule is None:
        return 0
    day = day or timezone.localdate()
    candidate = Candidate(
        user_ids=user_ids, item=item, due_date=day, occurrence=day, title=title, url=url
    )
    with transaction.atomic():
        offered = notifications_create(rule=rule, candidates=[candidate])
    if rule.delivery == NotificationRule.Delivery.IMMEDIATE:
        transaction.on_commit(lambda: immediate_emails_send(user_ids=list(user_ids)))
    return offered


def notification_send_quietly(*, event: str, item: Any) -> None:
    """Tell about `item` now, for a caller whose own work must never fail for it (a report's
    render): the event's evaluator words the line (rules.describe), notification_send sends it,
    and any error is logged; the next scan catches up where the event has an evaluator."""
    try:
        candidate = describe(event=event, item=item)
        if candidate is None:
            return
        notification_send(
            event=event,
            user_ids=candidate.user_ids,
            item=candidate.item,
            title=candidate.title,
            url=candidate.url,
            day=candidate.occurrence,
        )
    except Exception:
        logger.exception("Notification %s of %r not sent", event, item)


def _claimable(now: dt.datetime) -> Q:
    return Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_STALE_AFTER)


def _pending_lines() -> Any:
    """Lines to mail that no mail has taken yet."""
    return Notification.objects.filter(email=True, delivery__isnull=True)


def _stale_lines(now: dt.datetime) -> Any:
    """Lines a mail took but did not send: its worker died, or the SMTP server refused (the
    claim was then released)."""
    return EmailDelivery.objects.filter(_claimable(now), sent_at__isnull=True)


def _claim_lines(
    *, notification_ids: Iterable[int], claim: str, now: dt.datetime, digest: Digest | None
) -> None:
    EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(notification_id=pk, digest=digest, claim=claim, claimed_at=now)
            for pk in notification_ids
        ],
        ignore_conflicts=True,
        batch_size=500,
    )


def immediate_emails_send(
    *, user_ids: Sequence[int] | None = None, now: dt.datetime | None = None
) -> int:
    """Mail at once the lines whose rule says so, one mail a line. Returns the mails sent."""
    now = now or timezone.now()
    claim = uuid.uuid4().hex
    pending = _pending_lines().filter(rule__delivery=NotificationRule.Delivery.IMMEDIATE)
    stale = _stale_lines(now).filter(
        digest__isnull=True,
        notification__rule__delivery=NotificationRule.Delivery.IMMEDIATE,
    )
    if user_ids is not None:
        pending = pending.filter(user_id__in=user_ids)
        stale = stale.filter(notification__user_id__in=user_ids)
    _claim_lines(
        notification_ids=pending.values_list("pk", flat=True), claim=claim, now=now, digest=None
    )
    stale.update(claim=claim, claimed_at=now)
    mine = EmailDelivery.objects.filter(claim=claim, sent_at__isnull=True).select_related(
        "notification__user"
    )
    channel = EmailChannel(digest=False)
    sent = 0
    for delivery in mine:
        notification = delivery.notification
        try:
            channel.send(notification.user, [notification])
        except Exception:
            logger.exception("Mail of notification %s not sent", notification.pk)
            EmailDelivery.objects.filter(pk=delivery.pk).update(claimed_at=None, claim="")
            continue
        EmailDelivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


def digest_send(*, user: Any, day: dt.date, now: dt.datetime | None = None) -> int:
    """The user's one mail of `day` listing every line not mailed yet. Returns the lines sent
    (0: nothing to send, already sent today, or another worker is sending it)."""
    now = now or timezone.now()
    digest, _created = Digest.objects.get_or_create(user=user, day=day)
    if digest.sent_at is not None:
        return 0
    claim = uuid.uuid4().hex
    claimed = Digest.objects.filter(_claimable(now), pk=digest.pk, sent_at__isnull=True).update(
        claim=claim, claimed_at=now
    )
    if not claimed:
        return 0
    _claim_lines(
        notification_ids=_pending_lines().filter(user=user).values_list("pk", flat=True),
        claim=claim,
        now=now,
        digest=digest,
    )
    # Lines of an earlier attempt that died, in this digest or taken for an immediate mail.
    _stale_lines(now).filter(notification__user=user).update(
        digest=digest, claim=claim, claimed_at=now
    )
    lines = list(
        EmailDelivery.objects.filter(digest=digest, sent_at__isnull=True)
        .select_related("notification")
        .order_by("notification__due_date", "notification__pk")
    )
    if not lines:
        # Nothing to say today yet: the day stays open for lines made later today.
        Digest.objects.filter(pk=digest.pk, claim=claim, sent_at__isnull=True).delete()
        return 0
    try:
        EmailChannel(digest=True).send(user, [line.notification for line in lines])
    except Exception:
        logger.exception("Digest of user %s for %s not sent", user.pk, day)
        Digest.objects.filter(pk=digest.pk, claim=claim).update(claimed_at=None, claim="")
        EmailDelivery.objects.filter(pk__in=[line.pk for line in lines]).update(claimed_at=None)
        return 0
    sent_at = timezone.now()
    EmailDelivery.objects.filter(pk__in=[line.pk for line in lines]).update(sent_at=sent_at)
    Digest.objects.filter(pk=digest.pk).update(sent_at=sent_at)
    return len(lines)


def digests_send(*, day: dt.date, now: dt.datetime | None = None) -> int:
    """Every user's digest of `day` that has lines to send. Returns the lines sent."""
    now = now or timezone.now()
    user_ids = set(_pending_lines().values_list("user_id", flat=True).distinct())
    user_ids |= set(_stale_lines(now).values_list("notification__user_id", flat=True).distinct())
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("pk")
    return sum(digest_send(user=user, day=day, now=now) for user in users)


@dataclass(frozen=True)
class RemindersRun:
    scan: ScanResult
    immediate: int
    digest_lines: int


def reminders_run(*, now: dt.datetime | None = None, digests: bool | None = None) -> RemindersRun:
    """What the periodic task and `manage.py send_reminders` do: the scan for today, the
    immediate mails left, and the digests when their hour has come
    (NOTIFICATIONS_DIGEST_HOUR, local time; `digests` forces or skips them)."""
    now = now or timezone.now()
    local = timezone.localtime(now)
    scan = reminders_scan(today=local.date())
    immediate = immediate_emails_send(now=now)
    if digests is None:
        digests = local.hour >= settings.NOTIFICATIONS_DIGEST_HOUR
    lines = digests_send(day=local.date(), now=now) if digests else 0
    return RemindersRun(scan=scan, immediate=immediate, digest_lines=lines)


# Rows deleted per statement by the purge: short transactions, no long lock on the table.
PURGE_BATCH = 1000


@dataclass(frozen=True)
class PurgeResult:
    read: int
    unread: int
    digests: int


def _delete_in_batches(queryset: Any, batch: int) -> int:
    """Delete the rows of `queryset` a batch at a time (each its own statement and transaction,
    EmailDelivery rows going with their notification); a purge killed midway is finished by
    the next."""
    deleted = 0
    while True:
        ids = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            return deleted
        with transaction.atomic():
            deleted += (
                queryset.model.objects.filter(pk__in=ids)
                .delete()[1]
                .get(queryset.model._meta.label, 0)
            )


def notifications_purge(
    *, now: dt.datetime | None = None, keep_days: int | None = None, batch: int = PURGE_BATCH
) -> PurgeResult:
    """Delete the lines read and made more than `keep_days` ago (NOTIFICATIONS_KEEP_DAYS), and
    the unread ones made more than twice that ago: nobody reads a reminder that old, and the
    table would otherwise grow for ever. A deleted line does not come back: the scan makes only
    the occurrence due today, never one of months ago. Then the digests of days before every line still
    kept: a digest lists only lines made on or before its day, all gone by then (deleting a
    digest with lines would delete their EmailDelivery and mail them again)."""
    now = now or timezone.now()
    keep = dt.timedelta(days=settings.NOTIFICATIONS_KEEP_DAYS if keep_days is None else keep_days)
    read = _delete_in_batches(
        Notification.objects.filter(read_at__isnull=False, created_at__lt=now - keep), batch
    )
    unread_cutoff = now - 2 * keep
    unread = _delete_in_batches(
        Notification.objects.filter(read_at__isnull=True, created_at__lt=unread_cutoff), batch
    )
    digests = _delete_in_batches(
        Digest.objects.filter(
            day__lt=timezone.localdate(unread_cutoff) - dt.timedelta(days=1), lines__isnull=True
        ),
        batch,
    )
    return PurgeResult(read=read, unread=unread, digests=digests)


def notification_mark_read(*, user: Any, notification_id: int) -> bool:
    """Mark one of the user's lines read; False when it was read already or is not theirs (a
    conditional UPDATE: reading it twice keeps the first time)."""
    return bool(
        Notification.objects.filter(pk=notification_id, user=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )


def notifications_mark_all_read(*, user: Any) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def preferences_save(*, user: Any, choices: dict[tuple[int, str], bool]) -> None:
    """Keep the user's choice for each (rule, channel): a row only where it differs from the
    rule's default, so a later change of the default reaches everyone who did not choose."""
    rules = {rule.pk: rule for rule in NotificationRule.objects.all()}
    for (rule_id, channel), enabled in choices.items():
        rule = rules.get(rule_id)
        if rule is None:
            continue
        if enabled == rule.default_for(channel):
            NotificationPreference.objects.filter(user=user, rule=rule, channel=channel).delete()
        else:
            NotificationPreference.objects.update_or_create(
                user=user, rule=rule, channel=channel, defaults={"enabled": enabled}
            )
