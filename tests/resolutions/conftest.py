from __future__ import annotations

import datetime as dt

import pytest

from core.services import record_save
from council.models import Delegate
from resolutions.models import Resolution
from resolutions.services import resolution_create
from sessions.models import Session


@pytest.fixture
def delegates(term) -> list[Delegate]:
    """Ten sitting delegates: a resolution needs at least six votes in favour."""
    return [
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i:02d}", birth_year=1970 + i)
        for i in range(10)
    ]


@pytest.fixture
def session(term) -> Session:
    return record_save(
        instance=Session(
            term=term,
            number=15,
            kind=Session.Kind.REGULAR,
            start_date=dt.date(2019, 12, 10),
            end_date=dt.date(2019, 12, 12),
        )
    )


@pytest.fixture
def make_resolution(council, session, delegates):
    def make(title: str = "Dự toán ngân sách năm 2020", **kw) -> Resolution:
        kw.setdefault("adopted_date", dt.date(2019, 12, 12))
        kw.setdefault("session", session)
        kw.setdefault("votes_for", 9)
        return resolution_create(council=council, title=title, **kw)

    return make


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
