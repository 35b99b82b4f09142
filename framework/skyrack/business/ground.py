"""The ground business: a data center that refreshes its accelerators in place.

The facility (building, power and cooling for the accelerators' IT load, plus on-site
generation where the baseline has it) is built over ``time_to_power_years`` from t = 0 and
rebuilt at the end of each ``lifetime_years``. At power-on it is filled with the frontier's
accelerators of that date (the design's part as named without ``frontier_parts``); every
``ground_refresh_years`` they are swapped for the frontier's of the day, in the same power
envelope (throughput × the frontier's gain in TFLOP/s per W since the payload's release,
price × the change in its USD per W). While a batch runs, accelerators fail at the payload's
rate; if the baseline replaces failed accelerators, they are replaced at once (free within the
payload's warranty, where it has one), else the batch decays until the next refresh.

Energy is paid for every healthy accelerator's power × PUE at the facility's capacity factor,
operations as a fraction of the facility's capex per year. Revenue is the market price of the
hours sold, as in orbit. Equations: docs/economics.md, "The ground business".
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from skyrack.array_api import Real
from skyrack.business.cashflows import CashFlows, settle
from skyrack.business.frontier import FloatArray, Frontier
from skyrack.business.market import ComputeMarket
from skyrack.business.settings import Business
from skyrack.ground import DAYS_PER_YEAR, HOURS_PER_YEAR
from skyrack.sizing import accelerator_power_w


def _overlap(t0: FloatArray, t1: FloatArray, start: float, end: float) -> FloatArray:
    """Length of each [t0, t1] ∩ [start, end]."""
    result: FloatArray = np.clip(t1, start, end) - np.clip(t0, start, end)
    return result


def _decay_integral(
    t0: FloatArray, t1: FloatArray, start: float, end: float, hazard: float
) -> FloatArray:
    """∫ e^{−λ (t − start)} dt over each [t0, t1] ∩ [start, end]."""
    a = np.clip(t0, start, end) - start
    b = np.clip(t1, start, end) - start
    if hazard == 0.0:
        return b - a
    result: FloatArray = (np.exp(-hazard * a) - np.exp(-hazard * b)) / hazard
    return result


def _in_period(edges: FloatArray, at: float) -> FloatArray:
    """1 in the period that contains time ``at`` (the first period for at ≤ 0), 0 elsewhere."""
    pulse = np.zeros(edges.shape[0] - 1)
    index = int(np.searchsorted(edges, at, side="right")) - 1
    pulse[max(index, 0)] = 1.0
    return pulse


def facility_usd_per_accelerator(p: Mapping[str, Real]) -> float:
    """What the facility costs per accelerator slot: the slot's IT power × (facility USD/W +
    PUE × power-plant USD/W) [USD]."""
    return float(accelerator_power_w(p)) * (
        float(p["ground_baseline.facility_capex_usd_per_w"])
        + float(p["ground_baseline.pue"]) * float(p["ground_baseline.power_plant_capex_usd_per_w"])
    )


def purchase_scales(
    frontier: Frontier, business: Business, release_year: float, year: float, first: bool
) -> tuple[float, float]:
    """(throughput, price) of accelerators bought in ``year`` relative to the design's payload:
    the frontier's part in the same power envelope, or the part as named for a first purchase
    without ``frontier_parts``."""
    if first and not business.frontier_parts:
        return 1.0, 1.0
    return (
        float(frontier.throughput_gain(release_year, year)),
        float(frontier.cost_per_watt_ratio(release_year, year)),
    )


def first_build_usd_per_accelerator(
    p: Mapping[str, Real],
    frontier: Frontier,
    business: Business,
    *,
    start_year: float,
    release_year: float,
) -> float:
    """What the ground's first build costs per accelerator slot: its share of the facility and
    its first accelerator, bought at power-on as the ground buys it [USD]."""
    power_on = start_year + float(p["ground_baseline.time_to_power_years"])
    _, cost = purchase_scales(frontier, business, release_year, power_on, first=True)
    return facility_usd_per_accelerator(p) + float(p["compute_payload.unit_price_usd"]) * cost


def ground_cash_flows(
    p: Mapping[str, Real],
    *,
    accelerators: float,
    market: ComputeMarket,
    frontier: Frontier,
    business: Business,
    start_year: float,
    release_year: float,
    periods: int,
    step_years: float,
) -> CashFlows:
    """The ground business's cash flows with ``accelerators`` slots, for the design whose
    parameter table is ``p`` (floats), over ``periods`` periods of ``step_years`` (inf or NaN
    where an input is too extreme: the caller refuses them)."""
    edges = step_years * np.arange(periods + 1, dtype=np.float64)
    t0, t1 = edges[:-1], edges[1:]
    horizon = float(edges[-1])
    power_w = float(accelerator_power_w(p))
    pue = float(p["ground_baseline.pue"])
    facility_usd = accelerators * facility_usd_per_accelerator(p)
    power_on = float(p["ground_baseline.time_to_power_years"])
    facility_life = float(p["ground_baseline.lifetime_years"])
    refresh = business.ground_refresh_years
    price = float(p["compute_payload.unit_price_usd"])
    hazard = float(p["compute_payload.failure_rate_per_year"])
    warranty = float(p.get("compute_payload.warranty_years", 0.0))
    replaces = float(p["ground_baseline.replaces_failed_accelerators"]) > 0

    # --- the facility: built over [0, power-on], rebuilt at the end of each life --------------
    facility = (
        facility_usd * _overlap(t0, t1, 0.0, power_on) / power_on
        if power_on > 0
        else facility_usd * _in_period(edges, 0.0)
    )
    rebuild = power_on + facility_life
    while rebuild < horizon:
        facility = facility + facility_usd * _in_period(edges, rebuild)
        rebuild += facility_life

    # --- accelerator batches: bought at power-on and at each refresh ---------------------------
    bought = np.zeros(periods)
    replacements = np.zeros(periods)
    healthy_years = np.zeros(periods)  # accelerator-years of healthy slots
    throughput_years = np.zeros(periods)  # the same, weighted by each batch's throughput
    start = power_on
    while start < horizon:
        gain, cost = purchase_scales(
            frontier, business, release_year, start_year + start, first=start == power_on
        )
        end = start + refresh
        bought = bought + accelerators * price * cost * _in_period(edges, start)
        if replaces:
            healthy = accelerators * _overlap(t0, t1, start, end)
            replacements = replacements + hazard * price * cost * accelerators * _overlap(
                t0, t1, start + warranty, end
            )
        else:
            healthy = accelerators * _decay_integral(t0, t1, start, end, hazard)
        healthy_years = healthy_years + healthy
        throughput_years = throughput_years + gain * healthy
        start = end

    capacity = float(p["ground_baseline.capacity_factor"])
    energy_mwh = healthy_years * power_w * pue * capacity * HOURS_PER_YEAR / 1e6
    rated_pflop_days = (
        throughput_years * capacity * float(p["compute_payload.bf16_dense_tflops"]) / 1e3
    ) * DAYS_PER_YEAR
    years = start_year + 0.5 * (t0 + t1)
    revenue = market.occupancy * market.price_usd_per_pflop_day(years) * rated_pflop_days
    operating_years = _overlap(t0, t1, power_on, math.inf)
    return settle(
        step_years=step_years,
        start_year=start_year,
        revenue_usd=revenue,
        capital_usd={
            "facility": facility,
            "accelerators": bought,
            "replacements": replacements,
        },
        operating_usd={
            "energy": energy_mwh * float(p["ground_baseline.energy_price_usd_per_mwh"]),
            "operations": float(p["ground_baseline.opex_fraction_per_year"])
            * facility_usd
            * operating_years,
        },
        life_years={"facility": facility_life, "accelerators": refresh, "replacements": refresh},
        delivered_pflop_days=rated_pflop_days * float(p["sizing.utilization"]),
        tax_rate=business.tax_rate,
        salvage_fraction=business.salvage_fraction,
    )
