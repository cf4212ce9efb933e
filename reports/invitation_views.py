"""The pages of a session's invitations (giấy mời): made and edited by the secretariat's staff,
read and downloaded as PDF by every secretariat role. Another council's invitation is not
found (core.scoping), whatever its number in the URL."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

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
from core.text import fold
from reports import invitations, pdf
from reports.forms import InvitationForm
from reports.models import Invitation
from sessions.models import Session


def _invitation_or_404(request: HttpRequest, pk: int) -> Invitation:
    return council_object_or_404(
        request, Invitation.objects.select_related("council", "session__term"), pk=pk
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
    return render(
        request,
        "reports/invitation_form.html",
        {
            "form": form,
            "invitation": invitation,
            "session": invitation.session,
            "section_title": title,
        },
    )


def invitation_create(request: HttpRequest, session_pk: int) -> HttpResponse:
    """A new invitation to a session, with the next free number of the year."""
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


def invitation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_viewer(request)
    invitation = _invitation_or_404(request, pk)
    return render(
        request,
        "reports/invitation_detail.html",
        {
            "invitation": invitation,
            "session": invitation.session,
            "addressees": invitations.invitation_addressees(invitation=invitation),
            "can_edit": roles.can_edit_records(request.user),
            "section_title": str(invitation),
        },
    )


def invitation_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF, one page an addressee, rendered now (reports.pdf.invitation_pdf says why not
    by the worker)."""
    require_viewer(request)
    invitation = _invitation_or_404(request, pk)
    data = pdf.invitation_pdf(invitation=invitation)
    stamp = timezone.localtime()
    name = slugify(fold(f"giay moi {invitation.number} {invitation.year}"))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp:%Y%m%d-%H%M}.pdf"'
    return response
