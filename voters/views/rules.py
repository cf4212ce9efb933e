""" "Thời hạn theo luật": the legal time limits of letters (voters.DeadlineRule) and the retention
periods of personal data (voters.RetentionRule), read by the whole secretariat and changed by
administrators only (the rules are the installation's, shared by every council: the law is
national). On the same page, a calculator: an event and a start date give the deadline the
rules and the holiday calendar make (voters.casework.deadlines), so a clerk can check one by
hand.

When the law changes a limit, the administrator closes the old rule (Áp dụng đến) and adds the
new one from its effective date: letters received before keep the old limit."""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters
from crispy_forms.helper import FormHelper
from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import roles, tables
from core.forms import BaseModelForm, VnDateField
from core.views import RecordCreateView, RecordListView, RecordUpdateView
from council.holidays import WEEKDAYS
from voters.casework import deadlines
from voters.models import DeadlineRule, RetentionRule


class AdminWriteMixin:
    """Only administrators write the rules (roles.is_admin); the buttons follow the answer."""

    request: HttpRequest

    @classmethod
    def may_write(cls, user: Any) -> bool:
        return roles.is_admin(user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["can_edit"] = roles.is_admin(self.request.user)
        return ctx


class DeadlineRuleForm(BaseModelForm):
    class Meta:
        model = DeadlineRule
        fields = [
            "event",
            "days",
            "unit",
            "complex_days",
            "extension_days",
            "max_extensions",
            "basis",
            "valid_from",
            "valid_to",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        event, start = data.get("event"), data.get("valid_from")
        if not event or start is None:
            return data
        end = data.get("valid_to")
        # Two rules of one event in force on the same day would make a deadline depend on
        # which one the database returns first.
        overlapping = DeadlineRule.objects.filter(event=event).exclude(pk=self.instance.pk)
        overlapping = overlapping.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        if end is not None:
            overlapping = overlapping.filter(valid_from__lte=end)
        other = overlapping.order_by("valid_from").first()
        if other is not None:
            self.add_error(
                "valid_from",
                _(
                    "Thời gian áp dụng trùng với thời hạn đang có (áp dụng từ %s); hãy ghi "
                    "ngày hết áp dụng cho thời hạn cũ trước."
                )
                % other.valid_from.strftime("%d/%m/%Y"),
            )
        if data.get("max_extensions") and not data.get("extension_days"):
            self.add_error("extension_days", _("Ghi số ngày của mỗi lần gia hạn."))
        return data


class RetentionRuleForm(BaseModelForm):
    class Meta:
        model = RetentionRule
        fields = ["years", "basis"]


class DeadlineRuleFilter(django_filters.FilterSet):
    class Meta:
        model = DeadlineRule
        fields = ["event", "unit"]


class DeadlineRuleTable(tables.Table):
    edit = tables.Column("", accessor="pk", orderable=False)

    class Meta:
        model = DeadlineRule
        fields = [
            "event",
            "days",
            "complex_days",
            "extension_days",
            "max_extensions",
            "unit",
            "basis",
            "valid_from",
            "valid_to",
        ]
        empty_text = _("Chưa có thời hạn nào.")

    def render_edit(self, value, record: DeadlineRule) -> str:
        return _edit_button(reverse("voters:deadlinerule_update", args=[value]))


class RetentionRuleTable(tables.Table):
    edit = tables.Column("", accessor="pk", orderable=False)

    class Meta:
        model = RetentionRule
        fields = ["category", "years", "basis"]
        orderable = False
        empty_text = _("Chưa có thời hạn lưu nào.")

    def render_edit(self, value, record: RetentionRule) -> str:
        return _edit_button(reverse("voters:retentionrule_update", args=[value]))


def _edit_button(url: str) -> str:
    return format_html(
        '<a class="btn btn-sm btn-outline-primary" href="{}" title="{}">'
        '<i class="bi bi-pencil"></i></a>',
        url,
        _("Sửa"),
    )


class DeadlineCalculatorForm(forms.Form):
    """The calculator's question, read from the query string (a GET form: a result can be
    linked to and nothing is written)."""

    viec = forms.ChoiceField(label=_("Việc"), choices=DeadlineRule.Event.choices)
    tu_ngay = VnDateField(label=_("Ngày bắt đầu tính (ngày nhận, ngày chuyển, ngày thụ lý)"))
    phuc_tap = forms.BooleanField(label=_("Vụ việc phức tạp, cần xác minh"), required=False)
    gia_han = forms.IntegerField(
        label=_("Số lần gia hạn"), min_value=0, max_value=9, required=False, initial=0
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


def _calculate(form: DeadlineCalculatorForm) -> dict[str, Any] | None:
    """The deadline the form asks for, with the rule applied, or None (form not valid)."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    start: date = data["tu_ngay"]
    rule = deadlines.rule_for(data["viec"], start)
    if rule is None:
        form.add_error("tu_ngay", _("Chưa có thời hạn nào áp dụng cho việc này vào ngày đó."))
        return None
    try:
        due = deadlines.deadline(
            event=data["viec"],
            start=start,
            complex=data["phuc_tap"],
            extensions=data["gia_han"] or 0,
        )
    except ValueError:
        form.add_error("gia_han", _("Thời hạn này không được gia hạn số lần đó."))
        return None
    return {"rule": rule, "due": due, "weekday": WEEKDAYS[due.weekday()]}


class DeadlineRuleListView(AdminWriteMixin, RecordListView):
    model = DeadlineRule
    queryset = DeadlineRule.objects.all()
    template_name = "voters/deadlinerule_list.html"
    table_class = DeadlineRuleTable
    filterset_class = DeadlineRuleFilter
    section_title = _("Thời hạn theo luật")
    list_url_name = "voters:deadlinerule_list"
    create_url_name = "voters:deadlinerule_create"

    def get_table_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_table_kwargs()
        if not roles.is_admin(self.request.user):
            kwargs["exclude"] = ("edit",)
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        get = self.request.GET
        ctx["is_filtered"] = bool(get.get("event") or get.get("unit"))
        retention = RetentionRuleTable(exclude=() if ctx["can_edit"] else ("edit",))
        # Four categories: one page of them, no paginator of its own.
        retention.show(Paginator(list(RetentionRule.objects.all()), 25).page(1))
        ctx["retention_table"] = retention
        calculator = DeadlineCalculatorForm(get if "viec" in get else None)
        ctx["calculator"] = calculator
        ctx["calculated"] = _calculate(calculator) if calculator.is_bound else None
        return ctx


class DeadlineRuleCreateView(AdminWriteMixin, RecordCreateView):
    model = DeadlineRule
    form_class = DeadlineRuleForm
    section_title = _("Thời hạn theo luật")
    list_url_name = "voters:deadlinerule_list"


class DeadlineRuleUpdateView(AdminWriteMixin, RecordUpdateView):
    model = DeadlineRule
    form_class = DeadlineRuleForm
    section_title = _("Thời hạn theo luật")
    list_url_name = "voters:deadlinerule_list"


class RetentionRuleUpdateView(AdminWriteMixin, RecordUpdateView):
    model = RetentionRule
    form_class = RetentionRuleForm
    section_title = _("Thời hạn theo luật")
    list_url_name = "voters:deadlinerule_list"

    def get_success_url(self) -> str:
        return reverse("voters:deadlinerule_list")
