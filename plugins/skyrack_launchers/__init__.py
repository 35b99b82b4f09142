"""Built-in skyrack plugin: launch vehicles, today's and Starship's targets.

Every number carries its own source (``sources.py``); derived numbers (success probabilities from
flight records, CO2 from propellant masses, the expendable Falcon 9 price) are computed from the
named inputs there, and each source's note shows the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from skyrack import LaunchVehicle, Source, hookimpl
from skyrack_launchers import sources as s

FALCON_9_LIST_PRICE_USD = 69_750_000.0
FALCON_HEAVY_EXPENDABLE_USD = 150_000_000.0
FALCON_HEAVY_CORE_EXPENDED_USD = 95_000_000.0
EXPENDED_BOOSTER_PREMIUM_USD = (FALCON_HEAVY_EXPENDABLE_USD - FALCON_HEAVY_CORE_EXPENDED_USD) / 2
"""What expending one booster instead of recovering it at sea adds: Musk's fully expendable
Falcon Heavy ($150M) expends two more boosters than his core-expended one ($95M)."""

STARSHIP_BUILD_COST_USD = 90_000_000.0
STARSHIP_TARGET_USD_PER_KG = 20.0
STARSHIP_TARGET_PAYLOAD_KG = 200_000.0
HOURS_PER_YEAR = 24 * 365


def _co2(vehicle: str, caveat: str = "") -> tuple[float, dict[str, Source]]:
    """CO2 of one launch of ``vehicle`` from its stages' propellant (launch_propellants.csv)."""
    stages = s.stage_propellants(vehicle)
    kg = s.primary_co2_kg(*((propellant, index) for _, _, propellant, index in stages))
    terms = " + ".join(
        f"{propellant:,.0f} kg of propellant ({fuel} and its oxidizer) × {index:g} g/kg"
        for _, fuel, propellant, index in stages
    )
    source = attrs.evolve(
        s.LAUNCH_EMISSIONS,
        note=f"{terms} = {kg:,.0f} kg CO2{caveat} (primary emission index, no CO afterburning: "
        "the lower bound; the all-CO-oxidised upper bound is ~1.5–1.8× higher). Excludes "
        "manufacturing, propellant production, black carbon and re-entry",
    ).with_range(kg, 1.8 * kg, "from the primary index (no afterburning) to all CO oxidised")
    return kg, {"co2_per_launch_kg": source}


def falcon_9_reusable() -> LaunchVehicle:
    """Falcon 9 with the booster landed: SpaceX's workhorse at its list price."""
    co2, co2_source = _co2("falcon-9")
    return LaunchVehicle(
        name="falcon-9-reusable",
        description="SpaceX Falcon 9 Block 5 with booster recovery (droneship landing), at the "
        "list price; the payload is the heaviest flown with a recovered booster.",
        payload_to_leo_kg=17_500.0,
        fairing_volume_m3=s.FALCON_ENVELOPE_M3,
        price_usd=FALCON_9_LIST_PRICE_USD,
        max_launches_per_year=132.0,
        success_probability=s.rule_of_succession(*s.FALCON_9_RECORD),
        first_available_year=2017,
        co2_per_launch_kg=co2,
        reusable=True,
        sources={
            "payload_to_leo_kg": s.FALCON_HEAVIEST_STARLINK,
            "fairing_volume_m3": s.FALCON_USERS_GUIDE,
            "price_usd": s.SPACEX_PRICE_LIST,
            "max_launches_per_year": s.FALCON_2024_CADENCE,
            "success_probability": s.FALCON_RECORD_SOURCE,
            "first_available_year": s.FIRST_FLIGHTS,
            **co2_source,
        },
    )


def falcon_9_expendable() -> LaunchVehicle:
    """Falcon 9 with the booster expended for full performance."""
    co2, co2_source = _co2("falcon-9")
    return LaunchVehicle(
        name="falcon-9-expendable",
        description="SpaceX Falcon 9 Block 5 with the booster expended (22.8 t to LEO at 28.5°); "
        "priced as the list price plus the cost of a booster.",
        payload_to_leo_kg=22_800.0,
        fairing_volume_m3=s.FALCON_ENVELOPE_M3,
        price_usd=FALCON_9_LIST_PRICE_USD + EXPENDED_BOOSTER_PREMIUM_USD,
        max_launches_per_year=12.0,
        success_probability=s.rule_of_succession(*s.FALCON_9_RECORD),
        first_available_year=2016,
        co2_per_launch_kg=co2,
        reusable=False,
        sources={
            "payload_to_leo_kg": s.SPACEX_PRICE_LIST,
            "fairing_volume_m3": s.FALCON_USERS_GUIDE,
            "price_usd": s.FALCON_9_EXPENDED_PRICE,
            "max_launches_per_year": s.FALCON_EXPENDED_CADENCE,
            "success_probability": s.FALCON_RECORD_SOURCE,
            "first_available_year": s.FIRST_FLIGHTS,
            **co2_source,
        },
    )


def falcon_heavy() -> LaunchVehicle:
    """Falcon Heavy fully expended for its 63.8 t to LEO."""
    co2, co2_source = _co2("falcon-heavy")
    return LaunchVehicle(
        name="falcon-heavy",
        description="SpaceX Falcon Heavy, all three cores expended (63.8 t to LEO), at Musk's "
        "2018 price for the fully expendable configuration.",
        payload_to_leo_kg=63_800.0,
        fairing_volume_m3=s.FALCON_ENVELOPE_M3,
        price_usd=FALCON_HEAVY_EXPENDABLE_USD,
        max_launches_per_year=5.0,
        success_probability=s.rule_of_succession(*s.FALCON_HEAVY_RECORD),
        first_available_year=2018,
        co2_per_launch_kg=co2,
        reusable=False,
        sources={
            "payload_to_leo_kg": s.FALCON_HEAVY_SPEC,
            "fairing_volume_m3": s.FALCON_USERS_GUIDE,
            "price_usd": s.MUSK_FH_PRICES,
            "max_launches_per_year": s.FALCON_HEAVY_CADENCE,
            "success_probability": s.FALCON_HEAVY_RECORD_SOURCE,
            "first_available_year": s.FIRST_FLIGHTS,
            **co2_source,
        },
    )


def starship_v3() -> LaunchVehicle:
    """Starship as it flies in the near term: ~100 t, booster reused, priced near build cost."""
    co2, co2_source = _co2("starship", "; V2 'R2' masses, a V3 carries more")
    return LaunchVehicle(
        name="starship-v3",
        description="SpaceX Starship V3 as flying in the near term: ~100 t to LEO with the "
        "booster reused, priced at PayloadSpace's ~$90M build-cost estimate ($900/kg), with the "
        "test-flight record of V1/V2 and the FAA's Starbase cadence.",
        payload_to_leo_kg=100_000.0,
        fairing_volume_m3=614.0,
        price_usd=STARSHIP_BUILD_COST_USD,
        max_launches_per_year=25.0,
        success_probability=s.rule_of_succession(*s.STARSHIP_RECORD),
        first_available_year=2026,
        co2_per_launch_kg=co2,
        reusable=True,
        sources={
            "payload_to_leo_kg": s.STARSHIP_V3.with_range(
                80_000.0, 150_000.0, "from early reusable flights short of 100 t to V3's goals"
            ),
            "fairing_volume_m3": s.STARSHIP_VOLUME.with_range(
                500.0, 1_000.0, "from a shorter bay to the ~1,000 m³ of the 9 m × 18 m fairing"
            ),
            "price_usd": s.STARSHIP_V3_PRICE,
            "max_launches_per_year": s.FAA_STARBASE,
            "success_probability": s.STARSHIP_RECORD_SOURCE,
            "first_available_year": s.STARSHIP_V3_AVAILABLE,
            **co2_source,
        },
    )


def starship_target() -> LaunchVehicle:
    """Starship as SpaceX means it to become: 200 t, $10–20/kg, launching every hour."""
    co2, co2_source = _co2("starship", "; V2 'R2' masses, a 200 t Starship burns more")
    return LaunchVehicle(
        name="starship-target",
        description="SpaceX Starship at its stated goals: 200 t to LEO fully reused, $20/kg "
        "($4M per launch), launched every hour; an aspiration, not a record.",
        payload_to_leo_kg=STARSHIP_TARGET_PAYLOAD_KG,
        fairing_volume_m3=1_000.0,
        price_usd=STARSHIP_TARGET_USD_PER_KG * STARSHIP_TARGET_PAYLOAD_KG,
        max_launches_per_year=float(HOURS_PER_YEAR),
        success_probability=0.99,
        first_available_year=2035,
        co2_per_launch_kg=co2,
        reusable=True,
        sources={
            "payload_to_leo_kg": s.STARSHIP_V3.with_range(
                100_000.0,
                200_000.0,
                "200 t is the goal; a reusable Starship may stay at V3's 100 t",
            ),
            "fairing_volume_m3": attrs.evolve(
                s.STARSHIP_VOLUME,
                note="~1,000 m³ class: the 9 m × 18 m fairing of SpaceX's statements, reached by "
                "the 22 m extended envelope of a stretched payload bay",
            ).with_range(614.0, 1_100.0, "from the standard bay's 614 m³ to a stretched bay"),
            "price_usd": s.STARSHIP_TARGET_PRICE,
            "max_launches_per_year": s.MUSK_MEMO,
            "success_probability": s.STARSHIP_TARGET_RELIABILITY,
            "first_available_year": s.STARSHIP_TARGET_YEAR,
            **co2_source,
        },
    )


def new_glenn() -> LaunchVehicle:
    """Blue Origin's New Glenn with its reusable first stage."""
    co2, co2_source = _co2("new-glenn")
    return LaunchVehicle(
        name="new-glenn",
        description="Blue Origin New Glenn (45 t to LEO, 7 m fairing), first stage landed at sea.",
        payload_to_leo_kg=45_000.0,
        fairing_volume_m3=2 * s.FALCON_ENVELOPE_M3,
        price_usd=68_000_000.0,
        max_launches_per_year=6.0,
        success_probability=s.rule_of_succession(*s.NEW_GLENN_RECORD),
        first_available_year=2025,
        co2_per_launch_kg=co2,
        reusable=True,
        sources={
            "payload_to_leo_kg": s.BLUE_ORIGIN_NEW_GLENN,
            "fairing_volume_m3": s.NEW_GLENN_VOLUME,
            "price_usd": s.NEW_GLENN_PRICE,
            "max_launches_per_year": s.NEW_GLENN_CADENCE,
            "success_probability": s.NEW_GLENN_RECORD_SOURCE,
            "first_available_year": s.FIRST_FLIGHTS,
            **co2_source,
        },
    )


def electron() -> LaunchVehicle:
    """Rocket Lab's Electron small launcher."""
    co2, co2_source = _co2("electron")
    return LaunchVehicle(
        name="electron",
        description="Rocket Lab Electron (300 kg to LEO), expendable, for small buses.",
        payload_to_leo_kg=300.0,
        fairing_volume_m3=1.5,
        price_usd=7_500_000.0,
        max_launches_per_year=14.0,
        success_probability=s.rule_of_succession(*s.ELECTRON_RECORD),
        first_available_year=2018,
        co2_per_launch_kg=co2,
        reusable=False,
        sources={
            "payload_to_leo_kg": s.ROCKET_LAB_ELECTRON,
            "fairing_volume_m3": s.ELECTRON_VOLUME,
            "price_usd": s.ROCKET_LAB_ELECTRON,
            "max_launches_per_year": s.ELECTRON_CADENCE,
            "success_probability": s.ELECTRON_RECORD_SOURCE,
            "first_available_year": s.FIRST_FLIGHTS,
            **co2_source,
        },
    )


CATALOG: tuple[Callable[[], LaunchVehicle], ...] = (
    falcon_9_reusable,
    falcon_9_expendable,
    falcon_heavy,
    starship_v3,
    starship_target,
    new_glenn,
    electron,
)


@hookimpl
def register_launch_vehicles(register: Callable[[LaunchVehicle], None]) -> None:
    """Register the built-in launch vehicles."""
    for build in CATALOG:
        register(build())
