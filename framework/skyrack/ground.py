"""The terrestrial baseline: the same accelerators in a data center on the ground.

The ground fleet has as many accelerators as the orbital one and runs them for the same mission
years. Facility capex is charged for the mission's share of the facility's life: a level charge
that recovers the capex over ``lifetime_years``, paid for ``mission_years``. Operation starts
after ``time_to_power_years``: output and running costs are discounted by the delay, so a slow
interconnect makes the ground dearer.
"""

from __future__ import annotations

from collections.abc import Mapping

from skyrack import economics
from skyrack.array_api import ArrayNamespace, Real
from skyrack.sizing import accelerator_power_w

DAYS_PER_YEAR = 365.25
"""The Julian year, the unit of every ``per_year`` quantity in skyrack."""
HOURS_PER_YEAR = DAYS_PER_YEAR * 24.0


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
    mission_annuity = economics.pv_decaying_stream_kernel(xp, rate, 0.0, years)
    life_annuity = economics.pv_decaying_stream_kernel(
        xp, rate, 0.0, p["ground_baseline.lifetime_years"]
    )
    pv_facility = facility_usd * mission_annuity / life_annuity

    accelerator_hazard = p["compute_payload.failure_rate_per_year"]
    replaces = p["ground_baseline.replaces_failed_accelerators"] > 0
    decay = xp.where(replaces, 0.0, accelerator_hazard)
    pv_years = start_discount * economics.pv_decaying_stream_kernel(xp, rate, decay, years)
    accelerators_usd = accelerators * p["compute_payload.unit_price_usd"]
    pv_accelerators = accelerators_usd * start_discount
    pv_replacements = xp.where(replaces, accelerator_hazard * accelerators_usd * pv_years, 0.0)

    capacity = p["ground_baseline.capacity_factor"]
    energy_mwh_per_year = it_power_w * pue * capacity * HOURS_PER_YEAR / 1e6
    pv_energy = energy_mwh_per_year * p["ground_baseline.energy_price_usd_per_mwh"] * pv_years
    pv_operations = p["ground_baseline.opex_fraction_per_year"] * facility_usd * pv_years

    availability = p["sizing.utilization"] * capacity
    pflops = p["compute_payload.bf16_dense_tflops"] / 1000.0
    pv_accelerator_years = accelerators * availability * pv_years
    pv_pflop_days = pv_accelerator_years * pflops * DAYS_PER_YEAR
    undiscounted_years = economics.pv_decaying_stream_kernel(xp, xp.zeros_like(rate), decay, years)
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
    }
