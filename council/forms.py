"""Form building blocks for every app: dd/mm/yyyy dates, crispy layout, Vietnamese messages."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import use_fast_selects
from core.forms import (
    BaseModelForm,
    SafeModelChoiceField,
    SafeModelMultipleChoiceField,
    VnDateField,
    pk_or_none,
    vn_formfield,
)
from council import models as m
from council.selectors import term_with_records


def form_term_id(form: forms.BaseForm) -> int | None:
    """The term a record form is about: what was submitted, else the one the page was asked
    for (?term=, when the user changes the term: follow()), the record's, or the default.
    Drop-downs of a term's sessions, meetings, Ban and delegates follow it."""
    if form.is_bound:
        value = form.data.get(form.add_prefix("term"))
    else:
        value = form.initial.get("term") or getattr(form.instance, "term_id", None)
    return pk_or_none(value)


def current_term_initial(form: forms.ModelForm) -> None:
    """New records default to the term this kind of record is being entered for: the term in
    force today once it has such records, else the latest term that has some
    (council.selectors.term_with_records) in the form's council (core.forms.BaseModelForm). A
    new term, or data entered after the fact, would otherwise open on a term whose sessions and
    meetings drop-downs are empty."""
    if form.instance.pk or "term" not in form.fields or form.initial.get("term"):
        return
    council = getattr(form, "council", None)
    if council is None:
        return
    model = form._meta.model
    term = term_with_records(council=council, records=model._default_manager.all())
    if term is not None:
        form.initial["term"] = term.pk


TERM_HELP = _("Theo nhiệm kỳ đã chọn: chọn nhiệm kỳ khác thì danh sách đổi theo.")


def follow(form: forms.BaseForm, leader: str, *names: str) -> None:
    """The named drop-downs follow the `leader` field: when the user changes it, the page asks
    for itself again with ?<leader>=<value> (static/js/app.js) and takes these drop-downs'
    options from the answer. The form view reads that parameter as the leader's initial value
    (core.views.FOLLOWED_FIELDS)."""
    for name in names:
        form.fields[name].widget.attrs["data-follows"] = form.add_prefix(leader)


def narrow_to_term(form: forms.BaseForm, term_id: int | None, *names: str) -> None:
    """The named drop-downs offer the records of the form's term only (form_term_id), say so,
    and follow the term field; with no term, they keep every option."""
    if term_id is None:
        return
    for name in names:
        field = form.fields[name]
        field.queryset = field.queryset.filter(term_id=term_id)
        field.help_text = TERM_HELP
    follow(form, "term", *names)


COUNCIL_FIELDS = [
    "name",
    "short_name",
    "level",
    "level_name",
    "parent",
    "place_name",
    "header_name",
    "secretariat_name",
    "resolution_symbol",
    "report_symbol",
    "resolution_sequence",
    "rate_rounding",
]


class CouncilForm(BaseModelForm):
    """A council's details. A commune's council names the province's that follows it; once a
    commune's, that link is not changed from the commune's own form."""

    class Meta:
        model = m.Council
        fields = COUNCIL_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.parent_id is not None:
            del self.fields["parent"]
        else:
            self.fields["parent"].queryset = m.Council.objects.exclude(
                level=m.Council.Level.COMMUNE
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        own = self.council  # the request's council (core.forms.BaseModelForm)
        if self.instance.pk is None and own is not None and own.parent_id is not None:
            raise forms.ValidationError(_("HĐND cấp xã không tạo HĐND khác."))
        return data


class TermForm(BaseModelForm):
    class Meta:
        model = m.Term
        fields = ["council", "ordinal", "roman", "start_date", "end_date"]

    def clean_roman(self) -> str:
        roman = self.cleaned_data["roman"].strip().upper()
        if not roman or any(ch not in "IVXLCDM" for ch in roman):
            raise forms.ValidationError(_("Khóa phải viết bằng số La Mã, ví dụ XVI."))
        return roman


ORGANIZATION_FIELDS = [
    "name",
    "short_name",
    "kind",
    "level",
    "admin_unit",
    "is_active",
    "valid_from",
    "valid_to",
]


class OrganizationForm(BaseModelForm):
    """An organisation belongs to the council that adds it (core.forms.BaseModelForm's council);
    who may change one afterwards is Organization.is_managed_by."""

    class Meta:
        model = m.Organization
        fields = ORGANIZATION_FIELDS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.instance.council = self.council


NEW_UNIT_FIELDS = ["name", "unit_type", "level", "parent", "code"]


class UnitMergeForm(forms.Form):
    """A rearrangement of administrative units: which units, from which day, on what basis, and
    into which unit (one already in force, or a new one named here): council.services.unit_merge."""

    predecessors = SafeModelMultipleChoiceField(
        queryset=m.AdministrativeUnit.objects.filter(valid_to__isnull=True),
        label=_("Các đơn vị được sắp xếp"),
        help_text=_("Các đơn vị thôi tồn tại từ ngày sắp xếp (đơn vị đang còn hiệu lực)."),
    )
    effective_date = VnDateField(label=_("Ngày có hiệu lực"))
    legal_basis = forms.CharField(
        label=_("Căn cứ"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: Nghị quyết số 1672/NQ-UBTVQH15"),
    )
    successor = SafeModelChoiceField(
        queryset=m.AdministrativeUnit.objects.filter(valid_to__isnull=True),
        label=_("Nhập vào đơn vị đang có"),
        required=False,
        help_text=_("Bỏ trống nếu hình thành đơn vị mới: khi đó nhập tên, loại và cấp ở dưới."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_fields = forms.fields_for_model(
            m.AdministrativeUnit, fields=NEW_UNIT_FIELDS, formfield_callback=vn_formfield
        )
        labels = {"name": _("Tên đơn vị mới"), "unit_type": _("Loại đơn vị mới")}
        for name, field in unit_fields.items():
            field.required = False
            field.label = labels.get(name, field.label)
        self.fields.update(unit_fields)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(_("Sắp xếp"), "predecessors", "effective_date", "legal_basis"),
            Fieldset(_("Đơn vị sau sắp xếp"), "successor", *NEW_UNIT_FIELDS),
        )
        use_fast_selects(self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("successor") is None:
            for name in ("name", "unit_type", "level"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Nhập mục này cho đơn vị mới, hoặc chọn đơn vị nhận sáp nhập.")
                    )
        elif data.get("name"):
            self.add_error("name", _("Đã chọn đơn vị nhận sáp nhập: bỏ trống tên đơn vị mới."))
        return data

    def merge_arguments(self) -> dict[str, Any]:
        """The keyword arguments of council.services.unit_merge."""
        data = self.cleaned_data
        successor = data.get("successor")
        new_unit = None
        if successor is None:
            new_unit = m.AdministrativeUnit(**{name: data.get(name) for name in NEW_UNIT_FIELDS})
            new_unit.code = new_unit.code or ""
        return {
            "predecessors": list(data["predecessors"]),
            "effective_date": data["effective_date"],
            "legal_basis": data.get("legal_basis", ""),
            "successor": successor,
            "new_unit": new_unit,
        }
