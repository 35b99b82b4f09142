"""The seed's scenario: a million satellites on hourly Starship, and at today's cadence."""

from __future__ import annotations

from pathlib import Path

import attrs
import numpy as np
import pytest

import skyrack
from skyrack.simulation.ensemble import replications

STUDIES = Path(__file__).resolve().parents[1] / "studies"


def fly(name: str, count: int = 3) -> list[skyrack.FleetHistory]:
    """``count`` replications of a shipped study's simulation."""
    study = skyrack.load_study(STUDIES / f"{name}.toml")
    assert study.simulation is not None
    settings = attrs.evolve(study.simulation, replications=count)
    return list(replications(study.design, settings, seed=settings.seed or 0))


@pytest.mark.slow
def test_hourly_starship_never_deploys_the_million_because_failures_ground_it() -> None:
    """As the study's answer says: stand-downs after 1-in-100 launch losses hold the hourly
    cadence to under a quarter of 8,760 launches a year on average (under 30 % in any year),
    and the fleet peaks near a third of its 98 GW target, plateauing once the first generation
    retires (years 6–10)."""
    for history in fly("musk-memo"):
        t = history.timeline
        steps_per_year = round(1 / t.step_years)
        yearly_launches = t.launches[: 10 * steps_per_year].reshape(10, -1).sum(axis=1)
        assert 1200 < yearly_launches[2:].mean() < 0.25 * 8760
        assert (yearly_launches[2:] < 0.3 * 8760).all()
        assert 0.25 < t.peak_fraction_of_target < 0.45
        assert t.time_to_power(0.5) is None
        late = t.operating_power_w[6 * steps_per_year :]
        assert late.max() / late.min() < 1.25  # a plateau, not a ramp


@pytest.mark.slow
def test_todays_cadence_gets_two_percent_of_the_way_at_about_the_same_price() -> None:
    """At Falcon 9's 132 launches a year the fleet peaks near 2 % of its target, and a
    PFLOP-day costs within 15 % of the hourly fleet's: cadence buys scale, not price."""
    today = fly("musk-memo-todays-cadence")
    hourly = fly("musk-memo", count=2)
    for history in today:
        assert 0.01 < history.timeline.peak_fraction_of_target < 0.04
    cost = np.mean([h.metrics()["lcoc_usd_per_pflop_day"] for h in today])
    cost_hourly = np.mean([h.metrics()["lcoc_usd_per_pflop_day"] for h in hourly])
    assert cost == pytest.approx(cost_hourly, rel=0.15)
