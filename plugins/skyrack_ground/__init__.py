"""Built-in skyrack plugin: ground baselines — a grid-powered hyperscale site and McCalip's
off-grid gas-turbine site.

Derived numbers (McCalip's facility $/W as the sum of his four buckets, fuel $/MWh from heat rate
and gas price, CO2 per MWh from the gas emission factor, the US grid's CO2 intensity from EIA's
totals) are computed here from named inputs, and each source's note shows the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import GroundBaseline, Source, hookimpl

# --- McCalip's off-grid gas-turbine model -----------------------------------------------------

MCCALIP_TURBINE_USD_PER_KW = 1_450.0
MCCALIP_ELECTRICAL_USD_PER_W = 5.25
MCCALIP_MECHANICAL_USD_PER_W = 3.00
MCCALIP_CIVIL_USD_PER_W = 2.50
MCCALIP_NETWORK_USD_PER_W = 1.75
MCCALIP_HEAT_RATE_BTU_PER_KWH = 6_200.0
MCCALIP_GAS_USD_PER_MMBTU = 4.30
MCCALIP_PUE = 1.2
MCCALIP_CAPACITY_FACTOR = 0.85

GAS_CO2_KG_PER_MMBTU = 53.06
"""EIA's CO2 emission coefficient of natural gas (116.65 lb/MMBtu)."""

# --- US grid ----------------------------------------------------------------------------------

EIA_2023_CO2_T = 1_532e6
EIA_2023_GENERATION_KWH = 4_183_271e6
"""EIA, 2023 US utility-scale net generation (4,183,271 million kWh) and its CO2 (1,532 Mt)."""

MCCALIP = Source(
    title="Andrew McCalip, orbital vs terrestrial data-center calculator, ground model "
    "(github.com/andrewmccalip/thoughts, static/js/math.js): turbine $1,450/kW, PUE 1.2, "
    "electrical $5.25/W, mechanical $3.00/W, civil $2.50/W, network $1.75/W, capacity factor "
    "0.85, gas $4.30/MMBtu, heat rate 6,200 Btu/kWh",
    year=2025,
    url="https://github.com/andrewmccalip/thoughts/blob/main/static/js/math.js",
    note="the calculator's slider defaults",
)
CUSHMAN = Source(
    title="Cushman & Wakefield, Data Center Development Cost Guide ($9.3–15.0M per MW, average "
    "$11.7M, construction)",
    year=2025,
    url="https://www.cushmanwakefield.com/en/united-states/insights/data-center-development-"
    "cost-guide",
    note="$11.7M per MW of IT load = $11.7/W",
)
EIA_PRICE = Source(
    title="US EIA, Electric Power Monthly: average retail price of electricity to industrial "
    "customers (~8 ¢/kWh)",
    year=2024,
    url="https://www.eia.gov/electricity/monthly/",
    note="US industrial electricity ~8 ¢/kWh = ~$80/MWh",
)
GOOGLE_PUE = Source(
    title="Google, Data center efficiency (fleet trailing-twelve-month PUE ~1.1)",
    year=2024,
    url="https://www.google.com/about/datacenters/efficiency/",
    note="~1.1 at hyperscale; the industry average is 1.56 (Uptime Institute, Global Data Center "
    "Survey 2024)",
)
UPTIME_TIER = Source(
    title="Uptime Institute Tier Standard: Tier III concurrently maintainable sites, ~99.98 % "
    "expected availability",
    year=2018,
    url="https://uptimeinstitute.com/tiers",
    estimate=True,
    note="a grid-fed hyperscale site with on-site backup delivers power ~99.98 % of hours",
).with_range(0.999, 0.99995, "from Tier II-like 99.9 % to Tier IV's 99.995 %")
OPEX = Source(
    title="McCalip calculator constants: NATGAS_MAINTENANCE_FRAC = 0.03 (declared, not applied "
    "in his ground total)",
    year=2025,
    url="https://github.com/andrewmccalip/thoughts/blob/main/static/js/math.js",
    estimate=True,
    note="staff, maintenance and insurance ≈ 3 % of facility capex per year; McCalip's baseline "
    "total charges no ground opex, so set 0 to reproduce it exactly",
).with_range(0.01, 0.05, "1–5 % of facility capex a year")
SEMIANALYSIS_LIFE = Source(
    title="SemiAnalysis, To Boldly Go (orbital data centers; useful life 15 years on the ground "
    "vs 5 in space)",
    year=2026,
    estimate=True,
    note="15 years: the ground useful life SemiAnalysis assumes (from a summary of the report); "
    "the building outlives several accelerator generations",
).with_range(10.0, 20.0, "10 years of a short-lived build to 20 of a long-lived shell")
LBNL_WATER = Source(
    title="Shehabi et al., United States Data Center Energy Usage Report, LBNL-1005775 (1.8 L "
    "of water consumed on site per kWh; 7.6 L/kWh more at the power plants)",
    year=2016,
    url="https://eta.lbl.gov/publications/united-states-data-center-energy",
    note="on-site consumption only; hyperscale sites range from near zero (dry cooling) upward",
)
EIA_CO2 = Source(
    title="US EIA FAQ: How much carbon dioxide is produced per kilowatthour of U.S. electricity "
    "generation? (2023: 1,532 Mt CO2 for 4,183 billion kWh, 0.81 lb/kWh)",
    year=2024,
    url="https://www.eia.gov/tools/faqs/faq.php?id=74&t=11",
    note="1,532e9 kg / 4,183.271e9 kWh = 0.3662 kg/kWh = 366.2 kg/MWh (2022: 0.86 lb/kWh ≈ 390)",
)
EIA_GAS_COEFFICIENT = Source(
    title="US EIA, Carbon dioxide emissions coefficients (natural gas 53.06 kg CO2/MMBtu)",
    year=2024,
    url="https://www.eia.gov/environment/emissions/co2_vol_mass.php",
    note="53.06 kg/MMBtu × 6.2 MMBtu/MWh (heat rate 6,200 Btu/kWh) = 329.0 kg/MWh of electricity",
)
INTERCONNECT = Source(
    title="skyrack estimate: time from decision to energised IT load on the grid",
    year=2026,
    estimate=True,
    note="3 years: large-load grid interconnections in constrained US markets take years (LBNL's "
    "'Queued Up' finds ~5-year median queue times for new generators); building the hall is "
    "~18–24 months in parallel",
).with_range(1.5, 6.0, "from a site with power already secured to a 5–6 year interconnection queue")
ONSITE_GAS_TIME = Source(
    title="skyrack estimate: time to power with on-site gas generation",
    year=2026,
    estimate=True,
    note="1.5 years: skips the grid queue (xAI-style behind-the-meter turbines); limited by "
    "turbine lead times and air permits",
).with_range(1.0, 3.0, "from turbines on hand to multi-year turbine lead times")


def hyperscale_grid() -> GroundBaseline:
    """A grid-powered hyperscale data center at today's US construction costs."""
    carbon = EIA_2023_CO2_T * 1000 / EIA_2023_GENERATION_KWH * 1000
    return GroundBaseline(
        name="hyperscale-grid",
        description="A grid-powered US hyperscale data center: Cushman & Wakefield's average "
        "build cost, EIA's industrial electricity price and grid CO2 intensity, Google-class PUE.",
        facility_capex_usd_per_w=11.7,
        power_plant_capex_usd_per_w=0.0,
        energy_price_usd_per_mwh=80.0,
        pue=1.1,
        capacity_factor=0.9998,
        opex_fraction_per_year=0.03,
        lifetime_years=15.0,
        time_to_power_years=3.0,
        water_l_per_kwh=1.8,
        carbon_kg_per_mwh=round(carbon, 1),
        replaces_failed_accelerators=True,
        sources={
            "facility_capex_usd_per_w": CUSHMAN,
            "power_plant_capex_usd_per_w": Source(
                title="Grid-connected site: no on-site generation",
                year=2026,
                note="0 by construction; the generation is in the energy price",
            ),
            "energy_price_usd_per_mwh": EIA_PRICE,
            "pue": GOOGLE_PUE,
            "capacity_factor": UPTIME_TIER,
            "opex_fraction_per_year": OPEX,
            "lifetime_years": SEMIANALYSIS_LIFE,
            "time_to_power_years": INTERCONNECT,
            "water_l_per_kwh": LBNL_WATER,
            "carbon_kg_per_mwh": EIA_CO2,
        },
    )


def offgrid_gas_turbine() -> GroundBaseline:
    """McCalip's ground model: an off-grid site with its own gas turbines."""
    facility = (
        MCCALIP_ELECTRICAL_USD_PER_W
        + MCCALIP_MECHANICAL_USD_PER_W
        + MCCALIP_CIVIL_USD_PER_W
        + MCCALIP_NETWORK_USD_PER_W
    )
    fuel = MCCALIP_HEAT_RATE_BTU_PER_KWH * MCCALIP_GAS_USD_PER_MMBTU / 1000
    carbon = GAS_CO2_KG_PER_MMBTU * MCCALIP_HEAT_RATE_BTU_PER_KWH / 1000
    return GroundBaseline(
        name="offgrid-gas-turbine",
        description="Andrew McCalip's terrestrial baseline: an off-grid data center with on-site "
        "gas turbines (xAI-style), his capex buckets, PUE 1.2 and fuel at 6,200 Btu/kWh and "
        "$4.30/MMBtu.",
        facility_capex_usd_per_w=facility,
        power_plant_capex_usd_per_w=MCCALIP_TURBINE_USD_PER_KW / 1000,
        energy_price_usd_per_mwh=round(fuel, 2),
        pue=MCCALIP_PUE,
        capacity_factor=MCCALIP_CAPACITY_FACTOR,
        opex_fraction_per_year=0.03,
        lifetime_years=15.0,
        time_to_power_years=1.5,
        water_l_per_kwh=1.8,
        carbon_kg_per_mwh=round(carbon, 1),
        replaces_failed_accelerators=True,
        sources={
            "facility_capex_usd_per_w": MCCALIP.derive(
                note=f"electrical 5.25 + mechanical 3.00 + civil 2.50 + network 1.75 = "
                f"${facility:.2f}/W of IT load",
                estimate=False,
            ),
            "power_plant_capex_usd_per_w": MCCALIP.derive(
                note="$1,450/kW = $1.45/W of generation; skyrack multiplies by PUE as McCalip "
                "does ($1.45 × 1.2 = $1.74 per W of IT load)",
                estimate=False,
            ),
            "energy_price_usd_per_mwh": MCCALIP.derive(
                note=f"fuel only: 6,200 Btu/kWh × $4.30/MMBtu / 1000 = ${fuel:.2f}/MWh "
                "(EIA: gas generation costs ~$27/MWh in fuel)",
                estimate=False,
            ),
            "pue": MCCALIP,
            "capacity_factor": MCCALIP,
            "opex_fraction_per_year": OPEX,
            "lifetime_years": SEMIANALYSIS_LIFE,
            "time_to_power_years": ONSITE_GAS_TIME,
            "water_l_per_kwh": LBNL_WATER.derive(
                note="the US on-site average of 1.8 L/kWh for cooling; simple-cycle turbines add "
                "little (McCalip's model has no water term)",
            ).with_range(0.2, 2.5, "from near-dry cooling to evaporative cooling in a hot climate"),
            "carbon_kg_per_mwh": EIA_GAS_COEFFICIENT,
        },
    )


CATALOG: tuple[Callable[[], GroundBaseline], ...] = (hyperscale_grid, offgrid_gas_turbine)


@hookimpl
def register_ground_baselines(register: Callable[[GroundBaseline], None]) -> None:
    """Register the built-in ground baselines."""
    for build in CATALOG:
        register(build())
