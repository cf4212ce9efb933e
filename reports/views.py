"""The dashboard, the annual report page and its PDF requests. Access is decided here, on the
server: every role reads (the report holds aggregates only, no citizen's personal data); staff
edit the narrative; staff, administrators and leaders generate."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from council import roles
from council.audit import history_rows
from council.cache import cached_figures, cached_page
from council.concurrency import (
    VERSION_FIELD,
    StaleEditError,
    add_version_field,
    lock_and_check_version,
    show_stale_edit,
)
from council.models import Council, SecurityEvent
from council.permissions import require_editor, require_viewer
from council.security import security_event_record
from council.selectors import council_get_current
from reports import selectors, services
from reports.charts import figure_charts
from reports.dashboard import dashboard_cards
from reports.forms import AnnualReportForm
from reports.models import AnnualReport, ReportRequest

MIN_YEAR, MAX_YEAR = 1945, 2200


def _council_or_404() -> Council:
    council = council_get_current()
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


DASHBOARD_CACHE_SECONDS = 15 * 60


def _dashboard_data(*, council, year, term, trend_term, today: dt.date) -> dict:
    """The figures, cards, charts and links of the dashboard, cached under the data version:
    any committed write changes the version (council.cache), so the cache is never stale."""

    def compute() -> dict:
        figures = selectors.annual_figures(council=council, year=year, term=term, today=today)
        trend, data_years = selectors.term_trend_and_years(
            council=council, term=trend_term, today=today
        )
        return {
            "cards": dashboard_cards(figures=figures),
            # SVG escaped in charts.py, inserted with |safe
            "charts": figure_charts(figures, trend),
            "data_years": data_years,
        }

    parts = (council.pk, year, term.pk if term else "", today.isoformat())
    return cached_figures("dashboard", parts, compute, DASHBOARD_CACHE_SECONDS)


@cached_page(check=require_viewer)
def dashboard(request: HttpRequest) -> HttpResponse:
    require_viewer(request)
    council = council_get_current()
    if council is None:
        return render(request, "reports/dashboard.html", {"council": None})
    today = timezone.localdate()
    terms = selectors.council_terms(council=council)
    term = None
    if request.GET.get("term"):
        term = next((t for t in terms if str(t.pk) == request.GET["term"]), None)
        if term is None:
            raise Http404
    year = None if term else _year_param(request.GET.get("year"), today.year)
    trend_term = term or next((t for t in terms if t.contains(dt.date(year, 12, 31))), None)
    if trend_term is None and year is not None:
        trend_term = next((t for t in terms if t.contains(dt.date(year, 1, 1))), None)
    data = _dashboard_data(
        council=council, year=year, term=term, trend_term=trend_term, today=today
    )
    data_years = data["data_years"]
    return render(
        request,
        "reports/dashboard.html",
        {
            "council": council,
            "section_title": _("Tổng quan"),
            "year": year,
            "term": term,
            "terms": terms,
            "trend_term": trend_term,
            "year_choices": sorted(
                {*range(today.year - 10, today.year + 1), *data_years, year or today.year},
                reverse=True,
            ),
            "data_years": data_years,
            "cards": data["cards"],
            "charts": data["charts"],
            "can_generate": roles.can_generate_reports(request.user),
        },
    )


def annual_report_latest(request: HttpRequest) -> HttpResponse:
    """ "Báo cáo" in the menu ("Tổng quan" is the dashboard): the report page of this year, or of
    the latest year before it that has sessions while this year has none yet (a year's work is
    often entered after the fact)."""
    require_viewer(request)
    council = _council_or_404()
    today = timezone.localdate()
    _trend, data_years = selectors.term_trend_and_years(council=council, term=None, today=today)
    year = next((y for y in data_years if y <= today.year), today.year)
    return redirect("reports:annualreport_detail", year=year)


def annual_report_detail(request: HttpRequest, year: int) -> HttpResponse:
    require_viewer(request)
    _check_year(year)
    council = _council_or_404()
    report = selectors.annual_report_get(council=council, year=year)
    requests = list(selectors.report_request_list(annual_report=report)) if report else []
    history = history_rows(report) if report and roles.can_edit_records(request.user) else []
    return render(
        request,
        "reports/annualreport_detail.html",
        {
            "council": council,
            "year": year,
            "report": report,
            "history": history,
            "requests": requests,
            "section_title": _("Báo cáo kết quả hoạt động năm %(year)s") % {"year": year},
            "can_generate": roles.can_generate_reports(request.user),
            "can_edit": roles.can_edit_records(request.user),
            "report_years": selectors.report_years(council=council),
        },
    )


def annual_report_update(request: HttpRequest, year: int) -> HttpResponse:
    """The narrative of the year (number, date, assessment, tasks, signer, recipients)."""
    require_editor(request)
    _check_year(year)
    council = _council_or_404()
    try:
        services.report_year_check(council=council, year=year)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:annualreport_detail", year=year)
    report = selectors.annual_report_get(council=council, year=year) or AnnualReport(
        council=council, year=year, recipients=services.DEFAULT_RECIPIENTS
    )
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
            messages.success(request, _("Đã lưu nội dung báo cáo năm %(year)s.") % {"year": year})
            return redirect("reports:annualreport_detail", year=year)
    return render(
        request,
        "reports/annualreport_form.html",
        {"form": form, "year": year, "report": report, "section_title": str(report)},
    )


@require_POST
def annual_report_generate(request: HttpRequest, year: int) -> HttpResponse:
    if not roles.can_generate_reports(request.user):
        raise PermissionDenied
    _check_year(year)
    council = _council_or_404()
    try:
        report_request = services.annual_report_request(
            council=council, year=year, user=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:annualreport_detail", year=year)
    report_request.refresh_from_db()
    if report_request.status == ReportRequest.Status.DONE:
        messages.success(request, _("Đã tạo xong báo cáo năm %(year)s.") % {"year": year})
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
    return redirect("reports:annualreport_detail", year=year)


def report_request_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The HTMX fragment of one request's row; it polls itself while pending or running."""
    require_viewer(request)
    report_request = get_object_or_404(
        ReportRequest.objects.select_related("annual_report", "requested_by"), pk=pk
    )
    return render(request, "reports/_request_row.html", {"r": report_request})


def report_request_download(request: HttpRequest, pk: int) -> FileResponse:
    require_viewer(request)
    report_request = get_object_or_404(ReportRequest.objects.select_related("annual_report"), pk=pk)
    if report_request.status != ReportRequest.Status.DONE or not report_request.file:
        raise Http404(_("Báo cáo chưa được tạo xong."))
    year = report_request.annual_report.year
    security_event_record(
        kind=SecurityEvent.Kind.REPORT_DOWNLOAD, request=request, detail=f"report request {pk}"
    )
    stamp = timezone.localtime(report_request.finished_at or report_request.requested_at)
    return FileResponse(
        report_request.file.open("rb"),
        as_attachment=True,
        filename=f"bao-cao-ket-qua-hoat-dong-nam-{year}-{stamp:%Y%m%d-%H%M}.pdf",
        content_type="application/pdf",
    )
