from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import FoldedSearchFilterSet, SelectorFilterSet, YearFilter
from core.forms import VnDateField
from core.scoping import request_council
from documents.models import DocumentSeries, OutgoingDocument
from documents.selectors import document_list, signer_names


class VnDateFilter(django_filters.DateFilter):
    field_class = VnDateField


class OutgoingDocumentFilter(SelectorFilterSet):
    """The register's filters; the filtering is documents.selectors.document_list."""

    q = django_filters.CharFilter(label=_("Tìm theo số, trích yếu, nơi nhận"))
    year = YearFilter(label=_("Năm"))
    series = django_filters.ModelChoiceFilter(
        label=_("Sổ văn bản"), queryset=DocumentSeries.objects.all()
    )
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"), choices=OutgoingDocument.Status.choices
    )
    date_from = VnDateFilter(label=_("Từ ngày"))
    date_to = VnDateFilter(label=_("Đến ngày"))
    signer = django_filters.ChoiceFilter(label=_("Người ký"), choices=[])

    class Meta:
        model = OutgoingDocument
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = signer_names(council=request_council(self.request))
        self.filters["signer"].extra["choices"] = [(n, n) for n in names]

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return document_list(
            council=request_council(self.request),
            year=data.get("year"),
            series=data.get("series"),
            status=data.get("status") or None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            signer=data.get("signer") or None,
            q=data.get("q"),
        )


class DocumentSeriesFilter(FoldedSearchFilterSet):
    search_fields = ("code", "name", "symbol")

    class Meta:
        model = DocumentSeries
        fields: list[str] = []
