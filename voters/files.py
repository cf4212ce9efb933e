"""Uploaded files: checked by their content (not their name), limited in size, stored under a
generated name and served only through permission-checking views."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

MINUTES_KINDS = {"pdf", "docx", "doc", "odt", "jpg", "png"}
XLSX_KINDS = {"xlsx"}


def validate_upload(upload: UploadedFile, *, kinds: set[str]) -> str:
    """Return the detected extension, or raise a Vietnamese ValidationError."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp quá lớn (%(size)s MB); tối đa %(limit)s MB.")
            % {
                "size": f"{upload.size / 1048576:.1f}".replace(".", ","),
                "limit": f"{limit / 1048576:.0f}",
            }
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    # Old Word/Excel files (.doc) share one OLE container signature; filetype names it "doc".
    if kind is None or kind.extension not in kinds:
        raise ValidationError(
            _("Nội dung tệp không đúng định dạng cho phép (%(kinds)s).")
            % {"kinds": ", ".join(sorted(kinds))}
        )
    return kind.extension
