"""The analytic evaluator's expected fleet timeline and the pricing of a timeline.

Against hand arithmetic (a uniform launch ramp with exponential survival), against the closed
form (pricing the expected timeline gives the closed-form present values), and against the
1 GW case the issue names (H100s on Falcon 9: a 31-year campaign for a 5-year fleet).
"""

from __future__ import annotations

import math
from pathlib import Path

import attrs
import numpy as np
import pytest

import skyrack
from skyrack.design import Design
from skyrack.errors import InfeasibleDesign
from skyrack.evaluation import evaluate, evaluate_batch
from skyrack.expected_timeline import Profile, fleet_timeline, unit_costs
from skyrack.pricing import COST_CATEGORIES, UnitCosts, learning_lot_units, price_timeline
from skyrack.study import load_study
from skyrack.timeline import FleetTimeline
from toy_design import toy_design

STUDIES = sorted((Path(__file__).resolve().parents[1] / "studies").glob("*.toml"))


def slow_toy(**changes: object) -> Design:
    """The toy design launched at 10 a year: 13 launches of 8 satellites take 1.3 years."""
    return toy_design(**{"launch_vehicle.max_launches_per_year": 10.0, **changes})


def one_gigawatt_of_h100_on_falcon_9() -> Design:
    """1 GW of H100 satellites on today's reusable Falcon 9 (the quickstart's components)."""
    design = load_study(Path(STUDIES[0]).parent / "quickstart.toml").design
    sizing = attrs.evolve(design.sizing, satellites=None, target_it_power_w=1e9)
    return attrs.evolve(design, sizing=sizing)


def test_a_uniform_ramp_with_exponential_survival_matches_hand_arithmetic() -> None:
    """100 satellites over 1.3 years with a 10 %/yr bus hazard: N/R·(1 − e^{−λt})/λ in orbit
    while launching, N/R·(e^{−λ(t−R)} − e^{−λt})/λ after, none after the last retires."""
    lam, ramp, n = 0.1, 1.3, 100.0
    timeline = fleet_timeline(
        slow_toy(**{"satellite_bus.failure_rate_per_year": lam}), step_years=0.1
    )
    t = timeline.time_years
    during = n / ramp * (1 - np.exp(-lam * t)) / lam
    after = n / ramp * (np.exp(-lam * (t - ramp)) - np.exp(-lam * t)) / lam
    expected = np.where(t <= ramp, during, after)
    in_life = t <= 5.0
    assert timeline.satellites_operating[in_life] == pytest.approx(expected[in_life], rel=1e-12)
    assert timeline.horizon_years == pytest.approx(6.3)
    assert timeline.satellites_operating[-1] == pytest.approx(0.0, abs=1e-9)
    # each chip of each satellite shares the bus hazard: accelerators = 10 × satellites
    assert timeline.healthy_accelerators == pytest.approx(10 * timeline.satellites_operating)
    assert timeline.operating_power_w == pytest.approx(1_000.0 * timeline.healthy_accelerators)


def test_satellites_are_conserved_from_launch_to_deorbit() -> None:
    """Launched − lost − failed − retired, summed to each period's end, is the stock in orbit."""
    design = slow_toy(
        **{"satellite_bus.failure_rate_per_year": 0.07, "launch_vehicle.success_probability": 0.9}
    )
    timeline = fleet_timeline(design, step_years=0.25)
    net = np.cumsum(
        timeline.satellites_launched
        - timeline.satellites_lost_at_launch
        - timeline.satellites_failed
        - timeline.satellites_deorbited
    )
    assert net == pytest.approx(timeline.satellites_operating, abs=1e-9)
    assert timeline.satellites_launched.sum() == pytest.approx(100 / 0.9)
    assert timeline.satellites_lost_at_launch.sum() == pytest.approx(100 / 0.9 * 0.1)


def test_the_fleet_flies_whole_launches_at_the_vehicles_cadence() -> None:
    """100 satellites, 8 to a launch: 13 launches (not 12.5), 10 a year, 1/p attempts each."""
    design = slow_toy(**{"launch_vehicle.success_probability": 0.8})
    timeline = fleet_timeline(design, step_years=0.5)
    assert timeline.launches.sum() == pytest.approx(13 / 0.8)
    assert timeline.launches[0] == pytest.approx(5.0)  # half a year at 10 a year
    assert evaluate(design).values["deployment_years"] == pytest.approx(13 / 0.8 / 10)


@pytest.mark.parametrize("step", [0.5, 0.1, 0.02])
@pytest.mark.parametrize("path", STUDIES, ids=lambda p: p.stem)
def test_pricing_the_expected_timeline_gives_the_closed_form_present_values(
    path: Path, step: float
) -> None:
    """Each cost category, the delivered compute and the LCOC of the closed form equal those of
    the priced expected timeline, to e^{δh/2} − 1 (flows are discounted at period middles)."""
    design = load_study(path).design
    metrics = evaluate(design)
    rate = design.economics.discount_rate_per_year
    timeline = fleet_timeline(design, step_years=step)
    tolerance = math.expm1(math.log1p(rate) * step / 2) + 1e-12
    for key in COST_CATEGORIES:
        closed = metrics.waterfall_pv_usd[key]
        assert timeline.present_value(timeline.spend_usd[key], rate) == pytest.approx(
            closed, rel=tolerance, abs=1e-6
        ), key
    delivered = timeline.present_value("delivered_pflop_days", rate)
    assert delivered == pytest.approx(metrics.values["pv_pflop_days"], rel=tolerance)
    assert timeline.levelized_cost_usd_per_pflop_day(rate) == pytest.approx(
        metrics.lcoc_usd_per_pflop_day, rel=2.01 * tolerance
    )


@pytest.mark.parametrize("step", [0.25, 0.05])
def test_a_throttled_fleets_discounted_compute_matches_the_closed_form(step: float) -> None:
    """An undersized, degrading array throttles each satellite after 2.9 years; period by
    period the timeline's compute, discounted at 10 %, still gives the closed form's present
    value to e^{δh/2} − 1."""
    design = slow_toy(
        **{
            "satellite_bus.solar_degradation_per_year": 0.1,
            "sizing.array_margin": 0.8,
            "compute_payload.failure_rate_per_year": 0.05,
            "economics.discount_rate_per_year": 0.1,
        }
    )
    closed = evaluate(design).values["pv_pflop_days"]
    timeline = fleet_timeline(design, step_years=step)
    tolerance = math.expm1(math.log(1.1) * step / 2)
    assert timeline.present_value("delivered_pflop_days", 0.1) == pytest.approx(
        closed, rel=tolerance
    )
    assert np.all(timeline.delivered_pflop_days >= 0)


@pytest.mark.parametrize(
    "throttle",
    [{}, {"satellite_bus.solar_degradation_per_year": 0.1, "sizing.array_margin": 0.8}],
    ids=["full-power", "throttled"],
)
def test_undiscounted_totals_of_the_timeline_equal_the_closed_form(
    throttle: dict[str, float],
) -> None:
    """At 0 %/yr the timeline's totals are the closed form's undiscounted costs and compute
    exactly, also when an undersized array throttles the payload late in life."""
    design = slow_toy(
        **{
            "satellite_bus.failure_rate_per_year": 0.05,
            "compute_payload.failure_rate_per_year": 0.08,
            "economics.operations_fraction_per_year": 0.02,
            "economics.insurance_fraction": 0.05,
            **throttle,
        }
    )
    v = evaluate(design).values
    timeline = fleet_timeline(design, step_years=0.3)
    for key in COST_CATEGORIES:
        assert timeline.spend_usd[key].sum() == pytest.approx(v[f"{key}_usd"], rel=1e-12), key
    assert timeline.delivered_pflop_days.sum() == pytest.approx(v["pflop_days"], rel=1e-12)


def test_learning_makes_early_satellites_dearer_than_the_fleet_average() -> None:
    """With a learning curve the closed form charges the fleet's average unit cost over the
    ramp; pricing the timeline charges each lot its own cost, early lots dearer, so its present
    value lies between the closed form and the closed form over the ramp's discount factor ρ."""
    design = slow_toy(
        **{"economics.satellite_learning_rate": 0.8, "economics.discount_rate_per_year": 0.1}
    )
    metrics = evaluate(design)
    timeline = fleet_timeline(design, step_years=0.01)
    delta, ramp = math.log(1.1), metrics.values["deployment_years"]
    rho = -math.expm1(-delta * ramp) / (delta * ramp)
    priced = timeline.present_value(timeline.spend_usd["bus"], 0.1)
    closed = metrics.waterfall_pv_usd["bus"]
    assert closed < priced < closed / rho * (1 + 1e-3)
    assert timeline.spend_usd["bus"].sum() == pytest.approx(metrics.values["bus_usd"])


def test_a_learning_lot_is_the_wright_total_after_it_less_the_total_before() -> None:
    """At L = 1 every unit costs the first unit's price; at L = 0.8 the second unit costs less."""
    flat = learning_lot_units(np.array([1.0, 2.0, 0.5]), 1.0)
    assert flat.tolist() == pytest.approx([1.0, 2.0, 0.5])
    lots = learning_lot_units(np.array([0.5, 0.5, 1.0]), 0.8)
    assert lots[:2].tolist() == pytest.approx([0.5, 0.5])  # the first unit, in two halves
    assert 0.75 < lots[2] < 0.85  # the second unit: 0.8 on Wright's curve (midpoint rule)
    total = skyrack.economics.wright_average_cost(1.0, 2.0, 0.8) * 2
    assert lots.sum() == pytest.approx(total)


def hand_costs(satellite_learning_rate: float = 1.0) -> UnitCosts:
    """Round unit costs: $185 of hardware a satellite, $1,000 a launch."""
    return UnitCosts(
        satellite_usd={
            "accelerators": 100.0,
            "bus": 50.0,
            "solar_arrays": 20.0,
            "radiators": 10.0,
            "batteries": 5.0,
        },
        satellite_learning_rate=satellite_learning_rate,
        integration_fraction=0.1,
        launch_usd=1_000.0,
        launch_learning_rate=1.0,
        insurance_fraction=0.05,
        ground_segment_fraction=0.02,
        operations_usd_per_satellite_year=3.0,
        development_usd=7_000.0,
    )


def hand_history(**changes: object) -> FleetTimeline:
    """Three years: 2 then 1 satellites launched, 1 launch a year for two years."""
    zeros = np.zeros(3)
    fields: dict[str, object] = dict(
        step_years=1.0,
        target_power_w=1.0,
        satellites_operating=[2.0, 3.0, 3.0],
        healthy_accelerators=zeros,
        operating_power_w=zeros,
        launches=[1.0, 1.0, 0.0],
        satellites_launched=[2.0, 1.0, 0.0],
        satellites_lost_at_launch=zeros,
        satellites_failed=zeros,
        satellites_deorbited=zeros,
        delivered_pflop_days=zeros,
        satellite_years=[1.0, 2.5, 3.0],
        spend_usd={},
    )
    fields.update(changes)
    return FleetTimeline(**fields)  # type: ignore[arg-type]


def test_price_timeline_applies_each_rule_to_a_hand_made_history() -> None:
    """Hardware per satellite launched, launches per attempt, fractions, operations per
    satellite-year and development in the first period, on a simulated-looking history."""
    spend = price_timeline(hand_history(), hand_costs()).spend_usd
    assert list(spend) == list(COST_CATEGORIES)
    assert spend["accelerators"].tolist() == [200.0, 100.0, 0.0]
    assert spend["batteries"].tolist() == [10.0, 5.0, 0.0]
    assert spend["integration"].tolist() == pytest.approx([37.0, 18.5, 0.0])  # 10 % of 370, 185
    assert spend["launch"].tolist() == [1_000.0, 1_000.0, 0.0]
    assert spend["insurance"].tolist() == pytest.approx([0.05 * 1407, 0.05 * 1203.5, 0.0])
    assert spend["ground_segment"].tolist() == pytest.approx([0.02 * 407, 0.02 * 203.5, 0.0])
    assert spend["operations"].tolist() == [3.0, 7.5, 9.0]
    assert spend["development"].tolist() == [7_000.0, 0.0, 0.0]


def test_hardware_is_paid_when_a_satellite_is_built_not_when_it_flies() -> None:
    """Three satellites built in year 1 and one more in year 3 that never flies: their hardware
    ($185 each, $203.50 integrated) is paid in the years they were built, on the learning curve
    of the satellites built; launches, operations and development do not move."""
    built = hand_history(satellites_built=[3.0, 0.0, 1.0])
    spend = price_timeline(built, hand_costs()).spend_usd
    assert spend["accelerators"].tolist() == [300.0, 0.0, 100.0]
    assert spend["integration"].tolist() == pytest.approx([55.5, 0.0, 18.5])
    assert spend["ground_segment"].tolist() == pytest.approx([0.02 * 610.5, 0.0, 0.02 * 203.5])
    assert spend["insurance"].tolist() == pytest.approx(
        [0.05 * (610.5 + 1_000.0), 0.05 * 1_000.0, 0.05 * 203.5]
    )
    just_in_time = price_timeline(hand_history(), hand_costs()).spend_usd
    for key in ("launch", "operations", "development"):
        assert spend[key].tolist() == just_in_time[key].tolist()
    # on an 80 % curve the learning runs over the satellites built: the fourth (year 3) costs
    # about 0.8² of the first, as it would had the four been launched as they were built
    learning = price_timeline(built, hand_costs(0.8)).spend_usd["bus"]
    as_launched = hand_history(satellites_launched=[3.0, 0.0, 1.0])
    assert (
        learning.tolist() == price_timeline(as_launched, hand_costs(0.8)).spend_usd["bus"].tolist()
    )
    assert learning[2] == pytest.approx(50.0 * 0.8**2, rel=0.01)
    # without satellites_built a timeline builds just in time: the analytic assumption
    assert hand_history().series("satellites_built").tolist() == [2.0, 1.0, 0.0]


def test_unit_costs_of_a_design_price_its_satellites() -> None:
    """The toy satellite's unit costs: 10 chips at $10k, a $1M bus, 10 kW of array at $100/W."""
    costs = unit_costs(toy_design())
    assert costs.satellite_usd["accelerators"] == 100_000.0
    assert costs.satellite_usd["bus"] == 1e6
    assert costs.satellite_usd["solar_arrays"] == pytest.approx(1e6)
    assert costs.launch_usd == 10e6


@pytest.mark.parametrize(
    "changes",
    [
        {"satellite_bus.failure_rate_per_year": 0.1, "compute_payload.failure_rate_per_year": 0.2},
        {"compute_payload.failure_rate_per_year": 0.05},
        {  # an undersized, degrading array: the payload throttles after 2.9 years
            "satellite_bus.solar_degradation_per_year": 0.1,
            "sizing.array_margin": 0.8,
            "launch_vehicle.max_launches_per_year": 3.0,
        },
    ],
    ids=["failing", "reliable", "throttled"],
)
def test_peak_power_and_times_to_power_match_the_timeline(changes: dict[str, float]) -> None:
    """The closed-form peak and times to 50 % and 90 % of the fleet's power (or never) agree
    with the timeline read at fine steps."""
    design = slow_toy(**changes)
    metrics = evaluate(design, check_feasible=False)
    timeline = fleet_timeline(design, step_years=0.001)
    assert metrics.peak_operating_power_w == pytest.approx(timeline.peak_operating_power_w, 1e-6)
    assert metrics.peak_fleet_share == pytest.approx(timeline.peak_fraction_of_target, 1e-6)
    for share, closed in (
        (0.5, metrics.time_to_50_percent_power_years),
        (0.9, metrics.time_to_90_percent_power_years),
    ):
        found = timeline.time_to_power(share)
        assert (closed is None) == (found is None)
        if closed is not None:
            assert closed == pytest.approx(found, abs=1e-5)


def test_a_campaign_longer_than_a_satellites_life_never_has_the_whole_fleet_up() -> None:
    """Peak share = F(T)/R once the ramp R outlasts the life T: with no failures, T/R."""
    design = slow_toy(**{"launch_vehicle.max_launches_per_year": 1.0, "sizing.mission_years": 5.0})
    metrics = evaluate(design, check_feasible=False)
    assert metrics.peak_fleet_share == pytest.approx(5.0 / 13.0)
    assert metrics.time_to_50_percent_power_years is None
    assert metrics.time_to_90_percent_power_years is None
    batch = evaluate_batch(design, {"launch_vehicle.max_launches_per_year": [1.0, 100.0]})
    assert batch["time_to_50_percent_power_years"][0] == math.inf
    assert batch["time_to_50_percent_power_years"][1] == pytest.approx(0.065)
    assert batch["budget_deployment_time_excess"].tolist() == pytest.approx([8.0, 0.13 - 5.0])


def test_one_gigawatt_of_h100_on_falcon_9_breaks_the_deployment_time_budget() -> None:
    """31 years of Falcon 9 launches for 5-year satellites: refused by default, naming the
    budget and the share of the fleet that ever operates at once (~5/31)."""
    design = one_gigawatt_of_h100_on_falcon_9()
    with pytest.raises(InfeasibleDesign) as caught:
        evaluate(design)
    message = str(caught.value)
    assert "deployment time: needs 31.2 yr, limit 5 yr" in message
    assert "at most 14% of the fleet ever operates at once" in message
    metrics = evaluate(design, check_feasible=False)
    assert metrics.peak_fleet_share == pytest.approx(0.1406, abs=5e-4)
    assert metrics.peak_operating_power_w < 0.15e9
    raised = attrs.evolve(design, sizing=attrs.evolve(design.sizing, max_deployment_missions=7.0))
    assert not any(b.broken for b in evaluate(raised, check_feasible=False).budgets)


def test_the_second_integral_of_a_throttled_profile_matches_numerical_integration() -> None:
    """𝔉(a) = ∫₀^a F of a two-piece profile (full power, then throttled) equals the trapezoid
    rule on a fine grid before, inside and after each piece (each piece counted once)."""
    profile = Profile(((0.0, 1.0, 1.0, 0.5), (1.0, 3.0, 2.0, 0.7)))
    ages = np.linspace(0.0, 4.0, 400_001)
    f = np.where(ages < 1, np.exp(-0.5 * ages), np.where(ages < 3, 2 * np.exp(-0.7 * ages), 0))
    f_integral = np.concatenate(([0.0], np.cumsum(0.5 * (f[1:] + f[:-1]) * np.diff(ages))))
    second = np.concatenate(
        ([0.0], np.cumsum(0.5 * (f_integral[1:] + f_integral[:-1]) * np.diff(ages)))
    )
    for age in (0.5, 1.5, 2.5, 3.5):
        i = round(age / 4.0 * 400_000)
        assert profile.second_integral(np.array([age]))[0] == pytest.approx(second[i], rel=1e-5)


def test_the_verdict_of_a_fleet_that_never_exists_whole_says_so() -> None:
    """When a study accepts a 31-year campaign, the verdict says how little of it operates."""
    design = one_gigawatt_of_h100_on_falcon_9()
    design = attrs.evolve(design, sizing=attrs.evolve(design.sizing, max_deployment_missions=7.0))
    verdict = evaluate(design).verdict()
    assert "at most 14% of the fleet ever operates at once (launching takes 31.2 yr)" in verdict


@pytest.mark.parametrize("hazard_per_year", [0.0, 1e-9, 0.5, 40.0, 1e160])
def test_the_age_integrals_are_exact_for_any_hazard(hazard_per_year: float) -> None:
    """For one exponential piece f(a) = e^{−k a} on [0, 10] yr, F(2) = (1 − e^{−2k})/k and
    𝔉(2) = 2/k − (1 − e^{−2k})/k² (2 and 2 at k = 0), with no overflow for any k (a hazard
    of 1e160/yr squares past the largest float)."""
    k, age = hazard_per_year, np.array([2.0])
    profile = Profile(((0.0, 10.0, 1.0, k),))
    expected_f = -math.expm1(-2 * k) / k if k else 2.0
    if 2 * k < 1e-3:  # the closed form cancels in floats: its Taylor series a²/2 − k a³/6 + …
        expected_second = 2.0 - 8 * k / 6 + 16 * k * k / 24
    elif k > 1e100:  # 1/k² is below the smallest float: the leading term
        expected_second = 2 / k
    else:
        expected_second = 2 / k + math.expm1(-2 * k) / k**2
    assert profile.integral(age)[0] == pytest.approx(expected_f, rel=1e-12)
    assert profile.second_integral(age)[0] == pytest.approx(expected_second, rel=1e-9)
