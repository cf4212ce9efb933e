"""A new council gets the usual series of the register (documents.services
.series_defaults_ensure). Connected in DocumentsConfig.ready: the council app is the ground floor
and knows nothing of the register, so it cannot call the service itself."""

from __future__ import annotations

from typing import Any

from council.models import Council


def _council_saved(sender: Any, instance: Council, created: bool, **kwargs: Any) -> None:
    # Fixtures and loaddata (raw) bring their own rows.
    if not created or kwargs.get("raw"):
        return
    from documents.services import series_defaults_ensure

    series_defaults_ensure(council=instance)


def connect() -> None:
    from django.db.models.signals import post_save

    post_save.connect(
        _council_saved, sender=Council, weak=False, dispatch_uid="documents-series-defaults"
    )
