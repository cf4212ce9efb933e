"""Invitations (giấy mời) to a session: the writes (a new invitation with its defaults, saving
one under a free number of its year, a request to render its PDF and the rendering itself, run
by the worker through core.jobs) and the reads (the next free number, a session's invitations,
who an invitation is addressed to, its renders)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs
from council.models import Council, Delegate
from reports.models import INVITATION_SYMBOL, Invitation, InvitationRequest
from sessions.models import Session

# What the session's opening time is when nobody has said otherwise: councils open at half
# past seven in the morning.
DEFAULT_MEETING_TIME = dt.time(7, 30)
# Every addressee is named under "Kính gửi"; the file keeps one copy.
DEFAULT_RECIPIENTS = "Như trên;\nLưu: VT."
# Each render takes up to a minute of a worker for a whole term's delegates and keeps its PDF:
# enough presses for corrections, too few to fill the queue or the disk.
PDF_REQUESTS_PER_USER = 5
PDF_REQUEST_WINDOW = dt.timedelta(minutes=10)


def invitation_next_number(*, council: Council, year: int) -> int:
    """The next number of the council's invitations of `year`: one after the highest given."""
    highest = Invitation.objects.filter(council=council, year=year).aggregate(n=Max("number"))
    return (highest["n"] or 0) + 1


def invitation_list(*, session: Session) -> QuerySet[Invitation]:
    return Invitation.objects.filter(session=session).order_by("-date", "-number")


def invitation_new(*, session: Session, today: dt.date | None = None) -> Invitation:
    """An unsaved invitation to `session` with the next free number of the year, the meeting's
    day and place from the session, and the signer of the council's last invitation."""
    council = session.term.council
    day = today or timezone.localdate()
    last = Invitation.objects.filter(council=council).order_by("-date", "-pk").first()
    invitation = Invitation(
        council=council,
        session=session,
        number=invitation_next_number(council=council, year=day.year),
        year=day.year,
        date=day,
        meeting_date=session.start_date,
        meeting_time=DEFAULT_MEETING_TIME,
        meeting_place=session.venue,
        recipients=DEFAULT_RECIPIENTS,
    )
    if last is not None:
        invitation.signing_authority = last.signing_authority
        invitation.signer_title = last.signer_title
        invitation.signer_name = last.signer_name
    return invitation


def _number_taken(invitation: Invitation) -> ValidationError:
    free = invitation_next_number(council=invitation.council, year=invitation.year)
    return ValidationError(
        {
            "number": _(
                "Số %(symbol)s năm %(year)s đã cấp cho giấy mời khác. Số còn trống tiếp theo "
                "là %(free)s."
            )
            % {
                "symbol": f"{invitation.number}/{INVITATION_SYMBOL}",
                "year": invitation.year,
                "free": free,
            }
        }
    )


@transaction.atomic
def invitation_save(
    *,
    invitation: Invitation,
    delegates: list[Delegate] | QuerySet[Delegate] | None = None,
    user: Any = None,
) -> Invitation:
    """Create or update an invitation; `delegates` (when given) are the chosen addressees
    among the term's delegates, used when the invitation is not sent to all of them."""
    invitation.council = invitation.session.term.council
    invitation.year = invitation.date.year
    if invitation._state.adding and user is not None and user.is_authenticated:
        invitation.created_by = user
    taken = Invitation.objects.filter(
        council=invitation.council, year=invitation.year, number=invitation.number
    ).exclude(pk=invitation.pk)
    if taken.exists():
        raise _number_taken(invitation)
    if delegates is not None:
        foreign = [d for d in delegates if d.term_id != invitation.session.term_id]
        if foreign:
            raise ValidationError(
                {"delegates": _("Chỉ mời được đại biểu của nhiệm kỳ có kỳ họp này.")}
            )
    invitation.full_clean()
    try:
        # A savepoint: two clerks saving the same number at once both pass the check above;
        # the constraint refuses the second, which gets the same message.
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise _number_taken(invitation) from None
    if delegates is not None:
        invitation.delegates.set(delegates)
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
        from reports import pdf

        invitation = request.invitation
        addressees = invitation_addressees(invitation=invitation)
        data = pdf.invitation_pdf(invitation=invitation, addressees=addressees)
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
            "invitation__council", "invitation__session__term"
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
