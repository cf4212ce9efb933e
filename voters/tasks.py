"""Celery tasks: thin adapters that call a voters service; scheduled in CELERY_BEAT_SCHEDULE
(config/settings/base.py)."""

from __future__ import annotations

from celery import shared_task

from core.spreadsheets import import_stash_purge


@shared_task(ignore_result=True)
def purge_import_stash() -> None:
    """Delete Excel imports' stashed uploads older than IMPORT_STASH_MAX_AGE_HOURS. Idempotent:
    a second run, or two at once, only finds fewer files."""
    import_stash_purge()
