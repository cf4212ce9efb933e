"""Fixtures of the reports tests: generated PDFs go to a temporary MEDIA_ROOT, and a helper
points the Celery app at a given broker (a closed port, or the real Redis for the worker test)."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from pypdf import PdfReader

from config.celery import app as celery_app


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def role_groups(db) -> None:
    """The role groups come from a data migration, and a transactional test before ours has
    flushed them: recreate them (list it before the user fixtures of transactional tests)."""
    from django.contrib.auth.models import Group

    from core.roles import Role

    for role in Role:
        Group.objects.get_or_create(name=role.value)


@contextlib.contextmanager
def celery_broker(url: str) -> Iterator[None]:
    """Send tasks to `url` for real (not eagerly) inside the block."""
    conf = celery_app.conf
    saved = (conf.task_always_eager, conf.broker_url, os.environ.get("CELERY_BROKER_URL"))
    conf.task_always_eager = False
    conf.broker_url = url
    # Celery reads the CELERY_BROKER_URL environment variable before its own setting.
    os.environ["CELERY_BROKER_URL"] = url
    # Drop the connection pools so the next publish connects to the new URL.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        conf.task_always_eager, conf.broker_url, env_url = saved
        if env_url is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = env_url
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


def pdf_pages(data: bytes, *, layout: bool = False) -> list[str]:
    """The text of each page of a PDF, read by pypdf (pure Python: the suite runs on a laptop
    without poppler). `layout` keeps the page's lines and indentation."""
    reader = PdfReader(BytesIO(data))
    mode = "layout" if layout else "plain"
    return [page.extract_text(extraction_mode=mode) for page in reader.pages]


def pdf_text(data: bytes) -> str:
    """The text of a PDF, with line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", " ".join(pdf_pages(data)))


def database_url() -> str:
    """The test database (pytest-django renamed NAME to test_...) as a DATABASE_URL."""
    db = settings.DATABASES["default"]
    auth = quote(db["USER"] or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{db['NAME']}"


def start_worker(
    *, log_path: Path, media_root: Path, pool: str = "solo", name: str = "reports-test"
) -> subprocess.Popen:
    """A real Celery worker process on the real broker, against the test database."""
    env = {
        **os.environ,
        # Not the test settings: those force eager tasks. Base reads everything from the
        # environment, so the worker runs exactly as in production, against the test database.
        "DJANGO_SETTINGS_MODULE": "config.settings.base",
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(media_root),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CONN_MAX_AGE": "0",
    }
    celery = Path(sys.executable).with_name("celery")
    command = [
        str(celery),
        "-A",
        "config",
        "worker",
        f"--pool={pool}",
        "--concurrency=1",
        "--loglevel=INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "-n",
        f"{name}-{os.getpid()}@%h",
    ]
    with log_path.open("ab") as log:
        return subprocess.Popen(
            command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )


def stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
