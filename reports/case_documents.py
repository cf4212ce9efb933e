"""The outgoing documents of a case (voters.CaseDocument: phiếu chuyển đơn, hướng dẫn, đôn đốc)
as one description (documents.composition.Composed) written as PDF (reports.routine.render) and
.docx (reports.routine.docx), in the frame of every document of the council (NĐ 30/2020:
issuing body and national name, number and symbol, place and date, title, body, "Nơi nhận",
signature). The number is the register's (CaseDocument.register_entry).

Written in the request, not by the worker as invitations are: a document is one page (about a
second of WeasyPrint) and the clerk prints it at once; a job row and a polled status would cost
more than the render. The text is the one stored when the document was issued (it never names a
denunciator: voters.casework.selectors.case_document_draft), so the files say what was sent."""

from __future__ import annotations

from documents.composition import Block, Composed, Signature
from reports.pdf import recipient_items
from reports.wording import place_date_line
from voters.casework.selectors import case_document_draft
from voters.models import CaseDocument

DOC_TYPES = {
    CaseDocument.Kind.FORWARDING: "PHIẾU CHUYỂN ĐƠN",
    # Công văn carry no type name, only their subject under the number (NĐ 30/2020 Phụ lục I).
    CaseDocument.Kind.GUIDANCE: "",
    CaseDocument.Kind.FOLLOW_UP: "",
}


def case_document_composed(*, document: CaseDocument) -> Composed:
    """What the document says, for both files."""
    council = document.council
    draft = case_document_draft(
        case=document.case, kind=document.kind, letter=document.letter, recipient=document.recipient
    )
    # The addressee of "Kính gửi" is "Như trên" below; the office keeps one copy in the file.
    recipients = ["Như trên" if draft.addressee else "", "Lưu: VT, hồ sơ vụ việc"]
    reference = document.reference
    return Composed(
        header_lines=council.header_lines,
        number_line=f"Số: {reference}",
        place_date=place_date_line(council.place_name, document.date),
        doc_type=DOC_TYPES[document.kind],
        subject=document.subject,
        addressees=[draft.addressee] if draft.addressee else [],
        blocks=[
            Block(kind="paragraph", text=line.strip())
            for line in document.body.splitlines()
            if line.strip()
        ],
        recipients=recipient_items(recipients),
        signature=Signature(
            authority="TM. THƯỜNG TRỰC HĐND",
            title=document.signer_title.upper(),
            name=document.signer_name,
        ),
        title=f"{document.get_kind_display()} số {reference} - {council.short_name}",
    )


def case_document_pdf(*, document: CaseDocument) -> bytes:
    from reports.routine.render import composed_pdf

    return composed_pdf(case_document_composed(document=document))


def case_document_docx(*, document: CaseDocument) -> bytes:
    from reports.routine.docx import composed_docx

    return composed_docx(case_document_composed(document=document))
