"""A delegate's session documents: the published documents of a session per agenda item, one
document read in the browser (which records the read receipt), their private notes, and the zip
of all of a session's documents built by the worker."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.scoping import of_council
from council.models import Delegate
from delegates.access import delegate_session_or_404, require_delegate
from sessions import selectors, services
from sessions.forms import DelegateNoteForm
from sessions.models import AgendaItem, SessionDocument, SessionDocumentsZip


def _published_or_404(request: HttpRequest, pk: int) -> tuple[Delegate, SessionDocument, bool]:
    """The delegate, the version of document `pk` they may read, and whether it is `pk` itself.

    404 for another council's document, one not published or scheduled for later: a guessed id
    says nothing. A version replaced by a newer published one gives that newer one."""
    delegate = require_delegate(request)
    document = (
        of_council(SessionDocument.objects.all(), delegate.term.council)
        .select_related("session__term", "agenda_item")
        .filter(pk=pk)
        .first()
    )
    if document is None or not document.is_published():
        raise Http404
    current = selectors.published_document_current(document=document)
    if current is None:
        raise Http404
    return delegate, current, current.pk == document.pk


def session_documents(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's published documents per agenda item; as an HTMX fragment, the list that
    the session page loads."""
    delegate, session = delegate_session_or_404(request, pk)
    context = {
        "delegate": delegate,
        "session": session,
        "groups": selectors.delegate_session_documents(session=session, delegate=delegate),
        "latest_zip": selectors.document_zip_latest(session=session, user=request.user),
    }
    if request.headers.get("HX-Request"):
        return render(request, "delegates/_documents_list.html", context)
    return render(request, "delegates/session_documents.html", context)


def document(request: HttpRequest, pk: int) -> HttpResponse:
    """One document, shown in the page (static/js/pdf-viewer.mjs); opening it is the receipt."""
    delegate, current, is_requested = _published_or_404(request, pk)
    if not is_requested:
        messages.info(
            request,
            _("Tài liệu anh/chị mở đã được thay bằng phiên bản %(n)s; dưới đây là phiên bản mới.")
            % {"n": current.version},
        )
        return HttpResponseRedirect(reverse("delegates:document", args=[current.pk]))
    services.document_read_record(document=current, delegate=delegate)
    note = selectors.delegate_note(delegate=delegate, document=current)
    return render(
        request,
        "delegates/document.html",
        {
            "delegate": delegate,
            "document": current,
            "session": current.session,
            "note_form": DelegateNoteForm(initial={"text": note.text if note else ""}),
            "note": note,
        },
    )


def document_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF itself: inline for the page's viewer, or as a download (?tai-ve=1), which counts
    as an opening too (a delegate may read it in another application)."""
    delegate, current, is_requested = _published_or_404(request, pk)
    if not is_requested:
        return HttpResponseRedirect(reverse("delegates:document_file", args=[current.pk]))
    download = "tai-ve" in request.GET
    if download:
        services.document_read_record(document=current, delegate=delegate)
    response = FileResponse(
        current.file.open("rb"),
        as_attachment=download,
        filename=current.file_name or f"tai-lieu-{current.pk}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_POST
def document_note(request: HttpRequest, pk: int) -> HttpResponse:
    delegate, current, _is_requested = _published_or_404(request, pk)
    form = DelegateNoteForm(request.POST)
    if form.is_valid():
        services.delegate_note_save(
            delegate=delegate, document=current, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Đã lưu ghi chú riêng."))
    else:
        messages.error(request, _("Ghi chú quá dài (tối đa 10.000 ký tự)."))
    return HttpResponseRedirect(reverse("delegates:document", args=[current.pk]) + "#ghi-chu")


def agenda_item_note(request: HttpRequest, pk: int) -> HttpResponse:
    """The delegate's private note on one agenda item of their council's sessions."""
    delegate = require_delegate(request)
    item = (
        of_council(AgendaItem.objects.all(), delegate.term.council)
        .select_related("session__term")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    note = selectors.delegate_note(delegate=delegate, agenda_item=item)
    form = DelegateNoteForm(request.POST or None, initial={"text": note.text if note else ""})
    if request.method == "POST" and form.is_valid():
        services.delegate_note_save(
            delegate=delegate, agenda_item=item, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Đã lưu ghi chú riêng."))
        return HttpResponseRedirect(reverse("delegates:agendaitem_note", args=[item.pk]))
    return render(
        request,
        "delegates/agenda_item_note.html",
        {"delegate": delegate, "item": item, "session": item.session, "form": form},
    )


@require_POST
def session_zip(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the worker for a zip of the session's published documents."""
    _delegate, session = delegate_session_or_404(request, pk)
    try:
        bundle = services.documents_zip_request(session=session, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(reverse("delegates:session_documents", args=[session.pk]))
    return HttpResponseRedirect(reverse("delegates:documentszip_status", args=[bundle.pk]))


def _zip_or_404(request: HttpRequest, pk: int) -> SessionDocumentsZip:
    delegate = require_delegate(request)
    bundle = (
        of_council(SessionDocumentsZip.objects.all(), delegate.term.council)
        .select_related("session__term")
        .filter(pk=pk)
        .first()
    )
    if bundle is None:
        raise Http404
    return bundle


def documents_zip_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The zip's state; the fragment polls itself (HTMX) while the worker builds it."""
    bundle = _zip_or_404(request, pk)
    if request.headers.get("HX-Request"):
        return render(request, "delegates/_zip_status.html", {"bundle": bundle})
    return render(
        request, "delegates/zip_status.html", {"bundle": bundle, "session": bundle.session}
    )


def documents_zip_download(request: HttpRequest, pk: int) -> FileResponse:
    bundle = _zip_or_404(request, pk)
    if bundle.status != SessionDocumentsZip.Status.DONE or not bundle.file:
        raise Http404
    return FileResponse(
        bundle.file.open("rb"),
        as_attachment=True,
        filename=f"tai-lieu-ky-hop-{bundle.session.number}.zip",
        content_type="application/zip",
    )
