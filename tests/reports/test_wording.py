import datetime as dt

import pytest

from reports.pdf import recipient_items
from reports.wording import count_text, place_date_line, vn_date_words


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2019, 12, 5), "ngày 05 tháng 12 năm 2019"),
        (dt.date(2019, 2, 5), "ngày 05 tháng 02 năm 2019"),
        (dt.date(2019, 1, 31), "ngày 31 tháng 01 năm 2019"),
        (dt.date(2019, 3, 9), "ngày 09 tháng 3 năm 2019"),
        (dt.date(2020, 10, 10), "ngày 10 tháng 10 năm 2020"),
    ],
)
def test_date_words_pad_days_under_ten_and_only_january_and_february(day, expected):
    assert vn_date_words(day) == expected


def test_place_date_line_starts_with_the_place():
    assert place_date_line("Lạng Sơn", dt.date(2019, 12, 5)) == (
        "Lạng Sơn, ngày 05 tháng 12 năm 2019"
    )


def test_counts_under_ten_take_a_leading_zero_and_thousands_a_dot():
    assert [count_text(v) for v in (0, 5, 10, 65, 3200)] == ["00", "05", "10", "65", "3.200"]


def test_recipients_end_with_semicolons_and_the_archive_line_with_a_full_stop():
    assert recipient_items(["- UBND tỉnh;", "Đoàn ĐBQH tỉnh", "", "Lưu: VT."]) == [
        "- UBND tỉnh;",
        "- Đoàn ĐBQH tỉnh;",
        "- Lưu: VT.",
    ]
    assert recipient_items(["UBND tỉnh"])[-1] == "- Lưu: VT."
