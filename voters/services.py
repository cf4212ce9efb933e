"""Writes of the voters app. The petition workflow is a small state machine:

    received → compiled → forwarded (in a ForwardingBatch) → answered → outcome

where the outcome (brief §4.4: resolved, in progress, roadmap, explained, not resolved, central
authority, lower level) may change again when a later report updates it. Every change is
recorded in PetitionStatusChange; an invalid transition raises a ValidationError with a
Vietnamese message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext as _

from core.imports import import_finished_send
from core.services import record_save
from core.text import fold
from council.models import Organization, Term
from voters.casework import deadlines
from voters.casework.numbering import case_next_seq
from voters.models import (
    Case,
    ForwardingBatch,
    Letter,
    PetitionStatusChange,
    VoterPetition,
)

Status = VoterPetition.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.COMPILED}),
    Status.COMPILED: frozenset({Status.RECEIVED, Status.FORWARDED}),
    Status.FORWARDED: frozenset({Status.ANSWERED}),
    Status.ANSWERED: frozenset(VoterPetition.OUTCOMES),
    # A later report may update the outcome ("đang giải quyết" → "đã giải quyết").
    **{
        outcome: frozenset(VoterPetition.OUTCOMES) - {outcome} for outcome in VoterPetition.OUTCOMES
    },
}


def allowed_transitions(*, petition: VoterPetition) -> frozenset[str]:
    """Where the petition may go next; none for an original merged into a consolidated one."""
    if petition.consolidated_into_id is not None:
        return frozenset()
    return frozenset(TRANSITIONS.get(petition.status, frozenset()))


def _user_or_none(user: Any) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _transition(
    *, petition: VoterPetition, to_status: str, user: Any, note: str = "", **fields: Any
) -> VoterPetition:
    """Move one petition to `to_status`, refusing what the state machine does not allow.

    The UPDATE is conditional on the status we read, so two people acting on the same
    petition at once cannot both succeed: the second gets a message instead of a lost update."""
    if petition.consolidated_into_id is not None:
        raise ValidationError(
            _("Kiến nghị này đã được gộp vào một kiến nghị tổng hợp; hãy xử lý kiến nghị tổng hợp.")
        )
    from_status = petition.status
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise ValidationError(
            _("Không thể chuyển kiến nghị từ trạng thái «%(from)s» sang «%(to)s».")
            % {"from": Status(from_status).label, "to": Status(to_status).label}
        )
    updated = VoterPetition.objects.filter(pk=petition.pk, status=from_status).update(
        status=to_status, **fields
    )
    if not updated:
        raise ValidationError(
            _("Trạng thái của kiến nghị vừa được người khác thay đổi. Hãy tải lại trang.")
        )
    petition.status = to_status
    for name, value in fields.items():
        setattr(petition, name, value)
    PetitionStatusChange.objects.create(
        petition=petition,
        from_status=from_status,
        to_status=to_status,
        changed_by=_user_or_none(user),
        note=note[:500],
    )
    return petition


def _fill_search_text(petition: VoterPetition) -> None:
    petition.search_text = fold(petition.content)


@transaction.atomic
def petition_save(*, petition: VoterPetition, user: Any = None) -> VoterPetition:
    """Create or edit a petition's record (not its status: the workflow functions do that)."""
    creating = petition._state.adding
    if creating and _user_or_none(user):
        petition.created_by = user
    _fill_search_text(petition)
    petition.full_clean()
    petition.save()
    if creating:
        PetitionStatusChange.objects.create(
            petition=petition,
            from_status="",
            to_status=petition.status,
            changed_by=_user_or_none(user),
            note=_("Tiếp nhận"),
        )
    return petition


@transaction.atomic
def petition_compile(*, petition: VoterPetition, user: Any, note: str = "") -> VoterPetition:
    return _transition(petition=petition, to_status=Status.COMPILED, user=user, note=note)


@transaction.atomic
def petition_reopen(*, petition: VoterPetition, user: Any, note: str = "") -> VoterPetition:
    """Back from compiled to received (a compilation mistake), before it is forwarded."""
    return _transition(petition=petition, to_status=Status.RECEIVED, user=user, note=note)


@transaction.atomic
def petition_answer(
    *,
    petition: VoterPetition,
    answer_number: str,
    answer_date: dt.date,
    answer_summary: str = "",
    outcome: str | None = None,
    user: Any,
    note: str = "",
) -> VoterPetition:
    """Record the answer document; with `outcome`, also record the outcome it reports."""
    if not answer_number.strip() or answer_date is None:
        raise ValidationError(_("Ghi số và ngày của văn bản trả lời."))
    if petition.batch_id and answer_date < petition.batch.date:
        raise ValidationError(_("Ngày trả lời không được trước ngày chuyển kiến nghị."))
    if outcome is not None and outcome not in VoterPetition.OUTCOMES:
        raise ValidationError(_("Kết quả giải quyết không hợp lệ."))
    _transition(
        petition=petition,
        to_status=Status.ANSWERED,
        user=user,
        note=note or _("Văn bản trả lời số %(n)s") % {"n": answer_number},
        answer_number=answer_number.strip(),
        answer_date=answer_date,
        answer_summary=answer_summary,
    )
    if outcome:
        _transition(petition=petition, to_status=outcome, user=user, note=note)
    return petition


@transaction.atomic
def petition_set_outcome(
    *, petition: VoterPetition, outcome: str, user: Any, note: str = ""
) -> VoterPetition:
    if outcome not in VoterPetition.OUTCOMES:
        raise ValidationError(_("Kết quả giải quyết không hợp lệ."))
    return _transition(petition=petition, to_status=outcome, user=user, note=note)


@transaction.atomic
def forwarding_batch_create(
    *,
    term: Term,
    recipient: Organization,
    number: str,
    date: dt.date,
    petitions: Iterable[VoterPetition],
    user: Any,
    subject: str = "",
    session: Any = None,
) -> ForwardingBatch:
    """One công văn forwarding a list of petitions. Received petitions are compiled first (both
    steps are recorded); anything already forwarded is refused, and then nothing is saved."""
    petitions = list(petitions)
    if not petitions:
        raise ValidationError(_("Chọn ít nhất một kiến nghị để chuyển."))
    batch = ForwardingBatch(
        term=term,
        recipient=recipient,
        number=number.strip(),
        date=date,
        subject=subject,
        session=session,
        created_by=_user_or_none(user),
    )
    batch.full_clean()
    batch.save()
    for petition in petitions:
        if petition.term_id != term.pk:
            raise ValidationError(
                _("Kiến nghị «%(p)s» không thuộc nhiệm kỳ của công văn.") % {"p": petition}
            )
        if petition.received_date > date:
            raise ValidationError(
                _("Kiến nghị «%(p)s» tiếp nhận sau ngày công văn.") % {"p": petition}
            )
        if petition.status == Status.RECEIVED:
            _transition(petition=petition, to_status=Status.COMPILED, user=user)
        _transition(
            petition=petition,
            to_status=Status.FORWARDED,
            user=user,
            note=_("Công văn số %(n)s") % {"n": batch.number},
            batch=batch,
        )
    return batch


@transaction.atomic
def petition_consolidate(
    *,
    petitions: Sequence[VoterPetition],
    content: str,
    user: Any,
    field: Any = None,
    level: str | None = None,
    responsible_org: Organization | None = None,
    committee: Any = None,
) -> VoterPetition:
    """Merge the same request raised at several meetings into one consolidated petition that
    carries the total instances. The originals point to it and drop out of every count."""
    petitions = list(petitions)
    if len(petitions) < 2:
        raise ValidationError(_("Chọn ít nhất hai kiến nghị để tổng hợp."))
    first = petitions[0]
    for petition in petitions:
        if petition.consolidated_into_id is not None:
            raise ValidationError(
                _("Kiến nghị «%(p)s» đã được gộp vào kiến nghị khác.") % {"p": petition}
            )
        if petition.status not in VoterPetition.AWAITING_FORWARDING:
            raise ValidationError(
                _("Kiến nghị «%(p)s» đã được chuyển đi, không gộp được nữa.") % {"p": petition}
            )
        if petition.term_id != first.term_id or petition.session_id != first.session_id:
            raise ValidationError(
                _("Chỉ gộp các kiến nghị của cùng một nhiệm kỳ và cùng một kỳ họp.")
            )
    consolidated = VoterPetition(
        term_id=first.term_id,
        session_id=first.session_id,
        received_date=max(p.received_date for p in petitions),
        content=content.strip() or first.content,
        instances=sum(p.instances for p in petitions),
        field=field if field is not None else first.field,
        level=level or first.level,
        responsible_org=responsible_org or first.responsible_org,
        committee=committee if committee is not None else first.committee,
        status=Status.COMPILED,
        is_consolidated=True,
    )
    petition_save(petition=consolidated, user=user)
    for petition in petitions:
        VoterPetition.objects.filter(pk=petition.pk).update(consolidated_into=consolidated)
        petition.consolidated_into = consolidated
        PetitionStatusChange.objects.create(
            petition=petition,
            from_status=petition.status,
            to_status=petition.status,
            changed_by=_user_or_none(user),
            note=_("Gộp vào kiến nghị tổng hợp #%(pk)s") % {"pk": consolidated.pk},
        )
    return consolidated


@transaction.atomic
def letter_save(*, letter: Letter, user: Any = None) -> Letter:
    """Save a letter; one without a case opens a case of its own (every letter belongs to a
    case, so the figures count both). voters.casework.services.letter_intake attaches a letter
    to an existing case instead."""
    if letter._state.adding and _user_or_none(user):
        letter.created_by = user
    # Personal data stays out of the search column: a search must not reveal a sender to
    # someone who may not see the sender.
    letter.search_text = fold(" ".join([letter.summary, letter.classification, letter.result]))
    letter.full_clean(exclude=["case"])
    if letter.case_id is None:
        letter.case = case_open(letter=letter, user=user)
    letter_deadlines_fill(letter=letter)
    letter.save()
    return letter


def letter_deadlines_fill(*, letter: Letter) -> None:
    """The letter's deadlines, however it is saved (intake, edit form, import): the time to
    process it from its receipt, and the competent body's time to answer from its forwarding.
    A deadline once given is kept (DeadlineRule and holidays may change later, the date the
    letter was given does not); it is computed again only when the date it counts from, the
    letter's kind or a missing rule has changed it."""
    before = (
        None
        if letter._state.adding
        else Letter.objects.filter(pk=letter.pk)
        .values("received_date", "forwarded_date", "kind")
        .first()
    )
    if (
        before is None
        or letter.processing_due is None
        or (before["received_date"] != letter.received_date)
    ):
        letter.processing_due = deadlines.letter_processing_due(received=letter.received_date)
    if letter.forwarded_date is None:
        letter.answer_due = None
    elif (
        before is None
        or letter.answer_due is None
        or before["forwarded_date"] != letter.forwarded_date
        or before["kind"] != letter.kind
    ):
        letter.answer_due = letter_answer_due_for(letter=letter)


def letter_answer_due_for(*, letter: Letter) -> dt.date | None:
    """The competent body's deadline for a forwarded letter, by the letter's own kind (TT
    05/2021/TT-TTCP Điều 6: classified by its content) and its case's complexity; extensions
    exist only for a denunciation (Luật Tố cáo 2018 Điều 30(1)), a complaint has none."""
    case = letter.case
    denunciation = letter.kind == Letter.Kind.DENUNCIATION
    return deadlines.letter_answer_due(
        kind=letter.kind,
        forwarded=letter.forwarded_date,
        complex=bool(case and case.complex),
        extensions=case.extensions if case is not None and denunciation else 0,
    )


def case_open(*, letter: Letter, user: Any = None) -> Case:
    """A new case whose first letter is `letter` (not yet saved): numbered in its council's
    year, its kind and title those of the letter."""
    council_id = Term.objects.values_list("council_id", flat=True).get(pk=letter.term_id)
    year = letter.received_date.year
    case = Case(
        council_id=council_id,
        year=year,
        seq=case_next_seq(council_id=council_id, year=year),
        title=letter.summary[:300],
        kind=letter.kind,
        search_text=fold(letter.summary),
    )
    if _user_or_none(user):
        case.created_by = user
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def forwarding_batch_update(*, batch: ForwardingBatch, user: Any = None) -> ForwardingBatch:
    """An edit of a công văn (number, date, subject). Its date keeps the rules of forwarding:
    not before any petition it carries was received, not after any answer to them (the
    answers were checked against the date they were forwarded on); the deadline of every
    petition it carries moves with it."""
    _batch_date_check(batch)
    return record_save(instance=batch, user=user)


@transaction.atomic
def forwarding_batch_letter_record(
    *, batch: ForwardingBatch, number: str, date: dt.date, subject: str = ""
) -> ForwardingBatch:
    """The number and date the outgoing register gave the công văn generated from the batch
    (reports.routine.petition_forwarding, inside the issuing transaction): they replace what
    was typed when the batch was made, under the date rules of an edit; its subject is kept
    when it has one. The petitions' answer deadlines count from the new date."""
    batch.number = number.strip()
    batch.date = date
    if not batch.subject.strip():
        batch.subject = subject.strip()[:500]
    _batch_date_check(batch)
    batch.full_clean()
    batch.save(update_fields=["number", "date", "subject", "updated_at"])
    return batch


def _batch_date_check(batch: ForwardingBatch) -> None:
    """A công văn's date: not before any petition it carries was received, not after any
    answer to them."""
    if batch.pk and batch.date:
        span = VoterPetition.objects.filter(batch=batch).aggregate(
            received=Max("received_date"), answered=Min("answer_date")
        )
        if span["received"] and batch.date < span["received"]:
            raise ValidationError(
                {
                    "date": _(
                        "Công văn chuyển kiến nghị tiếp nhận ngày %(d)s: ngày công văn không "
                        "được trước ngày đó."
                    )
                    % {"d": span["received"].strftime("%d/%m/%Y")}
                }
            )
        if span["answered"] and batch.date > span["answered"]:
            raise ValidationError(
                {
                    "date": _(
                        "Đã có văn bản trả lời ngày %(d)s cho kiến nghị của công văn này: ngày "
                        "công văn không được sau ngày đó."
                    )
                    % {"d": span["answered"].strftime("%d/%m/%Y")}
                }
            )


@transaction.atomic
def petitions_import(*, term: Term, rows: Iterable[Any], user: Any) -> list[VoterPetition]:
    """Create the petitions of a validated import, all or nothing. Rows already imported (same
    fingerprint) are skipped; a concurrent import of the same file hits the unique constraint
    and the whole import rolls back."""
    created = []
    for row in rows:
        if row.duplicate_of:
            continue
        petition = VoterPetition(
            term=term,
            session=row.session,
            received_date=row.received_date,
            content=row.content,
            instances=row.instances,
            field=row.field,
            level=row.level,
            responsible_org=row.responsible_org,
            committee=row.committee,
            import_key=row.fingerprint,
        )
        created.append(petition_save(petition=petition, user=user))
    if created:
        import_finished_send(
            sender=VoterPetition,
            user=user,
            item=created[0],
            what=_("kiến nghị cử tri"),
            count=len(created),
            url=reverse("voters:voterpetition_list") + f"?term={term.pk}",
        )
    return created
