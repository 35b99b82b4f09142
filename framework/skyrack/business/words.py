"""The business case's numbers as people read them: -$265.83B, 6.48 yr, 22.50 %/yr."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def usd(value: float) -> str:
    """An amount with a k/M/B/T suffix and two decimals, the sign first: -$24.24B."""
    sign = "-" if value < 0 else ""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{sign}${abs(value) / scale:,.2f}{suffix}"
    return f"{sign}${abs(value):,.2f}"


def years(value: float | None) -> str:
    """A payback time; None is never."""
    return "never" if value is None else f"{value:,.2f} yr"


def describe_irr(measures: Mapping[str, Any], *, short: bool = False) -> str:
    """The IRR of a business document's measures, or 'undefined' with (unless ``short``) why."""
    rate = measures["irr_per_year"]
    if rate is None:
        reason = measures.get("irr_undefined_reason") or ""
        return "undefined" if short or not reason else f"undefined ({reason})"
    return f"{100 * rate:.2f} %/yr"
