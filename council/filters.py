"""List filters. The free-text box ("q") ignores case and Vietnamese diacritics."""

from __future__ import annotations

import contextlib
import hashlib
import logging

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from council import models as m
from council.cache import data_version
from council.selectors import current_council_id
from council.text import fold

logger = logging.getLogger(__name__)
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


def use_cached_choices(filterset: django_filters.FilterSet) -> None:
    """Scope every model dropdown of a list's filter form to the current council, and read its
    options from the cache: one query per dropdown per data version (any committed write bumps
    it, council.cache) instead of one per dropdown per page view."""
    version = data_version()
    for name, field in filterset.form.fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        field.queryset = scope_to_current_council(field.queryset)
        digest = hashlib.blake2b(str(field.queryset.query).encode(), digest_size=12).hexdigest()
        key = f"hdnd:choices:{version}:{type(filterset).__qualname__}:{name}:{digest}"
        choices = None
        with contextlib.suppress(Exception):  # a cache outage costs speed only
            choices = cache.get(key)
        if choices is None:
            choices = [(str(value), str(label)) for value, label in field.choices]
            with contextlib.suppress(Exception):
                cache.set(key, choices, CHOICES_CACHE_SECONDS)
        # Plain choices, set through Django's ChoiceField setter (django-filters' own setter
        # would wrap them in a queryset iterator again). A submitted value is still checked
        # against the (scoped) queryset.
        forms.ChoiceField.choices.fset(field, choices)


class YearFilter(django_filters.NumberFilter):
    """A year between 1945 and 2200: anything else is a form error, never a database error
    (a year of 0 or 10**30 cannot become a date range or an integer column value)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label", _("Năm"))
        kwargs.setdefault("min_value", 1945)
        kwargs.setdefault("max_value", 2200)
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
        matching = [
            obj.pk
            for obj in queryset.only("pk", *self.search_fields)
            if all(
                word in fold(" ".join(str(getattr(obj, f) or "") for f in self.search_fields))
                for word in needle.split()
            )
        ]
        return queryset.filter(pk__in=matching)


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

    class Meta:
        model = m.InterSessionMatter
        fields = ["term", "outcome", "submitted_by"]

    def filter_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.filter(
            Q(opinion_date__year=value) | Q(opinion_date__isnull=True, received_date__year=value)
        )


class AppraisalRequestFilter(FoldedSearchFilterSet):
    search_fields = ("subject", "requester")
    year = YearFilter(label=_("Năm"), field_name="received_date", lookup_expr="year")

    class Meta:
        model = m.AppraisalRequest
        fields = ["term", "doc_kind"]


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
