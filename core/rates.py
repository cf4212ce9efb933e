"""Percentages as reports print them: two decimals, decimal comma, rounded or truncated as the
council chooses (Council.rate_rounding). Counts are stored; rates are always computed."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

ROUND = "round"
TRUNCATE = "truncate"


def percent(part: int, whole: int, *, mode: str = ROUND, places: int = 2) -> Decimal | None:
    """2 of 3 -> 66.67 (round) or 66.66 (truncate); None when there is nothing to divide by."""
    if not whole:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    quantum = Decimal(1).scaleb(-places)
    return exact.quantize(quantum, rounding=ROUND_DOWN if mode == TRUNCATE else ROUND_HALF_UP)


def format_percent(value: Decimal | None, *, places: int = 2) -> str:
    """66.67 -> "66,67%"; 100 -> "100%" (whole numbers print without decimals, as reports do)."""
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return f"{int(value)}%"
    return f"{value:.{places}f}%".replace(".", ",")


def rate_text(part: int, whole: int, *, mode: str = ROUND) -> str:
    return format_percent(percent(part, whole, mode=mode))
