"""The dashboard, the reports' pages (a year's, any other period's, a session's petitions) and
their PDF requests. Access is decided here, on the server: every role reads (a report holds
aggregates only, no citizen's personal data); staff edit the narrative; staff, administrators
and leaders generate."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import SecurityEvent
from accounts.security import security_event_record
from core import roles
from core.audit import history_rows
from core.concurrency import (
    VERSION_FIELD,
    StaleEditError,
    add_version_field,
    lock_and_check_version,
    show_stale_edit,
)
from core.periods import Period
from core.permissions import require_editor, require_viewer
from core.scoping import council_object_or_404, request_council
from council.models import Council
from reports import numbering, report_docx, selectors, services
from reports.dashboard import dashboard_data, default_year, years_with_data
from reports.forms import AnnualReportForm, ReportPeriodForm
from reports.models import AnnualReport, ReportRequest
from sessions.models import Session

MIN_YEAR, MAX_YEAR = 1945, 2200
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _council_or_404(request: HttpRequest) -> Council:
    council = request_council(request)
    if council is None:
        raise Http404(_("Chưa khai báo Hội đồng nhân dân."))
    return council


def _year_param(value: str | None, default: int) -> int:
    try:
        year = int(value or default)
    except ValueError:
        return default
    return year if MIN_YEAR <= year <= MAX_YEAR else default


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404


def home(request: HttpRequest) -> HttpResponse:
    """The leaders' dashboard; a delegate's login is at home in the delegates' room."""
    if roles.is_delegate(request.user) and not roles.can_view_records(request.user):
        return redirect("delegates:home")
    return dashboard(request)


def dashboard(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = request_council(request)
    if council is None:
        return render(request, "reports/dashboard.html", {"council": None})
    today = timezone.localdate()
    terms = selectors.council_terms(council=council)
    term = None
    if request.GET.get("term"):
        term = next((t for t in terms if str(t.pk) == request.GET["term"]), None)
        if term is None:
            raise Http404
    year = None
    if term is None:
        # Asked for, or this year; while this year has no data yet, the latest year that has.
        opening = today.year
        if not request.GET.get("year"):
            opening = default_year(data_years=years_with_data(council=council), today=today)
        year = _year_param(request.GET.get("year"), opening)
    data = dashboard_data(council=council, year=year, term=term, terms=terms, today=today)
    data_years = data.data_years
    return render(
        request,
        "reports/dashboard.html",
        {
            "council": council,
            "section_title": _("Tổng quan"),
            "year": year,
            "term": term,
            "terms": terms,
            "today": today,
            "year_choices": sorted(
                {*range(today.year - 10, today.year + 1), *data_years, year or today.year},
                reverse=True,
            ),
            "data_years": data_years,
            # The page opened on an earlier year than this one, which has no data yet.
            "empty_this_year": today.year if year != today.year and not request.GET else None,
            "dashboard": data,
            "can_generate": roles.can_generate_reports(request.user),
        },
    )


def annual_report_latest(request: HttpRequest) -> HttpResponse:
    """ "Báo cáo" in the menu ("Tổng quan" is the dashboard): the report page of this year, or of
    the latest year before it that has sessions while this year has none yet (a year's work is
    often entered after the fact)."""
    require_viewer(request)
    council = _council_or_404(request)
    today = timezone.localdate()
    _trend, data_years = selectors.term_trend_and_years(council=council, term=None, today=today)
    year = next((y for y in data_years if y <= today.year), today.year)
    return redirect("reports:annualreport_detail", year=year)


# --- a report's page: the narrative, the versions made, the button ---------------------------


def _report_page(
    request: HttpRequest,
    *,
    council: Council,
    report: AnnualReport | None,
    section_title: str,
    update_url: str,
    generate_url: str,
    year: int | None = None,
) -> HttpResponse:
    requests = list(selectors.report_request_list(annual_report=report)) if report else []
    history = history_rows(report) if report and roles.can_edit_records(request.user) else []
    can_generate = roles.can_generate_reports(request.user)
    # "Vào sổ, lấy số" and "Tải .docx" (reports.numbering, reports.report_docx).
    register_entry = numbering.report_register_entry(report) if report else None
    done = [r for r in requests if r.status == ReportRequest.Status.DONE and r.file]
    return render(
        request,
        "reports/annualreport_detail.html",
        {
            "council": council,
            "year": year,
            "report": report,
            "history": history,
            "requests": requests,
            "section_title": section_title,
            "update_url": update_url,
            "generate_url": generate_url,
            "new_report_url": reverse("reports:report_new") if can_generate else "",
            "can_generate": can_generate,
            "can_edit": roles.can_edit_records(request.user),
            "register_entry": register_entry,
            "can_number": bool(report and roles.can_edit_records(request.user))
            and numbering.report_may_number(report),
            "report_reference": numbering.report_reference(report) if report else "",
            "docx_request": max(done, key=lambda r: (r.finished_at, r.pk)) if done else None,
            "other_reports": [
                r
                for r in selectors.report_list(council=council)
                if r.pk != getattr(report, "pk", 0)
            ],
        },
    )


def _report_or_404(request: HttpRequest, pk: int) -> AnnualReport:
    return council_object_or_404(
        request, AnnualReport.objects.select_related("council", "session__term__council"), pk=pk
    )


def annual_report_detail(request: HttpRequest, year: int) -> HttpResponse:
    require_viewer(request)
    _check_year(year)
    council = _council_or_404(request)
    return _report_page(
        request,
        council=council,
        report=selectors.annual_report_get(council=council, year=year),
        section_title=_("Báo cáo kết quả hoạt động năm %(year)s") % {"year": year},
        update_url=reverse("reports:annualreport_update", args=[year]),
        generate_url=reverse("reports:annualreport_generate", args=[year]),
        year=year,
    )


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Any report by its id: another period than a year, or a session's petitions."""
    require_viewer(request)
    report = _report_or_404(request, pk)
    return _report_page(
        request,
        council=report.council,
        report=report,
        section_title=report.title,
        update_url=reverse("reports:report_update", args=[report.pk]),
        generate_url=reverse("reports:report_generate", args=[report.pk]),
        year=report.year,
    )


def _report_edit(request: HttpRequest, report: AnnualReport, *, back: str) -> HttpResponse:
    """The narrative (number, date, assessment, tasks, signer, recipients) of one report."""
    form = AnnualReportForm(request.POST or None, instance=report)
    add_version_field(form, report)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                if report.pk:
                    lock_and_check_version(
                        instance=report, token=form.cleaned_data.get(VERSION_FIELD)
                    )
                services.annual_report_save(report=form.save(commit=False), user=request.user)
        except StaleEditError as exc:
            show_stale_edit(form, exc)
        else:
            messages.success(
                request, _("Đã lưu nội dung %(report)s.") % {"report": report.short_title}
            )
            return redirect(back)
    return render(
        request,
        "reports/annualreport_form.html",
        {"form": form, "report": report, "back_url": back, "section_title": report.title},
    )


def annual_report_update(request: HttpRequest, year: int) -> HttpResponse:
    require_editor(request)
    _check_year(year)
    council = _council_or_404(request)
    back = reverse("reports:annualreport_detail", args=[year])
    try:
        services.report_year_check(council=council, year=year)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    report = selectors.annual_report_get(council=council, year=year) or services.period_report_new(
        council=council, period=Period.year(year)
    )
    return _report_edit(request, report, back=back)


def report_update(request: HttpRequest, pk: int) -> HttpResponse:
    require_editor(request)
    report = _report_or_404(request, pk)
    return _report_edit(request, report, back=report.get_absolute_url())


def _generate(
    request: HttpRequest, make_request: Callable[[], ReportRequest], *, back: str
) -> HttpResponse:
    """Record the request through the service, then tell the user what happened to it."""
    try:
        report_request = make_request()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(back)
    report_request.refresh_from_db()
    report = report_request.annual_report
    if report_request.status == ReportRequest.Status.DONE:
        messages.success(request, _("Đã tạo xong %(report)s.") % {"report": report.short_title})
    elif report_request.status == ReportRequest.Status.FAILED:
        messages.error(
            request,
            _("Không tạo được báo cáo: %(error)s") % {"error": report_request.error},
        )
    elif report_request.queue_error:
        messages.warning(
            request,
            _(
                "Hệ thống xử lý nền tạm thời không kết nối được. Yêu cầu tạo báo cáo đã được "
                "ghi nhận và sẽ được xử lý tự động khi hệ thống hoạt động trở lại; "
                "anh/chị không cần bấm lại."
            ),
        )
    else:
        messages.info(
            request,
            _("Đã gửi yêu cầu tạo báo cáo. Trang sẽ tự cập nhật khi báo cáo được tạo xong."),
        )
    return redirect(report.get_absolute_url())


def _require_generator(request: HttpRequest) -> None:
    if not roles.can_generate_reports(request.user):
        raise PermissionDenied


@require_POST
def annual_report_generate(request: HttpRequest, year: int) -> HttpResponse:
    _require_generator(request)
    _check_year(year)
    council = _council_or_404(request)
    return _generate(
        request,
        lambda: services.annual_report_request(council=council, year=year, user=request.user),
        back=reverse("reports:annualreport_detail", args=[year]),
    )


@require_POST
def report_generate(request: HttpRequest, pk: int) -> HttpResponse:
    _require_generator(request)
    report = _report_or_404(request, pk)
    return _generate(
        request,
        lambda: services.report_request(report=report, user=request.user),
        back=report.get_absolute_url(),
    )


@require_POST
def session_report_generate(request: HttpRequest, session_pk: int) -> HttpResponse:
    """The petitions report of a session, asked for from the session's page."""
    _require_generator(request)
    session = council_object_or_404(
        request, Session.objects.select_related("term__council"), pk=session_pk
    )
    return _generate(
        request,
        lambda: services.session_report_request(session=session, user=request.user),
        back=session.get_absolute_url(),
    )


def report_new(request: HttpRequest) -> HttpResponse:
    """Choose a period (or a session) and make its report."""
    _require_generator(request)
    council = _council_or_404(request)
    form = ReportPeriodForm(request.POST or None, council=council, today=timezone.localdate())
    if request.method == "POST" and form.is_valid():
        period, session = form.period, form.chosen_session
        if session is not None:
            return _generate(
                request,
                lambda: services.session_report_request(session=session, user=request.user),
                back=reverse("reports:report_new"),
            )
        assert period is not None
        return _generate(
            request,
            lambda: services.period_report_request(
                council=council, period=period, user=request.user
            ),
            back=reverse("reports:report_new"),
        )
    return render(
        request,
        "reports/report_new.html",
        {
            "council": council,
            "form": form,
            "section_title": _("Tạo báo cáo theo kỳ"),
            "reports": selectors.report_list(council=council),
        },
    )


def report_request_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The HTMX fragment of one request's row; it polls itself while pending or running."""
    require_viewer(request)
    report_request = council_object_or_404(
        request, ReportRequest.objects.select_related("annual_report", "requested_by"), pk=pk
    )
    return render(request, "reports/_request_row.html", {"r": report_request})


def report_request_download(request: HttpRequest, pk: int) -> FileResponse:
    require_viewer(request)
    report_request = council_object_or_404(
        request, ReportRequest.objects.select_related("annual_report__session"), pk=pk
    )
    if report_request.status != ReportRequest.Status.DONE or not report_request.file:
        raise Http404(_("Báo cáo chưa được tạo xong."))
    stem = report_request.annual_report.file_stem
    security_event_record(
        kind=SecurityEvent.Kind.REPORT_DOWNLOAD, request=request, detail=f"report request {pk}"
    )
    stamp = timezone.localtime(report_request.finished_at or report_request.requested_at)
    return FileResponse(
        report_request.file.open("rb"),
        as_attachment=True,
        filename=f"{stem}-{stamp:%Y%m%d-%H%M}.pdf",
        content_type="application/pdf",
    )


def communes(request: HttpRequest) -> HttpResponse:
    """The province's commune councils at a glance, for a year (?year=): sessions, resolutions,
    normative resolutions awaiting the province's review, petitions and their answer rate;
    each opens that commune's own pages (accounts.views.council_choose)."""
    require_viewer(request)
    council = _council_or_404(request)
    year = _year_param(request.GET.get("year"), timezone.localdate().year)
    rows = selectors.commune_overview(province=council, period=Period.year(year))
    return render(
        request,
        "reports/communes.html",
        {
            "council": council,
            "year": year,
            "years": range(timezone.localdate().year, 2024, -1),
            "rows": rows,
            "totals": selectors.commune_totals(rows),
            "section_title": _("Các HĐND cấp xã"),
        },
    )


# --- a report's number from the register, and its .docx (issue 22) -------------------------------


@require_POST
def report_number(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Vào sổ, lấy số": the next number of the council's BC series, once."""
    require_editor(request)
    report = _report_or_404(request, pk)
    try:
        result = numbering.report_number_issue(report=report, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if result.outcome == numbering.Numbering.NUMBERED:
            messages.success(request, result.message)
        else:
            messages.info(request, result.message)
    return redirect(report.get_absolute_url())


def report_docx_download(request: HttpRequest, pk: int) -> FileResponse:
    """The report as .docx, with the figures of its latest PDF (reports.report_docx). Written
    in the request: python-docx takes a fraction of a second, no worker needed."""
    require_viewer(request)
    report = _report_or_404(request, pk)
    data = report_docx.report_docx(report=report)
    security_event_record(
        kind=SecurityEvent.Kind.REPORT_DOWNLOAD, request=request, detail=f"report {pk} docx"
    )
    return FileResponse(
        BytesIO(data),
        as_attachment=True,
        filename=f"{report.file_stem}.docx",
        content_type=DOCX_TYPE,
    )
