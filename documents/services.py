"""Writes of the outgoing register: the council's usual series, a number given, a document
cancelled, its signed copy, its editable details."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import fold
from core.uploads import validate_upload
from council.models import Council
from documents.models import DocumentSeries, OutgoingDocument
from documents.selectors import document_next_number


@dataclass(frozen=True)
class SeriesDefault:
    code: str
    name: str
    symbol: str


# The series an HĐND office keeps (NĐ 30/2020 Phụ lục III gives the abbreviations: TB, GM, KH,
# BC, PC; a công văn has none, its symbol is the issuer's and the drafting unit's). Nghị quyết
# keep their own numbering in resolutions.
DEFAULT_SERIES: tuple[SeriesDefault, ...] = (
    SeriesDefault("CV", "Công văn", "HĐND-VP"),
    SeriesDefault("TB", "Thông báo", "TB-HĐND"),
    SeriesDefault("GM", "Giấy mời", "GM-HĐND"),
    SeriesDefault("KH", "Kế hoạch", "KH-HĐND"),
    SeriesDefault("BC", "Báo cáo", "BC-HĐND"),
    SeriesDefault("PC", "Phiếu chuyển", "PC-HĐND"),
)

# What the draft attached at numbering may be: Word (or LibreOffice) or a PDF.
DRAFT_KINDS = {
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
}
SIGNED_KINDS = {"application/pdf"}


@transaction.atomic
def series_defaults_ensure(*, council: Council) -> list[DocumentSeries]:
    """The usual series of DEFAULT_SERIES the council lacks, created; those it has (perhaps
    renamed, another symbol) are left as they are. Running it again changes nothing."""
    have = set(DocumentSeries.objects.filter(council=council).values_list("code", flat=True))
    made = []
    for order, default in enumerate(DEFAULT_SERIES, start=1):
        if default.code in have:
            continue
        series = DocumentSeries(
            council=council,
            code=default.code,
            name=default.name,
            symbol=default.symbol,
            order=order * 10,
        )
        series.full_clean()
        series.save()
        made.append(series)
    return made


def _search_text(document: OutgoingDocument) -> str:
    return fold(
        " ".join(
            [
                document.reference,
                document.series.name,
                document.kind_label,
                document.subject,
                document.signer_name,
                document.signer_title,
                document.recipients,
            ]
        )
    )


def _store(field: models.fields.files.FieldFile, upload: UploadedFile, mime: str) -> str:
    """Save the upload under a generated name (the extension follows the content), returning
    the name the user gave it."""
    from core.uploads import ALLOWED_TYPES

    original = (upload.name or "tep")[:255]
    field.save(f"tep{ALLOWED_TYPES[mime]}", upload, save=False)
    return original


@transaction.atomic
def document_number_issue(
    *,
    council: Council,
    series_code: str,
    date: dt.date,
    subject: str,
    signer_name: str,
    signer_title: str,
    recipients: str,
    kind_label: str = "",
    source: models.Model | None = None,
    upload: UploadedFile | None = None,
    user: Any = None,
) -> OutgoingDocument:
    """The next number of the series in `date`'s year, given to a new register entry.

    The series' row is locked (SELECT … FOR UPDATE) before the highest number is read, so two
    requests numbering in one series at once queue up: the second reads the number the first
    committed and takes the next. SQLite serialises writes, so it needs no lock; the unique
    constraint on (series, year, number) stands behind both."""
    series = (
        DocumentSeries.objects.select_for_update().filter(council=council, code=series_code).first()
    )
    if series is None:
        raise ValidationError(
            {"series": _("HĐND chưa có sổ văn bản mã «%(code)s».") % {"code": series_code}}
        )
    if not series.is_active:
        raise ValidationError(
            {"series": _("Sổ «%(series)s» đã ngừng dùng, không cấp số mới.") % {"series": series}}
        )
    mime = validate_upload(upload, kinds=DRAFT_KINDS) if upload is not None else None
    document = OutgoingDocument(
        council=council,
        series=series,
        year=date.year,
        number=document_next_number(series=series, year=date.year),
        symbol=series.symbol,
        date=date,
        subject=subject.strip(),
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
        recipients=recipients.strip(),
        kind_label=kind_label.strip(),
    )
    if source is not None:
        document.source = source
    if user is not None and getattr(user, "is_authenticated", False):
        document.created_by = user
    if upload is not None and mime is not None:
        document.file_name = _store(document.file, upload, mime)
    document.search_text = _search_text(document)
    document.full_clean()
    document.save()
    return document


def _lock(document: OutgoingDocument) -> OutgoingDocument:
    """The row again, locked: two clerks cancelling (or cancelling and uploading) at once act
    one after the other, on the state the first left."""
    return OutgoingDocument.objects.select_for_update().select_related("series").get(pk=document.pk)


@transaction.atomic
def document_cancel(*, document: OutgoingDocument, reason: str, user: Any) -> OutgoingDocument:
    """Mark the entry cancelled, with why, who and when. Its number stays in the register and
    is never given again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Ghi lý do huỷ văn bản.")})
    locked = _lock(document)
    if locked.is_cancelled:
        raise ValidationError(_("Văn bản %(ref)s đã bị huỷ trước đó.") % {"ref": locked.reference})
    locked.status = OutgoingDocument.Status.CANCELLED
    locked.cancel_reason = reason
    locked.cancelled_at = timezone.now()
    locked.cancelled_by = user if getattr(user, "is_authenticated", False) else None
    locked.full_clean()
    locked.save(
        update_fields=["status", "cancel_reason", "cancelled_at", "cancelled_by", "updated_at"]
    )
    return locked


@transaction.atomic
def document_attach_signed_copy(
    *, document: OutgoingDocument, upload: UploadedFile, user: Any = None
) -> OutgoingDocument:
    """The signed copy (a scan or a digitally signed PDF), which becomes the document's
    official file. A new upload replaces the previous one as the official file; the earlier
    file stays on disk, named in the audit trail."""
    validate_upload(upload, kinds=SIGNED_KINDS)
    locked = _lock(document)
    if locked.is_cancelled:
        raise ValidationError(
            _("Văn bản %(ref)s đã bị huỷ, không tải bản đã ký lên được.")
            % {"ref": locked.reference}
        )
    locked.signed_copy_name = _store(locked.signed_copy, upload, "application/pdf")
    locked.signed_copy_at = timezone.now()
    locked.full_clean()
    locked.save(update_fields=["signed_copy", "signed_copy_name", "signed_copy_at", "updated_at"])
    return locked


# What may change on an entry once numbered; number, series, year and date never do.
EDITABLE_FIELDS = ("subject", "kind_label", "signer_name", "signer_title", "recipients")


@transaction.atomic
def document_update(
    *,
    document: OutgoingDocument,
    subject: str,
    recipients: str,
    signer_name: str,
    signer_title: str,
    kind_label: str = "",
    user: Any = None,
) -> OutgoingDocument:
    """Correct the entry's subject, recipients, signer or kind; its number, series, year and
    date are what was sent out and never change. The row is read again under a lock: an
    entry cancelled meanwhile is not edited."""
    locked = _lock(document)
    if locked.is_cancelled:
        raise ValidationError(
            _("Văn bản %(ref)s đã bị huỷ, không sửa được.") % {"ref": locked.reference}
        )
    locked.subject = subject.strip()
    locked.recipients = recipients.strip()
    locked.signer_name = signer_name.strip()
    locked.signer_title = signer_title.strip()
    locked.kind_label = kind_label.strip()
    locked.search_text = _search_text(locked)
    locked.full_clean()
    locked.save(update_fields=[*EDITABLE_FIELDS, "search_text", "updated_at"])
    return locked
