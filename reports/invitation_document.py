"""An invitation as one description (documents.composition.Composed), written as PDF by the
worker (reports.invitations.invitation_pdf_render, reports.routine.render) and as .docx on
request (reports.routine.docx): the register's number, the session, when and where, one page an
addressee (a page break between them, each page beginning "Kính gửi: …" and inviting that
addressee by name), "Nơi nhận" and the signature, and as appendix the session's programme
(chương trình kỳ họp: its agenda items in their order, what each is, who presents it and which
Ban reviews it)."""

from __future__ import annotations

from documents.composition import Appendix, Block, Composed, Copy, Signature, Table, paragraphs
from documents.templating import fill
from reports.invitations import invitation_addressees
from reports.models import Invitation
from reports.routine.invitation import INVITATION
from reports.routine.issue import common_values, routine_template_texts
from reports.wording import level_word, place_date_line, vn_date_words
from sessions.models import AgendaItem

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def _programme(invitation: Invitation) -> Appendix | None:
    """The session's agenda items as the programme's table (none: no appendix)."""
    items = list(
        AgendaItem.objects.filter(session=invitation.session)
        .select_related("issuer", "reviewing_committee")
        .order_by("order", "pk")
    )
    if not items:
        return None
    rows = [
        [
            str(number),
            f"{item.get_doc_type_display()}"
            f"{f' số {item.number_symbol}' if item.number_symbol else ''}: {item.title}",
            item.issuer.name if item.issuer else "",
            item.reviewing_committee.name if item.reviewing_committee else "",
        ]
        for number, item in enumerate(items, start=1)
    ]
    table = Table(
        columns=["STT", "Nội dung", "Cơ quan trình", "Cơ quan thẩm tra"],
        rows=rows,
        widths=[8, 52, 20, 20],
        numeric=[0],
    )
    return Appendix(
        title="CHƯƠNG TRÌNH KỲ HỌP",
        subtitle=(
            f"Kỳ họp thứ {invitation.session.number}, HĐND {level_word(invitation.council)} "
            f"khóa {invitation.session.term.roman}"
        ),
        note=(
            f"(Kèm theo Giấy mời số {invitation.reference} ngày "
            f"{invitation.date:%d/%m/%Y} của Thường trực HĐND {level_word(invitation.council)})"
        ),
        blocks=[Block(kind="table", table=table)],
    )


def invitation_composed(*, invitation: Invitation, addressees: list[str] | None = None) -> Composed:
    """What the invitation says, one page an addressee (those given, else the invitation's)."""
    council = invitation.council
    session = invitation.session
    term = session.term
    lw = level_word(council)
    years = f", nhiệm kỳ {term.start_date.year} - {term.end_date.year}" if term.end_date else ""
    session_label = f"kỳ họp thứ {session.number}, HĐND {lw} khóa {term.roman}{years}"
    opening = invitation.meeting_date
    when = (
        f"{invitation.meeting_time:%H} giờ {invitation.meeting_time:%M} phút, "
        f"{WEEKDAYS[opening.weekday()]}, {vn_date_words(opening)}"
    )
    if session.end_date > opening:
        when += (
            f" (kỳ họp diễn ra từ ngày {opening:%d/%m/%Y} đến hết ngày {session.end_date:%d/%m/%Y})"
        )
    if addressees is None:
        addressees = invitation_addressees(invitation=invitation)
    # Each addressee gets a whole invitation (header, body, Nơi nhận, signature) on a page
    # of its own, as the office prints and signs them.
    # The sentences are the council's template's (reports.routine.invitation), filled for
    # each addressee; the invitation's own notes stand between them.
    texts = routine_template_texts(routine=INVITATION, council=council)
    values = {
        **common_values(council),
        "ky_hop": session_label,
        "thoi_gian": when,
        "dia_diem": invitation.meeting_place,
    }
    copies: list[Copy] = []
    for addressee in addressees:
        own = {**values, "nguoi_duoc_moi": addressee}
        copies.append(
            Copy(
                addressees=[addressee],
                blocks=[
                    *paragraphs(fill(texts.opening, own)),
                    *paragraphs(invitation.notes),
                    *paragraphs(fill(texts.closing, own)),
                ],
            )
        )
    blocks: list[Block] = []
    if not addressees:
        blocks.append(
            Block(
                kind="paragraph",
                text="(Giấy mời chưa có nơi được mời: chọn đại biểu hoặc nhập khách mời.)",
            )
        )
    from reports.pdf import recipient_items

    return Composed(
        header_lines=council.header_lines,
        number_line=f"Số: {invitation.reference}",
        place_date=place_date_line(council.place_name, invitation.date),
        doc_type=texts.doc_type,
        subject=fill(texts.subject, values),
        blocks=blocks,
        copies=copies,
        recipients=recipient_items(invitation.recipient_lines),
        signature=Signature(
            authority=invitation.signing_authority,
            title=invitation.signer_title,
            name=invitation.signer_name,
        ),
        appendix=_programme(invitation),
        title=f"Giấy mời số {invitation.reference} - {council.short_name}",
    )


def invitation_pdf(*, invitation: Invitation, addressees: list[str] | None = None) -> bytes:
    from reports.routine.render import composed_pdf

    return composed_pdf(invitation_composed(invitation=invitation, addressees=addressees))


def invitation_docx(*, invitation: Invitation) -> bytes:
    from reports.routine.docx import composed_docx

    return composed_docx(invitation_composed(invitation=invitation))
