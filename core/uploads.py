"""Uploaded documents: the type is read from the content (magic bytes), never trusted from the
file name, and the stored name is generated so nothing the uploader typed reaches the disk.

Shared by every app that accepts files: sessions (agenda documents), resolutions (signed texts),
voters (minutes of voter meetings, Excel imports). Three checks: size, content, and a file name
whose extension agrees with the content (a renamed executable fails the content check, a PDF
named .docx fails the name check)."""

from __future__ import annotations

import uuid
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Detected MIME type -> extension used for the stored file.
ALLOWED_TYPES: dict[str, str] = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/vnd.oasis.opendocument.text": ".odt",
}
ALLOWED_LABEL = "PDF, Word (DOC, DOCX), Excel, ảnh (JPG, PNG, TIFF)"

# Extensions a file name may carry for each detected content type. Old Word and Excel files
# share one OLE container signature, which the detector names "application/msword".
NAME_EXTENSIONS: dict[str, set[str]] = {
    "application/pdf": {".pdf"},
    "application/msword": {".doc", ".xls"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "application/vnd.ms-excel": {".xls"},
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.oasis.opendocument.text": {".odt"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/png": {".png"},
    "image/tiff": {".tif", ".tiff"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
}
DOCUMENT_KINDS = set(ALLOWED_TYPES)
MINUTES_KINDS = {
    "application/pdf",
    "application/msword",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "image/jpeg",
    "image/png",
}
XLSX_KINDS = {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def detect_type(file: UploadedFile) -> str | None:
    """The MIME type the content says, reading only the first bytes."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_upload(file: UploadedFile, *, kinds: set[str] | None = None) -> str:
    """Return the detected MIME type, or raise a Vietnamese ValidationError saying why not."""
    allowed = kinds or DOCUMENT_KINDS
    limit = settings.UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    mime = detect_type(file)
    if mime not in allowed:
        labels = sorted({ext for m in allowed for ext in NAME_EXTENSIONS.get(m, ())})
        raise ValidationError(
            _(
                "Nội dung tệp «%(name)s» không phải là loại được phép (%(allowed)s), "
                "dù tên tệp có đuôi gì."
            )
            % {"name": file.name, "allowed": ", ".join(labels)},
            code="bad_type",
        )
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix not in NAME_EXTENSIONS.get(mime, set()):
        raise ValidationError(
            _("Tên tệp «%(name)s» có đuôi không khớp với nội dung tệp (%(expected)s).")
            % {"name": file.name, "expected": ", ".join(sorted(NAME_EXTENSIONS.get(mime, ())))},
            code="bad_extension",
        )
    return mime


def validate_document(file: UploadedFile) -> str:
    """A document attachment: PDF, Word, Excel or an image."""
    return validate_upload(file, kinds=DOCUMENT_KINDS)


def generated_name(*, prefix: str, filename: str, mime: str | None = None) -> str:
    """A fresh, unguessable storage name; the extension follows the detected content type."""
    ext = ALLOWED_TYPES.get(mime or "", "") or PurePath(filename).suffix.lower()[:8]
    if ext and ext not in ALLOWED_TYPES.values():
        ext = ".bin"
    return f"{prefix}/{uuid.uuid4().hex}{ext}"
