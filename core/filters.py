from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.scoping import of_council, request_council
from core.text import fold


class FastSelect(forms.Select):
    """A <select> whose options are written in Python, not through one template per option.

    A drop-down can list the sessions of decades (thousands of options): Django renders each
    option through its own template, which cost more than a second per page at that size. Same
    markup and escaping, a few milliseconds. Flat choices only (no option groups). With `field`
    (use_fast_selects), a model field's options are read when the widget is rendered: from the
    queryset the form settled on, less what offer_only leaves out."""

    field: forms.ModelChoiceField | None = None

    def render(self, name, value, attrs=None, renderer=None) -> str:
        choices = self.choices if self.field is None else _choices(self.field)
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        parts = [f'<select name="{escape(name)}"{flatatt(final_attrs)}>']
        for option_value, label in choices:
            option_value = "" if option_value is None else str(option_value)
            chosen = " selected" if option_value in selected else ""
            parts.append(
                f'<option value="{escape(option_value)}"{chosen}>{escape(str(label))}</option>'
            )
        parts.append("</select>")
        return mark_safe("".join(parts))  # names, values and labels escaped


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    """FastSelect's rendering, SelectMultiple's reading of the submitted list."""


def offer_only(
    field: forms.ModelChoiceField, condition: Q, selected: int | list[int] | None = None
) -> None:
    """The drop-down offers the options matching `condition`, and the selected one(s) (primary
    keys); every option of the field's queryset stays valid (a link may name any). For
    drop-downs of one of thousands of records (the sessions of decades): tens of options, not
    half a megabyte of them."""
    if isinstance(selected, list):
        condition |= Q(pk__in=selected)
    elif selected is not None:
        condition |= Q(pk=selected)
    field.offered = condition


def _choices(field: forms.ModelChoiceField) -> Iterable[tuple[Any, Any]]:
    """The field's (value, label) pairs, the blank first, over the options offer_only left."""
    offered = getattr(field, "offered", None)
    if offered is None:
        return field.choices
    blank = [] if field.empty_label is None else [("", field.empty_label)]
    return blank + [
        (field.prepare_value(obj), field.label_from_instance(obj))
        for obj in field.queryset.filter(offered)
    ]


FAST_WIDGETS = {forms.Select: FastSelect, forms.SelectMultiple: FastSelectMultiple}


def use_fast_selects(fields: dict[str, forms.Field]) -> None:
    """Model drop-downs written by FastSelect, read when rendered."""
    for field in fields.values():
        widget_class = FAST_WIDGETS.get(type(field.widget))
        if isinstance(field, forms.ModelChoiceField) and widget_class is not None:
            field.widget = widget_class(attrs=field.widget.attrs)
            field.widget.field = field


def scope_choices(form: forms.BaseForm, request: Any) -> None:
    """A form's drop-downs offer, and accept, the request's council's records only (shared
    reference data, such as petition fields, whole)."""
    council = request_council(request)
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = of_council(field.queryset, council)


def scope_filter_form(filterset: django_filters.FilterSet) -> None:
    """A list's filter form: its drop-downs scoped (scope_choices), written by FastSelect."""
    scope_choices(filterset.form, filterset.request)
    use_fast_selects(filterset.form.fields)


def bootstrap_widgets(form: forms.Form) -> None:
    """Bootstrap 5's classes on a filter form's widgets, once it has been validated (a field in
    error is-invalid): templates/forms/filter.html renders the form with Django's own field
    rendering, not crispy."""
    errors = form.errors if form.is_bound else {}
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):  # drop-downs, multiple or yes/no ones too
            css = "form-select"
        else:
            css = "form-control"
        if name in errors:
            css += " is-invalid"
        classes = widget.attrs.get("class", "")
        widget.attrs["class"] = f"{classes} {css}".strip()


class FlagInput(forms.CheckboxInput):
    """A check box of a list filter, read from the query string as a person would write it:
    ?overdue=0, =no, =off or empty is off (Django's CheckboxInput reads any text but "false"
    as on, so a link with ?overdue=0 listed only the overdue)."""

    OFF = frozenset({"", "0", "false", "no", "off", "không"})

    def value_from_datadict(self, data: Any, files: Any, name: str) -> bool:
        value = data.get(name)
        if isinstance(value, str):
            return value.strip().lower() not in self.OFF
        return bool(value)


YEAR_MIN, YEAR_MAX = 1945, 2200


class YearFilter(django_filters.NumberFilter):
    """A year between 1945 and 2200: anything else is a form error, never a database error
    (a year of 0 or 10**30 cannot become a date range or an integer column value)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", _("Năm"))
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        out_of_range = format_lazy(_("Năm phải từ {} đến {}."), YEAR_MIN, YEAR_MAX)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("Nhập năm bằng chữ số, ví dụ 2019."),
                "min_value": out_of_range,
                "max_value": out_of_range,
            },
        )
        super().__init__(*args, **kwargs)


class FoldedSearchFilterSet(django_filters.FilterSet):
    """A FilterSet with a "q" box over `search_fields`, insensitive to case and diacritics.

    Registry tables are small (hundreds of rows), so folding in Python over the candidates of a
    case-insensitive prefilter is cheap; big tables (resolutions, petitions) keep a folded column
    instead, see resolutions.models.Resolution.search_text."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_q")

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        needle = fold(value)
        if not needle:
            return queryset
        words = needle.split()
        # Plain values, not model instances: the list's queryset may select or prefetch related
        # rows, which cannot be combined with a deferred load (.only() raised FieldError).
        labels = {
            f: dict(field.flatchoices)
            for f in self.search_fields
            if (field := queryset.model._meta.get_field(f)).choices
        }
        rows = queryset.select_related(None).prefetch_related(None).order_by()
        matching = [
            pk
            for pk, *values in rows.values_list("pk", *self.search_fields)
            if all(
                word
                in fold(
                    " ".join(
                        str(labels[f].get(v, v) if f in labels else v or "")
                        for f, v in zip(self.search_fields, values, strict=True)
                    )
                )
                for word in words
            )
        ]
        return queryset.filter(pk__in=matching)


class SelectorFilterSet(django_filters.FilterSet):
    """A list whose rules live in its app's selector (a year counted on an expression, words
    on a folded column): the form checks the query string, `apply` hands the clean values to
    the selector, so the list, its export and the dashboard's counts follow one rule."""

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.apply(queryset, self.form.cleaned_data)

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        raise NotImplementedError
