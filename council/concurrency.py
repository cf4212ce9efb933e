"""No lost updates: an edit form carries the version it was read at (the row's `updated_at`),
and the save is refused when the row changed in between. The comparison happens under a row
lock inside the saving transaction, so two simultaneous saves cannot both pass."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

VERSION_FIELD = "version_token"


def version_token(instance: models.Model) -> str:
    value = getattr(instance, "updated_at", None)
    return value.isoformat() if value else ""


class StaleEditError(Exception):
    """The record was changed by someone else after the form was opened."""

    def __init__(self, current: models.Model) -> None:
        self.current = current
        super().__init__(_("Bản ghi đã được người khác thay đổi."))


def lock_and_check_version(*, instance: models.Model, token: str | None) -> models.Model:
    """Lock the stored row and compare versions; call inside transaction.atomic()."""
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if token and version_token(current) != token:
        raise StaleEditError(current)
    return current


def add_version_field(form: forms.BaseForm, instance: models.Model | None) -> None:
    """Give an edit form its hidden version field (create forms need none)."""
    if instance is not None and instance.pk and hasattr(instance, "updated_at"):
        form.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        form.initial.setdefault(VERSION_FIELD, version_token(instance))


def show_stale_edit(form: forms.BaseForm, exc: StaleEditError) -> None:
    """Tell the user what is stored now and arm the form so that saving again, knowingly,
    overwrites it."""
    form.add_error(
        None, stale_message(current=exc.current, field_names=list(form._meta.fields or []))
    )
    form.data = form.data.copy()
    form.data[VERSION_FIELD] = version_token(exc.current)


def stale_message(*, current: models.Model, field_names: list[str]) -> str:
    """A Vietnamese explanation listing the values now stored, so nothing is silently lost."""
    history = getattr(current, "history", None)
    last = history.select_related("history_user").first() if history is not None else None
    who = (
        (last.history_user.get_full_name() or last.history_user.get_username())
        if last and last.history_user
        else _("người khác")
    )
    when = (
        timezone.localtime(current.updated_at).strftime("%H:%M %d/%m/%Y")
        if getattr(current, "updated_at", None)
        else ""
    )
    values = []
    for name in field_names:
        field = current._meta.get_field(name)
        value: Any = (
            getattr(current, f"get_{name}_display")()
            if getattr(field, "choices", None)
            else getattr(current, name)
        )
        if field.many_to_many:
            continue
        values.append(f"{field.verbose_name}: {value if value not in (None, '') else '—'}")
    return _(
        "Bản ghi này vừa được %(who)s sửa lúc %(when)s nên thay đổi của bạn CHƯA được lưu. "
        "Giá trị hiện tại: %(values)s. Hãy xem lại; nếu vẫn muốn ghi đè, bấm Lưu lần nữa."
    ) % {"who": who, "when": when, "values": "; ".join(values)}
