"""Rate limits (DRF throttling, counted in the Django cache): anonymous clients by address at
settings.API_ANON_RATE, token holders by token at settings.API_TOKEN_RATE.

The rates are read from the settings at each request, not at import (DRF's own throttles copy
them into a class attribute once, so a changed setting would never be seen)."""

from __future__ import annotations

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from opendata.models import ApiToken


class AnonymousRateThrottle(SimpleRateThrottle):
    scope = "opendata_anon"

    def get_rate(self) -> str | None:
        return settings.API_ANON_RATE or None

    def get_cache_key(self, request: Request, view) -> str | None:
        if isinstance(request.auth, ApiToken):
            return None  # counted by TokenRateThrottle
        # get_ident trusts X-Forwarded-For only for NUM_PROXIES hops (= TRUSTED_PROXY_COUNT).
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenRateThrottle(SimpleRateThrottle):
    scope = "opendata_token"

    def get_rate(self) -> str | None:
        return settings.API_TOKEN_RATE or None

    def get_cache_key(self, request: Request, view) -> str | None:
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
