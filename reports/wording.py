"""How Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) write dates and counts."""

from __future__ import annotations

import datetime as dt

from council.models import Council
from council.text import pad2


def vn_date_words(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2019": days under 10 and months 1-2 take a leading zero, so
    "tháng 12" and "tháng 3" stay as they are (NĐ 30/2020, Phụ lục I)."""
    month = pad2(day.month) if day.month <= 2 else str(day.month)
    return f"ngày {pad2(day.day)} tháng {month} năm {day.year}"


def place_date_line(place: str, day: dt.date) -> str:
    """ "Lạng Sơn, ngày 05 tháng 12 năm 2019"."""
    return f"{place}, {vn_date_words(day)}"


def count_text(value: int) -> str:
    """Counts in report prose: 5 -> "05", 65 -> "65", 3200 -> "3.200"."""
    if value < 10:
        return pad2(value)
    return f"{value:,}".replace(",", ".")


LEVEL_WORDS = {
    Council.Level.PROVINCE: "tỉnh",
    Council.Level.CITY: "thành phố",
    Council.Level.COMMUNE: "xã",
}


def level_word(council: Council) -> str:
    """ "tỉnh" in "HĐND tỉnh", "UBND tỉnh"; "thành phố" for a centrally-run city."""
    return LEVEL_WORDS.get(council.level, "tỉnh")
