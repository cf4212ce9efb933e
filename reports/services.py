"""Writes of the reports app: the narrative of each report (a period's activity report, a
session's petitions report), requests to render one, the rendering itself (run by a Celery
worker, or in-process without a broker) and the sweeper that re-enqueues requests the queue
never delivered. Both kinds of report go through the same request, task and render."""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as KombuOperationalError

from core.periods import Period, PeriodKind
from council.models import Council, Term
from reports.models import AnnualReport, ReportRequest
from sessions.models import Session
from voters.models import DISTRICT_LEVEL_END

logger = logging.getLogger(__name__)

# A request sent to the queue but not started after this long is sent again (duplicates are
# harmless: rendering claims the row first). A render running longer than the task's hard time
# limit has died with its worker.
PENDING_RESEND_AFTER = dt.timedelta(minutes=10)
RUNNING_STALE_AFTER = dt.timedelta(minutes=15)
MAX_ATTEMPTS = 5
# Each request renders a PDF (about a second of a worker) and keeps it: a user may ask this
# many times in this window, enough for corrections, too few to fill the disk or the queue.
REQUESTS_PER_USER = 5
REQUEST_WINDOW = dt.timedelta(minutes=10)

DEFAULT_RECIPIENTS = """Thường trực {party} (b/c);
Đoàn ĐBQH {word};
UBND {word};
Ban Thường trực UBMTTQ Việt Nam {word};
Các vị đại biểu HĐND {word};
Các sở, ban, ngành, đoàn thể {word};
{lower_level}
Lưu: VT."""
# A commune's council reports up to its province's Thường trực and has no level below it.
COMMUNE_RECIPIENTS = """Thường trực {party} (b/c);
Thường trực HĐND {parent_word};
UBND {word};
Ủy ban MTTQ Việt Nam {word};
Các vị đại biểu HĐND {word};
Lưu: VT."""
# The Party committee of a level: Tỉnh ủy, Thành ủy (a centrally-run city), Đảng ủy xã / phường.
PARTY_COMMITTEES = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy"}
# The level below the province: districts until 30/06/2025; from 01/07/2025 (two-level local
# government, Luật 72/2025/QH15) communes and wards alone.
LOWER_LEVEL_BEFORE_2025 = "Thường trực HĐND, UBND các huyện, thành phố;"
LOWER_LEVEL_FROM_2025 = "Thường trực HĐND, UBND cấp xã;"


def default_recipients(*, day: dt.date, council: Council | None = None) -> str:
    """The usual "Nơi nhận" of a report of `council` (a province's when not given) dated `day`,
    one a line: in the words of its level, with the lower level of local government that
    existed on that day."""
    word = council.level_word if council is not None else "tỉnh"
    words = {"party": PARTY_COMMITTEES.get(word, f"Đảng ủy {word}"), "word": word}
    if council is not None and council.level == Council.Level.COMMUNE:
        parent_word = council.parent.level_word if council.parent_id else "tỉnh"
        return COMMUNE_RECIPIENTS.format(parent_word=parent_word, **words)
    lower = LOWER_LEVEL_FROM_2025 if day > DISTRICT_LEVEL_END else LOWER_LEVEL_BEFORE_2025
    return DEFAULT_RECIPIENTS.format(lower_level=lower, **words)


@transaction.atomic
def annual_report_save(*, report: AnnualReport, user: Any = None) -> AnnualReport:
    """Create or update the narrative of one report. A whole year's report may be given by its
    year alone (AnnualReport(council=..., year=2019)): its days are derived here."""
    if report.kind == AnnualReport.Kind.YEAR and report.year and report.start_date is None:
        period = Period.year(report.year)
        report.start_date, report.end_date = period.start, period.end
    adding = report._state.adding
    if adding and user is not None and user.is_authenticated:
        report.created_by = user
    report.full_clean()
    report.save()
    return report


def period_report_new(*, council: Council, period: Period) -> AnnualReport:
    """An unsaved report of `period` with the default recipients of the day it will bear."""
    report = AnnualReport(
        council=council,
        kind=period.kind,
        year=period.year_number,
        start_date=period.start,
        end_date=period.end,
    )
    report.recipients = default_recipients(day=report.dated(), council=council)
    return report


def period_report_get_or_create(
    *, council: Council, period: Period, user: Any = None
) -> AnnualReport:
    """The council's report of `period`: one per range of days, whatever kind first named it.

    A running term's period ends today, so its end moves every day: a term's report is found
    by the term's first day and follows the term to its new end."""
    reports = AnnualReport.objects.filter(council=council)
    report = reports.filter(start_date=period.start, end_date=period.end).first()
    if report is None and period.kind == PeriodKind.TERM:
        report = reports.filter(kind=PeriodKind.TERM, start_date=period.start).first()
        if report is not None:
            report.end_date = period.end
            return annual_report_save(report=report)
    if report is not None:
        return report
    return annual_report_save(report=period_report_new(council=council, period=period), user=user)


def annual_report_get_or_create(*, council: Council, year: int, user: Any = None) -> AnnualReport:
    return period_report_get_or_create(council=council, period=Period.year(year), user=user)


def session_report_get_or_create(*, session: Session, user: Any = None) -> AnnualReport:
    """The report on the voters' petitions sent to `session` (one per session)."""
    report = AnnualReport.objects.filter(session=session).first()
    if report is not None:
        return report
    return annual_report_save(
        report=AnnualReport(
            council=session.term.council,
            kind=AnnualReport.Kind.SESSION_PETITIONS,
            session=session,
            recipients=default_recipients(day=session.end_date, council=session.term.council),
        ),
        user=user,
    )


def _enqueue(request_id: int) -> bool:
    """Send the render task to the broker. With the broker down the row stays pending, with
    the reason, and the sweeper sends it again later: the request is never lost."""
    from reports.tasks import render_annual_report

    now = timezone.now()
    ReportRequest.objects.filter(pk=request_id).update(last_enqueued_at=now)
    try:
        render_annual_report.apply_async(
            args=[request_id],
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.5},
        )
    except (KombuOperationalError, OSError) as exc:
        logger.warning("Report request %s not enqueued, broker unreachable: %s", request_id, exc)
        ReportRequest.objects.filter(pk=request_id).update(
            # Shown to users: Vietnamese, with the technical class for the administrator; the
            # full text is in the log above.
            queue_error=f"Không kết nối được hàng đợi xử lý nền ({type(exc).__name__})."
        )
        return False
    ReportRequest.objects.filter(pk=request_id, queue_error__gt="").update(queue_error="")
    return True


def _enqueue_on_commit(request: ReportRequest) -> None:
    # Counted before sending: an eager run renders inside apply_async itself.
    ReportRequest.objects.filter(pk=request.pk).update(attempts=request.attempts + 1)
    transaction.on_commit(partial(_enqueue, request.pk))


def _term_spans(council: Council) -> list[tuple[dt.date, dt.date]]:
    """The stretches of time the council's terms cover, in whole years (a term of June 2016 to
    May 2021 covers 2016 to 2021, so each of those years may be reported on; a term still
    running covers up to the end of this year), adjoining terms merged."""
    this_year = timezone.localdate().year
    spans: list[tuple[dt.date, dt.date]] = []
    for term in Term.objects.filter(council=council).order_by("start_date"):
        start = dt.date(term.start_date.year, 1, 1)
        end = dt.date(term.end_date.year if term.end_date else this_year, 12, 31)
        if spans and start <= spans[-1][1] + dt.timedelta(days=1):
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def report_period_check(*, council: Council, period: Period) -> None:
    """A report covers a period inside the council's terms (counted in whole years, see
    _term_spans); any other period is refused with a ValidationError that says which years are
    allowed."""
    spans = _term_spans(council)
    if any(start <= period.start and period.end <= end for start, end in spans):
        return
    if not spans:
        raise ValidationError(
            _("Chưa khai báo nhiệm kỳ nào của %(council)s: chưa thể lập báo cáo.")
            % {"council": council}
        )
    first, last = spans[0][0].year, spans[-1][1].year
    if period.kind == PeriodKind.YEAR:
        raise ValidationError(
            _("Năm %(year)s không thuộc nhiệm kỳ nào của %(council)s (từ %(first)s đến %(last)s).")
            % {"year": period.start.year, "council": council, "first": first, "last": last}
        )
    raise ValidationError(
        _(
            "Kỳ báo cáo %(period)s không nằm trong các nhiệm kỳ của %(council)s "
            "(từ năm %(first)s đến năm %(last)s)."
        )
        % {"period": period.label, "council": council, "first": first, "last": last}
    )


def report_year_check(*, council: Council, year: int) -> None:
    """A report covers a year of one of the council's terms (an open term: up to this year);
    any other year is refused with a ValidationError that says which years are allowed."""
    report_period_check(council=council, period=Period.year(year))


def _throttle_check(user: Any) -> None:
    """At most REQUESTS_PER_USER requests by one user in REQUEST_WINDOW (counted in the
    database, which every worker shares and nothing evicts). The command line is not counted."""
    if not getattr(user, "is_authenticated", False):
        return
    since = timezone.now() - REQUEST_WINDOW
    recent = ReportRequest.objects.filter(requested_by=user, requested_at__gte=since).count()
    if recent >= REQUESTS_PER_USER:
        raise ValidationError(
            _(
                "Anh/chị đã yêu cầu tạo %(count)s báo cáo trong %(minutes)s phút qua. "
                "Vui lòng chờ ít phút rồi thử lại."
            )
            % {"count": recent, "minutes": int(REQUEST_WINDOW.total_seconds() // 60)}
        )


def _request(*, report: AnnualReport, user: Any, enqueue: bool) -> ReportRequest:
    request = ReportRequest(
        annual_report=report,
        requested_by=user if getattr(user, "is_authenticated", False) else None,
    )
    request.full_clean()
    request.save()
    if enqueue:
        _enqueue_on_commit(request)
    return request


@transaction.atomic
def period_report_request(
    *, council: Council, period: Period, user: Any, enqueue: bool = True
) -> ReportRequest:
    """Record a request to render the report of `period` and, once committed, queue it.

    The caller re-reads the row to tell the user what happened: done (no broker: rendered
    in-process), pending (queued, or waiting for the broker: see queue_error) or failed.
    A period outside the council's terms, or one request too many, raises ValidationError."""
    report_period_check(council=council, period=period)
    _throttle_check(user)
    report = period_report_get_or_create(council=council, period=period, user=user)
    return _request(report=report, user=user, enqueue=enqueue)


def annual_report_request(
    *,
    council: Council,
    year: int | None = None,
    period: Period | None = None,
    user: Any,
    enqueue: bool = True,
) -> ReportRequest:
    """period_report_request of `period`, or of the whole `year`."""
    if period is None:
        if year is None:
            raise ValueError("Give exactly one of year or period.")
        period = Period.year(year)
    elif year is not None:
        raise ValueError("Give exactly one of year or period.")
    return period_report_request(council=council, period=period, user=user, enqueue=enqueue)


@transaction.atomic
def session_report_request(*, session: Session, user: Any, enqueue: bool = True) -> ReportRequest:
    """Record (and queue) a request to render the petitions report of `session`."""
    _throttle_check(user)
    report = session_report_get_or_create(session=session, user=user)
    return _request(report=report, user=user, enqueue=enqueue)


def report_request(*, report: AnnualReport, user: Any, enqueue: bool = True) -> ReportRequest:
    """A request to render an existing report, whichever its kind."""
    if report.is_session_report:
        return session_report_request(session=report.session, user=user, enqueue=enqueue)
    period = report.period
    assert period is not None, "a period's report has its days"
    if period.kind == PeriodKind.TERM:
        term = Term.objects.filter(council=report.council, start_date=period.start).first()
        if term is not None:
            # A running term's report runs to the day it is made again.
            period = Period.of_term(term, today=timezone.localdate())
    return period_report_request(council=report.council, period=period, user=user, enqueue=enqueue)


def _claim(request_id: int, task_id: str = "") -> bool:
    """pending -> running as one conditional UPDATE: of two deliveries of the same request (a
    duplicate from the sweeper, a user's second click) exactly one renders. A redelivery of the
    very task that claimed the row means its worker died mid-render: it takes the row over."""
    claimable = Q(status=ReportRequest.Status.PENDING)
    if task_id:
        claimable |= Q(status=ReportRequest.Status.RUNNING, claimed_by=task_id)
    return bool(
        ReportRequest.objects.filter(claimable, pk=request_id).update(
            status=ReportRequest.Status.RUNNING,
            started_at=timezone.now(),
            error="",
            claimed_by=task_id,
        )
    )


def annual_report_render(*, request_id: int, task_id: str = "") -> bool:
    """Render the PDF of one request if nobody has yet. Returns True when this call rendered.

    Not atomic as a whole on purpose: the claim must be visible to other workers at once, and a
    failure must leave the row marked failed with its reason rather than roll back to pending."""
    if not _claim(request_id, task_id):
        logger.info("Report request %s already claimed; nothing to do.", request_id)
        return False
    request = ReportRequest.objects.select_related(
        "annual_report__council", "annual_report__session__term__council"
    ).get(pk=request_id)
    started = time.monotonic()
    try:
        from reports import pdf as renderers

        report = request.annual_report
        render = (
            renderers.session_report_pdf
            if report.is_session_report
            else renderers.annual_report_pdf
        )
        pdf, figures = render(report=report)
        request.file.save("bao-cao.pdf", ContentFile(pdf), save=False)
    except Exception as exc:
        # The boundary of a background job: whatever went wrong is written on the row so the
        # user sees it, instead of a task that silently vanished.
        logger.exception("Report request %s failed", request_id)
        ReportRequest.objects.filter(pk=request_id, status=ReportRequest.Status.RUNNING).update(
            status=ReportRequest.Status.FAILED,
            error=(
                f"Lỗi khi tạo tệp PDF ({type(exc).__name__}: {exc})"[:3900]
                + ". Hãy thử lại hoặc báo quản trị hệ thống."
            ),
            finished_at=timezone.now(),
            duration=dt.timedelta(seconds=time.monotonic() - started),
        )
        return False
    ReportRequest.objects.filter(pk=request_id, status=ReportRequest.Status.RUNNING).update(
        status=ReportRequest.Status.DONE,
        file=request.file.name,
        figures=figures.as_json(),
        finished_at=timezone.now(),
        duration=dt.timedelta(seconds=time.monotonic() - started),
    )
    return True


@dataclass(frozen=True)
class RequeueResult:
    requeued: tuple[int, ...]
    given_up: tuple[int, ...]


def report_requests_requeue_stale(
    *,
    now: dt.datetime | None = None,
    pending_after: dt.timedelta = PENDING_RESEND_AFTER,
    running_after: dt.timedelta = RUNNING_STALE_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
) -> RequeueResult:
    """Send again what the queue lost: pending requests never (or long ago) sent, and running
    ones whose worker died. After `max_attempts` sends, mark the request failed with a reason."""
    now = now or timezone.now()
    stale = ReportRequest.objects.filter(
        Q(status=ReportRequest.Status.PENDING)
        & (Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lt=now - pending_after))
        | Q(status=ReportRequest.Status.RUNNING, started_at__lt=now - running_after)
    ).order_by("pk")
    requeued: list[int] = []
    given_up: list[int] = []
    for request in stale:
        if request.attempts >= max_attempts:
            updated = ReportRequest.objects.filter(pk=request.pk, status=request.status).update(
                status=ReportRequest.Status.FAILED,
                finished_at=now,
                error=(
                    f"Đã gửi {request.attempts} lần mà không tạo được báo cáo; ngừng thử lại."
                    + (f" Lỗi hàng đợi: {request.queue_error}" if request.queue_error else "")
                ),
            )
            if updated:
                given_up.append(request.pk)
            continue
        with transaction.atomic():
            # A running row goes back to pending so that the next delivery may claim it.
            updated = ReportRequest.objects.filter(pk=request.pk, status=request.status).update(
                status=ReportRequest.Status.PENDING, started_at=None
            )
            if updated:
                _enqueue_on_commit(request)
                requeued.append(request.pk)
    if requeued or given_up:
        logger.info("Report requests requeued %s, given up %s", requeued, given_up)
    return RequeueResult(requeued=tuple(requeued), given_up=tuple(given_up))
