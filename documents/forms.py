"""The register's forms: validation and layout only; the services write."""

from __future__ import annotations

import re
from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import BaseModelForm, SafeModelChoiceField, VnDateField
from core.uploads import validate_upload
from council.models import Council
from documents.models import DocumentSeries, OutgoingDocument
from documents.selectors import series_list
from documents.services import DRAFT_KINDS, EDITABLE_FIELDS, SIGNED_KINDS

_CODE = re.compile(r"[A-Za-z0-9_-]{1,20}")


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class DocumentIssueForm(forms.Form):
    """ "Cấp số văn bản": a clerk registers a document written outside the app and gets its
    number; the Word file may be attached now or never."""

    series = SafeModelChoiceField(
        queryset=DocumentSeries.objects.none(),
        label=_("Sổ văn bản"),
        error_messages={"required": _("Chọn sổ văn bản.")},
    )
    date = VnDateField(
        label=_("Ngày văn bản"),
        help_text=_("Số được cấp theo năm của ngày văn bản."),
        error_messages={"required": _("Nhập ngày văn bản.")},
    )
    kind_label = forms.CharField(
        label=_("Tên loại văn bản"),
        max_length=100,
        required=False,
        help_text=_("Bỏ trống: theo tên sổ. Ví dụ: Thông báo kết luận."),
    )
    subject = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Nhập trích yếu nội dung văn bản.")},
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=150,
        required=False,
        help_text=_("Ví dụ: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi nơi nhận một dòng, ví dụ: UBND tỉnh; Lưu: VT."),
    )
    upload = forms.FileField(
        label=_("Tệp văn bản (không bắt buộc)"),
        required=False,
        help_text=_("Word (DOC, DOCX, ODT) hoặc PDF; kiểm tra theo nội dung tệp."),
    )

    def __init__(self, *args: Any, council: Council | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series_list(council=council, active_only=True)
        self.helper = _helper()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_upload(upload, kinds=DRAFT_KINDS)
        return upload


class DocumentUpdateForm(BaseModelForm):
    """What may be corrected once numbered: never the number, series, year or date."""

    class Meta:
        model = OutgoingDocument
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "subject": forms.Textarea(attrs={"rows": 3}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
        }


class SignedCopyForm(forms.Form):
    upload = forms.FileField(
        label=_("Bản đã ký (PDF)"),
        help_text=_("Bản scan hoặc bản ký số, định dạng PDF; trở thành tệp chính thức."),
        error_messages={"required": _("Chọn tệp PDF bản đã ký.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        validate_upload(upload, kinds=SIGNED_KINDS)
        return upload


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do huỷ"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Ghi lý do huỷ văn bản.")},
    )
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận huỷ văn bản này; số của nó không được cấp lại."),
        error_messages={"required": _("Đánh dấu ô xác nhận để huỷ.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class DocumentSeriesForm(BaseModelForm):
    """A series of the request's council; its code is fixed once created (other apps ask for
    their series by code)."""

    class Meta:
        model = DocumentSeries
        fields = ["code", "name", "symbol", "yearly_reset", "is_active", "order"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.council = self.council
        else:
            self.fields["code"].disabled = True
        self.fields["symbol"].help_text = _(
            "In sau số văn bản, ví dụ: TB-HĐND (số 05/TB-HĐND) hoặc HĐND-VP. Đổi ký hiệu chỉ "
            "áp dụng cho số cấp sau đó; văn bản đã cấp giữ ký hiệu cũ."
        )

    def clean_code(self) -> str:
        code = (self.cleaned_data.get("code") or "").strip().upper()
        if not _CODE.fullmatch(code):
            raise ValidationError(
                _("Mã sổ chỉ gồm chữ không dấu, chữ số, gạch nối; tối đa 20 ký tự.")
            )
        return code
