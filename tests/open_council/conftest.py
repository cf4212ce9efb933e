"""The open council's data (tests/open_council/seed.py), seeded for each test that asks."""

from __future__ import annotations

import pytest

from tests.open_council.seed import OpenCouncil, seed_open_council


@pytest.fixture
def open_council(db, settings, tmp_path) -> OpenCouncil:
    # Uploaded PDFs go to the test's own folder, not the shared test media.
    settings.MEDIA_ROOT = tmp_path / "media"
    return seed_open_council()
