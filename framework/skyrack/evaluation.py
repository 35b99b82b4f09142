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
from skyrack.parameters import FloatArray, design_parameters, field_for, with_variations
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
    if {b.name for b in broken} & {"launch mass", "fairing volume"}:
        # no satellite fits a launch, so the deployment time is unbounded: already said
        broken = [b for b in broken if b.name != "deployment time"]
    if broken:
        raise InfeasibleDesign(
            "infeasible design: "
            + "; ".join(describe_violation(b, float(b.used), float(b.limit)) for b in broken)
        )
    bad = [key for key, value in values.items() if not math.isfinite(value)]
    bad += [f"budget {b.name}" for b in table if not math.isfinite(b.utilization)]
    if bad:
        raise _non_finite(design, bad)
    return metrics_from(values, table)


def _non_finite(design: Design, bad: list[str]) -> ModelDomainError:
    """The error for a design whose results ``bad`` came out infinite or NaN, naming the
    implausible inputs that, brought back into their plausible range, make them finite."""
    from skyrack.plausibility import implausible_inputs

    shown = ", ".join(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "")
    base = design_parameters(design)
    suspects = [i for i in implausible_inputs(design) if i.key in base]
    culprits = []
    if suspects:
        rows = len(suspects) + 1  # row i brings suspect i into range; the last row, all of them
        variations: dict[str, FloatArray] = {}
        for row, suspect in enumerate(suspects):
            column = variations.setdefault(suspect.key, np.full(rows, base[suspect.key]))
            column[[row, rows - 1]] = _into_range(design, suspect.key, suspect.value)
        with np.errstate(all="ignore"):
            out = evaluate_batch(design, variations)
        keys = [key for key in bad if key in out]
        finite = np.all([np.isfinite(out[key]) for key in keys], axis=0) if keys else None
        if finite is not None:
            culprits = [s.key for row, s in enumerate(suspects) if finite[row]]
            if not culprits and finite[-1]:
                culprits = [s.key for s in suspects]
    if culprits:
        problem = f"{shown} came out infinite or undefined because of implausible inputs"
        return ModelDomainError(f"{problem}: {', '.join(culprits)}", keys=culprits, problem=problem)
    return ModelDomainError(
        f"{shown} came out infinite or undefined; the inputs together lie outside what the "
        "model handles (please report it with the study)"
    )


def _into_range(design: Design, key: str, value: float) -> float:
    """``value`` moved to the nearest end of the plausible range of ``key``'s field."""
    from skyrack.plausibility import plausible_range

    field = field_for(key, design)
    plausible = plausible_range(field.metadata) if field is not None else None
    low, high = plausible or (None, None)
    if low is not None and value < low:
        return float(low)
    if high is not None and value > high:
        return float(high)
    return value


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
    """Every key that ``evaluate_batch`` and ``crossover`` accept for ``design``."""
    return sorted(design_parameters(design))
