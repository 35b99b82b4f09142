"""The fleet simulation against hand arithmetic, the analytic evaluator and its own books."""

from __future__ import annotations

import math
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import skyrack
from skyrack.components import FleetEvent, FleetPolicy
from skyrack.design import Design
from skyrack.ground import DAYS_PER_YEAR
from skyrack.pricing import COST_CATEGORIES
from skyrack.simulation.ensemble import replications, simulate, summarize
from skyrack.simulation.history import FleetHistory
from skyrack.simulation.model import FleetModel
from skyrack.simulation.plan import SimulationPlan
from skyrack.simulation.protocol import EventBehaviour, EventFleet, FleetState
from skyrack.simulation.settings import FactorySettings, SimulationSettings
from skyrack.testing import conservation_problems
from toy_design import HAND, SUNLIGHT, toy_design

UNLIMITED = FactorySettings(unlimited=True)


def registry_policy(name: str) -> FleetPolicy:
    """A built-in fleet policy by name."""
    return skyrack.registry().fleet_policy(name)


def fly(
    design: Design,
    *,
    policy: str = "deploy-once",
    events: tuple[FleetEvent, ...] = (),
    seed: int = 0,
    **changes: Any,
) -> tuple[FleetModel, FleetHistory]:
    """One replication of ``design`` with these settings; returns the model and its history."""
    fields: dict[str, Any] = {"horizon_years": 6.0, "factory": UNLIMITED, "stand_down_days": 0.0}
    fields.update(changes)
    plan = SimulationPlan.build(
        design, SimulationSettings(**fields), registry_policy(policy), events
    )
    model = FleetModel(plan, rng=seed)
    return model, model.run()


def day(years: float) -> int:
    """The daily step during which ``years`` falls."""
    return math.floor(years * DAYS_PER_YEAR)


# --- hand arithmetic ---------------------------------------------------------------------------


def test_a_fleet_that_never_fails_deploys_in_whole_launches_at_the_vehicle_cadence() -> None:
    """100 satellites, 8 per launch, 1,000 launches a year: a slot every 0.36525 days, so
    slots at 0, 0.37, 0.73 | 1.10, 1.46, 1.83 | 2.19, 2.56, 2.92 | 3.29, 3.65 | 4.02, 4.38:
    13 launches (the last carries 4), 3, 3, 3, 2 and 2 a day; retired together at 5 years."""
    _, history = fly(toy_design())
    t = history.timeline
    assert t.launches[:6].tolist() == [3, 3, 3, 2, 2, 0]
    assert t.satellites_operating[:5].tolist() == [24, 48, 72, 88, 100]
    assert t.launches.sum() == 13
    assert t.satellites_launched.sum() == 100
    assert t.satellites_operating[day(5.0) - 1] == 100
    assert t.satellites_operating[day(5.0) + 5 :].max() == 0  # the last launch was on day 4
    assert t.satellites_deorbited.sum() == 100
    assert t.satellites_failed.sum() == 0
    # 100 satellites × 10 accelerators × 1 PFLOP/s, idle in eclipse: 951 PFLOP-days a day
    assert t.delivered_pflop_days[10] == pytest.approx(1000.0 * SUNLIGHT)
    assert t.operating_power_w[10] == pytest.approx(100 * 10 * 1000.0)
    assert t.spend_usd["launch"].sum() == pytest.approx(13 * 10e6)


def test_each_satellite_delivers_its_mission_once_in_expectation_of_the_hand_value() -> None:
    """Without failures each satellite delivers 10 PFLOP/s × 5 years × its sunlit share =
    18,262.5 × 0.951 PFLOP-days."""
    _, history = fly(toy_design())
    total = history.timeline.delivered_pflop_days.sum()
    assert total == pytest.approx(100 * 10 * 5 * DAYS_PER_YEAR * SUNLIGHT, rel=1e-3)


def test_the_array_throttles_the_payload_as_it_degrades_past_its_margin() -> None:
    """Array sized at 80 % of end-of-life load, 5 %/yr degradation: full power until
    τ₀ = 5 + ln 0.8 / −ln 0.95 = 0.65 yr, then θ = 0.8 × 0.95^(a − 5) of full load."""
    design = toy_design(
        **{"satellite_bus.solar_degradation_per_year": 0.05, "sizing.array_margin": 0.8}
    )
    model, history = fly(design, policy="run-to-failure", horizon_years=4.0)
    t = history.timeline
    launched = np.repeat(
        [c.launch_time_years for c in model.cohorts], [c.satellites for c in model.cohorts]
    )
    for years in (0.5, 1.0, 2.0, 3.5):
        i = day(years)
        ages = t.time_years[i] - launched
        expected = np.minimum(1.0, 0.8 * 0.95 ** (ages - 5.0)).mean()
        ratio = t.operating_power_w[i] / (t.healthy_accelerators[i] * 1000.0)
        assert ratio == pytest.approx(expected, rel=1e-9), years
    assert 0.86 < t.operating_power_w[day(3.5)] / t.target_power_w < 0.87  # 0.8 × 0.95^−1.5


def test_satellites_never_retired_reenter_when_their_orbit_decays() -> None:
    """Under run-to-failure a satellite flies on after its 5-year propellant until drag brings
    it down (the plan's decay age), not at 5 years."""
    model, history = fly(toy_design(), policy="run-to-failure", horizon_years=15.0)
    decay = model.plan.decay_age_years()
    assert 5.0 < decay < 15.0
    t = history.timeline
    assert t.satellites_operating[day(decay - 0.05)] == 100
    assert t.satellites_operating[day(decay + 0.05)] == 0
    assert t.satellites_failed.sum() == 0


# --- randomness --------------------------------------------------------------------------------


RISKY = {
    "launch_vehicle.success_probability": 0.8,
    "satellite_bus.failure_rate_per_year": 0.2,
    "compute_payload.failure_rate_per_year": 0.1,
    "sizing.infant_mortality_fraction": 0.05,
}


def test_one_seed_gives_one_history_and_another_seed_another() -> None:
    """Replaying a seed reproduces every column; a different seed changes the failures."""
    design = toy_design(**RISKY)
    _, first = fly(design, seed=3)
    _, again = fly(design, seed=3)
    _, other = fly(design, seed=4)
    for name, values in first.columns().items():
        assert np.array_equal(values, again.series(name) if name != "time_years" else values)
    assert not np.array_equal(first.timeline.satellites_failed, other.timeline.satellites_failed)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    success=st.floats(0.3, 1.0),
    bus_rate=st.floats(0.0, 2.0),
    policy=st.sampled_from(["deploy-once", "replace-failed", "run-to-failure"]),
    factory_rate=st.floats(0.2, 50.0),
    stand_down=st.floats(0.0, 60.0),
    storms=st.booleans(),
    step_days=st.sampled_from([1.0, 3.0, 10.0]),
    seed=st.integers(0, 2**32 - 1),
)
def test_satellites_are_conserved_at_every_step(
    success: float,
    bus_rate: float,
    policy: str,
    factory_rate: float,
    stand_down: float,
    storms: bool,
    step_days: float,
    seed: int,
) -> None:
    """built = in storage + launched and launched = operating + failed + deorbited + lost at
    launch, at every step, whatever the launch reliability, failures, factory, policy and
    events."""
    design = toy_design(
        **{
            "launch_vehicle.success_probability": success,
            "launch_vehicle.max_launches_per_year": 100.0,
            "satellite_bus.failure_rate_per_year": bus_rate,
            "sizing.mission_years": 2.0,
        }
    )
    events = (STORM_EVERY_QUARTER,) if storms else ()
    _, history = fly(
        design,
        policy=policy,
        events=events,
        seed=seed,
        horizon_years=3.0,
        step_days=step_days,
        stand_down_days=stand_down,
        factory=FactorySettings(
            start_satellites_per_day=factory_rate, max_satellites_per_day=factory_rate
        ),
    )
    assert conservation_problems(history) == []


# --- operations --------------------------------------------------------------------------------


def test_a_launch_failure_stands_the_provider_down() -> None:
    """After each lost launch nothing flies for the stand-down's 30 days."""
    design = toy_design(**{"launch_vehicle.success_probability": 0.6})
    _, history = fly(design, stand_down_days=30.0, seed=1)
    t = history.timeline
    failures = np.flatnonzero(t.satellites_lost_at_launch)
    assert failures.size >= 2
    for step in failures:
        assert t.launches[step + 1 : step + 30].sum() == 0


def test_the_factory_caps_the_deployment_at_its_rate() -> None:
    """A factory building 2 satellites a day deploys 100 satellites in 50 days, not 5, and
    never builds more than its capacity in a step."""
    factory = FactorySettings(start_satellites_per_day=2.0, max_satellites_per_day=2.0)
    _, history = fly(toy_design(), factory=factory)
    built = history.series("satellites_built")
    assert built.max() <= 2
    operating = history.timeline.satellites_operating
    assert 40 <= np.argmax(operating == 100) <= 52


def test_satellites_left_in_storage_are_paid_for_when_built() -> None:
    """Three launches a day, the first lost and the provider stood down past the horizon: the
    16 satellites built for the day's other two launches never fly, and their accelerators
    ($100,000 a satellite) are paid for with the 8 that flew, on the day they were built."""
    design = toy_design(
        **{
            "launch_vehicle.success_probability": 0.5,
            "launch_vehicle.max_launches_per_year": 1000.0,
        }
    )
    _, history = fly(design, horizon_years=0.5, seed=0, stand_down_days=1000.0)
    metrics = history.metrics()
    assert metrics["satellites_launched"] == 8
    assert history.series("satellites_in_storage")[-1] == 16
    assert metrics["satellites_built"] == 24
    accelerators = history.timeline.spend_usd["accelerators"]
    assert accelerators.sum() == pytest.approx(24 * 1e5, rel=1e-12)
    assert accelerators[0] == pytest.approx(24 * 1e5, rel=1e-12)


def test_the_factory_ramps_linearly_from_its_start_to_its_maximum_rate() -> None:
    """1 → 11 satellites a day over one year: 6 a day halfway."""
    factory = FactorySettings(
        start_satellites_per_day=1.0, max_satellites_per_day=11.0, ramp_years=1.0
    )
    assert factory.satellites_per_day(0.5) == pytest.approx(6.0)
    assert factory.satellites_per_day(3.0) == 11.0
    _, history = fly(toy_design(**{"sizing.satellites": 5000}), factory=factory, horizon_years=1.5)
    capacity = history.series("factory_capacity")
    assert capacity[day(0.5)] == pytest.approx(6.0, abs=0.02)


def test_no_launch_before_the_vehicle_is_available() -> None:
    """A design whose only vehicle flies two years after the start year is refused; flown as a
    second provider beside an available vehicle, that vehicle waits two years."""
    late_design = toy_design(
        **{"launch_vehicle.first_available_year": 2030, "economics.start_year": 2028}
    )
    with pytest.raises(skyrack.InfeasibleDesign, match="launch availability"):
        fly(late_design)
    design = toy_design(
        **{
            "economics.start_year": 2028,
            "launch_vehicle.max_launches_per_year": 10.0,
            "sizing.satellites": 400,
        }
    )
    late = attrs.evolve(design.launch_vehicle, name="toy-late", first_available_year=2030)
    plan = SimulationPlan.build(
        design,
        SimulationSettings(horizon_years=4.0, factory=UNLIMITED),
        registry_policy("deploy-once"),
        (),
        (design.launch_vehicle, late),
    )
    history = FleetModel(plan, rng=0).run()
    late_launches = history.launches_by_vehicle["toy-late"]
    assert late_launches[: day(2.0)].sum() == 0
    assert late_launches.sum() > 0
    assert history.launches_by_vehicle["toy-rocket"][: day(2.0)].sum() == 20


def test_replacing_failures_keeps_the_fleet_at_strength_where_deploying_once_decays() -> None:
    """With 20 %/yr bus failures, replace-failed holds ≥ 85 % of target power after deployment
    while deploy-once falls to about e^(−0.2 × 4) ≈ 45 % in four years."""
    design = toy_design(**{"satellite_bus.failure_rate_per_year": 0.2, "sizing.mission_years": 8.0})
    _, kept = fly(design, policy="replace-failed", horizon_years=4.0, seed=2)
    _, decayed = fly(design, policy="deploy-once", horizon_years=4.0, seed=2)
    target = kept.timeline.target_power_w
    assert kept.timeline.operating_power_w[day(0.1) :].min() >= 0.85 * target
    assert decayed.timeline.operating_power_w[-1] / target == pytest.approx(
        math.exp(-0.8), abs=0.12
    )


def test_replacing_failures_never_orders_past_the_target_power() -> None:
    """Launch losses, bus failures and replenishing below 90 % all at once: what operates plus
    what is on order never exceeds the target by more than the one satellite that rounding
    allows (a step that both replaced losses and replenished once ordered the shortfall twice)."""
    design = toy_design(
        **{
            "sizing.satellites": 32,  # 8 a launch: one lost launch is a quarter of the fleet
            "launch_vehicle.success_probability": 0.7,
            "satellite_bus.failure_rate_per_year": 0.3,
        }
    )
    for seed in range(5):
        model, history = fly(design, policy="replace-failed", horizon_years=3.0, seed=seed)
        satellite_w = model.plan.satellite_power_w
        on_order = history.series("satellites_on_order")
        committed_w = history.timeline.operating_power_w + on_order * satellite_w
        assert history.metrics()["satellites_lost_at_launch"] > 0
        assert committed_w.max() <= history.timeline.target_power_w + satellite_w
        assert history.timeline.peak_fraction_of_target <= 1.0 + 1.0 / 32


def test_a_spend_limit_stops_the_operator_ordering() -> None:
    """With a $300M limit (a satellite is ~$1.3M, a launch $10M), replacements stop once it is
    spent, and the fleet then decays."""
    design = toy_design(**{"satellite_bus.failure_rate_per_year": 0.5})
    _, unlimited = fly(design, policy="replace-failed", horizon_years=5.0)
    _, limited = fly(design, policy="replace-failed", horizon_years=5.0, spend_limit_usd=3e8)
    assert limited.metrics()["satellites_built"] < unlimited.metrics()["satellites_built"]
    spent = np.cumsum(limited.timeline.total_spend_usd)
    over = np.argmax(spent >= 3e8)
    assert limited.series("satellites_built")[over + 2 :].sum() == 0


# --- events ------------------------------------------------------------------------------------


class EveryQuarter(EventBehaviour):
    """Strikes every quarter year with the component's damage (a test event)."""

    def __init__(self, component: FleetEvent) -> None:
        self.component = component

    def next_time_years(self, fleet: FleetState, rng: np.random.Generator) -> float | None:
        return fleet.time_years + 0.25

    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        event = self.component
        fleet.fail_accelerators(event.accelerator_loss_fraction)
        fleet.destroy_satellites(event.satellite_loss_fraction)
        fleet.ground_launches(event.launch_grounding_days)
        fleet.halt_factory(event.factory_outage_days)


def quarterly(**damage: float) -> FleetEvent:
    """A test event striking every quarter with this damage."""
    fields = {
        "accelerator_loss_fraction": 0.0,
        "satellite_loss_fraction": 0.0,
        "launch_grounding_days": 0.0,
        "factory_outage_days": 0.0,
        **damage,
    }
    return FleetEvent(
        name="quarterly",
        description="test event",
        annual_probability=1.0,
        behaviour=EveryQuarter,
        sources={"*": HAND},
        **fields,
    )


STORM_EVERY_QUARTER = quarterly(
    accelerator_loss_fraction=0.1, satellite_loss_fraction=0.1, launch_grounding_days=5.0
)


def test_a_storm_destroys_its_fraction_of_satellites_and_accelerators() -> None:
    """A quarterly storm destroying 10 % of satellites and 10 % of working accelerators: each
    strike fails about 10 of 100 satellites and leaves 0.9 × 0.9 of the power it found."""
    storm = quarterly(accelerator_loss_fraction=0.1, satellite_loss_fraction=0.1)
    _, history = fly(toy_design(), events=(storm,), horizon_years=0.9, seed=5)
    t = history.timeline
    strike = day(0.25)
    assert [time for time, _ in history.strikes][:1] == [
        pytest.approx(t.time_years[strike], abs=0.003)
    ]
    assert 3 <= t.satellites_failed[strike + 1] <= 18
    before, after = t.operating_power_w[strike], t.operating_power_w[strike + 1]
    kept = after / before
    assert kept == pytest.approx(0.9 * (1 - t.satellites_failed[strike + 1] / 100), abs=0.03)


def test_a_grounding_halts_every_launch_for_its_days() -> None:
    """Grounded for 200 days every quarter from t = 0.25 yr, a deployment paced at 10 launches
    a year stops between strikes and resumes."""
    design = toy_design(**{"launch_vehicle.max_launches_per_year": 10.0})
    grounding = quarterly(launch_grounding_days=60.0)
    _, history = fly(design, events=(grounding,), horizon_years=1.0)
    launches = history.timeline.launches
    strike = day(0.25)
    assert launches[strike + 1 : strike + 60].sum() == 0
    assert launches[:strike].sum() >= 2


def test_a_factory_outage_stops_production_for_its_days() -> None:
    """A 30-day factory outage each quarter: nothing is built in the 30 days after a strike."""
    factory = FactorySettings(start_satellites_per_day=1.0, max_satellites_per_day=1.0)
    outage = quarterly(factory_outage_days=30.0)
    _, history = fly(toy_design(), events=(outage,), factory=factory, horizon_years=0.8)
    built = history.series("satellites_built")
    strike = day(0.25)
    assert built[strike + 1 : strike + 30].sum() == 0
    assert built[strike + 32 : strike + 45].sum() > 0


# --- the analytic evaluator --------------------------------------------------------------------


ANALYTIC_MIRROR = SimulationSettings(
    horizon_years=6.0,
    step_days=DAYS_PER_YEAR / 73,  # 73 steps a year: years are whole numbers of steps
    policy="deploy-once",
    factory=UNLIMITED,
    stand_down_days=0.0,
)
"""The analytic evaluator's assumptions: every satellite ordered at once and built on demand,
no stand-downs, no events, failures never replaced, retirement at the mission's end."""


def mirrored_design() -> Design:
    """A fleet that loses launches, satellites and accelerators, throttles and learns."""
    return toy_design(
        **{
            "launch_vehicle.success_probability": 0.9,
            "launch_vehicle.max_launches_per_year": 200.0,
            "satellite_bus.failure_rate_per_year": 0.15,
            "satellite_bus.solar_degradation_per_year": 0.03,
            "compute_payload.failure_rate_per_year": 0.1,
            "sizing.satellites": 96,
            "sizing.mission_years": 4.5,  # retirements mid-year, not on a period's end
            "sizing.array_margin": 0.9,
            "sizing.infant_mortality_fraction": 0.02,
            "economics.discount_rate_per_year": 0.07,
            "economics.satellite_learning_rate": 0.9,
            "economics.launch_learning_rate": 0.95,
            "economics.operations_fraction_per_year": 0.02,
            "economics.insurance_fraction": 0.05,
        }
    )


def assert_within_3_standard_errors(
    sample: np.ndarray, expected: float, what: str, scale: float = 0.0
) -> None:
    """The sample mean is within 3 standard errors of ``expected`` (equal to rounding, 1e-9 of
    ``scale`` or of the value, when the sample does not vary)."""
    se = sample.std(ddof=1) / math.sqrt(sample.size)
    slack = 1e-9 * (1.0 + max(abs(expected), scale))
    assert abs(sample.mean() - expected) <= 3 * se + slack, (what, sample.mean(), expected, se)


def test_the_ensemble_mean_timeline_matches_the_expected_timeline_year_by_year() -> None:
    """With the analytic assumptions, 60 replications' mean fleet — satellites operating,
    healthy accelerators and power at each year's end; launches, satellites launched, failed
    and deorbited, delivered compute and spend over each year — matches the analytic
    evaluator's expected timeline within 3 standard errors, every year."""
    from skyrack.expected_timeline import fleet_timeline

    design = mirrored_design()
    expected = fleet_timeline(design, step_years=1.0, horizon_years=6.0)
    runs = list(replications(design, ANALYTIC_MIRROR, seed=21, count=60))
    stocks = ("satellites_operating", "healthy_accelerators", "operating_power_w")
    flows = (
        "launches",
        "satellites_launched",
        "satellites_failed",
        "satellites_deorbited",
        "delivered_pflop_days",
        "spend_usd",
    )
    for year in range(6):
        end = 73 * (year + 1)
        for name in (*stocks, *flows):
            series = expected.series(name)
            values = [run.series(name) for run in runs]
            sample = np.array(
                [v[end - 1] if name in stocks else v[end - 73 : end].sum() for v in values]
            )
            scale = float(np.abs(series).max())
            assert_within_3_standard_errors(sample, series[year], f"{name} {year}", scale)


def test_the_ensemble_mean_matches_the_analytic_evaluator_within_3_standard_errors() -> None:
    """With the analytic assumptions, 60 replications reproduce the evaluator's delivered
    compute, launches, satellites built and cost, undiscounted and discounted (its closed
    form), within 3 standard errors."""
    design = mirrored_design()
    analytic = skyrack.evaluate(design).values
    assert analytic["satellites_per_launch"] == 8  # 96 = 12 full launches: no partial loads
    runs = [h.metrics() for h in replications(design, ANALYTIC_MIRROR, seed=11, count=60)]
    expected = {
        "delivered_pflop_days": analytic["pflop_days"],
        "pv_delivered_pflop_days": analytic["pv_pflop_days"],
        "launches": analytic["launches"],
        "satellites_built": analytic["satellites_built"],
        "spend_usd": sum(analytic[f"{key}_usd"] for key in COST_CATEGORIES),
        "pv_spend_usd": analytic["pv_cost_usd"],
    }
    for name, value in expected.items():
        sample = np.array([run[name] for run in runs], dtype=float)
        assert_within_3_standard_errors(sample, value, name)


def test_replication_zero_is_what_simulate_returns() -> None:
    """``simulate(seed=s)`` is replication 0 of the ensemble seeded s."""
    design = toy_design(**RISKY)
    settings = SimulationSettings(horizon_years=1.0, factory=UNLIMITED, replications=2)
    alone = simulate(design, settings, seed=9)
    first = next(iter(replications(design, settings, seed=9)))
    assert np.array_equal(alone.timeline.satellites_failed, first.timeline.satellites_failed)


def test_the_summary_gives_mean_standard_error_and_quantiles_of_each_metric() -> None:
    """Over replications the summary's mean, standard error and P10/P50/P90 are numpy's."""
    design = toy_design(**RISKY)
    settings = SimulationSettings(horizon_years=1.0, factory=UNLIMITED)
    histories = list(replications(design, settings, seed=2, count=8))
    summary = summarize(histories, seed=2)
    failed = np.array([h.metrics()["satellites_failed"] for h in histories])
    spread = summary.metrics["satellites_failed"]
    assert spread.mean == pytest.approx(failed.mean())
    assert spread.standard_error == pytest.approx(failed.std(ddof=1) / math.sqrt(8))
    assert [spread.p10, spread.p50, spread.p90] == pytest.approx(
        np.quantile(failed, [0.1, 0.5, 0.9])
    )
    stacked = np.stack([h.timeline.operating_power_w for h in histories])
    assert np.allclose(summary.series["operating_power_w"].mean, stacked.mean(axis=0))
    assert np.allclose(summary.mean_timeline.operating_power_w, stacked.mean(axis=0))


def hand_history(rate_per_year: float) -> FleetHistory:
    """Two one-year steps: $100 of satellites bought in the first, $10 of operations in each,
    1 PFLOP-day delivered in each; the first step's satellites are still worth 62.5 % of their
    cost at the horizon."""
    from skyrack.timeline import FleetTimeline

    zeros = np.zeros(2)
    timeline = FleetTimeline(
        step_years=1.0,
        target_power_w=1.0,
        satellites_operating=np.ones(2),
        healthy_accelerators=np.ones(2),
        operating_power_w=np.ones(2),
        launches=zeros,
        satellites_launched=zeros,
        satellites_lost_at_launch=zeros,
        satellites_failed=zeros,
        satellites_deorbited=zeros,
        delivered_pflop_days=np.ones(2),
        spend_usd={"bus": np.array([100.0, 0.0]), "operations": np.array([10.0, 10.0])},
    )
    return FleetHistory(
        timeline=timeline,
        target_satellites=1,
        discount_rate_per_year=rate_per_year,
        capital_still_serving=np.array([0.625, 1.0]),
        extra={},
        launches_by_vehicle={},
    )


def test_hardware_still_serving_at_the_horizon_is_credited_what_it_is_still_worth() -> None:
    """$100 of satellites still worth 62.5 % of their cost is credited $62.50 at the
    horizon; net of it a PFLOP-day costs (120 − 62.5) / 2 = $28.75 undiscounted, where the
    horizon-only figure charges all $120 to 2 PFLOP-days ($60); at 10 %/yr the credit is
    discounted from year 2 and operations are never credited."""
    undiscounted = hand_history(0.0).metrics()
    assert undiscounted["residual_value_usd"] == pytest.approx(62.5)
    assert undiscounted["lcoc_net_of_residual_usd_per_pflop_day"] == pytest.approx(28.75)
    assert undiscounted["lcoc_usd_per_pflop_day"] == pytest.approx(60.0)
    discounted = hand_history(0.1).metrics()
    spend_pv = 110 * 1.1**-0.5 + 10 * 1.1**-1.5
    delivered_pv = 1.1**-0.5 + 1.1**-1.5
    expected = (spend_pv - 62.5 * 1.1**-2) / delivered_pv
    assert discounted["lcoc_net_of_residual_usd_per_pflop_day"] == pytest.approx(expected)


def test_a_satellite_is_worth_the_compute_it_has_still_to_deliver() -> None:
    """With no failures, no throttling and no discounting a satellite's hardware is written
    off straight-line over its 5-year mission (1 − a/5); with a hazard k and a discount rate r
    (δ = ln(1 + r)) the share left at age a is e^{δa}·(e^{−(k+δ)a} − e^{−(k+δ)T}) /
    (1 − e^{−(k+δ)T}); nothing is left once it retires."""
    ages = np.array([0.0, 1.0, 2.5, 5.0, 7.0])
    steady = {
        "satellite_bus.failure_rate_per_year": 0.0,
        "compute_payload.failure_rate_per_year": 0.0,
        "satellite_bus.solar_degradation_per_year": 0.0,
        "sizing.mission_years": 5.0,
        "economics.discount_rate_per_year": 0.0,
    }
    plan = SimulationPlan.of(toy_design(**steady), SimulationSettings(horizon_years=1.0))
    assert plan.satellite_model().accelerator_hazard_per_day * DAYS_PER_YEAR < 1e-3
    share = plan.value_still_to_come(ages)
    np.testing.assert_allclose(share, [1.0, 0.8, 0.5, 0.0, 0.0], atol=1e-3)
    failing = {
        **steady,
        "satellite_bus.failure_rate_per_year": 0.2,
        "economics.discount_rate_per_year": 0.07,
    }
    plan = SimulationPlan.of(toy_design(**failing), SimulationSettings(horizon_years=1.0))
    model = plan.satellite_model()
    k = (model.bus_hazard_per_day + model.accelerator_hazard_per_day) * DAYS_PER_YEAR
    d = math.log(1.07)
    a = np.minimum(ages, 5.0)
    left = np.exp(d * a) * (np.exp(-(k + d) * a) - math.exp(-(k + d) * 5.0))
    expected = left / (1.0 - math.exp(-(k + d) * 5.0))
    np.testing.assert_allclose(plan.value_still_to_come(ages), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.slow
def test_one_two_and_four_workers_and_a_dask_cluster_give_identical_ensembles() -> None:
    """Replication i draws only from its own seed and results come back in order, so the
    ensemble is the same on 1, 2 or 4 local processes and on a Dask LocalCluster."""
    from dask.distributed import Client, LocalCluster

    design = toy_design(**RISKY)
    settings = SimulationSettings(horizon_years=1.0, step_days=2.0, factory=UNLIMITED)

    def run(**where: Any) -> list[FleetHistory]:
        return list(replications(design, settings, seed=4, count=6, **where))

    reference = run()
    others = [run(workers=2), run(workers=4)]
    with (
        LocalCluster(
            n_workers=2, processes=False, dashboard_address=None, scheduler_port=0
        ) as cluster,
        Client(cluster) as client,
    ):
        others.append(run(scheduler=client))
    for other in others:
        for mine, theirs in zip(reference, other, strict=True):
            for name, values in mine.columns().items():
                assert np.array_equal(values, theirs.columns()[name]), name
