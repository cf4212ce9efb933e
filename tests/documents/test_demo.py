"""The demo's register: a year of 2019 numbered through the services, loading twice changes
nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from council.selectors import province_council
from documents.models import OutgoingDocument

pytestmark = pytest.mark.django_db


def test_the_demo_holds_a_year_of_register_loaded_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    province = province_council()
    rows = list(
        OutgoingDocument.objects.filter(council=province, year=2019)
        .order_by("series__code", "number")
        .values_list("series__code", "number", "status", "updated_at")
    )
    codes = {code for code, *_ in rows}
    assert codes == {"BC", "CV", "GM", "KH", "TB"}
    per_series: dict[str, list[int]] = {}
    for code, number, _status, _at in rows:
        per_series.setdefault(code, []).append(number)
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in per_series.values())
    assert [s for _c, _n, s, _a in rows].count("cancelled") == 1
    call_command("load_demo", verbosity=0)
    again = list(
        OutgoingDocument.objects.filter(council=province, year=2019)
        .order_by("series__code", "number")
        .values_list("series__code", "number", "status", "updated_at")
    )
    assert again == rows
