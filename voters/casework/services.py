"""Writes of the case workflow (issue 21): a letter received into a case, its processing
(forwarded, guided, filed, monitored), the outgoing documents, the follow-ups, the competent
body's answer and the close. The HĐND office does not resolve complaints or denunciations: it
receives, classifies, forwards, guides, urges and monitors (brief-2 §1.1).

A case moves open -> answered -> closed, and back to open when reopened; each move is a
conditional UPDATE on the status read, so two clerks acting on one case at once cannot both
succeed (as voters.services._transition does for petitions)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.text import fold
from council.models import Organization, Term
from documents.services import document_number_issue
from voters.casework import selectors
from voters.models import Case, CaseDocument, CaseFollowUp, Letter
from voters.services import letter_answer_due_for, letter_save

Status = Case.Status
Handling = Letter.Handling


def _user_or_none(user: Any) -> Any:
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _letter_council_id(letter: Letter) -> int:
    return Term.objects.values_list("council_id", flat=True).get(pk=letter.term_id)


@transaction.atomic
def letter_intake(*, letter: Letter, case: Case | None, user: Any) -> Letter:
    """Save a received letter into `case` (chosen by staff among the likely duplicates, or from
    the case's page), else into a new case of its own.

    The letter keeps its own kind when the case's differs: a letter is classified by its
    content (TT 05/2021/TT-TTCP Điều 6), so the figures count letters by their kind and cases
    by the case's; a complaint attached to a denunciation case is protected as the case's
    denunciator is (voters.casework.identity.is_secret). A letter attached to a closed case
    opens it again: the new letter must be processed within its own time limit."""
    if case is not None:
        if case.council_id != _letter_council_id(letter):
            raise ValidationError({"case": _("Vụ việc đã chọn thuộc HĐND khác.")})
        letter.case = case
        if case.status == Status.CLOSED:
            _case_move(case=case, to_status=Status.OPEN, closed_date=None)
    return letter_save(letter=letter, user=user)


def _refuse_closed(case: Case) -> None:
    if case.status == Status.CLOSED:
        raise ValidationError(_("Vụ việc đã kết thúc theo dõi: hãy mở lại vụ việc trước."))


@transaction.atomic
def letter_process(
    *,
    letter: Letter,
    handling: str,
    date: dt.date,
    forwarded_to: Organization | None = None,
    ineligible_reason: str = "",
    note: str = "",
    user: Any,
) -> Letter:
    """The office's decision on a letter: forward it to the competent body (its answer is then
    due by letter_answer_due), guide the citizen, file it, or monitor it. `ineligible_reason`
    marks the letter not eligible (anonymous, already settled...). A denunciation is forwarded
    once only (the Inspectorate's letter procedure, TT 05/2021/TT-TTCP, as brief-2 §1.2 reads
    it; the article not re-read here): neither this letter nor another letter of its case is
    forwarded again, nor is a forwarded one processed anew; the office urges the body instead
    (case_follow_up)."""
    if handling not in Handling.values:
        raise ValidationError({"handling": _("Chọn hướng xử lý đơn.")})
    case = letter.case
    _refuse_closed(case)
    if handling == Handling.FORWARDED and forwarded_to is None:
        raise ValidationError({"forwarded_to": _("Chọn cơ quan có thẩm quyền nhận đơn.")})
    if letter.is_denunciation or case.is_denunciation:
        # Read from the database: what was forwarded, not what the caller's object says.
        earlier = (
            Letter.objects.filter(case_id=case.pk, forwarded_date__isnull=False)
            .select_related("forwarded_to")
            .order_by("forwarded_date", "pk")
            .first()
        )
        # Its own forwarding is not undone either: a forwarded letter filed, then forwarded
        # again, would be a second forwarding.
        if earlier is not None and (handling == Handling.FORWARDED or earlier.pk == letter.pk):
            raise ValidationError(
                _(
                    "Đơn tố cáo của vụ việc này đã được chuyển đến %(org)s ngày %(day)s. Đơn "
                    "tố cáo chỉ chuyển một lần: hãy lưu đơn mới hoặc đôn đốc cơ quan đã nhận."
                )
                % {
                    "org": earlier.forwarded_to or _("cơ quan có thẩm quyền"),
                    "day": earlier.forwarded_date.strftime("%d/%m/%Y"),
                }
            )
    if handling == Handling.FORWARDED:
        letter.forwarded_to = forwarded_to
        letter.forwarded_date = date
    else:
        letter.forwarded_to = None
        letter.forwarded_date = None
    letter.handling = handling
    letter.processed_date = date
    letter.eligible = not ineligible_reason
    letter.ineligible_reason = ineligible_reason
    letter.processing_note = note.strip()
    letter.full_clean()
    letter.answer_due = letter_answer_due_for(letter=letter) if letter.forwarded_date else None
    letter.save(
        update_fields=[
            "handling",
            "processed_date",
            "forwarded_to",
            "forwarded_date",
            "answer_due",
            "eligible",
            "ineligible_reason",
            "processing_note",
            "updated_at",
        ]
    )
    return letter


def _signer_defaults(council_id: int) -> tuple[str, str]:
    """Who signed the council's last document: the next one is usually signed by the same."""
    last = (
        CaseDocument.objects.filter(council_id=council_id)
        .order_by("-date", "-pk")
        .values_list("signer_name", "signer_title")
        .first()
    )
    return last or ("", "")


def _register_recipients(document: CaseDocument) -> str:
    """The register's "Nơi nhận" of a case's document: the body it goes to; a guidance letter
    goes to the citizen (its recipient is the body the citizen is guided to), whom the
    register (read more widely than a case, and not anonymised with it) never names."""
    guidance = document.kind == CaseDocument.Kind.GUIDANCE
    to = _("Người gửi đơn") if guidance or document.recipient is None else document.recipient.name
    return f"{to};\n{_('Lưu: VT, hồ sơ vụ việc.')}"


@transaction.atomic
def case_document_issue(
    *,
    case: Case,
    kind: str,
    letter: Letter | None = None,
    date: dt.date,
    recipient: Organization | None = None,
    subject: str = "",
    body: str = "",
    signer_name: str = "",
    signer_title: str = "",
    user: Any,
) -> CaseDocument:
    """An outgoing document of the case, numbered next in its series (PC for a forwarding slip,
    CV for the other letters) of the council's outgoing register, in this same transaction
    (documents.services.document_number_issue locks the series' row): saved and numbered, or
    neither. A number is never given twice and no page deletes a document, so none is given
    again; cancelling one is the register's act. A blank subject or body is drafted from the
    case (selectors.case_document_draft), which never names a denunciator."""
    if kind not in CaseDocument.Kind.values:
        raise ValidationError({"kind": _("Chọn loại văn bản.")})
    if letter is not None and letter.case_id != case.pk:
        raise ValidationError({"letter": _("Đơn đã chọn không thuộc vụ việc này.")})
    if recipient is None and letter is not None and kind != CaseDocument.Kind.GUIDANCE:
        recipient = letter.forwarded_to
    if recipient is None and kind != CaseDocument.Kind.GUIDANCE:
        raise ValidationError({"recipient": _("Chọn cơ quan nhận văn bản.")})
    draft = selectors.case_document_draft(case=case, kind=kind, letter=letter, recipient=recipient)
    if not (signer_name.strip() or signer_title.strip()):
        signer_name, signer_title = _signer_defaults(case.council_id)
    document = CaseDocument(
        council_id=case.council_id,
        case=case,
        letter=letter,
        kind=kind,
        date=date,
        recipient=recipient,
        subject=subject.strip() or draft.subject,
        body=body.strip() or draft.body,
        signer_name=signer_name.strip(),
        signer_title=signer_title.strip(),
    )
    if _user_or_none(user):
        document.created_by = user
    document.full_clean()
    document.save()
    document.register_entry = document_number_issue(
        council=case.council,
        series_code=document.series,
        date=date,
        subject=document.subject,
        signer_name=document.signer_name,
        signer_title=document.signer_title,
        recipients=_register_recipients(document),
        kind_label=document.get_kind_display(),
        source=document,
        user=_user_or_none(user),
    )
    document.save(update_fields=["register_entry"])
    return document


@transaction.atomic
def case_follow_up(
    *,
    case: Case,
    date: dt.date,
    organization: Organization,
    method: str,
    note: str = "",
    issue_document: bool = False,
    user: Any,
) -> CaseFollowUp:
    """An urging (đôn đốc) of the body that owes the answer; with `issue_document`, the urging
    letter (Văn bản đôn đốc) is numbered and drafted at once."""
    _refuse_closed(case)
    follow_up = CaseFollowUp(
        case=case, date=date, organization=organization, method=method, note=note.strip()
    )
    if _user_or_none(user):
        follow_up.created_by = user
    follow_up.full_clean()
    follow_up.save()
    if issue_document:
        letter = case.letters.filter(forwarded_to=organization).order_by("-forwarded_date").first()
        case_document_issue(
            case=case,
            kind=CaseDocument.Kind.FOLLOW_UP,
            letter=letter,
            date=date,
            recipient=organization,
            user=user,
        )
    return follow_up


def _case_move(*, case: Case, to_status: str, **fields: Any) -> Case:
    """The status change, conditional on the status read (a concurrent change is refused)."""
    updated = Case.objects.filter(pk=case.pk, status=case.status).update(status=to_status, **fields)
    if not updated:
        raise ValidationError(
            _("Trạng thái của vụ việc vừa được người khác thay đổi. Hãy tải lại trang.")
        )
    case.status = to_status
    for name, value in fields.items():
        setattr(case, name, value)
    return case


def _first_received(case: Case) -> dt.date | None:
    return case.letters.order_by("received_date").values_list("received_date", flat=True).first()


@transaction.atomic
def case_record_answer(*, case: Case, date: dt.date, summary: str, user: Any) -> Case:
    """The competent body's answer (its result) received: the case leaves the overdue queue."""
    _refuse_closed(case)
    if not summary.strip():
        raise ValidationError({"summary": _("Ghi tóm tắt kết quả giải quyết.")})
    first = _first_received(case)
    if first is not None and date < first:
        raise ValidationError(
            {"date": _("Ngày có kết quả không được trước ngày nhận đơn đầu tiên (%(d)s).")
             % {"d": first.strftime("%d/%m/%Y")}}
        )  # fmt: skip
    return _case_move(
        case=case, to_status=Status.ANSWERED, answered_date=date, answer_summary=summary.strip()
    )


@transaction.atomic
def case_close(*, case: Case, date: dt.date, result: str, user: Any) -> Case:
    """The office stops following the case: answered and settled, or filed (with the reason)."""
    _refuse_closed(case)
    first = _first_received(case)
    if first is not None and date < first:
        raise ValidationError(
            {"date": _("Ngày kết thúc không được trước ngày nhận đơn đầu tiên (%(d)s).")
             % {"d": first.strftime("%d/%m/%Y")}}
        )  # fmt: skip
    return _case_move(
        case=case, to_status=Status.CLOSED, closed_date=date, closing_note=result.strip()
    )


@transaction.atomic
def case_reopen(*, case: Case, user: Any) -> Case:
    """Back to open: a new letter, or an answer that settled nothing. The answer recorded is
    kept (it happened); the case waits for another."""
    if case.status == Status.OPEN:
        raise ValidationError(_("Vụ việc đang được xử lý, theo dõi."))
    return _case_move(case=case, to_status=Status.OPEN, closed_date=None)


@transaction.atomic
def case_update(*, case: Case, user: Any) -> Case:
    """The case's classification (title, kind, field, locality, competence, group, handler,
    complexity, extensions). The locality must be a unit valid on the day the first letter was
    received (units merge and change names: NQ 1672/NQ-UBTVQH15 in 2025). Extensions exist only
    for a denunciation (Luật Tố cáo 2018 Điều 30(1): once, twice for a very complex one); a
    change of complexity or extensions recomputes the answer deadline of its forwarded
    letters."""
    first = _first_received(case)
    errors: dict[str, str] = {}
    if case.locality_id and first is not None and not case.locality.is_valid_on(first):
        errors["locality"] = _(
            "Đơn vị hành chính này không có hiệu lực vào ngày nhận đơn đầu tiên (%(d)s)."
        ) % {"d": first.strftime("%d/%m/%Y")}
    if case.extensions and case.kind != Letter.Kind.DENUNCIATION:
        errors["extensions"] = _("Chỉ thời hạn giải quyết tố cáo mới được gia hạn.")
    if errors:
        raise ValidationError(errors)
    case.search_text = fold(case.title)
    case.full_clean()
    before = Case.objects.filter(pk=case.pk).values("complex", "extensions", "kind").first()
    case.save()
    if before and (before["complex"], before["extensions"], before["kind"]) != (
        case.complex,
        case.extensions,
        case.kind,
    ):
        for letter in case.letters.filter(forwarded_date__isnull=False):
            letter.case = case
            letter.answer_due = letter_answer_due_for(letter=letter)
            letter.save(update_fields=["answer_due", "updated_at"])
    return case


@transaction.atomic
def letter_attach(*, letter: Letter, case: Case, user: Any) -> Letter:
    """Move a letter to another case of its council (found later to be the same matter). The
    case it leaves, when left without letters, is deleted: a case is a matter of letters, and
    an empty one would be counted in the figures as a matter received. That is refused when
    the case has follow-ups or documents of its own, and a letter with documents does not move
    (its documents belong to its case)."""
    if case.council_id != _letter_council_id(letter):
        raise ValidationError({"case": _("Vụ việc đã chọn thuộc HĐND khác.")})
    if letter.case_id == case.pk:
        raise ValidationError({"case": _("Đơn đã thuộc vụ việc này.")})
    _refuse_closed(case)
    if letter.documents.exists():
        raise ValidationError(
            _("Đơn đã có văn bản xử lý (phiếu chuyển, hướng dẫn...) nên không chuyển vụ việc được.")
        )
    old = letter.case
    alone = old is not None and not old.letters.exclude(pk=letter.pk).exists()
    if alone and (old.follow_ups.exists() or old.documents.exists()):
        raise ValidationError(
            _(
                "Đơn là đơn duy nhất của vụ việc số %(n)s, vụ việc đã có đôn đốc hoặc văn bản: "
                "không chuyển được."
            )
            % {"n": old.number}
        )
    letter.case = case
    letter.save(update_fields=["case", "updated_at"])
    if alone:
        old.delete()
    return letter
