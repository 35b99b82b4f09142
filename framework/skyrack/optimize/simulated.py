"""The fleet simulation as the search's evaluator, for a study with a ``[simulation]`` section.

Each trial's design is first priced by the analytic evaluator, which gives its budgets (the
constraints: a design's mass, power or dose do not depend on chance). A feasible design is then
flown: the ensemble's replications one after another (``[simulation] replications``, every
trial with the same seed, so that two designs meet the same launch failures and storms and
their difference is the designs'), each replication's objective values read from its history,
and the trial's values are their means. After each replication the running mean of the first
objective is reported to Optuna as an intermediate value, so a pruner (``[optimize] pruner``,
the median rule by default) stops a design that is already worse than most after a few.

An objective reads the simulated value where the simulation has one: the LCOC, the orbit/ground
ratio (simulated LCOC over the analytic ground's), delivered compute, launches, and every
timeline objective (the replication's fleet timeline); the analytic value otherwise (capex,
fleet power: properties of the design). An infeasible design is not flown: its analytic values
stand, and its constraints keep it out of the best trials.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import attrs
import numpy as np

from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate_batch
from skyrack.optimize.evaluate import Assignment, Evaluation, design_for, parameter_values
from skyrack.optimize.objectives import FloatArray
from skyrack.optimize.section import OptimizeSection
from skyrack.parameters import design_with
from skyrack.simulation.ensemble import replications
from skyrack.simulation.history import FleetHistory
from skyrack.simulation.plan import SimulationPlan
from skyrack.study import Study
from skyrack.timeline import FleetTimeline


def simulated_outputs(
    analytic: Mapping[str, FloatArray], history: FleetHistory
) -> dict[str, FloatArray]:
    """The analytic outputs of one design with the simulated values in place where the
    replication has them."""
    metrics = history.metrics()
    lcoc = metrics["lcoc_usd_per_pflop_day"]
    simulated: dict[str, float] = {
        "lcoc_usd_per_pflop_day": math.nan if lcoc is None else lcoc,
        "pflop_days": metrics["delivered_pflop_days"] or 0.0,
        "launches": metrics["launches"] or 0.0,
    }
    ground = float(analytic["ground_lcoc_usd_per_pflop_day"][0])
    simulated["orbit_to_ground_ratio"] = simulated["lcoc_usd_per_pflop_day"] / ground
    return {**analytic, **{key: np.array([value]) for key, value in simulated.items()}}


def design_of(section: OptimizeSection, base: Design, assignment: Assignment) -> Design:
    """The single design an assignment stands for (components swapped, numbers set)."""
    chosen = design_for(base, assignment)
    numbers = parameter_values(section, chosen, [assignment])
    return design_with(chosen, {key: float(values[0]) for key, values in numbers.items()})


def fly(
    study: Study,
    assignment: Assignment,
    analytic: Evaluation,
    report: Callable[[int, float], bool] | None = None,
) -> Evaluation:
    """The ensemble's evaluation of one design (the study's [simulation]), replication by
    replication, given its ``analytic`` evaluation.

    ``report(step, running_mean)`` is called after each replication with the running mean of
    the first objective; when it returns True the design is abandoned (``pruned``).
    """
    section, settings = study.optimize, study.simulation
    assert section is not None and settings is not None and settings.seed is not None
    if analytic.error is not None or not analytic.feasible:
        return analytic
    try:
        design = design_of(section, study.design, assignment)
        plan = SimulationPlan.of(design, settings)
        outputs = {
            key: np.atleast_1d(np.asarray(value, dtype=np.float64))
            for key, value in evaluate_batch(design, {}).items()
        }
        rows: list[list[float]] = []
        shortfalls: dict[str, list[float]] = {}
        headline: dict[str, list[float]] = {key: [] for key in analytic.outputs}
        flown = replications(plan, seed=settings.seed, count=settings.replications)
        for step, history in enumerate(flown):
            seen = simulated_outputs(outputs, history)

            def timelines(history: FleetHistory = history) -> list[FleetTimeline | None]:
                return [history.timeline]

            rows.append([float(o.values(seen, timelines)[0]) for o in section.objectives])
            for key, values in headline.items():
                values.append(float(seen[key][0]))
            for objective in section.objectives:
                if objective.constraint is not None:
                    shortfall = float(objective.shortfalls(timelines)[0])
                    shortfalls.setdefault(objective.constraint, []).append(shortfall)
            if report is not None and report(step, float(np.mean([r[0] for r in rows]))):
                pruned: Evaluation = attrs.evolve(analytic, values=(), pruned=True)
                return pruned
    except SkyrackError as error:
        return Evaluation(error=f"simulation: {error}")
    means = np.mean(np.array(rows), axis=0)
    constraints = dict(analytic.constraints)
    constraints.update({key: float(np.mean(values)) for key, values in shortfalls.items()})
    return Evaluation(
        values=tuple(float(v) for v in means),
        constraints=constraints,
        outputs={key: float(np.mean(values)) for key, values in headline.items()},
    )
