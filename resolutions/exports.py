"""The columns of the register's export (.xlsx and .csv), declared once: the export view and
the benchmark (bench/) build their files from these."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from resolutions.models import Resolution


def _session(r: Any) -> str:
    if not r.session_id:
        return ""
    session = r.session
    return f"Kỳ họp thứ {session.number} ({session.kind_label}), khóa {session.term.roman}"


RESOLUTION_COLUMNS: Columns = (
    (_("Số, ký hiệu"), lambda r: r.symbol),
    (_("Ngày thông qua"), lambda r: r.adopted_date),
    (_("Ngày có hiệu lực"), lambda r: r.effective_date),
    (_("Trích yếu"), lambda r: r.title),
    (_("Loại"), lambda r: _("Quy phạm pháp luật") if r.is_normative else _("Cá biệt")),
    (_("Lĩnh vực"), lambda r: r.field.name if r.field_id else ""),
    (_("Kỳ họp"), _session),
    (_("Tán thành"), lambda r: r.votes_for),
    (_("Không tán thành"), lambda r: r.votes_against),
    (_("Không biểu quyết"), lambda r: r.votes_abstain),
    (_("Đại biểu có mặt"), lambda r: r.delegates_present),
    (_("Người ký"), lambda r: r.signer),
    (_("Tình trạng hiệu lực"), choice_label(Resolution, "status")),
)
