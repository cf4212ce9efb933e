"""Vụ việc: the cases of citizens' letters and their workflow (issue 21). Every role of the
secretariat reads the list, a case's page and the overdue queue; staff and administrators act.
No page here shows a sender: who may read a citizen's identity is voters.casework.identity's
decision, shown on the letter's own page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.security import PersonalDataPageMixin
from core.filters import scope_choices
from core.forms import apply_validation_error, pk_or_none
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, of_council, request_council
from core.views import RecordCreateView, RecordDetailView, RecordUpdateView
from voters.casework import filters, forms, selectors, services, tables
from voters.models import Case, CaseDocument, Letter
from voters.views.base import VotersListView

SECTION = gettext_lazy("Vụ việc khiếu nại, tố cáo")


class _Section:
    model = Case
    section_title = SECTION
    list_url_name = "voters:case_list"


class CaseListView(VotersListView):
    model = Case
    section_title = SECTION
    create_url_name = "voters:case_intake"
    table_class = tables.CaseTable
    filterset_class = filters.CaseFilter
    empty_hint = gettext_lazy("Mỗi đơn tiếp nhận mở một vụ việc hoặc được gắn vào vụ việc đã có.")

    def get_queryset(self):
        return selectors.case_list_queryset(
            council=request_council(self.request), today=timezone.localdate()
        )


class CaseDetailView(_Section, RecordDetailView):
    template_name = "voters/case_detail.html"
    edit_url_name = "voters:case_update"
    detail_fields = [
        "kind",
        "field",
        "locality",
        "within_competence",
        "group_size",
        "handler",
        "status",
        "complex",
        "extensions",
        "answered_date",
        "answer_summary",
        "closed_date",
        "closing_note",
    ]

    def get_queryset(self):
        return Case.objects.select_related("field", "locality", "handler", "council")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["detail"] = selectors.case_detail(case=self.object, today=timezone.localdate())
        return ctx


class CaseUpdateView(_Section, RecordUpdateView):
    form_class = forms.CaseForm

    def get_queryset(self):
        return Case.objects.select_related("locality")

    def save_object(self, form) -> Case:
        return services.case_update(case=form.instance, user=self.request.user)


class CaseIntakeView(PersonalDataPageMixin, _Section, RecordCreateView):
    """Tiếp nhận đơn: the letter's form and, beside it, the likely duplicate cases to attach it
    to (refreshed by HTMX as the clerk types: case_candidates)."""

    model = Letter
    form_class = forms.LetterIntakeForm
    template_name = "voters/case_intake.html"

    def chosen_case(self) -> Case | None:
        data = self.request.POST if self.request.method == "POST" else self.request.GET
        pk = pk_or_none(data.get("case"))
        if pk is None:
            return None
        return council_object_or_404(self.request, Case, pk=pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        data = form.data if form.is_bound else {}
        ctx.update(_candidates_context(self.request, data, chosen=self.chosen_case()))
        ctx["title"] = _("Tiếp nhận đơn")
        return ctx

    def save_object(self, form) -> Letter:
        return services.letter_intake(
            letter=form.instance, case=self.chosen_case(), user=self.request.user
        )

    def success_message(self, form) -> str:
        return _("Đã tiếp nhận đơn vào vụ việc số %(n)s.") % {"n": self.object.case.number}

    def get_success_url(self) -> str:
        return self.object.case.get_absolute_url()


def _candidates_context(request: HttpRequest, data: Any, *, chosen: Case | None) -> dict:
    candidates = selectors.case_candidates(
        council=request_council(request),
        sender_name=data.get("sender_name", ""),
        sender_id_number=data.get("sender_id_number", ""),
        summary=data.get("summary", ""),
        exclude_case=chosen,
        user=request.user,
    )
    return {"candidates": candidates, "chosen_case": chosen}


def case_candidates(request: HttpRequest) -> HttpResponse:
    """The likely duplicates of the letter being typed (an HTMX fragment of the intake page).
    Staff only: it is offered to the clerk entering the letter, and says which cases, not who."""
    require_editor(request)
    pk = pk_or_none(request.GET.get("case"))
    chosen = council_object_or_404(request, Case, pk=pk) if pk else None
    context = _candidates_context(request, request.GET, chosen=chosen)
    response = render(request, "voters/_case_candidates.html", context)
    response["Cache-Control"] = "no-store"
    return response


# --- actions on a case: small pages, each one service ----------------------------------------


def _case(request: HttpRequest, pk: int) -> Case:
    return council_object_or_404(request, Case.objects.select_related("council"), pk=pk)


def _action_page(
    request: HttpRequest,
    *,
    case: Case,
    form: Any,
    title: str,
    act: Callable[[Any], str],
    success_url: Callable[[], str] | None = None,
) -> HttpResponse:
    """GET shows the form, a valid POST runs `act` (a service call in one transaction, which
    returns the success message) and goes back to the case; a refusal shows on the form."""
    scope_choices(form, request)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                message = act(form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, message)
            return HttpResponseRedirect(success_url() if success_url else case.get_absolute_url())
    return render(
        request,
        "voters/case_action.html",
        {"case": case, "form": form, "title": title, "section_title": SECTION},
    )


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def letter_process(request: HttpRequest, pk: int) -> HttpResponse:
    """The processing decision of one letter; forwarding or guiding issues its document too
    (the phiếu chuyển đơn, the hướng dẫn) when asked."""
    require_editor(request)
    letter = council_object_or_404(
        request, Letter.objects.select_related("case__council", "forwarded_to"), pk=pk
    )
    today = timezone.localdate()
    form = forms.LetterProcessForm(
        _data(request),
        initial={
            "handling": letter.handling,
            "date": letter.processed_date or today,
            "forwarded_to": letter.forwarded_to_id,
            "ineligible_reason": letter.ineligible_reason,
            "note": letter.processing_note,
        },
    )

    def act(data: dict) -> str:
        services.letter_process(
            letter=letter,
            handling=data["handling"],
            date=data["date"],
            forwarded_to=data["forwarded_to"],
            ineligible_reason=data["ineligible_reason"],
            note=data["note"],
            user=request.user,
        )
        kind = {
            Letter.Handling.FORWARDED: CaseDocument.Kind.FORWARDING,
            Letter.Handling.GUIDED: CaseDocument.Kind.GUIDANCE,
        }.get(data["handling"])
        if data["issue_document"] and kind:
            document = services.case_document_issue(
                case=letter.case,
                kind=kind,
                letter=letter,
                date=data["date"],
                recipient=data["forwarded_to"],
                user=request.user,
            )
            return _("Đã xử lý đơn và tạo %(doc)s.") % {"doc": document}
        return _("Đã xử lý đơn: %(h)s.") % {"h": letter.get_handling_display().lower()}

    return _action_page(
        request,
        case=letter.case,
        form=form,
        title=_("Xử lý đơn nhận ngày %(d)s") % {"d": letter.received_date.strftime("%d/%m/%Y")},
        act=act,
    )


def case_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    case = _case(request, pk)
    body = case.letters.filter(forwarded_to__isnull=False).order_by("-forwarded_date").first()
    form = forms.FollowUpForm(
        _data(request),
        council=request_council(request),
        initial={
            "date": timezone.localdate(),
            "organization": body.forwarded_to_id if body else None,
        },
    )

    def act(data: dict) -> str:
        services.case_follow_up(
            case=case,
            date=data["date"],
            organization=data["organization"],
            method=data["method"],
            note=data["note"],
            issue_document=data["issue_document"],
            user=request.user,
        )
        return _("Đã ghi lần đôn đốc.")

    return _action_page(request, case=case, form=form, title=_("Đôn đốc giải quyết"), act=act)


def case_answer(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    case = _case(request, pk)
    form = forms.AnswerForm(
        _data(request),
        initial={
            "date": case.answered_date or timezone.localdate(),
            "summary": case.answer_summary,
        },
    )

    def act(data: dict) -> str:
        services.case_record_answer(
            case=case, date=data["date"], summary=data["summary"], user=request.user
        )
        return _("Đã ghi kết quả giải quyết.")

    return _action_page(request, case=case, form=form, title=_("Ghi kết quả giải quyết"), act=act)


def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    case = _case(request, pk)
    form = forms.CloseForm(_data(request), initial={"date": timezone.localdate()})

    def act(data: dict) -> str:
        services.case_close(case=case, date=data["date"], result=data["result"], user=request.user)
        return _("Đã kết thúc theo dõi vụ việc.")

    return _action_page(request, case=case, form=form, title=_("Kết thúc theo dõi"), act=act)


@require_POST
def case_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    case = _case(request, pk)
    try:
        services.case_reopen(case=case, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã mở lại vụ việc."))
    return HttpResponseRedirect(case.get_absolute_url())


def casedocument_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Issue a document of the case; its subject and body are drafted when left blank."""
    require_editor(request)
    case = _case(request, pk)
    kind = request.GET.get("kind")
    letter_pk = pk_or_none(request.GET.get("letter"))
    form = forms.DocumentForm(
        _data(request),
        case=case,
        initial={
            "kind": kind if kind in CaseDocument.Kind.values else CaseDocument.Kind.FORWARDING,
            "letter": letter_pk,
            "date": timezone.localdate(),
        },
    )

    def act(data: dict) -> str:
        document = services.case_document_issue(case=case, user=request.user, **data)
        return _("Đã tạo %(doc)s.") % {"doc": document}

    return _action_page(request, case=case, form=form, title=_("Tạo văn bản"), act=act)


def letter_attach(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a letter to another case of the council (the same matter found later)."""
    require_editor(request)
    letter = council_object_or_404(request, Letter.objects.select_related("case"), pk=pk)
    cases = of_council(Case.objects.exclude(pk=letter.case_id), request_council(request))
    form = forms.AttachForm(_data(request), cases=cases.exclude(status=Case.Status.CLOSED))
    old_case = letter.case

    def act(data: dict) -> str:
        services.letter_attach(letter=letter, case=data["case"], user=request.user)
        return _("Đã chuyển đơn sang vụ việc số %(n)s.") % {"n": data["case"].number}

    # To the case the letter went to: the one it left may be gone (services.letter_attach).
    return _action_page(
        request,
        case=old_case,
        form=form,
        title=_("Chuyển đơn sang vụ việc khác"),
        act=act,
        success_url=lambda: letter.case.get_absolute_url(),
    )


def case_overdue(request: HttpRequest) -> HttpResponse:
    """Vụ việc quá hạn trả lời: by the body that owes the answer, with days late."""
    require_viewer(request)
    today = timezone.localdate()
    bodies = selectors.overdue_cases(council=request_council(request), today=today)
    return render(
        request,
        "voters/case_overdue.html",
        {
            "bodies": bodies,
            "total": sum(body.count for body in bodies),
            "today": today,
            "section_title": SECTION,
        },
    )
