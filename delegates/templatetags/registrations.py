"""The delegate's own registrations on a session's page (templates/delegates/session.html)."""

from __future__ import annotations

from typing import Any

from django import template

from delegates.selectors import delegate_registrations

register = template.Library()


@register.inclusion_tag("delegates/_my_session_registrations.html")
def my_session_registrations(delegate: Any, session: Any) -> dict[str, Any]:
    return {
        "session": session,
        "registrations": list(delegate_registrations(delegate=delegate, session=session)),
    }
