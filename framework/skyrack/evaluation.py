"""The evaluator's public face: one design, a batch of designs, and crossover thresholds."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from skyrack.analytic import compute
from skyrack.array_api import SCALAR
from skyrack.budgets import describe_violation
from skyrack.design import Design
from skyrack.errors import InfeasibleDesign, SkyrackError
from skyrack.metrics import Metrics, metrics_from
from skyrack.parameters import (
    DERIVED_PARAMETERS,
    FloatArray,
    design_parameters,
    with_variations,
)


def evaluate(design: Design, *, check_feasible: bool = True) -> Metrics:
    """Expected cost per delivered compute of one design, in orbit and on the ground.

    Raises :class:`~skyrack.errors.InfeasibleDesign` naming every broken budget (mass, power,
    thermal, volume, dose, ...) and by how much, unless ``check_feasible`` is false.
    """
    # One design runs on Python floats (the component validators checked every number).
    try:
        values, table = compute(design_parameters(design), SCALAR)
    except ValueError as error:  # outside the model's domain (e.g. above the dose model's range)
        raise SkyrackError(f"cannot evaluate this design: {error}") from None
    if check_feasible:
        broken = [b for b in table if b.broken]
        if {b.name for b in broken} & {"launch fill by mass", "launch fill by volume"}:
            # no satellite fits a launch, so the deployment time is unbounded: already said
            broken = [b for b in broken if b.name != "deployment time"]
        if broken:
            reasons = [describe_violation(b, float(b.used), float(b.limit)) for b in broken]
            if any(b.name == "deployment time" for b in broken):
                share = 100 * values["peak_fleet_share"]
                reasons.append(f"at most {share:.0f}%" if share >= 1 else f"at most {share:.2g}%")
                reasons[-1] += " of the fleet ever operates at once"
            raise InfeasibleDesign("infeasible design: " + "; ".join(reasons))
    metrics = metrics_from(values, table)
    headline = {
        "orbital cost per PFLOP-day": metrics.lcoc_usd_per_pflop_day,
        "ground cost per PFLOP-day": metrics.ground_lcoc_usd_per_pflop_day,
    }
    for label, value in headline.items():
        if not 0.0 < value < float("inf"):
            raise SkyrackError(
                f"cannot evaluate this design: the {label} came out as {value:g}; "
                "an input is too extreme for the model (check very large or small values)"
            )
    return metrics


def evaluate_batch(
    design: Design, variations: Mapping[str, npt.ArrayLike]
) -> dict[str, FloatArray]:
    """Evaluate many variants of ``design`` at once; ``variations`` maps parameter keys
    (``"launch_vehicle.price_usd"``, ``"sizing.accelerators_per_satellite"``, ...) to arrays
    that broadcast together. Returns every model quantity as an array of the broadcast shape;
    ``feasible`` is 1 where every budget holds and ``budget_<name>_excess`` says by how much
    each is broken. Infeasible designs are not raised, so a sweep can map the feasible region.
    """
    try:
        values, _ = compute(with_variations(design, variations))
    except ValueError as error:  # outside the model's domain
        if isinstance(error, SkyrackError):
            raise
        raise SkyrackError(f"cannot evaluate these designs: {error}") from None
    shape = np.broadcast_shapes(*(np.shape(v) for v in values.values()))
    return {key: np.broadcast_to(value, shape) for key, value in values.items()}


def parameter_names(design: Design) -> list[str]:
    """Every key that ``evaluate_batch`` and ``crossover`` accept for ``design``: its numbers
    and the derived keys such as ``launch_vehicle.price_usd_per_kg``."""
    return sorted([*design_parameters(design), *DERIVED_PARAMETERS])


def crossover(
    design: Design,
    parameter: str,
    low: float,
    high: float,
    *,
    points: int = 4097,
) -> float | None:
    """The value of ``parameter`` in [low, high] at which orbit costs the same as the ground.

    Evaluates a grid in one batch, finds the first sign change of log(orbit/ground) and
    interpolates linearly within it. Returns None when the ratio does not cross 1 in the range.
    """
    if not low < high:
        raise SkyrackError(f"crossover range must have low < high, got [{low}, {high}]")
    grid = np.linspace(low, high, points)
    ratio = evaluate_batch(design, {parameter: grid})["orbit_to_ground_ratio"]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log(ratio)
    sign = np.sign(log_ratio)
    changes = np.nonzero(np.isfinite(log_ratio[:-1]) & (sign[:-1] * sign[1:] <= 0))[0]
    if changes.size == 0:
        return None
    i = int(changes[0])
    y0, y1 = log_ratio[i], log_ratio[i + 1]
    if y1 == y0:
        return float(grid[i])
    return float(grid[i] + (grid[i + 1] - grid[i]) * (0.0 - y0) / (y1 - y0))
