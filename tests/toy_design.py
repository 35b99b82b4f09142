"""A toy design with round numbers, so that the evaluator's results can be worked out by hand.

Its orbit is a dawn-dusk sun-synchronous one at 550 km, sunlit 95.1 % of the time (no orbit is
sunlit all the time); without batteries its compute idles in eclipse, so hand arithmetic
multiplies delivered compute by the sunlight fraction, ``SUNLIGHT``.
"""

from __future__ import annotations

from typing import Any

import attrs

from skyrack import ComputePayload, GroundBaseline, LaunchVehicle, Orbit, SatelliteBus, Source
from skyrack.design import Design, Economics, Sizing
from skyrack.physics import sso_mean_eclipse_fraction

HAND = Source(title="hand-computable test value", year=2026, estimate=True)
SUNLIGHT = 1.0 - float(sso_mean_eclipse_fraction(550.0, 18.0))
"""Time-averaged sunlight fraction of the toy's orbit, 0.951 (tests/test_physics.py checks the
function against a brute-force average over a year)."""


def toy_design(**changes: Any) -> Design:
    """The toy design; ``changes`` keys are ``"<kind>.<field>"`` or ``"sizing.<field>"``."""
    parts: dict[str, Any] = {
        "launch_vehicle": LaunchVehicle(
            name="toy-rocket",
            description="10 t for $10M",
            payload_to_leo_kg=10_000.0,
            fairing_volume_m3=1_000.0,
            price_usd=10e6,
            max_launches_per_year=1_000.0,
            success_probability=1.0,
            first_available_year=2020,
            co2_per_launch_kg=0.0,
            reusable=True,
            sources={"*": HAND},
        ),
        "satellite_bus": SatelliteBus(
            name="toy-bus",
            description="1 t bus",
            dry_mass_kg=1_000.0,
            max_payload_power_w=1e6,
            max_payload_mass_kg=1e5,
            housekeeping_power_w=0.0,
            solar_cell_efficiency=0.3,
            solar_specific_power_w_per_kg=100.0,
            solar_degradation_per_year=0.0,
            radiator_areal_density_kg_per_m2=5.0,
            radiator_emissivity=0.9,
            radiator_absorptivity=0.1,
            radiator_two_sided=True,
            battery_specific_energy_wh_per_kg=150.0,
            battery_cost_usd_per_kwh=1_000.0,
            stowed_density_kg_per_m3=100.0,
            propulsion_isp_s=1e6,
            design_life_years=10.0,
            failure_rate_per_year=0.0,
            cost_usd=1e6,
            array_cost_usd_per_w=100.0,
            radiator_cost_usd_per_m2=1_000.0,
            integration_cost_fraction=0.0,
            sources={"*": HAND},
        ),
        "compute_payload": ComputePayload(
            name="toy-chip",
            description="1 PFLOP/s at 1 kW",
            dense_tflops={"bf16": 1_000.0},
            tdp_w=1_000.0,
            host_power_fraction=0.0,
            mass_kg=10.0,
            unit_price_usd=10_000.0,
            failure_rate_per_year=0.0,
            warranty_years=0.0,
            tid_tolerance_krad=1e6,
            seu_upsets_per_day=0.0,
            seu_recovery_s=0.0,
            memory_gb=80.0,
            max_junction_temperature_k=360.0,
            junction_to_radiator_delta_k=0.0,
            radiation_tolerant=False,
            release_year=2024.0,
            sources={"*": HAND},
        ),
        "orbit": Orbit(
            name="toy-orbit",
            description="dawn-dusk sun-synchronous at 550 km: sunlit 95 % of the time",
            altitude_km=550.0,
            ltan_hours=18.0,
            launch_capacity_factor=1.0,
            sources={"*": HAND},
        ),
        "ground_baseline": GroundBaseline(
            name="toy-ground",
            description="$10/W, $100/MWh, PUE 1",
            facility_capex_usd_per_w=10.0,
            power_plant_capex_usd_per_w=0.0,
            energy_price_usd_per_mwh=100.0,
            pue=1.0,
            capacity_factor=1.0,
            opex_fraction_per_year=0.0,
            lifetime_years=5.0,
            time_to_power_years=0.0,
            water_l_per_kwh=0.0,
            carbon_kg_per_mwh=0.0,
            replaces_failed_accelerators=True,
            sources={"*": HAND},
        ),
        "sizing": Sizing(
            accelerators_per_satellite=10,
            satellites=100,
            mission_years=5.0,
            radiator_temperature_k=330.0,
            radiator_view_factor_earth=0.0,
            shielding_mm_al=0.0,
            battery_for_eclipse=False,
        ),
        "economics": Economics(
            discount_rate_per_year=0.0,
            insurance_fraction=0.0,
            operations_fraction_per_year=0.0,
            ground_segment_fraction=0.0,
        ),
    }
    by_section: dict[str, dict[str, Any]] = {}
    for key, value in changes.items():
        section, _, field = key.partition(".")
        by_section.setdefault(section, {})[field] = value
    for section, fields in by_section.items():  # all of a section at once: fields can depend
        parts[section] = attrs.evolve(parts[section], **fields)
    return Design(**parts)
