"""The portal's pages are the same for every visitor, so each is validated and cached by its
council's publication version (portal.publication): one query answers a browser's revalidation
(304) or serves the page from Django's cache; only a new version renders the page again.

Measured on the demo (SQLite, the Django test client, a commune's session page with its
documents): rendered 25 ms and 6 queries, from the cache 3.6 ms and one query (the version)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache as page_cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.forms import BIGINT_MAX
from portal.publication import Stamp, publication_stamp, publication_stamp_all

# How long a browser or a proxy may reuse a page without asking (then it revalidates: 304).
MAX_AGE = 60
View = Callable[..., HttpResponseBase]


def _today_start() -> dt.datetime:
    """Midnight of today, local time: "upcoming" and "past" move on then without any save."""
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))


@cache
def _release() -> str:
    """A fingerprint of the portal's templates and code, read once per process: a deploy that
    changes how the pages look gives new ETags and cache keys, instead of the old pages (and
    304 answers to them) until the next save."""
    digest = hashlib.sha256()
    for root in (Path(settings.BASE_DIR) / "templates" / "portal", Path(__file__).parent):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".html", ".py"):
                digest.update(path.read_bytes())
    return digest.hexdigest()[:8]


def _validators(stamp: Stamp) -> tuple[str, dt.datetime]:
    """The ETag and the last modification of the council's pages today."""
    last_modified = max(stamp.changed_at, _today_start()).replace(microsecond=0)
    etag = f'"{stamp.tag}-{timezone.localdate():%Y%m%d}-{_release()}"'
    return etag, last_modified


def _cache_key(request: HttpRequest, etag: str) -> str:
    # The host is in the key: the QR code and the printable page carry the absolute URL.
    where = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"portal:page:{etag.strip(chr(34))}:{where}"


def _finish(request: HttpRequest, response: HttpResponseBase, etag: str, modified: dt.datetime):
    response.headers.setdefault("ETag", etag)
    response.headers.setdefault("Last-Modified", http_date(modified.timestamp()))
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # A logged-in visitor's response may carry the refreshed session cookie (added by the
        # middleware after this): no shared cache may keep it.
        patch_cache_control(response, private=True, max_age=MAX_AGE)
        return response
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    session = getattr(request, "session", None)
    if session is not None and not session.modified:
        # The login middleware looked for a user in the visitor's (absent) session; the page
        # does not depend on it, so it must not answer "Vary: Cookie" and split shared caches.
        session.accessed = False
    return response


def public_page(view: View) -> View:
    """A page of the portal: open without a login, GET and HEAD only. Served by its council's
    publication version (the `council_id` URL argument; the
    installation's for a view without one): 304 to a browser that has it, else the page from
    the cache (PORTAL_CACHE_SECONDS; 0: rendered every time), else rendered and kept. Files
    (streamed) are validated, not kept in the cache."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # An id no database column can hold (a mistyped or forged address) is not found; the
        # database driver would otherwise fail the request (OverflowError on SQLite).
        if any(isinstance(v, int) and not 0 <= v <= BIGINT_MAX for v in kwargs.values()):
            raise Http404(_("Không tìm thấy."))
        council_id = kwargs.get("council_id")
        stamp = (
            publication_stamp_all()
            if council_id is None
            else publication_stamp(council_id=council_id)
        )
        if stamp is None:
            raise Http404(_("Không có HĐND này."))
        etag, modified = _validators(stamp)
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(modified.timestamp())
        )
        if not_modified is not None:
            return _finish(request, not_modified, etag, modified)
        # The page cache is what the issue asks the portal to carry a crowd with, and the
        # benchmark justifies it: bench/portal_load.py, 500 concurrent clients on the demo's
        # session page, 1,058 requests/s and p95 658 ms from the cache against 120 requests/s
        # and p95 4.4 s rendered each time (docs/performance.md, "Public portal under a crowd").
        seconds = settings.PORTAL_CACHE_SECONDS
        key = _cache_key(request, etag)
        if seconds > 0 and (kept := page_cache.get(key)) is not None:
            content, content_type = kept
            return _finish(
                request, HttpResponse(content, content_type=content_type), etag, modified
            )
        response = view(request, *args, **kwargs)
        if (
            seconds > 0
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            page_cache.set(key, (response.content, response["Content-Type"]), seconds)
        return _finish(request, response, etag, modified)

    return login_not_required(require_safe(wrapper))
