"""A data version for caches of derived figures (the dashboard): any committed write to the
council's records bumps it, so a cached figure is never older than the last write.

Model saves and deletions bump it through signals (connected in CouncilConfig.ready for every
model of the data apps, without importing them); services that write with queryset.update()
or bulk operations, which send no signals, call bump_data_version() themselves."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

KEY = "hdnd:data-version"
DATA_APPS = frozenset({"council", "council_sessions", "resolutions", "oversight", "voters"})


def data_version() -> int:
    """The current version; with the cache down, a fresh one each time (nothing is reused)."""
    try:
        version = cache.get(KEY)
        if version is None:
            cache.add(KEY, time.time_ns(), timeout=None)
            version = cache.get(KEY)
    except Exception:  # a cache outage must cost speed, never correctness or a page
        logger.warning("cache unavailable: dashboard figures are computed afresh", exc_info=True)
        version = None
    return version if version is not None else time.time_ns()


def _bump() -> None:
    try:
        cache.set(KEY, time.time_ns(), timeout=None)
    except Exception:
        # Never fail a write because the cache is down; the cached entries expire on their own.
        logger.warning("cache unavailable: could not bump the data version", exc_info=True)


def bump_data_version() -> None:
    """Call after a write. Bumped at once (a reader in the same transaction sees new figures)
    and again at commit (whatever another reader cached from the not yet committed state in
    between is dropped)."""
    _bump()
    transaction.on_commit(_bump)


def _on_write(sender: Any, **kwargs: Any) -> None:
    bump_data_version()


def connect_data_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        label = model._meta.app_label
        if (
            label not in DATA_APPS
            or model.__name__.startswith("Historical")
            or model.__name__ == "SecurityEvent"
        ):
            continue
        post_save.connect(
            _on_write,
            sender=model,
            weak=False,
            dispatch_uid=f"data-version-save-{model._meta.label}",
        )
        post_delete.connect(
            _on_write,
            sender=model,
            weak=False,
            dispatch_uid=f"data-version-delete-{model._meta.label}",
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"data-version-m2m-{model._meta.label}-{field.name}",
            )
