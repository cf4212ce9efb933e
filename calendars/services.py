"""Issuing and revoking the private keys of the calendar feeds."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from calendars.models import CalendarToken


def _new_key() -> str:
    return secrets.token_urlsafe(32)  # 256 random bits, 43 URL-safe characters


@transaction.atomic
def calendar_token_issue(*, user: Any, kind: str) -> CalendarToken:
    """A new key for the user's feed of `kind`; the previous one stops working at once (a URL
    shared by mistake is cut off by issuing another)."""
    # The user's row locked: two clicks at once cannot both pass the revocation and then
    # collide on the one-active-key constraint.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    CalendarToken.objects.filter(user=user, kind=kind, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    token = CalendarToken(user=user, kind=kind, key=_new_key())
    token.full_clean()
    token.save()
    return token


def calendar_token_revoke(*, user: Any, kind: str) -> int:
    """Stop the user's feed of `kind` (no new key). The number of keys revoked (0 or 1)."""
    return CalendarToken.objects.filter(user=user, kind=kind, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def calendar_token_used(*, token: CalendarToken) -> None:
    """When a calendar app last fetched the feed (shown to the owner: a key still in use)."""
    CalendarToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
