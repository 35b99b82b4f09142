"""Built-in skyrack plugin: disruptive fleet events (a severe solar storm, a launch grounding,
a satellite factory outage).

Derived numbers are computed here from named inputs, and each source's note shows the arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from skyrack import FleetEvent, Source, hookimpl

CARRINGTON_PROBABILITY_PER_DECADE = 0.12
"""Riley (2012): probability of another Carrington-class storm (Dst < −850 nT) within a decade."""

FALCON_9_GROUNDED = date(2024, 7, 12)
FALCON_9_RETURN_TO_FLIGHT = date(2024, 7, 27)
"""Starlink 9-3 upper-stage failure (12 July 2024 UTC) and Falcon 9's return to flight."""

FALCON_9_LAUNCHES_PER_YEAR = 132
FALCON_9_RECORD = (415, 417)
"""Falcon 9 2024 cadence and its 2010–2024 record (see skyrack_launchers.sources)."""


def annual_from_decadal(probability_per_decade: float) -> float:
    """Annual probability of an event with a constant hazard: 1 − (1 − p₁₀)^(1/10)."""
    return 1.0 - float((1.0 - probability_per_decade) ** 0.1)


def grounding_probability_per_year() -> float:
    """P(at least one Falcon 9 failure in a year) = 1 − (1 − q)^n, q from the rule of succession."""
    successes, attempts = FALCON_9_RECORD
    failure = 1 - (successes + 1) / (attempts + 2)
    return 1 - (1 - failure) ** FALCON_9_LAUNCHES_PER_YEAR


RILEY = Source(
    title="Riley, On the probability of occurrence of extreme space weather events, Space "
    "Weather 10, S02012 (12 % chance of a Carrington-class storm, Dst < −850 nT, per decade)",
    year=2012,
    url="https://doi.org/10.1029/2011SW000734",
    estimate=True,
)
STORM_DAMAGE = Source(
    title="skyrack estimate of Carrington-class damage to a LEO compute fleet (after the May 2024 "
    "Gannon storm and the February 2022 Starlink loss)",
    year=2026,
    estimate=True,
)
STARLINK_2022 = Source(
    title="SpaceX update, 'Geomagnetic storm and recently deployed Starlink satellites' (up to 40 "
    "of 49 satellites launched 3 February 2022 to re-enter); The Times (38 of 49 lost at 210 km)",
    year=2022,
    url="https://www.thetimes.co.uk/article/how-space-storms-destroyed-elon-musks-satellites-"
    "5rmv3jttw",
    estimate=True,
)
NOTHING_ON_THE_GROUND = Source(
    title="A space-weather event does not stop a factory on the ground",
    year=2026,
    note="0 by definition",
)
NOTHING_IN_ORBIT = Source(
    title="A factory outage destroys nothing in orbit",
    year=2026,
    note="0 by definition",
)
NAKA_FIRE = date(2021, 3, 19)
NAKA_RESTART = date(2021, 4, 17)
"""Renesas Naka N3 (300 mm line) fire, and the day production restarted."""
FACTORY_OUTAGE_PER_YEAR = 0.02
RENESAS_NAKA = Source(
    title="Renesas Electronics, UPDATE 6 – Notice Regarding the Semiconductor Manufacturing "
    "Factory (Naka Factory) Fire (production restarted 9:00 am, 17 April 2021)",
    year=2021,
    url="https://www.renesas.com/us/en/about/press-room/notice-regarding-semiconductor-"
    "manufacturing-factory-naka-factory-fire-summary-updates",
)
GROUNDING_2024 = Source(
    title="Cosmic News, 'Falcon 9 grounded for the second time in 2024' (Starlink 9-3 anomaly on "
    "12 July, return to flight on 27 July 2024)",
    year=2024,
    url="https://cosmicnxws.com/falcon-9-grounded-for-the-second-time-in-2024",
)


def severe_solar_storm() -> FleetEvent:
    """A Carrington-class geomagnetic storm: drag surge, radiation and charging across the fleet."""
    annual = annual_from_decadal(CARRINGTON_PROBABILITY_PER_DECADE)
    return FleetEvent(
        name="severe-solar-storm",
        description="A Carrington-class geomagnetic storm (Dst below −850 nT, about twice the May "
        "2024 Gannon storm): a solar-proton and charging hit on electronics, a drag surge that "
        "endangers satellites low in their orbit raising, and a pause in launches.",
        annual_probability=round(annual, 4),
        accelerator_loss_fraction=0.05,
        satellite_loss_fraction=0.02,
        launch_grounding_days=3.0,
        factory_outage_days=0.0,
        sources={
            "annual_probability": RILEY.derive(
                note=f"1 − (1 − 0.12)^(1/10) = {annual:.4f} per year. Later estimates are lower "
                "(Riley 2016: 2–12 % per decade; Love 2012 ~6 %; 1–2 % per decade would be "
                "0.001–0.002 per year, not 0.01–0.02)",
            ),
            "accelerator_loss_fraction": STORM_DAMAGE.derive(
                note="5 %: solar protons reach polar and high-inclination LEO through the opened "
                "magnetosphere; latch-ups and a few krad behind light shielding kill the "
                "weakest commercial parts. No operational fleet has met such a storm",
            ),
            "satellite_loss_fraction": STARLINK_2022.derive(
                note="a minor storm (Kp ~5) raised drag ~50 % and cost 38 of 49 freshly launched "
                "satellites at 210 km; at 550–650 km drag is survivable. Assume 2 % of the fleet "
                "(those in orbit raising or with failed attitude control)",
            ),
            "launch_grounding_days": STARLINK_2022.derive(
                note="3 days: launches to low insertion orbits wait out the storm after the "
                "February 2022 loss",
            ),
            "factory_outage_days": NOTHING_ON_THE_GROUND,
        },
    )


def launch_grounding() -> FleetEvent:
    """A launch failure grounds the launcher: no launches for about two weeks."""
    days = (FALCON_9_RETURN_TO_FLIGHT - FALCON_9_GROUNDED).days
    probability = grounding_probability_per_year()
    return FleetEvent(
        name="launch-grounding",
        description="A launch failure grounds the fleet's launcher while the cause is found, as "
        "Falcon 9 was for 15 days in July 2024; nothing in orbit is lost.",
        annual_probability=round(probability, 3),
        accelerator_loss_fraction=0.0,
        satellite_loss_fraction=0.0,
        launch_grounding_days=float(days),
        factory_outage_days=0.0,
        sources={
            "annual_probability": Source(
                title="skyrack estimate from Falcon 9's record and cadence",
                year=2026,
                estimate=True,
                note=f"failure per launch q = 1 − (415 + 1)/(417 + 2) = 0.00716; at 132 launches "
                f"a year P = 1 − (1 − q)^132 = {probability:.3f}. Groundings after landing or "
                "deorbit-burn anomalies (two more in 2024, 2–14 days) are not counted",
            ),
            "accelerator_loss_fraction": Source(
                title="A grounding destroys nothing in orbit",
                year=2026,
                note="0 by definition; the failed launch's own payload is lost through the launch "
                "vehicle's success probability",
            ),
            "satellite_loss_fraction": Source(
                title="A grounding destroys nothing in orbit",
                year=2026,
                note="0 by definition",
            ),
            "launch_grounding_days": GROUNDING_2024.derive(
                note=f"27 July − 12 July 2024 = {days} days",
                estimate=False,
            ),
            "factory_outage_days": NOTHING_ON_THE_GROUND.derive(
                "0: a grounding stops launches, not the satellite factory"
            ),
        },
    )


def factory_outage() -> FleetEvent:
    """A fire or equipment failure stops the satellite factory for about a month."""
    days = (NAKA_RESTART - NAKA_FIRE).days
    return FleetEvent(
        name="factory-outage",
        description="A fire or equipment failure stops the satellite factory, as a fire stopped "
        "Renesas's Naka 300 mm chip line for 29 days in 2021; nothing in orbit is lost.",
        annual_probability=FACTORY_OUTAGE_PER_YEAR,
        accelerator_loss_fraction=0.0,
        satellite_loss_fraction=0.0,
        launch_grounding_days=0.0,
        factory_outage_days=float(days),
        sources={
            "annual_probability": Source(
                title="skyrack estimate from two major Japanese chip-plant fires in six months "
                "(AKM Nobeoka, October 2020; Renesas Naka, March 2021)",
                year=2026,
                estimate=True,
                note="two plant-stopping fires among roughly a hundred large Japanese "
                "semiconductor plants in 2020–21 is of the order of 1–2 % per plant-year; a "
                "single-site satellite factory: 0.02 per year",
            ),
            "accelerator_loss_fraction": NOTHING_IN_ORBIT,
            "satellite_loss_fraction": NOTHING_IN_ORBIT,
            "launch_grounding_days": NOTHING_IN_ORBIT.derive("0: launches go on from storage"),
            "factory_outage_days": RENESAS_NAKA.derive(
                note=f"fire 19 March 2021, production restarted 17 April 2021: {days} days "
                "(capacity back to 100 % only by June)",
                estimate=False,
            ),
        },
    )


CATALOG: tuple[Callable[[], FleetEvent], ...] = (
    severe_solar_storm,
    launch_grounding,
    factory_outage,
)


@hookimpl
def register_fleet_events(register: Callable[[FleetEvent], None]) -> None:
    """Register the built-in fleet events."""
    for build in CATALOG:
        register(build())
