"""Posting a form as a browser does. Create forms carry a one-time token issued with the page
(core.idempotency) and edit forms the version they were read at (core.concurrency); a
POST without them is refused. Tests that fill a form in therefore open its page first and
send those hidden fields back with their data, as the browser would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from core.concurrency import VERSION_FIELD
from core.idempotency import FORM_TOKEN_FIELD

GUARD_FIELDS = (FORM_TOKEN_FIELD, VERSION_FIELD)


class _FormReader(HTMLParser):
    """The values the page's form would send unchanged (the first POST form that posts to the
    page itself: the log-out form of the menu posts elsewhere): text and hidden inputs,
    checked boxes and radios, selected options, text areas (no file or submit inputs)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = {}
        self._state = "before"  # before / inside / after the first POST form
        self._select: str | None = None
        self._textarea: str | None = None

    def _add(self, name: str | None, value: str) -> None:
        if name:
            self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if (
            tag == "form"
            and self._state == "before"
            and a.get("method", "").lower() == "post"
            and not a.get("action")
        ):
            self._state = "inside"
        if self._state != "inside":
            return
        kind = a.get("type", "text").lower()
        if tag == "input" and kind not in ("file", "submit", "button", "image", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in a:
                self._add(a.get("name"), a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self._add(self._textarea, "")

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._state == "inside":
            self._state = "after"
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_values(html: str) -> dict[str, Any]:
    """What the page's form would send as it stands (one value, or a list)."""
    reader = _FormReader()
    reader.feed(html)
    values = {k: v[0] if len(v) == 1 else v for k, v in reader.values.items()}
    values.pop("csrfmiddlewaretoken", None)
    return values


def guard_fields(html: str) -> dict[str, str]:
    """The page's one-time token and version fields."""
    return {k: v for k, v in form_values(html).items() if k in GUARD_FIELDS}


def post_form(client: Any, url: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    """GET the form page, then POST `data` with the page's token and version fields, as a
    browser would (`data` may set them itself). `page` names another URL to read the form
    from (a page reached with a query string); other keywords go to client.post."""
    page = client.get(kwargs.pop("page", url))
    assert page.status_code == 200, (url, page.status_code)
    return client.post(url, {**guard_fields(page.content.decode()), **(data or {})}, **kwargs)


# A spreadsheet's text escapes a control character as _xHHHH_ (ECMA-376, ST_Xstring): Excel and
# LibreOffice show the character, openpyxl returns the escape as it is. XlsxWriter writes a
# carriage return that way.
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_text(value: Any) -> Any:
    """A cell's text as a spreadsheet application shows it."""
    if not isinstance(value, str):
        return value
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def council_client(council: Any, username: str, role: Any = None) -> Any:
    """A test client logged in as a new login of `council` (None: the province's), staff by
    default (accounts.services.user_create_with_role)."""
    from django.test import Client

    from accounts.services import user_create_with_role
    from core.roles import Role

    user = user_create_with_role(
        username=username, password="x-long-password-1", role=role or Role.STAFF, council=council
    )
    client = Client()
    client.force_login(user)
    return client
