"""Total ionizing dose, dose-limited life, radiation failure hazard, SEU availability, shielding.

Vectorized pure functions (floats or numpy arrays in; ``float`` for scalar input, float64 array
otherwise). Invalid input raises :class:`ValueError` naming the argument and the value.
``<name>_kernel(xp, ...)`` is the unchecked equation on an array namespace (see
:mod:`skyrack.physics.orbit`).

Dose table
----------
ESA SPENVIS 4.6.11 runs published with T. Pfandzelter & D. Bermbach, "Edge Computing in Low-Earth
Orbit -- What Could Possibly Go Wrong?", ACM LEO-NET '23 (2023), doi:10.1145/3614204.3616106;
raw outputs in github.com/pfandzelter/leo-edge-failure-models (compute-failure/results, commit
f15cde76). Circular 550 km, inclination 0–180° in 5° steps, 2023–2027, trapped protons AP-8 MIN,
trapped electrons AE-8, SHIELDOSE-2 dose in Si at the centre of a solid Al sphere, 25 depths
0.05–20 mm. Total dose (electrons + bremsstrahlung + protons) per year = 5-year total / 5.
No solar-particle or cosmic-ray term. The grid is package data (``skyrack/data/
leo_tid_dose_550km.csv``) with this source in its header.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.data import load_table
from skyrack.physics.orbit import (
    FloatOrArray,
    as_float_array,
    check_altitude_km,
    require,
    to_output,
)

__all__ = [
    "ALUMINIUM_DENSITY_KG_M3",
    "DEFAULT_TID_SIGMA_LN",
    "TID_ALTITUDE_SCALE_KM",
    "TID_MAX_ALTITUDE_KM",
    "TID_REFERENCE_ALTITUDE_KM",
    "dose_limited_life_years",
    "radiation_failure_rate_per_year",
    "seu_availability",
    "shielding_mass_kg",
    "tid_failure_probability",
    "tid_hazard_per_year",
    "tid_rad_per_year",
]

ALUMINIUM_DENSITY_KG_M3 = 2700.0
"""Aluminium density [kg/m³] (pure Al 2698.9; alloys 2660–2810)."""

TID_REFERENCE_ALTITUDE_KM = 550.0
TID_ALTITUDE_SCALE_KM = 110.0
"""ESTIMATE. e-folding altitude H of dose with altitude, D(h) = D(550) · exp((h − 550)/H).

No sourced altitude grid exists in skyrack's data. H is fitted to the only altitude comparison
found: Barrett (1993, AP-8-based note, 4 mm Al hull, low confidence) gives 150 rad/yr at
400 km/52° and 170 rad/yr at 500 km/28.5°; SPENVIS at 550 km, 4 mm, interpolated to those
inclinations gives 470 and 285 rad/yr, i.e. H = 150/ln(470/150) = 131 km and
50/ln(285/170) = 97 km; geometric mean ≈ 113 → 110 km (×2.5 per 100 km). Trapped-proton flux
at the inner-belt edge rises steeply with altitude, so the form is reasonable in 400–800 km;
it is not a belt model and is refused above 1200 km.
"""
TID_MAX_ALTITUDE_KM = 1200.0
"""Highest altitude the dose model accepts (the altitude scaling is an estimate below it)."""

DEFAULT_TID_SIGMA_LN = 0.5
"""ASSUMPTION. Log-standard deviation of the part-to-part failure dose (lognormal)."""

# SPENVIS (Pfandzelter & Bermbach 2023), 550 km: total TID rad(Si)/yr, package data with its
# source (skyrack/data/leo_tid_dose_550km.csv): rows by inclination, a column per shielding.
_TID_TABLE = load_table("leo_tid_dose_550km")
_TID_INCLINATION_DEG = _TID_TABLE.numbers("inclination_deg")
_TID_SHIELD_COLUMNS = [name for name in _TID_TABLE.columns if name.startswith("shield_")]
_TID_SHIELD_MM = np.array(
    [float(name.removeprefix("shield_").removesuffix("_mm")) for name in _TID_SHIELD_COLUMNS]
)
_TID_550KM_RAD_PER_YEAR = np.column_stack([_TID_TABLE.numbers(c) for c in _TID_SHIELD_COLUMNS])

_TID_LOG_550KM = np.log(_TID_550KM_RAD_PER_YEAR)
_TID_LOG_550KM.setflags(write=False)


def tid_rad_per_year(
    altitude_km: npt.ArrayLike, inclination_deg: npt.ArrayLike, shielding_mm_al: npt.ArrayLike
) -> FloatOrArray:
    """Total ionizing dose rate in silicon behind spherical Al shielding [rad(Si)/yr].

    D(h, i, t) = D550(i, t) · exp((h − 550 km)/H), H = 110 km.

    D550 is the SPENVIS 550 km table (module docstring): ln D is interpolated linearly in
    shielding t [mm Al] and D linearly in inclination i [deg, 0–180, retrograde allowed]; below
    0.05 mm the 0.05 mm value is used (the table's thinnest; thinner shields see more dose),
    above 20 mm the 18–20 mm log-slope is extrapolated. The 550 km grid points are reproduced
    exactly. The altitude factor is an ESTIMATE (see TID_ALTITUDE_SCALE_KM); altitude must be
    in [150, 1200] km. Cross-check: Suncatcher quotes 750 rad(Si) per 5 years (150 rad/yr) at
    ~650 km dawn-dusk SSO, shielding unstated; this model gives 203–281 rad/yr there for
    10–20 mm Al (within a factor of 2).
    """
    h = check_altitude_km(altitude_km)
    require(
        "altitude_km",
        h,
        h <= TID_MAX_ALTITUDE_KM,
        "≤ 1200 km (the dose altitude scaling is an estimate for LEO below the inner belt)",
    )
    inc = as_float_array("inclination_deg", inclination_deg)
    require("inclination_deg", inc, (inc >= 0.0) & (inc <= 180.0), "in [0, 180] degrees")
    t = as_float_array("shielding_mm_al", shielding_mm_al)
    require("shielding_mm_al", t, t >= 0.0, "≥ 0 mm")
    return to_output(_tid_rad_per_year_array(h, inc, t))


def tid_rad_per_year_kernel(
    xp: ArrayNamespace, altitude_km: Real, inclination_deg: Real, shielding_mm_al: Real
) -> Real:
    """Unchecked :func:`tid_rad_per_year` on namespace ``xp``: the table is read with numpy, for
    floats once per distinct (altitude, inclination, shielding) (memoized)."""
    if xp.scalar:
        return _tid_rad_per_year_memo(altitude_km, inclination_deg, shielding_mm_al)
    return _tid_rad_per_year_array(altitude_km, inclination_deg, shielding_mm_al)


@functools.lru_cache(maxsize=1024)
def _tid_rad_per_year_memo(altitude_km: float, inclination_deg: float, shielding: float) -> float:
    return float(_tid_rad_per_year_array(altitude_km, inclination_deg, shielding))


def _tid_rad_per_year_array(
    altitude_km: npt.ArrayLike, inclination_deg: npt.ArrayLike, shielding_mm_al: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    h, inc, t = np.broadcast_arrays(
        *(np.asarray(a, dtype=np.float64) for a in (altitude_km, inclination_deg, shielding_mm_al))
    )

    t_eff = np.maximum(t, _TID_SHIELD_MM[0])
    j = np.clip(
        np.searchsorted(_TID_SHIELD_MM, t_eff, side="right") - 1, 0, _TID_SHIELD_MM.size - 2
    )
    u = (t_eff - _TID_SHIELD_MM[j]) / (_TID_SHIELD_MM[j + 1] - _TID_SHIELD_MM[j])  # > 1 above 20

    step = _TID_INCLINATION_DEG[1] - _TID_INCLINATION_DEG[0]
    x = inc / step
    i0 = np.clip(np.floor(x).astype(np.intp), 0, _TID_INCLINATION_DEG.size - 2)
    w = x - i0

    def dose_at_row(row: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
        lo = _TID_LOG_550KM[row, j]
        hi = _TID_LOG_550KM[row, j + 1]
        return np.asarray(np.exp(lo + u * (hi - lo)), dtype=np.float64)

    d550 = (1.0 - w) * dose_at_row(i0) + w * dose_at_row(i0 + 1)
    scale = np.exp((h - TID_REFERENCE_ALTITUDE_KM) / TID_ALTITUDE_SCALE_KM)
    return np.asarray(d550 * scale, dtype=np.float64)


def dose_limited_life_years(
    tid_tolerance_krad: npt.ArrayLike,
    dose_rad_per_year: npt.ArrayLike,
    design_margin: npt.ArrayLike = 1.0,
) -> FloatOrArray:
    """Years until the accumulated dose reaches the tolerance, L = 1000 · D_tol / (M · Ḋ) [yr].

    D_tol [krad(Si)], Ḋ [rad(Si)/yr], M = radiation design margin [-] (JPL/NASA practice is
    M = 2, NASA LLIS 0792; default 1 = none). Ḋ = 0 gives an infinite life. Suncatcher: TPU v6e
    showed no hard failure up to 15 krad(Si), HBM irregularities from ~2 krad(Si).
    """
    tol = as_float_array("tid_tolerance_krad", tid_tolerance_krad)
    require("tid_tolerance_krad", tol, tol > 0.0, "> 0 krad")
    rate = as_float_array("dose_rad_per_year", dose_rad_per_year)
    require("dose_rad_per_year", rate, rate >= 0.0, "≥ 0 rad/yr")
    margin = as_float_array("design_margin", design_margin)
    require("design_margin", margin, margin >= 1.0, "≥ 1")
    with np.errstate(divide="ignore"):
        life = 1000.0 * tol / (margin * rate)
    return to_output(life)


# Standard-normal helpers, vectorized without scipy. erfc: Numerical Recipes (Press et al. 1992,
# §6.2, "erfcc") Chebyshev fit, fractional error < 1.2e-7 everywhere; written in log form so
# that far tails neither underflow nor lose relative precision.
_ERFC_COEFFS = (
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
    0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
)  # fmt: skip


_ERFC_COEFFS_REVERSED = tuple(reversed(_ERFC_COEFFS))
_SQRT_2 = math.sqrt(2.0)
_LOG_HALF = math.log(0.5)


def _log_erfc_nonneg(xp: ArrayNamespace, x: Real) -> Real:
    """ln erfc(x) for x ≥ 0."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = xp.zeros_like(x)
    for c in _ERFC_COEFFS_REVERSED:  # Horner over 10 coefficients, not over elements
        poly = poly * t + c
    return xp.log(t) - x * x + poly


def _log_norm_sf(xp: ArrayNamespace, z: Real) -> Real:
    """ln(1 − Φ(z)), stable for all z."""
    x = xp.abs(z) / _SQRT_2
    log_half_erfc = _LOG_HALF + _log_erfc_nonneg(xp, x)  # = ln(1 − Φ(|z|))
    upper = log_half_erfc
    lower = xp.log1p(-xp.exp(log_half_erfc))  # z < 0: 1 − Φ(z) = 1 − (1 − Φ(|z|))
    return xp.where(z >= 0.0, upper, lower)


def _check_sigma(sigma_ln: npt.ArrayLike) -> npt.NDArray[np.float64]:
    s = as_float_array("sigma_ln", sigma_ln)
    require("sigma_ln", s, s > 0.0, "> 0")
    return s


def tid_failure_probability(
    cumulative_dose_krad: npt.ArrayLike,
    tid_tolerance_krad: npt.ArrayLike,
    sigma_ln: npt.ArrayLike = DEFAULT_TID_SIGMA_LN,
) -> FloatOrArray:
    """Probability that a part has failed by cumulative dose D [-]: F = Φ(ln(D / D50) / σ).

    MODELLING ASSUMPTION: the TID failure level of parts is lognormal across parts with median
    D50 = ``tid_tolerance_krad`` [krad(Si)] and log-standard deviation σ (default 0.5). Lognormal
    failure-level models are standard in radiation hardness assurance statistics (Ladbury,
    "Statistical Modeling for Radiation Hardness Assurance", NASA GSFC, HEART 2014, NTRS
    20140008964); σ is not fitted to any device. A "no failure up to X" test result is a lower
    bound, not a median: using it as D50 is optimistic unless a margin is applied.
    """
    dose = as_float_array("cumulative_dose_krad", cumulative_dose_krad)
    require("cumulative_dose_krad", dose, dose >= 0.0, "≥ 0 krad")
    tol = as_float_array("tid_tolerance_krad", tid_tolerance_krad)
    require("tid_tolerance_krad", tol, tol > 0.0, "> 0 krad")
    s = _check_sigma(sigma_ln)
    with np.errstate(divide="ignore"):
        z = np.log(dose / tol) / s  # −inf at zero dose → probability 0
    z = np.asarray(np.clip(z, -1e6, 1e6), dtype=np.float64)  # ±1e6: certain / impossible
    return to_output(-np.expm1(_log_norm_sf(NUMPY, z)))


def tid_hazard_per_year(
    t_years: npt.ArrayLike,
    dose_rad_per_year: npt.ArrayLike,
    tid_tolerance_krad: npt.ArrayLike,
    sigma_ln: npt.ArrayLike = DEFAULT_TID_SIGMA_LN,
) -> FloatOrArray:
    """Instantaneous TID failure hazard at mission time t [1/yr].

    With the lognormal failure dose of tid_failure_probability and a constant dose rate Ḋ, the
    time to failure is lognormal with median t50 = 1000·D50/Ḋ [yr] and the same σ, so
    h(t) = φ(z) / (σ t (1 − Φ(z))), z = ln(t / t50) / σ. t [yr], Ḋ [rad(Si)/yr], D50 [krad].
    Zero at t = 0 or Ḋ = 0; rises with t through the mission and, as any lognormal hazard, falls
    again well beyond t50 (the survivors are the harder parts).
    """
    t = as_float_array("t_years", t_years)
    require("t_years", t, t >= 0.0, "≥ 0 years")
    rate = as_float_array("dose_rad_per_year", dose_rad_per_year)
    require("dose_rad_per_year", rate, rate >= 0.0, "≥ 0 rad/yr")
    tol = as_float_array("tid_tolerance_krad", tid_tolerance_krad)
    require("tid_tolerance_krad", tol, tol > 0.0, "> 0 krad")
    s = _check_sigma(sigma_ln)
    t, rate, tol, s = np.broadcast_arrays(t, rate, tol, s)
    positive = (t > 0.0) & (rate > 0.0)
    dose_krad = np.where(positive, t * rate / 1000.0, tol)
    z = np.clip(np.log(dose_krad / tol) / s, -1e6, 1e6)
    log_pdf = -0.5 * z * z - 0.5 * np.log(2.0 * np.pi)
    hazard = np.exp(log_pdf - _log_norm_sf(NUMPY, z)) / (s * np.where(positive, t, 1.0))
    return to_output(np.where(positive, hazard, 0.0))


def radiation_failure_rate_per_year(
    dose_rad_per_year: npt.ArrayLike,
    tid_tolerance_krad: npt.ArrayLike,
    mission_years: npt.ArrayLike = 5.0,
    sigma_ln: npt.ArrayLike = DEFAULT_TID_SIGMA_LN,
) -> FloatOrArray:
    """Constant annual failure rate equivalent to TID wear-out over a mission [1/yr].

    λ = −ln(1 − F(Ḋ·T/1000; D50, σ)) / T: the constant hazard giving the same end-of-mission
    survival as the lognormal TID model (tid_failure_probability) at cumulative dose Ḋ·T.
    Ḋ [rad(Si)/yr], D50 = ``tid_tolerance_krad`` [krad(Si)], T [yr]. Lets fleet models that
    take a yearly failure rate (e.g. McCalip's GPU failure %/yr) add radiation wear-out.
    MODELLING ASSUMPTION (see tid_failure_probability). Example: 150 rad/yr, 5 yr, D50 = 15 krad
    → λ = 2e-10/yr (z = −6.0); 4,656 rad/yr (550 km, 53°, 1 mm Al), 5 yr, D50 = 15 krad
    → z = 0.88, λ = 0.33/yr.
    """
    rate = as_float_array("dose_rad_per_year", dose_rad_per_year)
    require("dose_rad_per_year", rate, rate >= 0.0, "≥ 0 rad/yr")
    tol = as_float_array("tid_tolerance_krad", tid_tolerance_krad)
    require("tid_tolerance_krad", tol, tol > 0.0, "> 0 krad")
    years = as_float_array("mission_years", mission_years)
    require("mission_years", years, years > 0.0, "> 0 years")
    s = _check_sigma(sigma_ln)
    with np.errstate(divide="ignore"):
        return to_output(radiation_failure_rate_per_year_kernel(NUMPY, rate, tol, years, s))


def radiation_failure_rate_per_year_kernel(
    xp: ArrayNamespace,
    dose_rad_per_year: Real,
    tid_tolerance_krad: Real,
    mission_years: Real = 5.0,
    sigma_ln: Real = DEFAULT_TID_SIGMA_LN,
) -> Real:
    """Unchecked :func:`radiation_failure_rate_per_year` on namespace ``xp`` (numpy: a zero dose
    divides by zero in the log; call it inside ``np.errstate(divide="ignore")``)."""
    z = xp.log(dose_rad_per_year * mission_years / 1000.0 / tid_tolerance_krad) / sigma_ln
    z = xp.clip(z, -1e6, 1e6)  # ±1e6: certain / impossible
    return -_log_norm_sf(xp, z) / mission_years


def seu_availability(upsets_per_day: npt.ArrayLike, recovery_s: npt.ArrayLike) -> FloatOrArray:
    """Fraction of time a node is up despite single-event upsets [-].

    A = clip(1 − N · t_r / 86400, 0, 1): N = upsets (needing a recovery) per node per day,
    t_r = recovery (reboot / checkpoint-restore) time per upset [s]. Upsets assumed rare and
    non-overlapping.
    """
    n = as_float_array("upsets_per_day", upsets_per_day)
    require("upsets_per_day", n, n >= 0.0, "≥ 0 per day")
    tr = as_float_array("recovery_s", recovery_s)
    require("recovery_s", tr, tr >= 0.0, "≥ 0 s")
    return to_output(seu_availability_kernel(NUMPY, n, tr))


def seu_availability_kernel(xp: ArrayNamespace, upsets_per_day: Real, recovery_s: Real) -> Real:
    """Unchecked :func:`seu_availability` on namespace ``xp``."""
    return xp.clip(1.0 - upsets_per_day * recovery_s / 86400.0, 0.0, 1.0)


def shielding_mass_kg(area_m2: npt.ArrayLike, shielding_mm_al: npt.ArrayLike) -> FloatOrArray:
    """Mass of an aluminium shield m = A · (t / 1000) · ρ_Al [kg], A [m²], t [mm],
    ρ_Al = 2700 kg/m³. 1 m² of 1 mm Al = 2.7 kg.
    """
    a = as_float_array("area_m2", area_m2)
    require("area_m2", a, a >= 0.0, "≥ 0 m²")
    t = as_float_array("shielding_mm_al", shielding_mm_al)
    require("shielding_mm_al", t, t >= 0.0, "≥ 0 mm")
    return to_output(shielding_mass_kg_kernel(NUMPY, a, t))


def shielding_mass_kg_kernel(xp: ArrayNamespace, area_m2: Real, shielding_mm_al: Real) -> Real:
    """Unchecked :func:`shielding_mass_kg` on namespace ``xp``."""
    return area_m2 * shielding_mm_al / 1000.0 * ALUMINIUM_DENSITY_KG_M3
