"""The demo's register: a year of 2019 numbered through the services, the casework's documents
among them (issue 22), loading twice changes nothing."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from council.selectors import province_council
from documents.models import OutgoingDocument
from voters.models import CaseDocument

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
    # PC: the casework's forwarding slips (voters.casework.demo), numbered here too.
    assert codes == {"BC", "CV", "GM", "KH", "PC", "TB"}
    per_series: dict[str, list[int]] = {}
    for code, number, _status, _at in rows:
        per_series.setdefault(code, []).append(number)
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in per_series.values())
    assert [s for _c, _n, s, _a in rows].count("cancelled") == 1
    # No reference given twice, the casework's documents included: each is its entry's.
    references = [
        document.reference
        for document in OutgoingDocument.objects.filter(council=province).select_related("series")
    ]
    assert len(references) == len(set(references))
    case_documents = CaseDocument.objects.filter(council=province)
    assert case_documents.exists() and not case_documents.filter(register_entry=None).exists()
    assert case_documents.filter(register_entry__year=2019).count() == case_documents.count()
    # Each series runs in date order, the casework's công văn among the hand-registered ones.
    for code in ("CV", "PC"):
        dates = list(
            OutgoingDocument.objects.filter(council=province, year=2019, series__code=code)
            .order_by("number")
            .values_list("date", flat=True)
        )
        assert dates == sorted(dates), code
    hand_cv = OutgoingDocument.objects.filter(
        council=province, year=2019, series__code="CV", source_type=None
    )
    assert hand_cv.count() == 4
    call_command("load_demo", verbosity=0)
    again = list(
        OutgoingDocument.objects.filter(council=province, year=2019)
        .order_by("series__code", "number")
        .values_list("series__code", "number", "status", "updated_at")
    )
    assert again == rows
