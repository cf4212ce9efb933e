"""The open council's data (tests/open_council/seed.py), seeded for each test that asks."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.open_council.seed import OpenCouncil, seed_open_council


@pytest.fixture
def open_council(db, settings, tmp_path) -> OpenCouncil:
    # Uploaded PDFs go to the test's own folder, not the shared test media.
    settings.MEDIA_ROOT = tmp_path / "media"
    return seed_open_council()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with the API's anonymous rate limit untouched and no portal page kept
    from another test's data (both live in the cache)."""
    cache.clear()
    yield
    cache.clear()
