"""The columns of the tasks' Excel export, declared once."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from standing.models import ConclusionTask

TASK_COLUMNS: Columns = (
    (_("Phiên họp"), lambda t: str(t.conclusion.meeting)),
    (_("Ngày họp"), lambda t: t.conclusion.meeting.date),
    (_("Kết luận"), lambda t: t.conclusion.text),
    (_("Nội dung giao"), lambda t: t.content),
    (_("Cơ quan thực hiện"), lambda t: t.responsible.name),
    (_("Thời hạn"), lambda t: t.deadline),
    (_("Tình trạng"), choice_label(ConclusionTask, "status")),
    (_("Quá hạn (ngày)"), lambda t: t.days_overdue.days if t.is_overdue_now else ""),
    (_("Ngày hoàn thành"), lambda t: t.completed_date),
    (_("Kết quả thực hiện"), lambda t: t.result),
)
