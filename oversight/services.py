"""Writes of the oversight app. Each validates with full_clean() (Vietnamese messages) and
keeps the folded search text in step with what it indexes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from council.models import Delegate, Organization
from council.text import fold
from oversight.models import (
    FollowUp,
    OversightActivity,
    OversightProgramme,
    OversightRecommendation,
    ProgrammeItem,
    Question,
)


def _stamp(instance: Any, user: Any) -> None:
    if instance._state.adding and user is not None and getattr(user, "is_authenticated", False):
        instance.created_by = user


def activity_search_text(activity: OversightActivity) -> str:
    parts = [
        activity.topic,
        activity.establishing_number,
        activity.plan_number,
        activity.result_report_number,
        activity.conclusion_number,
        activity.actor_label,
    ]
    if activity.pk:
        parts.extend(org.name for org in activity.supervised_organizations.all())
        parts.extend(org.short_name for org in activity.supervised_organizations.all())
    return fold(" ".join(p for p in parts if p))


@transaction.atomic
def activity_save(
    *,
    activity: OversightActivity,
    supervised_organizations: Iterable[Organization] | None = None,
    members: Iterable[Delegate] | None = None,
    user: Any = None,
) -> OversightActivity:
    """Create or update an activity; M2M lists replace the current ones when given."""
    _stamp(activity, user)
    activity.full_clean()
    activity.save()
    if supervised_organizations is not None:
        activity.supervised_organizations.set(supervised_organizations)
    if members is not None:
        activity.members.set(members)
    activity_reindex(activity=activity)
    return activity


def activity_reindex(*, activity: OversightActivity) -> None:
    """Refill the folded search column (after the supervised organisations changed, too)."""
    activity.search_text = activity_search_text(activity)
    activity.save(update_fields=["search_text"])


@transaction.atomic
def activity_delete(*, activity: OversightActivity) -> None:
    activity.delete()


@transaction.atomic
def question_save(*, question: Question, user: Any = None) -> Question:
    _stamp(question, user)
    question.full_clean()
    question.save()
    return question


def recommendation_search_text(recommendation: OversightRecommendation) -> str:
    addressee = recommendation.addressee
    return fold(
        " ".join(
            [
                recommendation.content,
                addressee.name,
                addressee.short_name,
                recommendation.activity.topic,
            ]
        )
    )


@transaction.atomic
def recommendation_save(
    *, recommendation: OversightRecommendation, user: Any = None
) -> OversightRecommendation:
    _stamp(recommendation, user)
    recommendation.full_clean()
    recommendation.search_text = recommendation_search_text(recommendation)
    recommendation.save()
    return recommendation


@transaction.atomic
def follow_up_save(*, follow_up: FollowUp, user: Any = None) -> FollowUp:
    _stamp(follow_up, user)
    follow_up.full_clean()
    follow_up.save()
    return follow_up


@transaction.atomic
def programme_save(*, programme: OversightProgramme, user: Any = None) -> OversightProgramme:
    _stamp(programme, user)
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_item_save(*, item: ProgrammeItem, user: Any = None) -> ProgrammeItem:
    _stamp(item, user)
    item.full_clean()
    item.save()
    return item
