"""The PDF and the .docx of a case's outgoing document (reports.case_documents), for staff: a complainant's
slip names the complainant (personal data: can_view_personal_data), so leaders and Ban members
read the case's page, not its documents. A denunciation's slip names nobody, but one rule for
every document is easier to keep than a rule per kind. Another council's document is not
found (core.scoping)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from accounts.security import personal_data_response
from core import roles
from core.scoping import council_object_or_404
from core.text import fold
from reports.case_documents import case_document_docx, case_document_pdf
from voters.casework import identity
from voters.models import CaseDocument

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _document(request: HttpRequest, pk: int) -> CaseDocument:
    if not roles.can_view_personal_data(request.user):
        raise PermissionDenied
    return council_object_or_404(
        request,
        CaseDocument.objects.select_related(
            "council", "case__council", "letter", "recipient", "register_entry"
        ),
        pk=pk,
    )


def _stem(document: CaseDocument) -> str:
    entry = document.register_entry
    if entry is not None:
        return _ascii(f"{document.get_kind_display()} {entry.number:02d}-{entry.year}")
    return _ascii(f"{document.get_kind_display()} {document.date.year}-{document.pk}")


def _answer(request: HttpRequest, document: CaseDocument, response: HttpResponse) -> HttpResponse:
    # A slip that names its sender shows personal data: in the security log like a letter's page.
    secret = document.letter is not None and identity.is_secret(document.letter)
    return personal_data_response(request, response, shown=not secret)


def casedocument_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document(request, pk)
    response = HttpResponse(case_document_pdf(document=document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_stem(document)}.pdf"'
    return _answer(request, document, response)


def casedocument_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The same document as .docx (written from the same description as its PDF), for the
    office to edit before signing."""
    document = _document(request, pk)
    response = HttpResponse(case_document_docx(document=document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{_stem(document)}.docx"'
    return _answer(request, document, response)


def _ascii(text: str) -> str:
    return "-".join(fold(text).split())
