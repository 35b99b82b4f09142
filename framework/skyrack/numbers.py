"""How skyrack writes numbers for people, in one place: plain numbers, calendar years, dollars,
durations, and a number with its unit.

Every table and message that shows a quantity goes through :func:`format_quantity` (or one of
the functions it picks from), so that a year is never written ``2,026``, dollars always read
``$6.01B`` and a duration always says whether it is hours, days or years.
"""

from __future__ import annotations

import math
import re
from typing import Any

_CALENDAR_YEAR = re.compile(r"(?:^|_)year$")


def is_calendar_year(name: str) -> bool:
    """True for a field that holds a calendar year: ``start_year``, ``release_year``,
    ``economics.start_year``, ``calendar_year`` (but not ``failure_rate_per_year`` or
    ``mission_years``, which are a rate and a duration)."""
    last = name.rsplit(".", 1)[-1]
    return bool(_CALENDAR_YEAR.search(last)) and not last.endswith("per_year")


def format_year(value: float) -> str:
    """A calendar year as people write it: ``2026``; one decimal when it falls within the year
    (``2022.8`` for October 2022); never a thousands separator."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def format_number(value: float, *, name: str = "") -> str:
    """A number with thousands separators and sensible precision (``12,500``, ``0.0687``,
    ``1.2e+16``); a calendar year (``name`` says so) without separators."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if name and is_calendar_year(name) and math.isfinite(value):
        return format_year(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if value == 0 or 1e-3 <= abs(value) < 1e15:
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return f"{value:.4g}"


def format_value(value: Any, *, name: str = "") -> str:
    """A field's value for a table: numbers by :func:`format_number`, a table (dict) as
    ``key value, …``, nothing as ``—``, anything else as text."""
    if isinstance(value, bool | int | float):
        return format_number(value, name=name)
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v, name=str(k))}" for k, v in value.items())
    return "—" if value is None else str(value)


def format_usd(value: float) -> str:
    """Dollars as people read them: $1.25B, $640.00k, $12.50, -$24.24B."""
    sign = "-" if value < 0 else ""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= scale:
            return f"{sign}${abs(value) / scale:,.2f}{suffix}"
    return f"{sign}${abs(value):,.2f}"


def format_duration(years: float | None) -> str:
    """A duration given in years: in hours or days when shorter than a tenth of a year
    (``25.1 days``), else in years (``4.93 yr``); ``never`` for None."""
    if years is None:
        return "never"
    days = years * 365.25
    if abs(days) < 1.0:
        return f"{days * 24:.1f} h"
    if abs(years) < 0.1:
        return f"{days:.1f} days"
    return f"{years:,.2f} yr"


_USD_PER = re.compile(r"^USD\s*/\s*(.+)$")
_PREFIXED_UNITS = ("W", "Wh")
_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))


def format_quantity(value: float, unit: str, *, name: str = "", digits: int = 4) -> str:
    """``value`` in ``unit`` as one readable string that names its unit: ``$6.01B`` for USD,
    ``$646.5/MWh`` for USD per something, ``25.1 days`` for a duration in years, ``40 MW``
    for power, ``2026`` for a calendar year, and otherwise the number (``digits`` significant
    figures) followed by its unit (none for a count or a ratio, unit ``1``)."""
    if not math.isfinite(value):
        return "never" if unit == "yr" and value > 0 else str(value)
    if name and is_calendar_year(name):
        return format_year(value)
    if unit == "USD":
        return format_usd(value)
    if unit == "yr":
        return format_duration(value)
    per = _USD_PER.match(unit)
    if per:
        return f"{'-' if value < 0 else ''}${_significant(abs(value), digits)}/{per.group(1)}"
    if unit in _PREFIXED_UNITS:
        for scale, prefix in _PREFIXES:
            if abs(value) >= scale:
                return f"{value / scale:,.{digits}g} {prefix}{unit}"
    number = _significant(value, digits)
    return number if unit in ("", "1") else f"{number} {unit}"


def _significant(value: float, digits: int) -> str:
    """``digits`` significant figures with thousands separators; whole numbers from 10^digits
    up to 10^15, then scientific notation."""
    if abs(value) >= 1e15:
        return f"{value:.{digits}g}"
    if abs(value) >= 10**digits:
        return f"{value:,.0f}"
    return f"{value:,.{digits}g}"
