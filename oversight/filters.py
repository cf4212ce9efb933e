"""List filters. They only parse the query string; the filtering itself is the selectors', so a
list page, its Excel export and the dashboard's links agree."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, SelectorFilterSet, YearFilter
from council.models import Committee, Organization, Term
from oversight import selectors
from oversight.models import Actor, Kind, OversightRecommendation


def _committee_label(committee: Committee) -> str:
    return f"{committee.name} (khóa {committee.term.roman})"


class _CommitteesNamedByTerm(SelectorFilterSet):
    """The Ban drop-down names each Ban's term (a Ban of that name exists in every term)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "committee" in self.form.fields:
            self.form.fields["committee"].label_from_instance = _committee_label


class ActivityFilter(_CommitteesNamedByTerm):
    q = django_filters.CharFilter(label=_("Tìm kiếm"))
    year = YearFilter(label=_("Năm"))
    term = django_filters.ModelChoiceFilter(label=_("Nhiệm kỳ"), queryset=Term.objects.all())
    actor = django_filters.ChoiceFilter(label=_("Chủ thể"), choices=Actor.choices)
    kind = django_filters.ChoiceFilter(
        label=_("Hình thức"),
        choices=[
            *Kind.choices,
            (selectors.ANY_QUESTIONING, _("Chất vấn (tại kỳ họp và giữa hai kỳ họp)")),
        ],
    )
    committee = django_filters.ModelChoiceFilter(
        label=_("Ban"), queryset=Committee.objects.select_related("term")
    )

    class Meta:
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return selectors.activity_filter(
            queryset,
            year=data.get("year"),
            term=data.get("term"),
            actor=data.get("actor"),
            kind=data.get("kind"),
            committee=data.get("committee"),
            q=data.get("q"),
        )


class RecommendationFilter(_CommitteesNamedByTerm):
    q = django_filters.CharFilter(label=_("Tìm kiếm"))
    year = YearFilter(label=_("Năm"))
    status = django_filters.ChoiceFilter(
        label=_("Tình trạng"), choices=OversightRecommendation.Status.choices
    )
    overdue = django_filters.BooleanFilter(label=_("Chỉ kiến nghị quá hạn"), widget=FlagInput)
    addressee = django_filters.ModelChoiceFilter(
        label=_("Cơ quan được kiến nghị"), queryset=Organization.objects.all()
    )
    committee = django_filters.ModelChoiceFilter(
        label=_("Ban"), queryset=Committee.objects.select_related("term")
    )

    class Meta:
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return selectors.recommendation_filter(
            queryset,
            year=data.get("year"),
            status=data.get("status"),
            overdue=bool(data.get("overdue")),
            addressee=data.get("addressee"),
            committee=data.get("committee"),
            q=data.get("q"),
        )


class OverdueFilter(_CommitteesNamedByTerm):
    addressee = django_filters.ModelChoiceFilter(
        label=_("Cơ quan được kiến nghị"), queryset=Organization.objects.all()
    )
    committee = django_filters.ModelChoiceFilter(
        label=_("Ban"), queryset=Committee.objects.select_related("term")
    )

    class Meta:
        fields: list[str] = []

    def apply(self, queryset: QuerySet, data: dict[str, Any]) -> QuerySet:
        return selectors.recommendation_filter(
            queryset, addressee=data.get("addressee"), committee=data.get("committee")
        )


class ProgrammeFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"))
    term = django_filters.ModelChoiceFilter(label=_("Nhiệm kỳ"), queryset=Term.objects.all())

    class Meta:
        fields: list[str] = []
