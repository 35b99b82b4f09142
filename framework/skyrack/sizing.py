"""Sizing one satellite: power, array, battery, radiator, shielding, propellant, mass, volume.

Works on the flat parameter table of :mod:`skyrack.parameters` with an array namespace ``xp``
(:mod:`skyrack.array_api`): every quantity is a numpy array (one element per design in a batch)
or, for one design, a Python float. Equations, units and sources: ``docs/model.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from skyrack.array_api import ArrayNamespace, Real
from skyrack.physics import mass, orbit, power, radiation, thermal

BATTERY_DEPTH_OF_DISCHARGE = 0.3
"""Allowed depth of discharge of LEO Li-ion batteries cycling ~5,500 times a year.

Source: Wertz & Larson, Space Mission Analysis and Design, 3rd ed. (1999), §11.4 (LEO DoD
20–40 %)."""

BATTERY_ROUND_TRIP_EFFICIENCY = 0.9
"""Charge–discharge efficiency of Li-ion cells (SMAD 1999, §11.4: ~0.9)."""

DRAG_COEFFICIENT = 2.2
"""Free-molecular drag coefficient of a flat-faced satellite (Vallado 2013, §8.6.2)."""

DEORBIT_PERIGEE_KM = 50.0
"""Perigee of the controlled de-orbit burn (Vallado 2013, §6.3; prompt targeted re-entry)."""


def _safe_divide(xp: ArrayNamespace, numerator: Real, denominator: Real) -> Real:
    return xp.where(
        denominator > 0.0, numerator / xp.where(denominator > 0, denominator, 1), math.inf
    )


def accelerator_power_w(p: Mapping[str, Real]) -> Real:
    """Power one accelerator draws with its host share: TDP · (1 + host fraction) [W]."""
    return p["compute_payload.tdp_w"] * (1.0 + p["compute_payload.host_power_fraction"])


def check_domain(xp: ArrayNamespace, p: Mapping[str, Real]) -> None:
    """Refuse the designs in ``p`` that are outside the model's domain although every field is
    in its range: an orbit with both or neither of an inclination and a node time (possible in a
    batch) and altitudes above the dose model's 1200 km. Raises ValueError."""
    altitude_km = p["orbit.altitude_km"]
    precessing = xp.isfinite(p["orbit.inclination_deg"])
    sun_synchronous = xp.isfinite(p["orbit.ltan_hours"])
    if not xp.all(precessing != sun_synchronous):
        raise ValueError(
            "an orbit needs exactly one of orbit.inclination_deg (a precessing orbit) and "
            "orbit.ltan_hours (a sun-synchronous one); a sweep cannot set the inclination of a "
            "sun-synchronous orbit, which follows from its altitude"
        )
    if not xp.all(altitude_km <= radiation.TID_MAX_ALTITUDE_KM):
        radiation.tid_rad_per_year(  # raises
            altitude_km, xp.where(precessing, p["orbit.inclination_deg"], 98.0), 0.0
        )


def size_satellite(xp: ArrayNamespace, p: Mapping[str, Real]) -> dict[str, Real]:
    """Per-satellite budgets for every design in ``p`` (broadcast together), on namespace ``xp``.

    ``p`` must have passed :func:`check_domain`. On numpy, call it inside
    ``np.errstate(divide="ignore", invalid="ignore", over="ignore")``: designs that cannot work
    (a radiator that cannot reject heat) carry inf or NaN.
    """
    accelerators = p["sizing.accelerators_per_satellite"]
    years = p["sizing.mission_years"]
    altitude_km = p["orbit.altitude_km"]
    battery = p["sizing.battery_for_eclipse"]

    payload_power_w = accelerators * accelerator_power_w(p)
    load_power_w = payload_power_w + p["satellite_bus.housekeeping_power_w"]

    inclination_deg, beta_lo, beta_hi, eclipse = orbit.orbit_geometry_kernel(
        xp, altitude_km, p["orbit.inclination_deg"], p["orbit.ltan_hours"]
    )
    sunlight = 1.0 - eclipse
    # With batteries the array also recharges what the eclipse drew: P = L (1 + e / (s η)).
    array_load_w = load_power_w * xp.where(
        battery > 0, 1.0 + eclipse / (sunlight * BATTERY_ROUND_TRIP_EFFICIENCY), 1.0
    )
    degradation = p["satellite_bus.solar_degradation_per_year"]
    array_bol_power_w = p["sizing.array_margin"] * power.required_bol_power_w_kernel(
        xp, array_load_w, degradation, years
    )
    array_area_m2 = power.array_area_m2_kernel(
        xp, array_bol_power_w, p["satellite_bus.solar_cell_efficiency"]
    )
    array_mass_kg = power.array_mass_kg_kernel(
        xp, array_bol_power_w, p["satellite_bus.solar_specific_power_w_per_kg"]
    )

    worst_beta = xp.where(
        (beta_lo <= 0) & (beta_hi >= 0), 0.0, xp.minimum(xp.abs(beta_lo), xp.abs(beta_hi))
    )
    eclipse_s = orbit.eclipse_duration_s_kernel(xp, altitude_km, worst_beta)
    battery_mass_kg = battery * power.battery_mass_kg_kernel(
        xp,
        load_power_w,
        eclipse_s,
        p["satellite_bus.battery_specific_energy_wh_per_kg"],
        BATTERY_DEPTH_OF_DISCHARGE,
    )

    heat_w = payload_power_w
    emissivity = p["satellite_bus.radiator_emissivity"]
    sides = xp.where(p["satellite_bus.radiator_two_sided"] > 0, 2.0, 1.0)
    net_flux_w_m2 = thermal.radiator_net_flux_w_m2_kernel(
        xp,
        p["sizing.radiator_temperature_k"],
        emissivity,
        p["satellite_bus.radiator_absorptivity"],
        p["sizing.radiator_view_factor_earth"],
        solar_flux_w_m2=xp.where(p["sizing.radiator_sunlit"] > 0, thermal.SOLAR_CONSTANT_W_M2, 0.0),
        sides=sides,
    )
    emitted_w_m2 = thermal.radiator_emitted_w_m2_kernel(
        p["sizing.radiator_temperature_k"], emissivity, sides
    )
    radiator_area_m2 = _safe_divide(xp, heat_w, net_flux_w_m2)
    radiator_mass_kg = radiator_area_m2 * p["satellite_bus.radiator_areal_density_kg_per_m2"]

    shielding_mm = p["sizing.shielding_mm_al"]
    shielded_area_m2 = accelerators * p["sizing.shielded_area_m2_per_accelerator"]
    shielding_mass_kg = radiation.shielding_mass_kg_kernel(xp, shielded_area_m2, shielding_mm)
    accelerator_mass_kg = accelerators * p["compute_payload.mass_kg"]

    dry_mass_kg = (
        p["satellite_bus.dry_mass_kg"]
        + array_mass_kg
        + battery_mass_kg
        + radiator_mass_kg
        + shielding_mass_kg
        + accelerator_mass_kg
    )
    finite_dry = xp.where(xp.isfinite(dry_mass_kg), dry_mass_kg, 1.0)
    ballistic = finite_dry / (DRAG_COEFFICIENT * p["sizing.drag_area_fraction"] * array_area_m2)
    delta_v_m_s = years * orbit.drag_makeup_delta_v_m_s_per_year_kernel(
        xp, altitude_km, ballistic
    ) + orbit.deorbit_delta_v_m_s_kernel(xp, altitude_km, DEORBIT_PERIGEE_KM)
    propellant_mass_kg = mass.propellant_mass_kg_kernel(
        xp, finite_dry, delta_v_m_s, p["satellite_bus.propulsion_isp_s"]
    )
    wet_mass_kg = dry_mass_kg + propellant_mass_kg
    stowed_volume_m3 = wet_mass_kg / p["satellite_bus.stowed_density_kg_per_m3"]

    capacity_kg = p["launch_vehicle.payload_to_leo_kg"] * p["orbit.launch_capacity_factor"]
    per_launch = mass.satellites_per_launch_kernel(
        xp, wet_mass_kg, stowed_volume_m3, capacity_kg, p["launch_vehicle.fairing_volume_m3"]
    )

    dose_rad_per_year = radiation.tid_rad_per_year_kernel(
        xp, altitude_km, inclination_deg, shielding_mm
    )
    return {
        "inclination_deg": inclination_deg,
        "beta_min_deg": beta_lo,
        "beta_max_deg": beta_hi,
        "payload_power_w": payload_power_w,
        "load_power_w": load_power_w,
        "eclipse_fraction": eclipse,
        "eclipse_duration_s": eclipse_s,
        "array_bol_power_w": array_bol_power_w,
        "array_area_m2": array_area_m2,
        "array_mass_kg": array_mass_kg,
        "battery_mass_kg": battery_mass_kg,
        "battery_capacity_kwh": battery_mass_kg
        * p["satellite_bus.battery_specific_energy_wh_per_kg"]
        / 1000.0,
        "heat_w": heat_w,
        "radiator_net_flux_w_m2": net_flux_w_m2,
        "radiator_emitted_w_m2": emitted_w_m2,
        "radiator_area_m2": radiator_area_m2,
        "radiator_mass_kg": radiator_mass_kg,
        "shielding_mass_kg": shielding_mass_kg,
        "accelerator_mass_kg": accelerator_mass_kg,
        "dry_mass_kg": dry_mass_kg,
        "delta_v_m_s": delta_v_m_s,
        "propellant_mass_kg": propellant_mass_kg,
        "wet_mass_kg": wet_mass_kg,
        "stowed_volume_m3": stowed_volume_m3,
        "launch_capacity_kg": capacity_kg,
        "satellites_per_launch": per_launch,
        "dose_rad_per_year": dose_rad_per_year,
        "mission_dose_krad": dose_rad_per_year * years / 1000.0,
    }
