"""Browser end-to-end fixtures: Debian's Chromium driven by Playwright against pytest-django's
live server. Browsers cannot be downloaded here, so the system Chromium is used; without it
the tests skip on a laptop and fail in CI (where `.ci/run` installs it)."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Named in the README: one PNG per step, NN-step.png, overwritten at each run.
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "e2e-screenshots"
# Generous for a 2-core machine shared with other work; waits end as soon as the page is ready.
TIMEOUT_MS = 20_000


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module", autouse=True)
def _allow_db_under_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an asyncio loop running in the test thread, which makes
    Django refuse ORM calls there (SynchronousOnlyOperation). Module-scoped and autouse so it
    is set before the browser starts and restored only after the last database flush."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def browser(_allow_db_under_playwright):
    if not CHROMIUM.exists():
        _unavailable(f"no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev dependencies include it
        _unavailable("the playwright package is not installed")
    # Module scope, stopped at the end: the running loop must not outlive the e2e tests, or
    # every later test in the session would trip Django's async-safety check.
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class Shots:
    """Numbered full-page screenshots, in the order the scenario takes them."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.count = 0
        directory.mkdir(parents=True, exist_ok=True)
        for old in [*directory.glob("*.png"), *directory.glob("*.pdf")]:
            old.unlink()

    def take(self, page, step: str) -> Path:
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.directory / f"{self.count:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def shots() -> Shots:
    return Shots(SCREENSHOT_DIR)


@pytest.fixture
def new_page(browser, live_server):
    """Open a fresh browser context (its own cookies: one per user) on the live server."""
    contexts = []

    def open_page():
        context = browser.new_context(
            base_url=live_server.url,
            locale="vi-VN",
            viewport={"width": 1366, "height": 900},
            accept_downloads=True,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def server_lock(live_server) -> Iterator[threading.Lock]:
    """A lock the live server holds while it handles each request. Work the test does itself
    (standing in for a Celery worker) runs under it, so it never overlaps a request: with
    in-memory SQLite the server threads share the test's connection and its transaction."""
    lock = threading.Lock()
    httpd = live_server.thread.httpd
    app = httpd.get_app()

    def serialized(environ, start_response):
        with lock:
            return app(environ, start_response)

    httpd.set_app(serialized)
    yield lock
    httpd.set_app(app)
