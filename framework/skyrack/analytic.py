"""The analytic evaluator: expected cost per delivered AI compute, in closed form, vectorized.

``evaluate(design)`` returns :class:`~skyrack.metrics.Metrics` for one design;
``evaluate_batch(design, variations)`` runs the same equations on arrays of parameter values
(sweeps, maps, optimizer populations) with numpy, never a Python loop over designs. The
equations are written once, against an array namespace (:mod:`skyrack.array_api`): numpy for a
batch, Python floats and :mod:`math` for one design.

Model (all equations with units and sources in ``docs/model.md``):

* whole launches: ``ceil(N / k)`` must succeed, ``ceil(N / k) / p`` are attempted at the
  vehicle's cadence over ``R = attempts / max_launches_per_year``; satellites arrive uniformly
  over ``[0, R]`` and each operates ``T = mission_years``, then retires;
* its accelerators deliver while both they and the bus survive (hazards λ_acc + λ_rad + λ_bus)
  and while the array can power them (throttled once degradation eats the array margin);
* delivered compute = healthy accelerators × dense BF16 TFLOP/s × utilization × SEU
  availability × (sunlight fraction, if no batteries), discounted at δ = ln(1 + r);
* LCOC = PV(cost) / PV(delivered compute) in USD per PFLOP-day;
* the fleet over time: peak operating power, the share of the fleet that ever operates at
  once, and the time to 50 % and 90 % of the fleet's payload power (inf: never).

:mod:`skyrack.expected_timeline` resolves the same model period by period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from skyrack import economics
from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.budgets import Budget, budgets
from skyrack.ground import DAYS_PER_YEAR, HOURS_PER_YEAR, evaluate_ground
from skyrack.physics import radiation
from skyrack.pricing import BOUGHT_CATEGORIES, COST_CATEGORIES
from skyrack.sizing import check_domain, size_satellite
from skyrack.survival import age_reaching, powered_years, throttle_onset

LAUNCH_TIME_CATEGORIES = COST_CATEGORIES[: COST_CATEGORIES.index("operations")]
"""Costs paid as the satellites launch: they carry the ramp's discount factor ρ."""

_COST_KEYS = tuple((key, f"pv_{key}_usd", f"{key}_usd") for key in COST_CATEGORIES)


def _fleet_size(xp: ArrayNamespace, p: Mapping[str, Real], payload_power_w: Real) -> Real:
    satellites = p["sizing.satellites"]
    target = p["sizing.target_it_power_w"]
    return xp.where(xp.isfinite(satellites), satellites, xp.ceil(target / payload_power_w))


def _ramp_discount(xp: ArrayNamespace, delta: Real, ramp_years: Real) -> Real:
    """Mean of e^{−δt} for t uniform on [0, R]: (1 − e^{−δR})/(δR), → 1 as δR → 0."""
    x = delta * ramp_years
    return xp.where(x > 1e-12, -xp.expm1(-x) / xp.where(x > 1e-12, x, 1.0), 1.0 - x / 2)


def compute(
    p: Mapping[str, Real], xp: ArrayNamespace = NUMPY, *, fallback: bool = True
) -> tuple[dict[str, Real], list[Budget]]:
    """Every quantity of the analytic model for the designs in ``p``, and their budgets.

    ``p`` holds arrays (``xp = NUMPY``, a batch) or, for one design, floats (``xp = SCALAR``).
    Its values must be in their fields' ranges (:mod:`skyrack.parameters` checks them); a
    design outside the model's domain raises ValueError (:func:`skyrack.sizing.check_domain`).

    Infeasible rows (no satellite fits a launch, a radiator that cannot reject heat) carry
    inf or NaN through the arithmetic; their ``feasible`` flag is 0. On floats such a design
    may raise ArithmeticError or a math domain error where numpy returns inf or NaN: then, with
    ``fallback``, the design runs again on 0-d arrays (slower, numpy's answer).
    """
    check_domain(xp, p)
    if xp.scalar:
        try:
            return _compute(xp, p)
        except (ArithmeticError, ValueError):
            if not fallback:
                raise
        p = {key: np.asarray(value, dtype=np.float64) for key, value in p.items()}
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        return _compute(NUMPY, p)


def _compute(xp: ArrayNamespace, p: Mapping[str, Real]) -> tuple[dict[str, Real], list[Budget]]:
    s = size_satellite(xp, p)
    rate = p["economics.discount_rate_per_year"]
    delta = xp.log1p(rate)
    years = p["sizing.mission_years"]
    accelerators = p["sizing.accelerators_per_satellite"]

    satellites = _fleet_size(xp, p, s["payload_power_w"])
    success = p["launch_vehicle.success_probability"]
    per_launch = s["satellites_per_launch"]
    flies = per_launch >= 1
    # Whole launches: ceil(N / k) must succeed; each attempt succeeds with probability p.
    successful_launches = xp.where(
        flies, xp.ceil(satellites / xp.where(flies, per_launch, 1.0)), math.inf
    )
    launches = successful_launches / success
    satellites_built = satellites / success
    ramp_years = launches / p["launch_vehicle.max_launches_per_year"]
    finite_ramp = xp.where(xp.isfinite(ramp_years), ramp_years, 0.0)
    ramp_factor = _ramp_discount(xp, delta, finite_ramp)

    # --- delivered compute ------------------------------------------------------------------
    radiation_hazard = radiation.radiation_failure_rate_per_year_kernel(
        xp, s["dose_rad_per_year"], p["compute_payload.tid_tolerance_krad"], years
    )
    bus_hazard = p["satellite_bus.failure_rate_per_year"]
    accelerator_hazard = p["compute_payload.failure_rate_per_year"] + radiation_hazard
    hazard = accelerator_hazard + bus_hazard
    margin = p["sizing.array_margin"]
    g, tau0 = throttle_onset(xp, p["satellite_bus.solar_degradation_per_year"], margin, years)
    pv_powered_years = powered_years(xp, delta + hazard, g, tau0, margin, years, years)
    seu = radiation.seu_availability_kernel(
        xp, p["compute_payload.seu_upsets_per_day"], p["compute_payload.seu_recovery_s"]
    )
    duty = xp.where(p["sizing.battery_for_eclipse"] > 0, 1.0, 1.0 - s["eclipse_fraction"])
    alive_at_arrival = 1.0 - p["sizing.infant_mortality_fraction"]
    availability = p["sizing.utilization"] * seu * duty * alive_at_arrival
    fleet_accelerators = satellites * accelerators
    pflops = p["compute_payload.bf16_dense_tflops"] / 1000.0
    pv_accelerator_years = fleet_accelerators * availability * ramp_factor * pv_powered_years
    pv_pflop_days = pv_accelerator_years * pflops * DAYS_PER_YEAR
    pv_accelerator_hours = pv_accelerator_years * HOURS_PER_YEAR
    pv_it_mwh = pv_accelerator_years / accelerators * s["payload_power_w"] * HOURS_PER_YEAR / 1e6
    undiscounted_years = powered_years(xp, hazard, g, tau0, margin, years, years)
    pflop_days = fleet_accelerators * availability * undiscounted_years * pflops * DAYS_PER_YEAR

    # --- the fleet over time: satellites arrive uniformly over [0, R] and retire at age T, so
    # the operating share of the fleet at t is (1 − infant)·[F(min(t, T)) − F(max(0, t − R))]/R
    # with F the powered-survival integral; it peaks when the last launch flies or the first
    # satellite retires, whichever comes first.
    fleet_payload_power_w = satellites * s["payload_power_w"]
    ramp = xp.where(finite_ramp > 0, finite_ramp, 1.0)
    peak_share = xp.where(
        xp.isfinite(ramp_years),
        alive_at_arrival
        * powered_years(xp, hazard, g, tau0, margin, years, xp.minimum(ramp, years))
        / ramp,
        0.0,
    )
    # When does the operating power first reach a share x of the fleet's? Before the peak the
    # share is (1 − infant)·F(t)/R, so t = F⁻¹(x R / (1 − infant)); never (inf) above the peak.
    reach = {
        share: xp.where(
            peak_share >= share,
            age_reaching(
                xp,
                share * ramp / xp.where(alive_at_arrival > 0, alive_at_arrival, 1.0),
                hazard,
                g,
                tau0,
                margin,
                years,
            ),
            math.inf,
        )
        for share in (0.5, 0.9)
    }

    # --- costs ------------------------------------------------------------------------------
    learning = economics.wright_average_cost_kernel(
        xp, 1.0, xp.maximum(satellites_built, 1.0), p["economics.satellite_learning_rate"]
    )
    first_unit = {
        "accelerators": accelerators * p["compute_payload.unit_price_usd"],
        "bus": p["satellite_bus.cost_usd"],
        "solar_arrays": s["array_bol_power_w"] * p["satellite_bus.array_cost_usd_per_w"],
        "radiators": s["radiator_area_m2"] * p["satellite_bus.radiator_cost_usd_per_m2"],
        "batteries": s["battery_capacity_kwh"] * p["satellite_bus.battery_cost_usd_per_kwh"],
    }
    unit = {
        key: value if key in BOUGHT_CATEGORIES else value * learning
        for key, value in first_unit.items()
    }
    hardware_per_satellite = sum(unit.values())
    unit["integration"] = p["satellite_bus.integration_cost_fraction"] * hardware_per_satellite
    hardware_per_satellite = hardware_per_satellite + unit["integration"]
    hardware_usd = hardware_per_satellite * satellites_built
    launch_learning = economics.wright_average_cost_kernel(
        xp,
        1.0,
        xp.maximum(xp.where(xp.isfinite(launches), launches, 1.0), 1.0),
        p["economics.launch_learning_rate"],
    )
    launch_usd = launches * p["launch_vehicle.price_usd"] * launch_learning
    undiscounted = {key: value * satellites_built for key, value in unit.items()}
    undiscounted["launch"] = launch_usd
    undiscounted["insurance"] = p["economics.insurance_fraction"] * (hardware_usd + launch_usd)
    undiscounted["ground_segment"] = p["economics.ground_segment_fraction"] * hardware_usd
    ops_per_satellite_year = p["economics.operations_fraction_per_year"] * hardware_per_satellite
    ops_per_year = ops_per_satellite_year * satellites
    undiscounted["operations"] = ops_per_year * economics.pv_decaying_stream_kernel(
        xp, xp.zeros_like(rate), bus_hazard, years
    )
    undiscounted["development"] = p["economics.nre_usd"] * xp.ones_like(launch_usd)

    pv = {key: undiscounted[key] * ramp_factor for key in LAUNCH_TIME_CATEGORIES}
    pv["operations"] = (
        ops_per_year
        * ramp_factor
        * economics.pv_decaying_stream_kernel(xp, rate, bus_hazard, years)
    )
    pv["development"] = undiscounted["development"]
    pv_cost_usd = sum((pv[key] for key in COST_CATEGORIES), start=0.0)
    capex_usd = sum((undiscounted[k] for k in COST_CATEGORIES if k != "operations"), start=0.0)

    lcoc = pv_cost_usd / pv_pflop_days
    co2_kg = launches * p["launch_vehicle.co2_per_launch_kg"]
    result: dict[str, Real] = {
        **s,
        "mission_years": years,
        "satellites": satellites,
        "satellites_built": satellites_built,
        "launches": launches,
        "deployment_years": ramp_years,
        "fleet_accelerators": fleet_accelerators,
        "fleet_payload_power_w": fleet_payload_power_w,
        "peak_operating_power_w": peak_share * fleet_payload_power_w,
        "peak_fleet_share": peak_share,
        "time_to_50_percent_power_years": reach[0.5],
        "time_to_90_percent_power_years": reach[0.9],
        "bus_failure_rate_per_year": bus_hazard,
        "accelerator_failure_rate_per_year": accelerator_hazard,
        "throttle_onset_years": tau0,
        "operations_usd_per_satellite_year": ops_per_satellite_year,
        "radiation_failure_rate_per_year": radiation_hazard,
        "seu_availability": seu,
        "availability": availability,
        "pv_pflop_days": pv_pflop_days,
        "pflop_days": pflop_days,
        "pv_accelerator_hours": pv_accelerator_hours,
        "pv_cost_usd": pv_cost_usd,
        "capex_usd": capex_usd,
        "lcoc_usd_per_pflop_day": lcoc,
        "usd_per_accelerator_hour": pv_cost_usd / pv_accelerator_hours,
        "usd_per_w_deployed": capex_usd / fleet_payload_power_w,
        "usd_per_mwh": pv_cost_usd / pv_it_mwh,
        "co2_kg": co2_kg,
        "co2_kg_per_pflop_day": co2_kg / pflop_days,
    }
    for key, value in first_unit.items():
        result[f"unit_{key}_usd"] = value
    for key, pv_key, undiscounted_key in _COST_KEYS:
        result[pv_key] = pv[key]
        result[undiscounted_key] = undiscounted[key]

    ground = evaluate_ground(xp, p, fleet_accelerators)
    for key, value in ground.items():
        result["ground_" + key] = value
    result["orbit_to_ground_ratio"] = lcoc / ground["lcoc_usd_per_pflop_day"]

    table = budgets(p, s, ramp_years, satellites)
    feasible = True
    for budget in table:
        excess = budget.excess
        result[budget.key] = excess
        feasible = feasible & (excess <= 0)
    result["feasible"] = xp.where(feasible, 1.0, 0.0)
    return result, table
