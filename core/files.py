"""Files of deleted rows are removed from storage once the deletion is committed: a deleted
meeting must not leave its minutes (which may name citizens) on disk, and a rolled-back
deletion must not lose a file."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction


def _delete_files(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.FileField):
            stored = getattr(instance, field.attname)
            if stored and stored.name:
                storage, name = stored.storage, stored.name
                transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def connect_file_cleanup() -> None:
    from django.apps import apps
    from django.db.models.signals import post_delete

    for model in apps.get_models():
        if model.__name__.startswith("Historical"):
            continue
        if any(isinstance(f, models.FileField) for f in model._meta.concrete_fields):
            post_delete.connect(
                _delete_files,
                sender=model,
                weak=False,
                dispatch_uid=f"file-cleanup-{model._meta.label}",
            )
