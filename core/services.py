from __future__ import annotations

from typing import Any

from django.db import models, transaction


@transaction.atomic
def record_save(*, instance: models.Model, user: Any = None) -> models.Model:
    """Validate and save one registry record (create or update)."""
    if (
        instance._state.adding
        and hasattr(instance, "created_by_id")
        and user is not None
        and user.is_authenticated
    ):
        instance.created_by = user
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def record_delete(*, instance: models.Model) -> None:
    """Delete one registry record; ProtectedError while other records still refer to it."""
    instance.delete()
