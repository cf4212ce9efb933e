"""Demo of the delegates' room (issue 20): each demo commune council's next session, a thematic
one in January 2027, with its agenda, documents published to its delegates (and one scheduled
for later, which they cannot see yet), and two delegates' registrations: a speech and a
question. The first of them is the demo's delegate login (load_demo: `daibieu_locbinh`).
Idempotent: keyed on the session's number, the agenda items' symbols, the documents' titles,
and on the session having registrations at all."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from weasyprint import HTML

from council import demo as council_demo
from council.models import Council, Delegate, Position
from delegates.models import Registration
from delegates.services import registration_create
from sessions.models import AgendaItem, Session, SessionDocument
from sessions.services import session_document_create

NEXT_SESSION_NUMBER = 4


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _pdf(title: str, place: str) -> SimpleUploadedFile:
    html = (
        f"<h2>HỘI ĐỒNG NHÂN DÂN {place.upper()}</h2><h1>{title}</h1>"
        + "<p>Tài liệu mẫu của dữ liệu trình diễn: nội dung trình kỳ họp.</p>" * 12
    )
    return SimpleUploadedFile("tai-lieu.pdf", HTML(string=html).write_pdf())


def load_commune(*, council: Council) -> None:
    term = council_demo.current_term(council)
    if term is None:
        return
    place = council_demo.locality(council)
    day = dt.date(2027, 1, 8) + dt.timedelta(days=council_demo.commune_shift(council))
    session, _ = Session.objects.update_or_create(
        term=term,
        number=NEXT_SESSION_NUMBER,
        defaults={
            "kind": Session.Kind.THEMATIC,
            "start_date": day,
            "end_date": day,
            "venue": f"Hội trường Ủy ban nhân dân {place}",
            "format": Session.Format.IN_PERSON,
            "status": Session.Status.PLANNED,
        },
    )
    ubnd = council_demo.commune_organization(council, "Ủy ban nhân dân")
    plan = f"Tờ trình về việc điều chỉnh kế hoạch đầu tư công năm 2027 của {place}"
    # (order, doc type, symbol, title, [(document kind, title, published)])
    agenda = [
        (
            1,
            AgendaItem.DocType.SUBMISSION,
            "02/TTr-UBND",
            plan,
            [
                (SessionDocument.Kind.SUBMISSION, plan, _at(dt.date(2026, 12, 1), 8)),
                (
                    SessionDocument.Kind.DRAFT_RESOLUTION,
                    f"Dự thảo nghị quyết điều chỉnh kế hoạch đầu tư công năm 2027 của {place}",
                    _at(dt.date(2026, 12, 1), 8),
                ),
            ],
        ),
        (
            2,
            AgendaItem.DocType.REVIEW_REPORT,
            "01/BC-HĐND",
            "Báo cáo thẩm tra của Ban Kinh tế - Xã hội",
            # Scheduled: the Ban's report reaches delegates three days before the sitting.
            [
                (
                    SessionDocument.Kind.REVIEW_REPORT,
                    "Báo cáo thẩm tra của Ban Kinh tế - Xã hội",
                    _at(day - dt.timedelta(days=3), 8),
                )
            ],
        ),
    ]
    items = []
    for order, doc_type, symbol, title, documents in agenda:
        item, _ = AgendaItem.objects.update_or_create(
            session=session,
            number_symbol=symbol,
            defaults={
                "order": order,
                "doc_type": doc_type,
                "title": title,
                "issuer": ubnd if doc_type == AgendaItem.DocType.SUBMISSION else None,
            },
        )
        items.append(item)
        for position, (kind, doc_title, published_at) in enumerate(documents, start=1):
            if SessionDocument.objects.filter(agenda_item=item, title=doc_title).exists():
                continue
            session_document_create(
                document=SessionDocument(
                    agenda_item=item,
                    kind=kind,
                    title=doc_title,
                    order=position,
                    published_at=published_at,
                    # Guests read them too, on the public portal (the session's QR code).
                    is_public=True,
                ),
                upload=_pdf(doc_title, place),
            )
    if Registration.objects.filter(session=session).exists():
        return
    delegates = list(
        Delegate.objects.filter(term=term, status=Delegate.Status.ACTIVE)
        .exclude(positions__role=Position.Role.CHAIR)
        .order_by("full_name", "pk")[:2]
    )
    if len(delegates) < 2:
        return
    registration_create(
        delegate=delegates[0],
        session=session,
        kind=Registration.Kind.SPEECH,
        agenda_item=items[0],
        content="Đề nghị ưu tiên vốn cho đường giao thông nông thôn các thôn vùng cao.",
    )
    registration_create(
        delegate=delegates[1],
        session=session,
        kind=Registration.Kind.QUESTION,
        respondent_organization=ubnd,
        respondent_position=f"Chủ tịch Ủy ban nhân dân {place}",
        content="Vì sao công trình nước sạch của thôn chậm tiến độ so với kế hoạch?",
    )
