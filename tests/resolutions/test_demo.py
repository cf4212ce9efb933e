from __future__ import annotations

import pytest
from django.core.management import call_command

from council.selectors import province_council
from resolutions.models import Resolution
from resolutions.selectors import resolution_counts
from sessions.models import Session
from sessions.selectors import session_counts

pytestmark = pytest.mark.django_db


def test_demo_data_gives_the_2019_figures_of_the_founding_document():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # idempotent
    council = province_council()
    sessions = session_counts(council=council, year=2019)
    assert (sessions.total, sessions.regular, sessions.thematic) == (5, 2, 3)
    assert sessions.thematic_label == "bất thường"
    resolutions = resolution_counts(council=council, year=2019)
    assert resolutions.total == 65
    assert resolutions.normative + resolutions.individual == 65
    thirteenth = Session.objects.get(term__roman="XVI", number=13)
    assert thirteenth.start_date.isoformat() == "2019-08-20"
    assert thirteenth.kind_label == "bất thường"
    assert Session.objects.get(term__roman="XVII", start_date="2021-07-10").kind_label == (
        "chuyên đề"
    )
    assert Resolution.objects.filter(signer="Hoàng Văn Nghiệm", year=2019).count() == 65
    assert session_counts(council=council, year=2021).thematic_label == "chuyên đề"
