"""The interface speaks Vietnamese on every page: every named URL as every role over the demo
data, the admin's index, app pages and lists, and the error pages with DEBUG off. A page fails
when its visible text holds a word of ENGLISH: what Django and its libraries print where a
string was left untranslated (pagination, the blank choice of drop-downs, third-party names)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

from tests.test_permission_matrix import PUBLIC, _clients, _files_to_open, _url
from tests.test_urls_access import _patterns

pytestmark = pytest.mark.django_db

# Whole words or phrases, case as written. Chosen not to match what the demo data and the
# pages rightly hold: proper nouns, file names, codes, "Excel", "PDF", "CSV", "QR", "IP",
# "dd/mm/yyyy", the names of authenticator apps and of `manage.py` commands.
ENGLISH = (
    # pagination, forms and filters
    "previous",
    "next",
    "Previous",
    "Next",
    "Page",
    "of",
    "Submit",
    "Save",
    "Delete",
    "Search",
    "Filter",
    "Select",
    "Choose",
    "None",
    "True",
    "False",
    "Unknown",
    "Yes",
    "No",
    "required",
    "This field",
    "Enter a valid",
    # the account pages
    "Home",
    "Log in",
    "Log out",
    "Password",
    "Username",
    # the admin
    "Add",
    "Change",
    "View",
    "Skip to",
    "Toggle",
    "Sidebar",
    "Breadcrumbs",
    "Model name",
    "models",
    "Django",
    "Axes",
    "Access attempts",
    "Access failures",
    "Access logs",
    "OTP_TOTP",
    "Otp_Totp",
    "TOTP devices",
    "TOTP device",
    "Show counts",
    "Click",
    # error pages Django writes itself
    "Not Found",
    "Server Error",
    "Bad Request",
    "Forbidden",
)
ENGLISH_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])|-{4,}"
)


class _VisibleText(HTMLParser):
    """What a person reads on the page: text outside scripts and styles (option labels
    included), placeholders, tooltips and the labels of input buttons. Not the attributes read
    only by screen readers or shown for a missing image (aria-label, alt)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1
            return
        a = {k: v or "" for k, v in attrs}
        self.parts.extend(a[k] for k in ("placeholder", "title") if a.get(k))
        if tag == "input" and a.get("type", "").lower() in ("submit", "button", "reset"):
            self.parts.append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " | ".join(p.strip() for p in parser.parts if p.strip())


def english_in(html: str) -> list[str]:
    """Each English word of the page once, with a little of what surrounds it."""
    text = visible_text(html)
    found: dict[str, str] = {}
    for match in ENGLISH_RE.finditer(text):
        context = text[max(match.start() - 25, 0) : match.end() + 25]
        found.setdefault(match.group(0), f"{match.group(0)!r} in «…{context}…»")
    return list(found.values())


def _check(failures: list[str], who: str, url: str, response, ignore: str = "") -> None:
    if response.get("Content-Type", "").startswith("text/html"):
        failures.extend(
            f"{who} {url}: {w}"
            for w in english_in(response.content.decode())
            if not (ignore and w.startswith(repr(ignore)))
        )


def test_the_english_detector_reads_what_a_person_reads():
    html = (
        "<p>Trang 1</p><script>var next = 1;</script><style>.None{}</style>"
        '<input type="submit" value="Submit"><select><option>---------</option></select>'
        '<a title="Previous">x</a><img alt="True"><nav aria-label="Table navigation"></nav>'
    )
    assert [w.split(" in ")[0] for w in english_in(html)] == [
        "'Submit'",
        "'---------'",
        "'Previous'",
    ]
    assert english_in("<p>Ủy ban nhân dân tỉnh; Nguyễn Văn Nam; Xuất Excel; bien-ban.pdf</p>") == []


def test_every_page_is_in_vietnamese_for_every_role(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    _files_to_open()
    urls = [
        _url(name, route)
        for name, route, _entry in _patterns()
        if not name.startswith("admin:") and name not in PUBLIC
    ]
    failures: list[str] = []
    for role, client in _clients().items():
        for url in urls:
            _check(failures, role, url, client.get(url))
        if role == "delegate":  # the secretariat's lists refuse a delegate's login
            continue
        # A second page of the longest lists: pagination shows.
        for name in ("voters:voterpetition_list", "council:delegate_list"):
            url = reverse(name) + "?page=2"
            response = client.get(url)
            assert "page-link" in response.content.decode(), url
            _check(failures, role, url, response)
    login = reverse("login")
    _check(failures, "anonymous", login, Client().get(login))
    assert not failures, "\n".join(failures)


def test_the_admin_index_app_pages_and_lists_are_in_vietnamese():
    call_command("load_demo", verbosity=0)
    client = _clients()["admin"]
    pages = [reverse("admin:index")]
    pages += [reverse("admin:app_list", args=[label]) for label in _admin_app_labels()]
    pages += [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]
    failures: list[str] = []
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        # The blank choice of the admin's actions bar is Django's BLANK_CHOICE_DASH, which no
        # catalog translates and no setting names.
        _check(failures, "admin", url, response, ignore="---------")
    assert not failures, "\n".join(failures)


def _admin_app_labels() -> set[str]:
    return {model._meta.app_label for model in admin.site._registry}


def _request(staff_user):
    request = RequestFactory().get("/khong-co/")
    request.user = staff_user
    return request


@pytest.mark.parametrize(
    ("handler", "status"),
    [
        (lambda r: defaults.page_not_found(r, Exception("x")), 404),
        (lambda r: defaults.permission_denied(r, Exception("x")), 403),
        (lambda r: defaults.bad_request(r, Exception("x")), 400),
        # Rendered with no context at all, as Django does: the error may lie in a context
        # processor or a database that is down.
        (lambda r: defaults.server_error(r), 500),
    ],
)
def test_error_pages_are_in_vietnamese_with_debug_off(settings, staff_user, handler, status):
    settings.DEBUG = False
    response = handler(_request(staff_user))
    assert response.status_code == status
    html = response.content.decode()
    assert english_in(html) == []
    assert '<html lang="vi">' in html


def test_a_missing_page_and_a_refused_form_answer_in_vietnamese_with_debug_off(
    settings, staff_client, staff_user
):
    settings.DEBUG = False
    response = staff_client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()
    assert english_in(response.content.decode()) == []
    # A form posted without its CSRF token (a page left open past the session, a cookie lost).
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)
    response = browser.post(reverse("council:term_create"), {})
    assert response.status_code == 403
    assert english_in(response.content.decode()) == []
