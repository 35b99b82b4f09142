"""The fleet simulation as the search's evaluator: replications as intermediate values, pruning,
trial values that are the ensemble's means, infeasible designs not flown."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import optuna
import pytest

import skyrack
from optimize_studies import write_study
from skyrack.optimize import optimize
from skyrack.optimize.evaluate import evaluate_assignments
from skyrack.optimize.simulated import design_of, fly
from skyrack.parameters import design_with
from skyrack.simulation.ensemble import replications
from skyrack.simulation.plan import SimulationPlan

SIMULATION = """\
[simulation]
horizon_years = 5
step_days = 7
replications = 5
"""
SPACE = """\
[optimize.space]
launch_vehicle = ["falcon-9-reusable", "falcon-heavy"]
"sizing.accelerators_per_satellite" = { low = 16, high = 64, step = 16 }
"sizing.shielding_mm_al" = { low = 2, high = 10, step = 2 }
"""


def simulated_study(folder: Path, optimize_keys: str) -> skyrack.Study:
    path = write_study(folder, optimize_keys, space=SPACE)
    path.write_text(path.read_text(encoding="utf-8") + "\n" + SIMULATION, encoding="utf-8")
    return skyrack.load_study(path)


def test_design_with_is_the_design_a_batch_of_one_describes() -> None:
    """Setting an int, a float, a bool, the BF16 entry and the fleet size on a Design prices
    exactly as evaluate_batch prices the same values as variations."""
    design = skyrack.load_study("studies/quickstart.toml").design
    values = {
        "sizing.accelerators_per_satellite": 8.0,
        "sizing.mission_years": 4.5,
        "sizing.battery_for_eclipse": 0.0,
        "compute_payload.bf16_dense_tflops": 800.0,
        "sizing.target_it_power_w": 2e6,
        "launch_vehicle.price_usd": 5e7,
    }
    single = skyrack.evaluate(design_with(design, values), check_feasible=False)
    batch = skyrack.evaluate_batch(design, {key: [value] for key, value in values.items()})
    for key in ("lcoc_usd_per_pflop_day", "satellites", "capex_usd", "fleet_payload_power_w"):
        assert single.values[key] == pytest.approx(float(batch[key][0]), rel=1e-12), key
    assert design_with(design, values).sizing.satellites is None


@pytest.mark.slow
def test_each_replication_is_reported_and_the_value_is_the_ensemble_mean(tmp_path: Path) -> None:
    """A complete trial reports one running mean per replication and its value is the mean of
    the replications' LCOC (the ensemble flown again here); pruned trials stopped early."""
    study = simulated_study(tmp_path, "n_trials = 12\n")
    assert study.simulation is not None and study.optimize is not None
    outcome = optimize(study, storage=str(tmp_path / "s.journal"))
    trials = outcome.study.trials
    complete = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    pruned = [t for t in trials if t.state == optuna.trial.TrialState.PRUNED]
    assert len(complete) + len(pruned) == 12 and pruned, "the median rule stopped some designs"
    assert all(len(t.intermediate_values) < 5 for t in pruned)
    best = outcome.study.best_trial
    flown = [t for t in complete if len(t.intermediate_values) == 5]
    assert best in flown
    plan = SimulationPlan.of(design_of(study.optimize, study.design, best.params), study.simulation)
    histories = replications(plan, seed=study.simulation.seed, count=5)
    lcoc = [h.metrics()["lcoc_usd_per_pflop_day"] for h in histories]
    assert best.value == pytest.approx(float(np.mean(lcoc)), rel=1e-12)
    running = [float(np.mean(lcoc[: i + 1])) for i in range(5)]
    assert [best.intermediate_values[i] for i in range(5)] == pytest.approx(running, rel=1e-12)


def test_an_infeasible_design_is_not_flown(tmp_path: Path) -> None:
    """2 mm of shielding breaks the H100's dose budget: the analytic evaluation stands."""
    study = simulated_study(tmp_path, "n_trials = 4\n")
    assert study.simulation is not None and study.optimize is not None
    thin = {
        "launch_vehicle": "falcon-9-reusable",
        "sizing.accelerators_per_satellite": 16,
        "sizing.shielding_mm_al": 2.0,
    }
    [analytic] = evaluate_assignments(study.optimize, study.design, [thin])
    assert not analytic.feasible and analytic.constraints["radiation_dose"] > 0

    def refuse(step: int, value: float) -> bool:
        raise AssertionError("an infeasible design must not be flown")

    assert fly(study, thin, analytic, refuse) is analytic
    assert math.isfinite(analytic.values[0])
