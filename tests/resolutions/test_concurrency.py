"""Two staff saving the same number at the same moment: the database lets only one through."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from council.models import Council, Delegate, Term
from resolutions.models import Resolution
from resolutions.services import resolution_create

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_saves_cannot_take_the_same_number(monkeypatch):
    council = Council.objects.create(
        name="HĐND tỉnh Đồng Thời",
        short_name="HĐND",
        place_name="Đồng Thời",
        header_name="HĐND",
        secretariat_name="VP",
    )
    term = Term.objects.create(
        council=council, ordinal=1, roman="I", start_date=dt.date(2016, 1, 1)
    )
    Delegate.objects.create(term=term, full_name="Đại biểu", birth_year=1970)

    # Both threads pass every check in Python before either writes: the race the unique
    # constraint exists for.
    barrier = threading.Barrier(2, timeout=20)
    real_save = Resolution.save

    def save_after_both_checked(self, *args, **kwargs):
        barrier.wait()
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(Resolution, "save", save_after_both_checked)
    outcomes: list[str] = []

    def staff(title: str) -> None:
        try:
            resolution_create(
                council=council,
                number=12,
                is_normative=True,
                adopted_date=dt.date(2019, 12, 12),
                title=title,
            )
            outcomes.append("saved")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.message_dict.get("number", [])))
        finally:
            connection.close()

    threads = [threading.Thread(target=staff, args=(t,)) for t in ("Bảng giá đất", "Học phí")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    assert sorted(outcomes)[-1] == "saved"
    assert outcomes.count("saved") == 1
    assert any("đã được dùng" in o for o in outcomes)
    assert Resolution.objects.filter(council=council, number=12).count() == 1
