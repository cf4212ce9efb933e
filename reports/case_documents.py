"""The outgoing documents of a case (voters.CaseDocument: phiếu chuyển đơn, hướng dẫn, đôn đốc)
as PDF, in the frame of every document of the council (NĐ 30/2020: issuing body and national
name, number and symbol, place and date, title, body, "Nơi nhận", signature).

Rendered in the request, not by the worker as invitations are: a document is one page (about a
second of WeasyPrint) and the clerk prints it at once; a job row and a polled status would cost
more than the render. The text is the one stored when the document was issued (it never names a
denunciator: voters.casework.selectors.case_document_draft), so the PDF says what was sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string

from reports.fonts import report_font
from reports.pdf import document_frame_context, html_pdf
from reports.wording import place_date_line
from voters.casework.selectors import case_document_draft
from voters.models import CaseDocument

DOC_TYPES = {
    CaseDocument.Kind.FORWARDING: "PHIẾU CHUYỂN ĐƠN",
    # Công văn carry no type name, only their subject under the number (NĐ 30/2020 Phụ lục I).
    CaseDocument.Kind.GUIDANCE: "",
    CaseDocument.Kind.FOLLOW_UP: "",
}


@dataclass(frozen=True)
class Signer:
    signing_authority: str
    signer_title: str
    signer_name: str


def case_document_context(*, document: CaseDocument) -> dict[str, Any]:
    council = document.council
    draft = case_document_draft(
        case=document.case, kind=document.kind, letter=document.letter, recipient=document.recipient
    )
    # The addressee of "Kính gửi" is "Như trên" below; the office keeps one copy in the file.
    recipients = ["Như trên" if draft.addressee else "", "Lưu: VT, hồ sơ vụ việc"]
    return {
        **document_frame_context(
            council=council,
            doc_type=DOC_TYPES[document.kind],
            number_line=f"Số: {document.reference}",
            place_date=place_date_line(council.place_name, document.date),
            recipient_lines=recipients,
            signer=Signer(
                signing_authority="TM. THƯỜNG TRỰC HĐND",
                signer_title=document.signer_title.upper(),
                signer_name=document.signer_name,
            ),
            font=report_font(),
        ),
        "document": document,
        "subject": document.subject,
        "addressee": draft.addressee,
        "paragraphs": [line.strip() for line in document.body.splitlines() if line.strip()],
    }


def case_document_pdf(*, document: CaseDocument) -> bytes:
    return html_pdf(
        render_to_string("reports/pdf/case_document.html", case_document_context(document=document))
    )
