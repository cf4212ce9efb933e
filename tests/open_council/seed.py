"""One council with something on every page of the open council (issue 24), and a recognisable
personal value in every personal field of the installation.

Built through the apps' own write functions, as the other tests do. Every personal value and
every title of a record that is not public carries the made-up word «Bímật» (folded: "bimat",
a word Vietnamese does not have: "bí mật" folds to two words), or one of a few numbers no page
has reason to print, so a walk of the public URLs can look for them in anything it reads
(tests/open_council/test_public_walk.py). The browser tests of the portal read the same data
(tests/e2e/test_portal_accessibility.py)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.services import delegate_account_create, user_create_with_role
from core.roles import Role
from core.services import record_save
from core.text import fold
from council.models import (
    AdministrativeUnit,
    Committee,
    Council,
    Delegate,
    DelegateGroup,
    Organization,
    Term,
)
from oversight.models import Actor, FollowUp, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, follow_up_save, recommendation_save
from resolutions.models import Resolution, ResolutionAttachment, ResolutionRelation
from resolutions.services import (
    resolution_attachment_add,
    resolution_create,
    resolution_relation_create,
)
from sessions import services as session_services
from sessions.models import AgendaItem, Attendance, DelegateNote, Session, SessionDocument
from voters import services as voter_services
from voters.casework import reception as reception_services
from voters.models import (
    CaseFollowUp,
    CitizenReception,
    Letter,
    PetitionField,
    ReceptionSchedule,
    ReceptionVisit,
    VoterMeeting,
    VoterPetition,
)

PASSWORD = "test-password-2019"

# The one word every personal value and every non-public title holds (see the docstring).
MARK = "bimat"

# What must never be read on a public URL, by where it was stored. Values that are numbers
# are distinct so that a finding names its field.
SENTINELS: dict[str, str] = {
    # A citizen's letter (đơn thư) and the case it opened.
    "Letter.sender_name": "Nguyễn Thị Bímật",
    "Letter.sender_address": "số 99 ngõ Bímật, phường Bímật Đông",
    "Letter.sender_phone": "0987654321",
    "Letter.sender_id_number": "012345678901",
    "Letter.summary": "Đơn của bà Bímậtđơnthư khiếu nại việc thu hồi đất",
    "Case.answer_summary": "Đã trả lời bà Bímậttrảlời tại nhà riêng",
    "CaseFollowUp.note": "Gọi điện cho bà Bímậtđônđốc",
    # Citizen reception (tiếp công dân): the visit's register row and the day's visitors.
    "ReceptionVisit.citizen_name": "Trần Văn Bímậttiếpdân",
    "ReceptionVisit.citizen_address": "thôn Bímật, xã Bímật Tây",
    "ReceptionVisit.citizen_id_number": "012345678902",
    "ReceptionVisit.content": "Ông Bímậtnộidung trình bày việc tranh chấp ranh giới đất",
    "CitizenReception.visitors": "Lê Thị Bímậtkhách, Phạm Văn Bímậtkhách",
    # Voter petitions: the public sees figures, never a petition's words or a meeting's notes.
    "VoterPetition.content": "Cử tri Bímậtkiếnnghị (số nhà 12) đề nghị làm lại cống thoát nước",
    "VoterMeeting.notes": "Cử tri Bímậtcửtri phát biểu, số điện thoại 0987000111",
    "VoterMeeting.phone_in_notes": "0987000111",
    # Delegates: public persons, but not their private notes, birth year or ethnicity.
    "DelegateNote.text": "Ghi chú riêng Bímậtghichú: hỏi lại Sở Tài chính",
    "Delegate.ethnicity": "Bímậtdântộc",
    "Attendance.note": "Vắng vì Bímậtsứckhỏe: điều trị tại bệnh viện",
    # Logins.
    "User.username": "bimat.chuyenvien",
    "User.email": "bimat@example.vn",
    "User.full_name": "Đỗ Văn Bímậttàikhoản",
    "User(delegate).username": "bimat.daibieu",
    "User(delegate).email": "daibieu.bimat@example.vn",
    # Records nobody marked public.
    "Resolution(is_public=False).title": "Nghị quyết Bímậtkhôngcôngkhai về quốc phòng",
    "ResolutionAttachment(draft).original_name": "du-thao-bimatdraft.pdf",
    "ResolutionAttachment(draft).text": "BIMATDRAFTTEXT",
    "OversightActivity(is_public=False).topic": "Giám sát Bímậtkhôngcôngkhai tại trại giam",
    "FollowUp.note": "Theo dõi nội bộ Bímậttheodõi",
    "SessionDocument(is_public=False).title": "Tài liệu Bímậtnộibộ",
    "SessionDocument(is_public=False).text": "BIMATINTERNALTEXT",
    "SessionDocument(public, not published).title": "Tài liệu Bímậtchưacôngbố",
    "AgendaItem.attachment_name": "dinh-kem-bimatdinhkem.pdf",
    "AgendaItem.attachment text": "BIMATATTACHMENTTEXT",
    "VoterMeeting.minutes text": "BIMATMINUTESTEXT",
    "ReceptionSchedule(unpublished).location": "Phòng Bímậtchưacôngbố",
}
# A birth year no page prints otherwise (dates here are 2019 and later, ids small).
BIRTH_YEAR = 1901
BIRTH_YEAR_RE = re.compile(rf"\b{BIRTH_YEAR}\b")

# The number of the resolution nobody may see: its symbol («987/NQ-HĐND») is a sentinel too.
HIDDEN_RESOLUTION_NUMBER = 987

# What the public pages must show: titles of the public records, to check the walk read them.
PUBLIC_TEXTS = {
    "agenda": "Tờ trình về kế hoạch đầu tư công trung hạn",
    "document": "Tờ trình về kế hoạch đầu tư công công khai",
    "resolution": "Nghị quyết về quy hoạch mạng lưới trường học",
    "amending": "Nghị quyết sửa đổi quy hoạch mạng lưới trường học",
    "activity": "Giám sát việc xây dựng nông thôn mới",
    "recommendation": "Đẩy nhanh tiến độ giải ngân vốn nông thôn mới",
    "schedule": "Trụ sở Tiếp công dân tỉnh",
    # The text layers of the public PDFs: the walk reads files, not only pages.
    "document file": "Public submission text",
    "resolution file": "Resolution full text",
}


def leaks(text: str, *, searched: bool = False) -> list[str]:
    """The sentinels found in `text`, compared folded (case and diacritics ignored); the
    made-up word is a finding too (a value stored somewhere this list forgot), except alone on
    the answer to a search for it (`searched`), which repeats the query."""
    folded = fold(text)
    found = [f"{where}: {value!r}" for where, value in SENTINELS.items() if fold(value) in folded]
    if searched:
        folded = re.sub(rf"\b{MARK}\b", "", folded)
    if not found and MARK in folded:
        at = folded.index(MARK)
        found.append(f"the word {MARK!r} near {folded[max(0, at - 60) : at + 60]!r}")
    if BIRTH_YEAR_RE.search(text):
        found.append(f"Delegate.birth_year: {BIRTH_YEAR}")
    return found


def text_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer reads `text` (ASCII): what pypdf reads back."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _pdf(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text_pdf(text), content_type="application/pdf")


@dataclass(frozen=True)
class OpenCouncil:
    council: Council
    term: Term
    staff: object
    past_session: Session
    upcoming_session: Session
    agenda_item: AgendaItem
    public_document: SessionDocument
    internal_document: SessionDocument
    scheduled_document: SessionDocument
    resolution: Resolution
    amending_resolution: Resolution
    hidden_resolution: Resolution
    activity: OversightActivity
    hidden_activity: OversightActivity
    published_slot: ReceptionSchedule
    unpublished_slot: ReceptionSchedule


def seed_council() -> Council:
    return Council.objects.create(
        name="Hội đồng nhân dân tỉnh Công Khai",
        short_name="HĐND tỉnh Công Khai",
        place_name="Công Khai",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH CÔNG KHAI",
        secretariat_name="Văn phòng HĐND tỉnh Công Khai",
    )


def seed_open_council() -> OpenCouncil:
    today = timezone.localdate()
    now = timezone.now()
    council = seed_council()
    term = Term.objects.create(
        council=council, ordinal=16, roman="XVI", start_date=dt.date(2021, 6, 1)
    )
    organization = Organization.objects.create(
        name="Ủy ban nhân dân tỉnh Công Khai", short_name="UBND tỉnh", kind="ubnd", council=council
    )
    staff = user_create_with_role(
        username=SENTINELS["User.username"],
        password=PASSWORD,
        role=Role.STAFF,
        full_name=SENTINELS["User.full_name"],
        email=SENTINELS["User.email"],
        council=council,
    )
    committee = Committee.objects.create(
        term=term, code=Committee.Code.CULTURE_SOCIETY, name="Ban Văn hóa - Xã hội", order=1
    )
    group = DelegateGroup.objects.create(
        term=term, name="Tổ đại biểu thành phố Công Khai", area="Thành phố Công Khai"
    )
    delegates = [
        Delegate.objects.create(
            term=term,
            full_name=f"Đại biểu Công Khai {i:02d}",
            gender=Delegate.Gender.FEMALE if i % 2 else Delegate.Gender.MALE,
            birth_year=BIRTH_YEAR if i == 0 else 1970 + i,
            ethnicity=SENTINELS["Delegate.ethnicity"] if i == 0 else "Kinh",
            job_title="Giám đốc Sở Giáo dục và Đào tạo" if i == 0 else "",
            electoral_unit=f"Đơn vị bầu cử số {i % 3 + 1}",
            committee=committee if i < 4 else None,
            delegate_group=group,
        )
        for i in range(10)
    ]

    # A delegate's own login: its name and e-mail are the delegate's contact data.
    login = delegate_account_create(
        delegate=delegates[0], username=SENTINELS["User(delegate).username"]
    ).user
    login.email = SENTINELS["User(delegate).email"]
    login.save(update_fields=["email"])

    # Sessions: one held (with its programme, documents and resolutions), one to come.
    held_on = today - dt.timedelta(days=60)
    past_session = record_save(
        instance=Session(
            term=term,
            number=8,
            kind=Session.Kind.REGULAR,
            start_date=held_on,
            end_date=held_on + dt.timedelta(days=2),
            venue="Hội trường HĐND tỉnh",
            status=Session.Status.CLOSED,
        )
    )
    upcoming_session = record_save(
        instance=Session(
            term=term,
            number=9,
            kind=Session.Kind.THEMATIC,
            start_date=today + dt.timedelta(days=20),
            end_date=today + dt.timedelta(days=21),
            venue="Hội trường HĐND tỉnh",
        )
    )
    # The agenda item is public; the file the secretariat attached to it for its own work is
    # not (the public reads the documents marked public).
    agenda_item = session_services.agenda_item_save(
        item=AgendaItem(
            session=past_session,
            order=1,
            doc_type=AgendaItem.DocType.choices[0][0],
            title=PUBLIC_TEXTS["agenda"],
            issuer=organization,
        ),
        upload=_pdf(
            SENTINELS["AgendaItem.attachment_name"], SENTINELS["AgendaItem.attachment text"]
        ),
    )
    record_save(
        instance=AgendaItem(
            session=upcoming_session, order=1, title="Báo cáo tình hình kinh tế - xã hội"
        )
    )
    published = now - dt.timedelta(days=70)
    public_document = session_services.session_document_create(
        document=SessionDocument(
            agenda_item=agenda_item,
            title=PUBLIC_TEXTS["document"],
            published_at=published,
            is_public=True,
        ),
        upload=_pdf("to-trinh.pdf", PUBLIC_TEXTS["document file"]),
    )
    internal_document = session_services.session_document_create(
        document=SessionDocument(
            agenda_item=agenda_item,
            title=SENTINELS["SessionDocument(is_public=False).title"],
            order=2,
            published_at=published,
            is_public=False,
        ),
        upload=_pdf("noi-bo.pdf", SENTINELS["SessionDocument(is_public=False).text"]),
    )
    scheduled_document = session_services.session_document_create(
        document=SessionDocument(
            agenda_item=agenda_item,
            title=SENTINELS["SessionDocument(public, not published).title"],
            order=3,
            published_at=now + dt.timedelta(days=30),
            is_public=True,
        ),
        upload=_pdf("chua-cong-bo.pdf", "BIMATSCHEDULEDTEXT"),
    )
    session_services.session_attendance_save(
        session=past_session,
        statuses={
            d.pk: Attendance.Status.EXCUSED if i == 0 else Attendance.Status.PRESENT
            for i, d in enumerate(delegates)
        },
    )
    # The attendance service records statuses; the reason of an absence is typed beside it.
    Attendance.objects.filter(session=past_session, delegate=delegates[0]).update(
        note=SENTINELS["Attendance.note"]
    )
    session_services.delegate_note_save(
        delegate=delegates[0], text=SENTINELS["DelegateNote.text"], document=public_document
    )
    session_services.delegate_note_save(
        delegate=delegates[1], text=SENTINELS["DelegateNote.text"], agenda_item=agenda_item
    )

    # Resolutions: one amended by a later one (a relation), one nobody may see that repeals
    # the first (its relation must not show either), the first with its signed full text.
    adopted = past_session.end_date
    resolution = resolution_create(
        council=council,
        adopted_date=adopted - dt.timedelta(days=365),
        title=PUBLIC_TEXTS["resolution"],
        is_normative=True,
        votes_for=9,
        delegates_present=10,
        signer="Chủ tịch HĐND tỉnh",
    )
    amending_resolution = resolution_create(
        council=council,
        adopted_date=adopted,
        session=past_session,
        title=PUBLIC_TEXTS["amending"],
        is_normative=True,
        votes_for=9,
        delegates_present=10,
    )
    hidden_resolution = resolution_create(
        council=council,
        adopted_date=adopted,
        session=past_session,
        title=SENTINELS["Resolution(is_public=False).title"],
        number=HIDDEN_RESOLUTION_NUMBER,
        votes_for=9,
        is_public=False,
    )
    resolution_relation_create(
        source=amending_resolution,
        target=resolution,
        kind=ResolutionRelation.Kind.AMENDS,
        note="Sửa đổi Điều 2",
    )
    resolution_relation_create(
        source=hidden_resolution, target=resolution, kind=ResolutionRelation.Kind.AMENDS
    )
    resolution_attachment_add(
        resolution=resolution, upload=_pdf("nghi-quyet.pdf", PUBLIC_TEXTS["resolution file"])
    )
    resolution_attachment_add(
        resolution=resolution,
        upload=_pdf(
            SENTINELS["ResolutionAttachment(draft).original_name"],
            SENTINELS["ResolutionAttachment(draft).text"],
        ),
        kind=ResolutionAttachment.Kind.OTHER,
    )

    # Oversight: one activity marked public with its recommendations (their follow-up stays
    # internal), one not marked.
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic=PUBLIC_TEXTS["activity"],
            start_date=today - dt.timedelta(days=120),
            end_date=today - dt.timedelta(days=100),
            conclusion_number="45/TB-HĐND",
            conclusion_date=today - dt.timedelta(days=90),
            is_public=True,
        ),
        supervised_organizations=[organization],
    )
    for content in (PUBLIC_TEXTS["recommendation"], "Rà soát các công trình chậm tiến độ"):
        recommendation = recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity,
                content=content,
                addressee=organization,
                deadline=today + dt.timedelta(days=30),
            )
        )
    follow_up_save(
        follow_up=FollowUp(
            recommendation=recommendation,
            date=today - dt.timedelta(days=10),
            kind=FollowUp.Kind.choices[0][0],
            note=SENTINELS["FollowUp.note"],
        )
    )
    hidden_activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic=SENTINELS["OversightActivity(is_public=False).topic"],
            start_date=today - dt.timedelta(days=50),
        )
    )

    # Voter petitions of the held session: forwarded and answered, so the figures have rows;
    # a voter meeting before it, whose notes name a voter.
    meeting = record_save(
        instance=VoterMeeting(
            term=term,
            timing=VoterMeeting.Timing.PRE_SESSION,
            session=past_session,
            topic="Tiếp xúc cử tri trước kỳ họp thứ tám",
            date=held_on - dt.timedelta(days=20),
            location_unit=AdministrativeUnit.objects.create(
                name="Xã Công Khai", level="commune", unit_type="xa"
            ),
            venue="Nhà văn hóa thôn Đông",
            voters_attended=120,
            notes=SENTINELS["VoterMeeting.notes"],
            # The minutes name the voters who spoke.
            minutes=_pdf("bien-ban.pdf", SENTINELS["VoterMeeting.minutes text"]),
        )
    )
    field = PetitionField.objects.create(name="Giao thông - xây dựng", order=1)
    petitions = [
        voter_services.petition_save(
            petition=VoterPetition(
                term=term,
                session=past_session,
                meeting=meeting,
                received_date=held_on - dt.timedelta(days=20),
                content=SENTINELS["VoterPetition.content"] if i == 0 else f"Kiến nghị số {i}",
                instances=i + 1,
                field=field,
            ),
            user=staff,
        )
        for i in range(3)
    ]
    voter_services.forwarding_batch_create(
        term=term,
        recipient=organization,
        number="215/HĐND-VP",
        date=held_on - dt.timedelta(days=10),
        petitions=petitions[:2],
        user=staff,
    )
    voter_services.petition_answer(
        petition=VoterPetition.objects.get(pk=petitions[0].pk),
        answer_number="1860/UBND-TH",
        answer_date=held_on - dt.timedelta(days=2),
        outcome=None,
        user=staff,
    )

    # A citizen's letter, the case it opened, a follow-up.
    letter = voter_services.letter_save(
        letter=Letter(
            term=term,
            received_date=today - dt.timedelta(days=40),
            kind=Letter.Kind.choices[0][0],
            summary=SENTINELS["Letter.summary"],
            sender_name=SENTINELS["Letter.sender_name"],
            sender_address=SENTINELS["Letter.sender_address"],
            sender_phone=SENTINELS["Letter.sender_phone"],
            sender_id_number=SENTINELS["Letter.sender_id_number"],
        ),
        user=staff,
    )
    case = letter.case
    case.answer_summary = SENTINELS["Case.answer_summary"]
    case.save(update_fields=["answer_summary"])
    CaseFollowUp.objects.create(
        case=case,
        date=today - dt.timedelta(days=5),
        organization=organization,
        note=SENTINELS["CaseFollowUp.note"],
    )

    # The reception schedule: a slot held (its reception lists visitors and a visit), a slot
    # to come, a slot not yet published.
    held_slot = record_save(
        instance=ReceptionSchedule(
            council=council,
            date=today - dt.timedelta(days=15),
            start_time=dt.time(8, 0),
            end_time=dt.time(11, 0),
            host_kind=ReceptionSchedule.HostKind.CHAIR,
            host="Chủ tịch HĐND tỉnh",
            location=PUBLIC_TEXTS["schedule"],
        ),
        user=staff,
    )
    reception = reception_services.reception_save(
        reception=CitizenReception(
            term=term,
            date=held_slot.date,
            host="Chủ tịch HĐND tỉnh",
            location=PUBLIC_TEXTS["schedule"],
            visitors=SENTINELS["CitizenReception.visitors"],
        ),
        user=staff,
        slot=held_slot,
    )
    reception_services.visit_save(
        visit=ReceptionVisit(
            reception=reception,
            citizen_name=SENTINELS["ReceptionVisit.citizen_name"],
            citizen_address=SENTINELS["ReceptionVisit.citizen_address"],
            citizen_id_number=SENTINELS["ReceptionVisit.citizen_id_number"],
            persons=2,
            kind=ReceptionVisit._meta.get_field("kind").choices[0][0],
            content=SENTINELS["ReceptionVisit.content"],
            response="Hướng dẫn gửi đơn đến UBND xã",
        ),
        user=staff,
    )
    published_slot = record_save(
        instance=ReceptionSchedule(
            council=council,
            date=today + dt.timedelta(days=10),
            start_time=dt.time(14, 0),
            end_time=dt.time(16, 30),
            host_kind=ReceptionSchedule.HostKind.DELEGATE,
            host=delegates[2].full_name,
            host_delegate=delegates[2],
            location=PUBLIC_TEXTS["schedule"],
        ),
        user=staff,
    )
    unpublished_slot = record_save(
        instance=ReceptionSchedule(
            council=council,
            date=today + dt.timedelta(days=12),
            start_time=dt.time(8, 0),
            host_kind=ReceptionSchedule.HostKind.STANDING,
            host="Thường trực HĐND tỉnh",
            location=SENTINELS["ReceptionSchedule(unpublished).location"],
            published=False,
        ),
        user=staff,
    )
    assert DelegateNote.objects.count() == 2  # the seed itself must not fail quietly
    return OpenCouncil(
        council=council,
        term=term,
        staff=staff,
        past_session=past_session,
        upcoming_session=upcoming_session,
        agenda_item=agenda_item,
        public_document=public_document,
        internal_document=internal_document,
        scheduled_document=scheduled_document,
        resolution=resolution,
        amending_resolution=amending_resolution,
        hidden_resolution=hidden_resolution,
        activity=activity,
        hidden_activity=hidden_activity,
        published_slot=published_slot,
        unpublished_slot=unpublished_slot,
    )
