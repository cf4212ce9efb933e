"""Every routine document kind, by its DocumentTemplate.Kind value. A generator module adds one
`_register(module.ROUTINE)` line here; the issue pages, the template pages and the tests walk
ROUTINE_KINDS."""

from __future__ import annotations

from reports.routine.base import RoutineKind, TemplateKind

ROUTINE_KINDS: dict[str, RoutineKind] = {}


def _register(routine: RoutineKind) -> None:
    assert routine.kind not in ROUTINE_KINDS, f"{routine.kind} registered twice"
    ROUTINE_KINDS[routine.kind] = routine


def routine_kind(kind: str) -> RoutineKind | None:
    return ROUTINE_KINDS.get(kind)


def template_kinds() -> dict[str, RoutineKind | TemplateKind]:
    """Every kind whose texts the template pages edit: the routine documents, and those issued
    by a flow of their own (the invitation)."""
    from reports.routine.invitation import INVITATION

    return {**ROUTINE_KINDS, INVITATION.kind: INVITATION}


def template_kind(kind: str) -> RoutineKind | TemplateKind | None:
    return template_kinds().get(kind)


# One line per generator, below: from reports.routine import x; _register(x.ROUTINE)
from reports.routine import petition_forwarding  # noqa: E402

_register(petition_forwarding.ROUTINE)
from reports.routine import supervision_plan, supervision_report  # noqa: E402

_register(supervision_plan.ROUTINE)
_register(supervision_report.ROUTINE)
from reports.routine import conclusion_notice  # noqa: E402

_register(conclusion_notice.ROUTINE)
