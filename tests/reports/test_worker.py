"""End to end with a real Celery worker process on the real broker (Redis in CI): a leader
presses "Tạo báo cáo", the worker renders, the page's status fragment turns to done, the PDF
downloads. Skipped on a laptop without CELERY_BROKER_URL; it must run in CI."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.urls import reverse

from reports.models import ReportRequest
from tests.reports.conftest import celery_broker, pdf_text, start_worker, stop_worker

pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres,  # the worker must see the test's committed rows: a shared database
    pytest.mark.django_db(transaction=True),
]

TIMEOUT_SECONDS = 90


@pytest.fixture
def worker(tmp_path, media_root):
    log_path = tmp_path / "worker.log"
    process = start_worker(log_path=log_path, media_root=media_root)
    try:
        yield log_path
    finally:
        stop_worker(process)


def test_real_worker_renders_a_report_requested_through_the_web(
    role_groups, leader_client, council, term, worker
):
    generate = reverse("reports:annualreport_generate", args=[2019])
    with celery_broker(settings.CELERY_BROKER_URL):
        response = leader_client.post(generate, follow=True)
        assert response.status_code == 200
        assert "Đã gửi yêu cầu tạo báo cáo" in response.content.decode()
        request = ReportRequest.objects.get()
        assert request.status in (ReportRequest.Status.PENDING, ReportRequest.Status.RUNNING)
        assert request.queue_error == ""

        status_url = reverse("reports:reportrequest_status", args=[request.pk])
        deadline = time.monotonic() + TIMEOUT_SECONDS
        fragment = ""
        while time.monotonic() < deadline:
            fragment = leader_client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
            if 'data-status="done"' in fragment or 'data-status="failed"' in fragment:
                break
            time.sleep(1)
    log = worker.read_text(errors="replace")
    assert 'data-status="done"' in fragment, f"status: {fragment}\n--- worker log ---\n{log}"
    assert "reports.tasks.render_annual_report" in log

    request.refresh_from_db()
    assert request.attempts == 1 and request.duration is not None
    download = leader_client.get(reverse("reports:reportrequest_download", args=[request.pk]))
    assert download.status_code == 200
    data = b"".join(download.streaming_content)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM" in text
    assert "Kết quả hoạt động năm 2019 của Thường trực HĐND tỉnh" in text
