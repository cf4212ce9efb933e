"""Tiếp xúc cử tri: voter contact meetings and their minutes."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from core.permissions import require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordUpdateView,
)
from voters import exports, filters, forms, selectors, tables
from voters.models import VoterMeeting
from voters.views.base import VotersListView, export_response, filtered

SECTION = gettext_lazy("Tiếp xúc cử tri")


class _Section:
    model = VoterMeeting
    section_title = SECTION
    list_url_name = "voters:votermeeting_list"


class VoterMeetingListView(ListTotalsMixin, VotersListView):
    model = VoterMeeting
    list_totals = (("voters", gettext_lazy("lượt cử tri"), Sum("voters_attended")),)
    section_title = SECTION
    create_url_name = "voters:votermeeting_create"
    table_class = tables.VoterMeetingTable
    filterset_class = filters.VoterMeetingFilter
    export_url_name = "voters:votermeeting_export"

    def get_queryset(self):
        return selectors.meeting_queryset(council=request_council(self.request))


class VoterMeetingDetailView(_Section, RecordDetailView):
    template_name = "voters/votermeeting_detail.html"
    detail_fields = [
        "term",
        "timing",
        "session",
        "topic",
        "date",
        "location_unit",
        "venue",
        "delegate_group",
        "delegates",
        "co_organizer",
        "voters_attended",
        "notes",
    ]
    edit_url_name = "voters:votermeeting_update"
    delete_url_name = "voters:votermeeting_delete"

    def get_queryset(self):
        return selectors.meeting_queryset(council=request_council(self.request)).prefetch_related(
            "delegates"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["petitions"] = selectors.petition_queryset(
            council=request_council(self.request)
        ).filter(meeting=self.object)
        return ctx


# A meeting has no rules of its own: core.services.record_save writes it, delegates included.
class VoterMeetingCreateView(_Section, RecordCreateView):
    form_class = forms.VoterMeetingForm


class VoterMeetingUpdateView(_Section, RecordUpdateView):
    form_class = forms.VoterMeetingForm


class VoterMeetingDeleteView(_Section, RecordDeleteView):
    pass


def meeting_minutes(request: HttpRequest, pk: int) -> FileResponse:
    """The minutes, only through this permission check, always as a download."""
    require_viewer(request)
    meeting = council_object_or_404(request, VoterMeeting, pk=pk)
    if not meeting.minutes:
        raise Http404
    try:
        handle = meeting.minutes.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    ext = meeting.minutes.name.rsplit(".", 1)[-1] if "." in meeting.minutes.name else "bin"
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"bien-ban-tiep-xuc-cu-tri-{meeting.date:%Y%m%d}-{meeting.pk}.{ext}",
    )


def meeting_export(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    qs = filtered(
        request,
        filters.VoterMeetingFilter,
        selectors.meeting_queryset(council=request_council(request)),
    )
    return export_response("tiep-xuc-cu-tri", exports.MEETING_COLUMNS, qs)
