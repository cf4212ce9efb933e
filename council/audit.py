"""The audit trail as rows for a detail page: who changed what, when, from which values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
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


def history_rows(obj: models.Model, *, limit: int = 20) -> list[HistoryRow]:
    """Two queries whatever the length: the records, then diffs computed in Python."""
    history = getattr(obj, "history", None)
    if history is None:
        return []
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    rows = []
    for i, record in enumerate(records[:limit]):
        previous = records[i + 1] if i + 1 < len(records) else None
        changes: tuple[Change, ...] = ()
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, foreign_keys_are_objs=False)
            changes = tuple(
                Change(field=str(obj._meta.get_field(c.field).verbose_name), old=c.old, new=c.new)
                for c in delta.changes
                if c.field not in ("updated_at", "search_text")
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
