"""The business case's numbers as people read them: 6.48 yr, 22.50 %/yr (amounts:
:func:`skyrack.describe.format_usd`, -$265.83B)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
