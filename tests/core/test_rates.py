from decimal import Decimal

from core.rates import ROUND, TRUNCATE, format_percent, percent, rate_text


def test_two_of_three_rounds_to_66_67_and_truncates_to_66_66():
    assert rate_text(2, 3, mode=ROUND) == "66,67%"
    assert rate_text(2, 3, mode=TRUNCATE) == "66,66%"


def test_whole_percentages_print_without_decimals():
    assert format_percent(Decimal("100.00")) == "100%"


def test_no_denominator_gives_no_rate():
    assert percent(0, 0) is None
    assert rate_text(0, 0) == "—"
