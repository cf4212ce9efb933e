"""Faults of the background work, with real workers on the real broker (issue: trust).

Measured with Celery 5.7 and Redis: a worker killed mid-task loses the task unless the request
row, not the queue, is the source of truth. Here the row is claimed by a conditional UPDATE,
the task is acks_late + reject_on_worker_lost, and the sweeper re-sends what a dead worker left
running. Each test checks that the report completes exactly once."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from reports.models import ReportRequest
from reports.services import report_requests_requeue_stale
from tests.reports.conftest import celery_broker, start_worker, stop_worker

pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _wait_for(pk: int, statuses: set[str], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    status = ""
    while time.monotonic() < deadline:
        status = ReportRequest.objects.values_list("status", flat=True).get(pk=pk)
        if status in statuses:
            return status
        time.sleep(0.05)
    return status


def _request_report(leader_client) -> ReportRequest:
    response = leader_client.post(reverse("reports:annualreport_generate", args=[2019]))
    assert response.status_code in (200, 302)
    return ReportRequest.objects.get()


@pytest.fixture
def demo(role_groups):
    # The demo year makes a report of several pages: long enough to be killed in the middle.
    call_command("load_demo", verbosity=0)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_report_completes_once_when_only_the_pool_process_dies(
    demo, leader_client, media_root, tmp_path
):
    log = tmp_path / "worker.log"
    worker = start_worker(log_path=log, media_root=media_root, pool="prefork", name="pool-kill")
    try:
        with celery_broker(settings.CELERY_BROKER_URL):
            request = _request_report(leader_client)
            assert _wait_for(request.pk, {"running"}, 60) == "running", log.read_text(
                errors="replace"
            )
            children = _children(worker.pid)
            assert children, "the prefork worker has no pool process"
            for child in children:
                os.kill(child, signal.SIGKILL)  # what the out-of-memory killer does
            assert ReportRequest.objects.get(pk=request.pk).status == "running", (
                "rendered before the kill"
            )
            status = _wait_for(request.pk, {"done", "failed"}, 120)
        text = log.read_text(errors="replace")
        assert status == "done", text
        assert "WorkerLostError" in text or "exited with" in text
        assert ReportRequest.objects.count() == 1
        request.refresh_from_db()
        assert request.file and request.duration is not None
    finally:
        stop_worker(worker)


def test_report_completes_once_when_the_whole_worker_dies(
    demo, leader_client, media_root, tmp_path
):
    log = tmp_path / "worker.log"
    first = start_worker(log_path=log, media_root=media_root, pool="solo", name="whole-kill-a")
    second = None
    try:
        with celery_broker(settings.CELERY_BROKER_URL):
            request = _request_report(leader_client)
            assert _wait_for(request.pk, {"running"}, 60) == "running", log.read_text(
                errors="replace"
            )
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            time.sleep(1)
            assert ReportRequest.objects.get(pk=request.pk).status == "running", (
                "rendered before the kill"
            )

            # The message is gone with the worker; the sweeper finds the row left running.
            second = start_worker(
                log_path=log, media_root=media_root, pool="solo", name="whole-kill-b"
            )
            result = report_requests_requeue_stale(running_after=dt.timedelta(0))
            assert result.requeued == (request.pk,)
            status = _wait_for(request.pk, {"done", "failed"}, 120)
        assert status == "done", log.read_text(errors="replace")
        assert ReportRequest.objects.count() == 1
        request.refresh_from_db()
        assert request.attempts == 2
        # A late duplicate delivery finds the row done and renders nothing.
        finished = request.finished_at
        from reports.services import annual_report_render

        assert annual_report_render(request_id=request.pk, task_id="late-duplicate") is False
        request.refresh_from_db()
        assert request.finished_at == finished
    finally:
        stop_worker(first)
        if second is not None:
            stop_worker(second)


def _redis(*args: str) -> None:
    subprocess.run(
        ["redis-cli", "-h", "127.0.0.1", "-p", "6379", *args], capture_output=True, timeout=30
    )


def _redis_up() -> bool:
    return (
        subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", "6379", "ping"], capture_output=True
        ).returncode
        == 0
    )


@pytest.mark.skipif(
    not os.path.exists("/var/lib/redis"), reason="needs the local Redis this test may stop"
)
def test_request_made_while_redis_is_down_completes_after_it_returns(
    demo, leader_client, media_root, tmp_path
):
    log = tmp_path / "worker.log"
    worker = None
    try:
        _redis("shutdown", "nosave")
        for _ in range(50):
            if not _redis_up():
                break
            time.sleep(0.1)
        with celery_broker(settings.CELERY_BROKER_URL):
            response = leader_client.post(
                reverse("reports:annualreport_generate", args=[2019]), follow=True
            )
            assert response.status_code == 200
            assert "không kết nối được" in response.content.decode()
            request = ReportRequest.objects.get()
            assert request.status == "pending" and request.queue_error

            subprocess.run(
                [
                    "redis-server",
                    "--daemonize",
                    "yes",
                    "--bind",
                    "127.0.0.1",
                    "-::1",
                    "--port",
                    "6379",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    "/var/lib/redis",
                    "--logfile",
                    "/var/log/redis/ci.log",
                ],
                check=True,
                capture_output=True,
            )
            for _ in range(100):
                if _redis_up():
                    break
                time.sleep(0.1)
            worker = start_worker(
                log_path=log, media_root=media_root, pool="solo", name="redis-back"
            )
            connection.close()
            assert report_requests_requeue_stale(pending_after=dt.timedelta(0)).requeued == (
                request.pk,
            )
            status = _wait_for(request.pk, {"done", "failed"}, 120)
        assert status == "done", log.read_text(errors="replace")
    finally:
        if not _redis_up():
            subprocess.run(
                [
                    "redis-server",
                    "--daemonize",
                    "yes",
                    "--bind",
                    "127.0.0.1",
                    "-::1",
                    "--port",
                    "6379",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    "/var/lib/redis",
                    "--logfile",
                    "/var/log/redis/ci.log",
                ],
                capture_output=True,
            )
        if worker is not None:
            stop_worker(worker)
