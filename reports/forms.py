from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from council.forms import BaseModelForm
from reports.models import AnnualReport


class AnnualReportForm(BaseModelForm):
    """The narrative of one year's report; figures are never typed in, they come from data."""

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

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        if number and not number.isdigit():
            raise forms.ValidationError(_("Số báo cáo chỉ gồm chữ số, ví dụ: 125."))
        return number
