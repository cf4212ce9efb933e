"""Every model whose rows the portal shows bumps its council's publication version when a row is
saved or deleted. The portal is the top floor: it listens to the apps below, which never import
it. Writes that bypass save() (a queryset's update) are covered by the row they write beside it:
a petition's status moves by UPDATE and leaves a PetitionStatusChange."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from council.selectors import councils_public
from portal.publication import communes_and, publication_bump_on_commit

# app_label.ModelName of the models the portal shows, directly or in a figure or a name.
WATCHED = (
    "council.Council",
    "council.Term",
    "council.Committee",
    "council.Organization",
    "council.DelegateGroup",
    "council.Delegate",
    "council_sessions.Session",
    "council_sessions.AgendaItem",
    "council_sessions.SessionDocument",
    "resolutions.Resolution",
    "resolutions.ResolutionRelation",
    "resolutions.ResolutionAttachment",
    "oversight.OversightActivity",
    "oversight.OversightRecommendation",
    "voters.ReceptionSchedule",
    "voters.VoterPetition",
    "voters.PetitionStatusChange",
)
# Their documents' scheduled publications decide when the pages next change by the clock.
RESCHEDULING = {"council_sessions.SessionDocument"}
_STASH = "_portal_council_ids"


def _paths(model: type[Model]) -> tuple[str, ...]:
    path = model.council_path
    return (path,) if isinstance(path, str) else tuple(path)


def council_ids_of(instance: Model) -> set[int] | None:
    """The councils whose pages show `instance`, through its model's council_path: read off the
    row when the path is one of its own columns, else in one query. None: every council (an
    organisation shared by all)."""
    model = type(instance)
    paths = _paths(model)
    if all("__" not in p for p in paths):
        values = [
            instance.pk if p == "pk" else getattr(instance, model._meta.get_field(p).attname)
            for p in paths
        ]
    else:
        values = list(
            model._default_manager.filter(pk=instance.pk).values_list(*paths).first() or ()
        )
    ids = {v for v in values if v is not None}
    if getattr(model, "council_shared", False):
        if not ids:
            return None
        # A province's organisation is named on its communes' pages too (core.scoping).
        council_id = next(iter(ids))
        ids = set(councils_public().filter(communes_and(council_id)).values_list("pk", flat=True))
    return ids


def _bump(sender: type[Model], ids: set[int] | None) -> None:
    publication_bump_on_commit(
        council_ids=ids or (),
        everywhere=ids is None,
        reschedule=sender._meta.label in RESCHEDULING,
    )


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loaddata: the fixture's rows, not an edit
        return
    _bump(sender, council_ids_of(instance))


def _deleting(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # Read while the row (and the rows its path walks) still exist.
    setattr(instance, _STASH, council_ids_of(instance))


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    _bump(sender, getattr(instance, _STASH, set()))


def _supervised_changed(sender: Any, instance: Model, action: str, **kwargs: Any) -> None:
    """An activity's supervised organisations, set after the activity is saved."""
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, apps.get_model("oversight.OversightActivity")
    ):
        _bump(type(instance), council_ids_of(instance))


def connect() -> None:
    for label in WATCHED:
        model = apps.get_model(label)
        uid = f"portal-publication-{label}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(_deleting, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    activity = apps.get_model("oversight.OversightActivity")
    m2m_changed.connect(
        _supervised_changed,
        sender=activity.supervised_organizations.through,
        dispatch_uid="portal-publication-supervised",
    )
