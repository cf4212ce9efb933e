from django.utils.translation import gettext_lazy as _

from core import tables
from sessions.models import Session


class SessionTable(tables.Table):
    number = tables.Column(linkify=True, verbose_name=_("Kỳ họp thứ"))
    kind = tables.Column(verbose_name=_("Loại kỳ họp"))
    resolution_count = tables.Column(verbose_name=_("Số nghị quyết"), orderable=True)

    class Meta:
        model = Session
        fields = [
            "number",
            "term",
            "kind",
            "start_date",
            "end_date",
            "format",
            "status",
            "resolution_count",
        ]
        empty_text = _("Chưa có kỳ họp nào.")

    def render_kind(self, value, record: Session) -> str:
        # Era-aware wording: "bất thường" before 01/07/2020, "chuyên đề" after.
        return record.kind_label.capitalize()

    def render_term(self, value, record: Session) -> str:
        return f"Khóa {record.term.roman}"
