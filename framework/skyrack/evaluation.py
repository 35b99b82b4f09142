"""The evaluator's public face: one design and a batch of designs (crossover: skyrack.crossover)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from skyrack.analytic import compute
from skyrack.array_api import SCALAR
from skyrack.budgets import describe_violation
from skyrack.design import Design
from skyrack.errors import InfeasibleDesign, ModelDomainError, SkyrackError
from skyrack.metrics import Metrics, metrics_from
from skyrack.parameters import (
    DERIVED_PARAMETERS,
    FloatArray,
    design_parameters,
    field_for,
    with_variations,
)
from skyrack.physics import radiation


def evaluate(design: Design, *, check_feasible: bool = True) -> Metrics:
    """Expected cost per delivered compute of one design, in orbit and on the ground.

    Raises :class:`~skyrack.errors.InfeasibleDesign` naming every broken budget (mass, power,
    thermal, volume, dose, ...) and by how much, and
    :class:`~skyrack.errors.ModelDomainError` for inputs outside what the model covers or that
    drive a result to infinity or NaN (naming the inputs involved), unless ``check_feasible`` is
    false: then the raw numbers come back, whatever they are.
    """
    parameters = design_parameters(design)
    altitude_km = parameters["orbit.altitude_km"]
    if altitude_km > radiation.TID_MAX_ALTITUDE_KM:
        problem = (
            f"{altitude_km:g} km is above the {radiation.TID_MAX_ALTITUDE_KM:,.0f} km that "
            "the radiation dose model covers"
        )
        raise ModelDomainError(problem, keys=("orbit.altitude_km",), problem=problem)
    # One design runs on Python floats (the component validators checked every number).
    try:
        values, table = compute(parameters, SCALAR)
    except ValueError as error:  # outside the model's domain (e.g. above the dose model's range)
        raise SkyrackError(f"cannot evaluate this design: {error}") from None
    if not check_feasible:
        return metrics_from(values, table)
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
    metrics = metrics_from(values, table)  # takes out the times that may be "never"
    bad = [key for key, value in metrics.values.items() if not math.isfinite(value)]
    bad += [f"budget {b.name}" for b in table if not math.isfinite(b.utilization)]
    if bad:
        raise _non_finite(design, bad)
    return metrics


def _non_finite(design: Design, bad: list[str]) -> ModelDomainError:
    """The error for a design whose results ``bad`` came out infinite or NaN, naming the inputs
    that, each moved alone within its plausible range, make them finite (the implausible ones
    first: a value the user insisted on is the likeliest cause)."""
    from skyrack.plausibility import implausible_inputs

    shown = ", ".join(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
    involved = _inputs_that_fix(design, bad)
    insisted = {item.key for item in implausible_inputs(design)}
    culprits = [key for key in involved if key in insisted] or involved
    if not culprits:
        return ModelDomainError(
            f"{shown} came out infinite or undefined; the inputs together lie outside what the "
            "model handles (please report it with the study)"
        )
    why = "an implausible value drives" if culprits[0] in insisted else "these inputs drive"
    problem = f"{why} {shown} to infinity or NaN"
    return ModelDomainError(f"{', '.join(culprits)}: {problem}", keys=culprits, problem=problem)


def _trial_values(design: Design, key: str, value: float) -> list[float]:
    """Values to try for ``key`` instead of ``value``: the ends and middle of its plausible
    range (both values of a flag), each one the field allows."""
    from skyrack.components import number_problem
    from skyrack.plausibility import plausible_range

    field = field_for(key, design)
    if field is None or field.metadata.get("optional"):  # setting it would change the kind
        return []
    if str(field.type) == "bool":
        return [1.0 - value]
    plausible = plausible_range(field.metadata)
    if plausible is None or None in plausible:
        return []
    low, high = float(plausible[0]), float(plausible[1])  # type: ignore[arg-type]
    trials = [low, high, (low + high) / 2]
    if field.metadata.get("integer"):
        trials = [float(round(trial)) for trial in trials]
    return [t for t in trials if t != value and number_problem(t, field.metadata) is None]


def _inputs_that_fix(design: Design, bad: list[str]) -> list[str]:
    """The inputs for which one value within the plausible range makes every ``bad`` result
    finite: all tried in one batch, or input by input should a trial leave the model's domain
    (an orbit above the dose model, β limits swapped)."""
    base = design_parameters(design)
    trials = {key: _trial_values(design, key, value) for key, value in base.items()}
    trials = {key: values for key, values in trials.items() if values}
    found = _fixing(design, base, trials, bad)
    if found is not None:
        return found
    return [key for key in trials if _fixing(design, base, {key: trials[key]}, bad)]


def _fixing(
    design: Design, base: Mapping[str, float], trials: Mapping[str, list[float]], bad: list[str]
) -> list[str] | None:
    """Keys of ``trials`` with a value that makes the ``bad`` results finite (None when the
    batch leaves the model's domain)."""
    rows = [(key, value) for key, values in trials.items() for value in values]
    if not rows:
        return []
    variations: dict[str, FloatArray] = {}
    for row, (key, value) in enumerate(rows):
        variations.setdefault(key, np.full(len(rows), base[key]))[row] = value
    try:
        with np.errstate(all="ignore"):
            out = evaluate_batch(design, variations)
    except SkyrackError:
        return None
    keys = [key for key in bad if key in out]
    if not keys:
        return []
    finite = np.all([np.isfinite(out[key]) for key in keys], axis=0)
    return list(dict.fromkeys(key for row, (key, _) in enumerate(rows) if finite[row]))


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
    shapes = [np.shape(v) for v in values.values()]
    shapes += [np.shape(v) for v in variations.values()]  # a parameter the model never reads
    shape = np.broadcast_shapes(*shapes)
    return {key: np.broadcast_to(value, shape) for key, value in values.items()}


def parameter_names(design: Design) -> list[str]:
    """Every key that ``evaluate_batch`` and ``crossover`` accept for ``design``: its numbers
    and the derived keys such as ``launch_vehicle.price_usd_per_kg``."""
    return sorted([*design_parameters(design), *DERIVED_PARAMETERS])
