"""The folded search text of activities and recommendations names records of the council
app (supervised organisations, addressees, the acting Ban, delegate group or delegate): when
one of those is saved, the texts that name it are refilled (oversight.services
.search_text_refresh), so a renamed organisation is found by its new name. Connected in
OversightConfig.ready; the council app knows nothing of oversight."""

from __future__ import annotations

from typing import Any

from council.models import Committee, Delegate, DelegateGroup, Organization
from oversight.models import OversightActivity, OversightRecommendation
from oversight.services import search_text_refresh


def _organization_saved(sender: Any, instance: Organization, created: bool, **kwargs: Any) -> None:
    if created or kwargs.get("raw"):
        return
    search_text_refresh(
        activities=OversightActivity.objects.filter(supervised_organizations=instance),
        recommendations=OversightRecommendation.objects.filter(addressee=instance),
    )


def _actor_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if created or kwargs.get("raw"):
        return
    field = {Committee: "committee", DelegateGroup: "delegate_group", Delegate: "delegate"}[sender]
    search_text_refresh(activities=OversightActivity.objects.filter(**{field: instance}))


def connect() -> None:
    from django.db.models.signals import post_save

    post_save.connect(
        _organization_saved,
        sender=Organization,
        weak=False,
        dispatch_uid="oversight-search-organization",
    )
    for model in (Committee, DelegateGroup, Delegate):
        post_save.connect(
            _actor_saved,
            sender=model,
            weak=False,
            dispatch_uid=f"oversight-search-{model._meta.label}",
        )
