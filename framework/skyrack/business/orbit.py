"""The orbital business: launch campaigns (vintages) on the design's fleet timeline, priced.

Every campaign flies the design's fleet: the same satellites, sized by the same budgets, so
its timeline is the design's expected timeline shifted to the campaign's start. A campaign
starts every ``orbit_replacement_years`` (by default each mission length: a satellite is
replaced when it retires). A campaign that buys the frontier's accelerators of its date (the
first with ``frontier_parts``, the replacements with ``orbit_refresh``) carries them in the
design's power envelope: its throughput is the payload's times the frontier's gain in TFLOP/s
per W since the payload's release, its accelerators' price the payload's times the change in
the frontier's USD per W. Without ``orbit_refresh`` a replacement repeats the first campaign's
part at its price; without ``frontier_parts`` the first campaign flies the design as named.

All campaigns are summed into one :class:`~skyrack.timeline.FleetTimeline` and priced once by
:func:`skyrack.pricing.price_timeline`, so the satellite and launch learning curves run over
every satellite and launch ever built; the accelerators, bought at a market price, are then
re-priced per campaign (pricing is linear in them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import numpy as np

from skyrack.business.cashflows import CashFlows, settle
from skyrack.business.frontier import FloatArray, Frontier
from skyrack.business.market import ComputeMarket
from skyrack.business.settings import Business
from skyrack.errors import SkyrackError
from skyrack.pricing import UnitCosts, price_timeline
from skyrack.timeline import FLOWS, STOCKS, FleetTimeline


@attrs.frozen
class Vintage:
    """One launch campaign of the orbital fleet."""

    start_years: float
    """When its first launch flies [yr from the first campaign's]."""
    calendar_year: float
    throughput_scale: float
    """Its accelerators' throughput relative to the design's payload."""
    accelerator_cost_scale: float
    """Its accelerators' price relative to the design's payload."""


def orbit_vintages(
    business: Business,
    frontier: Frontier,
    *,
    release_year: float,
    start_year: float,
    mission_years: float,
    step_years: float,
) -> tuple[Vintage, ...]:
    """The launch campaigns within the horizon, each starting on a period boundary."""
    interval = (
        mission_years
        if business.orbit_replacement_years is None
        else (business.orbit_replacement_years)
    )
    if interval == 0:
        offsets = [0.0]
    else:
        if interval < mission_years - 1e-9:
            raise SkyrackError(
                f"business.orbit_replacement_years: {interval:g} yr is shorter than the "
                f"satellites' {mission_years:g}-year mission; to refresh sooner, design them for "
                "the shorter life (design.mission_years)"
            )
        count = math.ceil(business.horizon_years / interval - 1e-9)
        offsets = [step_years * round(k * interval / step_years) for k in range(count)]
    vintages: list[Vintage] = []
    for offset in offsets:
        year = start_year + offset
        first = offset == 0
        if (first and business.frontier_parts) or (not first and business.orbit_refresh):
            gain = float(frontier.throughput_gain(release_year, year))
            cost = float(frontier.cost_per_watt_ratio(release_year, year))
        elif first:
            gain, cost = 1.0, 1.0
        else:
            gain, cost = vintages[0].throughput_scale, vintages[0].accelerator_cost_scale
        vintages.append(Vintage(offset, year, gain, cost))
    return tuple(vintages)


def _shifted(series: FloatArray, offset: int, periods: int) -> FloatArray:
    out = np.zeros(periods)
    if offset < periods:
        part = series[: periods - offset]
        out[offset : offset + part.shape[0]] = part
    return out


def fleet_of_vintages(
    base: FleetTimeline,
    costs: UnitCosts,
    vintages: Sequence[Vintage],
    periods: int,
) -> FleetTimeline:
    """Every campaign's copy of ``base`` (the design's unpriced or priced expected timeline)
    shifted to its start and summed over ``periods``, delivered compute scaled by each
    campaign's throughput, priced with ``costs`` and each campaign's accelerator price."""
    offsets = [round(v.start_years / base.step_years) for v in vintages]

    def summed(name: str, scale: Sequence[float] | None = None) -> FloatArray:
        total = np.zeros(periods)
        for k, offset in enumerate(offsets):
            factor = 1.0 if scale is None else scale[k]
            total += factor * _shifted(base.series(name), offset, periods)
        return total

    throughput = [v.throughput_scale for v in vintages]
    series = {name: summed(name) for name in (*STOCKS, *FLOWS)}
    series["delivered_pflop_days"] = summed("delivered_pflop_days", throughput)
    fleet = price_timeline(
        FleetTimeline(
            step_years=base.step_years,
            target_power_w=base.target_power_w,
            spend_usd={},
            **series,
        ),
        costs,
    )
    bought = [
        (_shifted(base.satellites_launched, offset, periods), vintage.accelerator_cost_scale)
        for vintage, offset in zip(vintages, offsets, strict=True)
    ]
    return reprice_accelerators(fleet, costs, bought)


def reprice_accelerators(
    fleet: FleetTimeline,
    costs: UnitCosts,
    bought: Sequence[tuple[FloatArray, float]],
) -> FleetTimeline:
    """``fleet`` (priced with ``costs``) with the accelerators of each group of satellites
    launched (a ``satellites_launched`` series and its accelerators' price relative to the
    design's) at that price, and the integration, insurance and ground segment charged on them
    (pricing is linear in bought hardware)."""
    spend = {key: value.copy() for key, value in fleet.spend_usd.items()}
    for launched, cost_scale in bought:
        if cost_scale == 1.0:
            continue
        extra = (cost_scale - 1.0) * costs.satellite_usd["accelerators"]
        delta = attrs.evolve(
            costs,
            satellite_usd={
                key: extra if key == "accelerators" else 0.0 for key in costs.satellite_usd
            },
            launch_usd=0.0,
            operations_usd_per_satellite_year=0.0,
            development_usd=0.0,
        )
        group = attrs.evolve(
            fleet,
            launches=np.zeros(fleet.periods),
            satellites_launched=launched,
            satellites_built=None,  # the group's own satellites, not the fleet's builds
            satellite_years=np.zeros(fleet.periods),
        )
        for key, value in price_timeline(group, delta).spend_usd.items():
            spend[key] += value
    return attrs.evolve(fleet, spend_usd=spend)


def orbit_cash_flows(
    fleet: FleetTimeline,
    market: ComputeMarket,
    business: Business,
    *,
    start_year: float,
    utilization: float,
    asset_life_years: float,
) -> CashFlows:
    """The orbital business's cash flows from a priced fleet timeline (any producer's).

    Revenue is the market price of the hours sold: every sellable hour is paid at the
    accelerator's rated throughput (``delivered_pflop_days`` / ``utilization``) × occupancy.
    Capital is every spend category but operations, depreciated over ``asset_life_years``.
    """
    years = start_year + fleet.midpoint_years
    rated_pflop_days = fleet.delivered_pflop_days / utilization
    revenue = market.occupancy * market.price_usd_per_pflop_day(years) * rated_pflop_days
    capital = {key: value for key, value in fleet.spend_usd.items() if key != "operations"}
    return settle(
        step_years=fleet.step_years,
        start_year=start_year,
        revenue_usd=revenue,
        capital_usd=capital,
        operating_usd={"operations": fleet.spend_usd.get("operations", np.zeros(fleet.periods))},
        life_years=dict.fromkeys(capital, asset_life_years),
        delivered_pflop_days=fleet.delivered_pflop_days,
        tax_rate=business.tax_rate,
        salvage_fraction=business.salvage_fraction,
    )
