"""No lost updates: an edit form carries the version it was read at (the row's `updated_at`),
and the save is refused when the row changed in between, or when the form carries no version
at all (an old page, a hand-made request: it could overwrite anything). The comparison happens
under a row lock inside the saving transaction, so two simultaneous saves cannot both pass."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
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


class MissingVersionError(StaleEditError):
    """The form did not say which version it was read at, so it may be older than the row."""


def lock_and_check_version(*, instance: models.Model, token: str | None) -> models.Model:
    """Lock the stored row and compare versions; call inside transaction.atomic()."""
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    stored = version_token(current)
    if stored and not token:
        raise MissingVersionError(current)
    if stored and token != stored:
        raise StaleEditError(current)
    return current


class StaleRowsError(Exception):
    """Rows edited together in one form (a session's roll) changed after it was opened."""

    def __init__(self, current_version: str) -> None:
        self.current_version = current_version
        super().__init__(_("Dữ liệu đã được người khác thay đổi."))


def rows_version(rows: Iterable[Iterable[Any]]) -> str:
    """The version of many rows edited in one form: a digest of each row's id and update time
    (in id order), so a row added, changed or removed changes it."""
    text = ";".join(",".join(map(str, row)) for row in rows)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def check_rows_version(*, current: str, token: str | None) -> None:
    """Compare under the lock the caller holds (inside its transaction.atomic())."""
    if token != current:
        raise StaleRowsError(current)


def add_version_field(form: forms.BaseForm, instance: models.Model | None) -> None:
    """Give an edit form its hidden version field (create forms need none)."""
    if instance is not None and instance.pk and hasattr(instance, "updated_at"):
        form.fields[VERSION_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        form.initial.setdefault(VERSION_FIELD, version_token(instance))


def show_stale_edit(form: forms.BaseForm, exc: StaleEditError) -> None:
    """Tell the user what is stored now and arm the form so that saving again, knowingly,
    overwrites it."""
    form.add_error(
        None,
        stale_message(
            current=exc.current,
            field_names=list(form._meta.fields or []),
            missing=isinstance(exc, MissingVersionError),
        ),
    )
    form.data = form.data.copy()
    form.data[VERSION_FIELD] = version_token(exc.current)


def stale_message(*, current: models.Model, field_names: list[str], missing: bool = False) -> str:
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
    if missing:
        return _(
            "Biểu mẫu không cho biết bạn đã mở bản ghi ở phiên bản nào (trang đã cũ hoặc không "
            "đầy đủ) nên thay đổi của bạn CHƯA được lưu. Giá trị hiện tại: %(values)s. Hãy xem "
            "lại; nếu vẫn muốn ghi đè, bấm Lưu lần nữa."
        ) % {"values": "; ".join(values)}
    return _(
        "Bản ghi này vừa được %(who)s sửa lúc %(when)s nên thay đổi của bạn CHƯA được lưu. "
        "Giá trị hiện tại: %(values)s. Hãy xem lại; nếu vẫn muốn ghi đè, bấm Lưu lần nữa."
    ) % {"who": who, "when": when, "values": "; ".join(values)}
