"""The forms of routine documents: the texts of one document before it is numbered, and a
kind's template. Validation and layout only; reports.routine.issue writes."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import VnDateField
from council.models import Council
from documents.selectors import series_list
from reports.routine.base import Draft


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class RoutineIssueForm(forms.Form):
    """The document as it will be numbered and printed: the template's texts, filled, which
    the clerk may correct for this one document."""

    date = VnDateField(
        label=_("Ngày văn bản"),
        help_text=_("Số được cấp theo năm của ngày văn bản."),
        error_messages={"required": _("Nhập ngày văn bản.")},
    )
    subject = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Nhập trích yếu của văn bản.")},
    )
    addressees = forms.CharField(
        label=_("Kính gửi"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi nơi một dòng; để trống nếu văn bản không có «Kính gửi»."),
    )
    opening = forms.CharField(
        label=_("Đoạn mở đầu"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    closing = forms.CharField(
        label=_("Đoạn kết"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi nơi nhận một dòng; «Lưu: VT» được thêm nếu thiếu."),
    )
    signing_authority = forms.CharField(
        label=_("Thẩm quyền ký"),
        max_length=100,
        required=False,
        help_text=_("Ví dụ: TM. THƯỜNG TRỰC HĐND"),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)

    def __init__(self, *args: Any, doc_type: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.doc_type = doc_type
        self.helper = _helper()

    @classmethod
    def initial_of(cls, draft: Draft) -> dict[str, Any]:
        return {
            "date": draft.date,
            "subject": draft.subject,
            "addressees": "\n".join(draft.addressees),
            "opening": draft.opening,
            "closing": draft.closing,
            "recipients": "\n".join(draft.recipients),
            "signing_authority": draft.signing_authority,
            "signer_title": draft.signer_title,
            "signer_name": draft.signer_name,
        }

    def draft(self) -> Draft:
        data = self.cleaned_data
        return Draft(
            date=data["date"],
            subject=data["subject"].strip(),
            addressees=_lines(data["addressees"]),
            opening=data["opening"].strip(),
            closing=data["closing"].strip(),
            recipients=_lines(data["recipients"]),
            signing_authority=data["signing_authority"].strip(),
            signer_title=data["signer_title"].strip(),
            signer_name=data["signer_name"].strip(),
            doc_type=self.doc_type,
        )


class RoutineTemplateForm(forms.Form):
    """A kind's texts for the council. The placeholders it may use are listed beside it."""

    series_code = forms.ChoiceField(label=_("Sổ văn bản cấp số"))
    doc_type = forms.CharField(
        label=_("Tên loại in trên văn bản"),
        max_length=100,
        required=False,
        help_text=_("Ví dụ: THÔNG BÁO. Để trống với công văn (trích yếu in dưới số văn bản)."),
    )
    subject = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Nhập trích yếu mẫu.")},
    )
    opening = forms.CharField(
        label=_("Đoạn mở đầu"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    closing = forms.CharField(
        label=_("Đoạn kết"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi nơi nhận một dòng."),
    )
    signing_authority = forms.CharField(label=_("Thẩm quyền ký"), max_length=100, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)
    signer_name = forms.CharField(
        label=_("Người ký"),
        max_length=150,
        required=False,
        help_text=_("Để trống nếu người ký thay đổi; ghi khi lập từng văn bản."),
    )

    def __init__(self, *args: Any, council: Council | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["series_code"].choices = [
            (s.code, f"{s.name} ({s.symbol})") for s in series_list(council=council)
        ]
        self.fields["series_code"].error_messages["invalid_choice"] = _(
            "Chọn một sổ văn bản của HĐND."
        )
        self.helper = _helper()
