"""The built-in component catalog: every component present, sourced, and its arithmetic right.

Derived values are recomputed here by hand from the published inputs their notes name, so a
change to a catalog number that breaks its stated derivation fails a test.
"""

from __future__ import annotations

import math
from datetime import date

import pytest

import skyrack
from skyrack import Component, ComputePayload, Orbit
from skyrack.components import numeric_field_names

EXPECTED: dict[str, tuple[str, set[str]]] = {
    "launchers": (
        "launch_vehicle",
        {
            "falcon-9-reusable",
            "falcon-9-expendable",
            "falcon-heavy",
            "starship-v3",
            "starship-target",
            "new-glenn",
            "electron",
        },
    ),
    "buses": ("satellite_bus", {"starlink-v2-mini-class", "large-compute-bus", "small-bus"}),
    "accelerators": ("compute_payload", {"h100-sxm", "b200", "tpu-v6e", "tpu-v6e-rad-derated"}),
    "orbits": ("orbit", {"sso-dawn-dusk-650", "sso-550", "leo-550-53"}),
    "ground": ("ground_baseline", {"hyperscale-grid", "offgrid-gas-turbine"}),
    "policies": ("fleet_policy", {"replace-failed", "run-to-failure"}),
    "events": ("fleet_event", {"severe-solar-storm", "launch-grounding"}),
}
CATALOG_KINDS = {kind for kind, _ in EXPECTED.values()}

EARTH_RADIUS_KM = 6378.137


def catalog() -> list[Component]:
    """Every component of the kinds the built-in catalog plugins register."""
    registry = skyrack.registry()
    return [c for kind in sorted(CATALOG_KINDS) for c in registry.components(kind)]


def rule_of_succession(successes: int, attempts: int) -> float:
    return (successes + 1) / (attempts + 2)


def mean_sunlight_uniform_beta(altitude_km: float, beta_lo: float, beta_hi: float) -> float:
    """1 − mean cylindrical-shadow eclipse fraction for β uniform in [lo, hi] (midpoint rule)."""
    a = EARTH_RADIUS_KM + altitude_km
    beta_star = math.asin(EARTH_RADIUS_KM / a)
    n = 20_000
    total = 0.0
    for k in range(n):
        beta = math.radians(beta_lo + (beta_hi - beta_lo) * (k + 0.5) / n)
        if abs(beta) < beta_star:
            x = math.sqrt(altitude_km**2 + 2 * EARTH_RADIUS_KM * altitude_km) / (a * math.cos(beta))
            total += math.acos(x) / math.pi
    return 1 - total / n


# --- presence and sources -----------------------------------------------------------------------


def given_numbers(component: object) -> set[str]:
    """The numeric fields a component sets (an orbit leaves out its inclination or node time)."""
    return {f for f in numeric_field_names(type(component)) if getattr(component, f) is not None}


def test_every_builtin_component_is_registered_by_its_plugin() -> None:
    """Each catalog name is in the registry, of its kind, owned by the plugin meant to supply it."""
    registry = skyrack.registry()
    for plugin, (kind, names) in EXPECTED.items():
        assert set(registry.names(kind)) >= names, f"{plugin} is missing some {kind}"
        for name in names:
            assert registry.owner(registry.get(kind, name)) == plugin


def test_every_numeric_field_of_every_builtin_has_a_titled_dated_source() -> None:
    """No built-in number is unsourced: each has a Source with a title and a plausible year."""
    for component in catalog():
        for field in given_numbers(component):
            source = component.source_of(field)
            assert source is not None, f"{component.name}.{field} has no source"
            assert source.title.strip(), f"{component.name}.{field} source has no title"
            assert 1900 <= source.year <= 2100, f"{component.name}.{field} source year"


def test_catalog_components_give_each_number_its_own_source_not_a_fallback() -> None:
    """Built-in catalog components cite a source per field instead of the '*' fallback."""
    for component in catalog():
        assert "*" not in component.sources, component.name
        missing = given_numbers(component) - set(component.sources)
        assert not missing, f"{component.name} lacks per-field sources for {sorted(missing)}"


def test_every_estimate_explains_itself_in_a_note() -> None:
    """A source marked as an estimate always says how the number was reached."""
    for component in catalog():
        for field, source in component.sources.items():
            if source.estimate:
                assert source.note and source.note.strip(), f"{component.name}.{field}"


# --- ground baselines -----------------------------------------------------------------------------


def test_mccalip_fuel_cost_is_heat_rate_times_gas_price() -> None:
    """The off-grid baseline's energy price is 6,200 Btu/kWh × $4.30/MMBtu = $26.66/MWh."""
    gas = skyrack.registry().ground_baseline("offgrid-gas-turbine")
    assert gas.energy_price_usd_per_mwh == pytest.approx(6200 * 4.30 / 1000, abs=0.005)
    assert gas.energy_price_usd_per_mwh == pytest.approx(26.66)


def test_mccalip_facility_capex_is_the_sum_of_his_four_buckets() -> None:
    """Electrical + mechanical + civil + network = $12.50/W; the turbine is $1,450/kW apart."""
    gas = skyrack.registry().ground_baseline("offgrid-gas-turbine")
    assert gas.facility_capex_usd_per_w == pytest.approx(5.25 + 3.00 + 2.50 + 1.75)
    assert gas.power_plant_capex_usd_per_w == pytest.approx(1450 / 1000)
    assert (gas.pue, gas.capacity_factor) == (1.2, 0.85)


def test_gas_baseline_carbon_is_the_gas_emission_factor_times_heat_rate() -> None:
    """53.06 kg CO2/MMBtu × 6.2 MMBtu/MWh ≈ 329 kg per MWh generated on site."""
    gas = skyrack.registry().ground_baseline("offgrid-gas-turbine")
    assert gas.carbon_kg_per_mwh == pytest.approx(53.06 * 6.2, abs=0.1)


def test_grid_carbon_is_eia_total_emissions_over_generation() -> None:
    """1,532 Mt CO2 over 4,183 TWh (EIA 2023) is about 366 kg/MWh, within the 2022–23 range."""
    grid = skyrack.registry().ground_baseline("hyperscale-grid")
    assert grid.carbon_kg_per_mwh == pytest.approx(1532e9 / 4183.271e9 * 1000, abs=0.1)
    assert 360 <= grid.carbon_kg_per_mwh <= 392


def test_grid_baseline_pays_no_power_plant_and_builds_at_the_cushman_average() -> None:
    """The grid site's capex is C&W's $11.7M/MW with no on-site generation, and it is cleaner
    to run per MWh than it is cheap: grid energy costs more than McCalip's gas fuel."""
    registry = skyrack.registry()
    grid = registry.ground_baseline("hyperscale-grid")
    gas = registry.ground_baseline("offgrid-gas-turbine")
    assert grid.facility_capex_usd_per_w == pytest.approx(11.7e6 / 1e6)
    assert grid.power_plant_capex_usd_per_w == 0
    assert grid.energy_price_usd_per_mwh > gas.energy_price_usd_per_mwh
    assert grid.pue < gas.pue


# --- orbits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sso-dawn-dusk-650", "sso-550"])
def test_sun_synchronous_inclination_matches_the_j2_relation_within_a_tenth_of_a_degree(
    name: str,
) -> None:
    """cos i = −Ω̇ / (1.5 n J2 (R/a)²) with Ω̇ = 360° per tropical year, at the orbit's altitude."""
    orbit = skyrack.registry().orbit(name)
    a = EARTH_RADIUS_KM + orbit.altitude_km
    n = math.sqrt(398600.4418 / a**3)
    node_rate = 2 * math.pi / (365.2422 * 86400)
    expected = math.degrees(
        math.acos(-node_rate / (1.5 * n * 1.08263e-3 * (EARTH_RADIUS_KM / a) ** 2))
    )
    assert orbit.sun_synchronous
    assert orbit.inclination_deg is None  # derived, not given
    assert orbit.geometry()["inclination_deg"] == pytest.approx(expected, abs=0.1)


def test_dawn_dusk_orbit_mean_sunlight_lies_in_the_published_range() -> None:
    """A dawn-dusk SSO at 650 km is sunlit 0.95–0.98 of the time, eclipsed in one season."""
    geometry = skyrack.registry().orbit("sso-dawn-dusk-650").geometry()
    assert 0.95 <= geometry["sunlight_fraction"] <= 0.98
    uniform = mean_sunlight_uniform_beta(650, geometry["beta_min_deg"], geometry["beta_max_deg"])
    assert 0.95 <= uniform <= 0.98
    beta_star = math.degrees(math.asin(EARTH_RADIUS_KM / (EARTH_RADIUS_KM + 650)))
    assert beta_star == pytest.approx(65.2, abs=0.05)
    assert geometry["beta_min_deg"] < beta_star < geometry["beta_max_deg"]  # one season only


@pytest.mark.parametrize(
    ("name", "node_offset_deg"),
    [("sso-dawn-dusk-650", 90.0), ("sso-550", 157.5)],  # LTAN 18:00 and 22:30 (10:30 LTDN)
)
def test_sso_beta_range_brackets_the_equinox_beta_of_its_node_time(
    name: str, node_offset_deg: float
) -> None:
    """At equinox sin β = sin i · sin Δ; the yearly range must contain that value."""
    orbit = skyrack.registry().orbit(name)
    assert orbit.ltan_hours == pytest.approx(12 + node_offset_deg / 15)
    g = orbit.geometry()
    equinox = math.degrees(
        math.asin(
            math.sin(math.radians(g["inclination_deg"])) * math.sin(math.radians(node_offset_deg))
        )
    )
    assert g["beta_min_deg"] <= equinox <= g["beta_max_deg"]
    # The solstice extreme of a near-polar SSO is the equinox value moved by about the obliquity
    # tilted through the orbit: the range is at most 2 × 23.44° wide.
    assert 0 < g["beta_max_deg"] - g["beta_min_deg"] <= 2 * 23.44


def test_dawn_dusk_minimum_beta_is_ninety_less_tilt_less_obliquity() -> None:
    """For LTAN 18:00 the worst solstice gives β = 180° − i − 23.44°."""
    g = skyrack.registry().orbit("sso-dawn-dusk-650").geometry()
    assert g["beta_min_deg"] == pytest.approx(180 - g["inclination_deg"] - 23.44, abs=0.02)


def test_mid_inclination_orbit_sweeps_beta_over_inclination_plus_obliquity() -> None:
    """A precessing 53° orbit sees every β within ±(53° + 23.44°), sunlit ~0.69 of the time."""
    orbit = skyrack.registry().orbit("leo-550-53")
    assert not orbit.sun_synchronous
    g = orbit.geometry()
    assert (g["beta_min_deg"], g["beta_max_deg"]) == pytest.approx((-76.44, 76.44))
    assert 0.6 < g["sunlight_fraction"] < 0.8  # far from a dawn-dusk orbit's 0.95+


@pytest.mark.parametrize("name", ["sso-dawn-dusk-650", "sso-550", "leo-550-53"])
def test_launch_capacity_factor_follows_the_upper_stage_rocket_equation(name: str) -> None:
    """Falcon 9's upper stage (348 s, 109.5 t, 4 t dry) loses payload to the rotation penalty
    465.1 m/s × (cos 28.5° − cos i) relative to 17.5 t due east from the Cape."""
    orbit = skyrack.registry().orbit(name)
    inclination = orbit.geometry()["inclination_deg"]
    ve = 9.80665 * 348
    dv = ve * math.log((4000 + 109500 + 17500) / (4000 + 17500))
    penalty = 465.1 * (math.cos(math.radians(28.5)) - math.cos(math.radians(inclination)))
    ratio = math.exp((dv + penalty) / ve)
    payload = (4000 + 109500 - ratio * 4000) / (ratio - 1)
    assert orbit.launch_capacity_factor == pytest.approx(payload / 17500, abs=0.0006)


def test_sun_synchronous_orbits_cost_fifteen_to_twenty_five_percent_of_leo_capacity() -> None:
    """SSO launch capacity factors land in Falcon 9's published 0.75–0.85 of LEO, below 53°."""
    registry = skyrack.registry()
    shell = registry.orbit("leo-550-53").launch_capacity_factor
    for name in ("sso-dawn-dusk-650", "sso-550"):
        factor = registry.orbit(name).launch_capacity_factor
        assert 0.75 <= factor <= 0.85
        assert factor < shell < 1


# --- launch vehicles ------------------------------------------------------------------------------


def test_starship_target_is_cheaper_per_kg_than_starship_today_and_falcon_9() -> None:
    """$/kg falls from Falcon 9 to near-term Starship to Starship's target."""
    registry = skyrack.registry()

    def per_kg(name: str) -> float:
        vehicle = registry.launch_vehicle(name)
        return vehicle.price_usd / vehicle.payload_to_leo_kg

    assert per_kg("starship-target") < per_kg("starship-v3") < per_kg("falcon-9-reusable")
    assert 10 <= per_kg("starship-target") <= 20
    assert per_kg("starship-target") * 200_000 == pytest.approx(4e6)


def test_success_probabilities_follow_the_rule_of_succession_from_flight_records() -> None:
    """(s + 1)/(n + 2) from each record: F9 415/417, FH 11/11, Starship 7/11, NG 2/2, Electron
    50/54 — so a clean short record is not rated above a long nearly clean one."""
    registry = skyrack.registry()
    records = {
        "falcon-9-reusable": 416 / 419,
        "falcon-9-expendable": 416 / 419,
        "falcon-heavy": 12 / 13,
        "starship-v3": 8 / 13,
        "new-glenn": 3 / 4,
        "electron": 51 / 56,
    }
    for name, expected in records.items():
        assert registry.launch_vehicle(name).success_probability == pytest.approx(expected)
    falcon_9 = registry.launch_vehicle("falcon-9-reusable").success_probability
    assert registry.launch_vehicle("new-glenn").success_probability < falcon_9
    assert registry.launch_vehicle("falcon-heavy").success_probability < falcon_9


@pytest.mark.parametrize(
    ("name", "tabulated_t"),
    [
        ("falcon-9-reusable", 334.0),
        ("falcon-9-expendable", 334.0),
        ("falcon-heavy", 850.6),
        ("starship-v3", 2057.6),
        ("starship-target", 2057.6),
        ("new-glenn", 336.5),
        ("electron", 7.3),
    ],
)
def test_launch_co2_matches_the_primary_emission_estimate_of_the_inventory(
    name: str, tabulated_t: float
) -> None:
    """CO2 per launch is the primary (no afterburning) estimate of Barker, Marais & McDowell's
    inventory (2024): propellant by stage × 637 (kerosene), 426 (methane), 220 (hypergolic)."""
    vehicle = skyrack.registry().launch_vehicle(name)
    assert vehicle.co2_per_launch_kg / 1000 == pytest.approx(tabulated_t, abs=0.06)


def test_falcon_9_co2_is_propellant_times_the_kerosene_emission_index() -> None:
    """(414,850 + 109,500 kg) × 637 g/kg = 334,011 kg of CO2."""
    vehicle = skyrack.registry().launch_vehicle("falcon-9-reusable")
    assert vehicle.co2_per_launch_kg == pytest.approx((414_850 + 109_500) * 0.637)


def test_expendable_falcon_9_price_adds_one_booster_from_musks_heavy_prices() -> None:
    """List $69.75M + ($150M − $95M)/2 for the expended booster; it lifts more than reusable."""
    registry = skyrack.registry()
    expendable = registry.launch_vehicle("falcon-9-expendable")
    reusable = registry.launch_vehicle("falcon-9-reusable")
    assert expendable.price_usd == pytest.approx(69.75e6 + (150e6 - 95e6) / 2)
    assert expendable.payload_to_leo_kg > reusable.payload_to_leo_kg
    assert expendable.max_launches_per_year < reusable.max_launches_per_year
    assert reusable.reusable and not expendable.reusable


def test_starship_target_cadence_is_one_launch_an_hour() -> None:
    """Musk's hourly launches: 24 × 365 = 8,760 a year, against 25 licensed today."""
    registry = skyrack.registry()
    assert registry.launch_vehicle("starship-target").max_launches_per_year == 24 * 365
    assert registry.launch_vehicle("starship-v3").max_launches_per_year == 25


def test_falcon_fairing_volume_is_the_user_guide_envelope() -> None:
    """A 4.6 m cylinder 6.7 m tall plus a 4.3 m tangent ogive holds ~152 m³."""
    cylinder = math.pi * 2.3**2 * 6.7
    radius, length = 2.3, 4.3
    rho = (radius**2 + length**2) / (2 * radius)
    n = 10_000
    ogive = sum(
        math.pi * (math.sqrt(rho**2 - (length - (k + 0.5) / n * length) ** 2) + radius - rho) ** 2
        for k in range(n)
    ) * (length / n)
    assert skyrack.registry().launch_vehicle("falcon-9-reusable").fairing_volume_m3 == (
        pytest.approx(cylinder + ogive, abs=0.1)
    )


# --- accelerators ---------------------------------------------------------------------------------


def test_h100_host_share_and_mass_come_from_the_dgx_h100() -> None:
    """(10.2 kW − 8 × 700 W) / (8 × 700 W) of host power and 130.45 kg / 8 of mass per GPU."""
    h100 = skyrack.registry().compute_payload("h100-sxm")
    assert h100.host_power_fraction == pytest.approx((10_200 - 8 * 700) / (8 * 700))
    assert h100.mass_kg == pytest.approx(130.45 / 8)
    assert h100.bf16_dense_tflops == 989
    assert h100.dense_tflops["fp8"] == pytest.approx(2 * 989, rel=0.001)


def test_b200_host_share_and_mass_come_from_dgx_b200_and_nvl72() -> None:
    """(14.3 kW − 8 kW) / 8 kW of host power and 1,360 kg / 72 GPUs of mass."""
    b200 = skyrack.registry().compute_payload("b200")
    assert b200.host_power_fraction == pytest.approx((14_300 - 8_000) / 8_000)
    assert b200.mass_kg == pytest.approx(1360 / 72, abs=0.01)
    assert b200.bf16_dense_tflops == pytest.approx(2250)


def test_permanent_accelerator_failures_are_below_llama3_interruptions() -> None:
    """Llama 3's 268 GPU interruptions in 2,423.9 GPU-years (11 %/yr) bound the permanent rate,
    which also sits below McCalip's 9 %/yr and above Titan's best 0.25 %/yr."""
    interruptions = 268 / (16_384 * 54 / 365)
    assert interruptions == pytest.approx(0.1106, abs=0.0001)
    for payload in skyrack.registry().components("compute_payload"):
        assert isinstance(payload, ComputePayload)
        if payload.name in EXPECTED["accelerators"][1]:
            assert 0.0025 < payload.failure_rate_per_year < min(interruptions, 0.09)


def test_tpu_tolerance_is_suncatchers_tested_dose_and_gpus_are_rated_lower() -> None:
    """The TPU v6e survived 15 krad in Suncatcher's beam; untested GPUs get less credit."""
    registry = skyrack.registry()
    tpu = registry.compute_payload("tpu-v6e")
    assert tpu.tid_tolerance_krad == 15
    assert tpu.bf16_dense_tflops == 918 and tpu.memory_gb == 32
    for name in ("h100-sxm", "b200"):
        assert registry.compute_payload(name).tid_tolerance_krad < tpu.tid_tolerance_krad


def test_rad_derated_tpu_trades_throughput_for_fewer_upsets() -> None:
    """The derated variant is slower, cooler, heavier and dearer, but upsets less and recovers
    faster, and says it is an estimate."""
    registry = skyrack.registry()
    base = registry.compute_payload("tpu-v6e")
    derated = registry.compute_payload("tpu-v6e-rad-derated")
    assert derated.radiation_tolerant and not base.radiation_tolerant
    assert derated.bf16_dense_tflops == pytest.approx(0.75 * base.bf16_dense_tflops)
    assert derated.tdp_w == pytest.approx(base.tdp_w * 0.75 * 0.93**2, rel=0.01)
    assert derated.mass_kg > base.mass_kg
    assert derated.unit_price_usd > base.unit_price_usd
    assert derated.seu_upsets_per_day < base.seu_upsets_per_day
    assert derated.seu_recovery_s < base.seu_recovery_s
    assert derated.tid_tolerance_krad >= base.tid_tolerance_krad
    assert "estimate" in derated.description.lower()
    assert all(source.estimate for source in derated.sources.values() if source.note)


def test_upset_estimates_scale_with_hbm_capacity_for_commercial_parts() -> None:
    """Non-hardened parts share one upset rate per GB of HBM (0.1/day for an 80 GB H100)."""
    per_gb = {
        payload.name: payload.seu_upsets_per_day / payload.memory_gb
        for payload in skyrack.registry().components("compute_payload")
        if isinstance(payload, ComputePayload)
        and payload.name in EXPECTED["accelerators"][1]
        and not payload.radiation_tolerant
    }
    assert per_gb and all(rate == pytest.approx(0.1 / 80) for rate in per_gb.values())


# --- buses ----------------------------------------------------------------------------------------


def test_starlink_class_array_efficiency_is_power_over_area_and_solar_constant() -> None:
    """27 kW from 116 m² at 1,361 W/m² is 17.1 % at array level; payload + housekeeping = 27 kW."""
    bus = skyrack.registry().satellite_bus("starlink-v2-mini-class")
    assert bus.solar_cell_efficiency == pytest.approx(27_000 / (116 * 1361), abs=0.0005)
    assert bus.max_payload_power_w + bus.housekeeping_power_w == pytest.approx(27_000)
    assert bus.dry_mass_kg == pytest.approx(740 - 27_000 / 100 - 120 - 50)


def test_starlink_class_stowed_density_fills_a_falcon_fairing_with_one_batch() -> None:
    """21 satellites × 800 kg in the Falcon fairing's usable volume."""
    registry = skyrack.registry()
    bus = registry.satellite_bus("starlink-v2-mini-class")
    fairing = registry.launch_vehicle("falcon-9-reusable").fairing_volume_m3
    assert bus.stowed_density_kg_per_m3 == pytest.approx(21 * 800 / fairing, abs=0.1)


@pytest.mark.parametrize("name", ["starlink-v2-mini-class", "large-compute-bus"])
def test_bus_hardware_costs_follow_mccalips_800_dollars_per_kg(name: str) -> None:
    """Bus, array and radiator costs are $800/kg times their mass per unit."""
    bus = skyrack.registry().satellite_bus(name)
    assert bus.cost_usd == pytest.approx(800 * bus.dry_mass_kg)
    assert bus.array_cost_usd_per_w == pytest.approx(
        800 / bus.solar_specific_power_w_per_kg, abs=0.005
    )
    assert bus.radiator_cost_usd_per_m2 == pytest.approx(800 * bus.radiator_areal_density_kg_per_m2)


def test_bus_degradation_rates_are_lohmeyer_midpoints_for_their_cell_type() -> None:
    """Silicon buses lose (0.71 + 1.69)/2 %/yr, the triple-junction small bus (0.44 + 1.03)/2."""
    registry = skyrack.registry()
    silicon = (0.71 + 1.69) / 2 / 100
    gaas = (0.44 + 1.03) / 2 / 100
    assert registry.satellite_bus("starlink-v2-mini-class").solar_degradation_per_year == (
        pytest.approx(silicon)
    )
    assert registry.satellite_bus("large-compute-bus").solar_degradation_per_year == (
        pytest.approx(silicon)
    )
    assert registry.satellite_bus("small-bus").solar_degradation_per_year == pytest.approx(gaas)


def test_buses_scale_from_small_to_large() -> None:
    """Payload power, payload mass and dry mass grow from the small bus to the 100 kW bus."""
    registry = skyrack.registry()
    small, mid, large = (
        registry.satellite_bus(n)
        for n in ("small-bus", "starlink-v2-mini-class", "large-compute-bus")
    )
    for field in ("max_payload_power_w", "max_payload_mass_kg", "dry_mass_kg"):
        assert getattr(small, field) < getattr(mid, field) < getattr(large, field), field
    assert large.max_payload_power_w >= 100_000
    assert not small.radiator_two_sided and large.radiator_two_sided


# --- operations -----------------------------------------------------------------------------------


def test_severe_storm_probability_converts_rileys_decade_odds_to_a_year() -> None:
    """12 % per decade with a constant hazard is 1 − 0.88^(1/10) ≈ 1.27 % per year."""
    storm = skyrack.registry().fleet_event("severe-solar-storm")
    assert storm.annual_probability == pytest.approx(1 - 0.88**0.1, abs=0.0001)
    assert 0 < storm.satellite_loss_fraction < storm.accelerator_loss_fraction < 0.5


def test_launch_grounding_lasts_as_long_as_falcon_9s_july_2024_stand_down() -> None:
    """Grounded 12 July, flying again 27 July 2024: 15 days, and nothing lost in orbit."""
    grounding = skyrack.registry().fleet_event("launch-grounding")
    assert grounding.launch_grounding_days == (date(2024, 7, 27) - date(2024, 7, 12)).days == 15
    assert grounding.satellite_loss_fraction == grounding.accelerator_loss_fraction == 0
    assert grounding.annual_probability == pytest.approx(1 - (416 / 419) ** 132, abs=0.001)


def test_replace_failed_policy_replaces_and_run_to_failure_does_not() -> None:
    """replace-failed replaces, replenishes below 90 % and retires; run-to-failure does none."""
    registry = skyrack.registry()
    replace = registry.fleet_policy("replace-failed")
    run = registry.fleet_policy("run-to-failure")
    assert replace.replace_failed_satellites and replace.deorbit_at_design_life
    assert replace.replenish_below_fraction == 0.9
    assert not run.replace_failed_satellites and not run.deorbit_at_design_life
    assert run.replenish_below_fraction == 0


def test_catalog_orbits_are_orbits_the_physics_accepts() -> None:
    """Every catalog orbit derives β_min ≤ β_max within ±90° and has a capacity factor in
    (0, 1]."""
    for orbit in skyrack.registry().components("orbit"):
        assert isinstance(orbit, Orbit)
        g = orbit.geometry()
        assert -90 <= g["beta_min_deg"] <= g["beta_max_deg"] <= 90
        assert 0 < orbit.launch_capacity_factor <= 1
