"""Citizen reception (tiếp công dân): the schedule's slots, the receptions they become, each
reception's visits (the rows of the register, sổ tiếp công dân) and the day's totals they make.
Writes and reads of this concern; the pages are voters.views.schedule and voters.views.receptions.

Luật Tiếp công dân 2013 Điều 22: delegates receive citizens on the Thường trực's schedule; the
reception is recorded in the register (Điều 25: sổ tiếp công dân). A group of five or more is a
group reception (đoàn đông người, Điều 30)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from core.services import record_delete, record_save
from council.models import Council, Term
from voters import services
from voters.casework import identity
from voters.models import CitizenReception, Letter, ReceptionSchedule, ReceptionVisit

GROUP_SIZE = 5  # Luật Tiếp công dân 2013 Điều 30: "đông người" from five


# Reads


def schedule_of_month(*, council: Council, year: int, month: int) -> QuerySet[ReceptionSchedule]:
    """A council's slots in one month, in order, with what the list shows beside them."""
    return ReceptionSchedule.objects.filter(
        council=council, date__year=year, date__month=month
    ).select_related("host_delegate", "reception")


def visits_of_reception(*, reception: CitizenReception) -> QuerySet[ReceptionVisit]:
    """A reception's visits with their cases (identity.is_secret reads them) and letters."""
    return reception.visits.select_related("case", "letter").order_by("pk")


def register_queryset(*, council: Council | None) -> QuerySet[ReceptionVisit]:
    """The register's rows: every visit of the council's receptions, with what a row shows."""
    qs = ReceptionVisit.objects.select_related("reception", "case", "letter")
    return qs.filter(reception__term__council=council) if council is not None else qs.none()


def term_on(*, council: Council, day: dt.date) -> Term | None:
    """The council's term in force on `day` (the latest one begun before it if none is)."""
    begun = Term.objects.filter(council=council, start_date__lte=day).order_by("-start_date")
    return begun.filter(Q(end_date__isnull=True) | Q(end_date__gte=day)).first() or begun.first()


# Writes


def reception_initial_from_slot(*, slot: ReceptionSchedule) -> dict[str, Any]:
    """The reception form's values for a slot of the schedule ("Ghi kết quả buổi tiếp"): its
    day, host, place and note, in the term in force that day."""
    term = term_on(council=slot.council, day=slot.date)
    delegate = slot.host_delegate if slot.host_delegate_id else None
    return {
        "term": term.pk if term else None,
        "date": slot.date,
        "host": slot.host,
        "host_delegate": delegate.pk if delegate and term and delegate.term_id == term.pk else None,
        "kind": CitizenReception.Kind.REGULAR,
        "location": slot.location,
        "summary": slot.note,
    }


@transaction.atomic
def reception_save(
    *, reception: CitizenReception, user: Any, slot: ReceptionSchedule | None = None
) -> CitizenReception:
    """Save a reception; with `slot`, the slot of the schedule it is the result of, which then
    links to it (once: a slot already held refuses a second reception)."""
    if slot is not None:
        slot = ReceptionSchedule.objects.select_for_update().get(pk=slot.pk)
        if slot.reception_id is not None:
            raise ValidationError(_("Buổi tiếp theo lịch này đã được ghi kết quả."))
    record_save(instance=reception, user=user)
    if slot is not None:
        slot.reception = reception
        slot.save(update_fields=["reception", "updated_at"])
    return reception


def reception_totals_recompute(*, reception: CitizenReception) -> None:
    """A reception with visits counts them: persons, cases (one a visit) and group cases
    (visits of GROUP_SIZE or more). Without visits its totals stay as typed (receptions
    entered before the register was kept)."""
    figures = reception.visits.aggregate(
        n=Count("pk"),
        heads=Sum("persons"),
        groups=Count("pk", filter=Q(persons__gte=GROUP_SIZE)),
    )
    if not figures["n"]:
        return
    totals = {"persons": figures["heads"], "cases": figures["n"], "group_cases": figures["groups"]}
    CitizenReception.objects.filter(pk=reception.pk).update(**totals)
    for name, value in totals.items():
        setattr(reception, name, value)


def _check_links(visit: ReceptionVisit) -> None:
    """A visit's case and letter are its reception's council's (forms offer only those; a
    forged post is refused here)."""
    council_id = visit.reception.term.council_id
    if visit.case_id is not None and visit.case.council_id != council_id:
        raise ValidationError({"case": _("Vụ việc không thuộc HĐND này.")})
    if visit.letter_id is not None and visit.letter.term.council_id != council_id:
        raise ValidationError({"letter": _("Đơn không thuộc HĐND này.")})


@transaction.atomic
def visit_save(*, visit: ReceptionVisit, user: Any) -> ReceptionVisit:
    """Record or edit one visit; its reception's totals follow."""
    _check_links(visit)
    record_save(instance=visit, user=user)
    reception_totals_recompute(reception=visit.reception)
    return visit


@transaction.atomic
def visit_delete(*, visit: ReceptionVisit) -> None:
    reception = visit.reception
    record_delete(instance=visit)
    reception_totals_recompute(reception=reception)


@transaction.atomic
def visit_letter_create(*, visit: ReceptionVisit, user: Any) -> Letter:
    """The letter (and its case, voters.services.letter_save) of a matter brought to a
    reception: received that day through the reception, of the visit's kind and content, its
    sender the citizen. The visit then points to both. Only someone who may read the citizen's
    identity does it: the letter's identity would otherwise be copied by someone who may not
    read it, and its new case kept by them."""
    if visit.letter_id is not None:
        raise ValidationError(_("Lượt tiếp này đã có đơn."))
    if not identity.can_view_identity(user, visit):
        raise ValidationError(
            _("Chỉ người được xem thông tin người tố cáo của lượt tiếp này mới tạo được đơn từ đó.")
        )
    reception = visit.reception
    letter = services.letter_save(
        letter=Letter(
            term=reception.term,
            received_date=reception.date,
            kind=visit.kind,
            channel=Letter.Channel.RECEPTION,
            summary=visit.content,
            sender_name=visit.citizen_name,
            sender_address=visit.citizen_address,
            sender_id_number=visit.citizen_id_number,
            case=visit.case if visit.case_id else None,
        ),
        user=user,
    )
    if identity.is_secret(visit):
        identity.identity_access_record(record=visit, user=user, action=identity.Action.EDIT)
    visit.letter = letter
    visit.case = letter.case
    visit.save(update_fields=["letter", "case", "updated_at"])
    return letter
