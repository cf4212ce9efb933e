"""List filters. They only parse the query string; the filtering itself is the selectors', so a
list page and its Excel export agree."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, SelectorFilterSet, YearFilter
from council.models import Organization, Term
from standing import selectors
from standing.models import ConclusionTask, StandingMeeting


class MeetingFilter(SelectorFilterSet):
    year = YearFilter(label=_("Năm"))
    term = django_filters.ModelChoiceFilter(label=_("Nhiệm kỳ"), queryset=Term.objects.all())
    kind = django_filters.ChoiceFilter(
        label=_("Loại phiên họp"), choices=StandingMeeting.Kind.choices
    )

    class Meta:
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return selectors.meeting_filter(
            queryset, year=data.get("year"), kind=data.get("kind"), term=data.get("term")
        )


class TaskFilter(SelectorFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"), choices=ConclusionTask.Status.choices
    )
    overdue = django_filters.BooleanFilter(label=_("Chỉ việc quá hạn"), widget=FlagInput)
    responsible = django_filters.ModelChoiceFilter(
        label=_("Cơ quan thực hiện"), queryset=Organization.objects.all()
    )
    year = YearFilter(label=_("Năm của phiên họp"))

    class Meta:
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return selectors.task_filter(
            queryset,
            status=data.get("status"),
            overdue=bool(data.get("overdue")),
            responsible=data.get("responsible"),
            year=data.get("year"),
        )
