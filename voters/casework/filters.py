"""The case list's filters. Links may use the same parameters: ?year=2026&kind=<code>&status=
<code>&overdue=1&handler=<id>."""

from __future__ import annotations

import re
from typing import Any

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, YearFilter
from core.scoping import request_council
from core.search import filter_words
from council.models import AdministrativeUnit
from voters.casework.forms import handler_choices, user_label
from voters.models import Case, Letter, PetitionField

# "05/2026" or "5/2026": a case's number as printed (Case.number).
_NUMBER = re.compile(r"^\s*(\d{1,6})\s*/\s*(\d{4})\s*$")


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tìm theo nội dung hoặc số vụ việc"),
        method="filter_q",
        help_text=_("Không cần gõ dấu: «dat dai» tìm được «đất đai»; hoặc số vụ việc: 05/2026."),
    )
    year = YearFilter(label=_("Năm"), field_name="year")
    kind = django_filters.ChoiceFilter(label=_("Loại vụ việc"), choices=Letter.Kind.choices)
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=Case.Status.choices)
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"), queryset=PetitionField.objects.all()
    )
    locality = django_filters.ModelChoiceFilter(
        label=_("Địa bàn"), queryset=AdministrativeUnit.objects.order_by("name")
    )
    handler = django_filters.ModelChoiceFilter(
        label=_("Chuyên viên xử lý"), queryset=get_user_model().objects.none()
    )
    overdue = django_filters.BooleanFilter(
        label=_("Quá hạn trả lời"), method="filter_overdue", widget=FlagInput
    )

    class Meta:
        model = Case
        fields = ["q", "year", "kind", "status", "field", "locality", "handler", "overdue"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.form.fields["handler"]
        field.queryset = handler_choices(request_council(self.request))
        field.label_from_instance = user_label

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        number = _NUMBER.match(value or "")
        if number:
            return queryset.filter(seq=int(number[1]), year=int(number[2]))
        return filter_words(queryset, "search_text", value)

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # The list's queryset carries the flag (voters.casework.selectors.case_list_queryset).
        return queryset.filter(overdue=True) if value else queryset
