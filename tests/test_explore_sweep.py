"""Sweeps: axis syntax and its errors, grids equal to direct batch evaluation, breakevens, and
the derived launch price per kg."""

from __future__ import annotations

import math

import numpy as np
import pytest

from skyrack.crossover import crossover
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate, evaluate_batch, parameter_names
from skyrack.explore.sweep import Axis, crossings, parse_axis, sweep
from skyrack.parameters import parameter_value
from toy_design import toy_design


def test_axis_syntax_reads_key_range_count_and_log() -> None:
    """KEY=LOW:HIGH[:N][:log] gives each part, with scientific notation and underscores."""
    assert parse_axis("a.b=1:2") == Axis(key="a.b", low=1.0, high=2.0)
    assert parse_axis("a.b=1e3:2_000:7:log") == Axis(
        key="a.b", low=1000.0, high=2000.0, points=7, log=True
    )
    assert parse_axis(" a.b = 0.5 : 1.5 : LOG ") == Axis(key="a.b", low=0.5, high=1.5, log=True)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("launch_vehicle.price_usd", "no KEY="),
        ("=1:2", "no KEY="),
        ("k=1", "needs LOW:HIGH"),
        ("k=1:2:3:4", "needs LOW:HIGH"),
        ("k=one:2", "LOW 'one' is not a number"),
        ("k=1:nan", "HIGH must be finite"),
        ("k=1:2:2.5", "N '2.5' is not a whole number"),
        ("k=1:2:1", "N must be at least 2"),
        ("k=1:2:3:lin", "the last part 'lin' must be N (a whole number) or 'log'"),
        ("k=1:2:lin", "the last part 'lin' must be N"),
        ("k=3:2", "LOW must be below HIGH"),
        ("k=0:2:log", "a log axis needs LOW > 0"),
    ],
)
def test_bad_axis_syntax_is_one_line_naming_the_problem(text: str, problem: str) -> None:
    """Each malformed --param is refused with one line that quotes it and shows the syntax."""
    with pytest.raises(SkyrackError) as caught:
        parse_axis(text)
    message = str(caught.value)
    assert problem in message
    assert "KEY=LOW:HIGH[:N][:log]" in message
    assert "\n" not in message


def test_unknown_sweep_key_names_the_closest_keys() -> None:
    """A typo in the key is refused with the keys it resembles."""
    with pytest.raises(SkyrackError, match="did you mean launch_vehicle.price_usd"):
        sweep(toy_design(), ["launch_vehicle.price_us=1:2"])


def test_sweep_range_outside_the_fields_domain_is_refused() -> None:
    """A probability above 1 or a negative failure rate is refused before anything runs."""
    with pytest.raises(SkyrackError, match=r"HIGH is out of range: must be ≤ 1"):
        sweep(toy_design(), ["launch_vehicle.success_probability=0.5:1.5"])
    with pytest.raises(SkyrackError, match=r"LOW is out of range: must be ≥ 0"):
        sweep(toy_design(), ["compute_payload.failure_rate_per_year=-0.1:0.3"])


def test_sweep_refuses_a_key_twice_and_too_many_designs() -> None:
    """Sweeping one key on two axes, or a grid beyond the limit, is one clear error."""
    with pytest.raises(SkyrackError, match="given twice"):
        sweep(toy_design(), ["sizing.mission_years=1:2", "sizing.mission_years=2:3"])
    with pytest.raises(SkyrackError, match="at most 4,000,000"):
        sweep(toy_design(), ["sizing.mission_years=1:2:3000", "sizing.utilization=0.1:1:3000"])


def test_a_map_equals_evaluating_each_point_directly() -> None:
    """Every grid point of a 2-D sweep holds what evaluate_batch gives for that point alone."""
    design = toy_design()
    result = sweep(
        design,
        ["launch_vehicle.price_usd=1e6:1e8:5:log", "compute_payload.failure_rate_per_year=0:0.2:4"],
    )
    assert result.shape == (5, 4)
    prices, rates = result.coordinates
    assert prices[0] == pytest.approx(1e6) and prices[-1] == pytest.approx(1e8)
    assert prices[1] / prices[0] == pytest.approx(prices[2] / prices[1])  # log spacing
    for i in (0, 3):
        for j in (1, 2):
            direct = evaluate_batch(
                design,
                {
                    "launch_vehicle.price_usd": prices[i],
                    "compute_payload.failure_rate_per_year": rates[j],
                },
            )
            assert result.ratio[i, j] == pytest.approx(float(direct["orbit_to_ground_ratio"]))


def test_whole_number_fields_sweep_whole_values() -> None:
    """A count sweeps only whole values, no more of them than fit in the range, and a range of
    a billion whole values costs no more than its N points."""
    result = sweep(toy_design(), ["sizing.accelerators_per_satellite=1:6"])
    assert list(result.coordinates[0]) == [1, 2, 3, 4, 5, 6]
    wide = sweep(toy_design(), ["sizing.accelerators_per_satellite=1:1e9:5:log"])
    assert list(wide.coordinates[0]) == [1, 178, 31623, 5623413, 1e9]


def test_one_dimensional_breakeven_matches_crossover() -> None:
    """The breakeven of a 1-D sweep is where crossover() finds orbit = ground."""
    design = toy_design()
    base = evaluate(design)
    # pick an energy price range in which the toy design must cross parity
    key = "ground_baseline.energy_price_usd_per_mwh"
    result = sweep(design, [f"{key}=1:100000:400:log"])
    found = result.breakeven()
    expected = crossover(design, key, 1.0, 100_000.0, points=200_001).value
    assert expected is not None and base.orbit_to_ground_ratio > 0
    assert len(found) == 1
    assert found[0] == pytest.approx(expected, rel=1e-3)


def test_crossings_interpolate_log_ratio_linearly() -> None:
    """A ratio of 2 then 0.5 crosses halfway in log ratio: midway along the axis."""
    x = np.array([0.0, 10.0])
    assert crossings(x, np.array([2.0, 0.5])) == [pytest.approx(5.0)]
    assert crossings(np.array([1.0, 100.0]), np.array([2.0, 0.5]), log_axis=True) == [
        pytest.approx(10.0)
    ]
    assert crossings(x, np.array([math.inf, 0.5])) == []


def test_sweep_converts_to_a_dataframe_with_one_row_per_design() -> None:
    """A notebook gets one row per design, swept keys first, a short repr."""
    result = sweep(toy_design(), ["sizing.mission_years=2:6:3", "sizing.utilization=0.5:1:2"])
    frame = result.to_dataframe()
    assert len(frame) == 6
    assert list(frame.columns[:2]) == ["sizing.mission_years", "sizing.utilization"]
    assert frame["feasible"].dtype == bool
    assert "orbit_to_ground_ratio" in frame
    assert len(repr(result)) < 300


def test_launch_price_per_kg_sets_the_price_from_the_payload() -> None:
    """launch_vehicle.price_usd_per_kg × payload to LEO is the launch price the model sees."""
    design = toy_design()
    assert "launch_vehicle.price_usd_per_kg" in parameter_names(design)
    assert parameter_value(design, "launch_vehicle.price_usd_per_kg") == pytest.approx(1_000.0)
    per_kg = evaluate_batch(design, {"launch_vehicle.price_usd_per_kg": [500.0, 2000.0]})
    per_launch = evaluate_batch(design, {"launch_vehicle.price_usd": [5e6, 2e7]})
    np.testing.assert_allclose(
        per_kg["lcoc_usd_per_pflop_day"], per_launch["lcoc_usd_per_pflop_day"]
    )


def test_price_per_kg_follows_a_varied_payload() -> None:
    """Varied together, the payload sets how many dollars a $/kg price means per launch."""
    design = toy_design()
    both = evaluate_batch(
        design,
        {"launch_vehicle.price_usd_per_kg": 1_000.0, "launch_vehicle.payload_to_leo_kg": 20_000.0},
    )
    alone = evaluate_batch(
        design, {"launch_vehicle.price_usd": 2e7, "launch_vehicle.payload_to_leo_kg": 20_000.0}
    )
    assert float(both["launch_usd"]) == pytest.approx(float(alone["launch_usd"]))


def test_price_per_kg_and_price_together_are_refused() -> None:
    """Giving both the derived key and the field it sets is ambiguous and refused."""
    with pytest.raises(SkyrackError, match="not both"):
        evaluate_batch(
            toy_design(),
            {"launch_vehicle.price_usd_per_kg": 1.0, "launch_vehicle.price_usd": 1e6},
        )


def test_metrics_convert_to_a_dataframe_and_print_in_one_line() -> None:
    """A notebook sees one short line for Metrics and gets every quantity as a DataFrame."""
    metrics = evaluate(toy_design())
    text = repr(metrics)
    assert "\n" not in text and len(text) < 200 and "PFLOP-day" in text
    frame = metrics.to_dataframe()
    assert len(frame) == len(metrics.values)
    assert frame.loc["orbit_to_ground_ratio", "value"] == pytest.approx(
        metrics.orbit_to_ground_ratio
    )
