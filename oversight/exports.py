"""The columns of the oversight app's Excel exports, declared once: the export views and the
benchmark (bench/) build their files from these."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import Columns, choice_label
from oversight.models import OversightActivity, OversightRecommendation

ACTIVITY_COLUMNS: Columns = (
    (_("Năm"), lambda a: a.attributed_year),
    (_("Nhiệm kỳ"), lambda a: a.term.roman),
    (_("Chủ thể"), lambda a: a.actor_label),
    (_("Hình thức"), choice_label(OversightActivity, "kind")),
    (_("Nội dung"), lambda a: a.topic),
    (_("Ngày bắt đầu"), lambda a: a.start_date),
    (_("Ngày kết thúc"), lambda a: a.end_date),
    # Prefetched by the view (supervised_organizations): no query per row.
    (
        _("Cơ quan chịu sự giám sát"),
        lambda a: "; ".join(o.name for o in a.supervised_organizations.all()),
    ),
    (_("Số quyết định / nghị quyết thành lập"), lambda a: a.establishing_number),
    (_("Số kế hoạch"), lambda a: a.plan_number),
    (_("Số báo cáo kết quả"), lambda a: a.result_report_number),
    (_("Số thông báo kết luận"), lambda a: a.conclusion_number),
)

RECOMMENDATION_COLUMNS: Columns = (
    (_("Nội dung kiến nghị"), lambda r: r.content),
    (_("Cơ quan được kiến nghị"), lambda r: r.addressee.name),
    (_("Thời hạn"), lambda r: r.deadline),
    (_("Tình trạng"), choice_label(OversightRecommendation, "status")),
    (_("Quá hạn"), lambda r: _("Có") if r.is_overdue_now else ""),
    (_("Ban"), lambda r: r.activity.committee.name if r.activity.committee_id else ""),
    (_("Hoạt động giám sát"), lambda r: r.activity.topic),
)
