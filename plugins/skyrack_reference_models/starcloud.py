"""The cost table of Starcloud's white paper "Why we should train AI in space" (2024).

Starcloud (then Lumen Orbit) compared the ten-year cost of powering and cooling a 40 MW
compute cluster on the ground and in orbit (compute hardware excluded on both sides):

Ground
    energy = power × 8,760 h/yr × years × capacity factor × $/kWh ($140M at $0.04/kWh);
    cooling $7M; backup power $20M; total $167M.
Space
    solar array = $/W × power ($2M at ~$0.05/W); launch = ceil(mass ÷ payload per launch) ×
    price per launch (one $5M launch of 100 t); radiation shielding $1.2M; total $8.2M.
Radiator
    the paper sizes its radiators for a two-sided panel at 20 °C (ε 0.92) with one face in
    sunlight and one face seeing Earth (view factor 0.25, albedo 0.3, Earth a 253 K blackbody),
    absorbing sunlight, albedo *and Earth's infrared* at the solar absorptivity 0.09:
    q = 2 ε σ T⁴ − α (S + F a S + F σ T_E⁴) = 770.5 − 136.9 = 633.6 W/m² (the paper prints
    633.08 W/m²), so 40 MW needs 63,130 m², about half the 128,000 m² of a 312.5 W/m² array, as
    the paper says. skyrack.physics.thermal computes it with the paper's two choices stated as
    arguments (Earth IR absorbed at α, one face to Earth); with Kirchhoff's law (Earth IR
    absorbed at ε) and both faces seeing Earth the same sunlit panel rejects 522.8 W/m².

The paper's launch line says "$5M per 100 t = $30/kg"; $5M / 100,000 kg is $50/kg. The model
reports the implied price (``implied_launch_usd_per_kg``, 50) beside the stated one
(``stated_launch_usd_per_kg``, 30), which is a published figure, not an input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from skyrack.components import ModelInput
from skyrack.physics import thermal
from skyrack.physics.orbit import SOLAR_CONSTANT_W_M2, STEFAN_BOLTZMANN_W_M2_K4
from skyrack.sources import Source
from skyrack_reference_models import (
    FRACTION_POSITIVE,
    NON_NEGATIVE,
    build_model,
)

HOURS_PER_YEAR = 8760.0
"""Hours in a year (365 × 24), which reproduces the paper's $140M of energy."""

STATED_LAUNCH_USD_PER_KG = 30.0
"""The paper's own (wrong) $/kg for "$5M per 100 t"; the arithmetic gives $50/kg."""
STATED_RADIATOR_NET_FLUX_W_M2 = 633.08
"""The paper's net heat rejection of its 20 °C two-sided radiator, per m²."""

WHITE_PAPER = Source(
    title="Starcloud (formerly Lumen Orbit), white paper 'Why we should train AI in space'",
    year=2024,
    url="https://starcloudinc.github.io/wp.pdf",
    note="cost table for 40 MW over 10 years, as quoted line by line in critiques",
)
"""The white paper; its cost table is the source of every default below."""


def _source(note: str, *, estimate: bool = False) -> Source:
    return Source(
        title=WHITE_PAPER.title,
        year=WHITE_PAPER.year,
        url=WHITE_PAPER.url,
        estimate=estimate,
        note=note,
    )


INPUTS: tuple[ModelInput, ...] = (
    ModelInput(
        key="power_mw",
        default=40.0,
        unit="MW",
        doc="power of the compute cluster, on the ground and in orbit",
        source=_source("40 MW cluster"),
        plausible=(0.1, 1_000_000.0),
    ),
    ModelInput(
        key="years",
        default=10.0,
        unit="yr",
        doc="period over which the costs are compared",
        source=_source("10 years"),
        plausible=(1.0, 50.0),
    ),
    ModelInput(
        key="electricity_usd_per_kwh",
        default=0.04,
        unit="USD/kWh",
        doc="price of ground electricity",
        source=_source("energy $140M at $0.04/kWh"),
        **NON_NEGATIVE,
        plausible=(0.001, 2.0),
    ),
    ModelInput(
        key="ground_capacity_factor",
        default=1.0,
        unit="1",
        doc="fraction of the time the ground cluster draws its full power",
        source=_source(
            "not stated; 1.0 reproduces $140M (40 MW × 8,760 h × 10 yr × $0.04/kWh)",
            estimate=True,
        ),
        **FRACTION_POSITIVE,
        plausible=(0.3, 1.0),
    ),
    ModelInput(
        key="ground_cooling_usd",
        default=7e6,
        unit="USD",
        doc="cooling of the ground data center over the period",
        source=_source("cooling $7M"),
        **NON_NEGATIVE,
        plausible=(0.0, 1e11),
    ),
    ModelInput(
        key="ground_backup_power_usd",
        default=20e6,
        unit="USD",
        doc="backup power of the ground data center",
        source=_source("backup power $20M"),
        **NON_NEGATIVE,
        plausible=(0.0, 1e11),
    ),
    ModelInput(
        key="solar_array_usd_per_w",
        default=0.05,
        unit="USD/W",
        doc="solar array cost per W of cluster power",
        source=_source("solar array $2M (~$0.05/W)"),
        **NON_NEGATIVE,
        plausible=(0.01, 1_000.0),
    ),
    ModelInput(
        key="launch_mass_kg",
        default=100_000.0,
        unit="kg",
        doc="mass launched to orbit",
        source=_source("one launch of 100 t"),
        plausible=(100.0, 1e8),
    ),
    ModelInput(
        key="launch_payload_kg",
        default=100_000.0,
        unit="kg",
        doc="payload of one launch (a fully reusable Starship)",
        source=_source("one launch of 100 t"),
        plausible=(100.0, 1_000_000.0),
    ),
    ModelInput(
        key="launch_price_usd",
        default=5e6,
        unit="USD",
        doc="price of one launch",
        source=_source("one launch $5M"),
        **NON_NEGATIVE,
        plausible=(100_000.0, 5e9),
    ),
    ModelInput(
        key="radiation_shielding_usd",
        default=1.2e6,
        unit="USD",
        doc="radiation shielding of the orbital cluster",
        source=_source("radiation shielding $1.2M"),
        **NON_NEGATIVE,
        plausible=(0.0, 1e10),
    ),
    ModelInput(
        key="radiator_temperature_k",
        default=293.15,
        unit="K",
        doc="radiator surface temperature",
        source=_source("radiator at 20 °C"),
    ),
    ModelInput(
        key="radiator_emissivity",
        default=0.92,
        unit="1",
        doc="infrared emissivity of the radiator",
        source=_source("emissivity 0.92"),
        **FRACTION_POSITIVE,
    ),
    ModelInput(
        key="radiator_absorptivity",
        default=0.09,
        unit="1",
        doc="absorptivity of the radiator, applied to sunlight, albedo and Earth's infrared",
        source=_source("absorptivity 0.09"),
        **FRACTION_POSITIVE,
    ),
    ModelInput(
        key="view_factor_earth",
        default=0.25,
        unit="1",
        doc="view factor from the Earth-facing radiator face to the Earth",
        source=_source("view factor to Earth 0.25"),
        **FRACTION_POSITIVE,
    ),
    ModelInput(
        key="earth_albedo",
        default=0.3,
        unit="1",
        doc="Earth's albedo",
        source=_source("albedo 0.3"),
        **FRACTION_POSITIVE,
    ),
    ModelInput(
        key="earth_temperature_k",
        default=253.0,
        unit="K",
        doc="temperature of the Earth as an infrared blackbody",
        source=_source("Earth IR at ~253 K"),
    ),
    ModelInput(
        key="solar_constant_w_m2",
        default=SOLAR_CONSTANT_W_M2,
        unit="W/m^2",
        doc="sunlight on the sunlit radiator face (skyrack's solar constant; the paper's 633.08 "
        "W/m² implies ~1,366)",
        source=Source(
            title="Kopp & Lean, A new, lower value of total solar irradiance, Geophys. Res. "
            "Lett. 38, L01706",
            year=2011,
            note="1361 W/m²; the paper does not print the value it used",
        ),
    ),
    ModelInput(
        key="array_w_per_m2",
        default=312.5,
        unit="W/m^2",
        doc="solar array output per m², to compare the radiator with the array",
        source=_source("solar 312.5 W/m² of array; radiator about half the solar area"),
    ),
)
"""Every input of the white paper's cost table, with its published value."""


def equations(v: Mapping[str, float]) -> dict[str, float]:
    """The white paper's ground and space costs from checked inputs ``v``."""
    power_kw = v["power_mw"] * 1000.0
    hours = HOURS_PER_YEAR * v["years"]
    energy_mwh = v["power_mw"] * hours * v["ground_capacity_factor"]
    space_energy_mwh = v["power_mw"] * hours  # the paper claims >95% sunlight; the table uses all

    energy = power_kw * hours * v["ground_capacity_factor"] * v["electricity_usd_per_kwh"]
    ground_total = energy + v["ground_cooling_usd"] + v["ground_backup_power_usd"]

    array = v["solar_array_usd_per_w"] * v["power_mw"] * 1e6
    launches = math.ceil(v["launch_mass_kg"] / v["launch_payload_kg"])
    launch = launches * v["launch_price_usd"]
    space_total = array + launch + v["radiation_shielding_usd"]

    net_flux = float(
        thermal.radiator_net_flux_w_m2(
            v["radiator_temperature_k"],
            v["radiator_emissivity"],
            v["radiator_absorptivity"],
            v["view_factor_earth"],
            albedo=v["earth_albedo"],
            earth_ir_w_m2=STEFAN_BOLTZMANN_W_M2_K4 * v["earth_temperature_k"] ** 4,
            solar_flux_w_m2=v["solar_constant_w_m2"],
            solar_constant_w_m2=v["solar_constant_w_m2"],
            earth_ir_absorptivity=v["radiator_absorptivity"],
            faces_viewing_earth=1,
        )
    )
    emitted = (
        2.0 * v["radiator_emissivity"] * STEFAN_BOLTZMANN_W_M2_K4 * v["radiator_temperature_k"] ** 4
    )
    radiator_m2 = v["power_mw"] * 1e6 / net_flux if net_flux > 0 else math.inf
    array_m2 = v["power_mw"] * 1e6 / v["array_w_per_m2"]

    return {
        "radiator_emitted_w_m2": emitted,
        "radiator_absorbed_w_m2": emitted - net_flux,
        "radiator_net_flux_w_m2": net_flux,
        "stated_radiator_net_flux_w_m2": STATED_RADIATOR_NET_FLUX_W_M2,
        "radiator_area_m2": radiator_m2,
        "solar_array_area_m2": array_m2,
        "radiator_to_array_area_ratio": radiator_m2 / array_m2,
        "ground_energy_mwh": energy_mwh,
        "ground_energy_cost_usd": energy,
        "ground_cooling_cost_usd": v["ground_cooling_usd"],
        "ground_backup_power_cost_usd": v["ground_backup_power_usd"],
        "ground_total_usd": ground_total,
        "ground_usd_per_mwh": ground_total / energy_mwh,
        "space_solar_array_cost_usd": array,
        "launches": launches,
        "space_launch_cost_usd": launch,
        "space_radiation_shielding_cost_usd": v["radiation_shielding_usd"],
        "space_total_usd": space_total,
        "space_energy_mwh": space_energy_mwh,
        "space_usd_per_mwh": space_total / space_energy_mwh,
        "ground_to_space_cost_ratio": ground_total / space_total if space_total else math.inf,
        "implied_launch_usd_per_kg": launch / v["launch_mass_kg"],
        "stated_launch_usd_per_kg": STATED_LAUNCH_USD_PER_KG,
    }


STARCLOUD = build_model(
    name="starcloud",
    description=(
        "Starcloud's (formerly Lumen Orbit's) white paper 'Why we should train AI in space' "
        "(2024): ten-year power and cooling cost of a 40 MW cluster, ground ($167M) vs orbit "
        "($8.2M), and its radiator sizing (633 W/m² at 20 °C); compute hardware is left out on "
        "both sides. Known error: the paper states "
        "'$5M per 100 t = $30/kg', which is $50/kg (implied_launch_usd_per_kg vs "
        "stated_launch_usd_per_kg)."
    ),
    inputs=INPUTS,
    source=WHITE_PAPER,
    equations=equations,
)
"""Starcloud's white-paper table as a skyrack reference model."""
