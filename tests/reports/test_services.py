import datetime as dt

import pytest
from django.utils import timezone

from core import jobs
from reports import pdf as report_pdf
from reports.models import AnnualReport, ReportRequest
from reports.services import (
    MAX_ATTEMPTS,
    annual_report_render,
    annual_report_request,
    report_requests_requeue_stale,
)
from tests.reports.conftest import celery_broker, pdf_text

pytestmark = pytest.mark.django_db

CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"


def test_request_without_a_broker_renders_in_process_through_the_task(
    council, term, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = annual_report_request(council=council, year=2019, user=staff_user)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE
    assert request.requested_by == staff_user
    assert request.attempts == 1
    assert request.duration is not None and request.finished_at >= request.started_at
    assert request.file.name.startswith("reports/2019/")
    text = pdf_text(request.file.read())
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM" in text
    assert "Thử Nghiệm, ngày" in text
    assert request.figures["year"] == 2019
    assert request.figures["standing"]["intersession_matters"] == 0


def test_nothing_is_enqueued_before_the_transaction_commits(
    council, term, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request = annual_report_request(council=council, year=2019, user=staff_user)
    enqueues = [c for c in callbacks if getattr(c, "func", None) is jobs.job_enqueue]
    assert len(enqueues) == 1
    assert len(callbacks) == 1
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.PENDING


def test_rendering_the_same_request_twice_renders_once(council, term, staff_user, monkeypatch):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    calls = []
    real = report_pdf.annual_report_pdf

    def counting(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(report_pdf, "annual_report_pdf", counting)
    assert annual_report_render(request_id=request.pk) is True
    request.refresh_from_db()
    first_file = request.file.name
    assert annual_report_render(request_id=request.pk) is False
    request.refresh_from_db()
    assert len(calls) == 1
    assert request.status == ReportRequest.Status.DONE
    assert request.file.name == first_file


def test_a_request_already_running_elsewhere_is_not_rendered_again(council, term, staff_user):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(status=ReportRequest.Status.RUNNING)
    assert annual_report_render(request_id=request.pk) is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.RUNNING and not request.file


def test_a_rendering_error_marks_the_request_failed_with_the_reason(
    council, term, staff_user, monkeypatch
):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)

    def broken(**kwargs):
        raise RuntimeError("font missing")

    monkeypatch.setattr(report_pdf, "annual_report_pdf", broken)
    assert annual_report_render(request_id=request.pk) is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.FAILED
    assert "font missing" in request.error
    assert request.finished_at is not None


def test_broker_down_keeps_the_request_pending_and_the_sweeper_sends_it_later(
    council, term, staff_user, django_capture_on_commit_callbacks
):
    with celery_broker(CLOSED_PORT_BROKER), django_capture_on_commit_callbacks(execute=True):
        request = annual_report_request(council=council, year=2019, user=staff_user)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.PENDING
    assert request.attempts == 1
    assert "OperationalError" in request.queue_error

    # Too early: a request sent a moment ago is left alone.
    assert report_requests_requeue_stale().requeued == ()

    # The broker is back (here: in-process again) and the sweeper runs later on.
    with django_capture_on_commit_callbacks(execute=True):
        result = report_requests_requeue_stale(now=timezone.now() + dt.timedelta(hours=1))
    assert result.requeued == (request.pk,)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE
    assert request.attempts == 2
    assert request.queue_error == ""


def test_sweeper_restarts_a_render_whose_worker_died(
    council, term, staff_user, django_capture_on_commit_callbacks
):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(
        status=ReportRequest.Status.RUNNING,
        started_at=timezone.now() - dt.timedelta(hours=2),
        attempts=1,
        last_enqueued_at=timezone.now() - dt.timedelta(hours=2),
    )
    with django_capture_on_commit_callbacks(execute=True):
        result = report_requests_requeue_stale()
    assert result.requeued == (request.pk,)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE


def test_sweeper_gives_up_after_the_maximum_number_of_attempts(council, term, staff_user):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(
        attempts=MAX_ATTEMPTS,
        last_enqueued_at=timezone.now() - dt.timedelta(hours=2),
        queue_error="OperationalError: Connection refused",
    )
    result = report_requests_requeue_stale()
    assert result.given_up == (request.pk,)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.FAILED
    assert f"Đã gửi {MAX_ATTEMPTS} lần" in request.error
    assert "Connection refused" in request.error


def test_requesting_creates_the_years_narrative_once_with_default_recipients(
    council, term, staff_user
):
    annual_report_request(council=council, year=2020, user=staff_user, enqueue=False)
    annual_report_request(council=council, year=2020, user=staff_user, enqueue=False)
    report = AnnualReport.objects.get(council=council, year=2020)
    assert report.requests.count() == 2
    assert report.recipient_lines[-1] == "Lưu: VT."


def test_annual_report_command_writes_the_pdf(council, term, tmp_path):
    from django.core.management import call_command

    output = tmp_path / "report.pdf"
    call_command("annual_report", year=2019, output=str(output))
    data = output.read_bytes()
    assert data.startswith(b"%PDF")
    assert ReportRequest.objects.get().status == ReportRequest.Status.DONE
    assert "BÁO CÁO" in pdf_text(data)


def test_a_redelivery_of_the_claiming_task_takes_over_a_dead_render(council, term, staff_user):
    """acks_late + reject_on_worker_lost redeliver the same task id after the worker died: that
    delivery may finish the job; any other delivery of a running request does nothing."""
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    ReportRequest.objects.filter(pk=request.pk).update(
        status=ReportRequest.Status.RUNNING, claimed_by="task-a"
    )
    assert annual_report_render(request_id=request.pk, task_id="task-b") is False
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.RUNNING
    assert annual_report_render(request_id=request.pk, task_id="task-a") is True
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE
    assert annual_report_render(request_id=request.pk, task_id="task-a") is False
