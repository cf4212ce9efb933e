"""The audit trail as rows for a detail page: who changed what, when, from which values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

HISTORY_TYPES = {"+": _("Tạo mới"), "~": _("Sửa"), "-": _("Xoá")}


@dataclass(frozen=True)
class Change:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryRow:
    at: Any
    user: str
    action: str
    changes: tuple[Change, ...]


def _display(field: models.Field, value: Any, related: dict[tuple[type, Any], str]) -> Any:
    """A stored value as people read it: choice labels, Có/Không, names for ids, dd/mm/yyyy."""
    if value is None or value == "":
        return "—"
    if field.is_relation and field.many_to_one:
        return related.get((field.related_model, value), f"#{value}")
    if getattr(field, "flatchoices", None):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, dt.datetime):
        return (
            timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
            if timezone.is_aware(value)
            else value
        )
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return value


def history_rows(obj: models.Model, *, limit: int = 20) -> list[HistoryRow]:
    """A few queries whatever the length: the records, then one per related model named."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    deltas = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, foreign_keys_are_objs=False)
            changes = [c for c in delta.changes if c.field not in ("updated_at", "search_text")]
        deltas.append((record, changes))
    # Names of the related rows the changes mention: one query per related model, not per change.
    wanted: dict[type, set[Any]] = {}
    for _record, changes in deltas:
        for c in changes:
            field = obj._meta.get_field(c.field)
            if field.is_relation and field.many_to_one:
                wanted.setdefault(field.related_model, set()).update(
                    v for v in (c.old, c.new) if v is not None
                )
    related = {
        (model, pk): str(instance)
        for model, pks in wanted.items()
        for pk, instance in model._default_manager.in_bulk(list(pks)).items()
    }
    rows = []
    for record, raw_changes in deltas:
        changes = tuple(
            Change(
                field=str(obj._meta.get_field(c.field).verbose_name),
                old=_display(obj._meta.get_field(c.field), c.old, related),
                new=_display(obj._meta.get_field(c.field), c.new, related),
            )
            for c in raw_changes
        )
        user = record.history_user
        rows.append(
            HistoryRow(
                at=record.history_date,
                user=(user.get_full_name() or user.get_username()) if user else _("hệ thống"),
                action=HISTORY_TYPES.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
    return rows
