"""An invitation's PDF rendered by a real Celery worker on the real broker (Redis in CI): staff
press "Tạo PDF", the worker renders a page an addressee, the render's status fragment turns to
done, the PDF downloads and reads as the invitation. Skipped on a laptop without
CELERY_BROKER_URL; it must run in CI."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.conf import settings
from django.urls import reverse

from core.services import record_save
from council.models import Delegate
from reports.invitations import invitation_new, invitation_save
from reports.models import InvitationRequest
from sessions.models import Session
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
    process = start_worker(log_path=log_path, media_root=media_root, name="invitations-test")
    try:
        yield log_path
    finally:
        stop_worker(process)


def test_real_worker_renders_an_invitation_requested_through_the_web(
    role_groups, staff_client, term, worker
):
    session = record_save(
        instance=Session(
            term=term,
            number=9,
            kind=Session.Kind.REGULAR,
            start_date=dt.date(2019, 12, 10),
            end_date=dt.date(2019, 12, 12),
            venue="Hội trường Tỉnh ủy",
        )
    )
    Delegate.objects.create(term=term, full_name="Nguyễn Văn An", birth_year=1970)
    invitation = invitation_new(session=session, today=dt.date(2019, 12, 2))
    invitation.guests = "Đồng chí Bí thư Tỉnh ủy"
    invitation = invitation_save(invitation=invitation)
    assert invitation.reference == "01/GM-HĐND"  # the register's first of the year

    with celery_broker(settings.CELERY_BROKER_URL):
        response = staff_client.post(reverse("reports:invitation_generate", args=[invitation.pk]))
        assert response.status_code == 302
        pdf_request = InvitationRequest.objects.get()
        assert pdf_request.queue_error == ""
        deadline = time.monotonic() + TIMEOUT_SECONDS
        fragment = ""
        while time.monotonic() < deadline:
            fragment = staff_client.get(
                pdf_request.get_status_url(), HTTP_HX_REQUEST="true"
            ).content.decode()
            if 'data-status="done"' in fragment or 'data-status="failed"' in fragment:
                break
            time.sleep(1)
    log = worker.read_text(errors="replace")
    assert 'data-status="done"' in fragment, f"status: {fragment}\n--- worker log ---\n{log}"
    assert "reports.tasks.render_invitation" in log

    pdf_request.refresh_from_db()
    assert (pdf_request.attempts, pdf_request.addressee_count) == (1, 2)
    download = staff_client.get(pdf_request.get_download_url())
    assert download.status_code == 200
    text = " ".join(pdf_text(b"".join(download.streaming_content)).split())
    for expected in (
        "HỘI ĐỒNG NHÂN DÂN TỈNH THỬ NGHIỆM",
        "GIẤY MỜI",
        "Số: 01/GM-HĐND",
        "kỳ họp thứ 9, HĐND tỉnh khóa IX",
        "Kính gửi: Đồng chí Bí thư Tỉnh ủy",
        "Kính gửi: Đại biểu Nguyễn Văn An",
    ):
        assert expected in text, expected
