"""The case list's table. No sender column: a case's page and list show no citizen's identity
(voters.casework.identity decides where one may be shown)."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from voters.models import Case


class CaseTable(tables.Table):
    number = tables.Column(
        verbose_name=_("Số vụ việc"), linkify=True, order_by=("year", "seq"), accessor="seq"
    )
    title = tables.Column(attrs=SUMMARY_ATTRS)
    letters_count = tables.Column(verbose_name=_("Số đơn"))
    last_received = tables.Column(verbose_name=_("Nhận đơn gần nhất"))
    handler = tables.Column(verbose_name=_("Chuyên viên xử lý"), order_by="handler__username")

    # The records its columns read: the list selects these and no more.
    related = ("field", "locality", "handler")

    class Meta:
        model = Case
        fields = [
            "number",
            "title",
            "kind",
            "field",
            "locality",
            "letters_count",
            "last_received",
            "handler",
            "status",
        ]
        empty_text = _("Chưa có vụ việc nào.")

    def render_number(self, value: int, record: Case) -> str:
        return record.number

    def render_status(self, value: str, record: Case) -> str:
        label = record.get_status_display()
        if record.overdue:
            return format_html(
                '{} <span class="badge text-bg-danger">{}</span>', label, _("quá hạn")
            )
        return label

    def render_handler(self, value: Any, record: Case) -> str:
        return value.get_full_name() or value.username

    def render_title(self, value: str, record: Case) -> str:
        return value if len(value) <= 120 else f"{value[:119]}…"
