"""List filters. The free-text box ("q") ignores case and Vietnamese diacritics."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from council import models as m
from council.cache import data_version
from council.scoping import scoped
from council.selectors import current_council_id
from council.text import fold

CHOICES_CACHE_SECONDS = 15 * 60


def scope_to_current_council(queryset: QuerySet) -> QuerySet:
    """Options of a dropdown limited to the current council (a term, a session, a Ban of
    another council is never offered): by the model's own council or its term's."""
    names = {f.name for f in queryset.model._meta.get_fields()}
    if "council" in names:
        return queryset.filter(council=current_council_id())
    if "term" in names:
        return queryset.filter(term__council=current_council_id())
    return queryset  # a shared taxonomy (fields of petitions, of resolutions...)


class FastSelect(forms.Select):
    """A <select> whose options are written in Python, not through one template per option,
    and read only when the widget is rendered (a list page served from the fragment cache
    never reads them).

    A filter dropdown can list every session of decades (thousands of options): Django renders
    each option through its own template, which cost more than a second per page at that size.
    Same markup and escaping, a few milliseconds. Flat choices only (no option groups)."""

    def __init__(self, attrs=None, choices=(), choices_loader: Callable[[], list] | None = None):
        super().__init__(attrs, choices)
        self.choices_loader = choices_loader

    def render(self, name, value, attrs=None, renderer=None) -> str:
        choices = self.choices_loader() if self.choices_loader else self.choices
        options = choices.markup() if isinstance(choices, OptionList) else _markup(choices)
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        parts = [f'<select name="{escape(name)}"{flatatt(final_attrs)}>']
        for option_value, head, tail in options:
            parts.append(f"{head} selected{tail}" if option_value in selected else f"{head}{tail}")
        parts.append("</select>")
        return mark_safe("".join(parts))  # names, values and labels escaped (_markup)


def _markup(choices: Iterable[tuple[Any, Any]]) -> list[tuple[str, str, str]]:
    """(value, escaped opening of the <option> tag, escaped rest) for each flat choice."""
    options = []
    for option_value, label in choices:
        option_value = "" if option_value is None else str(option_value)
        options.append(
            (
                option_value,
                f'<option value="{escape(option_value)}"',
                f">{escape(str(label))}</option>",
            )
        )
    return options


class OptionList(list):
    """(value, label) pairs of a cached dropdown that write their markup once: escaping
    thousands of session names on every page cost ~60 ms at 20 years of K=50."""

    _options: list[tuple[str, str, str]] | None = None

    def markup(self) -> list[tuple[str, str, str]]:
        if self._options is None:
            self._options = _markup(self)
        return self._options


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    """FastSelect's rendering, SelectMultiple's reading of the submitted list."""


# Recently used dropdowns of this process, by cache key (which holds the data version, so an
# entry is never stale: a write makes new keys). Saves the shared cache's round trip and the
# unpickling of thousands of options, and keeps each list's markup.
_RECENT_CHOICES: OrderedDict[str, OptionList] = OrderedDict()
_RECENT_CHOICES_SIZE = 32
_RECENT_LOCK = threading.Lock()  # the development server and threaded workers share it


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


def cached_choices(field: forms.ModelChoiceField, prefix: str) -> OptionList:
    """(value, label) pairs of a model dropdown, from the cache when its query was seen under
    the same data version."""
    queryset = field.queryset
    offered = getattr(field, "offered", None)  # offer_only
    if offered is not None:
        queryset = queryset.filter(offered)
    # Named by the rows and their order (the prefix names the form, the field, hence its
    # labels): compiling the ids alone costs a fraction of the query with every column of the
    # related records it selects (~0.1 ms, not ~0.45, for each drop-down of a page).
    rows = str(queryset.values_list("pk").query)
    digest = hashlib.blake2b(rows.encode(), digest_size=12).hexdigest()
    key = f"hdnd:choices:{prefix}:{digest}"
    with _RECENT_LOCK:
        choices = _RECENT_CHOICES.get(key)
        if choices is not None:
            _RECENT_CHOICES.move_to_end(key)
            return choices
    with contextlib.suppress(Exception):  # a cache outage costs speed only
        choices = cache.get(key)
    if choices is None:
        choices = [(str(value), str(label)) for value, label in _choices(field, queryset)]
        with contextlib.suppress(Exception):
            cache.set(key, choices, CHOICES_CACHE_SECONDS)
    choices = OptionList(choices)
    with _RECENT_LOCK:
        _RECENT_CHOICES[key] = choices
        while len(_RECENT_CHOICES) > _RECENT_CHOICES_SIZE:
            _RECENT_CHOICES.popitem(last=False)
    return choices


def _choices(field: forms.ModelChoiceField, queryset: QuerySet) -> Iterable[tuple[Any, Any]]:
    """field.choices, over `queryset` (ModelChoiceIterator's pairs: the blank, then each
    record's value and label)."""
    if queryset is field.queryset:
        return field.choices
    blank = [] if field.empty_label is None else [("", field.empty_label)]
    return blank + [
        (field.prepare_value(obj), field.label_from_instance(obj)) for obj in queryset.iterator()
    ]


FAST_WIDGETS = {forms.Select: FastSelect, forms.SelectMultiple: FastSelectMultiple}


def use_fast_selects(fields: dict[str, forms.Field], prefix: str) -> None:
    """Model drop-downs written by FastSelect from options cached under `prefix` (which must
    hold the data version), read when rendered, from the queryset the field has by then."""
    for name, field in fields.items():
        widget_class = FAST_WIDGETS.get(type(field.widget))
        if isinstance(field, forms.ModelChoiceField) and widget_class is not None:
            field.widget = widget_class(
                attrs=field.widget.attrs,
                choices_loader=functools.partial(cached_choices, field, f"{prefix}:{name}"),
            )


def use_cached_choices(filterset: django_filters.FilterSet) -> None:
    """Scope every model dropdown of a list's filter form to the current council, and read its
    options from the cache: one query per dropdown per data version (any committed write bumps
    it, council.cache) instead of one per dropdown per page view."""
    prefix = f"{data_version()}:{type(filterset).__qualname__}"
    fields = filterset.form.fields
    for field in fields.values():
        if isinstance(field, forms.ModelChoiceField):
            # A submitted value is checked against this (scoped) queryset.
            field.queryset = scope_to_current_council(field.queryset)
    use_fast_selects(fields, prefix)
    for name, field in fields.items():
        if isinstance(field, forms.ModelChoiceField) and not isinstance(field.widget, FastSelect):
            # Set as Django's setter would, minus django-filters' wrapping in a queryset
            # iterator (which would query again).
            field._choices = field.widget.choices = cached_choices(field, f"{prefix}:{name}")


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


class TermFilter(FoldedSearchFilterSet):
    search_fields = ("roman",)

    class Meta:
        model = m.Term
        fields = ["council"]


class CommitteeFilter(FoldedSearchFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.Committee
        fields = ["term"]


class DelegateGroupFilter(FoldedSearchFilterSet):
    search_fields = ("name", "area")

    class Meta:
        model = m.DelegateGroup
        fields = ["term"]


class DelegateFilter(FoldedSearchFilterSet):
    search_fields = ("full_name", "job_title", "electoral_unit")

    class Meta:
        model = m.Delegate
        fields = ["term", "delegate_group", "committee", "is_full_time", "status"]


class OrganizationFilter(FoldedSearchFilterSet):
    search_fields = ("name", "short_name")

    class Meta:
        model = m.Organization
        fields = ["kind", "level", "is_active"]


class AdministrativeUnitFilter(FoldedSearchFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = m.AdministrativeUnit
        fields = ["level", "unit_type", "parent"]


class InterSessionMatterFilter(FoldedSearchFilterSet):
    search_fields = ("subject", "submission_number", "opinion_number")
    year = YearFilter(label=_("Năm"), method="filter_year")
    # "đã cho ý kiến" on the dashboard (council.selectors.standing_work_counts).
    answered = django_filters.BooleanFilter(
        label=_("Đã cho ý kiến"), method="filter_answered", widget=FlagInput
    )

    class Meta:
        model = m.InterSessionMatter
        fields = ["term", "outcome", "submitted_by"]

    def filter_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        # The day standing_work_counts counts a matter on.
        return scoped(queryset, year=value, day=Coalesce("opinion_date", "received_date"))

    def filter_answered(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(opinion_date__isnull=False) if value else queryset


class AppraisalRequestFilter(FoldedSearchFilterSet):
    search_fields = ("subject", "requester")
    year = YearFilter(label=_("Năm"), field_name="received_date", lookup_expr="year")
    # "đã trả lời thẩm định" on the dashboard (council.selectors.standing_work_counts).
    answered = django_filters.BooleanFilter(
        label=_("Đã trả lời"), method="filter_answered", widget=FlagInput
    )

    class Meta:
        model = m.AppraisalRequest
        fields = ["term", "doc_kind"]

    def filter_answered(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(answered_date__isnull=False) if value else queryset


class CouncilFilter(FoldedSearchFilterSet):
    search_fields = ("name",)

    class Meta:
        model = m.Council
        fields = []


class PositionFilter(FoldedSearchFilterSet):
    search_fields = ("role",)

    class Meta:
        model = m.Position
        fields = ["role", "committee"]
