"""The fleet timeline's measures, against hand arithmetic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from skyrack.timeline import FleetTimeline


def ramp_timeline(**changes: object) -> FleetTimeline:
    """Four yearly periods: 100 W of target, power 25, 50, 75, 60 W at the period ends."""
    zeros = np.zeros(4)
    fields: dict[str, object] = {
        "step_years": 1.0,
        "target_power_w": 100.0,
        "satellites_operating": [1, 2, 3, 2.4],
        "healthy_accelerators": [10, 20, 30, 24],
        "operating_power_w": [25.0, 50.0, 75.0, 60.0],
        "launches": [1, 1, 1, 0],
        "satellites_launched": [1, 1, 1, 0],
        "satellites_lost_at_launch": zeros,
        "satellites_failed": [0, 0, 0, 0.6],
        "satellites_deorbited": zeros,
        "delivered_pflop_days": [10.0, 20.0, 30.0, 27.0],
        "spend_usd": {"launch": [100.0, 100.0, 100.0, 0.0], "operations": [1.0, 2.0, 3.0, 3.0]},
    }
    fields.update(changes)
    return FleetTimeline(**fields)  # type: ignore[arg-type]


def test_stocks_are_read_at_period_ends_and_flows_discounted_at_midpoints() -> None:
    """time_years are the period ends; a flow of 1 in period 0 at 10 %/yr is worth 1.1^-0.5."""
    timeline = ramp_timeline()
    assert timeline.time_years.tolist() == [1.0, 2.0, 3.0, 4.0]
    flow = np.array([1.0, 0.0, 0.0, 0.0])
    assert timeline.present_value(flow, 0.10) == pytest.approx(1.1**-0.5, rel=1e-12)


def test_peak_power_and_the_share_of_the_fleet_that_ever_operates() -> None:
    """Power peaks at 75 W of a 100 W target: 75 % of the fleet ever operates at once."""
    timeline = ramp_timeline()
    assert timeline.peak_operating_power_w == 75.0
    assert timeline.peak_fraction_of_target == pytest.approx(0.75)


def test_time_to_power_interpolates_between_period_ends() -> None:
    """50 % is reached at the end of year 2 exactly; 60 % a fifth into year 3; 90 % never."""
    timeline = ramp_timeline()
    assert timeline.time_to_power(0.5) == pytest.approx(2.0)
    assert timeline.time_to_power(0.6) == pytest.approx(2.0 + (60 - 50) / (75 - 50))
    assert timeline.time_to_power(0.1) == pytest.approx(0.4)  # from 0 W at t = 0
    assert timeline.time_to_power(0.9) is None


def test_levelized_cost_is_discounted_spend_over_discounted_compute() -> None:
    """At 0 %/yr the levelized cost is total spend over total compute: 309 / 87."""
    timeline = ramp_timeline()
    assert timeline.levelized_cost_usd_per_pflop_day(0.0) == pytest.approx(309 / 87)
    nothing = ramp_timeline(delivered_pflop_days=np.zeros(4))
    assert nothing.levelized_cost_usd_per_pflop_day(0.07) == math.inf


def test_columns_name_their_units_and_total_spend() -> None:
    """columns() holds time, every stock and flow, and one spend column per category."""
    columns = ramp_timeline().columns()
    assert next(iter(columns)) == "time_years"
    assert columns["spend_launch_usd"].tolist() == [100.0, 100.0, 100.0, 0.0]
    assert ramp_timeline().series("spend_usd").tolist() == [101.0, 102.0, 103.0, 3.0]


def test_series_are_read_only_and_of_one_length() -> None:
    """A timeline cannot be edited after the fact, and ragged series are refused."""
    timeline = ramp_timeline()
    with pytest.raises(ValueError):
        timeline.operating_power_w[0] = 1.0
    with pytest.raises(ValueError, match="one length"):
        ramp_timeline(launches=[1, 1, 1])
    with pytest.raises(ValueError, match="step_years"):
        ramp_timeline(step_years=0.0)


def test_satellite_years_default_to_the_trapezoid_of_the_stock() -> None:
    """Without satellite_years, a year holding 1 then 2 satellites counts 0.5 then 1.5."""
    timeline = ramp_timeline()
    assert timeline.satellite_years.tolist() == pytest.approx([0.5, 1.5, 2.5, 2.7])
    given = ramp_timeline(satellite_years=[1.0, 2.0, 3.0, 2.0])
    assert given.series("satellite_years").tolist() == [1.0, 2.0, 3.0, 2.0]
