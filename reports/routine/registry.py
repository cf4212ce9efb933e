"""Every routine document kind, by its DocumentTemplate.Kind value. A generator module adds one
line here; the issue pages, the template pages and the tests walk this dictionary."""

from __future__ import annotations

from reports.routine.base import RoutineKind

ROUTINE_KINDS: dict[str, RoutineKind] = {}


def routine_kind(kind: str) -> RoutineKind | None:
    return ROUTINE_KINDS.get(kind)
