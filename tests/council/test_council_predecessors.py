"""A council formed by merging two provinces keeps both predecessors' history reachable, and
reports on itself from its first day (issue 19)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from council.models import Council, Term
from sessions.models import Session
from tests.helpers import council_client

pytestmark = pytest.mark.django_db


def _province(name: str, started: dt.date, session_day: dt.date | None) -> Council:
    council = Council.objects.create(
        name=f"Hội đồng nhân dân tỉnh {name}", short_name=f"HĐND tỉnh {name}", place_name=name,
        header_name=f"HỘI ĐỒNG NHÂN DÂN\nTỈNH {name.upper()}", secretariat_name="Văn phòng",
    )  # fmt: skip
    term = Term.objects.create(council=council, ordinal=1, roman="I", start_date=started)
    if session_day:
        Session.objects.create(
            term=term, number=1, kind="regular", start_date=session_day, end_date=session_day
        )
    return council


def test_the_merged_province_looks_at_both_histories_and_reports_from_its_first_day():
    old_a = _province("Hà Giang", dt.date(2021, 6, 1), dt.date(2024, 12, 10))
    old_b = _province("Tuyên Quang", dt.date(2021, 6, 1), dt.date(2024, 12, 12))
    merged = _province("Tuyên Quang mới", dt.date(2025, 7, 1), None)
    client = council_client(merged, "tq")
    sessions = reverse("sessions:session_list")
    assert client.get(sessions).context["table"].paginator.count == 0  # from its first day
    response = client.post(reverse("council_choose"), {"council": old_a.pk}, follow=True)
    assert "Không có HĐND này" in response.content.decode()  # not linked yet

    call_command(
        "council_predecessors", str(merged.pk), "HĐND tỉnh Hà Giang", str(old_b.pk), verbosity=0
    )
    listed = client.get(reverse("council_choose")).context["councils"]
    assert set(listed) == {merged, old_a, old_b}
    client.post(reverse("council_choose"), {"council": old_a.pk})
    rows = client.get(sessions).context["table"].rows
    assert [row.record.term.council for row in rows] == [old_a]  # Hà Giang's 2024 session
    client.post(reverse("council_choose"), {"council": merged.pk})
    assert client.get(sessions).context["table"].paginator.count == 0


def test_only_provinces_are_predecessors_of_a_province():
    old = _province("Hà Giang", dt.date(2021, 6, 1), None)
    merged = _province("Tuyên Quang mới", dt.date(2025, 7, 1), None)
    commune = Council.objects.create(
        name="Hội đồng nhân dân xã Minh Tân", short_name="HĐND xã Minh Tân", level="commune",
        parent=merged, place_name="Minh Tân", header_name="HĐND", secretariat_name="VP",
    )  # fmt: skip
    with pytest.raises(CommandError, match="chỉ ghi nhận giữa các HĐND cấp tỉnh"):
        call_command("council_predecessors", str(merged.pk), str(commune.pk), verbosity=0)
    with pytest.raises(CommandError, match="Không tìm thấy HĐND «Không Có»"):
        call_command("council_predecessors", str(merged.pk), "Không Có", verbosity=0)
    assert not merged.predecessors.exists()
    call_command("council_predecessors", str(merged.pk), str(old.pk), verbosity=0)
    assert list(merged.predecessors.all()) == [old]
