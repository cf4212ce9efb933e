"""Report fragments shown on pages of lower floors (sessions) without them importing us."""

from __future__ import annotations

from typing import Any

from django import template

from reports.invitations import invitation_list
from reports.selectors import session_report_get

register = template.Library()


@register.inclusion_tag("reports/_session_report_card.html", takes_context=True)
def session_report_card(context: template.Context, session: Any) -> dict[str, Any]:
    """The session's petitions report: a link to it when made, and the button that makes it
    for the roles that may (one query)."""
    return {
        "session": session,
        "report": session_report_get(session=session),
        "can_generate_reports": context.get("can_generate_reports", False),
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("reports/_session_invitations_card.html", takes_context=True)
def session_invitations_card(context: template.Context, session: Any) -> dict[str, Any]:
    """The session's invitations, each with its PDF, and the button that makes one for staff
    (one query)."""
    return {
        "session": session,
        "invitations": list(invitation_list(session=session)),
        "can_edit": context.get("can_edit", False),
    }
