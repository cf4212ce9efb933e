"""The Redis cache backend (council.cache_backends): Django's, keeping its client object."""

from __future__ import annotations

import pytest
from django.conf import settings

from council.cache_backends import RedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache():
    # The broker's Redis, another database (CI and docker-compose both have one).
    server = settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/13"
    cache = RedisCache(server, {"KEY_PREFIX": "hdnd-test"})
    yield cache
    cache.clear()


def test_it_stores_reads_and_deletes_like_djangos(redis_cache):
    assert redis_cache.get("missing") is None
    redis_cache.set("page", {"html": "<p>Kỳ họp</p>"}, 30)
    assert redis_cache.get("page") == {"html": "<p>Kỳ họp</p>"}
    assert redis_cache.add("page", "other") is False
    redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_one_client_serves_every_operation(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.set("a", 1)
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client  # one server: reads = writes


def test_the_settings_pick_it_for_a_redis_url():
    import os
    import subprocess
    import sys

    env = {**os.environ, "CACHE_URL": settings.CELERY_BROKER_URL.rsplit("/", 1)[0] + "/13"}
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         " print(settings.CACHES['default']['BACKEND'])"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert out.strip() == "council.cache_backends.RedisCache"
