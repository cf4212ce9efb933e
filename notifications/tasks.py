"""Celery tasks: thin adapters around the services (the beat schedule in config.settings.base
names send_reminders and purge_notifications)."""

from __future__ import annotations

from celery import shared_task

from notifications.services import notifications_purge, reminders_run


# acks_late + reject_on_worker_lost: a worker killed mid-run gives the task back to the broker;
# running it again is harmless (the scan is idempotent, the mails are claimed line by line).
@shared_task(ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def send_reminders() -> None:
    reminders_run()


# Idempotent too: a second run finds nothing left to delete.
@shared_task(ignore_result=True, acks_late=True, reject_on_worker_lost=True)
def purge_notifications() -> None:
    notifications_purge()
