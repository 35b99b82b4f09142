"""Built-in skyrack plugin: orbits (Suncatcher's dawn-dusk SSO, a 10:30 SSO, Starlink's shell).

An orbit is given by its elements: altitude plus the local time of the ascending node for a
sun-synchronous orbit, or altitude plus inclination otherwise. skyrack derives the inclination of
a sun-synchronous orbit, the yearly beta-angle range and the time-averaged sunlight fraction from
them (``Orbit.geometry``); each source's note quotes what the elements give.

skyrack.physics (and with it numpy) is imported inside the functions that build the orbits,
when the registry is built, so that loading the plugin keeps ``skyrack --help`` light.

The launch capacity factor is derived here from the Falcon 9 upper stage's rocket equation with
the Earth-rotation penalty of the orbit's inclination; the note shows the arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import attrs

from skyrack import Orbit, Source, hookimpl

CHOICE = "a choice that defines the orbit, not an uncertain number"
"""The range note of an orbital element chosen by the designer (no spread)."""

VALLADO = Source(
    title="Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (J2 secular node "
    "rate, sun-synchronous condition, §9.6)",
    year=2013,
)


def sun_synchronous_inclination_deg(altitude_km: float) -> float:
    """Inclination of a circular sun-synchronous orbit (skyrack.physics, J2 node rate)."""
    from skyrack.physics import orbit as orbit_physics

    return float(orbit_physics.sun_synchronous_inclination_deg(altitude_km))


# --- launch capacity: Falcon 9 upper stage, Earth-rotation penalty of the inclination ----------

EQUATOR_ROTATION_M_S = 465.1
CAPE_LATITUDE_DEG = 28.5
F9_UPPER_STAGE_ISP_S = 348.0
F9_UPPER_STAGE_PROPELLANT_KG = 109_500.0
F9_UPPER_STAGE_DRY_KG = 4_000.0
F9_REFERENCE_PAYLOAD_KG = 17_500.0
G0 = 9.80665

LAUNCH_FACTOR_INPUTS = Source(
    title="Falcon 9 upper stage: Merlin Vacuum Isp 348 s (SpaceX, Falcon 9 vehicle page); "
    "109,500 kg of propellant (Barker, Marais & McDowell, Global 3D rocket launch and re-entry "
    "air pollutant and CO2 emissions at the onset of the megaconstellation era, Scientific "
    "Data 11, 2024, doi:10.1038/s41597-024-03910-z, propellant masses by stage); ~4 t dry "
    "(estimate); reference payload 17.5 t to LEO with the booster recovered",
    year=2024,
    url="https://doi.org/10.1038/s41597-024-03910-z",
    estimate=True,
)


def rotation_penalty_m_s(inclination_deg: float) -> float:
    """Δv lost to Earth's rotation vs a due-east launch from Cape Canaveral.

    A launch into inclination i gains 465.1 m/s · cos i of the rotation along its track (from
    any site); due east from 28.5° N gains 465.1 · cos 28.5° = 408.7 m/s.
    """
    reference = EQUATOR_ROTATION_M_S * math.cos(math.radians(CAPE_LATITUDE_DEG))
    return reference - EQUATOR_ROTATION_M_S * math.cos(math.radians(inclination_deg))


def launch_capacity_factor(inclination_deg: float) -> float:
    """Falcon 9 payload to ``inclination_deg`` over its reference LEO payload.

    The upper stage's rocket equation Δv = g0 Isp ln((dry + prop + P) / (dry + P)) is solved for
    the payload P that still reaches orbit when the Δv need grows by the rotation penalty. The
    satellite raises itself from a low insertion orbit with its own thrusters, as Starlink does,
    so the insertion altitude is the same for every orbit.
    """
    ve = G0 * F9_UPPER_STAGE_ISP_S
    dry, prop, p0 = F9_UPPER_STAGE_DRY_KG, F9_UPPER_STAGE_PROPELLANT_KG, F9_REFERENCE_PAYLOAD_KG
    dv_reference = ve * math.log((dry + prop + p0) / (dry + p0))
    ratio = math.exp((dv_reference + rotation_penalty_m_s(inclination_deg)) / ve)
    payload = (dry + prop - ratio * dry) / (ratio - 1)
    return payload / p0


def _launch_factor_source(inclination_deg: float) -> Source:
    penalty = rotation_penalty_m_s(inclination_deg)
    factor = launch_capacity_factor(inclination_deg)
    return LAUNCH_FACTOR_INPUTS.derive(
        url=LAUNCH_FACTOR_INPUTS.url,
        note=f"rotation penalty 465.1 × (cos 28.5° − cos {inclination_deg:.2f}°) = "
        f"{penalty:.1f} m/s; upper-stage rocket equation (Isp 348 s, 109.5 t propellant, 4 t dry) "
        f"from 17.5 t gives {factor * F9_REFERENCE_PAYLOAD_KG:,.0f} kg → factor {factor:.3f}. "
        "Upper-stage-only sensitivity; consistent with SSO costing Falcon 9 roughly 15–25 % of "
        "its LEO capacity. Falcon 9's ratio is applied to every vehicle flying to this orbit "
        "(Starship, New Glenn, Falcon Heavy too): a vehicle whose upper stage carries more "
        "propellant per kg of payload loses a somewhat smaller share",
    ).with_range(
        round(factor, 3) - 0.05,
        min(1.0, round(factor, 3) + 0.03),
        "an upper-stage-only estimate: the booster's share of the penalty may cost a few % more",
    )


def _with_derived(orbit: Orbit) -> Orbit:
    """``orbit`` with what skyrack derives from its elements quoted in its description."""
    g = orbit.geometry()
    return attrs.evolve(
        orbit,
        description=f"{orbit.description} (skyrack derives i = {g['inclination_deg']:.2f}°, "
        f"β over a year in [{g['beta_min_deg']:.1f}°, {g['beta_max_deg']:.1f}°] and a "
        f"time-averaged sunlight fraction of {g['sunlight_fraction']:.3f}).",
    )


def _sun_synchronous(
    name: str, description: str, altitude_km: float, ltan_hours: float, sources: dict[str, Source]
) -> Orbit:
    inclination = sun_synchronous_inclination_deg(altitude_km)
    return _with_derived(
        Orbit(
            name=name,
            description=description,
            altitude_km=altitude_km,
            ltan_hours=ltan_hours,
            launch_capacity_factor=round(launch_capacity_factor(inclination), 3),
            sources={**sources, "launch_capacity_factor": _launch_factor_source(inclination)},
        )
    )


SUNCATCHER = Source(
    title="Google, Towards a future space-based, highly scalable AI infrastructure system design "
    "(Project Suncatcher), arXiv 2511.19468",
    year=2025,
    url="https://arxiv.org/abs/2511.19468",
)


def sso_dawn_dusk_650() -> Orbit:
    """Suncatcher's orbit: dawn-dusk sun-synchronous at 650 km, almost never in shadow."""
    return _sun_synchronous(
        "sso-dawn-dusk-650",
        "Dawn-dusk (LTAN 18:00) sun-synchronous orbit at 650 km, Project Suncatcher's choice: "
        "the orbit rides the terminator and sees eclipses only around one solstice",
        650.0,
        18.0,
        {
            "altitude_km": SUNCATCHER.derive(
                "dawn-dusk sun-synchronous orbit at ~650 km", estimate=False
            ),
            "ltan_hours": SUNCATCHER.derive(
                "dawn-dusk: the node at 18:00 (or 06:00) local time keeps the orbit plane along "
                "the terminator; eclipses only around the June solstice for 18:00, when β falls "
                "below β* = asin(R/(R + h)) = 65.2°",
                estimate=False,
            ),
        },
    )


def sso_550() -> Orbit:
    """A classic Earth-observation sun-synchronous orbit (10:30 node) at 550 km."""
    return _sun_synchronous(
        "sso-550",
        "Sun-synchronous orbit at 550 km with a 10:30 local time of the descending node, as flown "
        "by Earth-observation satellites: eclipsed about a third of every orbit",
        550.0,
        22.5,
        {
            "altitude_km": Source(
                title="skyrack choice: the altitude of Starlink's main shell, for comparison "
                "with leo-550-53",
                year=2026,
                estimate=True,
                note="550 km, as the Starlink shell and the SPENVIS dose table's altitude",
            ).with_range(550.0, 550.0, CHOICE),
            "ltan_hours": Source(
                title="Wertz & Larson, Space Mission Analysis and Design, 3rd ed. (sun-"
                "synchronous orbits for Earth observation, §6.1: morning descending nodes near "
                "10:30 for imaging light)",
                year=1999,
                estimate=True,
                note="a 10:30 descending node is a 22:30 ascending node (LTAN 22.5 h); LTAN "
                "10:30 gives the mirror-image β range and the same eclipses",
            ).with_range(22.5, 22.5, CHOICE),
        },
    )


def leo_550_53() -> Orbit:
    """Starlink's first shell: 550 km at 53°, the node precessing through every sun angle."""
    fcc = Source(
        title="SpaceX, Starlink FCC modification (first shell: 1,584 satellites at 550 km, 53°), "
        "FCC 21-48",
        year=2021,
        url="https://docs.fcc.gov/public/attachments/FCC-21-48A1.pdf",
    )
    return _with_derived(
        Orbit(
            name="leo-550-53",
            description="Starlink's first shell: circular 550 km at 53° inclination; not "
            "sun-synchronous, so the orbit passes through every beta angle and is often eclipsed",
            altitude_km=550.0,
            inclination_deg=53.0,
            launch_capacity_factor=round(launch_capacity_factor(53.0), 3),
            sources={
                "altitude_km": fcc,
                "inclination_deg": fcc,
                "launch_capacity_factor": _launch_factor_source(53.0),
            },
        )
    )


CATALOG: tuple[Callable[[], Orbit], ...] = (sso_dawn_dusk_650, sso_550, leo_550_53)


@hookimpl
def register_orbits(register: Callable[[Orbit], None]) -> None:
    """Register the built-in orbits."""
    for build in CATALOG:
        register(build())
