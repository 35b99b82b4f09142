"""Where a number comes from: every default value in a component carries a :class:`Source`."""

from __future__ import annotations

import math
from typing import Any

import attrs

from skyrack.numbers import format_year, is_calendar_year


@attrs.frozen(kw_only=True)
class Source:
    """A publication, data sheet or estimate that a default value is taken from.

    ``estimate`` is true when the number is a secondary estimate or our own judgement rather
    than a figure the source states directly; ``note`` says how the number was derived.

    An estimate may also say how far off it could be: ``low`` and ``high`` bound the values
    one could defend (in the field's own unit), and ``range_note`` says why. The uncertainty
    analysis (:mod:`skyrack.explore.uncertainty`) draws every such number from a triangular
    distribution on ``[low, high]`` peaking at the component's value. Set all three, or none
    (:meth:`with_range` does it in one call).
    """

    title: str
    year: int
    url: str | None = None
    document: str | None = None
    estimate: bool = False
    note: str | None = None
    low: float | None = None
    high: float | None = None
    range_note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a Source needs a title")
        if not 1900 <= self.year <= 2100:
            raise ValueError(f"Source {self.title!r}: year must be between 1900 and 2100")
        bounds = (self.low, self.high, self.range_note)
        if any(value is not None for value in bounds):
            if any(value is None for value in bounds):
                raise ValueError(
                    f"Source {self.title!r}: a range needs low, high and range_note (why the "
                    "range), or none of them"
                )
            low, high = _bound(self.title, "low", self.low), _bound(self.title, "high", self.high)
            if not low <= high:
                raise ValueError(f"Source {self.title!r}: range low {low:g} exceeds high {high:g}")
            if not str(self.range_note).strip():
                raise ValueError(f"Source {self.title!r}: range_note must say why the range")

    @property
    def has_range(self) -> bool:
        """True when the source says how far its number could be off (``low`` to ``high``)."""
        return self.low is not None

    def derive(self, note: str, *, estimate: bool = True, **changes: Any) -> Source:
        """This source with a note saying how a number was derived from it (an estimate)."""
        return attrs.evolve(self, note=note, estimate=estimate, **changes)

    def with_range(self, low: float, high: float, why: str) -> Source:
        """This source with the plausible range ``[low, high]`` of its number and why."""
        return attrs.evolve(self, low=float(low), high=float(high), range_note=why)

    def cite(self, *, where: bool = True, note: bool = True, name: str = "") -> str:
        """Title (year) and "[estimate]" if it is one; then, each on its own line, where to find
        it (url or document), the note and the plausible range, unless ``where`` or ``note`` is
        false. ``name`` is the field the source backs (a calendar year's range reads
        ``2032 to 2040``)."""
        lines = [f"{self.title} ({self.year})" + (" [estimate]" if self.estimate else "")]
        location = self.url or self.document
        if where and location:
            lines.append(location)
        if note and self.note:
            lines.append(self.note)
        if note and self.has_range:
            low, high = _plain(self.low, name), _plain(self.high, name)
            lines.append(f"plausible range {low} to {high}: {self.range_note}")
        return "\n".join(lines)


def _plain(value: float | None, name: str = "") -> str:
    """A bound as people write it: 25,000 or 0.02, not 2.5e+04; 2032 for a calendar year."""
    if value is not None and is_calendar_year(name):
        return format_year(value)
    if value is not None and float(value).is_integer() and abs(value) < 1e15:
        return f"{value:,.0f}"
    return f"{value:,.6g}"


def _bound(title: str, name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"Source {title!r}: range {name} must be a finite number, got {value!r}")
    return float(value)
