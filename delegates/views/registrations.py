"""Registrations to speak, debate and question: a delegate's pages (register, withdraw, their
list), the secretariat's queue of a session (order, call, record what was said), and the
chair's screen, which polls the queue with HTMX."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.concurrency import StaleRowsError
from core.permissions import require_viewer
from core.scoping import council_object_or_404
from delegates import selectors, services
from delegates.access import delegate_session_or_404, require_delegate, require_secretariat
from delegates.forms import RecordForm, RegistrationForm
from delegates.models import Registration
from sessions.models import Session

# The chair's screen asks for the queue this often (seconds).
CHAIR_POLL_SECONDS = 5


def _messages(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


# A delegate's pages ----------------------------------------------------------------------


def registration_create(request: HttpRequest, pk: int) -> HttpResponse:
    delegate, session = delegate_session_or_404(request, pk)
    initial = {"kind": request.GET.get("loai", Registration.Kind.SPEECH)}
    if request.GET.get("noi-dung", "").isdigit():
        initial["agenda_item"] = int(request.GET["noi-dung"])
    form = RegistrationForm(request.POST or None, session=session, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(
                delegate=delegate, session=session, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            for message in _messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Đã đăng ký. Văn phòng sẽ xếp thứ tự phát biểu."))
            return HttpResponseRedirect(reverse("delegates:session", args=[session.pk]))
    return render(
        request,
        "delegates/registration_form.html",
        {"delegate": delegate, "session": session, "form": form},
    )


@require_POST
def registration_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    delegate = require_delegate(request)
    # Only the delegate's own: another's registration is not found.
    registration = Registration.objects.filter(pk=pk, delegate=delegate).first()
    if registration is None:
        raise Http404
    try:
        services.registration_withdraw(registration=registration, delegate=delegate)
    except ValidationError as exc:
        for message in _messages(exc):
            messages.error(request, message)
    else:
        messages.success(request, _("Đã rút đăng ký."))
    return HttpResponseRedirect(reverse("delegates:session", args=[registration.session_id]))


def my_registrations(request: HttpRequest) -> HttpResponse:
    delegate = require_delegate(request)
    return render(
        request,
        "delegates/my_registrations.html",
        {
            "delegate": delegate,
            "registrations": list(selectors.delegate_registrations(delegate=delegate)),
        },
    )


# The secretariat's queue -------------------------------------------------------------------


def _staff_session(request: HttpRequest, pk: int) -> Session:
    require_secretariat(request)
    return council_object_or_404(request, Session.objects.select_related("term"), pk=pk)


def _staff_registration(request: HttpRequest, pk: int) -> Registration:
    require_secretariat(request)
    return council_object_or_404(
        request,
        Registration.objects.select_related(
            "session__term", "delegate", "respondent_organization", "question", "commitment"
        ),
        pk=pk,
    )


def _queue_url(registration: Registration) -> str:
    return reverse("delegates:registration_queue", args=[registration.session_id])


def registration_queue(request: HttpRequest, pk: int) -> HttpResponse:
    session = _staff_session(request, pk)
    rows = list(selectors.session_registrations(session=session))
    return render(
        request,
        "delegates/registration_queue.html",
        {
            "session": session,
            "open_rows": [r for r in rows if r.is_open],
            "closed_rows": [r for r in rows if not r.is_open],
            "version": selectors.queue_version(session_id=session.pk),
        },
    )


@require_POST
def registration_move(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _staff_registration(request, pk)
    direction = request.POST.get("direction", "")
    if direction not in ("up", "down"):  # only a forged request: the page's buttons send one
        return HttpResponseBadRequest()
    try:
        services.registration_move(
            registration=registration, direction=direction, version=request.POST.get("version")
        )
    except StaleRowsError:
        messages.error(
            request,
            _("Danh sách vừa được người khác thay đổi nên chưa di chuyển. Xem lại rồi làm lại."),
        )
    except ValidationError as exc:
        for message in _messages(exc):
            messages.error(request, message)
    return HttpResponseRedirect(_queue_url(registration))


@require_POST
def registration_call(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _staff_registration(request, pk)
    action = request.POST.get("action", "call")
    try:
        if action == "skip":
            services.registration_skip(registration=registration)
        else:
            services.registration_call(registration=registration)
    except ValidationError as exc:
        for message in _messages(exc):
            messages.error(request, message)
    return HttpResponseRedirect(_queue_url(registration))


def _record_initial(registration: Registration) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "summary": registration.summary or registration.content,
        "answer_summary": registration.answer_summary,
    }
    if registration.question is not None:
        initial["answer_mode"] = registration.question.answer_mode
        initial["satisfied"] = registration.question.satisfied
    if registration.commitment is not None:
        initial["promise"] = registration.commitment.content
        initial["promise_deadline"] = registration.commitment.deadline
    return initial


def registration_record(request: HttpRequest, pk: int) -> HttpResponse:
    """What the delegate actually said (and, for a question, the answer and any promise)."""
    registration = _staff_registration(request, pk)
    form = RecordForm(
        request.POST or None, registration=registration, initial=_record_initial(registration)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_record(
                registration=registration, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                for message in _messages(exc):
                    form.add_error(None, message)
        else:
            messages.success(request, _("Đã ghi nhận nội dung phát biểu."))
            return HttpResponseRedirect(_queue_url(registration))
    return render(
        request,
        "delegates/registration_record.html",
        {"registration": registration, "session": registration.session, "form": form},
    )


# The chair's screen ------------------------------------------------------------------------


def _chair_session(request: HttpRequest, pk: int) -> Session:
    # The chair and the leaders read it; so do the secretariat's staff.
    require_viewer(request)
    return council_object_or_404(request, Session.objects.select_related("term"), pk=pk)


def chair_screen(request: HttpRequest, pk: int) -> HttpResponse:
    session = _chair_session(request, pk)
    return render(
        request,
        "delegates/chair_screen.html",
        {
            "session": session,
            "queue": selectors.chair_queue(session=session),
            "poll_seconds": CHAIR_POLL_SECONDS,
        },
    )


def chair_queue(request: HttpRequest, pk: int) -> HttpResponse:
    """The fragment the chair's screen polls: two queries whatever the queue's length."""
    session = _chair_session(request, pk)
    return render(
        request,
        "delegates/_chair_queue.html",
        {"session": session, "queue": selectors.chair_queue(session=session)},
    )
