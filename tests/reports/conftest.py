"""Fixtures of the reports tests: generated PDFs go to a temporary MEDIA_ROOT, and a helper
points the Celery app at a given broker (a closed port, or the real Redis for the worker test)."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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

    from council.roles import Role

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


def pdf_text(data: bytes) -> str:
    """The text of a PDF (pdftotext), with line breaks and runs of spaces made single spaces."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return re.sub(r"\s+", " ", result.stdout.decode("utf-8"))
