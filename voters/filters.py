"""List filters of the voters app. Dashboard links use the same parameters:
petitions ?year=2019&term=<id>&status=<code>&answered=1&unanswered_overdue=1&recipient=<id>,
meetings and receptions ?year=2019&term=<id>, letters ?year=2019&kind=<code>&forwarded=1
&processing=in_time|late|overdue."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import FlagInput, FoldedSearchFilterSet, YearFilter
from core.search import filter_words
from council.models import Committee, Organization
from sessions.filters import SessionOptionsMixin
from voters import selectors
from voters.casework.figures import processing_q
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionField,
    VoterMeeting,
    VoterPetition,
)

# core.search: whole words, any order, diacritics optional.
WORD_SEARCH_HELP = _("Tìm theo từ trọn vẹn, không cần gõ dấu: «duong» tìm được «đường».")


class VoterMeetingFilter(SessionOptionsMixin, django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="date", lookup_expr="year")

    class Meta:
        model = VoterMeeting
        fields = ["year", "term", "timing", "session", "delegate_group"]


class VoterPetitionFilter(SessionOptionsMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tìm trong nội dung"), method="filter_q", help_text=WORD_SEARCH_HELP
    )
    year = YearFilter(label=_("Năm tiếp nhận"), field_name="received_date", lookup_expr="year")
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=VoterPetition.Status.choices
    )
    level = django_filters.ChoiceFilter(label=_("Thẩm quyền"), choices=VoterPetition.Level.choices)
    field = django_filters.ModelChoiceFilter(
        label=_("Lĩnh vực"), queryset=PetitionField.objects.all()
    )
    committee = django_filters.ModelChoiceFilter(
        label=_("Ban theo dõi"), queryset=Committee.objects.select_related("term")
    )
    answered = django_filters.BooleanFilter(
        label=_("Đã trả lời (kể cả đã có kết quả)"), method="filter_answered", widget=FlagInput
    )
    unanswered_overdue = django_filters.BooleanFilter(
        label=_("Quá hạn chưa trả lời"),
        method="filter_overdue",
        widget=FlagInput,
    )
    # The agency a forwarding letter went to: the one that owes the answer ("Cần chú ý").
    recipient = django_filters.ModelChoiceFilter(
        label=_("Nơi nhận công văn chuyển"),
        field_name="batch__recipient",
        queryset=Organization.objects.all(),
    )
    merged = django_filters.BooleanFilter(
        label=_("Hiện cả kiến nghị đã gộp"), method="filter_merged", widget=FlagInput
    )

    class Meta:
        model = VoterPetition
        fields = ["q", "year", "term", "session", "status", "level", "field", "committee"]

    @property
    def qs(self) -> QuerySet:
        qs = super().qs
        # Merged originals are hidden unless asked for: the list then adds up like the stats.
        if not getattr(self.form, "cleaned_data", {}).get("merged"):
            qs = qs.filter(consolidated_into__isnull=True)
        return qs

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_words(queryset, "search_text", value)

    def filter_answered(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        # The numerator of the answered rate (voters.selectors.petition_stats).
        return queryset.filter(status__in=VoterPetition.ANSWERED_OR_LATER) if value else queryset

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset.filter(selectors.overdue_q()) if value else queryset

    def filter_merged(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        return queryset


class ForwardingBatchFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="date", lookup_expr="year")

    class Meta:
        model = ForwardingBatch
        fields = ["year", "term", "recipient"]


class LetterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Tìm trong nội dung"), method="filter_q", help_text=WORD_SEARCH_HELP
    )
    year = YearFilter(label=_("Năm"), field_name="received_date", lookup_expr="year")
    forwarded = django_filters.BooleanFilter(
        label=_("Đã chuyển"), method="filter_forwarded", widget=FlagInput
    )
    # The dashboard's "xử lý đúng hạn" links here (voters.casework.figures.processing_q).
    processing = django_filters.ChoiceFilter(
        label=_("Thời hạn xử lý"),
        method="filter_processing",
        choices=[
            ("in_time", _("Xử lý đúng hạn")),
            ("late", _("Xử lý quá hạn")),
            ("overdue", _("Quá hạn chưa xử lý")),
        ],
    )

    class Meta:
        model = Letter
        fields = ["q", "year", "term", "kind", "handling", "eligible"]

    def filter_processing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(processing_q(value, today=timezone.localdate()))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return filter_words(queryset, "search_text", value)

    def filter_forwarded(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(Q(forwarded_to__isnull=False) | Q(forwarded_date__isnull=False))


class CitizenReceptionFilter(django_filters.FilterSet):
    year = YearFilter(label=_("Năm"), field_name="date", lookup_expr="year")

    class Meta:
        model = CitizenReception
        fields = ["year", "term", "kind"]


class PetitionFieldFilter(FoldedSearchFilterSet):
    search_fields = ("name", "code")

    class Meta:
        model = PetitionField
        fields = []
