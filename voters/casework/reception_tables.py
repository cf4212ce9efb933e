"""Tables of citizen reception: the schedule, a reception's visits, the register. A visit's
citizen is personal data (views exclude the column for those who may not see it) and a
denunciator's is masked in every list (voters.casework.identity.public_value)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core import tables
from core.tables import SUMMARY_ATTRS
from voters.casework.identity import public_value
from voters.models import ReceptionSchedule, ReceptionVisit


def _time(value) -> str:
    return value.strftime("%H:%M")


def _links(*links: tuple[str, str, str]) -> str:
    """Small buttons (url, icon, label) in one cell."""
    return format_html_join(
        " ",
        '<a class="btn btn-sm btn-outline-secondary" href="{}"><i class="bi {}"></i> {}</a>',
        links,
    )


class ReceptionScheduleTable(tables.Table):
    # A slot has no page of its own; the schedule of its month is its page.
    start_time = tables.Column(verbose_name=_("Giờ"))
    reception = tables.Column(verbose_name=_("Kết quả"), orderable=False)
    actions = tables.Column(verbose_name=_("Thao tác"), accessor="pk", orderable=False)

    class Meta:
        model = ReceptionSchedule
        fields = ["date", "start_time", "host_kind", "host", "location", "note", "published"]
        empty_text = _("Chưa có lịch tiếp công dân nào trong tháng.")
        orderable = False

    def render_start_time(self, value, record: ReceptionSchedule) -> str:
        if record.end_time is None:
            return _time(value)
        return f"{_time(value)} - {_time(record.end_time)}"

    def render_reception(self, value, record: ReceptionSchedule) -> str:
        return format_html(
            '<a href="{}"><i class="bi bi-journal-check"></i> {}</a>',
            value.get_absolute_url(),
            _("Đã tiếp: xem kết quả"),
        )

    def render_actions(self, value, record: ReceptionSchedule) -> str:
        links = []
        if record.reception_id is None:
            links.append(
                (
                    reverse("voters:citizenreception_create") + f"?lich={value}",
                    "bi-journal-plus",
                    _("Ghi kết quả buổi tiếp"),
                )
            )
        links.append(
            (reverse("voters:receptionschedule_update", args=[value]), "bi-pencil", _("Sửa"))
        )
        links.append(
            (reverse("voters:receptionschedule_delete", args=[value]), "bi-trash", _("Xoá"))
        )
        return _links(*links)


class _VisitColumns(tables.Table):
    citizen_name = tables.Column(verbose_name=_("Công dân"), orderable=False)
    content = tables.Column(attrs=SUMMARY_ATTRS)
    response = tables.Column(attrs=SUMMARY_ATTRS)
    case = tables.Column(verbose_name=_("Vụ việc số"))

    def render_citizen_name(self, value: str, record: ReceptionVisit) -> str:
        return public_value(record, "citizen_name")

    def render_case(self, value, record: ReceptionVisit) -> str:
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.number)


class ReceptionVisitTable(_VisitColumns):
    """The visits on their reception's page, with their actions for those who write."""

    actions = tables.Column(verbose_name=_("Thao tác"), accessor="pk", orderable=False)

    class Meta:
        model = ReceptionVisit
        fields = ["citizen_name", "persons", "kind", "content", "response", "case"]
        empty_text = _("Chưa ghi lượt tiếp nào.")
        orderable = False

    def render_actions(self, value, record: ReceptionVisit) -> str:
        links = [
            (reverse("voters:receptionvisit_update", args=[value]), "bi-pencil", _("Sửa")),
            (reverse("voters:receptionvisit_delete", args=[value]), "bi-trash", _("Xoá")),
        ]
        if record.letter_id is None:
            links.insert(
                0,
                (
                    reverse("voters:receptionvisit_letter", args=[value]),
                    "bi-envelope-plus",
                    _("Tạo đơn và vụ việc"),
                ),
            )
        return _links(*links)


class RegisterTable(_VisitColumns):
    """The register of reception (sổ tiếp công dân): one row a visit."""

    date = tables.Column(accessor="reception__date", verbose_name=_("Ngày tiếp"), linkify=True)
    host = tables.Column(accessor="reception__host", verbose_name=_("Người chủ trì"))

    class Meta:
        model = ReceptionVisit
        fields = ["date", "host", "citizen_name", "persons", "kind", "content", "response", "case"]
        empty_text = _("Chưa có lượt tiếp công dân nào.")
