"""Resolution fragments shown on pages of lower floors (sessions) without them importing us."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from resolutions.selectors import session_resolutions

register = template.Library()


@register.inclusion_tag("resolutions/_session_resolutions_card.html", takes_context=True)
def session_resolutions_card(context: template.Context, session: Any) -> dict[str, Any]:
    """The resolutions a session adopted (one query) and, for those who may edit, the link
    that opens the resolution form with this session and its closing day filled in."""
    create_url = ""
    if context.get("can_edit"):
        query = urlencode(
            {"session": session.pk, "adopted_date": session.end_date.strftime("%d/%m/%Y")}
        )
        create_url = f"{reverse('resolutions:resolution_create')}?{query}"
    return {"adopted": list(session_resolutions(session=session)), "create_url": create_url}
