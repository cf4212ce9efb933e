"""`load_demo --council` (issue 19: `--council` on every command that writes a council's data):
one demo council only, the province's or one of the demo communes'. Few tests: load_demo is
slow."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from council import demo as council_demo
from council.models import Council
from voters.models import VoterPetition

pytestmark = pytest.mark.django_db

PROVINCE = "Hội đồng nhân dân tỉnh Lạng Sơn"
LOC_BINH = "Hội đồng nhân dân xã Lộc Bình"
THAT_KHE = "Hội đồng nhân dân xã Thất Khê"


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"council", "council_sessions", "resolutions", "oversight", "voters", "reports", "auth"}
        and model._meta.label != "council.SecurityEvent"  # enrolment codes are logged
    }


def _councils() -> set[str]:
    return set(Council.objects.values_list("name", flat=True))


def test_an_unknown_council_is_refused_with_the_demo_councils_listed_and_nothing_written():
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--council", "HĐND xã Không Có", verbosity=0)
    message = str(refused.value)
    assert "«HĐND xã Không Có» không phải HĐND trong dữ liệu mẫu" in message
    for short_name in ["HĐND tỉnh Lạng Sơn", "HĐND xã Lộc Bình", "HĐND phường Lương Văn Tri"]:
        assert f"«{short_name}»" in message
    assert not Council.objects.exists()

    # A commune's council belongs to its province's: without it, a clear refusal.
    with pytest.raises(CommandError, match="Chưa có HĐND tỉnh Lạng Sơn"):
        call_command("load_demo", "--council", "HĐND xã Lộc Bình", verbosity=0)
    assert not Council.objects.exists()


def test_the_province_then_one_commune_each_alone_and_again_by_id_changes_nothing():
    call_command("load_demo", "--council", "hđnd tỉnh lạng sơn", verbosity=0)
    assert _councils() == {PROVINCE}

    call_command("load_demo", "--council", THAT_KHE, verbosity=0)
    assert _councils() == {PROVINCE, THAT_KHE}
    commune = Council.objects.get(name=THAT_KHE)
    assert commune.parent.name == PROVINCE
    assert VoterPetition.objects.filter(term__council=commune).count() == 8  # its year of work

    before = _counts()
    call_command("load_demo", "--council", str(commune.pk), verbosity=0)
    assert _counts() == before
    # The whole demo afterwards adds the other communes, the same as loading it at once.
    call_command("load_demo", verbosity=0)
    assert len(_councils()) == 1 + len(council_demo.COMMUNES)


def test_with_users_a_commune_gets_its_own_logins_only():
    call_command("load_demo", "--council", "HĐND tỉnh Lạng Sơn", verbosity=0)
    call_command("load_demo", "--council", "HĐND xã Lộc Bình", "--with-users", verbosity=0)
    users = get_user_model().objects.select_related("profile__council")
    assert {u.username for u in users} == {"canbo_locbinh", "daibieu_locbinh"}
    assert {u.profile.council.name for u in users} == {LOC_BINH}
