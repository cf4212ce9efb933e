"""Writes of the sessions app: sessions, their agenda documents, the attendance roll, and the
documents published to delegates with their read receipts, notes and zips (issue 20)."""

from __future__ import annotations

import datetime as dt
import logging
import re
import tempfile
import zipfile
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core import jobs
from core.concurrency import check_rows_version
from core.services import record_save
from core.uploads import validate_document, validate_upload
from council.models import Delegate
from sessions.models import (
    AgendaItem,
    Attendance,
    DelegateNote,
    DocumentRead,
    Session,
    SessionDocument,
    SessionDocumentsZip,
)
from sessions.selectors import published_documents, session_attendance_version

logger = logging.getLogger(__name__)


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


# --- Session documents (issue 20) -------------------------------------------------------------

PDF_KINDS = {"application/pdf"}


def _attach_pdf(document: SessionDocument, upload: UploadedFile) -> None:
    """Delegates read documents in the browser's PDF viewer, so only PDFs are accepted, checked
    by content (core.uploads), with the size limit of every upload."""
    try:
        validate_upload(upload, kinds=PDF_KINDS)
    except ValidationError as exc:
        raise ValidationError({"upload": exc.messages}) from exc
    document.file = upload
    document.file_name = (upload.name or "")[:255]
    document.file_size = upload.size or 0


@transaction.atomic
def session_document_create(
    *, document: SessionDocument, upload: UploadedFile, user: Any = None
) -> SessionDocument:
    """A new document (version 1) of an agenda item; `document` carries kind, title, order,
    published_at and its agenda item."""
    document.session_id = document.agenda_item.session_id
    _attach_pdf(document, upload)
    return record_save(instance=document, user=user)


@transaction.atomic
def session_document_update(*, document: SessionDocument, user: Any = None) -> SessionDocument:
    """Kind, title, order and publication time of one version (the file changes only through
    session_document_replace, which keeps the old version)."""
    return record_save(instance=document, user=user)


@transaction.atomic
def session_document_replace(
    *,
    document: SessionDocument,
    upload: UploadedFile,
    title: str = "",
    published_at: dt.datetime | None = None,
    user: Any = None,
) -> SessionDocument:
    """A new version of `document`: same agenda item, kind and place, the next version number.
    The old row stays, marked replaced; delegates keep seeing it until the new one is
    published. Only the latest version may be replaced."""
    # The series' rows locked: two replacements at once would both take the same number.
    versions = list(
        SessionDocument.objects.select_for_update()
        .filter(series=document.series)
        .order_by("-version")
    )
    latest = versions[0]
    if latest.pk != document.pk:
        raise ValidationError(
            _("Tài liệu này đã được thay bằng phiên bản %(n)s; hãy thay phiên bản mới nhất.")
            % {"n": latest.version}
        )
    new = SessionDocument(
        session_id=document.session_id,
        agenda_item_id=document.agenda_item_id,
        kind=document.kind,
        title=title or document.title,
        order=document.order,
        series=document.series,
        version=latest.version + 1,
        published_at=published_at,
        is_public=document.is_public,
    )
    _attach_pdf(new, upload)
    record_save(instance=new, user=user)
    document.replaced_at = timezone.now()
    document.save(update_fields=["replaced_at", "updated_at"])
    return new


@transaction.atomic
def session_document_publish(
    *, document: SessionDocument, at: dt.datetime | None = None, user: Any = None
) -> SessionDocument:
    """Publish now (or at `at`, a scheduled publication)."""
    document.published_at = at or timezone.now()
    document.full_clean()
    document.save(update_fields=["published_at", "updated_at"])
    return document


def document_read_record(
    *, document: SessionDocument, delegate: Delegate, now: dt.datetime | None = None
) -> None:
    """Count one opening of `document` by `delegate` (the receipt the secretariat reads).
    One UPDATE when the delegate opened it before; else an INSERT, and should a second request
    of the same delegate have inserted first, that one's row is counted instead."""
    now = now or timezone.now()
    mine = DocumentRead.objects.filter(document=document, delegate=delegate)
    if mine.update(last_opened_at=now, open_count=F("open_count") + 1):
        return
    try:
        with transaction.atomic():
            DocumentRead.objects.create(
                document=document, delegate=delegate, first_opened_at=now, last_opened_at=now
            )
    except IntegrityError:
        mine.update(last_opened_at=now, open_count=F("open_count") + 1)


@transaction.atomic
def delegate_note_save(
    *,
    delegate: Delegate,
    text: str,
    document: SessionDocument | None = None,
    agenda_item: AgendaItem | None = None,
) -> DelegateNote | None:
    """The delegate's own note on a document or an agenda item; an empty text deletes it."""
    if (document is None) == (agenda_item is None):
        raise ValueError("Give exactly one of document or agenda_item.")
    text = text.strip()
    existing = (
        DelegateNote.objects.select_for_update()
        .filter(delegate=delegate, document=document, agenda_item=agenda_item)
        .first()
    )
    if not text:
        if existing is not None:
            existing.delete()
        return None
    note = existing or DelegateNote(delegate=delegate, document=document, agenda_item=agenda_item)
    note.text = text
    note.full_clean()
    note.save()
    return note


# A zip is built from what is published at the time it runs; at most this many requests by one
# login within ZIP_WINDOW (each reads every file of the session).
ZIPS_PER_USER = 10
ZIP_WINDOW = dt.timedelta(minutes=10)


@transaction.atomic
def documents_zip_request(*, session: Session, user: Any) -> SessionDocumentsZip:
    """Record a request for the zip of the session's published documents and, once committed,
    queue its build (with no broker configured it is built in-process, at once)."""
    since = timezone.now() - ZIP_WINDOW
    if (
        SessionDocumentsZip.objects.filter(requested_by=user, requested_at__gte=since).count()
        >= ZIPS_PER_USER
    ):
        raise ValidationError(
            _("Anh/chị đã yêu cầu nhiều tệp nén trong ít phút qua. Vui lòng chờ rồi thử lại.")
        )
    from sessions.tasks import build_session_documents_zip

    request = SessionDocumentsZip(session=session, requested_by=user)
    request.full_clean()
    request.save()
    jobs.job_enqueue_on_commit(job=request, task=build_session_documents_zip)
    return request


def _zip_part(text: str, limit: int = 80) -> str:
    """A file or folder name inside the zip: the title without path separators or control
    characters, cut short (Vietnamese letters kept: zipfile marks such names UTF-8)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return re.sub(r"\s+", " ", cleaned).strip()[:limit].rstrip(" .") or "tai-lieu"


def documents_zip_build(*, zip_id: int, task_id: str = "") -> bool:
    """Build one requested zip if nobody has yet (core.jobs.job_run: claimed by one
    conditional UPDATE, failures written on the row). Returns True when this call built it."""

    def build(request: SessionDocumentsZip) -> dict[str, Any]:
        documents = list(
            published_documents(session=request.session)
            .select_related("agenda_item")
            .order_by("agenda_item__order", "agenda_item_id", "order", "pk")
        )
        with tempfile.TemporaryFile() as spool:
            with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for n, document in enumerate(documents, start=1):
                    item = document.agenda_item
                    folder = _zip_part(f"{item.order:02d} - {item.title}")
                    name = _zip_part(f"{n:02d} - {document.get_kind_display()} - {document.title}")
                    with (
                        document.file.open("rb") as source,
                        archive.open(f"{folder}/{name}.pdf", "w") as target,
                    ):
                        for chunk in iter(partial(source.read, 1 << 20), b""):
                            target.write(chunk)
            spool.seek(0)
            request.file.save("tai-lieu.zip", File(spool), save=False)
        return {"file": request.file.name, "document_count": len(documents)}

    return jobs.job_run(
        model=SessionDocumentsZip,
        job_id=zip_id,
        task_id=task_id,
        work=build,
        failure=_zip_failure,
        queryset=SessionDocumentsZip.objects.select_related("session"),
    )


def _zip_failure(exc: Exception) -> str:
    return _("Lỗi khi nén tài liệu (%(error)s). Vui lòng thử lại.") % {
        "error": f"{type(exc).__name__}: {exc}"[:1000]
    }
