"""Celery tasks: thin adapters that call a voters service; scheduled in CELERY_BEAT_SCHEDULE
(config/settings/base.py)."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from core.spreadsheets import import_stash_purge
from voters.casework.retention import personal_data_anonymise


@shared_task(ignore_result=True)
def purge_import_stash() -> None:
    """Delete Excel imports' stashed uploads older than IMPORT_STASH_MAX_AGE_HOURS. Idempotent:
    a second run, or two at once, only finds fewer files."""
    import_stash_purge()


@shared_task(ignore_result=True)
def anonymise_personal_data() -> None:
    """Anonymise the personal data past retention in every council (weekly, CELERY_BEAT_SCHEDULE).
    Idempotent: what is anonymised is marked and never selected again, so a redelivered or
    doubled run changes nothing more (voters.casework.retention)."""
    personal_data_anonymise(today=timezone.localdate(), dry_run=False)
