"""The accelerator frontier, the price law, revenue, the two businesses and obsolescence."""

from __future__ import annotations

import attrs
import numpy as np
import pytest

import skyrack
from hand_roadmaps import FLAT, TWO, generation, roadmap, two_per_usd, two_per_w
from skyrack import AcceleratorRoadmap, InvalidComponent
from skyrack.business.case import business_case, case_from_model
from skyrack.business.frontier import Frontier
from skyrack.business.market import ComputeMarket
from skyrack.business.orbit import (
    Vintage,
    fleet_of_vintages,
    orbit_cash_flows,
    reprice_accelerators,
)
from skyrack.business.settings import Business
from skyrack.evaluation import evaluate
from skyrack.expected_timeline import fleet_timeline, unit_costs
from skyrack.parameters import design_parameters
from skyrack.pricing import price_timeline
from skyrack.timeline import FleetTimeline
from toy_design import toy_design


def market(
    frontier_roadmap: AcceleratorRoadmap, elasticity: float = 1.0, hardware_share: float = 1.0
) -> ComputeMarket:
    return ComputeMarket(
        frontier=Frontier(frontier_roadmap),
        reference_price_usd_per_accelerator_hour=2.0,
        reference_tflops=1_000.0,
        reference_year=2020.0,
        hardware_share=hardware_share,
        elasticity=elasticity,
        occupancy=0.5,
    )


# --- the frontier --------------------------------------------------------------------------


def test_frontier_is_log_linear_between_releases_and_grows_at_the_trend_after() -> None:
    """Half-way between 1 and 4 TFLOP/s per W is 2 (the geometric mean); after the last
    release it grows 10 %/yr; before the first it is the first's."""
    frontier = Frontier(TWO)
    assert frontier.tflops_per_w(2021.0) == pytest.approx(2.0)
    assert frontier.tflops_per_usd(2021.0) == pytest.approx(0.02)
    assert frontier.tflops_per_w(2025.0) == pytest.approx(4.0 * 1.1**3)
    assert frontier.tflops_per_usd(2025.0) == pytest.approx(0.04 * 1.2**3)
    assert frontier.tflops_per_w(2010.0) == pytest.approx(1.0)


def test_a_worse_later_generation_does_not_lower_the_frontier() -> None:
    """The frontier of each measure is the best reached so far."""
    frontier = Frontier(
        roadmap(
            generation("a", 2020.0, 2_000.0, 1_000.0, 100_000.0),
            generation("worse", 2021.0, 1_000.0, 1_000.0, 100_000.0),
        )
    )
    assert frontier.tflops_per_w([2020.5, 2021.0, 2030.0]) == pytest.approx([2.0, 2.0, 2.0])


def test_roadmap_generations_must_be_in_release_order() -> None:
    """A roadmap whose generations go back in time is refused, naming the field."""
    with pytest.raises(InvalidComponent, match="order of release_year"):
        roadmap(
            generation("b", 2022.0, 4_000.0, 1_000.0, 100_000.0),
            generation("a", 2020.0, 1_000.0, 1_000.0, 100_000.0),
        )


# --- the price law -------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2019.0, 2020.0, 2021.0, 2022.0, 2024.5, 2030.0])
@pytest.mark.parametrize("tflops", [1_000.0, 4_000.0])
def test_each_generation_price_follows_the_documented_law(year: float, tflops: float) -> None:
    """P_g(y) = P_ref · (F_g / F_ref) · [h·PP(y_ref)/PP(y) + (1 − h)·PW(y_ref)/PW(y)]^ε, with
    the frontier's PP and PW worked out by hand."""
    for elasticity, h in ((1.0, 1.0), (0.5, 1.0), (1.0, 0.8), (0.7, 0.3)):
        cost = h * 0.01 / two_per_usd(year) + (1 - h) * 1.0 / two_per_w(year)
        expected = 2.0 * (tflops / 1_000.0) * cost**elasticity
        price = market(TWO, elasticity, h).price_usd_per_accelerator_hour(tflops, year)
        assert float(price) == pytest.approx(expected, rel=1e-12)


def test_a_flat_roadmap_keeps_the_price_per_accelerator_hour_constant() -> None:
    """With no improvement an hour sells for the reference price in every year."""
    prices = market(FLAT).price_usd_per_accelerator_hour(1_000.0, np.arange(2000.0, 2060.0))
    assert prices == pytest.approx(np.full(60, 2.0))


def test_the_builtin_flat_roadmap_is_flat() -> None:
    """The catalog's ``flat`` roadmap never moves the price of compute."""
    flat = skyrack.registry().accelerator_roadmap("flat")
    business = Business(roadmap="flat")
    prices = ComputeMarket.from_business(business, flat).price_usd_per_pflop_hour(
        [2020.0, 2030.0, 2050.0]
    )
    assert prices == pytest.approx(np.full(3, 2.0 / 0.989))


# --- revenue and the orbital fleet ---------------------------------------------------------


def hand_timeline() -> FleetTimeline:
    zeros = np.zeros(3)
    return FleetTimeline(
        step_years=1.0,
        target_power_w=1.0,
        satellites_operating=np.ones(3),
        healthy_accelerators=np.ones(3),
        operating_power_w=np.ones(3),
        launches=np.array([1.0, 0.0, 0.0]),
        satellites_launched=np.array([1.0, 0.0, 0.0]),
        satellites_lost_at_launch=zeros,
        satellites_failed=zeros,
        satellites_deorbited=zeros,
        delivered_pflop_days=np.array([100.0, 200.0, 300.0]),
        spend_usd={
            "launch": np.array([1_000.0, 0.0, 0.0]),
            "operations": np.array([10.0, 10.0, 10.0]),
        },
    )


def test_orbit_revenue_is_the_market_price_of_the_hours_sold() -> None:
    """Revenue = occupancy × price per PFLOP-day × delivered / utilization, by hand."""
    flows = orbit_cash_flows(
        hand_timeline(),
        market(TWO),
        Business(salvage_fraction=0.0),
        start_year=2020.0,
        utilization=0.5,
        asset_life_years=5.0,
    )
    per_pflop_day = [24 * 2.0 * 0.01 / two_per_usd(2020 + y) for y in (0.5, 1.5, 2.5)]
    expected = [0.5 * p * d / 0.5 for p, d in zip(per_pflop_day, [100, 200, 300], strict=True)]
    assert flows.revenue_usd == pytest.approx(expected)
    assert flows.capex_usd == pytest.approx([1_000.0, 0.0, 0.0])
    assert flows.opex_usd == pytest.approx([10.0, 10.0, 10.0])


def test_campaigns_sum_shifted_copies_of_the_design_fleet() -> None:
    """Two campaigns, the second a year later with 3× throughput and accelerators at 2× the
    price: stocks add up shifted, compute scales, accelerator spend is re-priced."""
    design = toy_design()
    base = fleet_timeline(design, step_years=0.5)
    costs = unit_costs(design)
    campaigns = (Vintage(0.0, 2030.0, 1.0, 1.0), Vintage(1.0, 2031.0, 3.0, 2.0))
    fleet = fleet_of_vintages(base, costs, campaigns, base.periods + 2)
    shifted = np.concatenate([np.zeros(2), base.satellites_operating])
    own = np.concatenate([base.satellites_operating, np.zeros(2)])
    assert fleet.satellites_operating == pytest.approx(own + shifted)
    delivered = np.concatenate([base.delivered_pflop_days, np.zeros(2)]) + 3 * np.concatenate(
        [np.zeros(2), base.delivered_pflop_days]
    )
    assert fleet.delivered_pflop_days == pytest.approx(delivered)
    launched = np.concatenate([base.satellites_launched, np.zeros(2)]) + 2 * np.concatenate(
        [np.zeros(2), base.satellites_launched]
    )
    accelerators = costs.satellite_usd["accelerators"] * launched
    assert fleet.spend_usd["accelerators"] == pytest.approx(accelerators)


def test_repricing_a_group_charges_its_own_accelerators_whatever_the_fleet_built() -> None:
    """A fleet that built 10 satellites ahead of launch (a simulated factory) re-prices a
    group of 2 launched satellites' accelerators at 3× the price: (3 − 1) × 2 × the unit price
    more, in the period they flew, not the fleet's 10 builds'."""
    design = toy_design()
    costs = unit_costs(design)
    base = fleet_timeline(design, step_years=0.5)
    built = np.zeros(base.periods)
    built[0] = 10.0
    fleet = price_timeline(attrs.evolve(base, satellites_built=built), costs)
    group = np.zeros(base.periods)
    group[1] = 2.0
    repriced = reprice_accelerators(fleet, costs, [(group, 3.0)])
    extra = repriced.spend_usd["accelerators"] - fleet.spend_usd["accelerators"]
    assert extra == pytest.approx((3.0 - 1.0) * costs.satellite_usd["accelerators"] * group)


# --- obsolescence --------------------------------------------------------------------------


def test_refresh_and_no_refresh_agree_on_a_flat_roadmap() -> None:
    """With no improvement, replacement fleets with the frontier's parts are the design's."""
    design = toy_design()
    flat = skyrack.registry().accelerator_roadmap("flat")
    with_refresh = business_case(design, Business(roadmap="flat"), flat)
    without = business_case(design, Business(roadmap="flat", orbit_refresh=False), flat)
    assert with_refresh.orbit.net_usd == pytest.approx(without.orbit.net_usd, rel=1e-12)
    assert with_refresh.orbit_measures.npv_usd == pytest.approx(without.orbit_measures.npv_usd)
    assert with_refresh.refresh_value_usd == pytest.approx(0.0, abs=1e-6)


def test_a_flat_roadmap_earns_the_same_per_sellable_hour_every_year() -> None:
    """Revenue per rated PFLOP-day sold is the constant reference price on a flat roadmap."""
    design = toy_design()
    case = business_case(
        design, Business(roadmap="flat"), skyrack.registry().accelerator_roadmap("flat")
    )
    sold = case.orbit.delivered_pflop_days / design.sizing.utilization * 0.8
    operating = sold > 0
    per_pflop_day = case.orbit.revenue_usd[operating] / sold[operating]
    assert per_pflop_day == pytest.approx(np.full(per_pflop_day.shape, 24 * 2.0 / 0.989))


def test_refresh_carries_the_frontier_gain_into_each_campaign() -> None:
    """On an improving roadmap each later campaign computes more per W and earns more."""
    design = toy_design()
    business = Business(roadmap="nvidia-datacenter", horizon_years=15.0)
    refreshed = business_case(design, business)
    frozen = business_case(design, attrs.evolve(business, orbit_refresh=False))
    gains = [v.throughput_scale for v in refreshed.vintages]
    assert gains == sorted(gains) and gains[-1] > 2 * gains[0]
    assert {v.throughput_scale for v in frozen.vintages} == {gains[0]}
    assert refreshed.orbit_measures.revenue_usd > frozen.orbit_measures.revenue_usd


def test_the_first_fleet_buys_the_frontier_part_of_its_date() -> None:
    """With frontier_parts the first campaign carries the frontier's gain since the payload's
    release; without, the design's part as named; replacements without refresh repeat it."""
    design = toy_design()
    business = Business(roadmap="nvidia-datacenter", orbit_refresh=False)
    roadmap = skyrack.registry().accelerator_roadmap("nvidia-datacenter")
    at_frontier = business_case(design, business).vintages
    start = design.economics.start_year
    gain = Frontier(roadmap).throughput_gain(design.compute_payload.release_year, start)
    assert at_frontier[0].throughput_scale == pytest.approx(float(gain))
    assert {v.throughput_scale for v in at_frontier} == {at_frontier[0].throughput_scale}
    named = business_case(design, attrs.evolve(business, frontier_parts=False)).vintages
    assert {v.throughput_scale for v in named} == {1.0}


def test_replacing_satellites_before_they_retire_is_refused_with_the_way_out() -> None:
    """A replacement interval shorter than the mission says to design for the shorter life."""
    design = toy_design()
    with pytest.raises(skyrack.SkyrackError, match="design.mission_years"):
        business_case(design, Business(orbit_replacement_years=1.0))


def test_no_replacement_flies_one_campaign() -> None:
    """orbit_replacement_years = 0 launches the design's fleet once."""
    case = business_case(toy_design(), Business(orbit_replacement_years=0.0))
    assert len(case.vintages) == 1


# --- the ground ----------------------------------------------------------------------------


def test_ground_energy_and_refresh_purchases_match_the_hand_sums() -> None:
    """Flat roadmap, no failures: energy each operating year is n·P·PUE·CF·8766 h·price, and
    the accelerators are bought again at every refresh."""
    design = toy_design()
    metrics = evaluate(design)
    p = design_parameters(design)
    business = Business(roadmap="flat", ground_sizing="same_accelerators", ground_refresh_years=4.0)
    case = case_from_model(
        p, metrics.values, business, skyrack.registry().accelerator_roadmap("flat")
    )
    flows = case.ground.annual()
    n = metrics.values["fleet_accelerators"]
    power = p["compute_payload.tdp_w"] * (1 + p["compute_payload.host_power_fraction"])
    mwh = n * power * p["ground_baseline.pue"] * p["ground_baseline.capacity_factor"] * 8766 / 1e6
    on = p["ground_baseline.time_to_power_years"]
    assert on == int(on) and p["compute_payload.failure_rate_per_year"] == 0.0
    energy = flows.operating_usd["energy"]
    assert energy[: int(on)] == pytest.approx(np.zeros(int(on)))
    assert energy[int(on) :] == pytest.approx(mwh * p["ground_baseline.energy_price_usd_per_mwh"])
    bought = flows.capital_usd["accelerators"]
    purchases = [int(on) + 4 * k for k in range(5) if int(on) + 4 * k < 20]
    assert np.nonzero(bought)[0].tolist() == purchases
    assert bought[purchases] == pytest.approx(n * p["compute_payload.unit_price_usd"])


def test_same_capital_ground_spends_what_the_first_orbital_campaign_costs() -> None:
    """On a rising roadmap, both buying the frontier's parts, the ground's first facility and
    accelerators (paid at power-on, t = 0 for the toy) cost what the orbital business spends
    on its first campaign as bought (before the second starts), not the design's capex at its
    payload's list price."""
    design = toy_design()
    assert design.ground_baseline.time_to_power_years == 0.0
    p, values = design_parameters(design), evaluate(design).values

    def first_campaign_and_ground(business: Business) -> tuple[float, float]:
        case = case_from_model(p, values, business, TWO)
        before = case.orbit.time_years <= case.vintages[1].start_years + 1e-9
        ground = case.ground.capital_usd
        return (
            float(case.orbit.capex_usd[before].sum()),
            float(ground["facility"][0] + ground["accelerators"][0]),
        )

    campaign, first = first_campaign_and_ground(Business())
    assert first == pytest.approx(campaign, rel=1e-9)
    as_named, first_as_named = first_campaign_and_ground(Business(frontier_parts=False))
    assert as_named == pytest.approx(values["capex_usd"], rel=1e-9)
    assert first_as_named == pytest.approx(as_named, rel=1e-9)
    assert campaign < as_named  # the frontier's parts of 2026 cost less per W than 2024's
