"""The public portal (issue 24) is accessible: every page, read by an anonymous visitor on a
desktop screen and on a phone, passes axe-core's WCAG 2.1 A and AA rules, and on the phone
nothing scrolls sideways.

axe-core runs inside Debian's Chromium, injected from the copy vendored for the tests
(tests/e2e/vendor/axe-core/, never served by the app). The council is the open council's seed
(tests/open_council/seed.py): a held session with its programme and a public document, an
upcoming one, resolutions linked by an amendment, an oversight activity marked public with its
recommendations, petition figures and a reception schedule, so that no page is empty."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from council.selectors import province_council
from oversight.selectors import activities_public
from resolutions.selectors import resolutions_public
from sessions.selectors import sessions_public
from tests.open_council.seed import OpenCouncil, seed_council, seed_open_council
from tests.public_urls import public_names

pytestmark = [pytest.mark.chromium, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe-core" / "4.14.1" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOAD_TIMEOUT_MS = 60_000

PHONE_WIDTH = 390
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": PHONE_WIDTH, "height": 844},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 3,
    },
}

Args = Callable[[OpenCouncil], dict]


def _council(data: OpenCouncil) -> dict:
    return {"council_id": data.council.pk}


def _with(pk_of: Callable[[OpenCouncil], int]) -> Args:
    return lambda data: {**_council(data), "pk": pk_of(data)}


# Every HTML page of the portal, as the walk of the open council reaches it, with the record
# that fills it. A view of the portal neither here nor in NOT_PAGES fails the test below.
PAGES: dict[str, list[Args]] = {
    "portal:index": [lambda data: {}],
    "portal:home": [_council],
    "portal:session_list": [_council],
    "portal:session_detail": [
        _with(lambda data: data.past_session.pk),
        _with(lambda data: data.upcoming_session.pk),
    ],
    "portal:session_qr_print": [_with(lambda data: data.past_session.pk)],
    "portal:resolution_list": [_council],
    "portal:resolution_detail": [
        _with(lambda data: data.resolution.pk),
        _with(lambda data: data.amending_resolution.pk),
    ],
    "portal:oversight_list": [_council],
    "portal:oversight_detail": [_with(lambda data: data.activity.pk)],
    "portal:petition_figures": [_council],
    "portal:reception_schedule": [_council],
}
# A search, as a visitor types it: the list with its query and what it found.
SEARCHES = {"portal:resolution_list": "quy hoach truong hoc"}
# Files, not pages: a PDF, an SVG image.
NOT_PAGES = {"portal:session_qr", "portal:document_download", "portal:resolution_text"}

AXE_RUN = """async (tags) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    }));
}"""


def portal_urls(data: OpenCouncil) -> list[str]:
    urls = []
    for name, args in PAGES.items():
        for kwargs in args:
            urls.append(reverse(name, kwargs=kwargs(data)))
        if name in SEARCHES:
            urls.append(reverse(name, kwargs=args[0](data)) + f"?q={SEARCHES[name]}")
    return urls


def describe(url: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        lines.append(f"{url}: [{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}  ({summary[:240]})")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return lines


def test_every_portal_page_is_listed_here():
    portal = {name for name in public_names() if name.startswith("portal:")}
    assert portal - NOT_PAGES - set(PAGES) == set(), "a new portal page: add it to PAGES"
    assert set(PAGES) - portal == set(), "PAGES names a view that is not a public portal page"


def check_pages(
    browser, live_server, device: str, urls: list[str], *, missing: tuple[str, ...] = ()
) -> list[str]:
    """axe's WCAG 2.1 A/AA violations of each page, and on a phone a page wider than it."""
    # The portal's Content-Security-Policy (script-src 'self') refuses the injected axe, as it
    # should refuse any script it does not serve: the test's browser alone looks past it.
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", bypass_csp=True, **VIEWPORTS[device]
    )
    context.set_default_timeout(LOAD_TIMEOUT_MS)
    problems: list[str] = []
    try:
        page = context.new_page()
        for url in [*urls, *missing]:
            response = page.goto(url)
            expected = 404 if url in missing else 200
            if response is None or response.status != expected:
                problems.append(f"{url}: answered {response and response.status}")
                continue
            page.add_script_tag(path=str(AXE))
            problems += describe(url, page.evaluate(AXE_RUN, WCAG_TAGS))
            if device == "phone":
                scroll, inner = page.evaluate(
                    "() => [document.documentElement.scrollWidth, window.innerWidth]"
                )
                # A page without a responsive viewport is laid out 980 px wide and zoomed out:
                # nothing would scroll, and nothing would be readable either.
                if inner != PHONE_WIDTH:
                    problems.append(f"{url}: laid out {inner} px wide on a {PHONE_WIDTH} px phone")
                elif scroll > inner:
                    problems.append(f"{url}: scrolls sideways on a phone ({scroll} px in {inner})")
    finally:
        context.close()
    return problems


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_every_portal_page_passes_axe_wcag21_aa(browser, live_server, settings, tmp_path, device):
    settings.MEDIA_ROOT = tmp_path / "media"
    data = seed_open_council()
    problems = check_pages(browser, live_server, device, portal_urls(data))
    assert not problems, f"Accessibility on {device}:\n" + "\n".join(problems)


@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_the_portal_not_found_page_passes_axe_wcag21_aa(browser, live_server, device):
    """A visitor following an old QR code or link to a session that is gone."""
    council = seed_council()
    gone = reverse("portal:session_detail", kwargs={"council_id": council.pk, "pk": 999_999})
    problems = check_pages(browser, live_server, device, [], missing=(gone,))
    assert not problems, f"Accessibility on {device}:\n" + "\n".join(problems)


def test_the_demo_province_portal_passes_axe_wcag21_aa(browser, live_server):
    """The demo's province: long lists with their pagination, years of sessions, resolutions
    and oversight, on both screens (one load of the demo for both)."""
    call_command("load_demo", verbosity=0)
    council = province_council()
    c = {"council_id": council.pk}
    urls = [reverse("portal:index")] + [
        reverse(name, kwargs=c)
        for name in PAGES
        if name.endswith(("_list", "home", "_figures", "_schedule"))
    ]
    urls += [reverse("portal:resolution_list", kwargs=c) + "?page=2"]
    for name, rows in (
        ("portal:session_detail", sessions_public(council=council).order_by("-start_date")),
        ("portal:resolution_detail", resolutions_public(council=council).order_by("-pk")),
        ("portal:oversight_detail", activities_public(council=council).order_by("-pk")),
    ):
        urls += [reverse(name, kwargs={**c, "pk": row.pk}) for row in rows[:2]]
    problems = []
    for device in sorted(VIEWPORTS):
        problems += [
            f"{device}: {line}" for line in check_pages(browser, live_server, device, urls)
        ]
    assert not problems, "Accessibility of the demo's portal:\n" + "\n".join(problems)
