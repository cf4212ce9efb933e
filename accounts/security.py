"""Security log and the middlewares that enforce session lifetime and two-factor login.

Recording is deliberately narrow: who, when, where (IP, path) and what; never a password or
the content of a form."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import SecurityEvent
from core.roles import is_admin

logger = logging.getLogger(__name__)

SESSION_STARTED_KEY = "hdnd_login_at"
SESSION_SEEN_KEY = "hdnd_seen_at"


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address. X-Forwarded-For is trusted only for the hops our own proxies add
    (settings.TRUSTED_PROXY_COUNT, 0 by default): its leftmost values are whatever the client sent."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [
            h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()
        ]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def security_event_record(
    *,
    kind: str,
    request: HttpRequest | None = None,
    user: Any = None,
    username: str = "",
    detail: str = "",
) -> None:
    """Write one event to the security log, or count it on the latest row when the same person
    already has SECURITY_LOG_RATE_LIMIT events of this kind in the last SECURITY_LOG_RATE_WINDOW
    seconds. Without that, any logged-in user could grow the log without bound by requesting
    distinct forbidden URLs (one fuzzing run left 3,015 rows); the count keeps the fact that it
    happened. "The same person" is the user, or for anonymous events (failed logins) the user
    name typed and the address.

    The check is a query on the log itself rather than a counter in the cache, which an
    eviction would empty. Two requests at the same instant may both pass it: a row or two
    over the limit, never an unbounded number."""
    if user is None and request is not None and getattr(request, "user", None) is not None:
        user = request.user if request.user.is_authenticated else None
    username = (username or (user.get_username() if user else ""))[:150]
    ip_address = client_ip(request)
    limit = settings.SECURITY_LOG_RATE_LIMIT
    if limit > 0:
        since = timezone.now() - timedelta(seconds=settings.SECURITY_LOG_RATE_WINDOW)
        same = SecurityEvent.objects.filter(kind=kind, at__gte=since)
        if user is not None:
            same = same.filter(user=user)
        else:
            same = same.filter(user=None, username=username, ip_address=ip_address)
        recent = list(same.order_by("-at", "-pk").values_list("pk", flat=True)[:limit])
        if len(recent) >= limit:
            SecurityEvent.objects.filter(pk=recent[0]).update(repeats=F("repeats") + 1)
            return
    SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=username,
        ip_address=ip_address,
        path=(request.get_full_path() if request is not None else "")[:500],
        detail=detail[:500],
    )


class ForwardedForCheckMiddleware:
    """Warn, once per process, when a request carries X-Forwarded-For while
    TRUSTED_PROXY_COUNT is 0. Behind a reverse proxy with the count at 0 every request seems to
    come from the proxy: django-axes locks a user name and address pair, so anyone's five wrong
    passwords lock the named user out for everyone, and the security log shows one address.
    The header alone proves nothing (a client may send it), hence a warning, not a change."""

    warned = False

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cls = type(self)
        if (
            not cls.warned
            and settings.TRUSTED_PROXY_COUNT == 0
            and "HTTP_X_FORWARDED_FOR" in request.META
        ):
            cls.warned = True
            logger.warning(
                "A request came with X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: behind a "
                "reverse proxy every user shares the proxy's address, so failed logins lock "
                "users out for everyone and the security log shows only the proxy. Set "
                "TRUSTED_PROXY_COUNT to the number of your proxies (1 behind one nginx)."
            )
        return self.get_response(request)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler403: log, then answer with the Vietnamese 403 page."""
    security_event_record(kind=SecurityEvent.Kind.FORBIDDEN, request=request)
    return render(request, "403.html", status=403)


class SessionLifetimeMiddleware:
    """An idle timeout and an absolute lifetime, whatever the cookie says."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.get(SESSION_STARTED_KEY, now)
            seen = request.session.get(SESSION_SEEN_KEY, now)
            idle = now - seen > settings.SESSION_IDLE_TIMEOUT
            too_old = now - started > settings.SESSION_ABSOLUTE_LIFETIME
            if idle or too_old:
                user = request.user
                logout(request)
                security_event_record(
                    kind=SecurityEvent.Kind.SESSION_EXPIRED,
                    request=request,
                    user=user,
                    detail="idle" if idle else "absolute",
                )
                messages.info(request, _("Phiên làm việc đã hết hạn, vui lòng đăng nhập lại."))
                return HttpResponseRedirect(f"{reverse('login')}?next={request.path}")
            request.session.setdefault(SESSION_STARTED_KEY, now)
            # Write at most once a minute, so reading pages does not rewrite the session each time.
            if now - seen > 60 or SESSION_SEEN_KEY not in request.session:
                request.session[SESSION_SEEN_KEY] = now
        return self.get_response(request)


OTP_EXEMPT_URL_NAMES = {"login", "logout", "otp_verify", "otp_setup"}
OTP_DEVICE_KEY = "hdnd_has_otp_device"


def session_has_otp_device(request: HttpRequest) -> bool:
    """Whether the user has a confirmed authenticator, read once per session rather than on
    every request (set at login, and again when a device is confirmed)."""
    if OTP_DEVICE_KEY not in request.session:
        from django_otp import user_has_device

        request.session[OTP_DEVICE_KEY] = user_has_device(request.user)
    return bool(request.session[OTP_DEVICE_KEY])


class OTPRequiredMiddleware:
    """Two-factor login: required for administrators (and so for the Django admin), and for
    everyone who has set up an authenticator app. Runs after django_otp's OTPMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.url_name in OTP_EXEMPT_URL_NAMES:
            return None
        if session_has_otp_device(request):
            return HttpResponseRedirect(f"{reverse('otp_verify')}?next={request.get_full_path()}")
        if is_admin(user):
            return HttpResponseRedirect(f"{reverse('otp_setup')}?next={request.get_full_path()}")
        return None


def personal_data_response(
    request: HttpRequest, response: HttpResponse, *, shown: bool
) -> HttpResponse:
    """Pages and files that may carry citizens' identities: never cached anywhere, and every
    view of an identity goes to the security log."""
    from django.utils.cache import add_never_cache_headers

    add_never_cache_headers(response)
    if shown and 200 <= response.status_code < 300:
        security_event_record(kind=SecurityEvent.Kind.PERSONAL_DATA_VIEW, request=request)
    return response


class PersonalDataPageMixin:
    """For views whose pages can show citizens' personal data (letters, receptions)."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().dispatch(request, *args, **kwargs)
        from core.roles import can_view_personal_data

        return personal_data_response(request, response, shown=can_view_personal_data(request.user))
