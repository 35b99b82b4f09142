"""Built-in skyrack plugin: satellite buses, from a Starlink V2 mini-class bus to a 100 kW one.

Almost everything here is an estimate: no operator publishes a bus's mass or cost breakdown.
The Starlink-class numbers are built from the published whole-satellite figures (~740 kg,
~27 kW, ~116 m² of array) by a stated split, and hardware is costed at McCalip's ~$800/kg
manufacturing cost for Starlink-scale production, so bus, array and radiator costs follow from
their masses. Each source's note shows the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable

from skyrack import SatelliteBus, Source, hookimpl

SOLAR_CONSTANT_W_M2 = 1_361.0

STARLINK_MASS_KG = 740.0
STARLINK_POWER_W = 27_000.0
STARLINK_ARRAY_M2 = 116.0
STARLINK_COMMS_PAYLOAD_KG = 120.0
STARLINK_PROPELLANT_KG = 50.0
STARLINK_HOUSEKEEPING_W = 2_000.0
STARLINK_ARRAY_W_PER_KG = 100.0

MANUFACTURING_USD_PER_KG = 800.0
"""McCalip's Starlink V2 mini bill of materials, ~$590k / 740 kg ≈ $800/kg."""

FALCON_FAIRING_M3 = 152.4
STARLINK_BATCH_KG = 21 * 800.0

LOHMEYER_SI = (0.0071, 0.0169)
LOHMEYER_GAAS = (0.0044, 0.0103)

# --- sources ----------------------------------------------------------------------------------

MCCALIP = Source(
    title="Andrew McCalip, orbital vs terrestrial data-center calculator (github.com/andrewmccalip/"
    "thoughts, static/js/math.js): Starlink V2 mini 740 kg, 27 kW, 116 m² array; satellite "
    "hardware $22/W 'BOM at $800/kg'; radiator emissivity 0.90 (white paint/OSR)",
    year=2025,
    url="https://github.com/andrewmccalip/thoughts/blob/main/static/js/math.js",
    note="Starlink V2 mini ~740 kg, ~27 kW, ~116 m² of array as the calculator states them "
    "(secondary estimates: SpaceX publishes none)",
)
STARCLOUD = Source(
    title="Starcloud (formerly Lumen Orbit), Why we should train AI in space (white paper): "
    "radiator emissivity 0.92, absorptivity 0.09, two-sided",
    year=2024,
    url="https://starcloudinc.github.io/wp.pdf",
    note="vendor claims",
)
LOHMEYER = Source(
    title="Lohmeyer, Aniceto, Cahoy & Carlton, On-orbit solar array degradation from GEO "
    "telemetry, Int. J. Space Sci. Eng. 5(1) (GaAs 0.44–1.03 %/yr, Si 0.71–1.69 %/yr)",
    year=2018,
    estimate=True,
)
CTA = Source(
    title="Mikulas, Pappa, Warren & Rose, NASA NTRS 20150006022: state-of-the-art 30–50 kW "
    "flexible blanket arrays ~150 W/kg at wing level (incl. structure), ~40 kW/m³ stowed",
    year=2015,
    url="https://ntrs.nasa.gov/citations/20150006022",
    note="wing level: cells, blanket, mast and deployment structure",
)
WING_LEVEL_RANGE = Source(
    title="Space solar array wings, specific power at wing level: Stella, Kurland & Mesch, JPL "
    "Advanced Photovoltaic Solar Array, IEEE PVSC 1993 (130 W/kg); Mikulas et al., NASA NTRS "
    "20150006022 (flexible blankets ~150 W/kg); ISS solar array wing ~31 kW for >1,100 kg "
    "(28 W/kg); iROSA >20–28 kW for ~340 kg (59–82 W/kg, derived)",
    year=2015,
    url="https://ntrs.nasa.gov/citations/20150006022",
    estimate=True,
)
XTJ = Source(
    title="Fetzer et al. (Spectrolab), Production ready 30 % efficient triple junction space "
    "solar cells, IEEE PVSC (XTJ average 29.8 % AM0 BOL, bare cell)",
    year=2008,
    estimate=True,
)
NASA_ATCS = Source(
    title="NASA, International Space Station Active Thermal Control System (ATCS) overview: six "
    "main radiator panels of 23.3 m × 3.4 m rejecting 70 kW (main radiators ~14 kg/m²); lighter "
    "deployable designs 5–8 kg/m² at 320–350 K",
    year=2010,
    url="https://www.nasa.gov/pdf/473486main_iss_atcs_overview.pdf",
    estimate=True,
)
ORBITAL_INDEX = Source(
    title="The Orbital Index, issue 208: Starlink V2 mini argon Hall thrusters, 2,500 s Isp, "
    "2.4× the thrust and 1.5× the Isp of the first-generation (krypton) thrusters",
    year=2023,
    url="https://orbitalindex.com/archive/2023-03-01-Issue-208",
)
MCDOWELL_FAILURES = Source(
    title="Jonathan McDowell's Starlink statistics as reported by Advanced Television, 'Study: "
    "problems with Starlink reliability' (2020 launches 2–8: 17 of 420 failed; launches 9–16: "
    "5 of 473); SpaceX told the FCC it expects < 1 %",
    year=2021,
    url="https://advanced-television.com/2021/01/08/study-problems-with-starlink-reliability/",
    estimate=True,
)
BATTERY = Source(
    title="skyrack estimate: Li-ion battery pack specific energy",
    year=2026,
    estimate=True,
)
BNEF_PACK_USD_PER_KWH = 115.0
"""BloombergNEF's 2024 survey: average lithium-ion battery pack price, all sectors."""
SPACE_PACK_FACTOR = 10.0
"""Screened, matched cells in a vibration- and vacuum-qualified pack with its own battery
management: taken as ten times an automotive pack (skyrack estimate)."""
SMALL_LOT_BATTERY_USD_PER_KWH = BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR * 10
"""A space-qualified pack built in small lots: ten times the constellation pack."""
BNEF_2024 = Source(
    title="BloombergNEF, Lithium-Ion Battery Pack Prices See Largest Drop Since 2017, Falling to "
    "$115 per Kilowatt-Hour (2024 battery price survey)",
    year=2024,
    url="https://about.bnef.com/blog/lithium-ion-battery-pack-prices-see-largest-drop-since-2017-"
    "falling-to-115-per-kilowatt-hour-bloombergnef/",
    estimate=True,
    note=f"mass-produced constellation battery = automotive pack ${BNEF_PACK_USD_PER_KWH:g}/kWh × "
    f"{SPACE_PACK_FACTOR:g} for cell screening and matching, a vibration- and thermal-vacuum-"
    f"qualified enclosure, battery management and lot testing = "
    f"${BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR:,.0f}/kWh (the factor is a skyrack estimate; "
    "no constellation operator publishes its battery cost)",
).with_range(
    BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR / 2,
    BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR * 2,
    "the space-qualification factor, the estimated part, halved or doubled",
)
INTEGRATION = Source(
    title="skyrack estimate: integration and test as a fraction of hardware cost (after Wertz & "
    "Larson, Space Mission Analysis and Design, 3rd ed., cost models)",
    year=1999,
    estimate=True,
)


def _estimate(title: str, note: str, year: int = 2026) -> Source:
    return Source(title=title, year=year, estimate=True, note=note)


def starlink_v2_mini_class() -> SatelliteBus:
    """A bus like Starlink V2 mini's, its communications payload swapped for compute."""
    array_kg = STARLINK_POWER_W / STARLINK_ARRAY_W_PER_KG
    dry = STARLINK_MASS_KG - array_kg - STARLINK_COMMS_PAYLOAD_KG - STARLINK_PROPELLANT_KG
    efficiency = STARLINK_POWER_W / (STARLINK_ARRAY_M2 * SOLAR_CONSTANT_W_M2)
    degradation = sum(LOHMEYER_SI) / 2
    radiator_kg_m2 = 6.5
    return SatelliteBus(
        name="starlink-v2-mini-class",
        description="A ~740 kg, ~27 kW, ~116 m² bus like Starlink V2 mini's with its phased-array "
        "communications payload replaced by compute; silicon array, argon Hall thrusters. "
        "Built from published whole-satellite estimates.",
        dry_mass_kg=dry,
        max_payload_power_w=STARLINK_POWER_W - STARLINK_HOUSEKEEPING_W,
        max_payload_mass_kg=600.0,
        housekeeping_power_w=STARLINK_HOUSEKEEPING_W,
        solar_cell_efficiency=round(efficiency, 4),
        solar_specific_power_w_per_kg=STARLINK_ARRAY_W_PER_KG,
        solar_degradation_per_year=degradation,
        radiator_areal_density_kg_per_m2=radiator_kg_m2,
        radiator_emissivity=0.90,
        radiator_absorptivity=0.09,
        radiator_two_sided=True,
        battery_specific_energy_wh_per_kg=150.0,
        battery_cost_usd_per_kwh=BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR,
        stowed_density_kg_per_m3=round(STARLINK_BATCH_KG / FALCON_FAIRING_M3, 1),
        propulsion_isp_s=2_500.0,
        design_life_years=5.0,
        failure_rate_per_year=0.02,
        cost_usd=MANUFACTURING_USD_PER_KG * dry,
        array_cost_usd_per_w=MANUFACTURING_USD_PER_KG / STARLINK_ARRAY_W_PER_KG,
        radiator_cost_usd_per_m2=MANUFACTURING_USD_PER_KG * radiator_kg_m2,
        integration_cost_fraction=0.10,
        sources={
            "dry_mass_kg": _estimate(
                "skyrack estimate: Starlink V2 mini split into bus, array, payload, propellant",
                f"740 kg satellite (McCalip) − array 27,000 W / 100 W/kg = 270 kg "
                f"− phased-array/laser comms payload ~120 kg − argon ~50 kg = {dry:g} kg",
            ).with_range(
                220.0,
                400.0,
                "the split of a 740 kg satellite: array 200–350 kg, comms payload 80–160 kg",
            ),
            "max_payload_power_w": _estimate(
                "skyrack estimate from McCalip's 27 kW V2 mini",
                "27,000 W array − 2,000 W housekeeping = 25,000 W for the payload",
            ).with_range(22000.0, 26000.0, "1–5 kW of the 27 kW array kept for the bus"),
            "max_payload_mass_kg": _estimate(
                "skyrack estimate: payload (compute, shielding, radiators) the bus can carry",
                "a 740 kg satellite carrying today ~440 kg of array, comms and propellant; "
                "allow 600 kg of compute + shielding + radiators (~20 H100 ≈ 330 kg plus ~35 m² "
                "of radiator ≈ 230 kg for 25 kW)",
            ).with_range(450.0, 800.0, "what a structure built for a 740 kg satellite may carry"),
            "housekeeping_power_w": _estimate(
                "skyrack estimate: bus housekeeping power",
                "avionics, attitude control, inter-satellite lasers, thermal pumps: ~2 kW, "
                "7 % of the 27 kW array",
            ).with_range(1000.0, 4000.0, "4–15 % of the 27 kW array"),
            "solar_cell_efficiency": MCCALIP.derive(
                note=f"array-level AM0: 27,000 W / (116 m² × 1,361 W/m²) = {efficiency:.4f}, "
                "consistent with ~20 % silicon cells at a ~0.85 packing factor",
            ).with_range(0.15, 0.2, "±~12 %: the 116 m² and 27 kW are secondary estimates"),
            "solar_specific_power_w_per_kg": WING_LEVEL_RANGE.derive(
                note="wing level, 100 W/kg: between iROSA's derived 59–82 W/kg and the 130–150 "
                "W/kg of flexible blanket wings; SpaceX publishes no array mass",
            ).with_range(
                60.0,
                150.0,
                "from iROSA's derived 59–82 W/kg to flexible blanket wings' 130–150 W/kg",
            ),
            "solar_degradation_per_year": LOHMEYER.derive(
                note="silicon midpoint (0.71 + 1.69) / 2 = 1.2 %/yr; GEO telemetry used as a LEO "
                "proxy (no sourced LEO rate)",
            ).with_range(0.0071, 0.0169, "Lohmeyer et al.'s silicon range"),
            "radiator_areal_density_kg_per_m2": NASA_ATCS.derive(
                note="6.5 kg/m², the middle of the 5–8 kg/m² of lighter deployable radiators "
                "(ISS main radiators ~14 kg/m²)",
            ).with_range(5.0, 8.0, "the 5–8 kg/m² of lighter deployable radiators"),
            "radiator_emissivity": MCCALIP,
            "radiator_absorptivity": STARCLOUD,
            "battery_specific_energy_wh_per_kg": BATTERY.derive(
                note="mass-produced automotive-class Li-ion cells (~250 Wh/kg) packaged at ~60 % "
                "→ 150 Wh/kg at pack level",
            ).with_range(
                100.0,
                200.0,
                "from space-qualified packs (~100–120 Wh/kg) to automotive packs (~200 Wh/kg)",
            ),
            "battery_cost_usd_per_kwh": BNEF_2024,
            "stowed_density_kg_per_m3": _estimate(
                "skyrack estimate: a Starlink batch fills a Falcon 9 fairing",
                "21 V2 minis × ~800 kg = 16,800 kg (FCC filings as reported by t3n.de, 2023) "
                "in the fairing's 152.4 m³ usable envelope = 110.2 kg/m³",
            ).with_range(90.0, 130.0, "18 to 24 satellites of 740–800 kg in the same envelope"),
            "propulsion_isp_s": ORBITAL_INDEX,
            "design_life_years": _estimate(
                "skyrack estimate: Starlink design life",
                "~5 years, the life SpaceX plans for Starlink satellites before replacement; "
                "also the mission length of Suncatcher and McCalip",
            ).with_range(5.0, 7.0, "5 years as planned; flight experience may stretch it to ~7"),
            "failure_rate_per_year": MCDOWELL_FAILURES.derive(
                note="17 / 420 = 4.0 % of 2020 batches 2–8 failed within ~1 yr; batches 9–16 "
                "5 / 473 = 1.1 % within ~0.5 yr; SpaceX claims < 1 %. Taken 2 %/yr for a "
                "maturing design",
            ).with_range(0.01, 0.04, "from SpaceX's < 1 % claim to the 4 % of the 2020 batches"),
            "cost_usd": MCCALIP.derive(
                note=f"$800/kg × {dry:g} kg dry bus = ${MANUFACTURING_USD_PER_KG * dry:,.0f}",
            ).with_range(
                160000.0, 400000.0, "McCalip's $800/kg bill of materials taken at −1/3 to +2/3"
            ),
            "array_cost_usd_per_w": MCCALIP.derive(
                note="$800/kg ÷ 100 W/kg = $8/W (no modern $/W of space arrays is published)",
            ).with_range(5.0, 15.0, "no sourced $/W of Starlink-scale silicon arrays: $5–15/W"),
            "radiator_cost_usd_per_m2": MCCALIP.derive(
                note="$800/kg × 6.5 kg/m² = $5,200/m²",
            ).with_range(
                3000.0, 10000.0, "$800/kg at 5–8 kg/m², up to twice that for pumped loops"
            ),
            "integration_cost_fraction": INTEGRATION.derive(
                note="10 % for a production line building thousands of satellites",
            ).with_range(0.05, 0.2, "5 % on a mature line to 20 % for low volume"),
        },
    )


def large_compute_bus() -> SatelliteBus:
    """A 100 kW-class compute bus in the spirit of Starcloud's and SpaceX's proposals."""
    efficiency = round(0.22 * 0.90, 3)
    degradation = sum(LOHMEYER_SI) / 2
    dry = 800.0
    radiator_kg_m2 = 5.0
    array_w_per_kg = 150.0
    return SatelliteBus(
        name="large-compute-bus",
        description="A 100 kW-class compute bus in the spirit of Starcloud's and SpaceX's "
        "proposals: large flexible silicon blanket arrays, two-sided deployable radiators, argon "
        "Hall thrusters, launched on Starship. Every number is an estimate.",
        dry_mass_kg=dry,
        max_payload_power_w=100_000.0,
        max_payload_mass_kg=3_000.0,
        housekeeping_power_w=4_000.0,
        solar_cell_efficiency=efficiency,
        solar_specific_power_w_per_kg=array_w_per_kg,
        solar_degradation_per_year=degradation,
        radiator_areal_density_kg_per_m2=radiator_kg_m2,
        radiator_emissivity=0.92,
        radiator_absorptivity=0.09,
        radiator_two_sided=True,
        battery_specific_energy_wh_per_kg=150.0,
        battery_cost_usd_per_kwh=BNEF_PACK_USD_PER_KWH * SPACE_PACK_FACTOR,
        stowed_density_kg_per_m3=200.0,
        propulsion_isp_s=2_500.0,
        design_life_years=5.0,
        failure_rate_per_year=0.03,
        cost_usd=MANUFACTURING_USD_PER_KG * dry,
        array_cost_usd_per_w=round(MANUFACTURING_USD_PER_KG / array_w_per_kg, 2),
        radiator_cost_usd_per_m2=MANUFACTURING_USD_PER_KG * radiator_kg_m2,
        integration_cost_fraction=0.10,
        sources={
            "dry_mass_kg": _estimate(
                "skyrack estimate: dry bus of a 100 kW compute satellite",
                "800 kg: ~2.7× the 300 kg Starlink-class bus for ~3.9× the power, as structure, "
                "attitude control and avionics grow slower than power",
            ).with_range(500.0, 1200.0, "a bus 1.7× to 4× the 300 kg Starlink-class one"),
            "max_payload_power_w": _estimate(
                "skyrack estimate: a 100 kW-class compute bus (Starcloud; SpaceX's '100 kW/t')",
                "100 kW of payload (the Musk/SpaceX memo's 1M t/yr × 100 kW/t implies ~100 W/kg "
                "at system level)",
            ).with_range(80000.0, 110000.0, "a 100 kW class: what the first such buses deliver"),
            "max_payload_mass_kg": _estimate(
                "skyrack estimate: payload mass capability",
                "3,000 kg: 100 kW of H100 shares (≈ 78 × 16.3 kg ≈ 1,270 kg) plus ~125 m² of "
                "two-sided radiator at 5 kg/m² (≈ 630 kg) plus shielding, with margin",
            ).with_range(2000.0, 4000.0, "±1/3 on the sized 3,000 kg"),
            "housekeeping_power_w": _estimate(
                "skyrack estimate: bus housekeeping power",
                "4 kW (4 % of payload): control-moment gyros for a large array, optical links, "
                "pumped cooling loops",
            ).with_range(2000.0, 8000.0, "2–8 % of the payload"),
            "solar_cell_efficiency": Source(
                title="Starcloud (formerly Lumen Orbit), Why we should train AI in space (white "
                "paper): silicon array at 22 % efficiency (claim)",
                year=2024,
                url=STARCLOUD.url,
                estimate=True,
                note="array-level = 22 % silicon cells × 0.90 packing factor (estimate) = 0.198",
            ).with_range(0.17, 0.22, "22 % cells at packing factors of 0.78–1.0"),
            "solar_specific_power_w_per_kg": CTA,
            "solar_degradation_per_year": LOHMEYER.derive(
                note="silicon midpoint (0.71 + 1.69) / 2 = 1.2 %/yr (GEO telemetry as a LEO "
                "proxy); Starcloud's claimed < 0.15 %/yr is not adopted",
            ).with_range(0.0071, 0.0169, "Lohmeyer et al.'s silicon range"),
            "radiator_areal_density_kg_per_m2": NASA_ATCS.derive(
                note="5 kg/m², the low end of the 5–8 kg/m² of lighter deployable radiators",
            ).with_range(3.0, 8.0, "from thin Starcloud-class panels to conventional 8 kg/m²"),
            "radiator_emissivity": STARCLOUD,
            "radiator_absorptivity": STARCLOUD,
            "battery_specific_energy_wh_per_kg": BATTERY.derive(
                note="automotive-class Li-ion cells (~250 Wh/kg) packaged at ~60 % → 150 Wh/kg",
            ).with_range(100.0, 200.0, "from space-qualified to automotive-class packs"),
            "battery_cost_usd_per_kwh": BNEF_2024,
            "stowed_density_kg_per_m3": _estimate(
                "skyrack estimate: stowed density of a compute satellite",
                "200 kg/m³: denser than a Starlink stack (110 kg/m³) because compute servers are "
                "dense, while flexible arrays stow at ~40 kW/m³ (CTA 2015); above the 163 kg/m³ "
                "(100 t / 614 m³) at which a Starship payload bay fills by mass first",
            ).with_range(120.0, 300.0, "from a Starlink-like stack to dense server racks"),
            "propulsion_isp_s": ORBITAL_INDEX,
            "design_life_years": _estimate(
                "skyrack estimate: design life",
                "5 years, the mission of Suncatcher and McCalip and SemiAnalysis's useful life "
                "in space",
            ).with_range(5.0, 7.0, "5 years as designed; flight experience may stretch it to ~7"),
            "failure_rate_per_year": _estimate(
                "skyrack estimate: bus failure hazard of a first-generation design",
                "3 %/yr, between the 4 %/yr of Starlink's first operational batches and the "
                "2 %/yr taken for a maturing Starlink-class bus (McDowell 2020)",
            ).with_range(0.01, 0.06, "from a Starlink-like 1 %/yr to 1.5× its early batches' 4 %"),
            "cost_usd": MCCALIP.derive(
                note="$800/kg × 800 kg dry bus = $640,000",
            ).with_range(400000.0, 1200000.0, "$500–1,500/kg for an 800 kg bus"),
            "array_cost_usd_per_w": MCCALIP.derive(
                note="$800/kg ÷ 150 W/kg = $5.33/W",
            ).with_range(3.0, 12.0, "no sourced $/W of blanket arrays at scale: $3–12/W"),
            "radiator_cost_usd_per_m2": MCCALIP.derive(
                note="$800/kg × 5 kg/m² = $4,000/m²",
            ).with_range(2000.0, 8000.0, "half to twice $800/kg × 5 kg/m²"),
            "integration_cost_fraction": INTEGRATION.derive(
                note="10 % for a production line",
            ).with_range(0.05, 0.2, "5 % on a mature line to 20 % for low volume"),
        },
    )


def small_bus() -> SatelliteBus:
    """An ESPA-class smallsat bus of a few hundred kilograms and a couple of kilowatts."""
    efficiency = round(0.298 * 0.85, 4)
    degradation = round(sum(LOHMEYER_GAAS) / 2, 5)
    espa_grande_m3 = 1.0668 * 1.1684 * 1.4224
    return SatelliteBus(
        name="small-bus",
        description="An ESPA-class smallsat bus (~300 kg, ~2.3 kW) with rigid triple-junction "
        "panels, a body-mounted radiator and a krypton Hall thruster; built in small lots.",
        dry_mass_kg=120.0,
        max_payload_power_w=2_000.0,
        max_payload_mass_kg=120.0,
        housekeeping_power_w=300.0,
        solar_cell_efficiency=efficiency,
        solar_specific_power_w_per_kg=60.0,
        solar_degradation_per_year=degradation,
        radiator_areal_density_kg_per_m2=8.0,
        radiator_emissivity=0.90,
        radiator_absorptivity=0.09,
        radiator_two_sided=False,
        battery_specific_energy_wh_per_kg=120.0,
        battery_cost_usd_per_kwh=SMALL_LOT_BATTERY_USD_PER_KWH,
        stowed_density_kg_per_m3=round(300.0 / espa_grande_m3, 1),
        propulsion_isp_s=float(round(2_500.0 / 1.5)),
        design_life_years=5.0,
        failure_rate_per_year=0.03,
        cost_usd=1_200_000.0,
        array_cost_usd_per_w=150.0,
        radiator_cost_usd_per_m2=20_000.0,
        integration_cost_fraction=0.20,
        sources={
            "dry_mass_kg": _estimate(
                "skyrack estimate: ESPA-class bus",
                "120 kg dry bus of a ~300 kg ESPA Grande-class satellite (structure, avionics, "
                "ADCS, propulsion hardware)",
            ).with_range(90.0, 160.0, "30–55 % of a ~300 kg ESPA Grande satellite"),
            "max_payload_power_w": _estimate(
                "skyrack estimate: ESPA-class bus power",
                "2,000 W payload + 300 W housekeeping from a ~2.3 kW rigid deployable array",
            ).with_range(1500.0, 2500.0, "a 2–3 kW rigid deployable array"),
            "max_payload_mass_kg": _estimate(
                "skyrack estimate: ESPA-class payload mass",
                "120 kg of payload, shielding and radiator within a ~300 kg satellite",
            ).with_range(90.0, 150.0, "30–50 % of a ~300 kg satellite"),
            "housekeeping_power_w": _estimate(
                "skyrack estimate: smallsat housekeeping",
                "300 W: avionics, reaction wheels, radio, heaters",
            ).with_range(200.0, 450.0, "smallsat avionics, wheels, radio and heaters"),
            "solar_cell_efficiency": XTJ.derive(
                note="array-level = 29.8 % XTJ cells × 0.85 packing factor (estimate) = 0.2533",
            ).with_range(0.23, 0.27, "29.8 % cells at packing factors of 0.78–0.9"),
            "solar_specific_power_w_per_kg": WING_LEVEL_RANGE.derive(
                note="60 W/kg at wing level for small rigid deployable panels, near the low end of "
                "iROSA's derived 59–82 W/kg",
            ).with_range(40.0, 82.0, "small rigid panels up to iROSA's derived 82 W/kg"),
            "solar_degradation_per_year": LOHMEYER.derive(
                note="GaAs midpoint (0.44 + 1.03) / 2 = 0.735 %/yr (GEO telemetry as a LEO proxy)",
            ).with_range(0.0044, 0.0103, "Lohmeyer et al.'s GaAs range"),
            "radiator_areal_density_kg_per_m2": NASA_ATCS.derive(
                note="8 kg/m², the high end of 5–8 kg/m²: small panels carry more edge, insert "
                "and heat-pipe mass per m²",
            ).with_range(5.0, 10.0, "5–8 kg/m² and more for small panels"),
            "radiator_emissivity": MCCALIP,
            "radiator_absorptivity": STARCLOUD,
            "battery_specific_energy_wh_per_kg": BATTERY.derive(
                note="space-qualified Li-ion pack ~120 Wh/kg (cells ~200 Wh/kg at ~60 % packaging)",
            ).with_range(90.0, 160.0, "space-qualified Li-ion packs"),
            "battery_cost_usd_per_kwh": BNEF_2024.derive(
                note="small-lot space-qualified pack: the automotive "
                f"${BNEF_PACK_USD_PER_KWH:g}/kWh × "
                f"{SMALL_LOT_BATTERY_USD_PER_KWH / BNEF_PACK_USD_PER_KWH:.0f} = "
                f"${SMALL_LOT_BATTERY_USD_PER_KWH:,.0f}/kWh for packs built by the tens with full "
                "lot qualification (skyrack estimate, ten times the constellation pack's factor)",
            ).with_range(
                SMALL_LOT_BATTERY_USD_PER_KWH / 2,
                SMALL_LOT_BATTERY_USD_PER_KWH * 2,
                "the small-lot factor, the estimated part, halved or doubled",
            ),
            "stowed_density_kg_per_m3": _estimate(
                "skyrack estimate: ESPA Grande envelope (42 × 46 × 56 in) at ~300 kg",
                f"300 kg / (1.067 × 1.168 × 1.422 m = {espa_grande_m3:.3f} m³) = "
                f"{300.0 / espa_grande_m3:.1f} kg/m³",
            ).with_range(120.0, 200.0, "an ESPA Grande envelope at 210–350 kg"),
            "propulsion_isp_s": ORBITAL_INDEX.derive(
                note="a krypton Hall thruster like Starlink's first generation: 2,500 s / 1.5 = "
                "1,667 s",
            ).with_range(1400.0, 2000.0, "krypton Hall thrusters of 1,400–2,000 s"),
            "design_life_years": _estimate(
                "skyrack estimate: smallsat design life", "5 years"
            ).with_range(5.0, 7.0, "5 years as designed; flight experience may stretch it to ~7"),
            "failure_rate_per_year": _estimate(
                "skyrack estimate: smallsat bus failure hazard",
                "3 %/yr: small-lot buses lack Starlink's fleet learning (Starlink-class taken at "
                "2 %/yr)",
            ).with_range(0.01, 0.06, "from a Starlink-like 1 %/yr to 1.5× its early batches' 4 %"),
            "cost_usd": _estimate(
                "skyrack estimate: small-lot ESPA-class bus cost",
                "~$10,000/kg × 120 kg = $1.2M, for buses built by the tens rather than thousands",
            ).with_range(600000.0, 2400000.0, "$5,000–20,000/kg for buses built by the tens"),
            "array_cost_usd_per_w": _estimate(
                "skyrack estimate: small-lot triple-junction array cost",
                "$150/W, between Starlink-scale silicon (~$8/W here) and the iROSA contract's "
                "~$833–858/W (iROSA: $100–103M for six ~20 kW arrays, Redwire / pv magazine "
                "2021; 1970s arrays ~$80/W nominal, A. D. Little SSPS study for NASA, 1974)",
            ).with_range(50.0, 400.0, "between Starlink-scale silicon and small-lot space arrays"),
            "radiator_cost_usd_per_m2": _estimate(
                "skyrack estimate: small-lot radiator panel cost",
                "$20,000/m² for honeycomb panels with embedded heat pipes built in small lots",
            ).with_range(10000.0, 40000.0, "half to twice the estimate"),
            "integration_cost_fraction": INTEGRATION.derive(
                note="20 % for low-volume integration and test",
            ).with_range(0.1, 0.3, "10–30 % for low-volume integration and test"),
        },
    )


CATALOG: tuple[Callable[[], SatelliteBus], ...] = (
    starlink_v2_mini_class,
    large_compute_bus,
    small_bus,
)


@hookimpl
def register_satellite_buses(register: Callable[[SatelliteBus], None]) -> None:
    """Register the built-in satellite buses."""
    for build in CATALOG:
        register(build())
