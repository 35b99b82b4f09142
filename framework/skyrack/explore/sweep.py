"""Sweeps: a study's design over a grid of one, two or three parameters, in one batch.

An axis is written ``KEY=LOW:HIGH[:N][:log]``, the form ``skyrack sweep --param`` takes::

    launch_vehicle.price_usd_per_kg=20:5000:60:log   # 60 values, evenly spaced in log
    compute_payload.failure_rate_per_year=0:0.3       # the default count of values

KEY is any key of :func:`skyrack.parameter_names` (every number of the design, and derived keys
such as ``launch_vehicle.price_usd_per_kg``); LOW and HIGH must lie in the field's own range. A
count or a year takes whole values only. One axis gives curves, two a map, a third axis a row
of maps (one per value). The grid is evaluated through :func:`skyrack.evaluate_batch`.

The answer is a :class:`SweepResult`: every kept metric on the grid, ``feasible``, where orbit
matches the ground (:meth:`SweepResult.breakeven`), and a pandas DataFrame for a notebook.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.design import Design
from skyrack.errors import InvalidComponent, SkyrackError
from skyrack.explore.batch import HEADLINE, FloatArray, Progress, evaluate_flat
from skyrack.parameters import check_parameter, parameter_domain, parameter_value

if TYPE_CHECKING:
    import pandas as pd

AXIS_SYNTAX = "KEY=LOW:HIGH[:N][:log]"
AXIS_EXAMPLE = "launch_vehicle.price_usd_per_kg=20:5000:60:log"
DEFAULT_POINTS = (201, 101, 4)
"""Values per axis when N is not given: a curve, a map, the maps of a third axis."""
MAX_AXES = 3
MAX_FACETS = 12
MAX_DESIGNS = 4_000_000
"""The largest grid a sweep evaluates (a 2,000 × 2,000 map)."""


@attrs.frozen(kw_only=True)
class Axis:
    """One swept parameter: from ``low`` to ``high`` in ``points`` values, linear or log."""

    key: str
    low: float
    high: float
    points: int | None = None
    """None: the default for its position (see :data:`DEFAULT_POINTS`)."""
    log: bool = False

    def __str__(self) -> str:
        parts = [f"{self.low:g}", f"{self.high:g}"]
        if self.points is not None:
            parts.append(str(self.points))
        if self.log:
            parts.append("log")
        return f"{self.key}={':'.join(parts)}"


def parse_axis(text: str) -> Axis:
    """An axis from ``KEY=LOW:HIGH[:N][:log]``; a SkyrackError says what is wrong in one line."""
    key, equals, spec = text.partition("=")
    key = key.strip()

    def fail(problem: str) -> SkyrackError:
        return SkyrackError(
            f"--param {text!r}: {problem} (expected {AXIS_SYNTAX}, e.g. {AXIS_EXAMPLE})"
        )

    if not equals or not key:
        raise fail("no KEY=")
    parts = [part.strip() for part in spec.split(":")]
    log = bool(parts) and parts[-1].lower() == "log"
    if log:
        parts = parts[:-1]
    if len(parts) in (3, 4) and not _is_number(parts[-1]):
        raise fail(f"the last part {parts[-1]!r} must be N (a whole number) or 'log'")
    if len(parts) not in (2, 3):
        raise fail(f"needs LOW:HIGH or LOW:HIGH:N, got {len(parts)} part(s)")
    bounds = []
    for name, part in zip(("LOW", "HIGH"), parts[:2], strict=True):
        try:
            value = float(part)
        except ValueError:
            raise fail(f"{name} {part!r} is not a number") from None
        if not math.isfinite(value):
            raise fail(f"{name} must be finite, got {part!r}")
        bounds.append(value)
    low, high = bounds
    points = None
    if len(parts) == 3:
        try:
            points = int(parts[2])
        except ValueError:
            raise fail(f"N {parts[2]!r} is not a whole number") from None
        if points < 2:
            raise fail(f"N must be at least 2, got {points}")
    if not low < high:
        raise fail(f"LOW must be below HIGH, got {low:g} and {high:g}")
    if log and low <= 0:
        raise fail(f"a log axis needs LOW > 0, got {low:g}")
    return Axis(key=key, low=low, high=high, points=points, log=log)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def axis_values(design: Design, axis: Axis, position: int = 0) -> FloatArray:
    """The values an axis takes, checked against its field's range (whole numbers for a count
    or a year)."""
    for name, value in (("LOW", axis.low), ("HIGH", axis.high)):
        try:
            check_parameter(design, axis.key, value)
        except InvalidComponent as error:
            problem = str(error).removeprefix(f"{axis.key}: ").removeprefix("values ")
            if problem.startswith("unknown"):
                raise SkyrackError(f"--param {axis}: {problem}") from None
            raise SkyrackError(f"--param {axis}: {name} is out of range: {problem}") from None
    meta = parameter_domain(design, axis.key)
    points = axis.points or DEFAULT_POINTS[min(position, len(DEFAULT_POINTS) - 1)]
    if meta.get("integer") or meta.get("bool"):
        first, last = math.ceil(axis.low), math.floor(axis.high)
        if last < first:
            raise SkyrackError(f"--param {axis}: no whole number between LOW and HIGH")
        if last - first + 1 <= points:
            return np.arange(first, last + 1, dtype=np.float64)
        spaced = np.geomspace if axis.log else np.linspace
        return np.unique(np.rint(spaced(first, last, points)))
    if axis.log:
        return np.geomspace(axis.low, axis.high, points)
    return np.linspace(axis.low, axis.high, points)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class SweepResult:
    """Metrics on a grid: ``outputs[name][i, j, k]`` is the design at ``coordinates[0][i]``,
    ``coordinates[1][j]``, ... (one index per axis)."""

    axes: tuple[Axis, ...]
    coordinates: tuple[FloatArray, ...]
    outputs: dict[str, FloatArray]
    """Each kept metric and ``feasible`` (1 or 0), shaped like the grid."""
    base: dict[str, float]
    """The study's own value of each swept key."""
    units: dict[str, str]

    @property
    def shape(self) -> tuple[int, ...]:
        """Values per axis."""
        return tuple(c.shape[0] for c in self.coordinates)

    @property
    def ratio(self) -> FloatArray:
        """Orbit over ground cost per PFLOP-day on the grid."""
        return self.outputs["orbit_to_ground_ratio"]

    @property
    def feasible(self) -> npt.NDArray[np.bool_]:
        """True where every physical budget holds."""
        return self.outputs["feasible"] > 0

    @property
    def orbit_wins_share(self) -> float:
        """The share of the grid where orbit is feasible and cheaper than the ground."""
        return float(np.mean(self.feasible & (self.ratio < 1.0)))

    def breakeven(self) -> list[float]:
        """1-D: every value of the axis at which orbit/ground crosses 1 (log-interpolated
        between grid points; in log space on a log axis)."""
        if len(self.axes) != 1:
            raise SkyrackError("breakeven() is for a 1-D sweep; use breakeven_curve() on a map")
        return crossings(self.coordinates[0], self.ratio, log_axis=self.axes[0].log)

    def breakeven_curve(self) -> list[tuple[float, float]]:
        """2-D: for each value of the second axis, the first value of the first axis at which
        orbit/ground crosses 1, as (first, second) pairs (only where it crosses)."""
        if len(self.axes) != 2:
            raise SkyrackError("breakeven_curve() is for a 2-D sweep")
        pairs = []
        for j, y in enumerate(self.coordinates[1]):
            found = crossings(self.coordinates[0], self.ratio[:, j], log_axis=self.axes[0].log)
            if found:
                pairs.append((found[0], float(y)))
        return pairs

    def to_dataframe(self) -> pd.DataFrame:
        """One row per design: the swept keys, then every kept metric and ``feasible``."""
        import pandas as pd

        grids = np.meshgrid(*self.coordinates, indexing="ij")
        columns: dict[str, Any] = {a.key: g.ravel() for a, g in zip(self.axes, grids, strict=True)}
        columns.update({key: value.ravel() for key, value in self.outputs.items()})
        frame = pd.DataFrame(columns)
        frame["feasible"] = frame["feasible"] > 0
        return frame

    def __repr__(self) -> str:
        axes = " × ".join(
            f"{a.key} [{c[0]:g}, {c[-1]:g}]"
            for a, c in zip(self.axes, self.coordinates, strict=True)
        )
        return (
            f"<SweepResult {'×'.join(map(str, self.shape))} designs over {axes}: orbit wins in "
            f"{self.orbit_wins_share:.1%}, feasible in {float(np.mean(self.feasible)):.1%}>"
        )


def crossings(x: FloatArray, ratio: FloatArray, *, log_axis: bool = False) -> list[float]:
    """Every x at which ``ratio`` crosses 1, interpolating log(ratio) linearly between
    neighbours (in log x on a log axis); non-finite ratios never cross."""
    with np.errstate(divide="ignore", invalid="ignore"):
        y = np.log(np.asarray(ratio, dtype=np.float64))
    position = np.log(x) if log_axis else np.asarray(x, dtype=np.float64)
    found: list[float] = []
    for i in range(len(y) - 1):
        y0, y1 = y[i], y[i + 1]
        if not (np.isfinite(y0) and np.isfinite(y1)):
            continue
        if y0 == 0.0:
            found.append(float(x[i]))
        elif y0 * y1 < 0:
            t = float(position[i] + (position[i + 1] - position[i]) * (-y0) / (y1 - y0))
            found.append(math.exp(t) if log_axis else t)
    if len(y) and y[-1] == 0.0:
        found.append(float(x[-1]))
    return found


def sweep(
    design: Design,
    axes: Sequence[Axis | str],
    *,
    keep: Sequence[str] = HEADLINE,
    progress: Progress | None = None,
) -> SweepResult:
    """Evaluate ``design`` on the grid of ``axes`` (``Axis`` or ``"KEY=LOW:HIGH[:N][:log]"``).

    Raises SkyrackError in one line for bad syntax, an unknown key (naming the closest ones), a
    range outside the field's, a key swept twice, or a grid larger than :data:`MAX_DESIGNS`.
    """
    parsed = tuple(parse_axis(a) if isinstance(a, str) else a for a in axes)
    if not 1 <= len(parsed) <= MAX_AXES:
        raise SkyrackError(f"a sweep takes 1 to {MAX_AXES} --param axes, got {len(parsed)}")
    keys = [a.key for a in parsed]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise SkyrackError(f"--param {repeated[0]} is given twice; sweep each key once")
    coordinates = tuple(axis_values(design, a, i) for i, a in enumerate(parsed))
    if len(coordinates) == 3 and coordinates[2].shape[0] > MAX_FACETS:
        raise SkyrackError(
            f"--param {parsed[2]}: the third axis draws one map per value; give N ≤ {MAX_FACETS}"
        )
    shape = tuple(c.shape[0] for c in coordinates)
    total = math.prod(shape)
    if total > MAX_DESIGNS:
        raise SkyrackError(
            f"the sweep has {' × '.join(map(str, shape))} = {total:,} designs; at most "
            f"{MAX_DESIGNS:,} (lower N)"
        )
    grids = np.meshgrid(*coordinates, indexing="ij")
    variations = {a.key: g.ravel() for a, g in zip(parsed, grids, strict=True)}
    try:
        flat = evaluate_flat(design, variations, keep, progress=progress)
    except InvalidComponent as error:
        raise SkyrackError(str(error)) from None
    return SweepResult(
        axes=parsed,
        coordinates=coordinates,
        outputs={key: value.reshape(shape) for key, value in flat.items()},
        base={a.key: parameter_value(design, a.key) for a in parsed},
        units={a.key: str(parameter_domain(design, a.key).get("unit", "")) for a in parsed},
    )
