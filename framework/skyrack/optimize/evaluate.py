"""From chosen values to objective values: a batch of assignments through ``evaluate_batch``.

An *assignment* maps each active dimension of the search space to its value (a component
name, a number, true/false). :func:`evaluate_assignments` groups a batch by the components it
chooses, swaps each group's numbers in as arrays and evaluates the group in one
:func:`skyrack.evaluate_batch` call, so a population of designs costs one numpy pass per
combination of components, not one Python evaluation per design.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.budgets import budgets
from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate_batch
from skyrack.expected_timeline import expected_timeline
from skyrack.optimize.objectives import FloatArray, search_dimensions
from skyrack.optimize.section import COMPONENT_KINDS, OptimizeSection
from skyrack.parameters import Parameters, design_parameters, with_variations
from skyrack.plugins import registry as loaded_registry
from skyrack.registry import Registry
from skyrack.timeline import FleetTimeline

Assignment = Mapping[str, Any]
UNBOUNDED = 1e30
"""A constraint's value when the model cannot bound it (no satellite fits a launch, say):
Optuna refuses NaN, and inf does not survive JSON in the dashboard."""


@attrs.frozen(kw_only=True)
class Evaluation:
    """One design's result: objective values, constraint values (≤ 0 holds), or an error."""

    values: tuple[float, ...] = ()
    constraints: Mapping[str, float] = attrs.field(factory=dict)
    outputs: Mapping[str, float] = attrs.field(factory=dict)
    error: str | None = None
    pruned: bool = False
    """True when the search abandoned the design before its evaluation ended (a pruner)."""

    @property
    def feasible(self) -> bool:
        """True when every constraint holds."""
        return self.error is None and all(v <= 0 for v in self.constraints.values())


def design_for(base: Design, assignment: Assignment, registry: Registry | None = None) -> Design:
    """The base design with the assignment's component choices swapped in."""
    found = registry or loaded_registry()
    chosen: dict[str, Any] = {
        kind: found.get(kind, assignment[kind]) for kind in COMPONENT_KINDS if kind in assignment
    }
    return attrs.evolve(base, **chosen) if chosen else base


def parameter_values(
    section: OptimizeSection, design: Design, assignments: Sequence[Assignment]
) -> dict[str, npt.NDArray[np.float64]]:
    """The design-parameter variations that a batch of assignments (one design) stands for.

    A dimension a row does not have (its condition is false) keeps the design's own value.
    """
    base = design_parameters(design)
    extensions = search_dimensions()
    variations: dict[str, npt.NDArray[np.float64]] = {}
    for dimension in section.space:
        if dimension.target == "component":
            continue
        present = np.array([dimension.name in a for a in assignments])
        if not present.any():
            continue
        raw = [float(a[dimension.name]) if dimension.name in a else math.nan for a in assignments]
        values = np.asarray(raw, dtype=np.float64)
        if dimension.target == "parameter":
            variations[dimension.name] = np.where(present, values, base[dimension.name])
            continue
        fill = dimension.low if dimension.low is not None else float(dimension.choices[0])
        mapped = extensions[dimension.name].apply(design, np.where(present, values, fill))
        for key, value in mapped.items():
            array = np.broadcast_to(np.asarray(value, dtype=np.float64), values.shape)
            variations[key] = np.where(present, array, base[key])
    return variations


def _constraints(
    section: OptimizeSection, outputs: Mapping[str, FloatArray], parameters: Parameters
) -> dict[str, FloatArray]:
    """Each budget's and each study limit's violation, relative to its limit (≤ 0 holds)."""
    table = budgets(parameters, outputs, outputs["deployment_years"])
    found = {budget.name.replace(" ", "_"): budget.violation for budget in table}
    limits = section.constraints
    if limits.min_fleet_power_w is not None:
        power = outputs["fleet_payload_power_w"]
        found["min_fleet_power"] = 1.0 - power / limits.min_fleet_power_w
    if limits.max_capex_usd is not None:
        found["max_capex"] = outputs["capex_usd"] / limits.max_capex_usd - 1.0
    return {
        key: np.nan_to_num(np.asarray(value, dtype=np.float64), nan=UNBOUNDED, posinf=UNBOUNDED)
        for key, value in found.items()
    }


def _timeline(
    parameters: Parameters, outputs: Mapping[str, FloatArray], shape: tuple[int], row: int
) -> FleetTimeline | None:
    """Row ``row``'s expected fleet timeline, or None when it has none (no satellite flies)."""
    p = {key: float(np.broadcast_to(value, shape)[row]) for key, value in parameters.items()}
    values = {key: float(np.broadcast_to(value, shape)[row]) for key, value in outputs.items()}
    try:
        return expected_timeline(p, values)
    except (SkyrackError, ValueError, ArithmeticError):
        return None


HEADLINE_OUTPUTS = (
    "lcoc_usd_per_pflop_day",
    "ground_lcoc_usd_per_pflop_day",
    "orbit_to_ground_ratio",
    "capex_usd",
    "satellites",
    "launches",
    "deployment_years",
    "fleet_payload_power_w",
    "pflop_days",
)
"""Outputs kept with each evaluation for tables and exports."""


def _evaluate_group(
    section: OptimizeSection, design: Design, rows: Sequence[Assignment]
) -> list[Evaluation]:
    variations = parameter_values(section, design, rows)
    outputs = evaluate_batch(design, variations)
    parameters = with_variations(design, variations)
    shape = (len(rows),)

    @functools.cache
    def timelines() -> list[FleetTimeline | None]:
        return [_timeline(parameters, outputs, shape, i) for i in range(len(rows))]

    objective_values = [objective.values(outputs, timelines) for objective in section.objectives]
    constraints = _constraints(section, outputs, parameters)
    for objective in section.objectives:
        if objective.constraint is not None:
            shortfall = objective.shortfalls(timelines)
            constraints[objective.constraint] = np.nan_to_num(shortfall, nan=UNBOUNDED)
    results = []
    for i in range(len(rows)):
        results.append(
            Evaluation(
                values=tuple(float(np.broadcast_to(v, shape)[i]) for v in objective_values),
                constraints={
                    k: float(np.broadcast_to(v, shape)[i]) for k, v in constraints.items()
                },
                outputs={
                    key: float(np.broadcast_to(outputs[key], shape)[i])
                    for key in HEADLINE_OUTPUTS
                    if key in outputs
                },
            )
        )
    return results


def evaluate_assignments(
    section: OptimizeSection, base: Design, assignments: Sequence[Assignment]
) -> list[Evaluation]:
    """Evaluate a batch of assignments, one ``evaluate_batch`` call per component combination.

    A design the model refuses (outside its domain) gets an Evaluation with ``error`` set;
    the rest of its group is evaluated one by one so that one bad design fails only itself.
    """
    groups: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for index, assignment in enumerate(assignments):
        groups[tuple(assignment.get(kind) for kind in COMPONENT_KINDS)].append(index)
    results: list[Evaluation | None] = [None] * len(assignments)
    for indices in groups.values():
        design = design_for(base, assignments[indices[0]])
        rows = [assignments[i] for i in indices]
        try:
            evaluated = _evaluate_group(section, design, rows)
        except SkyrackError:
            evaluated = []
            for row in rows:
                try:
                    evaluated.extend(_evaluate_group(section, design, [row]))
                except SkyrackError as error:
                    evaluated.append(Evaluation(error=str(error)))
        for index, evaluation in zip(indices, evaluated, strict=True):
            results[index] = evaluation
    return [r for r in results if r is not None]
