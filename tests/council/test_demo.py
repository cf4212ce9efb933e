from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command

from council import demo as council_demo

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"council", "council_sessions", "resolutions", "oversight", "voters", "auth"}
        # Each run issues the demo administrator a new two-factor enrolment code, and the
        # security log records that; the data itself does not change.
        and model._meta.label != "council.SecurityEvent"
    }


def test_load_demo_is_idempotent():
    call_command("load_demo", "--with-users", verbosity=0)
    first = _counts()
    call_command("load_demo", "--with-users", verbosity=0)
    assert _counts() == first
    # The province's council and the communes' after the reform (council.demo.COMMUNES).
    assert first["council.Council"] == 1 + len(council_demo.COMMUNES)
    assert first["council.Term"] >= 1


def test_demo_standing_work_2019_matches_the_founding_document():
    from council.selectors import province_council, standing_work_counts

    call_command("load_demo", verbosity=0)
    counts = standing_work_counts(council=province_council(), year=2019)
    assert counts.intersession_matters == 11
    assert counts.appraisals == 23
