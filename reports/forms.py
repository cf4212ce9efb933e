from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BaseModelForm, SafeModelChoiceField, VnDateInput
from core.periods import Period
from council.models import Council, Delegate, Term
from reports.models import AnnualReport, Invitation
from sessions.models import Session


class AnnualReportForm(BaseModelForm):
    """The narrative of one report; figures are never typed in, they come from data."""

    class Meta:
        model = AnnualReport
        fields = [
            "number",
            "report_date",
            "place_date_override",
            "other_work",
            "assessment",
            "next_year_tasks",
            "signing_authority",
            "signer_title",
            "signer_name",
            "recipients",
        ]
        widgets = {
            "other_work": forms.Textarea(attrs={"rows": 5}),
            "assessment": forms.Textarea(attrs={"rows": 8}),
            "next_year_tasks": forms.Textarea(attrs={"rows": 8}),
            "recipients": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "other_work": _("Mỗi dòng là một đoạn văn."),
            "assessment": _(
                "Ưu điểm, hạn chế, nguyên nhân, bài học kinh nghiệm. Mỗi dòng một đoạn."
            ),
            "next_year_tasks": _("Mỗi dòng là một đoạn văn."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        report: AnnualReport = self.instance
        # The parts are named as the report being edited names them.
        if report.is_session_report:
            del self.fields["other_work"]
            self.fields["assessment"].label = _("III. Đánh giá")
            self.fields["next_year_tasks"].label = _("IV. Kiến nghị, đề xuất")
        elif report.kind != AnnualReport.Kind.YEAR:
            self.fields["next_year_tasks"].label = _("III. Phương hướng, nhiệm vụ thời gian tới")
        # A number the register gave is the register's: number and date stay as registered
        # (cancel the entry in the register to number the report again).
        from reports.numbering import report_register_entry

        if report.pk is not None and report_register_entry(report) is not None:
            for name in ("number", "report_date"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Đã vào sổ văn bản đi: số và ngày theo sổ, không sửa ở đây."
                )

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        if number and not number.isdigit():
            raise forms.ValidationError(_("Số báo cáo chỉ gồm chữ số, ví dụ: 125."))
        return number


class InvitationForm(BaseModelForm):
    """An invitation to a session: when and where, who is invited, the signer. Its number is
    the register's (series GM), given when it is first saved; its date is the register
    entry's, so it cannot change once numbered."""

    class Meta:
        model = Invitation
        fields = [
            "date",
            "meeting_date",
            "meeting_time",
            "meeting_place",
            "notes",
            "all_delegates",
            "delegates",
            "guests",
            "signing_authority",
            "signer_title",
            "signer_name",
            "recipients",
        ]
        widgets = {
            "meeting_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "delegates": forms.CheckboxSelectMultiple,
            "guests": forms.Textarea(attrs={"rows": 5}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "meeting_time": {"invalid": _("Nhập giờ theo dạng hh:mm, ví dụ: 07:30.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        invitation: Invitation = self.instance
        # Only the serving delegates of the session's term can be chosen.
        self.fields["delegates"].queryset = Delegate.objects.filter(
            term_id=invitation.session.term_id, status=Delegate.Status.ACTIVE
        ).order_by("full_name", "pk")
        if invitation.is_registered or invitation.printed_reference:
            self.fields["date"].disabled = True
            self.fields["date"].help_text = _(
                "Ngày của văn bản đã cấp số không đổi được. Cần ngày khác: huỷ số trong sổ văn "
                "bản đi và lập giấy mời mới."
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("all_delegates") and not data.get("delegates") and not data.get("guests"):
            raise forms.ValidationError(
                _("Giấy mời cần ít nhất một nơi được mời: đại biểu hoặc khách mời.")
            )
        return data


DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATE_ERROR = {"invalid": _("Nhập ngày theo dạng dd/mm/yyyy.")}


class ReportPeriodForm(forms.Form):
    """Which report to make: the activity report of a period (a year, its first 6 or 9 months,
    a term, any range of days) or the petitions report of a session."""

    YEAR, HALF, NINE_MONTHS, TERM, CUSTOM, SESSION = (
        "year",
        "half",
        "nine_months",
        "term",
        "custom",
        "session",
    )
    kind = forms.ChoiceField(
        label=_("Báo cáo"),
        choices=[
            (YEAR, _("Kết quả hoạt động cả năm")),
            (HALF, _("Kết quả hoạt động 6 tháng đầu năm")),
            (NINE_MONTHS, _("Kết quả hoạt động 9 tháng đầu năm")),
            (TERM, _("Kết quả hoạt động cả nhiệm kỳ")),
            (CUSTOM, _("Kết quả hoạt động từ ngày … đến ngày …")),
            (SESSION, _("Kết quả giám sát giải quyết kiến nghị của cử tri gửi đến kỳ họp")),
        ],
        initial=YEAR,
        widget=forms.RadioSelect,
    )
    year = forms.IntegerField(
        label=_("Năm"),
        required=False,
        min_value=1945,
        max_value=2200,
        error_messages={
            "invalid": _("Nhập năm bằng số, ví dụ: 2019."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
    )
    term = SafeModelChoiceField(label=_("Nhiệm kỳ"), queryset=Term.objects.none(), required=False)
    date_from = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        widget=VnDateInput,
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERROR,
    )
    date_to = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        widget=VnDateInput,
        input_formats=DATE_FORMATS,
        error_messages=DATE_ERROR,
    )
    session = SafeModelChoiceField(
        label=_("Kỳ họp"), queryset=Session.objects.none(), required=False
    )

    def __init__(self, *args: Any, council: Council, today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["year"].initial = today.year
        self.fields["term"].queryset = Term.objects.filter(council=council).order_by("-start_date")
        self.fields["session"].queryset = (
            Session.objects.filter(term__council=council)
            .select_related("term")
            .order_by("-start_date", "-number")
        )
        self.period: Period | None = None
        self.chosen_session: Session | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        required = {
            self.YEAR: ["year"],
            self.HALF: ["year"],
            self.NINE_MONTHS: ["year"],
            self.TERM: ["term"],
            self.CUSTOM: ["date_from", "date_to"],
            self.SESSION: ["session"],
        }.get(kind, [])
        missing = [name for name in required if data.get(name) in (None, "")]
        for name in missing:
            if name not in self.errors:
                self.add_error(name, _("Cần chọn hoặc nhập mục này cho loại báo cáo đã chọn."))
        if missing or self.errors:
            return data
        if kind == self.SESSION:
            self.chosen_session = data["session"]
        elif kind == self.TERM:
            self.period = Period.of_term(data["term"], today=self.today)
        elif kind == self.CUSTOM:
            if data["date_to"] < data["date_from"]:
                self.add_error("date_to", _("Ngày kết thúc không được trước ngày bắt đầu."))
                return data
            self.period = Period.between(data["date_from"], data["date_to"])
        else:
            months = {self.YEAR: 12, self.HALF: 6, self.NINE_MONTHS: 9}[kind]
            self.period = Period.months(data["year"], months)
        return data
