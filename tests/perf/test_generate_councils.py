"""bench/generator.py's many councils (issue 19): `--provinces N --communes-per-province M
--commune-scale F` builds provinces with their commune councils in one database, every row in its
own council, a province and its communes the same whatever is generated beside them; `--council`
fills an existing council."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import transaction

from bench.generator import (
    GeneratorRefused,
    commune_council_name,
    communes_of_provinces,
    council_counts,
    generate_data,
)
from bench.management.commands.generate_data import Command as GenerateData
from council.models import Council, Delegate
from oversight.models import OversightActivity, OversightRecommendation
from resolutions.models import Resolution
from sessions.models import Attendance, Session
from voters.models import Letter, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 20)


def _generate(**kwargs):
    options = {
        "years": 1,
        "scale": 0.05,
        "seed": 31,
        "start_year": 2025,
        "today": TODAY,
        "provinces": 2,
        "communes_per_province": 3,
        "commune_scale": 0.5,
    }
    options.update(kwargs)
    return generate_data(**options)


def test_communes_spread_over_provinces():
    spread = communes_of_provinces(34, 0, 3321)
    assert sum(spread) == 3321 and max(spread) == 98 and min(spread) == 97
    assert spread[0] == 98
    assert communes_of_provinces(3, 5, None) == [5, 5, 5]


def test_provinces_and_their_communes():
    result = _generate()
    assert result.councils == 8 and len(result.commune_ids) == 6
    provinces = list(Council.objects.filter(parent__isnull=True).order_by("pk"))
    assert [p.name for p in provinces] == [
        "Hội đồng nhân dân tỉnh Tổng Hợp 31",
        "Hội đồng nhân dân tỉnh Tổng Hợp 31-2",
    ]
    assert provinces[0].pk == result.council_id
    for province in provinces:
        assert province.level == Council.Level.PROVINCE
        communes = list(Council.objects.filter(parent=province).order_by("pk"))
        assert len(communes) == 3
        for index, commune in enumerate(communes):
            assert commune.level == Council.Level.COMMUNE
            assert commune.level_name in ("xã", "phường")
            assert commune.name == commune_council_name(province.place_name, index)
            word = commune.level_name.upper()
            assert commune.header_name == f"HỘI ĐỒNG NHÂN DÂN\n{word} {commune.place_name.upper()}"
            commune.full_clean()


def test_every_row_belongs_to_its_council():
    result = _generate()
    for council in Council.objects.all():
        counts = council_counts(council)
        assert counts["terms"] >= 1 and counts["sessions"] >= 1 and counts["petitions"] >= 1
        mine = {"term__council": council}
        # Nothing of a council points at another council's term, session, Ban or delegate.
        assert not Resolution.objects.filter(council=council).exclude(**mine).exists()
        assert (
            not Resolution.objects.filter(council=council)
            .exclude(session__term__council=council)
            .exists()
        )
        assert (
            not Session.objects.filter(**mine)
            .exclude(agenda_items__isnull=True)
            .exclude(agenda_items__reviewing_committee__term__council=council)
            .exists()
        )
        assert (
            not Attendance.objects.filter(session__term__council=council)
            .exclude(delegate__term__council=council)
            .exists()
        )
        petitions = VoterPetition.objects.filter(**mine)
        assert not petitions.exclude(committee__term__council=council).exists()
        assert (
            not petitions.filter(session__isnull=False)
            .exclude(session__term__council=council)
            .exists()
        )
        assert (
            not petitions.filter(meeting__isnull=False)
            .exclude(meeting__term__council=council)
            .exists()
        )
        assert (
            not VoterMeeting.objects.filter(**mine)
            .exclude(delegate_group__term__council=council)
            .exists()
        )
        assert (
            not OversightActivity.objects.filter(**mine, committee__isnull=False)
            .exclude(committee__term__council=council)
            .exists()
        )
        assert (
            not Delegate.objects.filter(**mine)
            .exclude(committee__isnull=True)
            .exclude(committee__term__council=council)
            .exists()
        )
    # A commune at its own K (commune_scale 0.5: half a typical province's year).
    commune = Council.objects.get(pk=result.commune_ids[0])
    counts = council_counts(commune)
    assert counts["petition_instances"] == pytest.approx(1500 * 0.5, abs=3)
    assert counts["delegates"] == 20  # of the one term of 2025 (2021-2026)
    assert counts["resolutions"] == pytest.approx(100 * 0.5, abs=2)
    # A commune's texts speak of its own level.
    assert OversightRecommendation.objects.filter(
        activity__term__council=commune, content__startswith=f"Đề nghị UBND {commune.level_name}"
    ).exists()
    assert Letter.objects.filter(term__council=commune).exists()


def _texts(council: Council) -> tuple[list, list]:
    return (
        list(
            Resolution.objects.filter(council=council)
            .order_by("pk")
            .values_list("number", "series", "title", "adopted_date")
        ),
        list(
            VoterPetition.objects.filter(term__council=council)
            .order_by("pk")
            .values_list("content", "instances", "status", "received_date")
        ),
    )


def test_a_province_and_its_communes_are_the_same_beside_other_provinces():
    with transaction.atomic():
        alone = _generate(provinces=1)
        province = Council.objects.get(pk=alone.council_id)
        before = {c.name: _texts(c) for c in [province, *Council.objects.filter(parent=province)]}
        transaction.set_rollback(True)
    _generate(provinces=3)
    for name, texts in before.items():
        assert _texts(Council.objects.get(name=name)) == texts, name


def test_refuses_again_and_fills_an_existing_council():
    result = _generate(provinces=1, communes_per_province=1)
    with pytest.raises(GeneratorRefused):
        _generate(provinces=1, communes_per_province=1)
    commune = Council.objects.get(pk=result.commune_ids[0])
    before = council_counts(commune)
    province_before = council_counts(Council.objects.get(pk=result.council_id))
    with pytest.raises(GeneratorRefused):
        generate_data(
            years=1, scale=0.5, seed=32, start_year=2026, today=TODAY, council=commune.name
        )
    call_command(
        GenerateData(),
        years=1,
        scale=0.5,
        seed=32,
        start_year=2025,
        council=str(commune.pk),
        allow_existing=True,
        verbosity=0,
    )
    after = council_counts(commune)
    assert after["resolutions"] > before["resolutions"]
    assert after["terms"] == before["terms"] and after["delegates"] == before["delegates"]
    assert council_counts(Council.objects.get(pk=result.council_id)) == province_before
    numbers = list(
        Resolution.objects.filter(council=commune).values_list("year", "series", "number")
    )
    assert len(numbers) == len(set(numbers))
    with pytest.raises(ValueError):
        generate_data(years=1, scale=0.5, seed=32, council="no such council")
