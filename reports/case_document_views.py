"""The PDF of a case's outgoing document (reports.case_documents), for staff: a complainant's
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
from reports.case_documents import case_document_pdf
from voters.casework import identity
from voters.models import CaseDocument


def casedocument_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    if not roles.can_view_personal_data(request.user):
        raise PermissionDenied
    document = council_object_or_404(
        request,
        CaseDocument.objects.select_related("council", "case__council", "letter", "recipient"),
        pk=pk,
    )
    response = HttpResponse(case_document_pdf(document=document), content_type="application/pdf")
    stem = f"{document.get_kind_display()} {document.number:02d}-{document.year}"
    response["Content-Disposition"] = f'inline; filename="{_ascii(stem)}.pdf"'
    # A slip that names its sender shows personal data: in the security log like a letter's page.
    secret = document.letter is not None and identity.is_secret(document.letter)
    return personal_data_response(request, response, shown=not secret)


def _ascii(text: str) -> str:
    return "-".join(fold(text).split())
