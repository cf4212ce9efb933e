from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table
from council.models import Delegate


class DelegateActivityTable(Table):
    """The council's delegates and the figures of their records (delegates.selectors.
    delegates_activity annotates them), each column sortable."""

    full_name = Column(_("Đại biểu"))
    delegate_group = Column(_("Tổ đại biểu"), accessor="delegate_group__name")
    n_present = Column(_("Kỳ họp có mặt"))
    n_excused = Column(_("Vắng có lý do"))
    n_absent = Column(_("Vắng không lý do"))
    n_speeches = Column(_("Phát biểu"))
    n_questions = Column(_("Chất vấn"))
    n_votes = Column(_("Lượt biểu quyết"))
    n_voter_meetings = Column(_("Tiếp xúc cử tri"))
    n_petitions = Column(_("Kiến nghị cử tri"))
    n_delegations = Column(_("Đoàn giám sát"))
    n_receptions = Column(_("Tiếp công dân"))

    class Meta:
        model = Delegate
        fields = ["full_name"]
        empty_text = _("Nhiệm kỳ này chưa có đại biểu nào.")

    def render_full_name(self, value: str, record: Delegate) -> str:
        return format_html(
            '<a href="{}">{}</a>', reverse("delegates:record", args=[record.pk]), value
        )
