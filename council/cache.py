"""A data version for caches of derived figures (the dashboard) and of whole pages: any
committed write to the council's records bumps it, so a cached figure or page is never older
than the last write.

Model saves and deletions bump it through signals (connected in CouncilConfig.ready for every
model of the data apps, without importing them); services that write with queryset.update()
or bulk operations, which send no signals, call bump_data_version() themselves."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import SimpleTemplateResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

KEY = "hdnd:data-version"
DATA_APPS = frozenset({"council", "council_sessions", "resolutions", "oversight", "voters"})


def data_version() -> int:
    """The current version; with the cache down, a fresh one each time (nothing is reused)."""
    try:
        version = cache.get(KEY)
        if version is None:
            cache.add(KEY, time.time_ns(), timeout=None)
            version = cache.get(KEY)
    except Exception:  # a cache outage must cost speed, never correctness or a page
        logger.warning("cache unavailable: dashboard figures are computed afresh", exc_info=True)
        version = None
    return version if version is not None else time.time_ns()


def _bump() -> None:
    try:
        cache.set(KEY, time.time_ns(), timeout=None)
    except Exception:
        # Never fail a write because the cache is down; the cached entries expire on their own.
        logger.warning("cache unavailable: could not bump the data version", exc_info=True)


def bump_data_version() -> None:
    """Call after a write. Bumped at once (a reader in the same transaction sees new figures)
    and again at commit (whatever another reader cached from the not yet committed state in
    between is dropped)."""
    _bump()
    transaction.on_commit(_bump)


def _on_write(sender: Any, **kwargs: Any) -> None:
    bump_data_version()


def connect_data_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        label = model._meta.app_label
        if (
            label not in DATA_APPS
            or model.__name__.startswith("Historical")
            # Logs and form tokens (council.idempotency), not the council's records.
            or model.__name__ in ("SecurityEvent", "FormSubmission")
        ):
            continue
        post_save.connect(
            _on_write,
            sender=model,
            weak=False,
            dispatch_uid=f"data-version-save-{model._meta.label}",
        )
        post_delete.connect(
            _on_write,
            sender=model,
            weak=False,
            dispatch_uid=f"data-version-delete-{model._meta.label}",
        )
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"data-version-m2m-{model._meta.label}-{field.name}",
            )


# --- figures and whole pages, cached under the data version -----------------------------------

T = TypeVar("T")
# Derived figures are replaced by the next write anyway; the timeout only bounds memory.
FIGURES_CACHE_SECONDS = 15 * 60


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def cached_figures(name: str, parts: Iterable[object], compute: Callable[[], T], seconds: int) -> T:
    """compute(), kept until the next write (the data version is part of the key) or for
    `seconds`. `parts` must name everything else the result depends on (council, year, term,
    today for deadlines...). A cache outage costs speed, never the answer."""
    key = f"hdnd:figures:{name}:{data_version()}:" + _digest(":".join(map(str, parts)))
    value = None
    with contextlib.suppress(Exception):
        value = cache.get(key)
    if value is None:
        value = compute()
        with contextlib.suppress(Exception):
            cache.set(key, value, seconds)
    return value


def _viewer_scope(request: HttpRequest) -> str | None:
    """Everything about the visitor a page's HTML depends on, or None when the page must not be
    cached for them. The roles are read with the user on every request (council.auth), so a
    revoked role misses the cache at once; the CSRF secret, because the page carries a token
    made from it (logout form)."""
    user = request.user
    if not user.is_authenticated:
        return None
    from django.middleware.csrf import get_token

    from council.roles import user_roles

    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        get_token(request)  # a visitor without the cookie gets it now, with this very page
        secret = request.META["CSRF_COOKIE"]
    # With the cookie there, no get_token(): it would mask a token nobody reads and send the
    # cookie again with every page served from the cache (the cached page's token stays valid).

    verified = getattr(user, "is_verified", lambda: False)()
    return ":".join(
        map(
            str,
            (
                user.pk,
                user.username,
                user.get_full_name(),
                sorted(r.value for r in user_roles(user)),
                user.is_staff,
                user.is_superuser,
                verified,
                _digest(secret),
                bool(request.headers.get("HX-Request")),
            ),
        )
    )


def _pending_messages(request: HttpRequest) -> int:
    storage = getattr(request, "_messages", None)
    return len(storage) if storage is not None else 0


def cached_page_response(
    request: HttpRequest, render: Callable[[], HttpResponse], seconds: int | None = None
) -> HttpResponse:
    """The page's HTML from the cache, or render() and keep it until the next write.

    Kept per day (deadlines), visitor (_viewer_scope) and full URL, with the data version it
    was rendered under: used only while no write has bumped it. Access is still decided by the
    view on every miss, and a hit needs the same user, roles and data that made the cached
    200. Not cached: anything but GET/HEAD, pages with a flash message to show or queued by
    the view, responses that are not 200 HTML or that set a cookie, and pages with personal
    data (views opt out)."""
    seconds = settings.PAGE_CACHE_SECONDS if seconds is None else seconds
    if seconds <= 0 or request.method not in ("GET", "HEAD") or _pending_messages(request):
        return render()
    scope = _viewer_scope(request)
    if scope is None:
        return render()
    # One entry per visitor and URL, holding the data version it was rendered under: the
    # version and the page come back in one round trip (get_many), and a page of an older
    # version is simply not used (and replaced).
    key = "hdnd:page:" + _digest(
        f"{timezone.localdate().isoformat()}:{scope}:{request.get_full_path()}"
    )
    version, cached = None, None
    with contextlib.suppress(Exception):  # a cache outage costs speed only
        found = cache.get_many([KEY, key])
        version, cached = found.get(KEY), found.get(key)
    if version is None:
        version = data_version()
    if cached is not None and cached[0] == version:
        _version, content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = render()
    if isinstance(response, SimpleTemplateResponse):
        response.render()
    cacheable = (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and "no-store" not in response.get("Cache-Control", "")
        and not _pending_messages(request)
    )
    if cacheable:
        with contextlib.suppress(Exception):
            cache.set(key, (version, response.content, response["Content-Type"]), seconds)
    return response


def cached_page(
    *, check: Callable[[HttpRequest], None]
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator of a function view: `check` (the access rule, which raises PermissionDenied)
    on every request, hit or miss, then cached_page_response around the view."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            check(request)
            return cached_page_response(request, lambda: view(request, *args, **kwargs))

        return wrapper

    return decorate
