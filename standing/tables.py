from __future__ import annotations

import datetime as dt

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from standing.models import ConclusionTask, StandingMeeting


class MeetingTable(tables.Table):
    title = tables.Column(
        verbose_name=_("Phiên họp"), accessor="pk", linkify=True, order_by=("date", "pk")
    )
    chaired_by = tables.Column(verbose_name=_("Chủ trì"))
    conclusion_count = tables.Column(verbose_name=_("Kết luận"))
    open_task_count = tables.Column(verbose_name=_("Việc đang thực hiện"))
    overdue_task_count = tables.Column(verbose_name=_("Việc quá hạn"))

    class Meta:
        model = StandingMeeting
        fields = ["date", "title", "kind", "chaired_by", "conclusion_count", "open_task_count"]
        empty_text = _("Chưa có phiên họp Thường trực nào.")

    def render_title(self, value: int, record: StandingMeeting) -> str:
        return str(record)

    def render_overdue_task_count(self, value: int, record: StandingMeeting) -> str:
        if value:
            return format_html('<span class="badge text-bg-danger">{}</span>', value)
        return "0"


class TaskTable(tables.Table):
    content = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)
    is_overdue_now = tables.Column(verbose_name=_("Quá hạn"), order_by=("deadline", "pk"))
    meeting = tables.Column(
        verbose_name=_("Phiên họp"),
        accessor="conclusion__meeting",
        linkify=True,
        order_by=("conclusion__meeting__date", "pk"),
    )

    class Meta:
        model = ConclusionTask
        fields = ["content", "responsible", "deadline", "status", "is_overdue_now", "meeting"]
        empty_text = _("Chưa có việc nào được giao sau kết luận.")

    def render_content(self, value: str, record: ConclusionTask) -> str:
        return value if len(value) <= 160 else value[:157] + "…"

    def render_is_overdue_now(self, value: bool, record: ConclusionTask) -> str:
        if not value:
            return ""
        days: dt.timedelta = record.days_overdue
        return format_html(
            '<span class="badge text-bg-danger">{}</span>',
            _("Quá hạn %(days)s ngày") % {"days": number_format(days.days, force_grouping=True)},
        )
