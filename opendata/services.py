"""Writes of the open-data API: its tokens."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from council.models import Council
from opendata.models import ApiToken, key_hash

KEY_PREFIX = "hdnd_"
# last_used_at is written at most this often per token: a harvester's thousand requests a
# minute must not become a thousand UPDATEs.
LAST_USED_GRANULARITY = dt.timedelta(minutes=5)


@transaction.atomic
def api_token_create(
    *, council: Council, name: str, created_by: Any = None
) -> tuple[ApiToken, str]:
    """A new token and its key. The key is returned once and never stored."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        council=council,
        name=name.strip(),
        key_hash=key_hash(key),
        key_prefix=key[: len(KEY_PREFIX) + 6],
        created_by=created_by,
    )
    token.full_clean()
    token.save()
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoked for good (a revoked key is never accepted again); revoking twice keeps the first
    time: one conditional UPDATE."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def api_token_touch(*, token: ApiToken, now: dt.datetime | None = None) -> None:
    """Note that the token was used, at most once per LAST_USED_GRANULARITY: the condition in
    the UPDATE makes concurrent requests write once."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_GRANULARITY:
        return
    ApiToken.objects.filter(pk=token.pk).exclude(
        last_used_at__gt=now - LAST_USED_GRANULARITY
    ).update(last_used_at=now)
    token.last_used_at = now
