"""The lists' filters (django-filter, read by DRF's DjangoFilterBackend and described in the
OpenAPI schema). An id of another council's term or session finds nothing: every list is read
from the council's public rows first (opendata.views). A malformed value answers 400 with the
field's message in Vietnamese."""

from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from council.models import Committee, Delegate, DelegateGroup
from oversight.models import Actor, Kind, OversightActivity
from oversight.selectors import in_year
from resolutions.models import Resolution
from resolutions.selectors import resolution_filter
from sessions.models import Session


class IntegerFilter(filters.NumberFilter):
    """A whole number (an id, a year): "1.5" or "1e9" is a 400, not a query."""

    field_class = forms.IntegerField


def year_filter(**kwargs) -> IntegerFilter:
    # Bounded: a year outside the calendar would make a date that Python cannot build.
    return IntegerFilter(label=_("Năm"), min_value=1900, max_value=2999, **kwargs)


def pk_filter(field_name: str, label: str) -> IntegerFilter:
    return IntegerFilter(field_name=field_name, label=label, min_value=1, max_value=2**31 - 1)


class SessionFilter(filters.FilterSet):
    year = year_filter(field_name="start_date", lookup_expr="year")
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))
    status = filters.ChoiceFilter(choices=Session.Status.choices, label=_("Trạng thái"))
    kind = filters.ChoiceFilter(choices=Session.Kind.choices, label=_("Loại kỳ họp"))

    class Meta:
        model = Session
        fields = ["year", "term", "status", "kind"]


class ResolutionFilter(filters.FilterSet):
    year = year_filter(field_name="year")
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))
    session = pk_filter("session_id", _("Kỳ họp (pk)"))
    status = filters.ChoiceFilter(choices=Resolution.Status.choices, label=_("Tình trạng"))
    is_normative = filters.BooleanFilter(label=_("Quy phạm pháp luật"))
    q = filters.CharFilter(method="search", label=_("Tìm theo số, trích yếu (không phân biệt dấu)"))

    class Meta:
        model = Resolution
        fields = ["year", "term", "session", "status", "is_normative", "q"]

    def search(self, queryset: QuerySet[Resolution], name: str, value: str) -> QuerySet:
        # The register's own search: folded words against search_text ("dat dai" finds
        # "Đất đai").
        return resolution_filter(queryset, q=value)


class VoteEventFilter(filters.FilterSet):
    year = year_filter(field_name="year")
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))
    session = pk_filter("session_id", _("Kỳ họp (pk)"))

    class Meta:
        model = Resolution
        fields = ["year", "term", "session"]


class OversightActivityFilter(filters.FilterSet):
    year = year_filter(method="in_year")
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))
    kind = filters.ChoiceFilter(choices=Kind.choices, label=_("Hình thức"))
    actor = filters.ChoiceFilter(choices=Actor.choices, label=_("Chủ thể giám sát"))

    class Meta:
        model = OversightActivity
        fields = ["year", "term", "kind", "actor"]

    def in_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        # The year an activity counts in is decided in one place (oversight.selectors).
        return queryset.filter(in_year(value))


class DelegateFilter(filters.FilterSet):
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))
    status = filters.ChoiceFilter(choices=Delegate.Status.choices, label=_("Tình trạng"))
    committee = pk_filter("committee_id", _("Ban (pk)"))
    delegate_group = pk_filter("delegate_group_id", _("Tổ (pk)"))

    class Meta:
        model = Delegate
        fields = ["term", "status", "committee", "delegate_group"]


class CommitteeFilter(filters.FilterSet):
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))

    class Meta:
        model = Committee
        fields = ["term"]


class DelegateGroupFilter(filters.FilterSet):
    term = pk_filter("term_id", _("Nhiệm kỳ (pk)"))

    class Meta:
        model = DelegateGroup
        fields = ["term"]
