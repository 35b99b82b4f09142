"""Crossover: the value of one parameter at which orbit costs what the ground does.

:func:`crossover` scans the range in one batch evaluation — over whole numbers for an integer
parameter, on a logarithmic grid for a range spanning two decades or more — and refines the
first crossing it finds. Only feasible designs count: a crossing inside a region where the
design breaks a budget is refused, and the answer says which sub-ranges are feasible. The answer
is always a :class:`Crossover`, whose ``reason`` says what was found or why nothing was.
"""

from __future__ import annotations

import math

import attrs
import numpy as np

from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate_batch
from skyrack.numbers import format_quantity
from skyrack.parameters import FloatArray, field_for
from skyrack.plausibility import format_range, plausible_range

GRID_POINTS = 4097
"""Points of the first scan (a refinement adds as many again inside the crossing's bracket)."""
LOG_SPAN = 100.0
"""A positive range whose high end is at least this multiple of its low end is scanned in log."""


@attrs.frozen(kw_only=True)
class Crossover:
    """The answer of :func:`crossover`; ``value`` is None when orbit and ground do not cross
    (at a feasible design) in the range, and ``reason`` says why."""

    parameter: str
    low: float
    high: float
    value: float | int | None
    """The crossing; for an integer parameter, the first whole value on the far side of 1."""
    bracket: tuple[float, float] | None
    """Neighbouring scanned values on either side of the crossing."""
    ratio_at_low: float | None
    """Orbit/ground at ``low`` (None when the design is infeasible there)."""
    ratio_at_high: float | None
    feasible_ranges: tuple[tuple[float, float], ...]
    """The scanned sub-ranges in which the design is feasible."""
    spacing: str
    """How the range was scanned: ``"integer"``, ``"log"`` or ``"linear"``."""
    reason: str
    """One sentence: the crossing, or why there is none."""

    @property
    def found(self) -> bool:
        """True when orbit and ground cross at a feasible design in the range."""
        return self.value is not None


def _grid(low: float, high: float, integer: bool, points: int) -> tuple[FloatArray, str]:
    log = low > 0 and high / low >= LOG_SPAN
    if integer:
        first, last = math.ceil(low), math.floor(high)
        if first > last:
            raise SkyrackError(f"no whole number lies in [{low:g}, {high:g}]")
        if last - first + 1 <= points:
            return np.arange(first, last + 1, dtype=np.float64), "integer"
        spaced = np.geomspace(first, last, points) if log else np.linspace(first, last, points)
        return np.unique(np.round(spaced)), "integer"
    if log:
        return np.geomspace(low, high, points), "log"
    return np.linspace(low, high, points), "linear"


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of each run of True in ``mask``."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    starts, stops = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0] - 1
    return list(zip(starts.tolist(), stops.tolist(), strict=True))


def _scan(
    design: Design, parameter: str, grid: FloatArray
) -> tuple[FloatArray, np.ndarray, dict[str, FloatArray]]:
    """The orbit/ground ratio on ``grid``, where it is usable (a feasible design, a finite
    positive ratio), and every output."""
    out = evaluate_batch(design, {parameter: grid})
    ratio = np.asarray(out["orbit_to_ground_ratio"], dtype=np.float64)
    usable = (np.asarray(out["feasible"]) > 0) & np.isfinite(ratio) & (ratio > 0)
    return ratio, usable, out


def _broken(out: dict[str, FloatArray], index: int) -> list[str]:
    """The budgets the design at ``index`` breaks (from the ``budget_<name>_excess`` outputs)."""
    return [
        key.removeprefix("budget_").removesuffix("_excess").replace("_", " ")
        for key, value in out.items()
        if key.startswith("budget_") and key.endswith("_excess") and value[index] > 0
    ]


def _refine(
    design: Design, parameter: str, a: float, b: float, spacing: str, points: int
) -> tuple[float, float, float]:
    """The crossing inside [a, b], which the scan bracketed: (value, new a, new b)."""
    if spacing == "integer":
        if b - a <= 1:
            return float(b), float(a), float(b)
        inner = np.arange(a, b + 1, dtype=np.float64)[: points + 1]
    else:
        inner = np.geomspace(a, b, points) if spacing == "log" else np.linspace(a, b, points)
    ratio, usable, _ = _scan(design, parameter, inner)
    log_ratio = np.log(np.where(usable, ratio, 1.0))
    below = log_ratio[0] < 0
    flips = np.nonzero(usable[1:] & usable[:-1] & ((log_ratio[1:] < 0) != below))[0]
    if flips.size == 0:  # the refinement grid is too coarse to see it again: keep the bracket
        return float(b if spacing == "integer" else (a + b) / 2), float(a), float(b)
    i = int(flips[0])
    x0, x1, y0, y1 = inner[i], inner[i + 1], log_ratio[i], log_ratio[i + 1]
    if spacing == "integer":
        return float(x1), float(x0), float(x1)
    if spacing == "log":  # interpolate log(ratio) against log(x)
        t = 0.0 if y1 == y0 else -y0 / (y1 - y0)
        value = math.exp(math.log(x0) + t * (math.log(x1) - math.log(x0)))
        return float(value), float(x0), float(x1)
    t = 0.0 if y1 == y0 else -y0 / (y1 - y0)
    return float(x0 + t * (x1 - x0)), float(x0), float(x1)


def crossover(
    design: Design, parameter: str, low: float, high: float, *, points: int = GRID_POINTS
) -> Crossover:
    """The value of ``parameter`` in [low, high] at which orbit costs the same as the ground,
    at a feasible design. Always returns a :class:`Crossover` (``found`` false when there is
    none); raises SkyrackError for a range that cannot be scanned (low ≥ high, not finite,
    outside the parameter's allowed values, unknown parameter)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        raise SkyrackError(f"crossover range must be finite, got [{low:g}, {high:g}]")
    if not low < high:
        raise SkyrackError(f"crossover range must have low < high, got [{low:g}, {high:g}]")
    field = field_for(parameter, design)
    integer = bool(field is not None and field.metadata.get("integer"))
    grid, spacing = _grid(low, high, integer, points)
    ratio, usable, out = _scan(design, parameter, grid)
    feasible = tuple((float(grid[a]), float(grid[b])) for a, b in _runs(usable))
    answer = {
        "parameter": parameter,
        "low": low,
        "high": high,
        "ratio_at_low": float(ratio[0]) if usable[0] else None,
        "ratio_at_high": float(ratio[-1]) if usable[-1] else None,
        "feasible_ranges": feasible,
        "spacing": spacing,
    }

    def none(reason: str) -> Crossover:
        return Crossover(value=None, bracket=None, reason=reason, **answer)  # type: ignore[arg-type]

    span = f"{parameter} in [{low:g}, {high:g}]"
    if not feasible:
        return none(f"the design is infeasible for every {span}, so there is no crossing")
    where = "; feasible for " + ", ".join(f"[{a:g}, {b:g}]" for a, b in feasible)
    log_ratio = np.log(np.where(usable, ratio, 1.0))
    values = ratio[usable]
    if np.allclose(values, values[0], rtol=1e-12, atol=0):
        return none(f"orbit/ground does not depend on {parameter}: {values[0]:.3g}× throughout")
    side = log_ratio < 0
    for first, last in _runs(usable):
        flips = np.nonzero(side[first + 1 : last + 1] != side[first:last])[0]
        if flips.size:
            i = first + int(flips[0])
            value, a, b = _refine(design, parameter, grid[i], grid[i + 1], spacing, points)
            shown = int(value) if spacing == "integer" else value
            unit = field.metadata.get("unit", "") if field is not None else ""
            amount = format_quantity(shown, unit, name=parameter, digits=6)
            reason = f"orbit matches the ground at {parameter} = {amount}"
            if spacing == "integer":
                reason = f"orbit/ground crosses 1 between {parameter} = {a:,.0f} and {b:,.0f}"
            reason += _plausibility_note(field, value)
            return Crossover(value=shown, bracket=(a, b), reason=reason, **answer)  # type: ignore[arg-type]
    finite = np.isfinite(ratio) & (ratio > 0)
    raw_side = np.log(np.where(finite, ratio, 1.0)) < 0
    flips = np.nonzero(finite[1:] & finite[:-1] & (raw_side[1:] != raw_side[:-1]))[0]
    if flips.size or len(set(side[usable].tolist())) == 2:
        i = int(flips[0]) + 1 if flips.size else int(np.nonzero(~usable)[0][0])
        broken = ", ".join(_broken(out, i)) or "a budget"
        return none(
            f"orbit/ground crosses 1 only where the design is infeasible (near {parameter} = "
            f"{grid[i]:,.6g} it breaks {broken}){where}; no feasible design has orbit and "
            "ground at equal cost"
        )
    lo, hi = float(values[0]), float(values[-1])
    partly = where if not usable.all() else ""
    return none(
        f"orbit/ground does not cross 1 for {span}: {lo:.3g}× at {feasible[0][0]:g}, "
        f"{hi:.3g}× at {feasible[-1][1]:g}{partly}"
    )


def _plausibility_note(field: attrs.Attribute[object] | None, value: float) -> str:
    plausible = plausible_range(field.metadata) if field is not None else None
    if plausible is None:
        return ""
    low, high = plausible
    if (low is None or value >= low) and (high is None or value <= high):
        return ""
    unit = field.metadata.get("unit", "") if field is not None else ""
    return f" (outside the plausible range {format_range(plausible, unit)})"
