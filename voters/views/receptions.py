"""Tiếp công dân: the council's receptions of citizens. Who came is personal data."""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from accounts.security import PersonalDataPageMixin, personal_data_response
from core import roles
from core.permissions import require_viewer
from core.scoping import request_council
from core.views import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordUpdateView,
)
from voters import exports, filters, forms, selectors, tables
from voters.models import CitizenReception
from voters.views.base import PersonalDataDetailMixin, VotersListView, export_response, filtered

SECTION = gettext_lazy("Tiếp công dân")


class _Section:
    model = CitizenReception
    section_title = SECTION
    list_url_name = "voters:citizenreception_list"


class CitizenReceptionListView(PersonalDataPageMixin, ListTotalsMixin, VotersListView):
    model = CitizenReception
    list_totals = (("persons", gettext_lazy("lượt công dân"), Sum("persons")),)
    section_title = SECTION
    create_url_name = "voters:citizenreception_create"
    table_class = tables.CitizenReceptionTable
    filterset_class = filters.CitizenReceptionFilter
    export_url_name = "voters:citizenreception_export"

    def get_queryset(self):
        return selectors.reception_queryset(council=request_council(self.request))


class CitizenReceptionDetailView(
    PersonalDataPageMixin, PersonalDataDetailMixin, _Section, RecordDetailView
):
    edit_url_name = "voters:citizenreception_update"
    delete_url_name = "voters:citizenreception_delete"
    personal_fields = CitizenReception.PERSONAL_FIELDS
    detail_fields = [
        "term",
        "date",
        "host",
        "host_delegate",
        "kind",
        "location",
        "persons",
        "cases",
        "group_cases",
        "summary",
        "visitors",
    ]

    def get_queryset(self):
        return selectors.reception_queryset(council=request_council(self.request))


# A reception has no rules of its own: core.services.record_save writes it.
class CitizenReceptionCreateView(PersonalDataPageMixin, _Section, RecordCreateView):
    form_class = forms.CitizenReceptionForm


class CitizenReceptionUpdateView(PersonalDataPageMixin, _Section, RecordUpdateView):
    form_class = forms.CitizenReceptionForm


class CitizenReceptionDeleteView(_Section, RecordDeleteView):
    pass


def reception_export(request: HttpRequest) -> HttpResponse:
    """The visitors' column is omitted entirely for those who may not see it."""
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    qs = filtered(
        request,
        filters.CitizenReceptionFilter,
        selectors.reception_queryset(council=request_council(request)),
    )
    columns = exports.RECEPTION_COLUMNS
    if personal:
        columns += exports.RECEPTION_PERSONAL_COLUMNS
    response = export_response("tiep-cong-dan", columns, qs)
    return personal_data_response(request, response, shown=personal)
