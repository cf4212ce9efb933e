"""Writes of the oversight app. Each validates with full_clean() (Vietnamese messages) and
keeps the folded search text in step with what it indexes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from core.text import fold
from council.models import Delegate, Organization
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


def activity_search_text(
    activity: OversightActivity, organizations: Iterable[Organization] | None = None
) -> str:
    """Folded topic, document numbers, the acting body and the supervised organisations."""
    if organizations is None:
        organizations = activity.supervised_organizations.all() if activity.pk else []
    parts = [
        activity.topic,
        activity.establishing_number,
        activity.plan_number,
        activity.result_report_number,
        activity.conclusion_number,
        activity.actor_label,
    ]
    for org in organizations:
        parts.extend([org.name, org.short_name])
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
    if supervised_organizations is not None:
        supervised_organizations = list(supervised_organizations)
    # One save (one audit record): the search text is built from the organisations given.
    activity.search_text = activity_search_text(activity, supervised_organizations)
    activity.save()
    if supervised_organizations is not None:
        activity.supervised_organizations.set(supervised_organizations)
    if members is not None:
        activity.members.set(members)
    # Its recommendations are found by its topic too.
    search_text_refresh(recommendations=activity.recommendations.all())
    return activity


REINDEX_BATCH = 500


def search_text_refresh(
    *,
    activities: Any = None,
    recommendations: Any = None,
) -> int:
    """Refill the folded search column of these activities and recommendations where what it
    indexes changed elsewhere: a supervised organisation, an addressee, a Ban, a delegate
    group or a delegate renamed, an activity's topic edited. Only rows whose text differs are
    written, in batches, without new audit records (the record itself did not change).
    Returns how many rows were rewritten."""
    changed = 0
    if activities is not None:
        rows = activities.select_related("committee", "delegate_group", "delegate")
        rows = rows.prefetch_related("supervised_organizations")
        changed += _rewrite(OversightActivity, rows, activity_search_text)
    if recommendations is not None:
        rows = recommendations.select_related("addressee", "activity")
        changed += _rewrite(OversightRecommendation, rows, recommendation_search_text)
    return changed


def _rewrite(model: Any, rows: Any, text_of: Any) -> int:
    stale = []
    for row in rows.iterator(chunk_size=REINDEX_BATCH):
        text = text_of(row)
        if text != row.search_text:
            row.search_text = text
            stale.append(row)
    model.objects.bulk_update(stale, ["search_text"], batch_size=REINDEX_BATCH)
    return len(stale)


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
