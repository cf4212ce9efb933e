"""The zip of a session's documents built by a real Celery worker on the real broker (Redis in
CI): the delegate asks, the status fragment turns to done, the zip downloads. Skipped on a
laptop without CELERY_BROKER_URL; it must run in CI."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.services import record_save
from sessions.models import AgendaItem, SessionDocument, SessionDocumentsZip
from sessions.services import session_document_create
from tests.reports.conftest import celery_broker, start_worker, stop_worker

pytestmark = [
    pytest.mark.worker,
    pytest.mark.postgres,  # the worker must see the test's committed rows: a shared database
    pytest.mark.django_db(transaction=True),
]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TIMEOUT_SECONDS = 90


@pytest.fixture
def role_groups(db) -> None:
    """The role groups come from a data migration that an earlier transactional test flushed
    (as tests/reports/conftest.py): recreate them before the delegate's login is made."""
    from django.contrib.auth.models import Group

    from core.roles import Role

    for role in Role:
        Group.objects.get_or_create(name=role.value)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def worker(tmp_path, media_root):
    log_path = tmp_path / "worker.log"
    process = start_worker(log_path=log_path, media_root=media_root, name="documents-test")
    try:
        yield log_path
    finally:
        stop_worker(process)


def test_real_worker_zips_a_sessions_documents(
    role_groups, delegate_client, council_session, worker
):
    item = record_save(instance=AgendaItem(session=council_session, order=1, title="Dự toán"))
    session_document_create(
        document=SessionDocument(agenda_item=item, title="Tờ trình", published_at=timezone.now()),
        upload=SimpleUploadedFile("to-trinh.pdf", PDF),
    )
    with celery_broker(settings.CELERY_BROKER_URL):
        response = delegate_client.post(reverse("delegates:session_zip", args=[council_session.pk]))
        assert response.status_code == 302
        bundle = SessionDocumentsZip.objects.get()
        deadline = time.monotonic() + TIMEOUT_SECONDS
        fragment = ""
        while time.monotonic() < deadline:
            fragment = delegate_client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
            if 'data-status="done"' in fragment or 'data-status="failed"' in fragment:
                break
            time.sleep(1)
    log = worker.read_text(errors="replace")
    assert 'data-status="done"' in fragment, f"status: {fragment}\n--- worker log ---\n{log}"
    assert "sessions.tasks.build_session_documents_zip" in log
    download = delegate_client.get(reverse("delegates:documentszip_download", args=[bundle.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == ["01 - Dự toán/01 - Tờ trình - Tờ trình.pdf"]
