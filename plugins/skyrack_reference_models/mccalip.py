"""Andrew McCalip's orbital vs terrestrial data-center calculator, as published.

Reproduces ``calculateOrbital`` and ``calculateTerrestrial`` of ``static/js/math.js`` in the
public repository andrewmccalip/thoughts at commit 534b5d7 (December 2025, the version behind
andrewmccalip.com/space-datacenters and its third-party audit of 2025-12-11):

Orbital
    yearly retention r = (1 − solar degradation) × (1 − GPU failure rate); average retention
    = (1 + r + … + r^(n−1)) / n over the n years of the mission; required power = target ÷
    (average retention × sunlight fraction); satellites = ceil(required ÷ satellite power);
    installed power = satellites × satellite power; mass = installed power ÷ W/kg;
    hardware = $/W × installed power; launch = $/kg × mass; operations = 1% of hardware (once,
    not per year); total = hardware + launch + operations + NRE. Failed GPUs are not replaced
    (they are folded into the sizing). $/W and $/MWh are per W of target power and per MWh of
    target power over the mission (no capacity factor).
Ground (gas turbines on site)
    capex = turbine $/kW × PUE ÷ 1000 + electrical + mechanical + civil + network $/W, times
    target power; IT energy = target × hours × capacity factor; fuel = heat rate × gas price ×
    IT energy × PUE; total = capex + fuel; $/MWh per MWh of IT energy.

Baseline (1 GW, 5 years, $1,000/kg): 47,329 satellites, 35,010,493 kg, hardware $28.113B,
launch $35.010B, orbital $63.905B ($63.91/W, $1,459/MWh); ground $15.431B ($414.48/MWh).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from skyrack.components import ModelInput
from skyrack.sources import Source
from skyrack_reference_models import (
    FRACTION_BELOW_ONE,
    FRACTION_POSITIVE,
    NON_NEGATIVE,
    build_model,
)

HOURS_PER_YEAR = 8760.0
"""Hours in a year, as the calculator counts them (365 × 24)."""

CALCULATOR = Source(
    title="Andrew McCalip, orbital vs terrestrial data-center calculator",
    year=2025,
    url="https://andrewmccalip.com/space-datacenters",
    document=(
        "github.com/andrewmccalip/thoughts, static/js/math.js at commit "
        "534b5d7ce7d2437d7eda11de4702b72348d3f9bd (state and constants)"
    ),
    note="default of the calculator's slider or constant",
)
"""The calculator's source code: every default below is its slider default or constant."""


def _source(note: str) -> Source:
    return CALCULATOR.derive(note, estimate=False)


INPUTS: tuple[ModelInput, ...] = (
    ModelInput(
        key="target_power_gw",
        default=1.0,
        unit="GW",
        doc="average compute power delivered over the mission (the calculator's targetGW)",
        source=_source("state.targetGW"),
        plausible=(0.001, 1_000.0),
    ),
    ModelInput(
        key="mission_years",
        default=5.0,
        unit="yr",
        doc="analysis period; retention is averaged year by year, so a whole number",
        source=_source("state.years"),
        minimum=1.0,
        exclusive_minimum=False,
        integer=True,
        maximum=100.0,
        plausible=(1.0, 30.0),
    ),
    ModelInput(
        key="launch_cost_usd_per_kg",
        default=1000.0,
        unit="USD/kg",
        doc="price of launch per kg to orbit (early Starship target)",
        source=_source("state.launchCostPerKg"),
        **NON_NEGATIVE,
        plausible=(0.0, 100_000.0),
    ),
    ModelInput(
        key="satellite_cost_usd_per_w",
        default=22.0,
        unit="USD/W",
        doc="satellite hardware per W of solar nameplate (Starlink V2 Mini, ~$800/kg BOM)",
        source=_source("state.satelliteCostPerW; $590k / 27 kW"),
        **NON_NEGATIVE,
        plausible=(0.1, 1_000.0),
    ),
    ModelInput(
        key="specific_power_w_per_kg",
        default=36.5,
        unit="W/kg",
        doc="solar nameplate W per kg of whole satellite (Starlink V2 Mini: 27 kW / 740 kg)",
        source=_source("state.specificPowerWPerKg"),
        plausible=(1.0, 2_000.0),
    ),
    ModelInput(
        key="satellite_power_kw",
        default=27.0,
        unit="kW",
        doc="solar nameplate power of one satellite (Starlink V2 Mini)",
        source=_source("state.satellitePowerKW"),
        plausible=(0.1, 10_000.0),
    ),
    ModelInput(
        key="sunlight_fraction",
        default=0.98,
        unit="1",
        doc="fraction of the orbit in sunlight (dawn-dusk terminator orbit)",
        source=_source("state.sunFraction"),
        **FRACTION_POSITIVE,
        plausible=(0.3, 1.0),
    ),
    ModelInput(
        key="solar_degradation_per_year",
        default=0.025,
        unit="1/yr",
        doc="fractional loss of solar-cell power per year (silicon cells; 2.5%/yr)",
        source=_source("state.cellDegradation = 2.5 (%/yr)"),
        **FRACTION_BELOW_ONE,
        plausible=(0.0, 0.2),
    ),
    ModelInput(
        key="gpu_failure_rate_per_year",
        default=0.09,
        unit="1/yr",
        doc="fraction of GPUs failing per year, never replaced on orbit (9%/yr, after Meta)",
        source=_source("state.gpuFailureRate = 9 (%/yr)"),
        **FRACTION_BELOW_ONE,
        plausible=(0.0, 0.5),
    ),
    ModelInput(
        key="nre_cost_usd",
        default=500e6,
        unit="USD",
        doc="non-recurring engineering (development) cost",
        source=_source("state.nreCost = 500 ($M)"),
        **NON_NEGATIVE,
        plausible=(0.0, 1e12),
    ),
    ModelInput(
        key="ops_fraction_of_hardware",
        default=0.01,
        unit="1",
        doc="operations (comms, ground infrastructure) as a fraction of hardware, charged once",
        source=_source("constants.ORBITAL_OPS_FRAC (applied once, not per year)"),
        **NON_NEGATIVE,
        plausible=(0.0, 0.5),
    ),
    ModelInput(
        key="starship_payload_kg",
        default=100_000.0,
        unit="kg",
        doc="payload per Starship launch, for the launch count only",
        source=_source("constants.STARSHIP_PAYLOAD_KG"),
        plausible=(1_000.0, 1_000_000.0),
    ),
    ModelInput(
        key="gas_turbine_capex_usd_per_kw",
        default=1450.0,
        unit="USD/kW",
        doc="on-site gas turbine plant per kW of generation (frame CCGT)",
        source=_source("state.gasTurbineCapexPerKW"),
        **NON_NEGATIVE,
        plausible=(100.0, 10_000.0),
    ),
    ModelInput(
        key="pue",
        default=1.2,
        unit="1",
        doc="power usage effectiveness of the ground data center (liquid cooled)",
        source=_source("state.pue"),
        minimum=1.0,
        exclusive_minimum=False,
        plausible=(1.0, 3.0),
    ),
    ModelInput(
        key="electrical_capex_usd_per_w",
        default=5.25,
        unit="USD/W",
        doc="electrical distribution per W of IT load: switchgear, transformers, UPS, gensets",
        source=_source("state.electricalCostPerW"),
        **NON_NEGATIVE,
        plausible=(0.0, 50.0),
    ),
    ModelInput(
        key="mechanical_capex_usd_per_w",
        default=3.0,
        unit="USD/W",
        doc="mechanical and cooling per W of IT load: chillers, CDUs, piping, towers",
        source=_source("state.mechanicalCostPerW"),
        **NON_NEGATIVE,
        plausible=(0.0, 50.0),
    ),
    ModelInput(
        key="civil_capex_usd_per_w",
        default=2.5,
        unit="USD/W",
        doc="civil works and shell per W of IT load: land, building, site preparation",
        source=_source("state.civilCostPerW"),
        **NON_NEGATIVE,
        plausible=(0.0, 50.0),
    ),
    ModelInput(
        key="network_capex_usd_per_w",
        default=1.75,
        unit="USD/W",
        doc="networking and fit-out per W of IT load: fiber, racks, security, BMS",
        source=_source("state.networkCostPerW"),
        **NON_NEGATIVE,
        plausible=(0.0, 50.0),
    ),
    ModelInput(
        key="capacity_factor",
        default=0.85,
        unit="1",
        doc="fraction of the time the ground data center runs at its IT load",
        source=_source("state.capacityFactor"),
        **FRACTION_POSITIVE,
        plausible=(0.3, 1.0),
    ),
    ModelInput(
        key="gas_price_usd_per_mmbtu",
        default=4.30,
        unit="USD/MMBtu",
        doc="natural gas price (EIA 2025 Henry Hub forecast)",
        source=_source("state.gasPricePerMMBtu"),
        **NON_NEGATIVE,
        plausible=(0.5, 100.0),
    ),
    ModelInput(
        key="heat_rate_btu_per_kwh",
        default=6200.0,
        unit="Btu/kWh",
        doc="fuel heat per kWh generated (frame CCGT, 6,200–6,560)",
        source=_source("state.heatRateBtuKwh"),
        plausible=(3_000.0, 20_000.0),
    ),
)
"""Every input of the calculator's cost model, with its published default."""


def average_retention(yearly_retention: float, years: float) -> float:
    """Mean of yearly_retention**year over year = 0 … ceil(years) − 1, divided by ``years``.

    The calculator's loop (``for (year = 0; year < years; year++)``), so year 0 counts in full
    and the last year's loss is never felt. Summed left to right as JavaScript does (Python's
    ``sum`` compensates rounding and could differ in the last bit).
    """
    total = 0.0
    for year in range(math.ceil(years)):
        total += yearly_retention**year
    return total / years


def _fleet(v: Mapping[str, float], retention: float) -> dict[str, float]:
    """Satellites, power, mass, hardware and launch for an average ``retention`` (math.js)."""
    target_w = v["target_power_gw"] * 1000.0 * 1e6
    required_w = target_w / (retention * v["sunlight_fraction"])
    satellite_w = v["satellite_power_kw"] * 1000.0
    satellites = math.ceil(required_w / satellite_w)
    installed_w = satellites * v["satellite_power_kw"] * 1000.0
    mass_per_satellite_kg = satellite_w / v["specific_power_w_per_kg"]
    mass_kg = satellites * mass_per_satellite_kg
    return {
        "average_retention": retention,
        "required_power_w": required_w,
        "satellites": satellites,
        "installed_power_w": installed_w,
        "overbuild_fraction": installed_w / target_w - 1.0,
        "mass_per_satellite_kg": mass_per_satellite_kg,
        "mass_kg": mass_kg,
        "starship_launches": math.ceil(mass_kg / v["starship_payload_kg"]),
        "hardware_cost_usd": v["satellite_cost_usd_per_w"] * installed_w,
        "launch_cost_usd": v["launch_cost_usd_per_kg"] * mass_kg,
    }


def _totals(
    v: Mapping[str, float], orbital: dict[str, float], orbital_total: float
) -> dict[str, float]:
    """The orbital per-W and per-MWh figures, the ground model and the cost ratio."""
    target_mw = v["target_power_gw"] * 1000.0
    target_w = target_mw * 1e6
    hours = v["mission_years"] * HOURS_PER_YEAR
    orbital_energy_mwh = target_mw * hours

    power_plant_usd_per_w = v["gas_turbine_capex_usd_per_kw"] * v["pue"] / 1000.0
    facility_usd_per_w = (
        power_plant_usd_per_w
        + v["electrical_capex_usd_per_w"]
        + v["mechanical_capex_usd_per_w"]
        + v["civil_capex_usd_per_w"]
        + v["network_capex_usd_per_w"]
    )
    ground_buckets = {
        "ground_power_plant_cost_usd": power_plant_usd_per_w * target_w,
        "ground_electrical_cost_usd": v["electrical_capex_usd_per_w"] * target_w,
        "ground_mechanical_cost_usd": v["mechanical_capex_usd_per_w"] * target_w,
        "ground_civil_cost_usd": v["civil_capex_usd_per_w"] * target_w,
        "ground_network_cost_usd": v["network_capex_usd_per_w"] * target_w,
    }
    ground_capex = 0.0
    for bucket in ground_buckets.values():
        ground_capex += bucket
    ground_energy_mwh = target_mw * hours * v["capacity_factor"]
    generation_mwh = ground_energy_mwh * v["pue"]
    fuel_usd_per_mwh = v["heat_rate_btu_per_kwh"] * v["gas_price_usd_per_mmbtu"] / 1000.0
    fuel = fuel_usd_per_mwh * generation_mwh
    ground_total = ground_capex + fuel

    return {
        **orbital,
        "orbital_total_usd": orbital_total,
        "orbital_energy_mwh": orbital_energy_mwh,
        "orbital_usd_per_w": orbital_total / target_w,
        "orbital_usd_per_mwh": orbital_total / orbital_energy_mwh,
        **ground_buckets,
        "ground_capex_usd": ground_capex,
        "ground_capex_usd_per_w": facility_usd_per_w,
        "ground_energy_mwh": ground_energy_mwh,
        "ground_generation_mwh": generation_mwh,
        "ground_fuel_usd_per_mwh": fuel_usd_per_mwh,
        "ground_fuel_cost_usd": fuel,
        "ground_total_usd": ground_total,
        "ground_usd_per_w": ground_total / target_w,
        "ground_usd_per_mwh": ground_total / ground_energy_mwh,
        "orbital_to_ground_cost_ratio": orbital_total / ground_total,
    }


def equations(v: Mapping[str, float]) -> dict[str, float]:
    """The calculator's orbital and ground outputs from checked inputs ``v``: GPU failures are
    folded into the sizing, operations charged once."""
    # Same operations in the same order as math.js, so the floats agree to the last bit.
    yearly_retention = (1.0 - v["solar_degradation_per_year"]) * (
        1.0 - v["gpu_failure_rate_per_year"]
    )
    fleet = _fleet(v, average_retention(yearly_retention, v["mission_years"]))
    hardware = fleet["hardware_cost_usd"]
    ops = hardware * v["ops_fraction_of_hardware"]
    nre = v["nre_cost_usd"]
    orbital = {
        "yearly_retention": yearly_retention,
        **fleet,
        "ops_cost_usd": ops,
        "nre_cost_usd": nre,
    }
    return _totals(v, orbital, hardware + fleet["launch_cost_usd"] + ops + nre)


def replacement_equations(v: Mapping[str, float]) -> dict[str, float]:
    """The calculator's other published form: the fleet is sized for solar degradation only,
    and GPU failures are charged as replacement hardware, a share of the hardware every year,
    with operations per year too (checked inputs ``v``)."""
    years = v["mission_years"]
    yearly_retention = 1.0 - v["solar_degradation_per_year"]
    fleet = _fleet(v, average_retention(yearly_retention, years))
    hardware = fleet["hardware_cost_usd"]
    ops = hardware * v["ops_fraction_of_hardware_per_year"] * years
    replacements = hardware * v["gpu_failure_rate_per_year"] * years
    nre = v["nre_cost_usd"]
    orbital = {
        "yearly_retention": yearly_retention,
        **fleet,
        "ops_cost_usd": ops,
        "gpu_replacement_cost_usd": replacements,
        "nre_cost_usd": nre,
    }
    total = hardware + fleet["launch_cost_usd"] + ops + replacements + nre
    return _totals(v, orbital, total)


MCCALIP = build_model(
    name="mccalip",
    description=(
        "Andrew McCalip's orbital vs terrestrial data-center calculator (andrewmccalip.com/"
        "space-datacenters, math.js of December 2025): Starlink-V2-Mini-like satellites sized "
        "for average power after solar degradation and unreplaced GPU failures, against an "
        "on-site gas-turbine data center. Orbital $/MWh counts target power at 100% of the "
        "time; ground $/MWh counts IT energy at the capacity factor."
    ),
    inputs=INPUTS,
    source=CALCULATOR,
    equations=equations,
)
"""McCalip's calculator as a skyrack reference model."""

ECONOMIST = Source(
    title="The Economist, on orbital data centres, quoting Andrew McCalip's calculator: $51.1B "
    "for 1 GW in orbit against $15.9B on the ground",
    year=2025,
    estimate=True,
    note="the press quotes the orbital total; this form reproduces it with launch $500/kg, "
    "satellite hardware $22/W and NRE $1,000M, 9 %/yr of the hardware for replacement GPUs and "
    "1 %/yr for operations, over 5 years",
)
"""The version of the calculator quoted in the press."""

EARLIER_DEFAULTS = CALCULATOR.derive(
    "the calculator's earlier slider default, as recorded in the DEFAULT_STATE of the audit "
    "scripts in the same repository (audits/v2_first_principles, December 2025)",
    estimate=False,
)


def _replacement_input(model_input: ModelInput) -> ModelInput:
    """The December input, changed where the press version differs."""
    changes: dict[str, dict[str, Any]] = {
        "launch_cost_usd_per_kg": {"default": 500.0, "source": EARLIER_DEFAULTS},
        "nre_cost_usd": {"default": 1e9, "source": EARLIER_DEFAULTS},
        "gpu_failure_rate_per_year": {
            "doc": "fraction of GPUs failing per year, each replaced with new hardware (charged "
            "as that share of the satellite hardware every year)",
            "source": ECONOMIST,
        },
        "ops_fraction_of_hardware": {
            "key": "ops_fraction_of_hardware_per_year",
            "unit": "1/yr",
            "doc": "operations (comms, ground infrastructure) per year as a fraction of hardware",
            "source": ECONOMIST,
        },
    }
    return attrs.evolve(model_input, **changes.get(model_input.key, {}))


REPLACEMENT_INPUTS: tuple[ModelInput, ...] = tuple(_replacement_input(i) for i in INPUTS)
"""The press version's inputs: December's, with its launch price, NRE and yearly charges."""

MCCALIP_REPLACEMENT = build_model(
    name="mccalip-replacement",
    description=(
        "Andrew McCalip's calculator in the form quoted in the press (The Economist: $51.1B in "
        "orbit for 1 GW): satellites sized for solar degradation only, GPU failures charged as "
        "replacement hardware (9 %/yr of the hardware) and operations at 1 %/yr of the "
        "hardware, launch $500/kg, NRE $1B; the same gas-turbine ground model."
    ),
    inputs=REPLACEMENT_INPUTS,
    source=ECONOMIST,
    equations=replacement_equations,
)
"""The calculator's other published form as a skyrack reference model."""
