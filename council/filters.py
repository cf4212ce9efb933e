"""List filters. The free-text box ("q") ignores case and Vietnamese diacritics."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, FoldedSearchFilterSet, YearFilter
from council import models as m
from council.scoping import scoped
from council.selectors import current_council_id


def scope_to_current_council(queryset: QuerySet) -> QuerySet:
    """Options of a dropdown limited to the current council (a term, a session, a Ban of
    another council is never offered): by the model's own council or its term's."""
    names = {f.name for f in queryset.model._meta.get_fields()}
    if "council" in names:
        return queryset.filter(council=current_council_id())
    if "term" in names:
        return queryset.filter(term__council=current_council_id())
    return queryset  # a shared taxonomy (fields of petitions, of resolutions...)


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
