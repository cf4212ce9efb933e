from __future__ import annotations

import datetime as dt

import pytest

from core.services import record_save
from council.models import Delegate
from sessions.models import Session


@pytest.fixture
def delegates(term) -> list[Delegate]:
    return [
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i:02d}", birth_year=1970 + i)
        for i in range(10)
    ]


@pytest.fixture
def make_session(term):
    def make(number: int = 13, kind: str = Session.Kind.THEMATIC, start=dt.date(2019, 8, 20), **kw):
        return record_save(
            instance=Session(
                term=kw.pop("term", term),
                number=number,
                kind=kind,
                start_date=start,
                end_date=kw.pop("end", start),
                **kw,
            )
        )

    return make
