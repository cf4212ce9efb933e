"""Login sessions read through the cache and kept in the database (Django's cached_db), that
outlive a cache outage: every cache operation that fails is logged and skipped, the database
answers. Django's own store already does so on reads and saves but not on a miss's refill nor on
deletion, so with the cache down every request failed.

Why cached: a page served from the page cache costs two database round trips, the session and
the user; the session then comes with the page from the cache (a sixth of the request's time).

A deletion (logout) that cannot reach the cache leaves the cached copy until the cache is back
and the copy expires; the idle timeout (council.security.SessionLifetimeMiddleware, 30 minutes
by default) still ends it, and the user's roles and password hash are read from the database on
every request."""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore

logger = logging.getLogger(__name__)


class _Tolerant:
    """The cache, each failing call logged and answered as a miss."""

    def __init__(self, cache: Any) -> None:
        self._cache = cache

    def _call(self, name: str, *args: Any, default: Any = None, **kwargs: Any) -> Any:
        try:
            return getattr(self._cache, name)(*args, **kwargs)
        except Exception:
            logger.warning("session cache unavailable (%s)", name, exc_info=True)
            return default

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> None:
        self._call("set", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> None:
        self._call("delete", *args, **kwargs)

    def __contains__(self, key: str) -> bool:
        return bool(self._call("has_key", key, default=False))


class SessionStore(CachedDBStore):
    def __init__(self, session_key: str | None = None) -> None:
        super().__init__(session_key)
        self._cache = _Tolerant(self._cache)
