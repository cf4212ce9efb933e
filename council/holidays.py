"""The holiday calendar's pages (council.Holiday): a year's days off and swapped working days,
listed by year (?nam=2026), entered and corrected by administrators only. Everyone of the
secretariat reads it: the deadlines of letters are counted over it (council.workdays), so a
clerk must be able to see why a deadline falls where it does.

Installation-wide reference data (the calendar is national), so administrators, not each
council's staff, keep it: one wrong row moves every council's deadlines."""

from __future__ import annotations

from typing import Any

import django_filters
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import roles, tables
from core.filters import YearFilter
from core.forms import BaseModelForm
from core.views import RecordCreateView, RecordDeleteView, RecordListView, RecordUpdateView
from council.models import Holiday
from council.workdays import SATURDAY

WEEKDAYS = [_("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"),
            _("Chủ nhật")]  # fmt: skip


class HolidayForm(BaseModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "kind", "name", "basis"]
        error_messages = {"date": {"unique": _("Ngày này đã có trong lịch nghỉ lễ.")}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, kind = data.get("date"), data.get("kind")
        if day is None or not kind:
            return data
        weekend = day.weekday() >= SATURDAY
        # A swapped working day only means something on a Saturday or Sunday; a weekday is a
        # working day already.
        if kind == Holiday.Kind.WORKING_DAY and not weekend:
            self.add_error(
                "kind",
                _("Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật; ngày đã chọn là %s.")
                % WEEKDAYS[day.weekday()],
            )
        # A holiday on a weekend is rested on the next working day (nghỉ bù, BLLĐ 2019 Điều
        # 111(3)): entering the weekend day would change nothing and hide the missing day off.
        if kind == Holiday.Kind.DAY_OFF and weekend:
            self.add_error(
                "date",
                _("%s đã là ngày nghỉ hằng tuần; hãy nhập ngày nghỉ bù (ngày làm việc kế tiếp).")
                % WEEKDAYS[day.weekday()],
            )
        return data


class HolidayFilter(django_filters.FilterSet):
    nam = YearFilter(field_name="date", lookup_expr="year")

    class Meta:
        model = Holiday
        fields = ["kind"]


class HolidayTable(tables.Table):
    weekday = tables.Column(_("Thứ"), accessor="date", orderable=False)
    actions = tables.Column("", accessor="pk", orderable=False)

    class Meta:
        model = Holiday
        fields = ["date", "weekday", "kind", "name", "basis"]
        empty_text = _("Chưa có ngày nghỉ lễ nào trong năm này.")

    def render_weekday(self, value, record: Holiday) -> str:
        return str(WEEKDAYS[value.weekday()])

    def render_actions(self, value, record: Holiday) -> str:
        return format_html(
            '<a class="btn btn-sm btn-outline-primary" href="{}" title="{}">'
            '<i class="bi bi-pencil"></i></a> '
            '<a class="btn btn-sm btn-outline-danger" href="{}" title="{}">'
            '<i class="bi bi-trash"></i></a>',
            reverse("council:holiday_update", args=[value]),
            _("Sửa"),
            reverse("council:holiday_delete", args=[value]),
            _("Xoá"),
        )


class AdminWriteMixin:
    """Only administrators write the national calendar (roles.is_admin); the generic views'
    buttons follow the same answer."""

    @classmethod
    def may_write(cls, user: Any) -> bool:
        return roles.is_admin(user)


class HolidaySection:
    model = Holiday
    section_title = _("Lịch nghỉ lễ, làm bù")
    list_url_name = "council:holiday_list"
    create_url_name = "council:holiday_create"
    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["can_edit"] = roles.is_admin(self.request.user)
        return ctx


class HolidayListView(HolidaySection, RecordListView):
    queryset = Holiday.objects.all()
    filterset_class = HolidayFilter
    table_class = HolidayTable
    empty_hint = _(
        "Quản trị nhập các ngày nghỉ khi Thủ tướng quyết định lịch nghỉ Tết, Quốc khánh."
    )

    def get_filterset_kwargs(self, filterset_class: type) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(filterset_class)
        # The current year unless another is asked for: a whole decade in one list helps no one.
        # (django-filter leaves a list unbound, data None, when the query string is empty.)
        data = kwargs["data"]
        if data is None or not data.get("nam"):
            data = data.copy() if data is not None else QueryDict(mutable=True)
            data["nam"] = str(timezone.localdate().year)
            kwargs["data"] = data
        return kwargs

    def get_table_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_table_kwargs()
        if not roles.is_admin(self.request.user):
            kwargs["exclude"] = ("actions",)
        return kwargs


class HolidayCreateView(HolidaySection, AdminWriteMixin, RecordCreateView):
    form_class = HolidayForm


class HolidayUpdateView(HolidaySection, AdminWriteMixin, RecordUpdateView):
    form_class = HolidayForm


class HolidayDeleteView(HolidaySection, AdminWriteMixin, RecordDeleteView):
    def get_success_url(self) -> str:
        return self.object.get_absolute_url()
