"""Oversight fragments shown on pages of lower floors (sessions) without them importing us."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q

from oversight.models import OversightActivity, Question

register = template.Library()


@register.inclusion_tag("oversight/_session_questioning_list.html")
def session_questioning(session: Any) -> dict[str, Any]:
    """Questioning held at a session, with question counts: one query."""
    activities = (
        OversightActivity.objects.filter(session=session)
        .annotate(
            question_count=Count("questions"),
            answered_count=Count(
                "questions", filter=Q(questions__answer_mode=Question.AnswerMode.AT_SITTING)
            ),
        )
        .order_by("start_date", "pk")
    )
    return {"activities": list(activities)}
