"""Pages of the voters app. Thin: parse input, call one service or selector, render.

Permissions: every view checks council.roles on the server (mixins or require_viewer /
require_editor first thing). Citizens' personal data is shown only when
roles.can_view_personal_data(user): leaders and committee members never see it, in pages or
in exports."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models import Case, Sum, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from council import roles
from council.cache import cached_page
from council.crud import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from council.exports import XLSX_TYPE, xlsx_response
from council.forms import pk_or_none
from council.idempotency import (
    FORM_TOKEN_FIELD,
    SubmissionRefused,
    add_form_token,
    answer_refused_submission,
    answer_repeated_submission,
    form_submission_save,
)
from council.permissions import require_editor, require_viewer
from council.security import PersonalDataPageMixin, personal_data_response
from council.selectors import council_get_current, term_for_date
from voters import filters, forms, imports, selectors, services, tables
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    PetitionStatusChange,
    VoterMeeting,
    VoterPetition,
)

logger = logging.getLogger(__name__)

# --- shared pieces ---------------------------------------------------------------------------


class ServiceSaveMixin:
    """Create / edit through voters.services (search text, status history) instead of the
    plain registry save; the optimistic lock and error handling stay council.crud's."""

    def save_object(self, form):
        instance = services.model_save(instance=form.save(commit=False), user=self.request.user)
        form.save_m2m()
        return instance


class VotersListView(RecordListView):
    """A list page with an Excel export of the same filtered rows."""

    template_name = "voters/list.html"
    export_url_name: str = ""
    # Extra query parameters the export needs to reproduce this page's rows (e.g. a view
    # that narrows the list beyond the filter form).
    export_params: dict[str, str] = {}
    extra_actions: tuple[tuple[str, str, str], ...] = ()  # (url name, icon, label)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        if self.export_url_name:
            params = self.request.GET.copy()
            params.update(self.export_params)
            query = params.urlencode()
            ctx["export_url"] = reverse(self.export_url_name) + (f"?{query}" if query else "")
        ctx["extra_actions"] = [
            (reverse(name), icon, label) for name, icon, label in self.extra_actions
        ]
        return ctx


class PersonalDataTableMixin:
    """Drop the personal-data columns of the table for those who may not see them."""

    personal_fields: tuple[str, ...] = ()

    def get_table_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_table_kwargs()
        if not roles.can_view_personal_data(self.request.user):
            kwargs["exclude"] = self.personal_fields
        return kwargs


class PersonalDataDetailMixin:
    personal_fields: tuple[str, ...] = ()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        if not roles.can_view_personal_data(self.request.user):
            hidden = {str(self.model._meta.get_field(f).verbose_name) for f in self.personal_fields}
            ctx["rows"] = [row for row in ctx["rows"] if row[0] not in hidden]
            ctx["personal_hidden"] = True
        return ctx


# What the dashboard sums beside the rows it counts (reports.dashboard links here).
INSTANCES_TOTAL = (("instances", gettext_lazy("lượt"), Sum("instances")),)


def _filtered(request: HttpRequest, filterset_class: type, queryset: Any) -> Any:
    return filterset_class(request.GET or None, queryset=queryset, request=request).qs


def _d(value: Any) -> Any:
    return value if value else None


def _export_name(stem: str) -> str:
    return f"{stem}-{timezone.localdate():%Y%m%d}"


# --- hub -------------------------------------------------------------------------------------


@cached_page(check=require_viewer)
def index(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = council_get_current()
    awaiting, overdue = selectors.petition_queue_counts(council=council) if council else (0, 0)
    return render(
        request,
        "voters/index.html",
        {
            "section_title": gettext_lazy("Cử tri, đơn thư"),
            "awaiting": awaiting,
            "overdue": overdue,
            "deadline_days": selectors.ANSWER_DEADLINE_DAYS,
        },
    )


# --- meetings --------------------------------------------------------------------------------

MEETING_SECTION = gettext_lazy("Tiếp xúc cử tri")
MEETING_COMMON = {
    "model": VoterMeeting,
    "section_title": MEETING_SECTION,
    "list_url_name": "voters:votermeeting_list",
    "create_url_name": "voters:votermeeting_create",
}


class VoterMeetingListView(ListTotalsMixin, VotersListView):
    model = VoterMeeting
    list_totals = (("voters", gettext_lazy("lượt cử tri"), Sum("voters_attended")),)
    section_title = MEETING_SECTION
    list_url_name = ""
    create_url_name = "voters:votermeeting_create"
    table_class = tables.VoterMeetingTable
    filterset_class = filters.VoterMeetingFilter
    export_url_name = "voters:votermeeting_export"

    def get_queryset(self):
        return selectors.meeting_queryset(council=council_get_current())


class VoterMeetingDetailView(RecordDetailView):
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
    model = VoterMeeting
    section_title = MEETING_SECTION
    list_url_name = "voters:votermeeting_list"

    def get_queryset(self):
        return selectors.meeting_queryset(council=council_get_current()).prefetch_related(
            "delegates"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["petitions"] = selectors.petition_queryset(council=council_get_current()).filter(
            meeting=self.object
        )
        return ctx


class VoterMeetingCreateView(ServiceSaveMixin, RecordCreateView):
    form_class = forms.VoterMeetingForm
    model = VoterMeeting
    section_title = MEETING_SECTION
    list_url_name = "voters:votermeeting_list"


class VoterMeetingUpdateView(ServiceSaveMixin, RecordUpdateView):
    form_class = forms.VoterMeetingForm
    model = VoterMeeting
    section_title = MEETING_SECTION
    list_url_name = "voters:votermeeting_list"


class VoterMeetingDeleteView(RecordDeleteView):
    model = VoterMeeting
    section_title = MEETING_SECTION
    list_url_name = "voters:votermeeting_list"


def meeting_minutes(request: HttpRequest, pk: int) -> FileResponse:
    """The minutes, only through this permission check, always as a download."""
    require_viewer(request)
    meeting = get_object_or_404(VoterMeeting, pk=pk)
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
    qs = _filtered(
        request,
        filters.VoterMeetingFilter,
        selectors.meeting_queryset(council=council_get_current()),
    )
    headers = [
        _("Ngày"),
        _("Hình thức"),
        _("Kỳ họp thứ"),
        _("Xã, phường"),
        _("Địa điểm"),
        _("Tổ đại biểu"),
        _("Số cử tri"),
        _("Chuyên đề"),
    ]
    rows = (
        (
            m.date,
            m.get_timing_display(),
            m.session.number if m.session else "",
            str(m.location_unit),
            m.venue,
            str(m.delegate_group or ""),
            m.voters_attended,
            m.topic,
        )
        for m in qs
    )
    return xlsx_response(filename=_export_name("tiep-xuc-cu-tri"), headers=headers, rows=rows)


# --- petitions -------------------------------------------------------------------------------

PETITION_SECTION = gettext_lazy("Kiến nghị cử tri")


class VoterPetitionListView(ListTotalsMixin, VotersListView):
    model = VoterPetition
    list_totals = INSTANCES_TOTAL
    section_title = PETITION_SECTION
    create_url_name = "voters:voterpetition_create"
    table_class = tables.VoterPetitionTable
    filterset_class = filters.VoterPetitionFilter
    export_url_name = "voters:voterpetition_export"
    extra_actions = (
        ("voters:petition_import", "bi-file-earmark-arrow-up", gettext_lazy("Nhập từ Excel")),
        ("voters:petition_consolidate", "bi-union", gettext_lazy("Tổng hợp kiến nghị trùng")),
    )

    def get_queryset(self):
        return selectors.petition_queryset(
            council=council_get_current(), related=tables.VoterPetitionTable.related
        )


class PetitionAwaitingView(ListTotalsMixin, VotersListView):
    model = VoterPetition
    list_totals = INSTANCES_TOTAL
    section_title = gettext_lazy("Kiến nghị chờ chuyển")
    table_class = tables.VoterPetitionTable
    filterset_class = filters.VoterPetitionFilter
    export_url_name = "voters:voterpetition_export"
    export_params = {"view": "awaiting"}
    extra_actions = (
        ("voters:forwardingbatch_create", "bi-send", gettext_lazy("Lập công văn chuyển")),
    )
    empty_hint = gettext_lazy("Mọi kiến nghị đã được chuyển.")

    def get_queryset(self):
        return selectors.petitions_awaiting_forwarding(
            council=council_get_current(), related=tables.VoterPetitionTable.related
        )


class PetitionOverdueView(ListTotalsMixin, VotersListView):
    model = VoterPetition
    list_totals = INSTANCES_TOTAL
    table_class = tables.VoterPetitionTable
    filterset_class = filters.VoterPetitionFilter
    empty_hint = gettext_lazy("Không có kiến nghị nào quá hạn trả lời.")

    def days(self) -> int:
        try:
            days = int(self.request.GET.get("days", selectors.ANSWER_DEADLINE_DAYS))
        except ValueError:
            days = selectors.ANSWER_DEADLINE_DAYS
        return min(max(days, 0), 3650)  # ten years: beyond, a date computation overflows

    @property
    def section_title(self) -> str:
        return _("Đã chuyển, quá %(d)s ngày chưa trả lời") % {"d": self.days()}

    def get_queryset(self):
        return selectors.petitions_overdue(
            council=council_get_current(),
            days=self.days(),
            related=tables.VoterPetitionTable.related,
        )


class VoterPetitionDetailView(RecordDetailView):
    template_name = "voters/voterpetition_detail.html"
    model = VoterPetition
    section_title = PETITION_SECTION
    list_url_name = "voters:voterpetition_list"
    edit_url_name = "voters:voterpetition_update"
    delete_url_name = "voters:voterpetition_delete"
    detail_fields = [
        "term",
        "session",
        "meeting",
        "received_date",
        "content",
        "instances",
        "field",
        "level",
        "responsible_org",
        "committee",
        "status",
        "batch",
        "answer_number",
        "answer_date",
        "answer_summary",
        "repeat_of",
        "consolidated_into",
    ]

    def get_queryset(self):
        return selectors.petition_queryset(council=council_get_current()).select_related(
            "repeat_of", "consolidated_into"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        p = self.object
        ctx["status_history"] = PetitionStatusChange.objects.filter(petition=p).select_related(
            "changed_by"
        )
        ctx["originals"] = p.originals.select_related("meeting__location_unit", "field")
        ctx["repeats"] = p.repeats.select_related("field")
        can = roles.can_edit_records(self.request.user)
        allowed = services.allowed_transitions(petition=p)
        Status = VoterPetition.Status
        ctx["can_compile"] = can and Status.COMPILED in allowed
        ctx["can_reopen"] = can and Status.RECEIVED in allowed
        ctx["can_answer"] = can and Status.ANSWERED in allowed
        ctx["can_set_outcome"] = can and bool(allowed & set(VoterPetition.OUTCOMES))
        ctx["awaiting_forwarding"] = p.is_counted and p.status in VoterPetition.AWAITING_FORWARDING
        ctx["answer_form"] = forms.PetitionAnswerForm()
        ctx["outcome_form"] = forms.PetitionOutcomeForm()
        return ctx


class VoterPetitionCreateView(ServiceSaveMixin, RecordCreateView):
    form_class = forms.VoterPetitionForm
    model = VoterPetition
    section_title = PETITION_SECTION
    list_url_name = "voters:voterpetition_list"

    def get_initial(self) -> dict[str, Any]:
        """Prefilled from the meeting page's "add a petition" link."""
        initial = super().get_initial()
        for key in ("meeting", "term", "session"):
            value = self.request.GET.get(key, "")
            if value.isdigit():
                initial[key] = int(value)
        return initial


class VoterPetitionUpdateView(ServiceSaveMixin, RecordUpdateView):
    form_class = forms.VoterPetitionForm
    model = VoterPetition
    section_title = PETITION_SECTION
    list_url_name = "voters:voterpetition_list"


class VoterPetitionDeleteView(RecordDeleteView):
    model = VoterPetition
    section_title = PETITION_SECTION
    list_url_name = "voters:voterpetition_list"


def _require_valid(form: Any) -> None:
    """A step's form as it was filled in, or a ValidationError whose messages name the field
    they are about: the page answers with a message above the form ("Ngày trả lời: Ngày không
    tồn tại."), where "Trường này là bắt buộc." alone would not say which box to fill."""
    if form.is_valid():
        return
    named = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        named += [f"{label}: {error}" if label else error for error in errors]
    raise ValidationError(named)


@require_POST
def petition_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One workflow step from the petition's page: compile, reopen, answer, outcome."""
    require_editor(request)
    petition = get_object_or_404(VoterPetition.objects.select_related("batch"), pk=pk)
    try:
        if action == "compile":
            services.petition_compile(petition=petition, user=request.user)
        elif action == "reopen":
            services.petition_reopen(petition=petition, user=request.user)
        elif action == "answer":
            form = forms.PetitionAnswerForm(request.POST)
            _require_valid(form)
            services.petition_answer(
                petition=petition,
                answer_number=form.cleaned_data["answer_number"],
                answer_date=form.cleaned_data["answer_date"],
                answer_summary=form.cleaned_data["answer_summary"],
                outcome=form.cleaned_data["outcome"] or None,
                user=request.user,
            )
        elif action == "outcome":
            form = forms.PetitionOutcomeForm(request.POST)
            _require_valid(form)
            services.petition_set_outcome(
                petition=petition,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
                user=request.user,
            )
        else:
            raise Http404
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Đã cập nhật trạng thái: %(s)s.") % {"s": petition.get_status_display()}
        )
    return redirect(petition.get_absolute_url())


def petition_export(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    qs = _filtered(
        request,
        filters.VoterPetitionFilter,
        selectors.petition_queryset(council=council_get_current()),
    )
    if request.GET.get("view") == "awaiting":
        # The awaiting page's rows (selectors.petitions_awaiting_forwarding): merged originals
        # never wait for forwarding, even with the filter's "show merged" box ticked.
        qs = selectors.counted_petitions(qs).filter(status__in=VoterPetition.AWAITING_FORWARDING)
    headers = [
        "#",
        _("Ngày tiếp nhận"),
        _("Nội dung"),
        _("Số lượt"),
        _("Kỳ họp thứ"),
        _("Lĩnh vực"),
        _("Thẩm quyền"),
        _("Cơ quan giải quyết"),
        _("Ban theo dõi"),
        _("Trạng thái"),
        _("Công văn chuyển"),
        _("Ngày chuyển"),
        _("Văn bản trả lời"),
        _("Ngày trả lời"),
        _("Gộp vào kiến nghị #"),
    ]
    rows = (
        (
            p.pk,
            p.received_date,
            p.content,
            p.instances,
            p.session.number if p.session else "",
            str(p.field or ""),
            p.get_level_display(),
            str(p.responsible_org or ""),
            str(p.committee or ""),
            p.get_status_display(),
            p.batch.number if p.batch else "",
            _d(p.batch.date if p.batch else None),
            p.answer_number,
            _d(p.answer_date),
            p.consolidated_into_id or "",
        )
        for p in qs
    )
    return xlsx_response(filename=_export_name("kien-nghi-cu-tri"), headers=headers, rows=rows)


@cached_page(check=require_viewer)
def petition_by_session(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = council_get_current()
    current_term = None
    if "term" in request.GET:  # chosen, blank for every term
        term_form = forms.TermChoiceForm(request.GET)
        term = term_form.cleaned_data.get("term") if term_form.is_valid() else None
    else:  # one term (tens of sessions, not the whole history): the latest with petitions
        term = selectors.petition_summary_default_term(council=council) if council else None
        current_term = term_for_date(council=council, day=timezone.localdate()) if council else None
        term_form = forms.TermChoiceForm(initial={"term": term})
    rows = selectors.petition_summary_by_session(council=council, term=term) if council else []
    return render(
        request,
        "voters/petition_by_session.html",
        {
            "section_title": gettext_lazy("Kiến nghị theo kỳ họp"),
            "rows": rows,
            "term_form": term_form,
            "term": term,
            # Said when the page opens on an earlier term than the one in force.
            "empty_current_term": current_term if current_term != term else None,
        },
    )


def petition_consolidate(request: HttpRequest) -> HttpResponse:
    """Merge the same request raised at several meetings into one consolidated petition."""
    require_editor(request)
    council = council_get_current()
    candidates = selectors.petitions_awaiting_forwarding(council=council).filter(
        is_consolidated=False
    )
    session_id = request.GET.get("session") or request.POST.get("session_scope")
    if session_pk := pk_or_none(session_id):
        candidates = candidates.filter(session_id=session_pk)
    form = forms.ConsolidateForm(request.POST or None, petitions=candidates)
    add_form_token(form)
    if request.method == "POST" and form.is_valid():
        try:
            consolidated = form_submission_save(
                token=form.cleaned_data[FORM_TOKEN_FIELD],
                user=request.user,
                save=lambda: services.petition_consolidate(
                    petitions=list(form.cleaned_data["petitions"].order_by("received_date", "pk")),
                    content=form.cleaned_data["content"],
                    user=request.user,
                ),
            )
        except SubmissionRefused as exc:
            if response := answer_refused_submission(request, form, exc):
                return response
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Đã tổng hợp thành kiến nghị #%(pk)s (%(n)s lượt).")
                % {"pk": consolidated.pk, "n": consolidated.instances},
            )
            return redirect(consolidated.get_absolute_url())
    elif request.method == "POST" and (repeated := answer_repeated_submission(request, form)):
        return repeated
    return render(
        request,
        "voters/petition_consolidate.html",
        {
            "section_title": gettext_lazy("Tổng hợp kiến nghị trùng"),
            "list_url": reverse("voters:voterpetition_list"),
            "form": form,
            "sessions": selectors.sessions_with_awaiting_petitions(council=council),
            "session_id": session_id or "",
            **_candidate_rows(candidates.order_by("session_id", "received_date", "pk")),
        },
    )


# --- forwarding batches ----------------------------------------------------------------------

BATCH_SECTION = gettext_lazy("Công văn chuyển kiến nghị")


class ForwardingBatchListView(VotersListView):
    model = ForwardingBatch
    section_title = BATCH_SECTION
    create_url_name = "voters:forwardingbatch_create"
    table_class = tables.ForwardingBatchTable
    filterset_class = filters.ForwardingBatchFilter

    def get_queryset(self):
        return selectors.batch_queryset(council=council_get_current())


class ForwardingBatchDetailView(RecordDetailView):
    template_name = "voters/forwardingbatch_detail.html"
    model = ForwardingBatch
    section_title = BATCH_SECTION
    list_url_name = "voters:forwardingbatch_list"
    edit_url_name = "voters:forwardingbatch_update"
    detail_fields = ["term", "session", "recipient", "number", "date", "subject"]

    def get_queryset(self):
        return selectors.batch_queryset(council=council_get_current())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["petitions"] = selectors.petition_queryset(council=council_get_current()).filter(
            batch=self.object
        )
        return ctx


CANDIDATES_SHOWN = 200


def _candidate_rows(candidates: Any) -> dict[str, Any]:
    """The first CANDIDATES_SHOWN petitions of a checklist and how many there are: a national
    council has tens of thousands awaiting, which no page can list (nor anyone tick)."""
    rows = list(candidates.select_related("session")[:CANDIDATES_SHOWN])
    total = len(rows) if len(rows) < CANDIDATES_SHOWN else candidates.count()
    return {"candidate_rows": rows, "candidate_total": total}


def forwarding_batch_create(request: HttpRequest) -> HttpResponse:
    """A công văn and, ticked, the petitions awaiting forwarding that it carries: those of the
    chosen term and session ("Hiện kiến nghị" reloads the list with the form's values kept).
    Never from the page cache: each rendering carries a new one-time token."""
    require_editor(request)
    council = council_get_current()
    awaiting = selectors.petitions_awaiting_forwarding(council=council)
    fields = ("term", "session", "recipient", "number", "date", "subject")
    initial: dict[str, Any] = {k: v for k, v in request.GET.items() if k in fields and v}
    # Opened from a petition's page (?petition=): that petition ticked, among the others of its
    # term and session, and the letter addressed to the agency that answers it.
    petition = None
    if petition_id := pk_or_none(request.GET.get("petition")):
        petition = awaiting.filter(pk=petition_id).first()
    if petition is not None:
        initial.setdefault("term", petition.term_id)
        if petition.session_id:
            initial.setdefault("session", petition.session_id)
        if petition.responsible_org_id:
            initial.setdefault("recipient", petition.responsible_org_id)
        initial["petitions"] = [str(petition.pk)]
    form = forms.ForwardingBatchForm(request.POST or None, initial=initial, petitions=awaiting)
    add_form_token(form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            batch = form_submission_save(
                token=data[FORM_TOKEN_FIELD],
                user=request.user,
                save=lambda: services.forwarding_batch_create(
                    term=data["term"],
                    session=data["session"],
                    recipient=data["recipient"],
                    number=data["number"],
                    date=data["date"],
                    subject=data["subject"],
                    petitions=list(data["petitions"]),
                    user=request.user,
                ),
            )
        except SubmissionRefused as exc:
            if response := answer_refused_submission(request, form, exc):
                return response
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                for message in exc.messages:
                    form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Đã chuyển %(n)s kiến nghị theo %(b)s.")
                % {"n": len(data["petitions"]), "b": batch},
            )
            return redirect(batch.get_absolute_url())
    elif request.method == "POST" and (repeated := answer_repeated_submission(request, form)):
        return repeated
    # Every petition awaiting forwarding until a term or session is chosen (the form's default
    # term alone does not narrow the list: older terms' petitions may still wait). The petition
    # the page was opened for comes first, so the cap on rows never hides it.
    chosen = request.POST if request.method == "POST" else initial
    order = ["session_id", "received_date", "pk"]
    if petition is not None:
        order.insert(0, Case(When(pk=petition.pk, then=0), default=1))
    shown = awaiting.order_by(*order)
    if term_id := pk_or_none(chosen.get("term")):
        shown = shown.filter(term_id=term_id)
    if session_id := pk_or_none(chosen.get("session")):
        shown = shown.filter(session_id=session_id)
    return render(
        request,
        "voters/forwardingbatch_form.html",
        {
            "section_title": BATCH_SECTION,
            "list_url": reverse("voters:forwardingbatch_list"),
            "form": form,
            **_candidate_rows(shown),
        },
    )


class ForwardingBatchUpdateView(ServiceSaveMixin, RecordUpdateView):
    form_class = forms.ForwardingBatchEditForm
    model = ForwardingBatch
    section_title = BATCH_SECTION
    list_url_name = "voters:forwardingbatch_list"


# --- letters and receptions ------------------------------------------------------------------

LETTER_SECTION = gettext_lazy("Đơn thư")


class LetterListView(PersonalDataPageMixin, PersonalDataTableMixin, VotersListView):
    model = Letter
    section_title = LETTER_SECTION
    create_url_name = "voters:letter_create"
    table_class = tables.LetterTable
    filterset_class = filters.LetterFilter
    export_url_name = "voters:letter_export"
    personal_fields = Letter.PERSONAL_FIELDS

    def get_queryset(self):
        return selectors.letter_queryset(council=council_get_current())


class LetterDetailView(PersonalDataPageMixin, PersonalDataDetailMixin, RecordDetailView):
    model = Letter
    section_title = LETTER_SECTION
    list_url_name = "voters:letter_list"
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
        return selectors.letter_queryset(council=council_get_current())


class LetterCreateView(PersonalDataPageMixin, ServiceSaveMixin, RecordCreateView):
    form_class = forms.LetterForm
    model = Letter
    section_title = LETTER_SECTION
    list_url_name = "voters:letter_list"


class LetterUpdateView(PersonalDataPageMixin, ServiceSaveMixin, RecordUpdateView):
    form_class = forms.LetterForm
    model = Letter
    section_title = LETTER_SECTION
    list_url_name = "voters:letter_list"


class LetterDeleteView(RecordDeleteView):
    model = Letter
    section_title = LETTER_SECTION
    list_url_name = "voters:letter_list"


def letter_export(request: HttpRequest) -> HttpResponse:
    """The personal-data columns are omitted entirely for those who may not see them."""
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    qs = _filtered(
        request, filters.LetterFilter, selectors.letter_queryset(council=council_get_current())
    )
    headers = [
        _("Ngày nhận"),
        _("Loại đơn"),
        _("Tóm tắt nội dung"),
        _("Phân loại"),
        _("Đủ điều kiện xử lý"),
        _("Hướng xử lý"),
        _("Chuyển đến"),
        _("Ngày chuyển"),
        _("Kết quả"),
    ]
    if personal:
        headers += [_("Họ tên người gửi"), _("Địa chỉ"), _("Số điện thoại"), _("Số CCCD/CMND")]

    def row(letter: Letter) -> list[Any]:
        values = [
            letter.received_date,
            letter.get_kind_display(),
            letter.summary,
            letter.classification,
            _("Có") if letter.eligible else _("Không"),
            letter.get_handling_display(),
            str(letter.forwarded_to or ""),
            _d(letter.forwarded_date),
            letter.result,
        ]
        if personal:
            values += [getattr(letter, f) for f in Letter.PERSONAL_FIELDS]
        return values

    response = xlsx_response(
        filename=_export_name("don-thu"), headers=headers, rows=(row(x) for x in qs)
    )
    return personal_data_response(request, response, shown=personal)


RECEPTION_SECTION = gettext_lazy("Tiếp công dân")


class CitizenReceptionListView(PersonalDataPageMixin, ListTotalsMixin, VotersListView):
    model = CitizenReception
    list_totals = (("persons", gettext_lazy("lượt công dân"), Sum("persons")),)
    section_title = RECEPTION_SECTION
    create_url_name = "voters:citizenreception_create"
    table_class = tables.CitizenReceptionTable
    filterset_class = filters.CitizenReceptionFilter
    export_url_name = "voters:citizenreception_export"

    def get_queryset(self):
        return selectors.reception_queryset(council=council_get_current())


class CitizenReceptionDetailView(PersonalDataPageMixin, PersonalDataDetailMixin, RecordDetailView):
    model = CitizenReception
    section_title = RECEPTION_SECTION
    list_url_name = "voters:citizenreception_list"
    edit_url_name = "voters:citizenreception_update"
    delete_url_name = "voters:citizenreception_delete"
    personal_fields = CitizenReception.PERSONAL_FIELDS
    detail_fields = [
        "term",
        "date",
        "host",
        "kind",
        "location",
        "persons",
        "cases",
        "group_cases",
        "summary",
        "visitors",
    ]

    def get_queryset(self):
        return selectors.reception_queryset(council=council_get_current())


class CitizenReceptionCreateView(PersonalDataPageMixin, RecordCreateView):
    form_class = forms.CitizenReceptionForm
    model = CitizenReception
    section_title = RECEPTION_SECTION
    list_url_name = "voters:citizenreception_list"


class CitizenReceptionUpdateView(PersonalDataPageMixin, RecordUpdateView):
    form_class = forms.CitizenReceptionForm
    model = CitizenReception
    section_title = RECEPTION_SECTION
    list_url_name = "voters:citizenreception_list"


class CitizenReceptionDeleteView(RecordDeleteView):
    model = CitizenReception
    section_title = RECEPTION_SECTION
    list_url_name = "voters:citizenreception_list"


def reception_export(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    personal = roles.can_view_personal_data(request.user)
    qs = _filtered(
        request,
        filters.CitizenReceptionFilter,
        selectors.reception_queryset(council=council_get_current()),
    )
    headers = [
        _("Ngày tiếp"),
        _("Hình thức"),
        _("Người chủ trì"),
        _("Địa điểm"),
        _("Số lượt công dân"),
        _("Số vụ việc"),
        _("Số đoàn đông người"),
        _("Nội dung chủ yếu"),
    ]
    if personal:
        headers.append(_("Họ tên, địa chỉ công dân"))

    def row(r: CitizenReception) -> list[Any]:
        values = [
            r.date,
            r.get_kind_display(),
            r.host,
            r.location,
            r.persons,
            r.cases,
            r.group_cases,
            r.summary,
        ]
        if personal:
            values.append(r.visitors)
        return values

    response = xlsx_response(
        filename=_export_name("tiep-cong-dan"), headers=headers, rows=(row(r) for r in qs)
    )
    return personal_data_response(request, response, shown=personal)


# --- Excel import ----------------------------------------------------------------------------

IMPORT_SECTION = gettext_lazy("Nhập kiến nghị từ Excel")


def petition_import_template(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    response = HttpResponse(imports.template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-kien-nghi-cu-tri.xlsx"'
    return response


def _import_context(**extra: Any) -> dict[str, Any]:
    return {
        "section_title": IMPORT_SECTION,
        "list_url": reverse("voters:voterpetition_list"),
        "columns": imports.COLUMNS,
        **extra,
    }


def petition_import(request: HttpRequest) -> HttpResponse:
    """Upload → every row validated → preview (nothing saved yet)."""
    require_editor(request)
    form = forms.PetitionImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        term = form.cleaned_data["term"]
        token = imports.stash_upload(form.cleaned_data["file"])
        path = imports.stashed_path(token)
        result = imports.parse_workbook(path=path, term=term)
        if result.refusal or result.errors:
            path.unlink(missing_ok=True)
            if result.refusal:
                form.add_error("file", result.refusal)
            return render(
                request,
                "voters/petition_import.html",
                _import_context(form=form, errors=result.errors),
            )
        return render(
            request,
            "voters/petition_import_preview.html",
            _import_context(result=result, token=token, term=term),
        )
    return render(request, "voters/petition_import.html", _import_context(form=form))


def _import_turned_away(
    request: HttpRequest, *, path: Path, result: imports.ImportResult
) -> HttpResponse:
    """A stashed file that no longer passes the checks at confirmation: deleted, and why."""
    path.unlink(missing_ok=True)
    if result.refusal:  # rare: it passed at upload, so the stashed file has changed
        messages.error(request, result.refusal)
        return redirect("voters:petition_import")
    return render(
        request,
        "voters/petition_import.html",
        _import_context(form=forms.PetitionImportForm(), errors=result.errors),
    )


@require_POST
def petition_import_confirm(request: HttpRequest) -> HttpResponse:
    """Validate the stashed file again (nothing from the browser is trusted but the uuid) and
    create every new row in one transaction. If the write fails part-way, nothing of the file
    is saved and the preview comes back, checked again, to confirm again."""
    require_editor(request)
    path = imports.stashed_path(request.POST.get("token", ""))
    form = forms.PetitionImportForm(request.POST)
    term_field = form.fields["term"]
    try:
        term = term_field.clean(request.POST.get("term"))
    except ValidationError:
        term = None
    if path is None or term is None:
        messages.error(request, _("Tệp tải lên không còn; hãy tải lên lại."))
        return redirect("voters:petition_import")
    result = imports.parse_workbook(path=path, term=term)
    if result.refusal or result.errors:
        return _import_turned_away(request, path=path, result=result)
    try:
        created = services.petitions_import(term=term, rows=result.rows, user=request.user)
    except (ValidationError, DatabaseError):
        # The rows passed the check just above, so the data changed meanwhile: another user's
        # import of the same rows committed first (the unique import key), or the database gave
        # up on a lock. petitions_import is one transaction: the rows it wrote are rolled back.
        logger.warning("Import of %s rolled back", path.name, exc_info=True)
        messages.error(
            request,
            _(
                "Không nhập được: dữ liệu đã thay đổi trong lúc xem trước. Không có dòng nào được ghi."
            ),
        )
        # The file stays stashed: its preview against the data as it is now, to confirm again.
        result = imports.parse_workbook(path=path, term=term)
        if result.refusal or result.errors:
            return _import_turned_away(request, path=path, result=result)
        return render(
            request,
            "voters/petition_import_preview.html",
            _import_context(result=result, token=path.stem, term=term),
        )
    path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Đã nhập %(n)s kiến nghị; bỏ qua %(s)s dòng trùng.")
        % {"n": len(created), "s": len(result.skipped_rows)},
    )
    return redirect(reverse("voters:voterpetition_list") + f"?term={term.pk}")
