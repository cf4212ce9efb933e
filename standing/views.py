"""Pages of the Thường trực's meetings. Secretariat staff write, leaders and committee members
read (core.views: every write view refuses a reader before looking anything up); every record
is looked up among the request's council's rows, so another council's is a 404."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import roles
from core.exports import headers as export_headers
from core.exports import rows as export_rows
from core.exports import xlsx_response
from core.permissions import require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
    RecordWriteMixin,
)
from documents.selectors import documents_of_source
from standing import exports, filters, forms, selectors, services, tables
from standing.models import AgendaEntry, Conclusion, ConclusionTask, StandingMeeting

MEETINGS = gettext_lazy("Phiên họp Thường trực HĐND")
TASKS = gettext_lazy("Việc giao sau kết luận")


class _MeetingSection:
    section_title = MEETINGS
    list_url_name = "standing:standingmeeting_list"


class _Child(RecordWriteMixin):
    """A record of a meeting's page (an agenda entry, a conclusion, a task): a new one's parent
    is named by the URL (<parent_field>_pk), looked up among the council's rows after the 403
    for readers, and given to the form."""

    parent_field: str
    model: type[Model]
    object: Model | None
    parent: Model

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any):
        if (parent_pk := kwargs.get(f"{self.parent_field}_pk")) is not None:
            if not self.may_write(request.user):
                raise PermissionDenied
            parent_model = self.model._meta.get_field(self.parent_field).related_model
            self.parent = council_object_or_404(self.request, parent_model, pk=parent_pk)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_form_kwargs(self) -> dict[str, Any]:
        parent = self.parent if self.object is None else getattr(self.object, self.parent_field)
        return {**super().get_form_kwargs(), self.parent_field: parent}  # type: ignore[misc]


class _BackToMeeting:
    """After a delete, the meeting's page (the record's own URL is an anchor on it)."""

    object: Model

    def get_success_url(self) -> str:
        return self.object.get_absolute_url().partition("#")[0]


# --- meetings --------------------------------------------------------------------------------


class MeetingListView(_MeetingSection, RecordListView):
    template_name = "standing/standingmeeting_list.html"
    table_class = tables.MeetingTable
    filterset_class = filters.MeetingFilter
    create_url_name = "standing:standingmeeting_create"
    empty_hint = gettext_lazy("Mỗi phiên họp ghi nội dung, kết luận và việc giao sau kết luận.")

    def get_queryset(self) -> QuerySet[StandingMeeting]:
        return selectors.meeting_list(council=request_council(self.request))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["can_edit"] = roles.can_edit_records(self.request.user)
        return ctx


class MeetingDetailView(_MeetingSection, RecordDetailView):
    template_name = "standing/standingmeeting_detail.html"
    edit_url_name = "standing:standingmeeting_update"
    delete_url_name = "standing:standingmeeting_delete"
    detail_fields = ["term", "kind", "number", "date", "place", "chaired_by", "members", "notes"]

    def get_object(self, queryset: QuerySet | None = None) -> StandingMeeting:
        try:
            return selectors.meeting_get_for_detail(
                pk=self.kwargs["pk"], council=request_council(self.request)
            )
        except StandingMeeting.DoesNotExist as exc:
            raise Http404 from exc

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        meeting = self.object
        ctx["can_edit"] = roles.can_edit_records(self.request.user)
        ctx["agenda"] = selectors.meeting_agenda(meeting=meeting)
        ctx["conclusions"] = selectors.meeting_conclusions(meeting=meeting)
        ctx["guests"] = [line.strip() for line in meeting.guests.splitlines() if line.strip()]
        # Its conclusion notice, issued from the register (reports.routine.conclusion_notice).
        ctx["can_issue"] = ctx["can_edit"] and meeting.conclusions.exists()
        ctx["issued_documents"] = documents_of_source(source=meeting)
        return ctx


class _MeetingWrite(_MeetingSection):
    model = StandingMeeting
    form_class = forms.MeetingForm
    create_url_name = "standing:standingmeeting_create"
    request: HttpRequest

    def save_object(self, form) -> StandingMeeting:
        return services.meeting_save(
            meeting=form.instance,
            members=form.cleaned_data["members"],
            user=self.request.user,
        )


class MeetingCreateView(_MeetingWrite, RecordCreateView):
    pass


class MeetingUpdateView(_MeetingWrite, RecordUpdateView):
    pass


class MeetingDeleteView(_MeetingSection, RecordDeleteView):
    model = StandingMeeting


# --- agenda entries and conclusions ----------------------------------------------------------


class _AgendaEntryWrite(_Child, _MeetingSection):
    model = AgendaEntry
    form_class = forms.AgendaEntryForm
    parent_field = "meeting"

    def save_object(self, form) -> AgendaEntry:
        return services.agenda_entry_save(entry=form.instance, user=self.request.user)


class AgendaEntryCreateView(_AgendaEntryWrite, RecordCreateView):
    pass


class AgendaEntryUpdateView(_AgendaEntryWrite, RecordUpdateView):
    pass


class AgendaEntryDeleteView(_BackToMeeting, _MeetingSection, RecordDeleteView):
    model = AgendaEntry


class _ConclusionWrite(_Child, _MeetingSection):
    model = Conclusion
    form_class = forms.ConclusionForm
    parent_field = "meeting"

    def save_object(self, form) -> Conclusion:
        return services.conclusion_save(conclusion=form.instance, user=self.request.user)


class ConclusionCreateView(_ConclusionWrite, RecordCreateView):
    pass


class ConclusionUpdateView(_ConclusionWrite, RecordUpdateView):
    pass


class ConclusionDeleteView(_BackToMeeting, _MeetingSection, RecordDeleteView):
    model = Conclusion


# --- tasks after conclusions -----------------------------------------------------------------


class _TaskSection:
    section_title = TASKS
    list_url_name = "standing:conclusiontask_list"


class TaskListView(_TaskSection, RecordListView):
    """The queue of tasks given by conclusions, by deadline; the overdue ones marked."""

    template_name = "standing/conclusiontask_list.html"
    table_class = tables.TaskTable
    filterset_class = filters.TaskFilter

    def get_queryset(self) -> QuerySet[ConclusionTask]:
        return selectors.task_list(council=request_council(self.request))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["export_url"] = reverse("standing:conclusiontask_export")
        return ctx


def task_export(request: HttpRequest) -> HttpResponse:
    """The filtered queue as an Excel file (same filters as the page)."""
    require_viewer(request)
    today = timezone.localdate()
    qs = filters.TaskFilter(
        request.GET,
        queryset=selectors.task_list(council=request_council(request), today=today),
    ).qs
    columns = exports.TASK_COLUMNS
    return xlsx_response(
        filename="viec-sau-ket-luan-thuong-truc",
        headers=export_headers(columns),
        rows=export_rows(columns, qs),
    )


class _TaskWrite(_Child, _TaskSection):
    model = ConclusionTask
    form_class = forms.TaskForm
    parent_field = "conclusion"

    def save_object(self, form) -> ConclusionTask:
        return services.task_save(task=form.instance, user=self.request.user)


class TaskCreateView(_TaskWrite, RecordCreateView):
    pass


class TaskUpdateView(_TaskWrite, RecordUpdateView):
    pass


class TaskDeleteView(_BackToMeeting, _TaskSection, RecordDeleteView):
    model = ConclusionTask


class TaskCompleteView(_TaskSection, RecordUpdateView):
    """Mark a task done: the day and the result (the page asks before anything is saved)."""

    model = ConclusionTask
    form_class = forms.TaskCompleteForm
    template_name = "standing/conclusiontask_complete.html"

    def save_object(self, form) -> ConclusionTask:
        return services.task_complete(
            task=form.instance,
            completed_date=form.cleaned_data["completed_date"],
            result=form.cleaned_data.get("result", ""),
            user=self.request.user,
        )

    def success_message(self, form) -> str:
        return _("Đã ghi hoàn thành việc «%(obj)s».") % {"obj": self.object}
