"""Session pages: list, detail (agenda, attendance, resolutions, questioning), forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, UpdateView

from council.concurrency import VERSION_FIELD, StaleEditError, StaleRowsError
from council.crud import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
    WriteGuardMixin,
    add_write_guard,
    answer_unsaved,
    guarded_save,
)
from council.idempotency import SubmissionRefused
from council.permissions import EditorRequiredMixin, require_editor, require_viewer
from sessions import fragments, selectors, services
from sessions.filters import SessionFilter
from sessions.forms import AgendaItemForm, AttendanceForm, SessionForm
from sessions.models import AgendaItem, Session
from sessions.tables import SessionTable

SECTION = gettext_lazy("Kỳ họp")

_common = {
    "section_title": SECTION,
    "list_url_name": "sessions:session_list",
    "create_url_name": "sessions:session_create",
}


class SessionListView(RecordListView):
    model = Session
    table_class = SessionTable
    filterset_class = SessionFilter
    empty_hint = gettext_lazy("Thêm kỳ họp để ghi nhận nội dung, điểm danh và nghị quyết.")
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]
    create_url_name = _common["create_url_name"]

    def get_queryset(self):
        return (
            Session.objects.select_related("term")
            .annotate(resolution_count=Count("resolutions"))
            .order_by("-start_date", "-number")
        )


class SessionDetailView(RecordDetailView):
    model = Session
    template_name = "sessions/session_detail.html"
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]
    create_url_name = _common["create_url_name"]
    edit_url_name = "sessions:session_update"
    delete_url_name = "sessions:session_delete"
    detail_fields = [
        "term",
        "number",
        "kind",
        "regular_slot",
        "start_date",
        "end_date",
        "venue",
        "format",
        "status",
        "notes",
    ]

    def get_queryset(self):
        return Session.objects.select_related("term__council")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        session = self.object
        # The kind row reads as the law of the day called it.
        ctx["rows"] = [
            (label, session.kind_label.capitalize() if name == "kind" else value)
            for name, (label, value) in zip(self.detail_fields, ctx["rows"], strict=True)
        ]
        ctx["agenda"] = selectors.session_agenda(session=session)
        ctx["attendance"] = selectors.session_attendance_summary(session=session)
        ctx["fragments"] = fragments.templates()
        return ctx


class SessionCreateView(RecordCreateView):
    model = Session
    form_class = SessionForm
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]
    create_url_name = _common["create_url_name"]


class SessionUpdateView(RecordUpdateView):
    model = Session
    form_class = SessionForm
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]


class SessionDeleteView(RecordDeleteView):
    model = Session
    section_title = _common["section_title"]
    list_url_name = _common["list_url_name"]


class _AgendaFormMixin(WriteGuardMixin, EditorRequiredMixin):
    model = AgendaItem
    form_class = AgendaItemForm
    template_name = "generic/form.html"
    section_title = SECTION

    def get_session(self) -> Session:
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["session"] = self.get_session()
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        add_write_guard(form, self.object)
        return form

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        # The page names the session the document belongs to (heading and breadcrumb).
        session = self.get_session()
        ctx["section_title"] = str(session)
        ctx["list_url"] = session.get_absolute_url()
        return ctx

    def form_valid(self, form) -> HttpResponse:
        item = form.save(commit=False)
        item.session = self.get_session()
        try:
            self.object = guarded_save(
                form=form,
                user=self.request.user,
                save=lambda: services.agenda_item_save(
                    item=item, upload=form.cleaned_data.get("upload"), user=self.request.user
                ),
            )
        except (StaleEditError, SubmissionRefused) as exc:
            return answer_unsaved(self.request, form, exc) or self.form_invalid(form)
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu «%(obj)s».") % {"obj": self.object})
        return HttpResponseRedirect(self.object.get_absolute_url())


class AgendaItemCreateView(_AgendaFormMixin, CreateView):
    def get_session(self) -> Session:
        if not hasattr(self, "_session"):
            self._session = get_object_or_404(
                Session.objects.select_related("term"), pk=self.kwargs["session_pk"]
            )
        return self._session

    def get_initial(self) -> dict[str, Any]:
        return {
            **super().get_initial(),
            "order": selectors.agenda_item_next_order(session=self.get_session()),
        }


class AgendaItemUpdateView(_AgendaFormMixin, UpdateView):
    def get_queryset(self):
        return AgendaItem.objects.select_related("session__term")

    def get_session(self) -> Session:
        if getattr(self, "object", None) is None:
            self.object = self.get_object()
        return self.object.session


class AgendaItemDeleteView(RecordDeleteView):
    model = AgendaItem
    section_title = SECTION
    list_url_name = _common["list_url_name"]

    def form_valid(self, form) -> HttpResponse:
        item = self.get_object()
        session_url = item.session.get_absolute_url()
        # Its document leaves the disk once the deletion is committed (council.files).
        item.delete()
        messages.success(self.request, _("Đã xoá «%(obj)s».") % {"obj": item})
        return HttpResponseRedirect(session_url)


def agenda_item_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Agenda documents are served only to logged-in users with a role, as downloads."""
    require_viewer(request)
    item = get_object_or_404(AgendaItem, pk=pk)
    if not item.attachment:
        raise Http404
    return FileResponse(
        item.attachment.open("rb"),
        as_attachment=True,
        filename=item.attachment_name or item.attachment.name.rsplit("/", 1)[-1],
    )


def attendance_update(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole roll of a session in one form: one row per delegate of the term. The form
    carries the version of the roll it shows, so a second editor cannot overwrite the first's
    changes unseen."""
    require_editor(request)
    session = get_object_or_404(Session.objects.select_related("term__council"), pk=pk)
    rows = selectors.session_attendance_rows(session=session)
    version = selectors.session_attendance_version(session=session)
    form = AttendanceForm(request.POST or None, rows=rows, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.session_attendance_save(
                session=session,
                statuses=form.statuses(),
                version=form.cleaned_data[VERSION_FIELD],
                user=request.user,
            )
        except StaleRowsError as exc:
            # Shown again with the user's choices against the roll stored now.
            form = AttendanceForm(
                request.POST,
                rows=selectors.session_attendance_rows(session=session),
                version=exc.current_version,
            )
            form.is_valid()
            form.show_stale(exc)
        else:
            messages.success(request, _("Đã lưu điểm danh (%(n)s thay đổi).") % {"n": changed})
            return HttpResponseRedirect(
                reverse("sessions:session_detail", args=[pk]) + "#attendance"
            )
    return render(
        request,
        "sessions/attendance_form.html",
        {
            "session": session,
            "form": form,
            "section_title": SECTION,
            "list_url": reverse("sessions:session_list"),
        },
    )
