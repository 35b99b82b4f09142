"""The business case of a simulated study: each replication's fleet, as flown, priced.

In a study with a ``[simulation]``, a replication's history *is* the orbital fleet: its policy
decides every launch (the deployment, and the replacement of satellites lost at launch, failed
or retired), so the business case adds no launch campaign of its own. The campaign dates
(``orbit_replacement_years``) still say which accelerators a satellite carries: one launched in
``[start_k, start_k+1)`` carries campaign k's part (the frontier's of ``start_k`` with
``orbit_refresh``, else the first campaign's) and is bought at that part's price.

The simulation does not track accelerator generations, so each period's simulated compute is
split among the campaigns in the proportions expected from when their satellites reached orbit
(the satellites' survival and throttling by age,
:meth:`~skyrack.simulation.plan.SimulationPlan.age_profile`), each share scaled by its
campaign's throughput. With one generation in orbit (a flat roadmap, no refresh, or one
campaign) that split is exact; otherwise only the mix is an expectation, the total is the
simulation's.

The valuation runs to the shorter of ``business.horizon_years`` and the simulated horizon (the
ground business over the same years); every replication is valued, and the document gives the
mean cash flows' measures with the spread of each measure over the replications.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.array_api import Real
from skyrack.business.case import STEP_YEARS, BusinessCase, OrbitFleet, case_from_model, measure
from skyrack.business.cashflows import CashFlows
from skyrack.business.frontier import FloatArray
from skyrack.business.orbit import Vintage, reprice_accelerators
from skyrack.business.settings import Business
from skyrack.components import AcceleratorRoadmap
from skyrack.errors import SkyrackError
from skyrack.expected_timeline import Profile
from skyrack.pricing import UnitCosts
from skyrack.simulation.ensemble import Spread
from skyrack.simulation.plan import SimulationPlan
from skyrack.timeline import FLOWS, STOCKS, FleetTimeline

IntArray = npt.NDArray[np.intp]

SPREAD_MEASURES = (
    "npv_usd",
    "irr_per_year",
    "discounted_payback_years",
    "peak_funding_usd",
    "refresh_value_usd",
    "ground_npv_usd",
)
"""The measures whose spread over the replications a simulated business case reports (the
orbital business's, and the NPV of the ground business sized to each replication's capital)."""


def resampled_flow(
    timeline: FleetTimeline, series: FloatArray, step_years: float, periods: int
) -> FloatArray:
    """A flow of ``timeline`` (one value per step) on ``periods`` periods of ``step_years``:
    spread evenly over each of its steps and summed into the new periods (nothing after its
    horizon)."""
    old_edges = np.concatenate(([0.0], timeline.time_years))
    new_edges = step_years * np.arange(periods + 1, dtype=np.float64)
    cumulative = np.concatenate(([0.0], np.cumsum(series)))
    flow: FloatArray = np.diff(np.interp(new_edges, old_edges, cumulative))
    return flow


def resampled(timeline: FleetTimeline, step_years: float, periods: int) -> FleetTimeline:
    """``timeline`` on ``periods`` periods of ``step_years``: every flow by
    :func:`resampled_flow`, every stock read at the new period ends (linear between the old
    ones, held after the last)."""
    old_edges = np.concatenate(([0.0], timeline.time_years))
    ends = step_years * np.arange(1, periods + 1, dtype=np.float64)

    def flow(series: FloatArray) -> FloatArray:
        return resampled_flow(timeline, series, step_years, periods)

    series = {
        name: np.interp(ends, old_edges, np.concatenate(([0.0], timeline.series(name))))
        for name in STOCKS
    }
    series.update({name: flow(timeline.series(name)) for name in FLOWS})
    return FleetTimeline(
        step_years=step_years,
        target_power_w=timeline.target_power_w,
        spend_usd={key: flow(value) for key, value in timeline.spend_usd.items()},
        **series,
    )


def campaign_of_steps(timeline: FleetTimeline, vintages: Sequence[Vintage]) -> IntArray:
    """The campaign each step of ``timeline`` launches for: the last that started by the
    step's middle."""
    starts = np.array([v.start_years for v in vintages])
    index: IntArray = np.searchsorted(starts, timeline.midpoint_years, side="right") - 1
    return np.maximum(index, 0)


def throughput_gain(
    timeline: FleetTimeline,
    vintages: Sequence[Vintage],
    profile: Profile,
    step_years: float,
    periods: int,
) -> FloatArray:
    """Each new period's throughput relative to the design's payload: the campaigns' gains
    weighted by the compute their satellites are expected to deliver in the period (satellites
    reaching orbit in each step of ``timeline``, at its middle, aging along ``profile``)."""
    arrived = timeline.satellites_launched - timeline.satellites_lost_at_launch
    launched_at = timeline.midpoint_years
    campaign = campaign_of_steps(timeline, vintages)
    edges = step_years * np.arange(periods + 1, dtype=np.float64)
    busy = arrived > 0
    ages = np.maximum(edges[None, :] - launched_at[busy, None], 0.0)
    delivered = np.diff(profile.integral(ages), axis=1) * arrived[busy, None]
    by_campaign = np.zeros((len(vintages), periods))
    np.add.at(by_campaign, campaign[busy], delivered)
    gains = np.array([v.throughput_scale for v in vintages])
    total = by_campaign.sum(axis=0)
    weighted = gains @ by_campaign
    gain: FloatArray = np.divide(weighted, total, out=np.full(periods, gains[0]), where=total > 0)
    return gain


def simulated_fleet(
    timeline: FleetTimeline,
    costs: UnitCosts,
    profile: Profile,
    step_years: float,
) -> OrbitFleet:
    """A campaign schedule's orbital fleet from one simulated history, for
    :func:`~skyrack.business.case.case_from_model`: the history on the business's periods, its
    compute scaled by the generations in orbit and its accelerators re-priced by campaign."""

    def fleet(vintages: Sequence[Vintage], periods: int) -> FleetTimeline:
        regular = resampled(timeline, step_years, periods)
        gain = throughput_gain(timeline, vintages, profile, step_years, periods)
        campaign = campaign_of_steps(timeline, vintages)
        launched = timeline.satellites_launched
        bought = [
            (
                resampled_flow(timeline, launched * (campaign == k), step_years, periods),
                vintage.accelerator_cost_scale,
            )
            for k, vintage in enumerate(vintages)
        ]
        regular = attrs.evolve(regular, delivered_pflop_days=regular.delivered_pflop_days * gain)
        return reprice_accelerators(regular, costs, bought)

    return fleet


def _mean_flows(flows: Sequence[CashFlows]) -> CashFlows:
    """The replications' mean cash flows, series by series (their NPV is the mean NPV)."""

    def mean(series: Sequence[FloatArray]) -> FloatArray:
        average: FloatArray = np.mean(np.stack(series), axis=0)
        return average

    first = flows[0]
    return attrs.evolve(
        first,
        revenue_usd=mean([f.revenue_usd for f in flows]),
        capital_usd={k: mean([f.capital_usd[k] for f in flows]) for k in first.capital_usd},
        operating_usd={k: mean([f.operating_usd[k] for f in flows]) for k in first.operating_usd},
        tax_usd=mean([f.tax_usd for f in flows]),
        salvage_usd=mean([f.salvage_usd for f in flows]),
        delivered_pflop_days=mean([f.delivered_pflop_days for f in flows]),
    )


def simulated_case(
    p: Mapping[str, Real],
    values: Mapping[str, Real],
    business: Business,
    roadmap: AcceleratorRoadmap,
    plan: SimulationPlan,
    timelines: Sequence[FleetTimeline],
    *,
    step_years: float = STEP_YEARS,
) -> BusinessCase:
    """The business case of a simulated study: every replication's ``timelines`` valued (see
    the module docstring), summarized as the mean cash flows' case with the spread of each
    measure over the replications (``replications``)."""
    if not timelines:
        raise SkyrackError("no simulated history to value")
    horizon = min(business.horizon_years, plan.settings.horizon_years)
    business = attrs.evolve(business, horizon_years=horizon)
    costs = UnitCosts.from_model(p, values)
    profile = plan.age_profile()
    cases = [
        case_from_model(
            p,
            values,
            business,
            roadmap,
            step_years=step_years,
            orbit_fleet=simulated_fleet(timeline, costs, profile, step_years),
        )
        for timeline in timelines
    ]
    orbit = _mean_flows([case.orbit for case in cases])
    ground = _mean_flows([case.ground for case in cases])
    rate = cases[0].rate_per_year
    measured = [
        case.orbit_measures.as_dict()
        | {
            "refresh_value_usd": case.refresh_value_usd,
            "ground_npv_usd": case.ground_measures.npv_usd,
        }
        for case in cases
    ]
    return attrs.evolve(
        cases[0],
        orbit=orbit,
        ground=ground,
        ground_accelerators=float(np.mean([case.ground_accelerators for case in cases])),
        orbit_measures=measure(orbit, rate),
        ground_measures=measure(ground, rate),
        refresh_value_usd=float(np.mean([case.refresh_value_usd for case in cases])),
        replications={name: Spread.of(m[name] for m in measured) for name in SPREAD_MEASURES},
    )
