"""Đơn thư: citizens' letters. Their senders are personal data (Letter.PERSONAL_FIELDS)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from accounts.security import PersonalDataPageMixin, personal_data_response
from core import roles
from core.permissions import require_viewer
from core.scoping import request_council
from core.views import RecordCreateView, RecordDeleteView, RecordDetailView, RecordUpdateView
from voters import exports, filters, forms, selectors, services, tables
from voters.models import Letter
from voters.views.base import (
    PersonalDataDetailMixin,
    PersonalDataTableMixin,
    VotersListView,
    export_response,
    filtered,
)

SECTION = gettext_lazy("Đơn thư")


class _Section:
    model = Letter
    section_title = SECTION
    list_url_name = "voters:letter_list"


class LetterListView(PersonalDataPageMixin, PersonalDataTableMixin, VotersListView):
    model = Letter
    section_title = SECTION
    create_url_name = "voters:letter_create"
    table_class = tables.LetterTable
    filterset_class = filters.LetterFilter
    export_url_name = "voters:letter_export"
    personal_fields = Letter.PERSONAL_FIELDS

    def get_queryset(self):
        return selectors.letter_queryset(council=request_council(self.request))


class LetterDetailView(PersonalDataPageMixin, PersonalDataDetailMixin, _Section, RecordDetailView):
    edit_url_name = "voters:letter_update"
    delete_url_name = "voters:letter_delete"
    personal_fields = Letter.PERSONAL_FIELDS
    detail_fields = [
        "term",
        "received_date",
        "kind",
        "summary",
        "classification",
        "eligible",
        "handling",
        "forwarded_to",
        "forwarded_date",
        "result",
        *Letter.PERSONAL_FIELDS,
    ]

    def get_queryset(self):
        return selectors.letter_queryset(council=request_council(self.request))


class _LetterWrite(PersonalDataPageMixin, _Section):
    form_class = forms.LetterForm

    def save_object(self, form) -> Letter:
        """The search text (without personal data)."""
        return services.letter_save(letter=form.instance, user=self.request.user)


class LetterCreateView(_LetterWrite, RecordCreateView):
    pass


class LetterUpdateView(_LetterWrite, RecordUpdateView):
    pass


class LetterDeleteView(_Section, RecordDeleteView):
    pass


def letter_export(request: HttpRequest) -> HttpResponse:
    """The personal-data columns are omitted entirely for those who may not see them."""
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    qs = filtered(
        request, filters.LetterFilter, selectors.letter_queryset(council=request_council(request))
    )
    columns = exports.LETTER_COLUMNS
    if personal:
        columns += exports.LETTER_PERSONAL_COLUMNS
    response = export_response("don-thu", columns, qs)
    return personal_data_response(request, response, shown=personal)
