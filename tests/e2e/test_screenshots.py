"""The README's screenshots: the dashboard, a list, a form and a report page, on a desktop
screen (1366 × 900) and on a phone (390 × 844), with the demo council's data. Each run checks
that those pages open and fit their width; with UPDATE_SCREENSHOTS=1 it rewrites the PNGs of
docs/screenshots/ (otherwise it writes them under var/e2e-screenshots/interface/):

    UPDATE_SCREENSHOTS=1 .venv/bin/pytest tests/e2e/test_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from resolutions.models import Resolution
from sessions.models import Session
from tests.e2e.pages import login

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]

LOAD_TIMEOUT_MS = 60_000

DOCS = Path(settings.BASE_DIR) / "docs" / "screenshots"
SCRATCH = Path(settings.BASE_DIR) / "var" / "e2e-screenshots" / "interface"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
YEAR = 2019  # the demo council's year


def _pages() -> dict[str, str]:
    # The session of the year that adopted most resolutions: its resolution form, prefilled.
    session = max(
        Session.objects.filter(start_date__year=YEAR),
        key=lambda s: Resolution.objects.filter(session=s).count(),
    )
    query = urlencode(
        {"session": session.pk, "adopted_date": session.end_date.strftime("%d/%m/%Y")}
    )
    return {
        "dashboard": f"{reverse('home')}?year={YEAR}",
        "list": reverse("voters:voterpetition_list"),
        "form": f"{reverse('resolutions:resolution_create')}?{query}",
        "report": reverse("reports:annualreport_detail", args=[YEAR]),
    }


def test_screenshots_of_the_interface(browser, live_server, staff_user):
    call_command("load_demo", verbosity=0)
    directory = DOCS if os.environ.get("UPDATE_SCREENSHOTS") else SCRATCH
    directory.mkdir(parents=True, exist_ok=True)
    pages = _pages()
    for width_name, viewport in VIEWPORTS.items():
        context = browser.new_context(base_url=live_server.url, locale="vi-VN", viewport=viewport)
        # Dozens of pages on a loaded 2-core CI machine: one slow load must not fail the walk.
        context.set_default_timeout(LOAD_TIMEOUT_MS)
        try:
            page = context.new_page()
            login(page, "chuyenvien")
            for name, url in pages.items():
                response = page.goto(url)
                assert response.status == 200, (url, response.status)
                page.wait_for_load_state("networkidle")
                scroll, client = page.evaluate(
                    "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
                )
                assert scroll <= client, f"{url} scrolls sideways at {viewport['width']} px"
                page.screenshot(path=str(directory / f"{name}-{width_name}.png"))
        finally:
            context.close()
    assert len(list(directory.glob("*-desktop.png"))) >= 4
