"""Forms and the register's filter of citizen reception: validation and layout only (writes in
voters.casework.reception)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import YearFilter
from core.forms import BaseModelForm
from council.models import Delegate
from voters.models import Case, Letter, ReceptionSchedule, ReceptionVisit

TIME_WIDGET = forms.TimeInput(format="%H:%M", attrs={"type": "time"})


class ReceptionScheduleForm(BaseModelForm):
    class Meta:
        model = ReceptionSchedule
        fields = [
            "date",
            "start_time",
            "end_time",
            "host_kind",
            "host",
            "host_delegate",
            "location",
            "note",
            "published",
        ]
        widgets = {"start_time": TIME_WIDGET, "end_time": TIME_WIDGET}
        help_texts = {
            "note": _("Công khai cùng lịch: không ghi tên, địa chỉ công dân."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host_delegate"].queryset = Delegate.objects.select_related("term")
        for name in ("start_time", "end_time"):
            self.fields[name].input_formats = ["%H:%M", "%H:%M:%S"]
            self.fields[name].error_messages["invalid"] = _("Nhập giờ dạng 08:00.")


class ReceptionVisitForm(BaseModelForm):
    class Meta:
        model = ReceptionVisit
        fields = [
            "citizen_name",
            "citizen_address",
            "citizen_id_number",
            "persons",
            "kind",
            "content",
            "response",
            "case",
            "letter",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "response": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "persons": _(
                "Từ 5 người trở lên là đoàn đông người (Luật Tiếp công dân 2013, Điều 30)."
            ),
            "case": _("Vụ việc đã có mà công dân trình bày lại."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # core.views scopes both drop-downs to the request's council (scope_choices).
        self.fields["case"].queryset = Case.objects.order_by("-year", "-seq")
        self.fields["letter"].queryset = Letter.objects.select_related("term").filter(
            channel=Letter.Channel.RECEPTION
        )
        self.fields["letter"].help_text = _("Đơn công dân nộp tại buổi tiếp.")


class RegisterFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="reception__date", lookup_expr="year")

    class Meta:
        model = ReceptionVisit
        fields = ["year", "kind"]


class ScheduleFilter(django_filters.FilterSet):
    """The schedule's month is chosen above the list (?thang=); these narrow it further."""

    class Meta:
        model = ReceptionSchedule
        fields = ["host_kind", "published"]
