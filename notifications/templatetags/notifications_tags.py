from typing import Any

from django import template

from notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    """The bell's figure (one query), for the request's user."""
    request = context.get("request")
    return unread_count(user=getattr(request, "user", None)) if request is not None else 0
