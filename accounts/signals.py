"""Login, logout, failures and lockouts go to the security log."""

from __future__ import annotations

import time
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from accounts.models import SecurityEvent
from accounts.security import (
    OTP_DEVICE_KEY,
    SESSION_SEEN_KEY,
    SESSION_STARTED_KEY,
    security_event_record,
)


@receiver(user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_SEEN_KEY] = now
        # Looked up afresh at every login: a device added since takes effect now.
        request.session.pop(OTP_DEVICE_KEY, None)
    security_event_record(kind=SecurityEvent.Kind.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        security_event_record(kind=SecurityEvent.Kind.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    # `credentials` is already scrubbed of the password by Django; we keep only the username.
    username = str(credentials.get("username", ""))
    security_event_record(kind=SecurityEvent.Kind.LOGIN_FAILED, request=request, username=username)


@receiver(user_locked_out)
def _locked_out(
    sender: Any,
    request: Any,
    username: str | None = None,
    ip_address: str | None = None,
    **kwargs: Any,
) -> None:
    security_event_record(kind=SecurityEvent.Kind.LOCKOUT, request=request, username=username or "")
