"""Under uncertainty a designer re-decides what is a choice, not a fact: a later vehicle delays
the start, a smaller bus carries fewer accelerators, a worse thermal chain a colder radiator;
what still breaks is reported apart from the draws in which orbit works but costs more."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from skyrack.explore.batch import HEADLINE
from skyrack.explore.distributions import Uniform
from skyrack.explore.uncertainty import (
    BUDGET_EXCESS_KEYS,
    UncertainInput,
    monte_carlo,
    verdict_sentences,
)
from skyrack.study import load_study

QUICKSTART = Path(__file__).resolve().parents[1] / "studies" / "quickstart.toml"
KEEP = (*HEADLINE, *BUDGET_EXCESS_KEYS)


def _input(
    key: str, low: float, high: float, value: float, integer: bool = False
) -> UncertainInput:
    return UncertainInput(
        key=key,
        distribution=Uniform(low=low, high=high),
        value=value,
        domain=(0.0, math.inf),
        integer=integer,
        origin="test",
    )


def test_a_vehicle_that_flies_after_the_start_delays_the_deployment_instead_of_breaking_it() -> (
    None
):
    """First flight drawn 2020–2040 against a 2028 start: the late draws start when the vehicle
    flies (2029–2040), the early ones in 2028, and no draw breaks launch availability."""
    design = load_study(QUICKSTART).design
    start = design.economics.start_year
    item = _input("launch_vehicle.first_available_year", 2020.0, 2040.0, 2010.0, integer=True)
    result = monte_carlo(design, [item], samples=2_000, seed=1, keep=KEEP)
    first = result.draws["launch_vehicle.first_available_year"]
    np.testing.assert_array_equal(
        result.decisions["economics.start_year"], np.maximum(first, start)
    )
    assert not np.any(result.outputs["budget_launch_availability_excess"] > 0)
    late = float(np.mean(first > start))
    assert result.redecided_shares()["deployment started when the vehicle first flies"] == late
    assert result.median_start_delay_years() == float(np.median(first[first > start] - start))


def test_a_smaller_bus_carries_as_many_accelerators_as_fit_its_payload_mass() -> None:
    """The quickstart's 16 H100s weigh 451 kg as payload (chips, shielding, radiator: 28.2 kg
    each); a bus drawn at 300–600 kg carries floor(limit / 28.2) of them where 16 do not fit,
    so no draw breaks the bus's payload mass."""
    design = load_study(QUICKSTART).design
    item = _input("satellite_bus.max_payload_mass_kg", 300.0, 600.0, 600.0)
    result = monte_carlo(design, [item], samples=2_000, seed=2, keep=KEEP)
    limit = result.draws["satellite_bus.max_payload_mass_kg"]
    per_accelerator = (result.outputs["budget_bus_payload_mass_excess"] + limit) / result.decisions[
        "sizing.accelerators_per_satellite"
    ]
    assert np.allclose(per_accelerator, per_accelerator[0])
    expected = np.minimum(16, np.floor(limit / per_accelerator[0]))
    np.testing.assert_array_equal(result.decisions["sizing.accelerators_per_satellite"], expected)
    assert not np.any(result.outputs["budget_bus_payload_mass_excess"] > 1e-9)
    assert expected.min() == np.floor(300.0 / per_accelerator[0]) or limit.min() > 300.0


def test_the_verdict_separates_orbit_losing_from_designs_that_cannot_work() -> None:
    """Wins, losses on cost and infeasible draws partition the draws, and the sentence names
    each share and what was re-decided."""
    design = load_study(QUICKSTART).design
    items = [
        _input("launch_vehicle.first_available_year", 2020.0, 2040.0, 2010.0, integer=True),
        _input("compute_payload.tid_tolerance_krad", 0.5, 10.0, 10.0),
    ]
    result = monte_carlo(design, items, samples=2_000, seed=3, keep=KEEP)
    total = result.p_orbit_wins + result.orbit_loses_share + result.infeasible_share
    assert math.isclose(total, 1.0)
    assert 0 < result.infeasible_share < 1 and "radiation dose" in result.broken_shares()
    sentence = verdict_sentences(result)
    assert f"{result.orbit_loses_share:.1%}" in sentence
    assert f"{result.infeasible_share:.1%}" in sentence and "radiation dose" in sentence
    assert "deployment started when the vehicle first flies" in sentence
