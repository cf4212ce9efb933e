"""List filters. The free-text box ("q") ignores case and Vietnamese diacritics."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, FoldedSearchFilterSet, YearFilter
from council import models as m
from council.scoping import scoped


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
