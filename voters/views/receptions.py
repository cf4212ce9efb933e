"""Tiếp công dân: the council's receptions of citizens, each with its visits (the rows of the
register, sổ tiếp công dân). Who came is personal data; a denunciator who came is a secret
(voters.casework.identity)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.security import PersonalDataPageMixin, personal_data_response
from core import roles
from core.forms import pk_or_none
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordUpdateView,
)
from voters import exports, filters, forms, selectors, tables
from voters.casework import identity, reception_forms, reception_tables
from voters.casework import reception as reception_service
from voters.models import CitizenReception, ReceptionSchedule, ReceptionVisit
from voters.views.base import (
    PersonalDataDetailMixin,
    PersonalDataTableMixin,
    VotersListView,
    export_response,
    filtered,
)

SECTION = gettext_lazy("Tiếp công dân")
REGISTER = gettext_lazy("Sổ tiếp công dân")
TOTALS = ("persons", "cases", "group_cases")
# Shown in place of the totals' help on a reception that has visits.
TOTALS_FROM_VISITS = gettext_lazy("Tính từ các lượt tiếp đã ghi, không sửa tay được.")


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
    extra_actions = (
        ("voters:receptionschedule_list", "bi-calendar-week", gettext_lazy("Lịch tiếp")),
        ("voters:reception_register", "bi-journal-text", REGISTER),
    )

    def get_queryset(self):
        return selectors.reception_queryset(council=request_council(self.request))


class CitizenReceptionDetailView(
    PersonalDataPageMixin, PersonalDataDetailMixin, _Section, RecordDetailView
):
    template_name = "voters/reception_detail.html"
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
        return selectors.reception_queryset(council=request_council(self.request)).select_related(
            "host_delegate"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        visits = list(reception_service.visits_of_reception(reception=self.object))
        exclude = []
        if not roles.can_view_personal_data(user):
            exclude.append("citizen_name")
        if not roles.can_edit_records(user):
            exclude.append("actions")
        table = reception_tables.ReceptionVisitTable(exclude=exclude)
        table.show(Paginator(visits, max(len(visits), 1)).page(1))
        ctx.update(
            visits_table=table,
            has_visits=bool(visits),
            visit_create_url=reverse("voters:receptionvisit_create", args=[self.object.pk]),
            slot=ReceptionSchedule.objects.filter(reception=self.object).first(),
        )
        return ctx


class _ReceptionWrite(PersonalDataPageMixin, _Section):
    form_class = forms.CitizenReceptionForm


class CitizenReceptionCreateView(_ReceptionWrite, RecordCreateView):
    """?lich=<slot>: the result of a slot of the schedule ("Ghi kết quả buổi tiếp"), the form
    filled from it; the slot then links to the reception saved."""

    def slot(self) -> ReceptionSchedule | None:
        if "_slot" not in self.__dict__:
            pk = pk_or_none(self.request.GET.get("lich"))
            self._slot = (
                council_object_or_404(self.request, ReceptionSchedule, pk=pk)
                if pk is not None
                else None
            )
        return self._slot

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        slot = self.slot()
        if slot is not None and slot.reception_id is not None:
            return HttpResponseRedirect(slot.reception.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        slot = self.slot()
        if slot is not None:
            initial.update(reception_service.reception_initial_from_slot(slot=slot))
        return initial

    def save_object(self, form) -> CitizenReception:
        return reception_service.reception_save(
            reception=form.instance, user=self.request.user, slot=self.slot()
        )


class CitizenReceptionUpdateView(_ReceptionWrite, RecordUpdateView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.object.visits.exists():
            # The visits make the totals (reception_totals_recompute): a disabled field keeps
            # the value computed, whatever a post says.
            for name in TOTALS:
                form.fields[name].disabled = True
                form.fields[name].help_text = TOTALS_FROM_VISITS
        return form


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


# Visits (lượt tiếp): recorded on their reception's page.


class _VisitSection:
    model = ReceptionVisit
    section_title = SECTION
    list_url_name = "voters:citizenreception_list"
    form_class = reception_forms.ReceptionVisitForm


class _VisitWrite(PersonalDataPageMixin, _VisitSection):
    def save_object(self, form) -> ReceptionVisit:
        return reception_service.visit_save(visit=form.instance, user=self.request.user)

    def get_success_url(self) -> str:
        return self.object.reception.get_absolute_url()


class ReceptionVisitCreateView(_VisitWrite, RecordCreateView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if roles.can_edit_records(request.user):
            self.reception = council_object_or_404(
                request, CitizenReception, pk=kwargs["reception_pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.reception = self.reception
        return form

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["list_url"] = self.reception.get_absolute_url()
        return ctx


class ReceptionVisitUpdateView(_VisitWrite, RecordUpdateView):
    def get_queryset(self):
        return ReceptionVisit.objects.select_related("reception", "case")

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        identity.identity_form_restrict(form, user=self.request.user, record=self.object)
        return form


class ReceptionVisitDeleteView(_VisitSection, RecordDeleteView):
    def get_success_url(self) -> str:
        return self.object.reception.get_absolute_url()

    def delete_object(self, obj: ReceptionVisit) -> None:
        reception_service.visit_delete(visit=obj)


def visit_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Tạo đơn và vụ việc": the letter and case of a visit's matter, after a confirmation."""
    require_editor(request)
    visit = council_object_or_404(
        request, ReceptionVisit.objects.select_related("reception__term", "case"), pk=pk
    )
    if request.method == "POST":
        try:
            letter = reception_service.visit_letter_create(visit=visit, user=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(visit.reception.get_absolute_url())
        messages.success(
            request,
            _("Đã tạo đơn và vụ việc số %(n)s từ lượt tiếp.") % {"n": letter.case.number},
        )
        return HttpResponseRedirect(letter.get_absolute_url())
    return render(
        request,
        "voters/reception_visit_letter.html",
        {"visit": visit, "reception": visit.reception, "section_title": SECTION},
    )


# The register (sổ tiếp công dân): every visit, a year at a time.


class ReceptionRegisterView(
    PersonalDataPageMixin, PersonalDataTableMixin, _VisitSection, VotersListView
):
    section_title = REGISTER
    list_url_name = "voters:reception_register"
    table_class = reception_tables.RegisterTable
    filterset_class = reception_forms.RegisterFilter
    export_url_name = "voters:reception_register_export"
    personal_fields = ("citizen_name",)

    def get_queryset(self):
        return reception_service.register_queryset(council=request_council(self.request))


def register_export(request: HttpRequest) -> HttpResponse:
    """The register as Excel: a denunciator's citizen masked for everyone, the citizen column
    omitted entirely for those who may not see personal data."""
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    qs = filtered(
        request,
        reception_forms.RegisterFilter,
        reception_service.register_queryset(council=request_council(request)),
    )
    columns = exports.REGISTER_COLUMNS
    if personal:
        columns = exports.REGISTER_COLUMNS[:2] + exports.REGISTER_PERSONAL_COLUMNS + columns[2:]
    response = export_response("so-tiep-cong-dan", columns, qs)
    return personal_data_response(request, response, shown=personal)
