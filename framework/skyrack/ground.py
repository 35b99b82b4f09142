"""The terrestrial baseline: the same accelerators in a data center on the ground.

The ground fleet has as many accelerators as the orbital one and runs them for the same mission
years. Facility capex is charged for the mission's share of the facility's life: a level charge
that recovers the capex over ``lifetime_years``, paid for ``mission_years``. Operation starts
after ``time_to_power_years``: output and running costs are discounted by the delay, so a slow
interconnect makes the ground dearer.

**The ground operator acts as one** (orbit cannot repair; the ground can). While the
manufacturer's warranty runs (``warranty_years`` from power-on) a failed accelerator is replaced
free. After it, the operator buys a replacement at full price only while one pays for itself:
bought with r years of the mission left, a replacement delivers J(r) = ∫₀^r e^{−(δ+λ)u} du
discounted accelerator-years for its price P, and pays for itself when P/J(r) is at most G, the
fleet's capital cost per discounted accelerator-year (facility share, accelerators, replacements
and operations; energy is paid per running accelerator either way and cancels). The operator
that minimises its levelized cost buys replacements up to the age a* at which P/J(T − a*) =
G(a*) — the first-order condition of minimising LCOC over a* — and lets later failures stand.
a* is found by a fixed-point iteration started at the warranty's end (never buy); it rises
monotonically to the optimum, where G is stationary, so it converges quadratically. With
``replaces_failed_accelerators`` false the operator never buys (a* = the warranty's end).

Equations with units: ``docs/model.md`` (Ground baseline).
"""

from __future__ import annotations

from collections.abc import Mapping

from skyrack import economics
from skyrack.array_api import ArrayNamespace, Real
from skyrack.sizing import accelerator_power_w

DAYS_PER_YEAR = 365.25
"""The Julian year, the unit of every ``per_year`` quantity in skyrack."""
HOURS_PER_YEAR = DAYS_PER_YEAR * 24.0

POLICY_ITERATIONS = 5
"""Fixed-point steps for the replacement cut-off (converged to < 1e-9 yr on every study)."""


def _stream(xp: ArrayNamespace, rate: Real, decay: Real, years: Real) -> Real:
    return economics.pv_decaying_stream_kernel(xp, rate, decay, years)


def evaluate_ground(
    xp: ArrayNamespace, p: Mapping[str, Real], accelerators: Real
) -> dict[str, Real]:
    """Costs, delivered compute and LCOC of the ground baseline with ``accelerators`` chips, on
    namespace ``xp`` (numpy: inside ``np.errstate(divide="ignore", invalid="ignore")``)."""
    rate = p["economics.discount_rate_per_year"]
    years = p["sizing.mission_years"]
    delay = p["ground_baseline.time_to_power_years"]
    start_discount = economics.discount_factor_kernel(xp, rate, delay)
    it_power_w = accelerators * accelerator_power_w(p)
    pue = p["ground_baseline.pue"]
    facility_usd = it_power_w * (
        p["ground_baseline.facility_capex_usd_per_w"]
        + pue * p["ground_baseline.power_plant_capex_usd_per_w"]
    )
    # The mission's share of the facility: a level capital charge over its whole life, paid for
    # the mission years only (continuous annuities, like the output streams).
    mission_annuity = _stream(xp, rate, 0.0, years)
    life_annuity = _stream(xp, rate, 0.0, p["ground_baseline.lifetime_years"])
    pv_facility = facility_usd * mission_annuity / life_annuity
    pv_operations = (
        p["ground_baseline.opex_fraction_per_year"]
        * facility_usd
        * start_discount
        * mission_annuity
    )
    price = p["compute_payload.unit_price_usd"]
    accelerators_usd = accelerators * price
    pv_accelerators = accelerators_usd * start_discount

    # --- failures: free under warranty, then bought while a replacement pays for itself -----
    hazard = p["compute_payload.failure_rate_per_year"]
    warranty = xp.minimum(p["compute_payload.warranty_years"], years)
    delta = xp.log1p(rate)
    decay = delta + hazard
    fixed_per_slot = (pv_facility + pv_operations) / accelerators + start_discount * price

    under_warranty = _stream(xp, rate, 0.0, warranty)

    def discounted_years(cutoff: Real, running: Real) -> Real:
        """Discounted accelerator-years per slot (from power-on) when buying until ``cutoff``
        (``running`` = ∫₀^cutoff e^{−δt} dt)."""
        return running + xp.exp(-delta * cutoff) * _stream(xp, rate, hazard, years - cutoff)

    buys = p["ground_baseline.replaces_failed_accelerators"] > 0
    cutoff = warranty
    running = under_warranty
    for _ in range(POLICY_ITERATIONS):
        capital_per_year = (
            fixed_per_slot + start_discount * hazard * price * (running - under_warranty)
        ) / (start_discount * discounted_years(cutoff, running))
        # the remaining life r at which P / J(r) = G; J(r) ≤ 1/(δ + λ) bounds what pays
        paying = economics.decaying_stream_years_kernel(xp, decay, price / capital_per_year)
        previous = cutoff
        cutoff = xp.where(buys, xp.clip(years - paying, warranty, years), warranty)
        running = _stream(xp, rate, 0.0, cutoff)
        if xp.all(cutoff == previous):  # every design's cut-off holds still
            break

    pv_years = start_discount * discounted_years(cutoff, running)
    pv_replacements = start_discount * hazard * accelerators_usd * (running - under_warranty)
    undiscounted_years = cutoff + _stream(xp, xp.zeros_like(rate), hazard, years - cutoff)

    capacity = p["ground_baseline.capacity_factor"]
    energy_mwh_per_year = it_power_w * pue * capacity * HOURS_PER_YEAR / 1e6
    pv_energy = energy_mwh_per_year * p["ground_baseline.energy_price_usd_per_mwh"] * pv_years

    availability = p["sizing.utilization"] * capacity
    pflops = p["compute_payload.bf16_dense_tflops"] / 1000.0
    pv_accelerator_years = accelerators * availability * pv_years
    pv_pflop_days = pv_accelerator_years * pflops * DAYS_PER_YEAR
    pflop_days = accelerators * availability * undiscounted_years * pflops * DAYS_PER_YEAR
    energy_mwh = energy_mwh_per_year * undiscounted_years
    pv_cost = pv_facility + pv_accelerators + pv_replacements + pv_energy + pv_operations
    return {
        "it_power_w": it_power_w,
        "pv_facility_usd": pv_facility,
        "pv_accelerators_usd": pv_accelerators,
        "pv_replacements_usd": pv_replacements,
        "pv_energy_usd": pv_energy,
        "pv_operations_usd": pv_operations,
        "pv_cost_usd": pv_cost,
        "pv_pflop_days": pv_pflop_days,
        "lcoc_usd_per_pflop_day": pv_cost / pv_pflop_days,
        "usd_per_accelerator_hour": pv_cost / (pv_accelerator_years * HOURS_PER_YEAR),
        "co2_kg_per_pflop_day": energy_mwh * p["ground_baseline.carbon_kg_per_mwh"] / pflop_days,
        "water_l_per_pflop_day": energy_mwh
        / pue
        * 1000.0
        * p["ground_baseline.water_l_per_kwh"]
        / pflop_days,
        "buys_replacements": xp.where(buys, 1.0, 0.0),
        "warranty_years": warranty,
        "replacement_cutoff_years": cutoff,
    }
