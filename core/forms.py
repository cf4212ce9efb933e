from __future__ import annotations

import re
from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.filters import use_fast_selects

# The blank choice of a drop-down: Django writes "---------" (BLANK_CHOICE_DASH, ModelChoiceField).
EMPTY_LABEL = _("— Chọn —")


DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


# A day, a month and a year as the formats above write them: what a date "looks like".
_DATE_SHAPE = re.compile(r"\s*(\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*")


class VnDateInput(forms.DateInput):
    """dd/mm/yyyy text input; the datepicker of browsers would show the user's OS locale."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {"placeholder": "dd/mm/yyyy", "autocomplete": "off", "class": "js-date"}
        base.update(attrs or {})
        super().__init__(attrs=base, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    """dd/mm/yyyy. A date written in the right shape that does not exist (31/02/2020) is told
    so, not asked for the format it already has."""

    default_error_messages = {
        "invalid": _("Nhập ngày theo dạng dd/mm/yyyy."),
        "nonexistent": _("Ngày không tồn tại."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault("widget", VnDateInput)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        try:
            return super().to_python(value)
        except ValidationError:
            if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
                raise ValidationError(
                    self.error_messages["nonexistent"], code="nonexistent"
                ) from None
            raise


BIGINT_MAX = 2**63 - 1


def _out_of_range(value: Any) -> bool:
    try:
        return abs(int(str(value))) > BIGINT_MAX
    except (TypeError, ValueError):
        return False  # not a number at all: Django reports it as an invalid choice


class SafeModelChoiceField(forms.ModelChoiceField):
    """A number too large for the database is an invalid choice, not a server error. The blank
    choice reads "— Chọn —"."""

    def __init__(self, queryset: Any, *, empty_label: Any = EMPTY_LABEL, **kwargs: Any) -> None:
        super().__init__(queryset, empty_label=empty_label, **kwargs)

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and _out_of_range(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value: Any) -> Any:
        for item in value:
            if _out_of_range(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super()._check_values(value)


def vn_formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    if isinstance(field, models.ForeignKey):
        kwargs.setdefault("form_class", SafeModelChoiceField)
    elif isinstance(field, models.ManyToManyField):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        kwargs.setdefault("form_class", VnDateField)
        kwargs.setdefault("widget", VnDateInput)
    formfield = field.formfield(**kwargs)
    if isinstance(formfield, forms.TypedChoiceField):
        # A model field's choices with Django's blank "---------" first.
        formfield.choices = [
            ("", EMPTY_LABEL) if value == "" else (value, label)
            for value, label in formfield.choices
        ]
    return formfield


def apply_validation_error(form: forms.BaseForm, exc: ValidationError) -> None:
    """A service's ValidationError onto the form: per field where the form has the field."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class _VnModelFormMetaclass(forms.models.ModelFormMetaclass):
    """Django reads formfield_callback from each form's own Meta only, so subclasses that
    declare a Meta would lose it: inject it into every Meta that does not set one."""

    def __new__(mcs, name: str, bases: tuple, attrs: dict[str, Any]):
        meta = attrs.get("Meta")
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = staticmethod(vn_formfield)
        return super().__new__(mcs, name, bases, attrs)


class BaseModelForm(forms.ModelForm, metaclass=_VnModelFormMetaclass):
    """ModelForm with dd/mm/yyyy dates, safe choice fields and a crispy helper; views render
    {% crispy form %}.

    Drop-downs of related records are written by core.filters.FastSelect, read when the
    form is rendered (so from the queryset the form's own __init__ settled on): a form over
    decades of sessions and meetings renders in milliseconds."""

    def __init__(self, *args: Any, council: Any = None, **kwargs: Any) -> None:
        # The request's council (core.views gives it): what a new record defaults to.
        self.council = council
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        use_fast_selects(self.fields)


def pk_or_none(value: Any) -> int | None:
    """A primary key from submitted or query-string text, or None (not a positive number, or
    beyond a bigint): such values narrow a list, they never raise."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < BIGINT_MAX else None
