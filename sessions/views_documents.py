"""The secretariat's pages of a session's documents for delegates (issue 20): upload, edit,
replace (a new version, the old kept), publish, and the read receipts. Staff write; every
secretariat role reads (the chair follows who has opened what)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import apply_validation_error
from core.permissions import require_editor, require_viewer
from core.roles import can_edit_records
from core.scoping import council_object_or_404
from core.views import RecordCreateView, RecordUpdateView
from council.models import Delegate
from sessions import selectors, services
from sessions.forms import SessionDocumentForm, SessionDocumentReplaceForm
from sessions.models import AgendaItem, Session, SessionDocument
from sessions.views import SECTION


def _document_or_404(request: HttpRequest, pk: int) -> SessionDocument:
    return council_object_or_404(
        request, SessionDocument.objects.select_related("session__term", "agenda_item"), pk=pk
    )


def session_documents(request: HttpRequest, pk: int) -> HttpResponse:
    """Every document of the session per agenda item, every version, with its state and how
    many of the term's delegates opened it."""
    require_viewer(request)
    session = council_object_or_404(request, Session.objects.select_related("term"), pk=pk)
    return render(
        request,
        "sessions/session_documents.html",
        {
            "session": session,
            "groups": selectors.staff_session_documents(session=session),
            "delegate_count": Delegate.objects.filter(term_id=session.term_id).count(),
            "can_edit": can_edit_records(request.user),
            "section_title": SECTION,
            "list_url": session.get_absolute_url(),
        },
    )


class _DocumentWrite:
    model = SessionDocument
    form_class = SessionDocumentForm
    section_title = SECTION
    list_url_name = "sessions:session_list"
    object: SessionDocument | None
    kwargs: dict[str, Any]
    request: HttpRequest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        session = self.session_of_page()
        ctx["section_title"] = str(session)
        ctx["list_url"] = reverse("sessions:session_documents", args=[session.pk])
        return ctx

    def session_of_page(self) -> Session:
        raise NotImplementedError


class SessionDocumentCreateView(_DocumentWrite, RecordCreateView):
    @cached_property
    def agenda_item(self) -> AgendaItem:
        return council_object_or_404(
            self.request,
            AgendaItem.objects.select_related("session__term"),
            pk=self.kwargs["agendaitem_pk"],
        )

    def session_of_page(self) -> Session:
        return self.agenda_item.session

    def get_initial(self) -> dict[str, Any]:
        order = self.agenda_item.documents.filter(replaced_at__isnull=True).count() + 1
        return {**super().get_initial(), "order": order, "title": self.agenda_item.title}

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "agenda_item": self.agenda_item}

    def save_object(self, form) -> SessionDocument:
        return services.session_document_create(
            document=form.instance, upload=form.cleaned_data["upload"], user=self.request.user
        )


class SessionDocumentUpdateView(_DocumentWrite, RecordUpdateView):
    def get_queryset(self):
        return SessionDocument.objects.select_related("session__term", "agenda_item")

    def session_of_page(self) -> Session:
        assert self.object is not None
        return self.object.session

    def save_object(self, form) -> SessionDocument:
        return services.session_document_update(document=form.instance, user=self.request.user)


def session_document_replace(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a new version; the old one stays, marked replaced."""
    require_editor(request)
    document = _document_or_404(request, pk)
    form = SessionDocumentReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.session_document_replace(
                document=document,
                upload=form.cleaned_data["upload"],
                title=form.cleaned_data["title"],
                published_at=form.cleaned_data["published_at"],
                user=request.user,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Đã tải lên phiên bản %(n)s của «%(title)s».")
                % {"n": new.version, "title": new.title},
            )
            return HttpResponseRedirect(new.get_absolute_url())
    return render(
        request,
        "sessions/sessiondocument_replace.html",
        {
            "form": form,
            "document": document,
            "section_title": str(document.session),
            "list_url": reverse("sessions:session_documents", args=[document.session_id]),
        },
    )


@require_POST
def session_document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish one version to the delegates now."""
    require_editor(request)
    document = _document_or_404(request, pk)
    services.session_document_publish(document=document, user=request.user)
    messages.success(request, _("Đã công bố «%(title)s» cho đại biểu.") % {"title": document.title})
    return HttpResponseRedirect(document.get_absolute_url())


def session_document_file(request: HttpRequest, pk: int) -> FileResponse:
    """Any version, published or not, for the secretariat (a download)."""
    require_viewer(request)
    document = _document_or_404(request, pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.file_name or f"tai-lieu-{document.pk}.pdf",
        content_type="application/pdf",
    )


def session_document_receipts(request: HttpRequest, pk: int) -> HttpResponse:
    """Who of the term's delegates opened this version, when and how often; who has not."""
    require_viewer(request)
    document = _document_or_404(request, pk)
    rows = list(selectors.document_receipts(document=document))
    return render(
        request,
        "sessions/sessiondocument_receipts.html",
        {
            "document": document,
            "session": document.session,
            "rows": rows,
            "opened": sum(1 for r in rows if r.first_opened is not None),
            "versions": list(selectors.document_versions(document=document)),
            "section_title": SECTION,
            "list_url": reverse("sessions:session_documents", args=[document.session_id]),
        },
    )
