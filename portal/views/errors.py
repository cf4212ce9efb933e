"""The portal's «not found» page: a visitor arriving from an old link or a QR code on last
year's programme stays on the portal (its header, its council's sections), not on the staff
layout whose only way on is the login page."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponseNotFound
from django.template.loader import render_to_string

from council.selectors import councils_public

_COUNCIL_IN_PATH = re.compile(r"^/cong-khai/(\d+)/")


def not_found(request: HttpRequest) -> HttpResponseNotFound:
    """Rendered like every portal page, without the request's context processors (no cookie,
    no CSRF token); the council named by the path, when there is one, keeps its header."""
    match = _COUNCIL_IN_PATH.match(request.path)
    council = None
    if match and len(match.group(1)) < 10:
        council = councils_public().filter(pk=int(match.group(1))).first()
    html = render_to_string("portal/404.html", {"request": request, "council": council})
    return HttpResponseNotFound(html)
