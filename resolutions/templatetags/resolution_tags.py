"""Resolution fragments shown on pages of lower floors (sessions) without them importing us."""

from __future__ import annotations

from typing import Any

from django import template

from resolutions.selectors import session_resolutions

register = template.Library()


@register.inclusion_tag("resolutions/_session_resolutions_card.html")
def session_resolutions_card(session: Any) -> dict[str, Any]:
    """The resolutions a session adopted: one query."""
    return {"adopted": list(session_resolutions(session=session))}
