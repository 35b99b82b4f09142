"""The business case of a simulated study: each replication's fleet priced as flown, its
generations in orbit by launch date, and the spread of every measure over the replications."""

from __future__ import annotations

import json
import math
from pathlib import Path

import attrs
import numpy as np
import pytest

import skyrack
from hand_roadmaps import FLAT, TWO
from skyrack.business.case import case_from_model
from skyrack.business.orbit import Vintage
from skyrack.business.settings import Business
from skyrack.business.simulated import (
    resampled,
    simulated_case,
    simulated_fleet,
    throughput_gain,
)
from skyrack.evaluation import evaluate
from skyrack.expected_timeline import Profile, unit_costs
from skyrack.parameters import design_parameters
from skyrack.runner import run_study
from skyrack.simulation.ensemble import replications
from skyrack.simulation.plan import SimulationPlan
from skyrack.study import load_study
from skyrack.timeline import FLOWS, FleetTimeline
from test_simulation import ANALYTIC_MIRROR, mirrored_design
from toy_design import toy_design

QUARTER = 0.25


def timeline(step_years: float, **series: list[float]) -> FleetTimeline:
    """A timeline with the given series and zeros elsewhere (one length)."""
    (periods,) = {len(v) for v in series.values()}
    zeros = np.zeros(periods)
    names = ("satellites_operating", "healthy_accelerators", "operating_power_w", *FLOWS)
    fields = {name: np.asarray(series.get(name, zeros), dtype=float) for name in names}
    return FleetTimeline(step_years=step_years, target_power_w=1.0, spend_usd={}, **fields)


# --- on the business's periods -------------------------------------------------------------


def test_resampling_keeps_every_flow_and_reads_stocks_at_the_new_period_ends() -> None:
    """Daily-ish steps onto quarters: each flow's total is kept and spread evenly within its
    step, a stock is read (linearly) at each quarter's end."""
    step = 1.0 / 10.0  # ten steps a year: a quarter is 2.5 steps
    launched = [4.0, 0.0, 2.0, 0.0, 0.0, 6.0, 0.0, 0.0, 0.0, 0.0]
    operating = [float(i) for i in range(1, 11)]
    on_quarters = resampled(
        timeline(step, satellites_launched=launched, satellites_operating=operating), QUARTER, 4
    )
    assert on_quarters.satellites_launched == pytest.approx([4 + 0 + 1, 1 + 0 + 0, 6, 0])
    assert on_quarters.satellites_launched.sum() == pytest.approx(sum(launched))
    assert on_quarters.satellites_operating == pytest.approx([2.5, 5.0, 7.5, 10.0])


# --- generations in orbit ------------------------------------------------------------------


def two_campaigns() -> tuple[FleetTimeline, tuple[Vintage, Vintage]]:
    """10 satellites reach orbit at 0.125 yr for campaign 0 (gain 1), 30 at 2.125 yr for
    campaign 1 (gain 3), on quarters."""
    launched = [0.0] * 12
    launched[0], launched[8] = 10.0, 30.0
    vintages = (Vintage(0.0, 2030.0, 1.0, 1.0), Vintage(2.0, 2032.0, 3.0, 1.0))
    return timeline(QUARTER, satellites_launched=launched), vintages


def test_each_periods_throughput_weights_the_generations_by_their_satellites_in_orbit() -> None:
    """10 satellites of campaign 0 (gain 1) reach orbit at 0.125 yr, 30 of campaign 1 (gain 3)
    at 2.125 yr, none fail or throttle: the quarter [2, 2.25) has 10 × 0.25 satellite-years of
    gain 1 and 30 × 0.125 of gain 3, so (2.5 + 11.25) / 6.25 = 2.2; afterwards 100 / 40 = 2.5;
    before, 1."""
    history, vintages = two_campaigns()
    ageless = Profile(((0.0, 50.0, 1.0, 0.0),))
    gain = throughput_gain(history, vintages, ageless, QUARTER, 12)
    assert gain[:8] == pytest.approx([1.0] * 8)
    assert gain[8] == pytest.approx(13.75 / 6.25)
    assert gain[9:] == pytest.approx([2.5] * 3)


def test_retired_generations_leave_the_mix() -> None:
    """With a one-year life the first campaign's satellites are gone when the second's arrive:
    every later quarter computes at the second campaign's gain alone."""
    history, vintages = two_campaigns()
    one_year = Profile(((0.0, 1.0, 1.0, 0.0),))
    gain = throughput_gain(history, vintages, one_year, QUARTER, 12)
    assert gain[8:12] == pytest.approx([3.0] * 4)


def test_accelerators_are_bought_at_the_price_of_their_launch_campaign() -> None:
    """Satellites launched before 2 yr buy the design's accelerators, those after at half the
    price: the fleet's accelerator spend is the unit price × (4 + 0.5 × 6)."""
    design = toy_design()
    costs = unit_costs(design)
    launched = [4.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0, 0.0]
    history = skyrack.price_timeline(timeline(QUARTER, satellites_launched=launched), costs)
    vintages = (Vintage(0.0, 2030.0, 1.0, 1.0), Vintage(2.0, 2032.0, 1.0, 0.5))
    fleet = simulated_fleet(history, costs, Profile(((0.0, 50.0, 1.0, 0.0),)), QUARTER)(
        vintages, 12
    )
    unit = costs.satellite_usd["accelerators"]
    assert fleet.spend_usd["accelerators"].sum() == pytest.approx(unit * (4 + 0.5 * 6))
    assert fleet.spend_usd["accelerators"][8] == pytest.approx(unit * 3)


# --- against the analytic business ---------------------------------------------------------


def test_a_simulation_flown_as_the_analytic_fleet_is_worth_the_analytic_npv() -> None:
    """Deploy once, no events, a factory on demand: 40 replications' orbital NPVs average to
    the analytic business's (one campaign of frontier parts on a rising roadmap, valued over
    the simulated 6 years) within 3 standard errors, and so do the ground businesses bought
    with the same capital; the mean cash flows' NPV is the mean NPV."""
    design = mirrored_design()
    business = Business(orbit_replacement_years=0.0, horizon_years=6.0)
    p, values = design_parameters(design), evaluate(design).values
    plan = SimulationPlan.of(design, ANALYTIC_MIRROR)
    histories = [h.timeline for h in replications(plan, seed=5, count=40)]
    simulated = simulated_case(p, values, business, TWO, plan, histories)
    analytic = case_from_model(p, values, business, TWO)
    npv = simulated.replications["npv_usd"]
    assert npv.count == 40 and npv.standard_error > 0
    assert abs(npv.mean - analytic.orbit_measures.npv_usd) <= 3 * npv.standard_error
    assert simulated.orbit_measures.npv_usd == pytest.approx(npv.mean, rel=1e-9)
    ground = simulated.replications["ground_npv_usd"]  # sized to each replication's capital
    assert abs(ground.mean - analytic.ground_measures.npv_usd) <= 3 * ground.standard_error
    assert simulated.ground_measures.npv_usd == pytest.approx(ground.mean, rel=1e-9)


def test_a_simulated_valuation_stops_at_the_simulated_horizon() -> None:
    """A 20-year valuation of a 3-year simulation values 3 years, on both sides."""
    design = mirrored_design()
    plan = SimulationPlan.of(design, attrs.evolve(ANALYTIC_MIRROR, horizon_years=3.0))
    histories = [h.timeline for h in replications(plan, seed=1, count=2)]
    p, values = design_parameters(design), evaluate(design).values
    case = simulated_case(p, values, Business(), TWO, plan, histories)
    assert case.business.horizon_years == 3.0
    assert case.orbit.periods == case.ground.periods == 12


def test_refresh_is_worth_nothing_on_a_flat_roadmap_in_a_simulation() -> None:
    """A fleet that replaces what fails and retires buys satellites in every campaign; on a
    flat roadmap refreshing them changes nothing, in every replication."""
    design = mirrored_design()
    plan = SimulationPlan.of(design, attrs.evolve(ANALYTIC_MIRROR, policy="replace-failed"))
    histories = [h.timeline for h in replications(plan, seed=3, count=3)]
    p, values = design_parameters(design), evaluate(design).values
    business = Business(orbit_replacement_years=4.5)
    case = simulated_case(p, values, business, FLAT, plan, histories)
    assert len(case.vintages) == 2
    refresh = case.replications["refresh_value_usd"]
    assert refresh.count == 3 and max(abs(refresh.p10), abs(refresh.p90)) < 1e-3
    rising = simulated_case(p, values, business, TWO, plan, histories)
    assert rising.replications["refresh_value_usd"].p10 > 0  # newer parts earn more


# --- through skyrack run -------------------------------------------------------------------


def test_a_simulated_study_reports_the_business_of_its_replications(tmp_path: Path) -> None:
    """metrics.json's business part of a simulated study says so, holds the spread of each
    orbital measure over the replications (P10 ≤ P50 ≤ P90) and the mean cash flows, and the
    report draws them."""
    study = load_study(Path("studies/musk-memo.toml"))
    outcome = run_study(study, tmp_path / "musk", replications=2)
    document = json.loads((outcome.folder / "metrics.json").read_text(encoding="utf-8"))
    business = document["business"]
    assert business["fleet_timeline"] == "simulated"
    assert business["settings"]["horizon_years"] == study.simulation.horizon_years
    npv = business["orbit_replications"]["npv_usd"]
    assert npv["count"] == 2 and npv["p10"] <= npv["p50"] <= npv["p90"]
    assert business["orbit"]["npv_usd"] == pytest.approx(npv["mean"], rel=1e-9)
    years = business["annual_cash_flows"]["orbit"]["calendar_year"]
    assert years == [2035.0 + k for k in range(10)]
    assert outcome.report_failures == ()
    page = (outcome.folder / "report.html").read_text(encoding="utf-8")
    assert "The orbital fleet is the simulation&#x27;s" in page and "P90" in page
    assert math.isfinite(business["ground"]["npv_usd"])
