"""The analytic evaluator against hand-computed values, closed forms and monotonic responses.

The toy design (tests/toy_design.py) has round numbers: 100 satellites × 10 chips of
1 PFLOP/s at 1 kW, a 1 t bus at $1M, arrays at 100 W/kg and $100/W, a $10M rocket lifting
10 t, no failures, no discounting, no eclipse, five years.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skyrack.crossover import crossover
from skyrack.errors import InfeasibleDesign, InvalidComponent
from skyrack.evaluation import evaluate, evaluate_batch
from toy_design import SUNLIGHT, toy_design

STARLINK_SHELL = {"orbit.ltan_hours": None, "orbit.inclination_deg": 53.0}
"""Turns the toy's dawn-dusk orbit into Starlink's precessing 550 km, 53° shell."""

SIGMA = 5.670374419e-8


def test_toy_satellite_sizing_matches_hand_computation() -> None:
    """Payload power, array, radiator and mass of the toy satellite match hand arithmetic."""
    v = evaluate(toy_design()).values
    assert v["payload_power_w"] == pytest.approx(10 * 1_000.0)  # 10 chips × 1 kW, no host
    assert v["array_mass_kg"] == pytest.approx(10_000 / 100)  # 10 kW / 100 W/kg = 100 kg
    # two-sided radiator at 330 K, ε = 0.9, no Earth view: q = 2 · 0.9 · σ · 330⁴ = 1210.4 W/m²
    flux = 2 * 0.9 * SIGMA * 330.0**4
    assert v["radiator_net_flux_w_m2"] == pytest.approx(flux)
    assert v["radiator_area_m2"] == pytest.approx(10_000 / flux)  # 8.26 m²
    dry = 1_000 + 100 + 5.0 * 10_000 / flux + 10 * 10.0  # bus + array + radiator + chips
    assert v["dry_mass_kg"] == pytest.approx(dry)
    assert v["propellant_mass_kg"] < 0.1  # Isp of 10⁶ s makes propellant negligible
    assert v["satellites_per_launch"] == math.floor(10_000 / v["wet_mass_kg"]) == 8


def test_toy_lcoc_matches_hand_computation() -> None:
    """Orbital and ground LCOC of the toy design equal the hand-computed values."""
    metrics = evaluate(toy_design())
    # orbit: hardware per satellite = 10 × $10k + $1M bus + 10 kW × $100/W + radiator m² × $1k
    radiator_m2 = 10_000 / (2 * 0.9 * SIGMA * 330.0**4)
    hardware = 100 * (100_000 + 1e6 + 1e6 + 1_000 * radiator_m2)
    launches = 13  # 8 satellites per launch: 12 full launches and one carrying 4
    cost = hardware + launches * 10e6
    # chips × PFLOP/s × years × days, idle in eclipse (no batteries)
    pflop_days = 100 * 10 * 1.0 * 5 * 365.25 * SUNLIGHT
    assert metrics.lcoc_usd_per_pflop_day == pytest.approx(cost / pflop_days, rel=1e-9)
    # ground: 1 MW of IT at $10/W + 1,000 chips × $10k + 1 MW × 8766 h × 5 yr × $100/MWh
    ground_cost = 10e6 + 10e6 + 1.0 * 8766 * 5 * 100
    ground_pflop_days = 100 * 10 * 1.0 * 5 * 365.25
    assert metrics.ground_lcoc_usd_per_pflop_day == pytest.approx(ground_cost / ground_pflop_days)
    assert metrics.orbit_to_ground_ratio == pytest.approx(
        (cost / pflop_days) / (ground_cost / ground_pflop_days)
    )
    assert not metrics.orbit_wins


def test_accelerator_failures_follow_the_exponential_survival_integral() -> None:
    """With hazard λ and no discounting, delivered compute is N·(1 − e^{−λT})/λ chip-years."""
    lam = 0.09
    v = evaluate(toy_design(**{"compute_payload.failure_rate_per_year": lam})).values
    chip_years = 1_000 * (1 - math.exp(-lam * 5)) / lam
    assert v["pv_pflop_days"] == pytest.approx(chip_years * 365.25 * SUNLIGHT)


def test_bus_failures_take_the_accelerators_with_them() -> None:
    """A bus hazard reduces delivered compute exactly as an accelerator hazard of equal size."""
    by_bus = evaluate(toy_design(**{"satellite_bus.failure_rate_per_year": 0.05})).values
    by_chip = evaluate(toy_design(**{"compute_payload.failure_rate_per_year": 0.05})).values
    assert by_bus["pv_pflop_days"] == pytest.approx(by_chip["pv_pflop_days"])


def test_discounting_matches_the_continuous_annuity() -> None:
    """At 7% a constant output stream is worth ∫₀⁵ e^{−ln(1.07)t} dt years, not five."""
    v = evaluate(toy_design(**{"economics.discount_rate_per_year": 0.07})).values
    delta = math.log(1.07)
    annuity = (1 - math.exp(-delta * 5)) / delta
    ramp = 0.013  # 13 launches at 1,000 a year
    ramp_factor = (1 - math.exp(-delta * ramp)) / (delta * ramp)
    assert v["pv_pflop_days"] == pytest.approx(1_000 * 365.25 * annuity * ramp_factor * SUNLIGHT)


def test_array_throttling_matches_numerical_integration() -> None:
    """An undersized, degrading array throttles the payload as the closed form says."""
    d, margin = 0.05, 0.8
    v = evaluate(
        toy_design(**{"satellite_bus.solar_degradation_per_year": d, "sizing.array_margin": margin})
    ).values
    tau = np.linspace(0, 5, 200_001)
    throttle = np.minimum(1.0, margin * (1 - d) ** (tau - 5))
    expected_years = np.trapezoid(throttle, tau)
    assert v["pv_pflop_days"] == pytest.approx(1_000 * 365.25 * expected_years * SUNLIGHT, rel=1e-6)


def test_compute_idles_in_eclipse_without_batteries() -> None:
    """Without batteries, delivered compute scales with the sunlight fraction: 0.951 in the
    toy's dawn-dusk orbit, 0.687 in Starlink's 53° shell."""
    lit = evaluate(toy_design()).values
    shaded = evaluate(toy_design(**STARLINK_SHELL)).values
    assert 1 - lit["eclipse_fraction"] == pytest.approx(SUNLIGHT)
    assert 1 - shaded["eclipse_fraction"] == pytest.approx(0.687, abs=0.001)
    assert shaded["pv_pflop_days"] == pytest.approx(
        lit["pv_pflop_days"] / SUNLIGHT * (1 - shaded["eclipse_fraction"])
    )


def test_batteries_keep_compute_running_through_eclipse_at_a_mass_cost() -> None:
    """With batteries, compute continues in eclipse and the satellite gains battery mass."""
    with_battery = evaluate(
        toy_design(**STARLINK_SHELL, **{"sizing.battery_for_eclipse": True})
    ).values
    assert with_battery["pv_pflop_days"] == pytest.approx(1_000 * 365.25 * 5)
    # 10 kW through the longest eclipse (β = 0 is in the yearly range) at 150 Wh/kg and 30% DoD
    hours = with_battery["eclipse_duration_s"] / 3600
    assert hours * 3600 == pytest.approx(0.3723 * 5738.5, rel=1e-3)  # f(550 km, β=0) · period
    assert with_battery["battery_mass_kg"] == pytest.approx(10_000 * hours / (0.3 * 150))


def test_batch_evaluation_equals_one_by_one_evaluation() -> None:
    """Each element of a batch equals the scalar evaluation of the same design."""
    prices = np.array([2e6, 10e6, 60e6])
    chips = np.array([5, 10, 40])
    batch = evaluate_batch(
        toy_design(),
        {"launch_vehicle.price_usd": prices, "sizing.accelerators_per_satellite": chips},
    )
    for i in range(3):
        single = evaluate(
            toy_design(
                **{
                    "launch_vehicle.price_usd": float(prices[i]),
                    "sizing.accelerators_per_satellite": int(chips[i]),
                }
            )
        )
        assert batch["lcoc_usd_per_pflop_day"][i] == pytest.approx(single.lcoc_usd_per_pflop_day)


@settings(max_examples=40, deadline=None)
@given(
    low=st.floats(min_value=1e5, max_value=1e9),
    factor=st.floats(min_value=1.01, max_value=10.0),
)
def test_higher_launch_price_means_higher_lcoc(low: float, factor: float) -> None:
    """Raising the launch price never lowers the orbital LCOC."""
    out = evaluate_batch(toy_design(), {"launch_vehicle.price_usd": [low, low * factor]})
    assert out["lcoc_usd_per_pflop_day"][1] > out["lcoc_usd_per_pflop_day"][0]


@settings(max_examples=40, deadline=None)
@given(
    low=st.floats(min_value=0.0, max_value=2.0),
    step=st.floats(min_value=0.01, max_value=2.0),
    rate=st.floats(min_value=0.0, max_value=0.3),
)
def test_higher_failure_rate_means_less_delivered_compute(
    low: float, step: float, rate: float
) -> None:
    """Raising the accelerator failure rate always lowers the delivered compute."""
    out = evaluate_batch(
        toy_design(**{"economics.discount_rate_per_year": rate}),
        {"compute_payload.failure_rate_per_year": [low, low + step]},
    )
    assert out["pv_pflop_days"][1] < out["pv_pflop_days"][0]


def test_crossover_launch_price_makes_orbit_and_ground_equal() -> None:
    """At the crossover launch price the orbit/ground ratio is 1."""
    design = toy_design(
        **{"satellite_bus.cost_usd": 1e4, "satellite_bus.array_cost_usd_per_w": 0.1}
    )
    found = crossover(design, "launch_vehicle.price_usd", 1e3, 1e8)
    assert found.found and found.spacing == "log"
    at = evaluate_batch(design, {"launch_vehicle.price_usd": [found.value]})
    assert at["orbit_to_ground_ratio"][0] == pytest.approx(1.0, rel=1e-3)


def test_crossover_reports_no_crossing_when_orbit_never_wins_in_range() -> None:
    """No crossover is reported, and the reason says so, when the ratio stays above 1."""
    found = crossover(toy_design(), "launch_vehicle.price_usd", 1e6, 1e8)
    assert not found.found and found.value is None
    assert found.reason.startswith("orbit/ground does not cross 1")


def test_too_many_accelerators_break_the_bus_power_budget_by_a_stated_amount() -> None:
    """A satellite drawing more than the bus can supply names the budget and the excess."""
    design = toy_design(**{"satellite_bus.max_payload_power_w": 5_000.0})
    with pytest.raises(InfeasibleDesign, match=r"bus payload power: needs 10,000 W, limit 5,000"):
        evaluate(design)


def test_satellite_heavier_than_the_launcher_breaks_the_launch_mass_budget() -> None:
    """A satellite heavier than the rocket's capacity is infeasible on launch fill by mass."""
    design = toy_design(**{"launch_vehicle.payload_to_leo_kg": 1_000.0})
    with pytest.raises(
        InfeasibleDesign,
        match="launch fill by mass: needs 1,241 kg, limit 1,000 kg .over by 241 kg, 24%.",
    ):
        evaluate(design)


def test_cold_radiator_facing_earth_breaks_the_thermal_budget() -> None:
    """A radiator colder than Earth's IR can heat it is reported as a thermal failure."""
    design = toy_design(
        **{"sizing.radiator_temperature_k": 150.0, "sizing.radiator_view_factor_earth": 1.0}
    )
    with pytest.raises(InfeasibleDesign, match="radiator heat balance"):
        evaluate(design)


def test_batch_marks_infeasible_designs_instead_of_raising() -> None:
    """The batch evaluator flags infeasible rows and reports each budget's excess."""
    out = evaluate_batch(toy_design(), {"sizing.accelerators_per_satellite": [10, 2_000]})
    assert out["feasible"].tolist() == [1.0, 0.0]
    assert out["budget_bus_payload_power_excess"][1] == pytest.approx(2_000 * 1_000 - 1e6)


def test_batch_rejects_values_the_component_would_refuse() -> None:
    """A sweep cannot use a probability above one or a negative price."""
    with pytest.raises(InvalidComponent, match="success_probability: values must be ≤ 1"):
        evaluate_batch(toy_design(), {"launch_vehicle.success_probability": [0.9, 1.5]})
    with pytest.raises(InvalidComponent, match="price_usd: values must be > 0"):
        evaluate_batch(toy_design(), {"launch_vehicle.price_usd": [-1.0]})


def test_batch_unknown_parameter_suggests_close_names() -> None:
    """A misspelt parameter key suggests the real one."""
    with pytest.raises(InvalidComponent, match="did you mean launch_vehicle.price_usd"):
        evaluate_batch(toy_design(), {"launch_vehicle.price_usdd": [1.0]})


def test_launch_failures_rebuild_satellites_and_refly() -> None:
    """With launch success p, expected launches and satellites built both scale by 1/p."""
    v = evaluate(toy_design(**{"launch_vehicle.success_probability": 0.8})).values
    assert v["launches"] == pytest.approx(13 / 0.8)
    assert v["satellites_built"] == pytest.approx(100 / 0.8)


def test_target_power_sets_the_fleet_size() -> None:
    """A fleet given as target payload power has ceil(target / satellite power) satellites."""
    base = toy_design()
    sizing = attrs.evolve(base.sizing, satellites=None, target_it_power_w=1.234e6)
    design = attrs.evolve(base, sizing=sizing)
    assert evaluate(design).values["satellites"] == math.ceil(1.234e6 / 10_000)
