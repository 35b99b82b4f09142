"""The vectorized ledger against the slow, obvious model: one Mesa agent per satellite."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

import skyrack
from skyrack.simulation.model import FleetModel
from skyrack.simulation.plan import SimulationPlan
from skyrack.simulation.reference import ReferenceFleetModel
from skyrack.simulation.settings import FactorySettings, SimulationSettings
from toy_design import toy_design

REPLICATIONS = 16


def plan() -> SimulationPlan:
    """200 satellites that fail (30 %/yr bus, 20 %/yr accelerators), throttle and retire at
    1.5 years, over 2 years in 2-day steps."""
    design = toy_design(
        **{
            "satellite_bus.failure_rate_per_year": 0.3,
            "satellite_bus.solar_degradation_per_year": 0.05,
            "compute_payload.failure_rate_per_year": 0.2,
            "sizing.infant_mortality_fraction": 0.05,
            "sizing.satellites": 200,
            "sizing.mission_years": 1.5,
            "sizing.array_margin": 0.95,
        }
    )
    settings = SimulationSettings(
        horizon_years=2.0, step_days=2.0, factory=FactorySettings(unlimited=True)
    )
    return SimulationPlan.build(design, settings, skyrack.registry().fleet_policy("deploy-once"))


def fly(model_class: type[FleetModel], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each satellite's life in whole steps (censored at the horizon) and the healthy
    accelerators at each step end, over REPLICATIONS runs."""
    lives, healthy = [], []
    the_plan = plan()
    for child in np.random.SeedSequence(seed).spawn(REPLICATIONS):
        model = model_class(the_plan, rng=np.random.default_rng(child))
        history = model.run()
        launch, end = model.ledger.lifetimes_days()
        step = model.step_days
        exit_step = np.minimum(np.ceil(np.minimum(end, 1e9) / step) - 1, model.steps_total)
        lives.append(exit_step - np.floor(launch / step))
        healthy.append(history.timeline.healthy_accelerators)
    return np.concatenate(lives), np.array(healthy)


@pytest.fixture(scope="module")
def both() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The cohort ledger's and the per-satellite agents' runs (independent seeds)."""
    return {"ledger": fly(FleetModel, 1), "agents": fly(ReferenceFleetModel, 2)}


@pytest.mark.slow
def test_cohorts_and_per_satellite_agents_have_one_survivor_distribution(
    both: dict[str, tuple[np.ndarray, np.ndarray]],
) -> None:
    """A two-sample Kolmogorov–Smirnov test cannot tell the satellites' lifetimes apart
    (3,200 satellites each; p > 0.01), and both retire every survivor at 1.5 years."""
    ledger, agents = both["ledger"][0], both["agents"][0]
    result = stats.ks_2samp(ledger, agents)
    assert result.pvalue > 0.01, result
    retirement = math.ceil(1.5 * 365.25 / 2.0)
    assert ledger.max() <= retirement + 1 and agents.max() <= retirement + 1


@pytest.mark.slow
def test_cohorts_and_per_satellite_agents_keep_the_same_mean_healthy_accelerators(
    both: dict[str, tuple[np.ndarray, np.ndarray]],
) -> None:
    """At every quarter the mean healthy accelerators of the two models agree within 3
    standard errors of their difference."""
    ledger, agents = both["ledger"][1], both["agents"][1]
    for step in range(45, ledger.shape[1], 45):
        a, b = ledger[:, step], agents[:, step]
        se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
        assert abs(a.mean() - b.mean()) <= 3 * se + 1e-9, (step, a.mean(), b.mean(), se)
