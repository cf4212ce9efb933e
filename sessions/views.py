"""Session pages: list, detail (agenda, attendance, resolutions, questioning), forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.concurrency import VERSION_FIELD, StaleRowsError
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404
from core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from sessions import fragments, selectors, services
from sessions.filters import SessionFilter
from sessions.forms import AgendaItemForm, AttendanceForm, SessionForm
from sessions.models import AgendaItem, Session
from sessions.tables import SessionTable

SECTION = gettext_lazy("Kỳ họp")


class _Section:
    section_title = SECTION
    list_url_name = "sessions:session_list"
    create_url_name = "sessions:session_create"


class SessionListView(_Section, RecordListView):
    model = Session
    table_class = SessionTable
    filterset_class = SessionFilter
    empty_hint = gettext_lazy("Thêm kỳ họp để ghi nhận nội dung, điểm danh và nghị quyết.")

    def get_queryset(self):
        return (
            Session.objects.select_related("term")
            .annotate(resolution_count=Count("resolutions"))
            .order_by("-start_date", "-number")
        )


class SessionDetailView(_Section, RecordDetailView):
    model = Session
    template_name = "sessions/session_detail.html"
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


class SessionCreateView(_Section, RecordCreateView):
    model = Session
    form_class = SessionForm


class SessionUpdateView(_Section, RecordUpdateView):
    model = Session
    form_class = SessionForm


class SessionDeleteView(_Section, RecordDeleteView):
    model = Session


class _AgendaItemWrite(_Section):
    """An agenda document of a session; the form is given the session (a new document's is
    named by the URL) and the page names it (heading and breadcrumb)."""

    model = AgendaItem
    form_class = AgendaItemForm
    object: AgendaItem | None
    kwargs: dict[str, Any]

    @cached_property
    def session(self) -> Session:
        if self.object is not None:
            return self.object.session
        return council_object_or_404(
            self.request, Session.objects.select_related("term"), pk=self.kwargs["session_pk"]
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "session": self.session}  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["section_title"] = str(self.session)
        ctx["list_url"] = self.session.get_absolute_url()
        return ctx

    def save_object(self, form) -> AgendaItem:
        return services.agenda_item_save(
            item=form.instance, upload=form.cleaned_data.get("upload"), user=self.request.user
        )


class AgendaItemCreateView(_AgendaItemWrite, RecordCreateView):
    def get_initial(self) -> dict[str, Any]:
        order = selectors.agenda_item_next_order(session=self.session)
        return {**super().get_initial(), "order": order}


class AgendaItemUpdateView(_AgendaItemWrite, RecordUpdateView):
    def get_queryset(self):
        return AgendaItem.objects.select_related("session__term")


class AgendaItemDeleteView(_Section, RecordDeleteView):
    model = AgendaItem

    def delete_object(self, obj: AgendaItem) -> None:
        services.agenda_item_delete(item=obj)

    def get_success_url(self) -> str:
        return reverse("sessions:session_detail", args=[self.object.session_id])


def agenda_item_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """Agenda documents are served only to logged-in users with a role, as downloads."""
    require_viewer(request)
    item = council_object_or_404(request, AgendaItem, pk=pk)
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
    session = council_object_or_404(request, Session.objects.select_related("term__council"), pk=pk)
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
