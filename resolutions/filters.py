from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import FoldedSearchFilterSet, SelectorFilterSet, YearFilter
from council.models import Council, Term
from resolutions.models import Resolution, ResolutionField
from resolutions.selectors import (
    ORDERINGS,
    ReviewStatus,
    resolution_filter,
    review_status_q,
)
from sessions.filters import SessionOptionsMixin
from sessions.models import Session

KIND_CHOICES = [("true", _("Quy phạm pháp luật")), ("false", _("Cá biệt"))]


class ResolutionFilter(SessionOptionsMixin, SelectorFilterSet):
    """The register's filters; the filtering itself is resolutions.selectors.resolution_filter."""

    q = django_filters.CharFilter(label=_("Tìm theo số, trích yếu"))
    year = YearFilter(label=_("Năm"))
    term = django_filters.ModelChoiceFilter(label=_("Nhiệm kỳ"), queryset=Term.objects.all())
    session = django_filters.ModelChoiceFilter(
        label=_("Kỳ họp"),
        queryset=Session.objects.select_related("term"),
    )
    is_normative = django_filters.ChoiceFilter(label=_("Loại nghị quyết"), choices=KIND_CHOICES)
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng hiệu lực"), choices=Resolution.Status.choices
    )
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"),
        queryset=ResolutionField.objects.all(),
        null_label=_("Chưa phân loại"),
    )

    class Meta:
        model = Resolution
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        kind = data.get("is_normative")
        ordering = self.data.get("sort") if hasattr(self.data, "get") else None
        field = data.get("field")
        unclassified = field == self.filters["field"].null_value
        return resolution_filter(
            queryset,
            year=data.get("year"),
            term=data.get("term"),
            session=data.get("session"),
            is_normative={"true": True, "false": False}.get(kind or ""),
            status=data.get("status") or None,
            field=None if unclassified else field,
            unclassified=unclassified,
            q=data.get("q"),
            ordering=ordering if ordering in ORDERINGS else None,
        )


class ResolutionFieldFilter(FoldedSearchFilterSet):
    search_fields = ("name",)

    class Meta:
        model = ResolutionField
        fields: list[str] = []


class ReviewFilter(django_filters.FilterSet):
    """The province's list of its communes' normative resolutions (selectors.ReviewStatus)."""

    status = django_filters.ChoiceFilter(
        label=_("Tình trạng rà soát"), choices=ReviewStatus.CHOICES, method="filter_status"
    )
    council = django_filters.ModelChoiceFilter(
        label=_("HĐND cấp xã"), queryset=Council.objects.filter(parent__isnull=False)
    )
    year = YearFilter(label=_("Năm thông qua"), field_name="adopted_date", lookup_expr="year")

    class Meta:
        model = Resolution
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(review_status_q(value))
