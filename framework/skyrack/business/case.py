"""The business case of a design: orbital and ground cash flows on one market, and their worth.

``business_case(design)`` (or ``study_business_case(study)``) evaluates the design, builds its
expected fleet timeline, launches a campaign at each replacement, prices everything, sells the
compute on the market the ``[business]`` section describes, and values both businesses at the
study's discount rate. The ground business is sized by ``ground_sizing``: the capital the
orbital design's first fleet costs (the design's ``capex_usd``), or as many accelerators.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from skyrack.array_api import Real
from skyrack.business.cashflows import CashFlows
from skyrack.business.frontier import Frontier
from skyrack.business.ground import first_build_usd_per_accelerator, ground_cash_flows
from skyrack.business.market import ComputeMarket
from skyrack.business.measures import (
    Irr,
    discounted_payback_years,
    internal_rate_of_return,
    net_present_value,
    peak_funding_usd,
)
from skyrack.business.orbit import Vintage, fleet_of_vintages, orbit_cash_flows, orbit_vintages
from skyrack.business.settings import Business
from skyrack.components import AcceleratorRoadmap
from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.expected_timeline import expected_timeline
from skyrack.pricing import UnitCosts
from skyrack.study import Study
from skyrack.timeline import FleetTimeline

if TYPE_CHECKING:
    from skyrack.simulation.ensemble import Spread

STEP_YEARS = 0.25
"""Quarterly periods."""


@attrs.frozen(kw_only=True)
class Measures:
    """What one business's cash flows are worth (USD, years from the first launch)."""

    npv_usd: float
    irr: Irr
    discounted_payback_years: float | None
    """None: the business never pays back within the horizon."""
    peak_funding_usd: float
    pv_usd: dict[str, float]
    """Present value of each flow (inflows positive, outflows negative): the NPV bridge."""
    revenue_usd: float
    capex_usd: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the IRR as a number or null with its reason, payback null for never."""
        return {
            "npv_usd": self.npv_usd,
            "irr_per_year": self.irr.rate_per_year,
            "irr_undefined_reason": self.irr.reason or None,
            "discounted_payback_years": self.discounted_payback_years,
            "peak_funding_usd": self.peak_funding_usd,
            "revenue_usd": self.revenue_usd,
            "capex_usd": self.capex_usd,
            "pv_usd": self.pv_usd,
        }


def measure(flows: CashFlows, rate_per_year: float) -> Measures:
    """NPV, IRR, discounted payback and peak funding of ``flows`` at ``rate_per_year``."""
    times = flows.midpoint_years
    net = flows.net_usd
    return Measures(
        npv_usd=net_present_value(net, times, rate_per_year),
        irr=internal_rate_of_return(net, times),
        discounted_payback_years=discounted_payback_years(net, flows.step_years, rate_per_year),
        peak_funding_usd=peak_funding_usd(net),
        pv_usd={
            key: net_present_value(value, times, rate_per_year)
            for key, value in flows.items().items()
        },
        revenue_usd=float(flows.revenue_usd.sum()),
        capex_usd=float(flows.capex_usd.sum()),
    )


@attrs.frozen(kw_only=True)
class BusinessCase:
    """The orbital and the ground business of one design, on one market."""

    business: Business
    market: ComputeMarket
    rate_per_year: float
    vintages: tuple[Vintage, ...]
    orbit: CashFlows
    ground: CashFlows
    ground_accelerators: float
    orbit_measures: Measures
    ground_measures: Measures
    refresh_value_usd: float
    """Orbital NPV with refreshed replacement fleets minus without (0 on a flat roadmap)."""
    replications: Mapping[str, Spread] = attrs.field(factory=dict)
    """A simulated study's: the spread over its replications of each orbital measure
    (``skyrack.business.simulated.SPREAD_MEASURES``), whose mean cash flows ``orbit`` holds;
    empty for the analytic expected timeline."""

    @property
    def fleet_timeline(self) -> str:
        """Which fleet the orbital business flies: 'simulated' or 'analytic'."""
        return "simulated" if self.replications else "analytic"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: settings, market, campaigns, measures and the annual cash flows (and a
        simulated study's spread of the orbital measures over its replications)."""
        market = self.market
        years = [self.orbit.start_year, self.orbit.start_year + self.business.horizon_years]
        spread = {name: value.as_dict() for name, value in self.replications.items()}
        return {
            "fleet_timeline": self.fleet_timeline,
            "settings": attrs.asdict(self.business),
            "discount_rate_per_year": self.rate_per_year,
            "market": {
                "roadmap": market.frontier.roadmap.name,
                "price_usd_per_pflop_hour": {
                    f"{year:g}": float(market.price_usd_per_pflop_hour(year)) for year in years
                },
            },
            "orbit_campaigns": [attrs.asdict(v) for v in self.vintages],
            "ground_accelerators": self.ground_accelerators,
            "orbit": self.orbit_measures.as_dict(),
            **({"orbit_replications": spread} if spread else {}),
            "refresh_value_usd": self.refresh_value_usd,
            "ground": self.ground_measures.as_dict(),
            "annual_cash_flows": {
                "orbit": {k: v.tolist() for k, v in self.orbit.annual().columns().items()},
                "ground": {k: v.tolist() for k, v in self.ground.annual().columns().items()},
            },
        }


def first_campaign_capital_usd(orbit: CashFlows, vintages: Sequence[Vintage]) -> float:
    """The capital the orbital business spends before its second campaign starts (over the
    whole horizon when it flies one): its first fleet as bought, development included [USD]."""
    end = vintages[1].start_years if len(vintages) > 1 else math.inf
    before = orbit.time_years - orbit.step_years < end - 1e-9
    return float(orbit.capex_usd[before].sum())


OrbitFleet = Callable[[Sequence[Vintage], int], FleetTimeline]
"""The orbital fleet of a set of campaigns over a number of periods, priced, delivered compute
scaled by each campaign's throughput: what the business sells and pays for."""


def expected_fleet(
    p: Mapping[str, Real], values: Mapping[str, Real], step_years: float = STEP_YEARS
) -> OrbitFleet:
    """Campaigns that each fly a copy of the design's expected timeline
    (:func:`~skyrack.business.orbit.fleet_of_vintages`): the analytic orbital fleet."""
    with np.errstate(over="ignore", invalid="ignore"):  # extreme inputs: refused by the caller
        base = expected_timeline(p, values, step_years=step_years)
    costs = UnitCosts.from_model(p, values)

    def fleet(campaigns: Sequence[Vintage], periods: int) -> FleetTimeline:
        return fleet_of_vintages(base, costs, campaigns, periods)

    return fleet


@attrs.frozen(kw_only=True)
class BusinessFlows:
    """The cash flows a business case is measured from (see :func:`business_flows`)."""

    business: Business
    market: ComputeMarket
    rate_per_year: float
    vintages: tuple[Vintage, ...]
    orbit: CashFlows
    ground: CashFlows | None
    """None when not asked for."""
    ground_accelerators: float
    other_refresh: CashFlows | None
    """The orbit with the other ``orbit_refresh`` choice; None when not asked for."""

    def npv_usd(self, flows: CashFlows) -> float:
        """NPV of ``flows`` at the case's rate [USD]."""
        return net_present_value(flows.net_usd, flows.midpoint_years, self.rate_per_year)


def business_flows(
    p: Mapping[str, Real],
    values: Mapping[str, Real],
    business: Business,
    roadmap: AcceleratorRoadmap,
    *,
    step_years: float = STEP_YEARS,
    orbit_fleet: OrbitFleet | None = None,
    ground: bool = True,
    other_refresh: bool = True,
) -> BusinessFlows:
    """The orbital cash flows of one design from its parameter table ``p`` and the analytic
    evaluator's ``values`` for it (floats), and unless declined the ground's and the orbit's
    with the other refresh choice. ``orbit_fleet`` flies the campaigns (default:
    :func:`expected_fleet`; a simulated study passes its history's,
    :mod:`skyrack.business.simulated`)."""
    frontier = Frontier(roadmap)
    market = ComputeMarket.from_business(business, roadmap)
    start_year = float(p["economics.start_year"])
    release_year = float(p["compute_payload.release_year"])
    mission_years = float(p["sizing.mission_years"])
    periods = math.ceil(business.horizon_years / step_years - 1e-9)
    fly = orbit_fleet or expected_fleet(p, values, step_years)

    def orbit_flows(refresh: bool) -> tuple[tuple[Vintage, ...], CashFlows]:
        chosen = attrs.evolve(business, orbit_refresh=refresh)
        campaigns = orbit_vintages(
            chosen,
            frontier,
            release_year=release_year,
            start_year=start_year,
            mission_years=mission_years,
            step_years=step_years,
        )
        with np.errstate(over="ignore", invalid="ignore"):
            fleet = fly(campaigns, periods)
        flows = orbit_cash_flows(
            fleet,
            market,
            chosen,
            start_year=start_year,
            utilization=float(p["sizing.utilization"]),
            asset_life_years=mission_years,
        )
        return campaigns, flows

    vintages, orbit = orbit_flows(business.orbit_refresh)
    checked = [("orbital", orbit)]
    accelerators = math.nan
    ground_flows = None
    if ground:
        if business.ground_sizing == "same_capital":
            per_accelerator = first_build_usd_per_accelerator(
                p, frontier, business, start_year=start_year, release_year=release_year
            )
            accelerators = first_campaign_capital_usd(orbit, vintages) / per_accelerator
        else:
            accelerators = float(values["fleet_accelerators"])
        with np.errstate(invalid="ignore", over="ignore"):  # extreme inputs: refused below
            ground_flows = ground_cash_flows(
                p,
                accelerators=accelerators,
                market=market,
                frontier=frontier,
                business=business,
                start_year=start_year,
                release_year=release_year,
                periods=periods,
                step_years=step_years,
            )
        checked.append(("ground", ground_flows))
    for label, flows in checked:
        if not np.all(np.isfinite(flows.net_usd)):
            raise SkyrackError(
                f"the {label} business's cash flows came out as inf or NaN; an input is too "
                "extreme for the business case (check very large or small values)"
            )
    return BusinessFlows(
        business=business,
        market=market,
        rate_per_year=float(p["economics.discount_rate_per_year"]),
        vintages=vintages,
        orbit=orbit,
        ground=ground_flows,
        ground_accelerators=accelerators,
        other_refresh=orbit_flows(not business.orbit_refresh)[1] if other_refresh else None,
    )


def case_from_model(
    p: Mapping[str, Real],
    values: Mapping[str, Real],
    business: Business,
    roadmap: AcceleratorRoadmap,
    *,
    step_years: float = STEP_YEARS,
    orbit_fleet: OrbitFleet | None = None,
) -> BusinessCase:
    """The business case of one design from its parameter table ``p`` and the analytic
    evaluator's ``values`` for it (floats): both businesses' flows
    (:func:`business_flows`), measured."""
    flows = business_flows(
        p, values, business, roadmap, step_years=step_years, orbit_fleet=orbit_fleet
    )
    assert flows.ground is not None and flows.other_refresh is not None
    rate = flows.rate_per_year
    gain = flows.npv_usd(flows.orbit) - flows.npv_usd(flows.other_refresh)
    return BusinessCase(
        business=business,
        market=flows.market,
        rate_per_year=rate,
        vintages=flows.vintages,
        orbit=flows.orbit,
        ground=flows.ground,
        ground_accelerators=flows.ground_accelerators,
        orbit_measures=measure(flows.orbit, rate),
        ground_measures=measure(flows.ground, rate),
        refresh_value_usd=gain if business.orbit_refresh else -gain,
    )


def business_case(
    design: Design,
    business: Business | None = None,
    roadmap: AcceleratorRoadmap | None = None,
) -> BusinessCase:
    """The business case of ``design`` (raises InfeasibleDesign as ``evaluate`` does).

    ``business`` defaults to ``Business()``; ``roadmap`` to the registered roadmap it names.
    """
    from skyrack.evaluation import evaluate
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    business = business or Business()
    if roadmap is None:
        roadmap = registry().accelerator_roadmap(business.roadmap)
    metrics = evaluate(design)
    return case_from_model(design_parameters(design), metrics.values, business, roadmap)


def study_business_case(study: Study) -> BusinessCase:
    """The business case of a loaded study: its design and its ``[business]`` section."""
    return business_case(study.design, study.business)


def write_cash_flows(folder: Path, case: BusinessCase) -> None:
    """Write ``cashflows.csv`` into ``folder``: both businesses' annual cash flows, one row per
    business and year."""
    tables = {"orbit": case.orbit.annual(), "ground": case.ground.annual()}
    columns = list(dict.fromkeys(key for flows in tables.values() for key in flows.columns()))
    with (folder / "cashflows.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["business", *columns])
        for name, flows in tables.items():
            data = flows.columns()
            for i in range(flows.periods):
                writer.writerow([name, *(data[key][i] if key in data else 0.0 for key in columns)])
