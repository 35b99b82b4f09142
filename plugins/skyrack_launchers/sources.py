"""Where the launch-vehicle numbers come from, and the small records they are derived from.

Derived numbers are computed here from named inputs (flight records, propellant masses, prices)
so the code and each source's ``note`` say the same arithmetic; ``tests/test_catalog.py`` redoes
the arithmetic by hand.
"""

from __future__ import annotations

from skyrack import Source

# --- flight records: success probability by Laplace's rule of succession ----------------------


def rule_of_succession(successes: int, attempts: int) -> float:
    """Laplace's rule of succession, (s + 1) / (n + 2): a success probability from a record.

    Unlike s / n it neither claims certainty after a clean record nor zero after a bad one, so
    young vehicles (New Glenn 2/2, Falcon Heavy 11/11) are not rated above Falcon 9.
    """
    return (successes + 1) / (attempts + 2)


RECORD_RANGE = (
    "5th to 95th percentile of the Beta(s + 1, n − s + 1) posterior that Laplace's rule is the "
    "mean of: what the flight record alone supports"
)


FALCON_9_RECORD = (415, 417)
"""Falcon 9 launches June 2010 – December 2024 that delivered their primary payload to the
planned orbit, and all launches: 77 to end-2019 + 26 (2020) + 31 (2021) + 60 (2022) + 91 (2023)
+ 132 (2024) = 417, with two in-flight failures (CRS-7, June 2015; Starlink 9-3, July 2024). The
AMOS-6 pad explosion (2016) happened before a launch and is not counted."""

FALCON_HEAVY_RECORD = (11, 11)
"""Falcon Heavy flights 2018–2024, all of which delivered their payloads (core-stage landing
losses do not count as launch failures)."""

STARSHIP_RECORD = (7, 11)
"""Starship integrated flight tests 1–11 (April 2023 – October 2025) whose ship reached its
planned (near-orbital) trajectory: flights 3, 4, 5, 6, 9, 10, 11; flights 1, 2, 7 and 8 lost the
ship during ascent."""

NEW_GLENN_RECORD = (2, 2)
"""New Glenn NG-1 (January 2025) and NG-2 (November 2025, NASA ESCAPADE), both reached orbit."""

ELECTRON_RECORD = (50, 54)
"""Electron orbital launches to end-2024: 36 of 40 successful by September 2023 (four failures:
May 2017, July 2020, May 2021, September 2023) plus 14 of 14 orbital launches in 2024. Flights
between October and December 2023 are not counted, which changes the estimate by < 0.2 %."""

# --- launch CO2: propellant mass × primary CO2 emission index ---------------------------------


def stage_propellants(vehicle: str) -> list[tuple[str, str, float, float]]:
    """(stage, fuel, propellant kg, g CO2 per kg) of each stage of ``vehicle``, from the
    plugin's table launch_propellants.csv (Barker, Marais & McDowell 2024)."""
    from skyrack.data import load_table

    table = load_table("launch_propellants", package=__package__ or "skyrack_launchers")
    vehicles, stages, fuels = (table.columns[c] for c in ("vehicle", "stage", "fuel"))
    kg, index = table.numbers("propellant_kg"), table.numbers("co2_g_per_kg")
    rows = [
        (str(stages[i]), str(fuels[i]), float(kg[i]), float(index[i]))
        for i in range(len(vehicles))
        if vehicles[i] == vehicle
    ]
    if not rows:
        raise KeyError(f"launch_propellants.csv has no stages of {vehicle!r}")
    return rows


def primary_co2_kg(*stages: tuple[float, float]) -> float:
    """CO2 of a launch [kg]: Σ propellant_kg × emission index [g/kg] / 1000 over its stages."""
    return sum(propellant_kg * index_g_per_kg for propellant_kg, index_g_per_kg in stages) / 1000


# --- Falcon fairing: usable dynamic envelope --------------------------------------------------

FALCON_ENVELOPE_DIAMETER_M = 4.6
FALCON_ENVELOPE_CYLINDER_M = 6.7
FALCON_ENVELOPE_HEIGHT_M = 11.0
FALCON_ENVELOPE_M3 = 152.4
"""Usable volume of the Falcon fairing's payload dynamic envelope (Falcon User's Guide fig. 5-1):
a 4.6 m-diameter cylinder 6.7 m tall (π·2.3²·6.7 = 111.3 m³) under a 4.3 m tangent ogive
(41.1 m³ by numerical integration, 0.575 of its enclosing cylinder) = 152.4 m³."""

# --- sources ----------------------------------------------------------------------------------

SPACEX_PRICE_LIST = Source(
    title="SpaceX, Capabilities & Services (Falcon 9 and Falcon Heavy price list)",
    year=2024,
    url="https://www.spacex.com/media/Capabilities&Services.pdf",
    note="Falcon 9 list price $69.75M; the list quotes 22.8 t to LEO "
    "(28.5°) for the expendable vehicle and is the same for reused boosters",
)
FALCON_USERS_GUIDE = Source(
    title="SpaceX, Falcon User's Guide (payload fairing and dynamic envelope, fig. 5-1)",
    year=2021,
    url="https://www.spacex.com/media/falcon-users-guide-2021-09.pdf",
    estimate=True,
    note="fairing 5.2 m × 13.1 m outside; usable envelope 4.6 m diameter, 6.7 m cylinder + 4.3 m "
    "ogive (11 m): π·2.3²·6.7 = 111.3 m³ + ogive 41.1 m³ = 152.4 m³",
).with_range(
    140.0,
    160.0,
    "±5–8 %: the ogive's volume is integrated from the guide's drawing, and a dispenser takes "
    "part of the envelope",
)
FALCON_HEAVIEST_STARLINK = Source(
    title="List of Falcon 9 and Falcon Heavy launches (heaviest payload: 24 Starlink V2-Mini, "
    "~17,500 kg, first flown February 2024, booster landed on a droneship)",
    year=2025,
    url="https://en.wikipedia.org/wiki/List_of_Falcon_9_and_Falcon_Heavy_launches",
    note="the heaviest payload flown with the booster recovered: ~17.5 t for a reusable Falcon 9",
)
FALCON_RECORD_SOURCE = Source(
    title="List of Falcon 9 and Falcon Heavy launches; SpacePolicyOnline, 'SpaceX breaks own "
    "record for Falcon 9 launches' (two launch failures, 2015 and 2024)",
    year=2025,
    url="https://en.wikipedia.org/wiki/List_of_Falcon_9_and_Falcon_Heavy_launches",
    estimate=True,
    note="Falcon 9 2010–2024: 415 of 417 launches delivered the primary payload; Laplace's rule "
    "(415 + 1) / (417 + 2) = 0.9928",
).with_range(0.9850, 0.9980, RECORD_RANGE)
FALCON_2024_CADENCE = Source(
    title="Universe Magazine, 'Records, debuts and accidents: 2024 launch results' (134 SpaceX "
    "Falcon missions in 2024, 132 of them Falcon 9, 2 Falcon Heavy)",
    year=2025,
    url="https://universemagazine.com/en/records-debuts-and-accidents-2024-launch-results/",
    note="132 Falcon 9 launches in 2024, the demonstrated cadence; about two thirds were Starlink, "
    "so it is the upper bound of what one customer can buy",
)
FALCON_EXPENDED_CADENCE = Source(
    title="skyrack estimate: cadence of expendable Falcon 9 launches",
    year=2026,
    estimate=True,
    note="an expendable flight consumes a new booster; only one Falcon 9 booster was expended in "
    "2024 (Universe Magazine 2025). Assume booster production allows ~1 per month: 12/yr",
).with_range(4.0, 24.0, "from one new booster a quarter to two a month")
MUSK_FH_PRICES = Source(
    title="Elon Musk on Twitter: a fully expendable Falcon Heavy is $150M; side boosters "
    "recovered at sea with the core expended, $95M",
    year=2018,
    url="https://twitter.com/elonmusk/status/963076231921938432",
    note="2018 US dollars",
)
FALCON_9_EXPENDED_PRICE = Source(
    title="skyrack estimate from SpaceX's list price and Musk's 2018 Falcon Heavy prices",
    year=2026,
    estimate=True,
    note="list price $69.75M + the price of expending one recovered-at-sea booster, "
    "($150M − $95M) / 2 = $27.5M, from Musk's fully expendable vs core-expended Falcon Heavy "
    "prices → $97.25M",
).with_range(
    83_500_000.0,
    111_000_000.0,
    "list price plus half to one and a half times the $27.5M premium, the estimated part",
)
FALCON_HEAVY_SPEC = Source(
    title="SpaceX, Falcon Heavy (63,800 kg to LEO, 28.5°, fully expendable)",
    year=2024,
    url="https://www.spacex.com/vehicles/falcon-heavy/",
    note="63.8 t to LEO, fully expended",
)
FALCON_HEAVY_RECORD_SOURCE = Source(
    title="List of Falcon 9 and Falcon Heavy launches (Falcon Heavy flights 2018–2024)",
    year=2025,
    url="https://en.wikipedia.org/wiki/List_of_Falcon_9_and_Falcon_Heavy_launches",
    estimate=True,
    note="11 of 11 flights delivered their payloads; Laplace's rule (11 + 1) / (11 + 2) = 0.923",
).with_range(0.7791, 0.9957, RECORD_RANGE)
FALCON_HEAVY_CADENCE = Source(
    title="List of Falcon 9 and Falcon Heavy launches (five Falcon Heavy flights in 2023: "
    "USSF-67, ViaSat-3, Jupiter-3, Psyche, USSF-52)",
    year=2025,
    url="https://en.wikipedia.org/wiki/List_of_Falcon_9_and_Falcon_Heavy_launches",
    note="5 flights in 2023, the record year; fully expendable flights need three new cores",
)
LAUNCH_EMISSIONS = Source(
    title="Barker, Marais & McDowell, Global 3D rocket launch and re-entry air pollutant and CO2 "
    "emissions at the onset of the megaconstellation era, Scientific Data 11 (2024): stage "
    "propellant masses (from McDowell's GCAT) and primary emission indices, shipped as the "
    "plugin's table launch_propellants.csv",
    year=2024,
    url="https://doi.org/10.1038/s41597-024-03910-z",
    estimate=True,
    note="primary CO2 (no CO afterburning, the lower bound); the all-CO-oxidised upper bound is "
    "~1.5–1.8× higher. Excludes manufacturing, propellant production, black carbon and re-entry",
)
PAYLOADSPACE_STARSHIP = Source(
    title="PayloadSpace Starship cost estimate (as reported by NextBigFuture, 'How will SpaceX "
    "bring the cost to space down to $10 per kilogram'): ~$90M build cost now, ~$20M later; "
    "prices ~2× cost; ~$150/kg single use; $10–20/kg at high reuse",
    year=2024,
    url="https://www.nextbigfuture.com/2024/01/how-will-spacex-bring-the-cost-to-space-down-to-"
    "10-per-kilogram-from-over-1000-per-kilogram.html",
    estimate=True,
)
STARSHIP_V3 = Source(
    title="Starship V3 (Flight 12 preview): >100 t to LEO reusable, up to 200 t expended "
    "(basenor.com / PayloadSpace summaries)",
    year=2026,
    url="https://www.basenor.com/blogs/news/starship-v3-flight-12-whats-coming-and-what-it-means",
    estimate=True,
    note="100+ t (V3), 200 t target; V3 first flight slipped to 2026",
)
STARSHIP_VOLUME = Source(
    title="SpaceX, Starship Users Guide rev. 1.0 (8 m-diameter payload envelope in a 9 m "
    "fairing; extended envelope to 22 m height); 614 m³ standard payload volume as listed in "
    "Wikipedia's SpaceX Starship infobox",
    year=2020,
    url="https://www.spacex.com/media/starship_users_guide_v1.pdf",
    estimate=True,
    note="614 m³ is a secondary figure for the standard bay; the ~1,000 m³ often quoted comes "
    "from the 9 m × 18 m outer fairing",
)
STARSHIP_RECORD_SOURCE = Source(
    title="SpacePolicyOnline, 'Another successful Starship test flight as SpaceX readies a new "
    "version' (IFT-11, three failures earlier in 2025)",
    year=2025,
    url="https://spacepolicyonline.com/news/another-successful-starship-test-flight-as-spacex-"
    "readies-a-new-version/",
    estimate=True,
    note="flights 1–11: ship reached its planned trajectory on 3, 4, 5, 6, 9, 10, 11 (7 of 11); "
    "Laplace's rule (7 + 1) / (11 + 2) = 0.615. All were suborbital tests of V1/V2",
).with_range(0.3909, 0.8190, RECORD_RANGE)
FAA_STARBASE = Source(
    title="FAA final environmental assessment for Starship/Super Heavy at Boca Chica (up to 25 "
    "launches per year)",
    year=2025,
    estimate=True,
    note="licensed cadence from Starbase alone, the near-term ceiling before Florida pads fly",
).with_range(
    10.0,
    50.0,
    "from Starbase's licence shared with SpaceX's own flights to Starbase plus Florida pads",
)
STARSHIP_V3_AVAILABLE = Source(
    title="Starship V3 first flight (IFT-12) planned for 2026",
    year=2026,
    url="https://www.basenor.com/blogs/news/starship-v3-flight-12-whats-coming-and-what-it-means",
    estimate=True,
    note="first customer payloads assumed in the year of the first V3 flight",
).with_range(2026, 2028, "customer payloads may follow the first V3 flight by up to two years")
STARSHIP_V3_PRICE = Source(
    title="skyrack estimate from PayloadSpace's Starship build cost",
    year=2026,
    estimate=True,
    note="near-term price = PayloadSpace's ~$90M build cost: SpaceX prices at ~2× cost and booster "
    "reuse roughly halves the cost of a flight, 2 × ½ × $90M = $90M → $900/kg at 100 t. The "
    "'$150/kg expended' estimate (= $15M for 100 t) is an internal cost, not a price",
).with_range(
    30_000_000.0,
    180_000_000.0,
    "from twice the $15M internal cost of a flight to twice the $90M build cost of an expended "
    "vehicle",
)
STARSHIP_TARGET_PRICE = Source(
    title="skyrack estimate from PayloadSpace's high-reuse Starship cost and Musk's goal",
    year=2026,
    estimate=True,
    note="$20/kg (top of PayloadSpace's $10–20/kg at high reuse) × 200,000 kg = $4M per launch; "
    "Musk's marginal-cost goal of ~$2M per flight ($10/kg) is the floor",
).with_range(
    2_000_000.0,
    40_000_000.0,
    "from Musk's ~$2M marginal-cost goal to Suncatcher's $200/kg × 200 t for the mid-2030s",
)
MUSK_MEMO = Source(
    title="Musk / SpaceX memo on orbital AI compute: Starship eventually launching hourly with up "
    "to 200 t",
    year=2026,
    estimate=True,
    note="hourly launches → 24 × 365 = 8,760 launches per year (a fleet-wide aspiration)",
).with_range(
    180.0,
    8_760.0,
    "from the ~180 flights a year of Suncatcher's mid-2030s learning curve to Musk's hourly "
    "aspiration",
)
STARSHIP_TARGET_YEAR = Source(
    title="Google, Project Suncatcher (arXiv 2511.19468): launch ≲ $200/kg by the mid-2030s on "
    "the learning curve (~180 Starship flights per year)",
    year=2025,
    url="https://arxiv.org/abs/2511.19468",
    estimate=True,
    note="$10–20/kg is ten times below Suncatcher's mid-2030s $200/kg, so it is not assumed "
    "before 2035",
).with_range(2032, 2040, "'mid-2030s' read as 2032 to 2040")
STARSHIP_TARGET_RELIABILITY = Source(
    title="skyrack estimate: mature Starship reliability",
    year=2026,
    estimate=True,
    note="taken equal to Falcon 9's demonstrated 0.993 (rule of succession, 2010–2024), rounded "
    "down to 0.99; no Starship record supports it yet",
).with_range(0.95, 0.998, "from a young vehicle's ~0.95 to the top of Falcon 9's record (0.998)")
BLUE_ORIGIN_NEW_GLENN = Source(
    title="Blue Origin, New Glenn (45 t to LEO, 7 m fairing, first stage reused up to 25×)",
    year=2025,
    url="https://www.blueorigin.com/new-glenn",
    note="45 t to LEO",
)
NEW_GLENN_VOLUME = Source(
    title="Blue Origin: the 7 m fairing has twice the payload volume of 5 m-class commercial "
    "fairings",
    year=2017,
    url="https://www.blueorigin.com/new-glenn",
    estimate=True,
    note="2 × the Falcon 5.2 m fairing's usable 152.4 m³ = 304.8 m³",
).with_range(250.0, 350.0, "±15 %: 'twice the volume' is a round marketing ratio")
NEW_GLENN_PRICE = Source(
    title="World Today News, New Glenn launch coverage (New Glenn ~$68M per launch, an "
    "Arianespace estimate from 2022)",
    year=2025,
    url="https://www.world-today-news.com/new-glenn-rocket-launch-details-spacex-comparison",
    estimate=True,
    note="Blue Origin publishes no price; ~$68M is a competitor's estimate",
).with_range(
    50_000_000.0,
    100_000_000.0,
    "from undercutting a Falcon 9 launch to the price of a Falcon Heavy-class vehicle",
)
NEW_GLENN_RECORD_SOURCE = Source(
    title="New Glenn NG-1 (January 2025) and NG-2 (November 2025, NASA ESCAPADE) launch reports",
    year=2025,
    url="https://www.blueorigin.com/new-glenn",
    estimate=True,
    note="2 of 2 reached orbit; Laplace's rule (2 + 1) / (2 + 2) = 0.75",
).with_range(0.3684, 0.9830, RECORD_RANGE)
NEW_GLENN_CADENCE = Source(
    title="skyrack estimate: New Glenn cadence while ramping up",
    year=2026,
    estimate=True,
    note="two flights in 2025; assume Blue Origin reaches ~6 per year as it ramps (one pad, "
    "booster reuse just demonstrated)",
).with_range(2.0, 12.0, "from 2025's two flights to one a month")
ROCKET_LAB_ELECTRON = Source(
    title="Rocket Lab, Electron (300 kg to LEO, 200 kg to 500 km SSO; ≥ $7.5M per launch)",
    year=2024,
    url="https://www.rocketlabusa.com/launch/electron/",
    note="300 kg to LEO, ≥ $7.5M per launch",
)
ELECTRON_VOLUME = Source(
    title="Rocket Lab, Payload User's Guide (1.2 m-diameter fairing; usable envelope ~1.07 m "
    "diameter)",
    year=2022,
    url="https://www.rocketlabusa.com/launch/electron/",
    estimate=True,
    note="~1.07 m-diameter envelope ~1.7 m tall: π·0.535²·1.7 ≈ 1.5 m³",
).with_range(1.2, 1.8, "±20 %: the envelope's height is read from a drawing")
ELECTRON_RECORD_SOURCE = Source(
    title="Parabolic Arc, 'Rocket Lab's Electron fails' (fourth failure in 40 launches, Sept "
    "2023); Universe Magazine 2024 launch results (14 Rocket Lab orbital launches)",
    year=2025,
    url="https://parabolicarc.com/2023/09/19/launch-roundup-rocket-labs-electron-fails-firefly-"
    "alpha-aces-rapid-launch/",
    estimate=True,
    note="36/40 to Sept 2023 + 14/14 in 2024 = 50/54; Laplace's rule (50 + 1) / (54 + 2) = 0.911",
).with_range(0.8413, 0.9635, RECORD_RANGE)
ELECTRON_CADENCE = Source(
    title="Universe Magazine, 'Records, debuts and accidents: 2024 launch results' (14 Rocket Lab "
    "orbital launches in 2024)",
    year=2025,
    url="https://universemagazine.com/en/records-debuts-and-accidents-2024-launch-results/",
)
FIRST_FLIGHTS = Source(
    title="First flights: Falcon 9 booster reflight (SES-10, March 2017), Falcon 9 22.8 t price "
    "list (2016), Falcon Heavy (February 2018), New Glenn (January 2025), Electron (first orbit "
    "January 2018)",
    year=2025,
    url="https://en.wikipedia.org/wiki/List_of_Falcon_9_and_Falcon_Heavy_launches",
)
