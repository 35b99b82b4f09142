"""Built-in skyrack plugin: orbits (Suncatcher's dawn-dusk SSO, a 10:30 SSO, Starlink's shell).

skyrack.physics (and with it numpy) is imported inside the functions that build the orbits,
when the registry is built, so that loading the plugin keeps ``skyrack --help`` light.

Derived numbers are computed here from named constants, and each source's note shows the
arithmetic: the sun-synchronous inclination from the J2 node rate, the yearly beta-angle range from
the orbit's local time of the node, and the launch capacity factor from the Falcon 9 upper stage's
rocket equation with the Earth-rotation penalty of the orbit's inclination.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from skyrack import Orbit, Source, hookimpl

EXACT = "computed from orbital geometry: no uncertainty beyond the model's own"
"""The range note of numbers that are estimates only in being derived (no spread)."""

VALLADO = Source(
    title="Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (J2 secular node "
    "rate, sun-synchronous condition, §9.6)",
    year=2013,
)


def sun_synchronous_inclination_deg(altitude_km: float) -> float:
    """Inclination of a circular sun-synchronous orbit (skyrack.physics, J2 node rate)."""
    from skyrack.physics import orbit as orbit_physics

    return float(orbit_physics.sun_synchronous_inclination_deg(altitude_km))


def sso_beta_range_deg(altitude_km: float, ltan_hours: float) -> tuple[float, float]:
    """Yearly (min, max) beta angle of a sun-synchronous orbit (skyrack.physics, mean Sun)."""
    from skyrack.physics import orbit as orbit_physics

    lo, hi = orbit_physics.sso_beta_range_deg(altitude_km, ltan_hours)
    return float(lo), float(hi)


# --- launch capacity: Falcon 9 upper stage, Earth-rotation penalty of the inclination ----------

EQUATOR_ROTATION_M_S = 465.1
CAPE_LATITUDE_DEG = 28.5
F9_UPPER_STAGE_ISP_S = 348.0
F9_UPPER_STAGE_PROPELLANT_KG = 109_500.0
F9_UPPER_STAGE_DRY_KG = 4_000.0
F9_REFERENCE_PAYLOAD_KG = 17_500.0
G0 = 9.80665

LAUNCH_FACTOR_INPUTS = Source(
    title="Falcon 9 upper stage: Merlin Vacuum Isp 348 s (SpaceX), 109,500 kg propellant "
    "(GCAT via shared/data/launch_emissions.csv), ~4 t dry (estimate); reference payload 17.5 t "
    "to LEO with the booster recovered",
    year=2024,
    document="shared/data/launch_emissions.csv",
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
        document=LAUNCH_FACTOR_INPUTS.document,
        note=f"rotation penalty 465.1 × (cos 28.5° − cos {inclination_deg:.2f}°) = "
        f"{penalty:.1f} m/s; upper-stage rocket equation (Isp 348 s, 109.5 t propellant, 4 t dry) "
        f"from 17.5 t gives {factor * F9_REFERENCE_PAYLOAD_KG:,.0f} kg → factor {factor:.3f}. "
        "Upper-stage-only sensitivity; consistent with SSO costing Falcon 9 roughly 15–25 % of "
        "its LEO capacity",
    ).with_range(
        round(factor, 3) - 0.05,
        min(1.0, round(factor, 3) + 0.03),
        "an upper-stage-only estimate: the booster's share of the penalty may cost a few % more",
    )


def _inclination_source(altitude_km: float) -> Source:
    inclination = sun_synchronous_inclination_deg(altitude_km)
    return VALLADO.derive(
        note=f"cos i = −(2π / 365.2422 d) / (1.5 n J2 (R/a)²), a = 6378.137 + {altitude_km:g} km, "
        f"n = √(μ/a³), J2 = 1.08263e-3 → i = {inclination:.2f}°",
    ).with_range(round(inclination, 2), round(inclination, 2), EXACT)


def _sso_beta_source(altitude_km: float, ltan_hours: float, title: str, comment: str) -> Source:
    lo, hi = sso_beta_range_deg(altitude_km, ltan_hours)
    return Source(
        title=title,
        year=2013,
        estimate=True,
        note=f"sin β = sin i sin Δ cos δ + cos i sin δ, Δ = 15° × (LTAN {ltan_hours:g} h − 12 h), "
        f"i = {sun_synchronous_inclination_deg(altitude_km):.2f}°, solar declination δ within "
        f"±23.44° → β ∈ [{lo:.2f}°, {hi:.2f}°] over a year (mean Sun; the equation of time moves "
        f"the node up to ±4° and is ignored). {comment}",
    )


def _rounded_beta_range(altitude_km: float, ltan_hours: float) -> tuple[float, float]:
    lo, hi = sso_beta_range_deg(altitude_km, ltan_hours)
    return round(lo, 2), round(hi, 2)


def sso_dawn_dusk_650() -> Orbit:
    """Suncatcher's orbit: dawn-dusk sun-synchronous at 650 km, almost never in shadow."""
    altitude = 650.0
    ltan = 18.0
    beta_lo, beta_hi = _rounded_beta_range(altitude, ltan)
    beta_source = _sso_beta_source(
        altitude,
        ltan,
        "Dawn-dusk SSO beta range from the sun-synchronous beta-angle relation (Vallado 2013; "
        "NASA/TM-2005-213808)",
        "Uniform-β mean sunlight with a cylindrical shadow (β* = asin(R/(R+h)) = 65.16°) is "
        "0.971; the time-averaged value is 0.961 — both inside REFERENCES.md's 0.95–0.98 for "
        "dawn-dusk SSO. Eclipses only around one solstice (June for LTAN 18:00), when β < 65.16°",
    )
    return Orbit(
        name="sso-dawn-dusk-650",
        description="Dawn-dusk (LTAN 18:00) sun-synchronous orbit at 650 km, Project Suncatcher's "
        "choice: the orbit rides the terminator and sees eclipses only around one solstice.",
        altitude_km=altitude,
        inclination_deg=round(sun_synchronous_inclination_deg(altitude), 2),
        beta_min_deg=beta_lo,
        beta_max_deg=beta_hi,
        launch_capacity_factor=round(
            launch_capacity_factor(sun_synchronous_inclination_deg(altitude)), 3
        ),
        sun_synchronous=True,
        sources={
            "altitude_km": Source(
                title="Google, Towards a future space-based, highly scalable AI infrastructure "
                "system design (Project Suncatcher), arXiv 2511.19468",
                year=2025,
                url="https://arxiv.org/abs/2511.19468",
                note="dawn-dusk sun-synchronous orbit at ~650 km",
            ),
            "inclination_deg": _inclination_source(altitude),
            "beta_min_deg": beta_source.with_range(beta_lo, beta_lo, EXACT),
            "beta_max_deg": beta_source.with_range(beta_hi, beta_hi, EXACT),
            "launch_capacity_factor": _launch_factor_source(
                sun_synchronous_inclination_deg(altitude)
            ),
        },
    )


def sso_550() -> Orbit:
    """A classic Earth-observation sun-synchronous orbit (10:30 node) at 550 km."""
    altitude = 550.0
    ltan = 22.5  # 10:30 descending node; eclipses depend on |β| only
    beta_lo, beta_hi = _rounded_beta_range(altitude, ltan)
    beta_source = _sso_beta_source(
        altitude,
        ltan,
        "10:30 SSO beta range from the sun-synchronous beta-angle relation (Vallado 2013; "
        "NASA/TM-2005-213808)",
        "A 10:30 descending node is LTAN 22:30 (β > 0; LTAN 10:30 gives the mirror range). The "
        "geometry gives 17–24° rather than the 15–40° sometimes quoted; uniform-β mean sunlight "
        "0.637 (time average 0.638), below the ~0.8 REFERENCES.md quotes for 'other SSO'",
    )
    return Orbit(
        name="sso-550",
        description="Sun-synchronous orbit at 550 km with a 10:30 local time of the descending "
        "node, as flown by Earth-observation satellites: eclipsed about a third of every orbit.",
        altitude_km=altitude,
        inclination_deg=round(sun_synchronous_inclination_deg(altitude), 2),
        beta_min_deg=beta_lo,
        beta_max_deg=beta_hi,
        launch_capacity_factor=round(
            launch_capacity_factor(sun_synchronous_inclination_deg(altitude)), 3
        ),
        sun_synchronous=True,
        sources={
            "altitude_km": Source(
                title="skyrack choice: the altitude of Starlink's main shell, for comparison "
                "with leo-550-53",
                year=2026,
                estimate=True,
                note="550 km, as the Starlink shell and the SPENVIS dose table's altitude",
            ).with_range(550.0, 550.0, "a choice of the orbit, not an uncertain number"),
            "inclination_deg": _inclination_source(altitude),
            "beta_min_deg": beta_source.with_range(beta_lo, beta_lo, EXACT),
            "beta_max_deg": beta_source.with_range(beta_hi, beta_hi, EXACT),
            "launch_capacity_factor": _launch_factor_source(
                sun_synchronous_inclination_deg(altitude)
            ),
        },
    )


def leo_550_53() -> Orbit:
    """Starlink's first shell: 550 km at 53°, the node precessing through every sun angle."""
    from skyrack.physics import orbit as orbit_physics

    inclination = 53.0
    beta_max = round(inclination + orbit_physics.OBLIQUITY_DEG, 2)
    beta_source = Source(
        title="Beta-angle range of a precessing circular orbit: |β| ≤ i + ε (NASA/TM-2005-213808)",
        year=2005,
        estimate=True,
        note=f"the node precesses through all sun angles, so β sweeps ±(53° + 23.44°) = "
        f"±{beta_max:.2f}°; the signed range is kept (eclipses depend on |β|, so [0, 76.44°] "
        "gives the same uniform mean). Uniform-β mean sunlight 0.723; the time average (β is not "
        "uniform in time) is 0.687 — REFERENCES.md quotes ~0.6 for mid-inclination LEO",
    )
    return Orbit(
        name="leo-550-53",
        description="Starlink's first shell: circular 550 km at 53° inclination; not "
        "sun-synchronous, so the orbit passes through every beta angle and is often eclipsed.",
        altitude_km=550.0,
        inclination_deg=inclination,
        beta_min_deg=-beta_max,
        beta_max_deg=beta_max,
        launch_capacity_factor=round(launch_capacity_factor(inclination), 3),
        sun_synchronous=False,
        sources={
            "altitude_km": Source(
                title="SpaceX, Starlink FCC modification (first shell: 1,584 satellites at 550 km, "
                "53°), FCC 21-48",
                year=2021,
                url="https://docs.fcc.gov/public/attachments/FCC-21-48A1.pdf",
            ),
            "inclination_deg": Source(
                title="SpaceX, Starlink FCC modification (first shell: 550 km, 53°), FCC 21-48",
                year=2021,
                url="https://docs.fcc.gov/public/attachments/FCC-21-48A1.pdf",
            ),
            "beta_min_deg": beta_source.with_range(-beta_max, -beta_max, EXACT),
            "beta_max_deg": beta_source.with_range(beta_max, beta_max, EXACT),
            "launch_capacity_factor": _launch_factor_source(inclination),
        },
    )


CATALOG: tuple[Callable[[], Orbit], ...] = (sso_dawn_dusk_650, sso_550, leo_550_53)


@hookimpl
def register_orbits(register: Callable[[Orbit], None]) -> None:
    """Register the built-in orbits."""
    for build in CATALOG:
        register(build())
