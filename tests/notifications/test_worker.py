"""End to end with a real Celery worker and beat on the real broker (Redis in CI) and a real
SMTP server started here (aiosmtpd): a recommendation two days from its deadline gives its
secretariat exactly one in-app notification and one digest line, still one of each after the
worker is killed (SIGKILL, beat with it) and started again; a user who opted out receives
nothing; no mail names a citizen. Then a broker of the test's own killed and started again,
empty: the scans go on. Skipped on a laptop without CELERY_BROKER_URL; runs in CI."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.utils import timezone

from accounts.services import user_create_with_role
from core.roles import Role
from notifications.models import Channel, Digest, EmailDelivery, Event, Notification
from notifications.services import notification_rules_seed, preferences_save
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from tests.conftest import PASSWORD
from tests.reports.conftest import database_url
from tests.voters.casework.workflow_fixtures import body, current_term, receive, rules  # noqa: F401

pytestmark = [
    pytest.mark.worker,
    pytest.mark.redis,
    pytest.mark.postgres,  # the worker must see the test's committed rows: a shared database
    pytest.mark.django_db(transaction=True),
]

TIMEOUT_SECONDS = 90
BEAT_SECONDS = 2
CITIZEN = ("Nguyễn Văn Bình", "Thôn Nà Sèn, xã Thử", "020190001234")


class Inbox:
    """What the SMTP server received: each mail's recipients and its parsed message."""

    def __init__(self) -> None:
        self.mails: list[tuple[list[str], str]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default
        )
        plain = message.get_body(preferencelist=("plain",))
        text = f"{message['subject']}\n{plain.get_content() if plain else ''}"
        self.mails.append((list(envelope.rcpt_tos), text))
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def _start(*, log_path: Path, schedule: Path, smtp_port: int, broker: str = "") -> subprocess.Popen:
    """`celery worker --beat` as docker-compose runs it, with the beat every BEAT_SECONDS, mails
    to the test's SMTP server, in a session of its own so SIGKILL reaches beat's process too."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker or settings.CELERY_BROKER_URL,
        "CONN_MAX_AGE": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "NOTIFICATIONS_SCAN_SECONDS": str(BEAT_SECONDS),
        "NOTIFICATIONS_DIGEST_HOUR": "0",
    }
    celery = Path(sys.executable).with_name("celery")
    command = [
        str(celery),
        "-A",
        "config",
        "worker",
        "--beat",
        f"--schedule={schedule}",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-n",
        f"reminders-test-{os.getpid()}@%h",
    ]
    with log_path.open("ab") as log:
        return subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def _runs(log_path: Path) -> int:
    """The scans the worker finished, as its log says."""
    text = log_path.read_text(errors="replace")
    return sum(1 for line in text.splitlines() if "send_reminders" in line and "succeeded" in line)


def _wait(condition, log_path: Path, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"{what}\n--- worker log ---\n{log_path.read_text(errors='replace')}")


def test_a_recommendation_two_days_from_its_deadline_is_told_once_across_a_killed_worker(
    role_groups,
    smtp,
    tmp_path,
    council,
    term,
    receive,  # noqa: F811
):
    inbox, port = smtp
    seeded = notification_rules_seed()
    staff = user_create_with_role(
        username="chuyenvien.mail", password=PASSWORD, role=Role.STAFF, email="cv@hdnd.example"
    )
    opted_out = user_create_with_role(
        username="chuyenvien.khong", password=PASSWORD, role=Role.STAFF, email="khong@hdnd.example"
    )
    for rule in seeded:
        preferences_save(
            user=opted_out,
            choices={(rule.pk, Channel.IN_APP): False, (rule.pk, Channel.EMAIL): False},
        )
    today = timezone.localdate()
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát việc quản lý đất đai",
            start_date=dt.date(2019, 5, 6),
        ),
        supervised_organizations=None,
    )
    from council.models import Organization

    agency = Organization.objects.create(name="Sở Tài nguyên và Môi trường", short_name="Sở TN&MT")
    recommendation = recommendation_save(
        recommendation=OversightRecommendation(
            activity=activity,
            content="Hoàn thành cấp giấy chứng nhận quyền sử dụng đất",
            addressee=agency,
            deadline=today + dt.timedelta(days=2),
        )
    )
    # A denunciation case the staff member handles, long overdue: its line is mailed too, and
    # must not carry the denunciator's name, address or ID number.
    letter = receive(
        kind="denunciation",
        sender_name=CITIZEN[0],
        sender_address=CITIZEN[1],
        sender_id_number=CITIZEN[2],
    )
    letter.case.handler = staff
    letter.case.save(update_fields=["handler"])

    def recommendation_lines():
        return Notification.objects.filter(rule__event=Event.RECOMMENDATION_DEADLINE)

    log_path = tmp_path / "worker.log"
    schedule = tmp_path / "celerybeat-schedule"
    worker = _start(log_path=log_path, schedule=schedule, smtp_port=port)
    try:
        _wait(lambda: len(inbox.mails) >= 1, log_path, "no digest mailed")
        runs = _runs(log_path)
        _wait(lambda: _runs(log_path) >= runs + 2, log_path, "beat stopped sending the scan")
    finally:
        _kill(worker)
    before_kill = len(inbox.mails)
    worker = _start(log_path=log_path, schedule=schedule, smtp_port=port)
    try:
        runs = _runs(log_path)
        _wait(lambda: _runs(log_path) >= runs + 3, log_path, "no scan after the restart")
    finally:
        _kill(worker)

    # One line per user who works on it: `staff` and the clerk who entered the case (no address,
    # so in the app only); none for the user who opted out.
    every = list(recommendation_lines())
    assert len(every) == len({n.user_id for n in every}) == 2
    lines = [n for n in every if n.user == staff]
    assert [(n.item, n.occurrence, n.in_app, n.email) for n in lines] == [
        (recommendation, today, True, True)
    ]
    assert "còn 2 ngày đến hạn" in lines[0].title
    assert not Notification.objects.filter(user=opted_out).exists()
    assert EmailDelivery.objects.filter(notification__in=lines, sent_at__isnull=False).count() == 1
    assert Digest.objects.filter(user=staff, day=today).count() == 1
    assert before_kill == len(inbox.mails) == 1
    recipients, text = inbox.mails[0]
    assert recipients == ["cv@hdnd.example"]
    assert text.count("Hoàn thành cấp giấy chứng nhận quyền sử dụng đất") == 1
    assert f"Vụ việc số {letter.case.number} (tố cáo)" in text
    for mail_recipients, mail_text in inbox.mails:
        assert "khong@hdnd.example" not in mail_recipients
        assert not [value for value in CITIZEN if value in mail_text]


def _redis(port: int, tmp_path: Path) -> subprocess.Popen:
    """A Redis of the test's own (keeping nothing on disk), so restarting it disturbs no other
    test: a restart loses every queued message, as a broker without persistence would."""
    return subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )


def _redis_ready(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def test_the_reminders_go_on_after_the_broker_restarts(
    role_groups, smtp, tmp_path, council, term, make_recommendation
):
    """The broker killed and started again, empty: beat and the worker reconnect, the hourly
    scan carries on (a line due after the restart is made), and nothing is made twice."""
    _inbox, smtp_port = smtp
    notification_rules_seed()
    staff = user_create_with_role(
        username="chuyenvien.mail", password=PASSWORD, role=Role.STAFF, email="cv@hdnd.example"
    )
    today = timezone.localdate()
    first = make_recommendation(deadline=today + dt.timedelta(days=2))
    port = _free_port()
    broker = _redis(port, tmp_path)
    log_path = tmp_path / "worker.log"
    worker = None
    try:
        _wait(lambda: _redis_ready(port), log_path, "the test's Redis did not start")
        worker = _start(
            log_path=log_path,
            schedule=tmp_path / "celerybeat-schedule",
            smtp_port=smtp_port,
            broker=f"redis://127.0.0.1:{port}/0",
        )
        _wait(lambda: Notification.objects.filter(user=staff).exists(), log_path, "no scan")
        broker.kill()
        broker.wait(timeout=15)
        time.sleep(2 * BEAT_SECONDS)
        broker = _redis(port, tmp_path)
        _wait(lambda: _redis_ready(port), log_path, "the test's Redis did not start again")
        second = make_recommendation(deadline=today + dt.timedelta(days=7))
        _wait(
            lambda: Notification.objects.filter(user=staff).count() == 2,
            log_path,
            "no scan after the broker restarted",
        )
        runs = _runs(log_path)
        _wait(lambda: _runs(log_path) >= runs + 2, log_path, "beat stopped after the restart")
    finally:
        if worker is not None:
            _kill(worker)
        broker.kill()
        broker.wait(timeout=15)
    lines = Notification.objects.filter(user=staff).order_by("due_date")
    assert [(n.item, n.occurrence) for n in lines] == [(first, today), (second, today)]
    # The worker did lose its broker (else the test proved nothing).
    assert "Connection to broker lost" in log_path.read_text(errors="replace")
