"""Writes of the reports app: the narrative of each report (a period's activity report, a
session's petitions report), requests to render one, the rendering itself (run by a Celery
worker, or in-process without a broker) and the sweeper that re-enqueues requests the queue
never delivered. Both kinds of report go through the same request, task and render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs
from core.jobs import MAX_ATTEMPTS, PENDING_RESEND_AFTER, RUNNING_STALE_AFTER, RequeueResult
from core.periods import Period, PeriodKind
from council.models import DISTRICT_LEVEL_END, Council, Term
from reports.models import AnnualReport, ReportRequest
from sessions.models import Session

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


def _enqueue_on_commit(request: ReportRequest) -> None:
    from reports.tasks import render_annual_report

    jobs.job_enqueue_on_commit(job=request, task=render_annual_report)


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


def annual_report_render(*, request_id: int, task_id: str = "") -> bool:
    """Render the PDF of one request if nobody has yet (core.jobs.job_run: claimed by one
    conditional UPDATE, failures written on the row). Returns True when this call rendered."""

    def render(request: ReportRequest) -> dict[str, Any]:
        from reports import pdf as renderers

        report = request.annual_report
        renderer = (
            renderers.session_report_pdf
            if report.is_session_report
            else renderers.annual_report_pdf
        )
        pdf, figures = renderer(report=report)
        request.file.save("bao-cao.pdf", ContentFile(pdf), save=False)
        return {"file": request.file.name, "figures": figures.as_json()}

    return jobs.job_run(
        model=ReportRequest,
        job_id=request_id,
        task_id=task_id,
        work=render,
        failure=_render_failure,
        queryset=ReportRequest.objects.select_related(
            "annual_report__council", "annual_report__session__term__council"
        ),
    )


def _render_failure(exc: Exception) -> str:
    return (
        f"Lỗi khi tạo tệp PDF ({type(exc).__name__}: {exc})"[:3900]
        + ". Hãy thử lại hoặc báo quản trị hệ thống."
    )


def report_requests_requeue_stale(
    *,
    now: dt.datetime | None = None,
    pending_after: dt.timedelta = PENDING_RESEND_AFTER,
    running_after: dt.timedelta = RUNNING_STALE_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
) -> RequeueResult:
    """Send again the report requests the queue lost (core.jobs.jobs_requeue_stale)."""
    from reports.tasks import render_annual_report

    return jobs.jobs_requeue_stale(
        model=ReportRequest,
        task=render_annual_report,
        given_up_error=_given_up_error,
        now=now,
        pending_after=pending_after,
        running_after=running_after,
        max_attempts=max_attempts,
    )


def _given_up_error(request: ReportRequest) -> str:
    return f"Đã gửi {request.attempts} lần mà không tạo được báo cáo; ngừng thử lại." + (
        f" Lỗi hàng đợi: {request.queue_error}" if request.queue_error else ""
    )
