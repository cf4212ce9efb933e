"""Forms of the case workflow: validation and layout only; the writes are
voters.casework.services'."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Layout, Row
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BaseModelForm, SafeModelChoiceField, VnDateField
from core.roles import Role
from council.forms import current_term_initial
from council.models import AdministrativeUnit, Organization
from voters.models import Case, CaseDocument, CaseFollowUp, Letter, PetitionField


class _PlainForm(forms.Form):
    """A form of one action, rendered by crispy without its own <form> tag (the page's)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class LetterIntakeForm(BaseModelForm):
    """Tiếp nhận đơn: the letter as received. The case it joins is chosen among the likely
    duplicates the page shows as the clerk types (a radio "case" in that fragment, read by the
    view); none chosen opens a new case."""

    class Meta:
        model = Letter
        fields = [
            "term",
            "received_date",
            "channel",
            "kind",
            "sender_name",
            "sender_id_number",
            "sender_address",
            "sender_phone",
            "summary",
            "classification",
            "consent_note",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current_term_initial(self)
        if not self.is_bound:
            self.initial.setdefault("received_date", timezone.localdate())
        # The form's one-time token (core.idempotency) is added after the layout is made.
        self.helper.render_unmentioned_fields = True
        self.fields["sender_name"].help_text = _(
            "Với đơn tố cáo, chỉ chuyên viên được giao xử lý vụ việc được xem thông tin này."
        )
        self.helper.layout = Layout(
            Row(
                Column("term", css_class="col-md-4"),
                Column("received_date", css_class="col-md-4"),
                Column("channel", css_class="col-md-4"),
            ),
            "kind",
            Row(
                Column("sender_name", css_class="col-md-6"),
                Column("sender_id_number", css_class="col-md-6"),
            ),
            Row(
                Column("sender_address", css_class="col-md-8"),
                Column("sender_phone", css_class="col-md-4"),
            ),
            "summary",
            "classification",
            "consent_note",
        )


class LetterProcessForm(_PlainForm):
    handling = forms.ChoiceField(
        label=_("Hướng xử lý"), choices=[("", "— Chọn —"), *Letter.Handling.choices]
    )
    date = VnDateField(label=_("Ngày xử lý"))
    forwarded_to = SafeModelChoiceField(
        Organization.objects.filter(is_active=True),
        label=_("Chuyển đến cơ quan có thẩm quyền"),
        required=False,
    )
    ineligible_reason = forms.ChoiceField(
        label=_("Đơn không đủ điều kiện xử lý vì"),
        choices=[("", _("— Đơn đủ điều kiện xử lý —")), *Letter.IneligibleReason.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("Ghi chú xử lý"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    issue_document = forms.BooleanField(
        label=_("Tạo phiếu chuyển đơn (khi chuyển đơn) hoặc văn bản hướng dẫn (khi hướng dẫn)"),
        required=False,
        initial=True,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("handling") == Letter.Handling.FORWARDED and not data.get("forwarded_to"):
            self.add_error("forwarded_to", _("Chọn cơ quan có thẩm quyền nhận đơn."))
        return data


class FollowUpForm(BaseModelForm):
    issue_document = forms.BooleanField(
        label=_("Tạo văn bản đôn đốc"), required=False, initial=False
    )

    class Meta:
        model = CaseFollowUp
        fields = ["date", "organization", "method", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class AnswerForm(_PlainForm):
    date = VnDateField(label=_("Ngày có kết quả"))
    summary = forms.CharField(
        label=_("Kết quả giải quyết của cơ quan có thẩm quyền"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CloseForm(_PlainForm):
    date = VnDateField(label=_("Ngày kết thúc theo dõi"))
    result = forms.CharField(
        label=_("Kết quả, lý do kết thúc theo dõi"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class DocumentForm(_PlainForm):
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=CaseDocument.Kind.choices)
    letter = SafeModelChoiceField(Letter.objects.none(), label=_("Đơn"), required=False)
    date = VnDateField(label=_("Ngày văn bản"))
    recipient = SafeModelChoiceField(
        Organization.objects.filter(is_active=True), label=_("Nơi nhận"), required=False
    )
    subject = forms.CharField(label=_("Trích yếu"), max_length=300, required=False)
    body = forms.CharField(
        label=_("Nội dung"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Để trống: nội dung soạn sẵn từ vụ việc."),
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=150, required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["letter"]
        field.queryset = case.letters.order_by("received_date", "pk")
        # A letter by its receipt, never by its sender.
        field.label_from_instance = str


class AttachForm(_PlainForm):
    case = SafeModelChoiceField(Case.objects.none(), label=_("Chuyển đơn sang vụ việc"))

    def __init__(self, *args: Any, cases: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases


def user_label(user: Any) -> str:
    return user.get_full_name() or user.username


def handler_choices(council: Any) -> Any:
    """The council's staff who may handle a case (secretariat staff and administrators)."""
    own = Q(profile__council=council)
    if council is not None and council.parent_id is None:
        own |= Q(profile__council__isnull=True) | Q(profile__isnull=True)
    return (
        get_user_model()
        .objects.filter(own, is_active=True, groups__name__in=[Role.STAFF, Role.ADMIN])
        .distinct()
        .order_by("username")
    )


class CaseForm(BaseModelForm):
    class Meta:
        model = Case
        fields = [
            "title",
            "kind",
            "field",
            "locality",
            "within_competence",
            "group_size",
            "handler",
            "complex",
            "extensions",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The version it was read at (core.concurrency) is added after the layout is made.
        self.helper.render_unmentioned_fields = True
        self.fields["field"].queryset = PetitionField.objects.all()
        self.fields["locality"].queryset = AdministrativeUnit.objects.order_by("name")
        self.fields["handler"].queryset = handler_choices(self.council)
        self.fields["handler"].label_from_instance = user_label
        self.helper.layout = Layout(
            "title",
            Row(Column("kind", css_class="col-md-6"), Column("field", css_class="col-md-6")),
            Row(
                Column("locality", css_class="col-md-6"),
                Column("handler", css_class="col-md-6"),
            ),
            Row(
                Column("group_size", css_class="col-md-4"),
                Column("extensions", css_class="col-md-4"),
                Column(Div("within_competence", "complex"), css_class="col-md-4"),
            ),
        )
