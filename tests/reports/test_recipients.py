"""The usual "Nơi nhận" of a report, in the words of its council's level."""

from __future__ import annotations

import datetime as dt

from council.models import Council
from reports.services import default_recipients


def test_a_province_s_report_goes_to_its_level_and_the_level_below_of_its_day():
    province = Council(level=Council.Level.PROVINCE)
    before = default_recipients(day=dt.date(2019, 12, 10), council=province)
    assert before.splitlines()[:3] == [
        "Thường trực Tỉnh ủy (b/c);",
        "Đoàn ĐBQH tỉnh;",
        "UBND tỉnh;",
    ]
    assert "Thường trực HĐND, UBND các huyện, thành phố;" in before
    after = default_recipients(day=dt.date(2025, 12, 10), council=province)
    assert "Thường trực HĐND, UBND cấp xã;" in after and "huyện" not in after
    assert default_recipients(day=dt.date(2019, 12, 10)) == before  # a province's by default


def test_a_centrally_run_city_s_report_says_thanh_pho():
    city = Council(level=Council.Level.CITY)
    lines = default_recipients(day=dt.date(2026, 12, 10), council=city).splitlines()
    assert lines[:3] == ["Thường trực Thành ủy (b/c);", "Đoàn ĐBQH thành phố;", "UBND thành phố;"]


def test_a_commune_s_report_goes_to_its_commune_and_up_to_the_province():
    province = Council(level=Council.Level.PROVINCE)
    commune = Council(level=Council.Level.COMMUNE, parent=province)
    assert default_recipients(day=dt.date(2026, 12, 10), council=commune).splitlines() == [
        "Thường trực Đảng ủy xã (b/c);",
        "Thường trực HĐND tỉnh;",
        "UBND xã;",
        "Ủy ban MTTQ Việt Nam xã;",
        "Các vị đại biểu HĐND xã;",
        "Lưu: VT.",
    ]


def test_a_ward_s_report_says_phuong_as_its_council_names_its_level():
    province = Council(level=Council.Level.PROVINCE)
    province.pk = 1
    ward = Council(level=Council.Level.COMMUNE, level_name="phường", parent=province)
    lines = default_recipients(day=dt.date(2026, 12, 10), council=ward).splitlines()
    assert lines[:3] == [
        "Thường trực Đảng ủy phường (b/c);",
        "Thường trực HĐND tỉnh;",
        "UBND phường;",
    ]
