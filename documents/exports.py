"""The columns of the register's export (.xlsx), declared once."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from documents.models import OutgoingDocument


def recipients_line(text: str) -> str:
    """The recipients, one a line as typed ("UBND tỉnh;"), in one cell: "UBND tỉnh; Lưu: VT."."""
    lines = [line.strip().rstrip(";").strip() for line in text.splitlines()]
    return "; ".join(line for line in lines if line)


DOCUMENT_COLUMNS: Columns = (
    (_("Số, ký hiệu"), lambda d: d.reference),
    (_("Số"), lambda d: d.number),
    (_("Năm"), lambda d: d.year),
    (_("Ngày văn bản"), lambda d: d.date),
    (_("Sổ văn bản"), lambda d: d.series.name),
    (_("Tên loại văn bản"), lambda d: d.kind_label),
    (_("Trích yếu"), lambda d: d.subject),
    (_("Người ký"), lambda d: d.signer_name),
    (_("Chức vụ người ký"), lambda d: d.signer_title),
    (_("Nơi nhận"), lambda d: recipients_line(d.recipients)),
    (_("Tình trạng"), choice_label(OutgoingDocument, "status")),
    (_("Lý do huỷ"), lambda d: d.cancel_reason),
    (_("Có bản đã ký"), lambda d: _("Có") if d.signed_copy else _("Chưa")),
)
