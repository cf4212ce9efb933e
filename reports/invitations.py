"""Invitations (giấy mời) to a session: the writes (a new invitation with its defaults, saving
one, numbered in the council's outgoing register when first saved, a request to render its PDF
and the rendering itself, run by the worker through core.jobs) and the reads (the number the
next one will take, a session's invitations, who an invitation is addressed to, its renders).

An invitation's number is the register's (documents, series GM): one register for every
document the council sends, so a number typed by hand under "Cấp số" and an invitation's can
never be the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs
from council.models import Council, Delegate
from documents.models import DocumentSeries
from documents.selectors import document_next_number
from documents.services import document_number_issue, document_update
from documents.templating import fill
from reports.models import Invitation, InvitationRequest
from reports.routine.issue import common_values, routine_template_texts
from sessions.models import Session

# What the session's opening time is when nobody has said otherwise: councils open at half
# past seven in the morning.
DEFAULT_MEETING_TIME = dt.time(7, 30)
# Each render takes up to a minute of a worker for a whole term's delegates and keeps its PDF:
# enough presses for corrections, too few to fill the queue or the disk.
PDF_REQUESTS_PER_USER = 5
PDF_REQUEST_WINDOW = dt.timedelta(minutes=10)
# What the register calls the document (its "Tên loại văn bản").
KIND_LABEL = "Giấy mời"


def _texts(council: Council) -> Any:
    """The council's invitation texts (reports.routine.invitation): its series and the default
    recipients, and the sentences reports.invitation_document prints."""
    from reports.routine.invitation import INVITATION

    return routine_template_texts(routine=INVITATION, council=council)


def invitation_next_reference(*, council: Council, year: int) -> str:
    """The number and symbol the council's next invitation of `year` would take in the register
    ("05/GM-HĐND"), for the form to say; "" when the council has no active series GM. Only a
    forecast: the number is given under the series' lock when the invitation is saved, and a
    document numbered meanwhile takes this one."""
    series = DocumentSeries.objects.filter(
        council=council, code=_texts(council).series_code, is_active=True
    ).first()
    if series is None:
        return ""
    return f"{document_next_number(series=series, year=year):02d}/{series.symbol}"


def invitation_list(*, session: Session) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(session=session)
        .select_related("register_entry")
        .order_by("-date", "-register_entry__number", "-pk")
    )


def invitation_new(*, session: Session, today: dt.date | None = None) -> Invitation:
    """An unsaved invitation to `session` (numbered when saved), with the meeting's day and place
    from the session and the signer of the council's last invitation."""
    council = session.term.council
    day = today or timezone.localdate()
    last = Invitation.objects.filter(council=council).order_by("-date", "-pk").first()
    invitation = Invitation(
        council=council,
        session=session,
        date=day,
        meeting_date=session.start_date,
        meeting_time=DEFAULT_MEETING_TIME,
        meeting_place=session.venue,
        recipients=fill(_texts(council).recipients, common_values(council)),
    )
    if last is not None:
        invitation.signing_authority = last.signing_authority
        invitation.signer_title = last.signer_title
        invitation.signer_name = last.signer_name
    return invitation


def _register_details(invitation: Invitation, delegates: int) -> dict[str, str]:
    """What the register says of the invitation: its subject, signer and who receives it (the
    guests, the delegates as a number: the register lists places, the PDF names each
    delegate)."""
    session = invitation.session
    invited = [*invitation.guest_lines]
    if delegates:
        invited.append(
            _("Đại biểu HĐND khóa %(term)s (%(count)s người)")
            % {"term": session.term.roman, "count": delegates}
        )
    kept = [line for line in invitation.recipient_lines if line.rstrip(";.") != "Như trên"]
    return {
        "subject": _("Mời dự %(session)s") % {"session": session},
        "signer_name": invitation.signer_name,
        "signer_title": f"{invitation.signing_authority} / {invitation.signer_title}",
        "recipients": "\n".join([*invited, *kept]),
    }


def _register_sync(invitation: Invitation, user: Any) -> None:
    """Give a new invitation its number, or carry an edit of its subject, signer or addressees
    to its register entry (number, series and date never change there)."""
    details = _register_details(invitation, invitation_delegates(invitation=invitation).count())
    if invitation.register_entry_id is None:
        if invitation.printed_reference:
            return  # numbered before the register, left out of it by migration 0009
        entry = document_number_issue(
            council=invitation.council,
            series_code=_texts(invitation.council).series_code,
            date=invitation.date,
            kind_label=KIND_LABEL,
            source=invitation,
            user=user,
            **details,
        )
        invitation.register_entry = entry
        invitation.save(update_fields=["register_entry"])
        return
    entry = invitation.register_entry
    current = {name: getattr(entry, name) for name in details}
    wanted = {name: value.strip() for name, value in details.items()}
    if current != wanted and not entry.is_cancelled:
        invitation.register_entry = document_update(
            document=entry, kind_label=entry.kind_label, user=user, **wanted
        )


@transaction.atomic
def invitation_save(
    *,
    invitation: Invitation,
    delegates: list[Delegate] | QuerySet[Delegate] | None = None,
    user: Any = None,
) -> Invitation:
    """Create or update an invitation; `delegates` (when given) are the chosen addressees
    among the term's delegates, used when the invitation is not sent to all of them.

    A new invitation takes the next number of the council's series GM in the register
    (documents.services.document_number_issue, which locks the series' row) in this same
    transaction: saved and numbered, or neither. Its date is the register entry's and is
    fixed from then on; an invitation whose number the register cancelled is not edited (a
    new one is made, with a new number)."""
    invitation.council = invitation.session.term.council
    adding = invitation._state.adding
    if adding and user is not None and user.is_authenticated:
        invitation.created_by = user
    if not adding:
        before = (
            Invitation.objects.select_related("register_entry")
            .only("date", "printed_reference", "register_entry")
            .get(pk=invitation.pk)
        )
        if before.is_cancelled:
            raise ValidationError(
                _(
                    "Giấy mời số %(ref)s đã bị huỷ số trong sổ văn bản đi, không sửa được. "
                    "Hãy lập giấy mời mới."
                )
                % {"ref": before.reference}
            )
        if invitation.date != before.date and (before.is_registered or before.printed_reference):
            raise ValidationError(
                {
                    "date": _(
                        "Giấy mời số %(ref)s đã cấp số ngày %(day)s: ngày của văn bản đã cấp "
                        "số không đổi được."
                    )
                    % {"ref": before.reference, "day": before.date.strftime("%d/%m/%Y")}
                }
            )
    if delegates is not None:
        foreign = [d for d in delegates if d.term_id != invitation.session.term_id]
        if foreign:
            raise ValidationError(
                {"delegates": _("Chỉ mời được đại biểu của nhiệm kỳ có kỳ họp này.")}
            )
    invitation.full_clean()
    invitation.save()
    if delegates is not None:
        invitation.delegates.set(delegates)
    _register_sync(invitation, user)
    return invitation


def invitation_delegates(*, invitation: Invitation) -> QuerySet[Delegate]:
    """The delegates an invitation is addressed to: the term's serving delegates, or those
    chosen (still serving), by name."""
    if invitation.all_delegates:
        qs = Delegate.objects.filter(term_id=invitation.session.term_id)
    else:
        qs = invitation.delegates.all()
    return qs.filter(status=Delegate.Status.ACTIVE).order_by("full_name", "pk")


def invitation_addressees(*, invitation: Invitation) -> list[str]:
    """The line after "Kính gửi:" of each page: the guests first (in the order typed), then
    each delegate."""
    names = invitation_delegates(invitation=invitation).values_list("full_name", flat=True)
    return [*invitation.guest_lines, *(f"Đại biểu {name}" for name in names)]


# --- the PDF, rendered by the worker -------------------------------------------------------------


def invitation_request_list(*, invitation: Invitation) -> QuerySet[InvitationRequest]:
    """The invitation's renders, newest first."""
    return InvitationRequest.objects.filter(invitation=invitation).select_related("requested_by")


@transaction.atomic
def invitation_pdf_request(
    *, invitation: Invitation, user: Any, enqueue: bool = True
) -> InvitationRequest:
    """Record a request to render the invitation's PDF and, once committed, queue it (without a
    broker it is rendered in-process, at once). The caller re-reads the row to say what
    happened. One request too many in the window raises ValidationError."""
    from reports.tasks import render_invitation

    if getattr(user, "is_authenticated", False):
        since = timezone.now() - PDF_REQUEST_WINDOW
        recent = InvitationRequest.objects.filter(
            requested_by=user, requested_at__gte=since
        ).count()
        if recent >= PDF_REQUESTS_PER_USER:
            raise ValidationError(
                _(
                    "Anh/chị đã yêu cầu tạo %(count)s tệp giấy mời trong %(minutes)s phút qua. "
                    "Vui lòng chờ ít phút rồi thử lại."
                )
                % {"count": recent, "minutes": int(PDF_REQUEST_WINDOW.total_seconds() // 60)}
            )
    request = InvitationRequest(
        invitation=invitation,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    request.full_clean()
    request.save()
    if enqueue:
        jobs.job_enqueue_on_commit(job=request, task=render_invitation)
    return request


def invitation_pdf_render(*, request_id: int, task_id: str = "") -> bool:
    """Render the PDF of one request if nobody has yet (core.jobs.job_run). Returns True when
    this call rendered."""

    def render(request: InvitationRequest) -> dict[str, Any]:
        from reports.invitation_document import invitation_pdf

        invitation = request.invitation
        addressees = invitation_addressees(invitation=invitation)
        # From the same description as its .docx (reports.invitation_document).
        data = invitation_pdf(invitation=invitation, addressees=addressees)
        request.file.save("giay-moi.pdf", ContentFile(data), save=False)
        return {"file": request.file.name, "addressee_count": len(addressees)}

    return jobs.job_run(
        model=InvitationRequest,
        job_id=request_id,
        task_id=task_id,
        work=render,
        failure=lambda exc: (
            f"Lỗi khi tạo tệp PDF ({type(exc).__name__}: {exc})"[:3900]
            + ". Hãy thử lại hoặc báo quản trị hệ thống."
        ),
        queryset=InvitationRequest.objects.select_related(
            "invitation__council", "invitation__session__term", "invitation__register_entry"
        ),
    )


def invitation_requests_requeue_stale(*, now: dt.datetime | None = None) -> jobs.RequeueResult:
    """Send again the invitation renders the queue lost (core.jobs.jobs_requeue_stale)."""
    from reports.tasks import render_invitation

    return jobs.jobs_requeue_stale(
        model=InvitationRequest,
        task=render_invitation,
        given_up_error=lambda request: (
            f"Đã gửi {request.attempts} lần mà không tạo được giấy mời; ngừng thử lại."
            + (f" Lỗi hàng đợi: {request.queue_error}" if request.queue_error else "")
        ),
        now=now,
    )
