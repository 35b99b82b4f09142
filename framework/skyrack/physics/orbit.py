"""Circular-orbit mechanics, Earth shadow, beta angle, atmosphere, drag decay and de-orbit.

All functions are pure and vectorized: every numeric argument may be a float or a numpy array
(arrays broadcast against each other); a scalar call returns a Python ``float``, an array call a
``numpy.ndarray`` of float64. Invalid physical input raises :class:`ValueError` naming the
argument and the offending value.

This module also holds the physical constants and the input-checking helpers shared by the other
``skyrack.physics`` modules.

Each function the evaluator uses has an unchecked ``<name>_kernel(xp, ...)`` beside it: the same
equation on an array namespace ``xp`` (:mod:`skyrack.array_api`), without input checks, for
inputs the evaluator validated once. The public function checks its input and calls the kernel
with numpy. Kernels built on a quadrature or a table run numpy on floats too, memoized.

Constants and sources
---------------------
* Earth equatorial radius R = 6378.137 km — WGS-84 (NIMA TR8350.2, 2000).
* Earth gravitational parameter μ = 398600.4418 km³/s² — WGS-84 / IERS.
* Earth J2 = 1.08262668e-3 — EGM-96, as tabulated by Vallado (2013), *Fundamentals of
  Astrodynamics and Applications*, 4th ed.
* Solar constant S = 1361 W/m² — Kopp & Lean (2011), *Geophys. Res. Lett.* 38, L01706.
* Standard gravity g0 = 9.80665 m/s² — CGPM (1901), exact.
* Stefan–Boltzmann σ = 5.670374419e-8 W/(m²·K⁴) — CODATA 2018, exact.
* Obliquity of the ecliptic ε = 23.44° — IAU J2000 value 23.439° rounded.
* Tropical year 365.2422 d (sun-synchronous precession rate); the Julian year 365.25 d is the unit
  of every ``per_year`` quantity.
"""

from __future__ import annotations

import functools
import math
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.data import load_table

__all__ = [
    "EARTH_EQUATORIAL_RADIUS_KM",
    "EARTH_J2",
    "EARTH_MU_KM3_S2",
    "MIN_ORBIT_ALTITUDE_KM",
    "OBLIQUITY_DEG",
    "SECONDS_PER_YEAR",
    "SOLAR_CONSTANT_W_M2",
    "STANDARD_GRAVITY_M_S2",
    "STEFAN_BOLTZMANN_W_M2_K4",
    "FloatOrArray",
    "SolarActivity",
    "atmospheric_density_kg_m3",
    "ballistic_coefficient_kg_m2",
    "beta_angle_deg",
    "deorbit_delta_v_m_s",
    "drag_decay_rate_km_per_year",
    "drag_lifetime_years",
    "drag_makeup_delta_v_m_s_per_year",
    "eclipse_duration_s",
    "eclipse_fraction",
    "mean_eclipse_fraction",
    "orbit_geometry_kernel",
    "orbital_period_s",
    "orbital_velocity_m_s",
    "precessing_orbit_beta_range_deg",
    "precessing_orbit_mean_eclipse_fraction",
    "sso_beta_range_deg",
    "sso_mean_eclipse_fraction",
    "sun_synchronous_inclination_deg",
]

FloatArray: TypeAlias = npt.NDArray[np.float64]
FloatOrArray: TypeAlias = float | npt.NDArray[np.float64]
"""What every physics function returns: ``float`` for scalar input, float64 array otherwise."""

SolarActivity: TypeAlias = Literal["nominal", "low", "moderate", "high"]

# --- constants (sources in the module docstring) -------------------------------------------------
EARTH_EQUATORIAL_RADIUS_KM = 6378.137
EARTH_MU_KM3_S2 = 398600.4418
EARTH_J2 = 1.08262668e-3
SOLAR_CONSTANT_W_M2 = 1361.0
STANDARD_GRAVITY_M_S2 = 9.80665
STEFAN_BOLTZMANN_W_M2_K4 = 5.670374419e-8
OBLIQUITY_DEG = 23.44
SECONDS_PER_DAY = 86400.0
SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY
TROPICAL_YEAR_S = 365.2422 * SECONDS_PER_DAY
MIN_ORBIT_ALTITUDE_KM = 150.0
"""Lowest altitude accepted as an orbit: below ~150 km a satellite re-enters within days."""
MAX_DRAG_ALTITUDE_KM = 2000.0
"""Upper end of the drag-lifetime grid (LEO)."""


# --- shared helpers (used by power, thermal, mass, radiation) -----------------------------------
def _fmt(value: float) -> str:
    return f"{value:g}"


def _raise_first_bad(
    name: str, arr: FloatArray, ok: npt.NDArray[np.bool_], requirement: str
) -> None:
    values = np.broadcast_to(arr, np.shape(ok))
    bad_mask = ~np.asarray(ok)
    first = int(np.flatnonzero(bad_mask)[0])
    bad = float(values.flat[first])
    where = ""
    if bad_mask.ndim > 0:
        index = tuple(int(i) for i in np.unravel_index(first, bad_mask.shape))
        shown = index[0] if len(index) == 1 else index
        where = f" (at index {shown}; {int(bad_mask.sum())} of {bad_mask.size} values invalid)"
    raise ValueError(f"{name} must be {requirement}, got {_fmt(bad)}{where}")


def as_float_array(name: str, value: npt.ArrayLike) -> FloatArray:
    """Convert ``value`` to a float64 array, raising ValueError (naming ``name``) if not finite."""
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a number or an array of numbers, got {value!r}") from exc
    finite = np.isfinite(arr)
    if not np.all(finite):
        _raise_first_bad(name, arr, finite, "a finite number")
    return arr


def require(name: str, arr: FloatArray, ok: npt.NDArray[np.bool_], requirement: str) -> None:
    """Raise ``ValueError("<name> must be <requirement>, got <first bad value>")`` unless all ok.

    For array input the message adds the index of the first bad value and how many are bad.
    """
    if not np.all(ok):
        _raise_first_bad(name, arr, ok, requirement)


def to_output(value: npt.ArrayLike) -> FloatOrArray:
    """Return a Python float for 0-d results, otherwise a float64 array."""
    arr = np.asarray(value, dtype=np.float64)
    if arr.ndim == 0:
        return float(arr)
    return arr


def check_altitude_km(altitude_km: npt.ArrayLike, name: str = "altitude_km") -> FloatArray:
    """Validate an orbital altitude (≥ 150 km) and return it as a float64 array."""
    h = as_float_array(name, altitude_km)
    require(
        name,
        h,
        h >= MIN_ORBIT_ALTITUDE_KM,
        "≥ 150 km (inside the atmosphere below that)",
    )
    return h


def _check_beta_deg(name: str, beta_deg: npt.ArrayLike) -> FloatArray:
    b = as_float_array(name, beta_deg)
    require(name, b, np.abs(b) <= 90.0, "in [-90, 90] degrees")
    return b


# --- circular orbit ------------------------------------------------------------------------------
def orbital_period_s(altitude_km: npt.ArrayLike) -> FloatOrArray:
    """Period of a circular orbit, T = 2π √(a³/μ) [s], a = R + h [km], μ [km³/s²].

    Kepler's third law; R = 6378.137 km (WGS-84), μ = 398600.4418 km³/s². No J2 correction
    (nodal period differs by < 0.1 % in LEO).
    """
    return to_output(orbital_period_s_kernel(NUMPY, check_altitude_km(altitude_km)))


def orbital_period_s_kernel(xp: ArrayNamespace, altitude_km: Real) -> Real:
    """Unchecked :func:`orbital_period_s` on namespace ``xp``."""
    a_km = EARTH_EQUATORIAL_RADIUS_KM + altitude_km
    return 2.0 * math.pi * xp.sqrt(a_km**3 / EARTH_MU_KM3_S2)


def orbital_velocity_m_s(altitude_km: npt.ArrayLike) -> FloatOrArray:
    """Circular orbital speed v = √(μ / a) [m/s], a = R + h [km], μ [km³/s²] (×1000 km→m).

    Inertial speed, two-body; R and μ from WGS-84.
    """
    a_km = EARTH_EQUATORIAL_RADIUS_KM + check_altitude_km(altitude_km)
    return to_output(1000.0 * np.sqrt(EARTH_MU_KM3_S2 / a_km))


# --- Earth shadow --------------------------------------------------------------------------------
def eclipse_fraction_kernel(xp: ArrayNamespace, altitude_km: Real, beta_angle_deg: Real) -> Real:
    """Unchecked :func:`eclipse_fraction` on namespace ``xp`` (numpy: call it inside
    ``np.errstate(divide="ignore", invalid="ignore")``; cos β may be ~0)."""
    r = EARTH_EQUATORIAL_RADIUS_KM + altitude_km
    beta_star = xp.arcsin(EARTH_EQUATORIAL_RADIUS_KM / r)
    beta = xp.radians(beta_angle_deg)
    cos_beta = xp.cos(beta)
    # argument of acos; outside the shadow band (|β| ≥ β*) it exceeds 1 → fraction 0
    x = xp.sqrt(altitude_km**2 + 2.0 * EARTH_EQUATORIAL_RADIUS_KM * altitude_km) / (r * cos_beta)
    in_band = xp.abs(beta) < beta_star
    x = xp.where(in_band, xp.clip(x, -1.0, 1.0), 1.0)
    return xp.arccos(x) / math.pi


def _eclipse_fraction_array(h_km: FloatArray, beta_deg: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(eclipse_fraction_kernel(NUMPY, h_km, beta_deg), dtype=np.float64)


def eclipse_fraction(altitude_km: npt.ArrayLike, beta_angle_deg: npt.ArrayLike) -> FloatOrArray:
    """Fraction of a circular orbit spent in Earth's (cylindrical) shadow [-].

    β* = asin(R / (R + h)); for |β| < β*:
    f = acos( √(h² + 2 R h) / ((R + h) cos β) ) / π, else f = 0.
    h, R in km; β (the solar beta angle, between the Sun vector and the orbit plane) in degrees.

    Source: cylindrical-shadow geometry, e.g. Gilmore (ed.), *Spacecraft Thermal Control
    Handbook* Vol. I (2002), ch. 2; Wertz & Larson, *SMAD* 3rd ed. (1999), §5.1. Ignores
    penumbra and atmospheric refraction (the umbra is slightly conical: error < 1 % of the orbit).
    At 550 km, β = 0: f = asin(6378.137 / 6928.137)/π = 0.3726.
    """
    h = check_altitude_km(altitude_km)
    b = _check_beta_deg("beta_angle_deg", beta_angle_deg)
    return to_output(_eclipse_fraction_array(h, b))


def eclipse_duration_s(altitude_km: npt.ArrayLike, beta_angle_deg: npt.ArrayLike) -> FloatOrArray:
    """Longest continuous eclipse per orbit t = f(h, β) · T(h) [s] (see eclipse_fraction)."""
    h = check_altitude_km(altitude_km)
    b = _check_beta_deg("beta_angle_deg", beta_angle_deg)
    with np.errstate(divide="ignore", invalid="ignore"):
        return to_output(eclipse_duration_s_kernel(NUMPY, h, b))


def eclipse_duration_s_kernel(xp: ArrayNamespace, altitude_km: Real, beta_angle_deg: Real) -> Real:
    """Unchecked :func:`eclipse_duration_s` on namespace ``xp``."""
    fraction = eclipse_fraction_kernel(xp, altitude_km, beta_angle_deg)
    return fraction * orbital_period_s_kernel(xp, altitude_km)


# Gauss–Legendre nodes on [-1, 1]; 48 nodes resolve the √-type edge at β = ±β* to < 1e-4.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(48)
_CHUNK = 16384  # rows per block: bounds temporary memory to ~6 MB per array


def mean_eclipse_fraction(
    altitude_km: npt.ArrayLike,
    beta_min_deg: npt.ArrayLike,
    beta_max_deg: npt.ArrayLike,
) -> FloatOrArray:
    """Mean eclipse fraction for β uniformly distributed in [β_min, β_max] [-].

    f̄ = 1/(β_max − β_min) ∫ f(h, β) dβ over [β_min, β_max]; f is zero outside (−β*, β*), so the
    integral runs over [max(β_min, −β*), min(β_max, β*)] with 48-point Gauss–Legendre
    quadrature (absolute error < 1e-4 against a 20,001-point trapezoid). β_min = β_max returns
    f(h, β_min). Degrees in, dimensionless out; broadcasts over all three arguments.

    Uniform β is an approximation: a real orbit does not sample β uniformly. For time averages
    use sso_mean_eclipse_fraction / precessing_orbit_mean_eclipse_fraction; ``docs/model.md``
    (Physics → Sunlight fraction) lists β ranges whose uniform mean reproduces them.
    """
    h = check_altitude_km(altitude_km)
    bmin = _check_beta_deg("beta_min_deg", beta_min_deg)
    bmax = _check_beta_deg("beta_max_deg", beta_max_deg)
    h_b, bmin_b, bmax_b = np.broadcast_arrays(h, bmin, bmax)
    require("beta_max_deg", bmax_b, bmax_b >= bmin_b, "≥ beta_min_deg")
    return to_output(_mean_eclipse_fraction_array(h_b, bmin_b, bmax_b))


def _mean_eclipse_fraction_array(
    altitude_km: npt.ArrayLike, beta_min_deg: npt.ArrayLike, beta_max_deg: npt.ArrayLike
) -> FloatArray:
    h_b, bmin_b, bmax_b = np.broadcast_arrays(
        *(np.asarray(a, dtype=np.float64) for a in (altitude_km, beta_min_deg, beta_max_deg))
    )
    shape = h_b.shape
    h_f, lo_f, hi_f = (np.ravel(a) for a in (h_b, bmin_b, bmax_b))
    out = np.empty(h_f.shape, dtype=np.float64)
    for start in range(0, h_f.size, _CHUNK):  # blocks of rows, not elements
        sl = slice(start, start + _CHUNK)
        hh, b0, b1 = h_f[sl], lo_f[sl], hi_f[sl]
        beta_star = np.degrees(
            np.arcsin(EARTH_EQUATORIAL_RADIUS_KM / (EARTH_EQUATORIAL_RADIUS_KM + hh))
        )
        lo = np.maximum(b0, -beta_star)
        hi = np.minimum(b1, beta_star)
        half = np.maximum(hi - lo, 0.0) / 2.0
        mid = (hi + lo) / 2.0
        nodes = mid[:, None] + half[:, None] * _GL_X[None, :]
        f = _eclipse_fraction_array(hh[:, None], nodes)
        integral = half * (f @ _GL_W)
        width = b1 - b0
        point = _eclipse_fraction_array(hh, b0)
        with np.errstate(divide="ignore", invalid="ignore"):
            out[sl] = np.where(width > 0.0, integral / np.where(width > 0.0, width, 1.0), point)
    return out.reshape(shape)


# --- beta angle ----------------------------------------------------------------------------------
def sun_synchronous_inclination_deg(altitude_km: npt.ArrayLike) -> FloatOrArray:
    """Inclination of a circular sun-synchronous orbit [deg].

    cos i = −Ω̇_ss / (3/2 · J2 · n · (R/a)²), n = √(μ/a³) [rad/s], Ω̇_ss = 2π / tropical year
    (1.991e-7 rad/s). Source: Vallado (2013) §9.6 (J2 secular node rate). 550 km → 97.59°,
    650 km → 97.99°.
    """
    h = check_altitude_km(altitude_km)
    cos_i = _sso_cos_inclination(NUMPY, h)
    require("altitude_km", h, cos_i >= -1.0, "low enough for a sun-synchronous orbit (< ~5970 km)")
    return to_output(np.degrees(np.arccos(cos_i)))


def _sso_cos_inclination(xp: ArrayNamespace, altitude_km: Real) -> Real:
    a = EARTH_EQUATORIAL_RADIUS_KM + altitude_km
    n = xp.sqrt(EARTH_MU_KM3_S2 / a**3)
    node_rate = 2.0 * math.pi / TROPICAL_YEAR_S
    return -node_rate / (1.5 * EARTH_J2 * n * (EARTH_EQUATORIAL_RADIUS_KM / a) ** 2)


def sun_synchronous_inclination_deg_kernel(xp: ArrayNamespace, altitude_km: Real) -> Real:
    """Unchecked :func:`sun_synchronous_inclination_deg` on namespace ``xp`` (h ≤ ~5970 km)."""
    return xp.arccos(_sso_cos_inclination(xp, altitude_km)) * (180.0 / math.pi)


def beta_angle_deg(
    inclination_deg: npt.ArrayLike,
    raan_deg: npt.ArrayLike,
    solar_longitude_deg: npt.ArrayLike,
) -> FloatOrArray:
    """Solar beta angle β [deg] from the orbit's inclination i, RAAN Ω and the Sun's ecliptic
    longitude Γ (all degrees).

    sin β = cos Γ sin Ω sin i − sin Γ cos ε cos Ω sin i + sin Γ sin ε cos i, ε = 23.44°.
    Source: standard result, e.g. NASA/TM-2005-213808 and Gilmore (2002) ch. 2.
    """
    i = np.radians(as_float_array("inclination_deg", inclination_deg))
    require("inclination_deg", np.degrees(i), (i >= 0.0) & (i <= np.pi), "in [0, 180] degrees")
    raan = np.radians(as_float_array("raan_deg", raan_deg))
    gam = np.radians(as_float_array("solar_longitude_deg", solar_longitude_deg))
    eps = np.radians(OBLIQUITY_DEG)
    s = (
        np.cos(gam) * np.sin(raan) * np.sin(i)
        - np.sin(gam) * np.cos(eps) * np.cos(raan) * np.sin(i)
        + np.sin(gam) * np.sin(eps) * np.cos(i)
    )
    return to_output(np.degrees(np.arcsin(np.clip(s, -1.0, 1.0))))


def _sso_beta_coefficients(
    altitude_km: npt.ArrayLike, ltan_hours: npt.ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Altitude, A = sin i sin Δ and C = cos i of sin β = A cos δ + C sin δ, broadcast (checked)."""
    h = check_altitude_km(altitude_km)
    ltan = as_float_array("ltan_hours", ltan_hours)
    require("ltan_hours", ltan, (ltan >= 0.0) & (ltan <= 24.0), "in [0, 24] hours")
    return _sso_coefficients(h, ltan)


def _sso_coefficients(
    altitude_km: npt.ArrayLike, ltan_hours: npt.ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray]:
    h = np.asarray(altitude_km, dtype=np.float64)
    i = np.radians(np.asarray(sun_synchronous_inclination_deg_kernel(NUMPY, h), dtype=np.float64))
    delta = np.radians(15.0 * (np.asarray(ltan_hours, dtype=np.float64) - 12.0))
    h_b, a_coef, c_coef = np.broadcast_arrays(h, np.sin(i) * np.sin(delta), np.cos(i) + 0.0 * delta)
    return h_b, a_coef, c_coef


def sso_beta_range_deg(
    altitude_km: npt.ArrayLike, ltan_hours: npt.ArrayLike
) -> tuple[FloatOrArray, FloatOrArray]:
    """Yearly (min, max) solar beta angle [deg] of a sun-synchronous orbit with local time of the
    ascending node ``ltan_hours`` (6 = dawn-dusk, 10.5 = typical imaging SSO).

    For an SSO the node tracks the Sun: Ω − α_sun = Δ = 15°·(LTAN − 12 h), which reduces the
    beta-angle formula to sin β = sin i · sin Δ · cos δ + cos i · sin δ, where δ ∈ [−ε, ε] is the
    solar declination and i = sun_synchronous_inclination_deg(h). The extremes over a year are at
    δ = ±ε or at the stationary point tan δ = cos i / (sin i sin Δ). Mean Sun; the equation of
    time (≤ 4°) is ignored. Eclipses depend on |β| only.
    """
    _, a_coef, c_coef = _sso_beta_coefficients(altitude_km, ltan_hours)
    lo, hi = _sso_beta_range_array(a_coef, c_coef)
    return to_output(lo), to_output(hi)


def _sso_beta_range_array(a_coef: FloatArray, c_coef: FloatArray) -> tuple[FloatArray, FloatArray]:
    eps = np.radians(OBLIQUITY_DEG)
    stationary = np.arctan2(c_coef, a_coef)
    stationary = (stationary + np.pi / 2.0) % np.pi - np.pi / 2.0  # wrap to [-90°, 90°)
    candidates = np.stack(
        [
            np.full_like(a_coef, -eps),
            np.full_like(a_coef, eps),
            np.clip(stationary, -eps, eps),  # clipped copy equals an endpoint if outside
        ]
    )
    s = a_coef * np.cos(candidates) + c_coef * np.sin(candidates)
    beta = np.degrees(np.arcsin(np.clip(s, -1.0, 1.0)))
    return beta.min(axis=0), beta.max(axis=0)


# Solar longitude Γ over half a year, midpoint rule: δ(Γ) = asin(sin ε sin Γ) is symmetric, so
# [−90°, 90°] samples the declination distribution of a whole year (circular Earth orbit).
_N_GAMMA = 180
_GAMMA_RAD = (np.arange(_N_GAMMA) + 0.5) / _N_GAMMA * np.pi - np.pi / 2.0
_SIN_DECL = np.sin(np.radians(OBLIQUITY_DEG)) * np.sin(_GAMMA_RAD)
_COS_DECL = np.sqrt(1.0 - _SIN_DECL**2)


def sso_mean_eclipse_fraction(
    altitude_km: npt.ArrayLike, ltan_hours: npt.ArrayLike
) -> FloatOrArray:
    """Year-averaged eclipse fraction of a circular sun-synchronous orbit [-].

    f̄ = ⟨f(h, β(δ(Γ)))⟩ over the Sun's ecliptic longitude Γ uniform in time (circular Earth
    orbit), with sin δ = sin ε sin Γ and sin β = sin i sin Δ cos δ + cos i sin δ as in
    sso_beta_range_deg; 180-point midpoint rule (error < 1e-3). Sunlight fraction = 1 − f̄.
    Dawn-dusk (LTAN 6 or 18 h) at 650 km: f̄ = 0.039 → sunlight 0.961, inside the 0.95–0.98
    quoted for dawn-dusk SSO; 10:30 at 550 km: f̄ = 0.362 → sunlight 0.638.
    """
    h, a_coef, c_coef = _sso_beta_coefficients(altitude_km, ltan_hours)
    return to_output(_sso_mean_eclipse_array(h, a_coef, c_coef))


def _sso_mean_eclipse_array(h: FloatArray, a_coef: FloatArray, c_coef: FloatArray) -> FloatArray:
    shape = h.shape
    h_f, a_f, c_f = (np.ravel(x) for x in (h, a_coef, c_coef))
    out = np.empty(h_f.shape, dtype=np.float64)
    for start in range(0, h_f.size, _CHUNK):  # blocks of rows, not elements
        sl = slice(start, start + _CHUNK)
        s = a_f[sl, None] * _COS_DECL[None, :] + c_f[sl, None] * _SIN_DECL[None, :]
        beta = np.degrees(np.arcsin(np.clip(s, -1.0, 1.0)))
        out[sl] = _eclipse_fraction_array(h_f[sl, None], beta).mean(axis=1)
    return out.reshape(shape)


_PRECESS_INC_DEG = np.arange(0.0, 90.1, 2.5)
_PRECESS_ALT_KM = np.arange(MIN_ORBIT_ALTITUDE_KM, MAX_DRAG_ALTITUDE_KM + 1.0, 50.0)


@functools.lru_cache(maxsize=1)
def _precessing_table() -> FloatArray:
    """Mean eclipse fraction on the (inclination ≤ 90°, altitude) grid; node phase φ = Ω − α and Γ
    each on a 60-point midpoint rule (sin φ over [−90°, 90°] has the distribution of a full turn).
    """
    n_phi = 60
    phi = (np.arange(n_phi) + 0.5) / n_phi * np.pi - np.pi / 2.0
    n_gam = 60
    gam = (np.arange(n_gam) + 0.5) / n_gam * np.pi - np.pi / 2.0
    sin_d = np.sin(np.radians(OBLIQUITY_DEG)) * np.sin(gam)
    cos_d = np.sqrt(1.0 - sin_d**2)
    inc = np.radians(_PRECESS_INC_DEG)
    # sin β = sin i cos δ sin φ + cos i sin δ, axes (inc, phi, gamma)
    s = (
        np.sin(inc)[:, None, None] * cos_d[None, None, :] * np.sin(phi)[None, :, None]
        + np.cos(inc)[:, None, None] * sin_d[None, None, :]
    )
    beta = np.degrees(np.arcsin(np.clip(s, -1.0, 1.0))).reshape(inc.size, 1, -1)
    f = _eclipse_fraction_array(_PRECESS_ALT_KM[None, :, None], beta)
    table = np.asarray(f.mean(axis=2), dtype=np.float64)  # (inc, alt)
    table.setflags(write=False)
    return table


def precessing_orbit_mean_eclipse_fraction(
    altitude_km: npt.ArrayLike, inclination_deg: npt.ArrayLike
) -> FloatOrArray:
    """Long-term mean eclipse fraction of a circular orbit whose node precesses relative to the
    Sun (any non-sun-synchronous orbit) [-].

    f̄ = ⟨f(h, β)⟩ with sin β = sin i cos δ sin φ + cos i sin δ, the node phase φ = Ω − α_sun
    uniform over a full turn and the solar declination δ over a year (sin δ = sin ε sin Γ).
    Tabulated once on inclination 0–90° (2.5° steps; f̄(i) = f̄(180° − i)) × altitude
    150–2000 km (50 km steps), 60 × 60 midpoint quadrature, then bilinearly interpolated
    (error < 1e-3). 550 km, 53°: f̄ = 0.313 → sunlight 0.687 (~0.6 is often quoted for
    mid-inclination LEO: the β = 0 worst case); the uniform-β approximation over ±76.4° gives
    0.277.
    """
    h = check_altitude_km(altitude_km)
    require("altitude_km", h, h <= MAX_DRAG_ALTITUDE_KM, "≤ 2000 km for the tabulated average")
    inc = as_float_array("inclination_deg", inclination_deg)
    require("inclination_deg", inc, (inc >= 0.0) & (inc <= 180.0), "in [0, 180] degrees")
    return to_output(_precessing_mean_eclipse_array(h, inc))


def _precessing_mean_eclipse_array(h: npt.ArrayLike, inclination_deg: npt.ArrayLike) -> FloatArray:
    inc = np.asarray(inclination_deg, dtype=np.float64)
    inc = np.minimum(inc, 180.0 - inc)
    h, inc = np.broadcast_arrays(np.asarray(h, dtype=np.float64), inc)
    table = _precessing_table()
    di = _PRECESS_INC_DEG[1] - _PRECESS_INC_DEG[0]
    dh = _PRECESS_ALT_KM[1] - _PRECESS_ALT_KM[0]
    xi = np.clip(inc / di, 0.0, _PRECESS_INC_DEG.size - 1.000001)
    xh = np.clip((h - _PRECESS_ALT_KM[0]) / dh, 0.0, _PRECESS_ALT_KM.size - 1.000001)
    i0 = np.floor(xi).astype(np.intp)
    j0 = np.floor(xh).astype(np.intp)
    wi = xi - i0
    wj = xh - j0
    value: FloatArray = (
        table[i0, j0] * (1 - wi) * (1 - wj)
        + table[i0 + 1, j0] * wi * (1 - wj)
        + table[i0, j0 + 1] * (1 - wi) * wj
        + table[i0 + 1, j0 + 1] * wi * wj
    )
    return value


def precessing_orbit_beta_range_deg(
    inclination_deg: npt.ArrayLike,
) -> tuple[FloatOrArray, FloatOrArray]:
    """(min, max) beta angle [deg] of a non-sun-synchronous orbit whose node precesses through all
    RAANs: β ∈ ±min(i' + ε, 90°) with i' = min(i, 180° − i) and ε = 23.44°.
    """
    i = as_float_array("inclination_deg", inclination_deg)
    require("inclination_deg", i, (i >= 0.0) & (i <= 180.0), "in [0, 180] degrees")
    b = np.minimum(np.minimum(i, 180.0 - i) + OBLIQUITY_DEG, 90.0)
    return to_output(-b), to_output(b)


# --- an orbit from its elements ------------------------------------------------------------------
def orbit_geometry_kernel(
    xp: ArrayNamespace, altitude_km: Real, inclination_deg: Real, ltan_hours: Real
) -> tuple[Real, Real, Real, Real]:
    """(inclination [deg], yearly β_min and β_max [deg], time-averaged eclipse fraction [-]) of
    a circular orbit given by its altitude and either its inclination (NaN for a sun-synchronous
    orbit) or, for a sun-synchronous one, the local time of its ascending node (NaN otherwise).

    Sun-synchronous: i from the J2 node rate, β range from sso_beta_range_deg, eclipse fraction
    from sso_mean_eclipse_fraction. Otherwise the node precesses through every Sun angle:
    β ∈ ±min(i′ + ε, 90°), eclipse fraction from precessing_orbit_mean_eclipse_fraction. Both
    eclipse fractions are time averages over a year. Unchecked (the Orbit component and
    ``sizing.check_domain`` check the elements); floats are memoized per distinct orbit.
    """
    if xp.scalar:
        return _orbit_geometry_memo(
            altitude_km,
            None if math.isnan(inclination_deg) else inclination_deg,
            None if math.isnan(ltan_hours) else ltan_hours,
        )
    h, inc, ltan = np.broadcast_arrays(
        *(np.asarray(x, dtype=np.float64) for x in (altitude_km, inclination_deg, ltan_hours))
    )
    sso = np.isfinite(ltan)
    sso_inclination = np.asarray(sun_synchronous_inclination_deg_kernel(NUMPY, h))
    inclination = np.where(sso, sso_inclination, inc)
    reach = np.minimum(np.minimum(inclination, 180.0 - inclination) + OBLIQUITY_DEG, 90.0)
    beta_lo, beta_hi, eclipse = -reach, reach, np.zeros(h.shape)
    if np.any(~sso):
        eclipse = np.where(sso, 0.0, _precessing_mean_eclipse_array(h, np.where(sso, 90.0, inc)))
    if np.any(sso):
        _, a_coef, c_coef = _sso_coefficients(h, np.where(sso, ltan, 6.0))
        lo, hi = _sso_beta_range_array(a_coef, c_coef)
        beta_lo, beta_hi = np.where(sso, lo, beta_lo), np.where(sso, hi, beta_hi)
        eclipse = np.where(sso, _sso_mean_eclipse_array(h, a_coef, c_coef), eclipse)
    return inclination, beta_lo, beta_hi, eclipse


@functools.lru_cache(maxsize=1024)
def _orbit_geometry_memo(
    altitude_km: float, inclination_deg: float | None, ltan_hours: float | None
) -> tuple[float, float, float, float]:
    values = orbit_geometry_kernel(
        NUMPY,
        altitude_km,
        math.nan if inclination_deg is None else inclination_deg,
        math.nan if ltan_hours is None else ltan_hours,
    )
    inclination, lo, hi, eclipse = (float(v) for v in values)
    return inclination, lo, hi, eclipse


# --- atmosphere ----------------------------------------------------------------------------------
# Both tables are package data with their original sources (skyrack/data/*.csv).
# Vallado (2013), exponential atmosphere (Table 8-4): rho(h) = rho0 * exp(-(h - h0)/H) within
# each band; the 1000 km band is used above 1000 km.
_VALLADO = load_table("atmosphere_vallado")
_VALLADO_BASE_KM = _VALLADO.numbers("base_altitude_km")
_VALLADO_RHO0_KG_M3 = _VALLADO.numbers("density_kg_m3")
_VALLADO_SCALE_HEIGHT_KM = _VALLADO.numbers("scale_height_km")

# MSISE-90 global-average density for low / moderate / high solar activity, 0-900 km every 20 km
# (Braeunig's tables). Log-linear interpolation; above 900 km the 880-900 km log-slope is
# extrapolated.
_MSIS = load_table("atmosphere_msise90")
_MSIS_ALT_KM = _MSIS.numbers("altitude_km")
_MSIS_TABLES = {
    activity: np.log(_MSIS.numbers(f"{activity}_kg_m3")) for activity in ("low", "moderate", "high")
}


def _check_solar_activity(solar_activity: str) -> None:
    if solar_activity not in ("nominal", "low", "moderate", "high"):
        raise ValueError(
            "solar_activity must be 'nominal' (Vallado 2013), 'low', 'moderate' or 'high' "
            f"(MSISE-90), got {solar_activity!r}"
        )


def _density_array(h_km: FloatArray, solar_activity: str) -> FloatArray:
    if solar_activity == "nominal":
        idx = np.searchsorted(_VALLADO_BASE_KM, h_km, side="right") - 1
        rho = _VALLADO_RHO0_KG_M3[idx] * np.exp(
            -(h_km - _VALLADO_BASE_KM[idx]) / _VALLADO_SCALE_HEIGHT_KM[idx]
        )
        return np.asarray(rho, dtype=np.float64)
    log_rho = _MSIS_TABLES[solar_activity]
    slope = (log_rho[-1] - log_rho[-2]) / (_MSIS_ALT_KM[-1] - _MSIS_ALT_KM[-2])
    inside = np.interp(h_km, _MSIS_ALT_KM, log_rho)
    above = log_rho[-1] + slope * (h_km - _MSIS_ALT_KM[-1])
    return np.asarray(np.exp(np.where(h_km > _MSIS_ALT_KM[-1], above, inside)), dtype=np.float64)


def atmospheric_density_kg_m3(
    altitude_km: npt.ArrayLike, solar_activity: SolarActivity = "nominal"
) -> FloatOrArray:
    """Atmospheric mass density ρ(h) [kg/m³] at geometric altitude h [km] ≥ 0.

    ``"nominal"``: Vallado (2013) piecewise-exponential table, ρ = ρ0 exp(−(h − h0)/H) in the band
    h0 ≤ h < next h0 (28 bands, 0 to ≥ 1000 km). ``"low" | "moderate" | "high"``: MSISE-90 global
    averages for low/moderate/high solar activity (Braeunig, 0–900 km every 20 km), interpolated
    linearly in ln ρ; above 900 km the last log-slope is extrapolated. Real density at 400–800 km
    varies by one to two orders of magnitude over the solar cycle (high/low ≈ 89× at 400 km).
    """
    _check_solar_activity(solar_activity)
    h = as_float_array("altitude_km", altitude_km)
    require("altitude_km", h, h >= 0.0, "≥ 0 km")
    return to_output(_density_array(h, solar_activity))


# --- drag ----------------------------------------------------------------------------------------
def ballistic_coefficient_kg_m2(
    mass_kg: npt.ArrayLike, area_m2: npt.ArrayLike, drag_coefficient: npt.ArrayLike = 2.2
) -> FloatOrArray:
    """Ballistic coefficient B = m / (C_D A) [kg/m²] (Vallado 2013 §8.6.2 convention).

    m [kg], A = mean cross-section facing the flow [m²], C_D ≈ 2.2 for a flat-faced satellite in
    free-molecular flow (Vallado 2013; Wertz & Larson 1999). Every drag function here takes B in
    this form, so C_D enters only through B.
    """
    m = as_float_array("mass_kg", mass_kg)
    require("mass_kg", m, m > 0.0, "> 0 kg")
    a = as_float_array("area_m2", area_m2)
    require("area_m2", a, a > 0.0, "> 0 m²")
    cd = as_float_array("drag_coefficient", drag_coefficient)
    require("drag_coefficient", cd, cd > 0.0, "> 0")
    return to_output(m / (cd * a))


def _check_ballistic(b: npt.ArrayLike) -> FloatArray:
    arr = as_float_array("ballistic_coefficient_kg_m2", b)
    require("ballistic_coefficient_kg_m2", arr, arr > 0.0, "> 0 kg/m²")
    return arr


def _decay_rate_m_s(h_km: FloatArray, b_kg_m2: FloatArray, solar_activity: str) -> FloatArray:
    a_m = (EARTH_EQUATORIAL_RADIUS_KM + h_km) * 1000.0
    mu_m3_s2 = EARTH_MU_KM3_S2 * 1e9
    rho = _density_array(h_km, solar_activity)
    return np.asarray(rho * np.sqrt(mu_m3_s2 * a_m) / b_kg_m2, dtype=np.float64)


def drag_decay_rate_km_per_year(
    altitude_km: npt.ArrayLike,
    ballistic_coefficient_kg_m2: npt.ArrayLike,
    solar_activity: SolarActivity = "nominal",
) -> FloatOrArray:
    """Rate of altitude loss of a circular orbit from drag, |da/dt| [km/yr] (positive = decay).

    da/dt = −ρ(h) √(μ a) / B, with ρ [kg/m³] from atmospheric_density_kg_m3, μ [m³/s²], a [m],
    B = m/(C_D A) [kg/m²]; converted ×(3.15576e7 s/yr)/(1000 m/km). Circular-orbit decay in a
    non-rotating atmosphere (King-Hele 1987, *Satellite Orbits in an Atmosphere*; Vallado 2013
    §8.6): per revolution Δa = −2π ρ a²/B, divided by T = 2π √(a³/μ).
    """
    _check_solar_activity(solar_activity)
    h = check_altitude_km(altitude_km)
    b = _check_ballistic(ballistic_coefficient_kg_m2)
    rate_m_s = _decay_rate_m_s(h, b, solar_activity)
    return to_output(rate_m_s * SECONDS_PER_YEAR / 1000.0)


_LIFETIME_GRID_STEP_KM = 0.25
_LIFETIME_GRID_MIN_KM = 100.0


@functools.lru_cache(maxsize=8)
def _unit_lifetime_table(solar_activity: str) -> tuple[FloatArray, FloatArray]:
    """G(h) = ∫_{100 km}^{h} dh' / (ρ √(μ a)) [s·m²/kg per... i.e. years per (kg/m²)] on a 0.25 km
    grid, trapezoid rule. Lifetime from h0 to hf is B · (G(h0) − G(hf))."""
    grid = np.arange(
        _LIFETIME_GRID_MIN_KM, MAX_DRAG_ALTITUDE_KM + _LIFETIME_GRID_STEP_KM, _LIFETIME_GRID_STEP_KM
    )
    inv_rate_s_per_m = 1.0 / _decay_rate_m_s(grid, np.ones_like(grid), solar_activity)
    dh_m = _LIFETIME_GRID_STEP_KM * 1000.0
    increments = 0.5 * (inv_rate_s_per_m[1:] + inv_rate_s_per_m[:-1]) * dh_m
    cumulative_years = np.concatenate(([0.0], np.cumsum(increments))) / SECONDS_PER_YEAR
    grid.setflags(write=False)
    cumulative_years.setflags(write=False)
    return grid, cumulative_years


def drag_lifetime_years(
    altitude_km: npt.ArrayLike,
    ballistic_coefficient_kg_m2: npt.ArrayLike,
    solar_activity: SolarActivity = "nominal",
    final_altitude_km: npt.ArrayLike = 150.0,
) -> FloatOrArray:
    """Orbital lifetime of an uncontrolled circular orbit from h0 down to h_f (default 150 km)
    [years].

    t = ∫_{h_f}^{h0} dh / |da/dt| = B · ∫ dh / (ρ(h) √(μ a)), with the decay law of
    drag_decay_rate_km_per_year. The integral is tabulated once per solar_activity for B = 1 on a
    fixed 0.25 km grid from 100 to 2000 km (trapezoid rule, relative error < 1e-4) and scaled by B
    (the lifetime is exactly proportional to B in this model), then linearly interpolated.
    Static atmosphere: the lifetime at 500–600 km changes by more than 10× between solar minimum
    and maximum — compare ``solar_activity="low"`` and ``"high"``. Quasi-circular decay
    (King-Hele 1987; Vallado 2013 §8.6). Valid for 150 km ≤ h0 ≤ 2000 km.
    """
    _check_solar_activity(solar_activity)
    h = check_altitude_km(altitude_km)
    require("altitude_km", h, h <= MAX_DRAG_ALTITUDE_KM, "≤ 2000 km for the drag model")
    b = _check_ballistic(ballistic_coefficient_kg_m2)
    hf = as_float_array("final_altitude_km", final_altitude_km)
    require("final_altitude_km", hf, hf >= _LIFETIME_GRID_MIN_KM, "≥ 100 km")
    h_b, hf_b = np.broadcast_arrays(h, hf)
    require("final_altitude_km", hf_b, hf_b <= h_b, "≤ altitude_km")
    grid, g = _unit_lifetime_table(solar_activity)
    life = b * (np.interp(h, grid, g) - np.interp(hf, grid, g))
    return to_output(life)


def drag_makeup_delta_v_m_s_per_year(
    altitude_km: npt.ArrayLike,
    ballistic_coefficient_kg_m2: npt.ArrayLike,
    solar_activity: SolarActivity = "nominal",
) -> FloatOrArray:
    """Δv per year needed to cancel drag and hold a circular orbit [m/s per year].

    Δv/yr = a_drag · (3.15576e7 s/yr), a_drag = ½ ρ v² / B [m/s²], v = √(μ/a) [m/s],
    ρ [kg/m³], B = m/(C_D A) [kg/m²]. Non-rotating atmosphere (co-rotation would lower v_rel by
    ≤ 7 %, ρv² by ≤ 14 %, at high inclination less); continuous thrusting (Wertz & Larson 1999,
    §6.2, drag make-up).
    """
    _check_solar_activity(solar_activity)
    h = check_altitude_km(altitude_km)
    b = _check_ballistic(ballistic_coefficient_kg_m2)
    return to_output(drag_makeup_delta_v_m_s_per_year_kernel(NUMPY, h, b, solar_activity))


def drag_makeup_delta_v_m_s_per_year_kernel(
    xp: ArrayNamespace,
    altitude_km: Real,
    ballistic_coefficient_kg_m2: Real,
    solar_activity: SolarActivity = "nominal",
) -> Real:
    """Unchecked :func:`drag_makeup_delta_v_m_s_per_year` on namespace ``xp`` (the density table
    is read with numpy, for floats once per distinct altitude)."""
    rho: Real
    if xp.scalar:
        rho = _density_memo(altitude_km, solar_activity)
    else:
        rho = _density_array(altitude_km, solar_activity)
    v = 1000.0 * xp.sqrt(EARTH_MU_KM3_S2 / (EARTH_EQUATORIAL_RADIUS_KM + altitude_km))
    a_drag = 0.5 * rho * v**2 / ballistic_coefficient_kg_m2
    return a_drag * SECONDS_PER_YEAR


@functools.lru_cache(maxsize=1024)
def _density_memo(altitude_km: float, solar_activity: str) -> float:
    return float(_density_array(np.asarray(altitude_km, dtype=np.float64), solar_activity))


def deorbit_delta_v_m_s(
    altitude_km: npt.ArrayLike, target_perigee_km: npt.ArrayLike = 50.0
) -> FloatOrArray:
    """Δv of a single retrograde burn lowering perigee from a circular orbit [m/s].

    Δv = v_c − v_a = √(μ/r1) · (1 − √(2 r_p / (r1 + r_p))), r1 = R + h, r_p = R + h_p [km],
    ×1000 for m/s (first half of a Hohmann transfer; Vallado 2013 §6.3). A 50 km perigee gives a
    prompt, targeted re-entry; ~0 km is also common.
    """
    h = check_altitude_km(altitude_km)
    hp = as_float_array("target_perigee_km", target_perigee_km)
    require("target_perigee_km", hp, hp >= 0.0, "≥ 0 km")
    h_b, hp_b = np.broadcast_arrays(h, hp)
    require("target_perigee_km", hp_b, hp_b < h_b, "below altitude_km")
    return to_output(deorbit_delta_v_m_s_kernel(NUMPY, h, hp))


def deorbit_delta_v_m_s_kernel(
    xp: ArrayNamespace, altitude_km: Real, target_perigee_km: Real = 50.0
) -> Real:
    """Unchecked :func:`deorbit_delta_v_m_s` on namespace ``xp``."""
    r1 = EARTH_EQUATORIAL_RADIUS_KM + altitude_km
    rp = EARTH_EQUATORIAL_RADIUS_KM + target_perigee_km
    v_c = xp.sqrt(EARTH_MU_KM3_S2 / r1)
    return 1000.0 * v_c * (1.0 - xp.sqrt(2.0 * rp / (r1 + rp)))
