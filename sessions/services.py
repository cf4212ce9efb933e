"""Writes of the sessions app: sessions, their agenda documents and the attendance roll."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.concurrency import check_rows_version
from core.services import record_save
from core.uploads import validate_document
from sessions.models import AgendaItem, Attendance, Session
from sessions.selectors import session_attendance_version


@transaction.atomic
def agenda_item_save(
    *, item: AgendaItem, upload: UploadedFile | None = None, user: Any = None
) -> AgendaItem:
    if upload is not None:
        validate_document(upload)
        item.attachment_name = upload.name[:255]
        item.attachment = upload
    return record_save(instance=item, user=user)


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    # Its document leaves the disk once the deletion is committed (core.files).
    item.delete()


@transaction.atomic
def session_attendance_save(
    *, session: Session, statuses: dict[int, str], user: Any = None, version: str | None = None
) -> int:
    """Record the whole roll in a fixed number of queries; returns how many rows changed.

    `version` is that of the roll the form was read at (selectors.session_attendance_version):
    the save is refused with StaleRowsError unless it is still the current one, so a second
    editor cannot overwrite the first's changes unseen. None: no form was read (demo data)."""
    if version is not None:
        # The session's row lock queues two saves of the same roll: the second one then
        # reads the rows the first committed.
        Session.objects.select_for_update().filter(pk=session.pk).values_list("pk").get()
        check_rows_version(current=session_attendance_version(session=session), token=version)
    valid = set(Attendance.Status.values)
    existing = {a.delegate_id: a for a in Attendance.objects.filter(session=session)}
    to_create: list[Attendance] = []
    to_update: list[Attendance] = []
    for delegate_id, status in statuses.items():
        if status not in valid:
            raise ValueError(f"unknown attendance status {status!r}")
        row = existing.get(delegate_id)
        if row is None:
            to_create.append(
                Attendance(session=session, delegate_id=delegate_id, status=status, created_by=user)
            )
        elif row.status != status:
            row.status = status
            row.updated_at = timezone.now()  # bulk_update does not apply auto_now
            to_update.append(row)
    # The *_with_history variants keep the audit trail that plain bulk writes would skip.
    history_user = user if getattr(user, "is_authenticated", False) else None
    bulk_create_with_history(to_create, Attendance, default_user=history_user)
    bulk_update_with_history(
        to_update, Attendance, ["status", "updated_at"], default_user=history_user
    )
    return len(to_create) + len(to_update)
