"""Uploaded documents: the type is read from the content (magic bytes), never trusted from the
file name, and the stored name is generated so nothing the uploader typed reaches the disk.

Shared by sessions (agenda documents) and resolutions (signed texts), which stands on sessions."""

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
}
ALLOWED_LABEL = "PDF, Word (DOC, DOCX), Excel, ảnh (JPG, PNG, TIFF)"


def detect_type(file: UploadedFile) -> str | None:
    """The MIME type the content says, reading only the first bytes."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_document(file: UploadedFile) -> str:
    """Return the detected MIME type, or raise a Vietnamese ValidationError saying why not."""
    limit = settings.UPLOAD_MAX_BYTES
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    mime = detect_type(file)
    if mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "Nội dung tệp «%(name)s» không phải là loại được phép (%(allowed)s), "
                "dù tên tệp có đuôi gì."
            )
            % {"name": file.name, "allowed": ALLOWED_LABEL},
            code="bad_type",
        )
    return mime


def generated_name(*, prefix: str, filename: str, mime: str | None = None) -> str:
    """A fresh, unguessable storage name; the extension follows the detected content type."""
    ext = ALLOWED_TYPES.get(mime or "", "") or PurePath(filename).suffix.lower()[:8]
    if ext and ext not in ALLOWED_TYPES.values():
        ext = ".bin"
    return f"{prefix}/{uuid.uuid4().hex}{ext}"
