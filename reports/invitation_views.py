"""The pages of a session's invitations (giấy mời): made and edited by the secretariat's staff,
read by every secretariat role. Its PDF (a page an addressee) is rendered by the worker on a
press of "Tạo PDF" (reports.invitations.invitation_pdf_request, core.jobs): the page polls the
render's row and offers the file when done. Another council's invitation is not found
(core.scoping), whatever its number in the URL."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import roles
from core.concurrency import (
    VERSION_FIELD,
    StaleEditError,
    add_version_field,
    lock_and_check_version,
    show_stale_edit,
)
from core.forms import apply_validation_error
from core.idempotency import add_form_token, create_once
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404
from reports import invitations
from reports.forms import InvitationForm
from reports.models import Invitation, InvitationRequest
from sessions.models import Session


def _invitation_or_404(request: HttpRequest, pk: int) -> Invitation:
    return council_object_or_404(
        request,
        Invitation.objects.select_related("council", "session__term", "register_entry"),
        pk=pk,
    )


def _save(form: InvitationForm, user) -> Invitation:
    return invitations.invitation_save(
        invitation=form.save(commit=False),
        delegates=list(form.cleaned_data["delegates"]),
        user=user,
    )


def _form_page(
    request: HttpRequest, form: InvitationForm, invitation: Invitation, *, title: str
) -> HttpResponse:
    # A new invitation says which number it will take (a forecast: the number is given when
    # it is saved); a saved one, which it got.
    next_reference = (
        ""
        if invitation.pk
        else invitations.invitation_next_reference(
            council=invitation.session.term.council, year=invitation.date.year
        )
    )
    return render(
        request,
        "reports/invitation_form.html",
        {
            "form": form,
            "invitation": invitation,
            "session": invitation.session,
            "next_reference": next_reference,
            "section_title": title,
        },
    )


def invitation_create(request: HttpRequest, session_pk: int) -> HttpResponse:
    """A new invitation to a session, numbered in the register when saved."""
    require_editor(request)
    session = council_object_or_404(
        request, Session.objects.select_related("term__council"), pk=session_pk
    )
    invitation = invitations.invitation_new(session=session)
    form = InvitationForm(request.POST or None, instance=invitation)
    add_form_token(form)
    saved, answered = create_once(request, form, lambda: _save(form, request.user))
    if answered is not None:
        return answered
    if saved is not None:
        messages.success(request, _("Đã lưu %(obj)s.") % {"obj": saved})
        return redirect(saved.get_absolute_url())
    return _form_page(request, form, invitation, title=_("Giấy mời dự kỳ họp"))


def invitation_update(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    invitation = _invitation_or_404(request, pk)
    form = InvitationForm(request.POST or None, instance=invitation)
    add_version_field(form, invitation)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                lock_and_check_version(
                    instance=invitation, token=form.cleaned_data.get(VERSION_FIELD)
                )
                _save(form, request.user)
        except StaleEditError as exc:
            show_stale_edit(form, exc)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Đã lưu %(obj)s.") % {"obj": invitation})
            return redirect(invitation.get_absolute_url())
    return _form_page(request, form, invitation, title=str(invitation))


# The renders listed on the invitation's page: the newest few, the older ones stay on disk.
REQUESTS_SHOWN = 5


def invitation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_viewer(request)
    invitation = _invitation_or_404(request, pk)
    pdf_requests = list(invitations.invitation_request_list(invitation=invitation)[:REQUESTS_SHOWN])
    return render(
        request,
        "reports/invitation_detail.html",
        {
            "invitation": invitation,
            "session": invitation.session,
            "addressees": invitations.invitation_addressees(invitation=invitation),
            "requests": pdf_requests,
            "latest_done": next((r for r in pdf_requests if r.status == r.Status.DONE), None),
            "can_edit": roles.can_edit_records(request.user),
            "can_generate": roles.can_generate_reports(request.user),
            "section_title": str(invitation),
        },
    )


@require_POST
def invitation_generate(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Tạo PDF": record a render for the worker (in-process without a broker), then say on the
    invitation's page what became of it; the row there polls itself until done."""
    if not roles.can_generate_reports(request.user):
        raise PermissionDenied
    invitation = _invitation_or_404(request, pk)
    back = f"{invitation.get_absolute_url()}#pdf"
    try:
        pdf_request = invitations.invitation_pdf_request(invitation=invitation, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    pdf_request.refresh_from_db()
    if pdf_request.status == InvitationRequest.Status.DONE:
        messages.success(request, _("Đã tạo xong tệp PDF của %(obj)s.") % {"obj": invitation})
    elif pdf_request.status == InvitationRequest.Status.FAILED:
        messages.error(
            request, _("Không tạo được tệp PDF: %(error)s") % {"error": pdf_request.error}
        )
    elif pdf_request.queue_error:
        messages.warning(
            request,
            _(
                "Hệ thống xử lý nền tạm thời không kết nối được. Yêu cầu tạo giấy mời đã được "
                "ghi nhận và sẽ được xử lý tự động khi hệ thống hoạt động trở lại; "
                "anh/chị không cần bấm lại."
            ),
        )
    else:
        messages.info(
            request,
            _("Đã gửi yêu cầu tạo tệp PDF. Trang sẽ tự cập nhật khi tệp được tạo xong."),
        )
    return redirect(back)


def _invitation_request_or_404(request: HttpRequest, pk: int) -> InvitationRequest:
    return council_object_or_404(
        request,
        InvitationRequest.objects.select_related("invitation__register_entry", "requested_by"),
        pk=pk,
    )


def invitation_request_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The HTMX fragment of one render's row; it polls itself while pending or running."""
    require_viewer(request)
    pdf_request = _invitation_request_or_404(request, pk)
    return render(request, "reports/_request_row.html", {"r": pdf_request})


def invitation_request_download(request: HttpRequest, pk: int) -> FileResponse:
    require_viewer(request)
    pdf_request = _invitation_request_or_404(request, pk)
    if pdf_request.status != InvitationRequest.Status.DONE or not pdf_request.file:
        raise Http404(_("Giấy mời chưa được tạo xong."))
    invitation = pdf_request.invitation
    stamp = timezone.localtime(pdf_request.finished_at or pdf_request.requested_at)
    return FileResponse(
        pdf_request.file.open("rb"),
        as_attachment=True,
        filename=f"{invitation.file_stem}-{stamp:%Y%m%d-%H%M}.pdf",
        content_type="application/pdf",
    )


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def invitation_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation as .docx, written on request from the same description as the worker's
    PDF (reports.invitation_document): one page an addressee, the session's programme after."""
    require_viewer(request)
    invitation = _invitation_or_404(request, pk)
    from reports.invitation_document import invitation_docx as write_docx

    response = HttpResponse(write_docx(invitation=invitation), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{invitation.file_stem}.docx"'
    return response
