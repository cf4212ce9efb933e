"""Kiến nghị cử tri: the petitions, their lists by stage, their workflow steps and the merging
of the same request raised at several meetings."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import roles
from core.forms import pk_or_none
from core.idempotency import add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from core.views import (
    ListTotalsMixin,
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordUpdateView,
)
from voters import exports, filters, forms, selectors, services, tables
from voters.models import PetitionStatusChange, VoterPetition
from voters.views.base import (
    INSTANCES_TOTAL,
    VotersListView,
    candidate_rows,
    export_response,
    filtered,
)

SECTION = gettext_lazy("Kiến nghị cử tri")


class _Section:
    model = VoterPetition
    section_title = SECTION
    list_url_name = "voters:voterpetition_list"


class VoterPetitionListView(ListTotalsMixin, VotersListView):
    model = VoterPetition
    list_totals = INSTANCES_TOTAL
    section_title = SECTION
    create_url_name = "voters:voterpetition_create"
    table_class = tables.VoterPetitionTable
    filterset_class = filters.VoterPetitionFilter
    export_url_name = "voters:voterpetition_export"
    # A province's page of 25 joined after the sort, not its thousands before it: its rows
    # statement with every council in the database 55.1 -> 8.9 ms, with one province 3.0 ->
    # 2.0 ms (docs/performance.md, «Keys first»).
    page_keys_first = True
    extra_actions = (
        ("voters:petition_import", "bi-file-earmark-arrow-up", gettext_lazy("Nhập từ Excel")),
        ("voters:petition_consolidate", "bi-union", gettext_lazy("Tổng hợp kiến nghị trùng")),
    )

    def get_queryset(self):
        return selectors.petition_queryset(
            council=request_council(self.request), related=tables.VoterPetitionTable.related
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
            council=request_council(self.request), related=tables.VoterPetitionTable.related
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
            council=request_council(self.request),
            days=self.days(),
            related=tables.VoterPetitionTable.related,
        )


class VoterPetitionDetailView(_Section, RecordDetailView):
    template_name = "voters/voterpetition_detail.html"
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
        return selectors.petition_queryset(council=request_council(self.request)).select_related(
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


class _PetitionWrite(_Section):
    form_class = forms.VoterPetitionForm
    # The meetings offered follow the session, the sessions the term (forms.VoterPetitionForm).
    followed_fields = ("term", "session")

    def save_object(self, form) -> VoterPetition:
        """The search text and, for a new petition, its first status change."""
        return services.petition_save(petition=form.instance, user=self.request.user)


class VoterPetitionCreateView(_PetitionWrite, RecordCreateView):
    def get_initial(self) -> dict[str, Any]:
        """Prefilled from the meeting page's "add a petition" link."""
        initial = super().get_initial()
        for key in ("meeting", "term", "session"):
            value = self.request.GET.get(key, "")
            if value.isdigit():
                initial[key] = int(value)
        return initial


class VoterPetitionUpdateView(_PetitionWrite, RecordUpdateView):
    pass


class VoterPetitionDeleteView(_Section, RecordDeleteView):
    pass


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
    petition = council_object_or_404(request, VoterPetition.objects.select_related("batch"), pk=pk)
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
    qs = filtered(
        request,
        filters.VoterPetitionFilter,
        selectors.petition_queryset(council=request_council(request), related=()),
    )
    if request.GET.get("view") == "awaiting":
        # The awaiting page's rows (selectors.petitions_awaiting_forwarding): merged originals
        # never wait for forwarding, even with the filter's "show merged" box ticked.
        qs = selectors.counted_petitions(qs).filter(status__in=VoterPetition.AWAITING_FORWARDING)
    # Plain values, not model objects (values() joins what the field paths name, nothing else).
    rows = qs.values(*exports.PETITION_FIELDS)
    return export_response("kien-nghi-cu-tri", exports.PETITION_COLUMNS, rows)


def petition_consolidate(request: HttpRequest) -> HttpResponse:
    """Merge the same request raised at several meetings into one consolidated petition."""
    require_editor(request)
    council = request_council(request)
    candidates = selectors.petitions_awaiting_forwarding(council=council).filter(
        is_consolidated=False
    )
    session_id = request.GET.get("session") or request.POST.get("session_scope")
    if session_pk := pk_or_none(session_id):
        candidates = candidates.filter(session_id=session_pk)
    form = forms.ConsolidateForm(request.POST or None, petitions=candidates)
    add_form_token(form)
    consolidated, response = create_once(
        request,
        form,
        lambda: services.petition_consolidate(
            petitions=list(form.cleaned_data["petitions"].order_by("received_date", "pk")),
            content=form.cleaned_data["content"],
            user=request.user,
        ),
    )
    if response is not None:
        return response
    if consolidated is not None:
        messages.success(
            request,
            _("Đã tổng hợp thành kiến nghị #%(pk)s (%(n)s lượt).")
            % {"pk": consolidated.pk, "n": consolidated.instances},
        )
        return redirect(consolidated.get_absolute_url())
    return render(
        request,
        "voters/petition_consolidate.html",
        {
            "section_title": gettext_lazy("Tổng hợp kiến nghị trùng"),
            "list_url": reverse("voters:voterpetition_list"),
            "form": form,
            "sessions": selectors.sessions_with_awaiting_petitions(council=council),
            "session_id": session_id or "",
            **candidate_rows(candidates.order_by("session_id", "received_date", "pk")),
        },
    )
