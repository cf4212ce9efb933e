"""Reads of the case workflow: the case list, one case with its letters, follow-ups and
documents, the overdue queue by competent body, likely duplicates of a letter being entered,
and the draft texts of the outgoing documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from core.search import search_words
from core.text import fold
from council.models import Council, Organization
from voters.casework import deadlines, identity
from voters.models import Case, CaseDocument, CaseFollowUp, Letter

Status = Case.Status


def overdue_letters_q(*, today: dt.date, prefix: str = "") -> Q:
    """Forwarded letters whose answer was due before `today` in a case still open (an answered
    or closed case owes nothing)."""
    return Q(
        **{
            f"{prefix}forwarded_date__isnull": False,
            f"{prefix}answer_due__lt": today,
            f"{prefix}case__status": Status.OPEN,
        }
    )


def case_list_queryset(*, council: Council | None, today: dt.date) -> QuerySet[Case]:
    """A council's cases with their letters' count, the last letter's receipt and whether an
    answer is overdue (one statement; the table joins field, locality and handler)."""
    overdue = Letter.objects.filter(overdue_letters_q(today=today), case=OuterRef("pk"))
    qs = Case.objects.filter(council=council) if council is not None else Case.objects.none()
    return (
        qs.select_related("field", "locality", "handler")
        .annotate(
            letters_count=Count("letters"),
            last_received=Max("letters__received_date"),
            overdue=Exists(overdue),
        )
        .order_by("-year", "-seq")
    )  # Meta.ordering is dropped from a GROUP BY query


@dataclass(frozen=True)
class LetterRow:
    letter: Letter
    processing_late: int  # days past the processing deadline (0: on time or none)
    answer_late: int  # days past the body's answer deadline, while the case waits for it


@dataclass(frozen=True)
class TimelineEvent:
    date: dt.date
    text: str
    icon: str


@dataclass(frozen=True)
class CaseDetail:
    case: Case
    letters: list[LetterRow]
    follow_ups: list[CaseFollowUp]
    documents: list[CaseDocument]
    timeline: list[TimelineEvent]
    overdue_days: int  # the largest of its letters' answer_late


def case_detail(*, case: Case, today: dt.date) -> CaseDetail:
    """One case's page: its letters in the order received with their processing and deadlines,
    follow-ups, documents and a timeline of all of it (four statements)."""
    letters = list(case.letters.select_related("forwarded_to").order_by("received_date", "pk"))
    follow_ups = list(case.follow_ups.select_related("organization"))
    documents = list(
        case.documents.select_related("recipient", "register_entry").order_by("date", "pk")
    )
    waiting = case.status == Status.OPEN
    rows = [
        LetterRow(
            letter=letter,
            # A letter never processed stops counting when its case was closed.
            processing_late=deadlines.days_late(
                due=letter.processing_due,
                done=letter.processed_date or case.closed_date,
                today=today,
            ),
            answer_late=(
                deadlines.days_late(due=letter.answer_due, done=None, today=today)
                if waiting and letter.forwarded_date
                else 0
            ),
        )
        for letter in letters
    ]
    return CaseDetail(
        case=case,
        letters=rows,
        follow_ups=follow_ups,
        documents=documents,
        timeline=_timeline(case, letters, follow_ups, documents),
        overdue_days=max((row.answer_late for row in rows), default=0),
    )


def _timeline(
    case: Case,
    letters: list[Letter],
    follow_ups: list[CaseFollowUp],
    documents: list[CaseDocument],
) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    for letter in letters:
        events.append(
            TimelineEvent(
                letter.received_date,
                _("Nhận đơn %(kind)s (%(channel)s)")
                % {
                    "kind": letter.get_kind_display().lower(),
                    "channel": letter.get_channel_display().lower(),
                },
                "bi-envelope",
            )
        )
        if letter.forwarded_date:
            events.append(
                TimelineEvent(
                    letter.forwarded_date,
                    _("Chuyển đơn đến %(org)s") % {"org": letter.forwarded_to},
                    "bi-send",
                )
            )
        elif letter.processed_date and letter.handling:
            events.append(
                TimelineEvent(
                    letter.processed_date,
                    _("Xử lý đơn: %(h)s") % {"h": letter.get_handling_display().lower()},
                    "bi-check2-square",
                )
            )
    for follow_up in follow_ups:
        events.append(
            TimelineEvent(
                follow_up.date,
                _("Đôn đốc %(org)s (%(method)s)")
                % {
                    "org": follow_up.organization,
                    "method": follow_up.get_method_display().lower(),
                },
                "bi-alarm",
            )
        )
    for document in documents:
        events.append(
            TimelineEvent(
                document.date,
                _("%(kind)s số %(ref)s")
                % {"kind": document.get_kind_display(), "ref": document.reference},
                "bi-file-earmark-text",
            )
        )
    if case.answered_date:
        events.append(TimelineEvent(case.answered_date, _("Có kết quả giải quyết"), "bi-reply"))
    if case.closed_date:
        events.append(TimelineEvent(case.closed_date, _("Kết thúc theo dõi"), "bi-archive"))
    return sorted(events, key=lambda event: event.date)


@dataclass(frozen=True)
class OverdueRow:
    letter: Letter
    case: Case
    days_late: int


@dataclass(frozen=True)
class BodyOverdue:
    organization: Organization
    rows: list[OverdueRow] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.rows)


def overdue_cases(*, council: Council | None, today: dt.date) -> list[BodyOverdue]:
    """The overdue queue: forwarded letters whose answer is past due in open cases, grouped by
    the body that owes the answer (most overdue letters first, then by name), each body's
    letters the longest late first. One statement."""
    letters = (
        Letter.objects.filter(overdue_letters_q(today=today), case__council=council)
        .select_related("case", "forwarded_to")
        .order_by("forwarded_to__name", "answer_due", "pk")
    )
    bodies: dict[int, BodyOverdue] = {}
    for letter in letters:
        body = bodies.setdefault(
            letter.forwarded_to_id, BodyOverdue(organization=letter.forwarded_to)
        )
        late = deadlines.days_late(due=letter.answer_due, done=None, today=today)
        body.rows.append(OverdueRow(letter=letter, case=letter.case, days_late=late))
    return sorted(bodies.values(), key=lambda body: (-body.count, body.organization.name))


# Words too common in letters to say two of them are about the same matter (folded).
STOP_WORDS = frozenset(
    [
        "de",
        "nghi",
        "ve",
        "viec",
        "cua",
        "va",
        "cac",
        "cho",
        "khong",
        "duoc",
        "don",
        "ong",
        "ba",
        "la",
        "co",
        "da",
        "nguoi",
        "nay",
        "tai",
        "theo",
        "trong",
        "voi",
        "den",
        "xa",
        "cong",
        "dan",
        "gia",
        "dinh",
        "toi",
        "chung",
        "nhung",
        "mot",
        "nam",
        "ngay",
        "thang",
        "so",
        "khieu",
        "nai",
        "to",
        "cao",
        "kien",
        "phan",
        "anh",
        "giai",
        "quyet",
        "xem",
        "xet",
        "yeu",
        "cau",
    ]
)
# Letters read to look for duplicates: the council's most recent, enough for a year's matters
# of one sender at a provincial office, bounded so that entry stays fast.
CANDIDATE_LETTERS_READ = 300
# Shared significant words that make "the same matter": with the same sender, a few; from
# anyone, most of the shorter text's words.
SAME_SENDER_SHARED = 2
CONTENT_ONLY_SHARE = 0.6
CONTENT_ONLY_MIN = 4


@dataclass(frozen=True)
class CaseCandidate:
    case: Case
    reason: str


def _significant(text: str) -> set[str]:
    return {w for w in search_words(text) if len(w) > 1 and w not in STOP_WORDS}


def case_candidates(
    *,
    council: Council | None,
    sender_name: str,
    sender_id_number: str,
    summary: str,
    exclude_case: Case | None = None,
    user: Any = None,
    limit: int = 5,
) -> list[CaseCandidate]:
    """Cases the letter being entered likely belongs to, most recent first: the same sender's
    ID number ("cùng số CCCD"); the same sender's name, diacritics and case aside, and shared
    words of the content ("cùng người gửi, nội dung tương tự"); or most of the content's words
    from anyone ("nội dung tương tự").

    Returns cases, never names. A denunciator's identity must not be confirmed to someone who
    may not read it (voters.casework.identity): a secret letter counts by its content only,
    unless `user` keeps its case. The page offers this only to staff entering a letter."""
    if council is None:
        return []
    id_number = "".join(sender_id_number.split())
    name = fold(sender_name)
    words = _significant(summary)
    if not (id_number or words):
        return []
    match = Q()
    if id_number:
        match |= Q(sender_id_number=id_number)
    # The letters sharing at least one of the longest words: the comparison is made below.
    for word in sorted(words, key=len, reverse=True)[:8]:
        match |= Q(search_text__contains=word)
    letters = (
        Letter.objects.filter(match, case__council=council)
        .select_related("case")
        .order_by("-received_date", "-pk")
    )
    if exclude_case is not None:
        letters = letters.exclude(case=exclude_case)
    found: dict[int, CaseCandidate] = {}
    for letter in letters[:CANDIDATE_LETTERS_READ]:
        if letter.case_id in found or letter.case_id is None:
            continue
        reason = _candidate_reason(letter, id_number=id_number, name=name, words=words, user=user)
        if reason:
            found[letter.case_id] = CaseCandidate(case=letter.case, reason=reason)
        if len(found) >= limit:
            break
    return list(found.values())


def _candidate_reason(
    letter: Letter, *, id_number: str, name: str, words: set[str], user: Any
) -> str:
    identity_known = not identity.is_secret(letter) or (
        user is not None and identity.can_view_identity(user, letter)
    )
    if identity_known and id_number and "".join(letter.sender_id_number.split()) == id_number:
        return _("cùng số CCCD")
    shared = words & _significant(letter.search_text)
    same_sender = identity_known and name and fold(letter.sender_name) == name
    if same_sender and len(shared) >= SAME_SENDER_SHARED:
        return _("cùng người gửi, nội dung tương tự")
    smaller = min(len(words), len(_significant(letter.search_text))) or 1
    if len(shared) >= CONTENT_ONLY_MIN and len(shared) / smaller >= CONTENT_ONLY_SHARE:
        return _("nội dung tương tự")
    return ""


# --- the outgoing documents' draft texts -----------------------------------------------------


@dataclass(frozen=True)
class DocumentDraft:
    subject: str
    body: str
    addressee: str  # the "Kính gửi" line


def _council_words(case: Case) -> tuple[str, str]:
    """ "Thường trực HĐND tỉnh X" and "HĐND tỉnh X", as the council names itself."""
    council = case.council
    return f"Thường trực {council.short_name}", council.short_name


def _kind_word(letter: Letter | None, case: Case) -> str:
    kind = letter.kind if letter is not None else case.kind
    return Letter.Kind(kind).label.lower()


def case_document_draft(
    *,
    case: Case,
    kind: str,
    letter: Letter | None = None,
    recipient: Organization | None = None,
) -> DocumentDraft:
    """The default subject, body and addressee of a case's document, in the council's own
    words (Council.short_name: nothing here names a level or a province).

    A denunciation's documents never name or place the denunciator (Luật Tố cáo 2018 Điều 47:
    the name, address and handwriting of the denunciator are kept secret; Điều 56: stripped
    before the file is handed on): "đơn tố cáo" with its content only, and the body is asked
    to keep the secret too. Whether a letter is secret is voters.casework.identity's call."""
    letter = letter or case.letters.order_by("received_date", "pk").first()
    standing, council_name = _council_words(case)
    kind_word = _kind_word(letter, case)
    secret = letter is not None and identity.is_secret(letter)
    received = letter.received_date.strftime("%d/%m/%Y") if letter else ""
    content = (letter.summary if letter else case.title).strip().rstrip(".")
    body_name = recipient.name if recipient is not None else ""
    if secret or letter is None:
        who = f"đơn {kind_word}"
    else:
        sender = letter.sender_name.strip() or "công dân"
        address = f", địa chỉ: {letter.sender_address.strip()}" if letter.sender_address else ""
        who = f"đơn {kind_word} của công dân {sender}{address}"
    secrecy = (
        f" Đề nghị {body_name} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân "
        "khác của người tố cáo theo quy định tại Điều 47 Luật Tố cáo năm 2018."
        if secret
        else ""
    )
    if kind == CaseDocument.Kind.FORWARDING:
        subject = "V/v chuyển đơn tố cáo" if secret else "V/v chuyển đơn của công dân"
        body = (
            f"Ngày {received}, {standing} nhận được {who}.\n"
            f"Nội dung đơn: {content}.\n"
            f"Căn cứ quy định của pháp luật, {standing} chuyển đơn đến {body_name} để xem xét, "
            f"giải quyết theo thẩm quyền và thông báo kết quả cho "
            f"{'' if secret else 'công dân và '}{standing} biết theo quy định.{secrecy}"
        )
        return DocumentDraft(subject, body, body_name)
    if kind == CaseDocument.Kind.GUIDANCE:
        addressee = (
            "Người gửi đơn"
            if secret or letter is None
            else f"Công dân {letter.sender_name.strip() or ''}".strip()
        )
        where = (
            f"đến {body_name} là cơ quan có thẩm quyền"
            if body_name
            else "đến cơ quan có thẩm quyền"
        )
        body = (
            f"Ngày {received}, {standing} nhận được {who}.\n"
            f"Nội dung đơn: {content}.\n"
            f"Nội dung đơn không thuộc thẩm quyền giải quyết của {council_name}. {standing} "
            f"hướng dẫn công dân gửi đơn {where} để được xem xét, giải quyết theo quy định của "
            "pháp luật."
        )
        return DocumentDraft("V/v hướng dẫn công dân", body, addressee)
    forwarded = (
        letter.forwarded_date.strftime("%d/%m/%Y") if letter and letter.forwarded_date else ""
    )
    slip = (
        CaseDocument.objects.filter(case=case, kind=CaseDocument.Kind.FORWARDING, letter=letter)
        .order_by("date")
        .first()
        if letter is not None
        else None
    )
    sent = f"Ngày {forwarded}, " if forwarded else ""
    slip_text = f" (Phiếu chuyển số {slip.reference})" if slip is not None else ""
    body = (
        f"{sent}{standing} đã chuyển {who}{slip_text} đến {body_name} để xem xét, giải quyết "
        f"theo thẩm quyền.\nNội dung đơn: {content}.\n"
        f"Đến nay, {standing} chưa nhận được thông báo kết quả giải quyết. Đề nghị {body_name} "
        f"khẩn trương xem xét, giải quyết và thông báo kết quả cho {standing} biết theo quy "
        f"định.{secrecy}"
    )
    return DocumentDraft("V/v đôn đốc giải quyết đơn", body, body_name)
