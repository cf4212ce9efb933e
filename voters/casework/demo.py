"""The demo's casework of 2019 (issue 21), on top of the 24 sample letters of voters.demo (each
already a case of its own): repeat letters and letters sent to many bodies (cases of 2 or 3
letters), the classification of every case (field, a commune valid that day, competence, group
letters), processing with its legal deadlines (voters.casework.deadlines), forwarding slips and
guidance letters numbered in the council's outgoing register (series PC and CV; the demo
register's hand-registered công văn, documents.demo, numbered among them in date order so the
series runs in date order), follow-ups, answers and
closes with two cases left overdue, one denunciation kept by a handler, the reception schedule
of the year (the Thường trực monthly, delegates monthly) and the register's rows of the demo
receptions, some linked to cases.

Called by voters.demo.load. Deterministic and idempotent: letters are keyed on (term, day,
summary) as voters.demo keys them, documents on (case, letter, kind), follow-ups on (case,
day), schedule slots on (council, day, hour), visits on (reception, citizen); the other
values are written to the same fixed values at every run. Every citizen is invented and says
so ("Công dân mẫu …")."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.db.models import Q

from council.models import AdministrativeUnit, Council, Delegate, Term
from documents import demo as register_demo
from documents.services import document_number_issue
from voters import services
from voters.casework import deadlines
from voters.casework.reception import reception_totals_recompute, visit_save
from voters.models import (
    Case,
    CaseDocument,
    CaseFollowUp,
    CitizenReception,
    Letter,
    PetitionField,
    ReceptionSchedule,
    ReceptionVisit,
)

D = dt.date
YEAR = 2019
# The demo's letters are "… (đơn mẫu số 07)": their number is the index into the rules below.
_SAMPLE = re.compile(r"\(đơn mẫu số (\d{2})\)$")
Channel = Letter.Channel
Reason = Letter.IneligibleReason

# The field of each of voters.demo.LETTER_SUMMARIES (by its index, the sample number modulo 8).
FIELD_OF_SUMMARY = [
    "dat_dai_moi_truong",
    "dat_dai_moi_truong",
    "dat_dai_moi_truong",
    "giao_thong_xay_dung",
    "che_do_chinh_sach",
    "giao_thong_xay_dung",
    "dat_dai_moi_truong",
    "bo_may",
]
GROUPS = {0: 12, 6: 7}  # sample index -> petitioners: two group complaints about land
WITHIN_COMPETENCE = {4, 12}  # a policy the council's resolutions set
NO_LOCALITY = {9, 19}  # letters that do not say where
LATE = {2, 11}  # processed after the limit
OVERDUE = {13, 18}  # forwarded, followed up, never answered
FOLLOWED_UP = {0, 7, 13, 18}
HANDLED = 2  # the denunciation the demo staff member keeps (its identity is theirs to read)
HANDLER_USERNAME = "chuyenvien"  # accounts' load_demo DEMO_USERS

# Repeat letters: (sample index, days after the first, channel, reason if not eligible).
REPEATS = [
    (0, 30, Channel.TRANSFERRED, Reason.COPY),
    (0, 61, Channel.DIRECT, Reason.DUPLICATE),
    (6, 21, Channel.POST, Reason.DUPLICATE),
    (10, 14, Channel.TRANSFERRED, Reason.COPY),
    (13, 45, Channel.DIRECT, None),
]
# The persons of each visit of a month's reception: they add up to the totals voters.demo
# typed for that day (persons 3 + 5m mod 7, cases 2 + m mod 4, a group in April), so the
# register changes none of the demo's figures. Months whose totals no register can make
# (five cases of fewer than five persons) keep their typed totals without rows.
VISITS = {
    1: [3, 3, 2],
    2: [2, 2, 1, 1],
    4: [5, 4],
    5: [3, 2, 2],
    6: [2, 1, 1, 1],
    8: [4, 4],
    10: [1, 1, 1, 1],
    11: [2, 2, 2, 2, 1],
    12: [4, 3],
}
VISIT_KINDS = ["complaint", "petition_feedback", "denunciation", "petition_feedback"]
VISIT_CONTENT = {
    "complaint": "Khiếu nại việc bồi thường, hỗ trợ khi thu hồi đất",
    "denunciation": "Tố cáo cán bộ có dấu hiệu sách nhiễu khi giải quyết thủ tục",
    "petition_feedback": "Kiến nghị về chế độ chính sách, hạ tầng tại địa phương",
}


def _channel(index: int) -> str:
    return {1: Channel.DIRECT, 3: Channel.DELEGATE, 5: Channel.ELECTRONIC}.get(
        index % 6, Channel.POST
    )


def load(*, council: Council) -> None:
    _load(council=council)
    # The register's hand-registered công văn dated after the casework's last (or all of them,
    # without the casework): the series stays whole whatever the demo holds.
    register_demo.entries_issue(council=council, codes=register_demo.SHARED_SERIES)


def _load(*, council: Council) -> None:
    term = council.terms.filter(roman="XVI").first()
    if term is None:
        return
    samples = _samples(term)
    if not samples:
        return
    _repeat_letters(term=term, samples=samples)
    _classify(samples=samples)
    for index, letter in samples.items():
        _process(council=council, index=index, letter=letter)
    handlers_assign(council=council)
    _schedule(council=council, term=term)
    _visits(term=term, samples=samples)


def _samples(term: Term) -> dict[int, Letter]:
    """The first letters of voters.demo by their sample index (0-23)."""
    found = {}
    letters = Letter.objects.filter(
        term=term, received_date__year=YEAR, summary__contains="(đơn mẫu số "
    ).select_related("case")
    for letter in letters:
        match = _SAMPLE.search(letter.summary)
        if match:
            found[int(match[1]) - 1] = letter
    return dict(sorted(found.items()))


def _repeat_letters(*, term: Term, samples: dict[int, Letter]) -> None:
    counts: dict[int, int] = {}
    for index, days, channel, reason in REPEATS:
        first = samples.get(index)
        if first is None:
            continue
        counts[index] = counts.get(index, 1) + 1
        received = first.received_date + dt.timedelta(days=days)
        summary = _SAMPLE.sub(
            f"(đơn mẫu số {index + 1:02d}, gửi lần {counts[index]})", first.summary
        )
        if Letter.objects.filter(term=term, received_date=received, summary=summary).exists():
            continue
        services.letter_save(
            letter=Letter(
                term=term,
                case=first.case,
                received_date=received,
                kind=first.kind,
                summary=summary,
                classification=first.classification,
                channel=channel,
                eligible=reason is None,
                ineligible_reason=reason or "",
                handling=Letter.Handling.FILED if reason else Letter.Handling.MONITORED,
                # The same invented citizen as the first letter.
                sender_name=first.sender_name,
                sender_address=first.sender_address,
                sender_phone=first.sender_phone,
                sender_id_number=first.sender_id_number,
            )
        )


def _classify(*, samples: dict[int, Letter]) -> None:
    fields = {f.code: f for f in PetitionField.objects.filter(valid_from__isnull=True)}
    communes = list(
        AdministrativeUnit.objects.filter(level="commune")
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=D(YEAR, 1, 1)))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=D(YEAR, 12, 31)))
        .order_by("name", "pk")
    )
    for index, letter in samples.items():
        field = fields.get(FIELD_OF_SUMMARY[index % len(FIELD_OF_SUMMARY)])
        locality = None
        if communes and index not in NO_LOCALITY:
            locality = communes[(index * 7) % len(communes)]
        Case.objects.filter(pk=letter.case_id).update(
            field=field,
            locality=locality,
            within_competence=index in WITHIN_COMPETENCE,
            group_size=GROUPS.get(index, 1),
        )


def _process(*, council: Council, index: int, letter: Letter) -> None:
    """The letter's processing, deadlines and outgoing document; its case's follow-ups,
    answer and close. Written directly, to the same values at every run: the demo states what
    happened in 2019, the workflow's services check what may happen today."""
    received = letter.received_date
    forwarded = letter.forwarded_date
    processed = forwarded or received + dt.timedelta(days=20 if index in LATE else 5)
    answer_due = (
        deadlines.letter_answer_due(kind=letter.kind, forwarded=forwarded) if forwarded else None
    )
    Letter.objects.filter(pk=letter.pk).update(
        channel=_channel(index),
        processed_date=processed,
        processing_due=deadlines.letter_processing_due(received=received),
        answer_due=answer_due,
    )
    for repeat in Letter.objects.filter(case_id=letter.case_id).exclude(pk=letter.pk):
        Letter.objects.filter(pk=repeat.pk).update(
            processed_date=repeat.received_date + dt.timedelta(days=3),
            processing_due=deadlines.letter_processing_due(received=repeat.received_date),
            answer_due=None,
        )

    case = letter.case
    if forwarded:
        _document(council, case, letter, CaseDocument.Kind.FORWARDING, forwarded)
    elif letter.eligible:
        _document(council, case, letter, CaseDocument.Kind.GUIDANCE, processed)
    if index in FOLLOWED_UP and forwarded:
        CaseFollowUp.objects.get_or_create(
            case=case,
            date=forwarded + dt.timedelta(days=25),
            organization=letter.forwarded_to,
            defaults={"note": "Đề nghị xem xét, giải quyết và trả lời công dân theo quy định."},
        )
        if index in OVERDUE and answer_due:
            CaseFollowUp.objects.get_or_create(
                case=case,
                date=answer_due + dt.timedelta(days=7),
                organization=letter.forwarded_to,
                defaults={"method": "phone", "note": "Đôn đốc lần hai: quá hạn trả lời."},
            )

    if forwarded and index not in OVERDUE:
        answered = forwarded + dt.timedelta(days=35)
        closed = index % 2 == 0
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED if closed else Case.Status.ANSWERED,
            answered_date=answered,
            answer_summary="Cơ quan có thẩm quyền đã trả lời, giải quyết (nội dung mẫu).",
            closed_date=answered + dt.timedelta(days=10) if closed else None,
        )
    elif forwarded:
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.OPEN, answered_date=None, answer_summary="", closed_date=None
        )
    else:
        # Guided or filed: nothing to watch once the citizen was answered.
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED,
            answered_date=None,
            closed_date=processed + dt.timedelta(days=1),
        )


def _document(council: Council, case: Case, letter: Letter, kind: str, day: dt.date) -> None:
    """The letter's document, numbered in the register after the hand-registered công văn of
    its day or before (documents.demo), so each series runs in date order."""
    if CaseDocument.objects.filter(case=case, letter=letter, kind=kind).exists():
        return
    register_demo.entries_issue(council=council, codes=register_demo.SHARED_SERIES, until=day)
    forwarding = kind == CaseDocument.Kind.FORWARDING
    document = CaseDocument.objects.create(
        council=council,
        case=case,
        letter=letter,
        kind=kind,
        date=day,
        recipient=letter.forwarded_to if forwarding else None,
        subject=(
            f"Chuyển đơn {letter.get_kind_display().lower()} của công dân"
            if forwarding
            else "Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền"
        ),
        # No sender's name in a document's text: a denunciator's never leaves the case.
        body=(
            f"Nội dung đơn: {case.title}. Đề nghị xem xét, giải quyết theo thẩm quyền và "
            "thông báo kết quả cho Thường trực."
            if forwarding
            else f"Nội dung đơn: {case.title}. Công dân gửi đơn đến cơ quan có thẩm quyền."
        ),
    )
    to = letter.forwarded_to.name if forwarding and letter.forwarded_to else "Người gửi đơn"
    document.register_entry = document_number_issue(
        council=council,
        series_code=document.series,
        date=day,
        subject=document.subject,
        signer_name="",
        signer_title="",
        recipients=f"{to};\nLưu: VT, hồ sơ vụ việc.",
        kind_label=document.get_kind_display(),
        source=document,
    )
    document.save(update_fields=["register_entry"])


def handlers_assign(*, council: Council) -> None:
    """The demo staff member keeps the demo's first denunciation: called again by load_demo
    once the demo users exist (they are made after the data)."""
    handler = get_user_model().objects.filter(username=HANDLER_USERNAME).first()
    term = council.terms.filter(roman="XVI").first()
    if handler is None or term is None:
        return
    letter = _samples(term).get(HANDLED)
    if letter is not None:
        Case.objects.filter(pk=letter.case_id).update(handler=handler)


def _schedule(*, council: Council, term: Term) -> None:
    """The year's schedule: the Thường trực on the 10th (the demo receptions' day, linked to
    the reception held), a delegate on the 25th, each month."""
    receptions = {r.date: r for r in CitizenReception.objects.filter(term=term, date__year=YEAR)}
    delegates = list(
        Delegate.objects.filter(term=term, status=Delegate.Status.ACTIVE).order_by(
            "full_name", "pk"
        )[:12]
    )
    place = "Trụ sở tiếp công dân"
    for month in range(1, 13):
        day = D(YEAR, month, 10)
        ReceptionSchedule.objects.update_or_create(
            council=council,
            date=day,
            start_time=dt.time(8, 0),
            defaults={
                "end_time": dt.time(11, 0),
                "host_kind": ReceptionSchedule.HostKind.STANDING,
                "host": f"Thường trực {council.short_name}",
                "location": place,
                "reception": receptions.get(day),
            },
        )
        if not delegates:
            continue
        delegate = delegates[(month - 1) % len(delegates)]
        ReceptionSchedule.objects.update_or_create(
            council=council,
            date=D(YEAR, month, 25),
            start_time=dt.time(14, 0),
            defaults={
                "end_time": dt.time(16, 30),
                "host_kind": ReceptionSchedule.HostKind.DELEGATE,
                "host": delegate.full_name,
                "host_delegate": delegate,
                "location": place,
            },
        )


def _visits(*, term: Term, samples: dict[int, Letter]) -> None:
    """The register's rows of the demo receptions: the first visit of a month brings the
    matter of that month's first sample letter (received on the 4th), so it links to its
    case; the others are matters guided on the spot."""
    for month, persons in VISITS.items():
        reception = CitizenReception.objects.filter(term=term, date=D(YEAR, month, 10)).first()
        if reception is None:
            continue
        for number, heads in enumerate(persons):
            name = f"Công dân mẫu {month}{chr(65 + number)} (tên giả)"
            if ReceptionVisit.objects.filter(reception=reception, citizen_name=name).exists():
                continue
            letter = samples.get(2 * (month - 1)) if number == 0 else None
            kind = letter.kind if letter else VISIT_KINDS[(month + number) % len(VISIT_KINDS)]
            visit_save(
                visit=ReceptionVisit(
                    reception=reception,
                    citizen_name=name,
                    citizen_address="Thôn Mẫu, xã Giả Định",
                    persons=heads,
                    kind=kind,
                    content=letter.case.title if letter else VISIT_CONTENT[kind],
                    response=(
                        "Tiếp nhận, theo dõi vụ việc đã có đơn."
                        if letter
                        else "Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền."
                    ),
                    case=letter.case if letter else None,
                ),
                user=None,
            )
        # voters.demo typed the day's totals again: the register's rows count them.
        reception_totals_recompute(reception=reception)
