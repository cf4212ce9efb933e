"""Writes of the delegates' room: registrations to speak, debate and question, and what the
secretariat records of them. A question recorded as asked becomes an oversight.Question of the
session's questioning activity, and a respondent's promise an oversight recommendation to
follow up, through the oversight services, so the questioning records count them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import check_rows_version
from council.models import Delegate, Organization
from delegates.models import Registration
from delegates.selectors import queue_version
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation, Question
from oversight.services import activity_save, question_save, recommendation_save
from sessions.models import AgendaItem, Session


def _stamp(instance: Any, user: Any) -> None:
    if instance._state.adding and user is not None and getattr(user, "is_authenticated", False):
        instance.created_by = user


def _locked(registration: Registration) -> Registration:
    """The stored row, locked for this transaction: two clicks on the same button at once
    cannot both pass the status check."""
    return Registration.objects.select_for_update().get(pk=registration.pk)


@transaction.atomic
def registration_create(
    *,
    delegate: Delegate,
    session: Session,
    kind: str,
    agenda_item: AgendaItem | None = None,
    respondent_organization: Organization | None = None,
    respondent_position: str = "",
    content: str = "",
    user: Any = None,
) -> Registration:
    """A delegate registers; the registration goes to the end of the session's queue."""
    if session.term_id != delegate.term_id:
        raise ValidationError(_("Chỉ đại biểu của nhiệm kỳ có kỳ họp này mới đăng ký được."))
    if delegate.status != Delegate.Status.ACTIVE:
        raise ValidationError(_("Đại biểu không còn làm nhiệm vụ nên không đăng ký được."))
    if session.status == Session.Status.CLOSED:
        raise ValidationError(_("Kỳ họp đã bế mạc, không nhận đăng ký nữa."))
    if agenda_item is not None and agenda_item.session_id != session.pk:
        raise ValidationError({"agenda_item": _("Nội dung này không thuộc kỳ họp.")})
    # Lock the session's row: two registrations at once cannot take the same position.
    Session.objects.select_for_update().filter(pk=session.pk).first()
    last = Registration.objects.filter(session=session).aggregate(m=Max("position"))["m"]
    registration = Registration(
        session=session,
        delegate=delegate,
        kind=kind,
        agenda_item=agenda_item if kind != Registration.Kind.QUESTION else None,
        respondent_organization=(
            respondent_organization if kind == Registration.Kind.QUESTION else None
        ),
        respondent_position=(
            respondent_position.strip() if kind == Registration.Kind.QUESTION else ""
        ),
        content=content.strip(),
        position=(last or 0) + 1,
    )
    _stamp(registration, user)
    registration.full_clean()
    registration.save()
    return registration


@transaction.atomic
def registration_withdraw(*, registration: Registration, delegate: Delegate) -> Registration:
    """The delegate takes their registration back, while it has not been called."""
    current = _locked(registration)
    if current.delegate_id != delegate.pk:
        raise ValidationError(_("Đây không phải đăng ký của đại biểu."))
    if current.status != Registration.Status.REGISTERED:
        raise ValidationError(_("Đăng ký đã được mời phát biểu, không rút được nữa."))
    current.status = Registration.Status.WITHDRAWN
    current.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def registration_move(
    *, registration: Registration, direction: str, version: str | None
) -> Registration:
    """Swap the registration with its neighbour in the session's open queue. The page that
    asked carries the queue's version: if anyone changed the queue since it was shown (another
    move, a new registration, a call), nothing moves and StaleRowsError says so."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    rows = list(
        Registration.objects.select_for_update()
        .filter(session_id=registration.session_id, status__in=Registration.OPEN_STATUSES)
        .order_by("position", "pk")
    )
    check_rows_version(current=queue_version(session_id=registration.session_id), token=version)
    index = next((i for i, r in enumerate(rows) if r.pk == registration.pk), None)
    if index is None:
        raise ValidationError(_("Đăng ký không còn trong danh sách chờ."))
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(rows):
        return rows[index]
    this, other = rows[index], rows[other_index]
    this.position, other.position = other.position, this.position
    if this.position == other.position:  # equal positions (never expected): make them differ
        this.position += -1 if direction == "up" else 1
    for row in (this, other):
        row.save(update_fields=["position", "updated_at"])
    return this


@transaction.atomic
def registration_call(*, registration: Registration) -> Registration:
    """The chair calls the delegate: the registration is now being heard."""
    current = _locked(registration)
    if current.status != Registration.Status.REGISTERED:
        raise ValidationError(_("Chỉ mời được đăng ký đang chờ."))
    current.status = Registration.Status.CALLED
    current.called_at = timezone.now()
    current.save(update_fields=["status", "called_at", "updated_at"])
    return current


@transaction.atomic
def registration_skip(*, registration: Registration) -> Registration:
    """The session moved on without hearing it (time ran out, the delegate was absent)."""
    current = _locked(registration)
    if current.status not in Registration.OPEN_STATUSES:
        raise ValidationError(_("Đăng ký này không còn trong danh sách chờ."))
    current.status = Registration.Status.SKIPPED
    current.save(update_fields=["status", "updated_at"])
    return current


def session_questioning_activity(*, session: Session, user: Any = None) -> OversightActivity:
    """The session's questioning activity (chất vấn tại kỳ họp), created the first time a
    question is recorded if the secretariat has not entered it yet."""
    activity = (
        OversightActivity.objects.filter(session=session, kind=Kind.QUESTIONING_SESSION)
        .order_by("pk")
        .first()
    )
    if activity is not None:
        return activity
    return activity_save(
        activity=OversightActivity(
            term_id=session.term_id,
            kind=Kind.QUESTIONING_SESSION,
            actor=Actor.COUNCIL,
            topic=_("Chất vấn tại kỳ họp thứ %(n)s") % {"n": session.number},
            session=session,
            start_date=session.start_date,
            end_date=session.end_date,
        ),
        user=user,
    )


@transaction.atomic
def registration_record(
    *,
    registration: Registration,
    summary: str,
    answer_summary: str = "",
    answer_mode: str = Question.AnswerMode.AT_SITTING,
    satisfied: str = Question.Satisfaction.UNKNOWN,
    promise: str = "",
    promise_deadline: dt.date | None = None,
    user: Any = None,
) -> Registration:
    """Record what was actually said. A question becomes (or updates) the oversight.Question
    of the session's questioning activity; a promise in the answer becomes a recommendation
    addressed to the respondent's organisation, with its deadline, followed up like any other.
    Recording again updates the same Question and recommendation."""
    current = (
        Registration.objects.select_for_update().select_related("session").get(pk=registration.pk)
    )
    if current.status == Registration.Status.WITHDRAWN:
        raise ValidationError(_("Đại biểu đã rút đăng ký này."))
    summary = summary.strip()
    if not summary:
        raise ValidationError({"summary": _("Ghi tóm tắt nội dung đã phát biểu.")})
    current.summary = summary
    current.answer_summary = answer_summary.strip()
    current.status = Registration.Status.SPOKE
    current.called_at = current.called_at or timezone.now()
    if current.kind == Registration.Kind.QUESTION:
        _record_question(
            current,
            answer_mode=answer_mode,
            satisfied=satisfied,
            promise=promise.strip(),
            promise_deadline=promise_deadline,
            user=user,
        )
    elif promise.strip():
        raise ValidationError({"promise": _("Chỉ ghi lời hứa với câu hỏi chất vấn.")})
    current.full_clean()
    current.save()
    return current


def _record_question(
    registration: Registration,
    *,
    answer_mode: str,
    satisfied: str,
    promise: str,
    promise_deadline: dt.date | None,
    user: Any,
) -> None:
    activity = session_questioning_activity(session=registration.session, user=user)
    question = registration.question or Question(activity=activity, order=registration.position)
    question.asker_id = registration.delegate_id
    question.respondent_organization = registration.respondent_organization
    question.respondent_position = registration.respondent_position
    # The question as asked, as the secretariat summarised it.
    question.content = registration.summary
    question.answer_mode = answer_mode
    question.satisfied = satisfied
    registration.question = question_save(question=question, user=user)
    if not promise:
        return
    if registration.respondent_organization is None:
        raise ValidationError(
            {
                "promise": _(
                    "Lời hứa được theo dõi như kiến nghị gửi cơ quan trả lời: hãy ghi cơ quan "
                    "được chất vấn."
                )
            }
        )
    commitment = registration.commitment or OversightRecommendation(activity=question.activity)
    commitment.content = promise
    commitment.addressee = registration.respondent_organization
    commitment.deadline = promise_deadline
    registration.commitment = recommendation_save(recommendation=commitment, user=user)
