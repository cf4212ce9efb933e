import pytest

from config.celery import app as celery_app
from reports.models import ReportRequest
from reports.services import annual_report_request
from reports.tasks import render_annual_report, requeue_stale_report_requests

pytestmark = pytest.mark.django_db


def test_render_task_takes_an_id_and_renders_through_the_service(council, term, staff_user):
    request = annual_report_request(council=council, year=2019, user=staff_user, enqueue=False)
    render_annual_report.delay(request.pk)
    request.refresh_from_db()
    assert request.status == ReportRequest.Status.DONE


def test_render_task_is_late_acknowledged_and_time_limited():
    assert render_annual_report.acks_late is True
    assert render_annual_report.reject_on_worker_lost is True
    assert render_annual_report.ignore_result is True
    assert 0 < render_annual_report.soft_time_limit < render_annual_report.time_limit


def test_beat_schedule_runs_the_sweeper():
    entry = celery_app.conf.beat_schedule["reports-requeue-stale-requests"]
    assert entry["task"] == requeue_stale_report_requests.name
    assert entry["task"] in celery_app.tasks
