from __future__ import annotations

import datetime as dt

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from oversight.models import OversightActivity, OversightProgramme, OversightRecommendation


class ActivityTable(tables.Table):
    attributed_year = tables.Column(verbose_name=_("Năm"))
    topic = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)
    actor = tables.Column(
        verbose_name=_("Chủ thể"), accessor="actor_label", order_by=("actor", "committee__name")
    )

    class Meta:
        model = OversightActivity
        fields = ["attributed_year", "start_date", "end_date", "topic", "actor", "kind"]
        empty_text = _("Chưa có hoạt động giám sát nào.")


class RecommendationTable(tables.Table):
    content = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)
    activity = tables.Column(verbose_name=_("Hoạt động giám sát"), linkify=True)
    is_overdue_now = tables.Column(verbose_name=_("Quá hạn"), orderable=False)

    class Meta:
        model = OversightRecommendation
        fields = ["content", "addressee", "deadline", "status", "is_overdue_now", "activity"]
        empty_text = _("Chưa có kiến nghị sau giám sát nào.")

    def render_content(self, value: str, record: OversightRecommendation) -> str:
        return value if len(value) <= 160 else value[:157] + "…"

    def render_is_overdue_now(self, value: bool, record: OversightRecommendation) -> str:
        if value:
            return format_html('<span class="badge text-bg-danger">{}</span>', _("Quá hạn"))
        return ""


class OverdueTable(tables.Table):
    days_overdue = tables.Column(verbose_name=_("Số ngày quá hạn"))
    content = tables.Column(linkify=True, attrs=SUMMARY_ATTRS)
    committee = tables.Column(verbose_name=_("Ban"), accessor="activity__committee")
    follow_up_count = tables.Column(verbose_name=_("Lần đôn đốc"))

    class Meta:
        model = OversightRecommendation
        fields = ["days_overdue", "deadline", "content", "addressee", "status", "committee"]
        # The SQL order (most overdue first) is the point of this page.
        orderable = False
        empty_text = _("Không có kiến nghị nào quá hạn.")

    def render_days_overdue(self, value: dt.timedelta, record: OversightRecommendation) -> str:
        return number_format(value.days, force_grouping=True)

    def render_content(self, value: str, record: OversightRecommendation) -> str:
        return value if len(value) <= 160 else value[:157] + "…"


class ProgrammeTable(tables.Table):
    year = tables.Column(linkify=True)
    title = tables.Column(attrs=SUMMARY_ATTRS)
    item_count = tables.Column(verbose_name=_("Số nội dung"))

    class Meta:
        model = OversightProgramme
        fields = ["year", "title", "term", "adopted_number", "adopted_date", "item_count"]
        empty_text = _("Chưa có chương trình giám sát nào.")
