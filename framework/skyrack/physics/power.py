"""Solar array sizing, degradation and battery mass.

Vectorized pure functions (floats or numpy arrays in; ``float`` for scalar input, float64 array
otherwise). Invalid input raises :class:`ValueError` naming the argument and the value.
Solar constant 1361 W/m² (Kopp & Lean 2011). ``<name>_kernel(xp, ...)`` is the unchecked
equation on an array namespace (see :mod:`skyrack.physics.orbit`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.physics.orbit import (
    SOLAR_CONSTANT_W_M2,
    FloatOrArray,
    as_float_array,
    require,
    to_output,
)

__all__ = [
    "array_area_m2",
    "array_mass_kg",
    "battery_mass_kg",
    "mean_power_fraction",
    "required_bol_power_w",
]


ARRAY_PACKING_FACTOR = 0.9
"""Cell area over array area of rigid and flexible arrays (SMAD 1999, §11.4: 0.85–0.9)."""


def array_area_m2(
    power_w: npt.ArrayLike,
    cell_efficiency: npt.ArrayLike,
    packing_factor: npt.ArrayLike = ARRAY_PACKING_FACTOR,
    solar_constant_w_m2: npt.ArrayLike = SOLAR_CONSTANT_W_M2,
) -> FloatOrArray:
    """Solar-array area delivering ``power_w`` at normal incidence, beginning of life [m²].

    A = P / (η · p · S): P [W], η = cell efficiency (AM0) [-], p = packing factor (cell area /
    array area) [-], S = solar flux [W/m²], default 1361 W/m² (Kopp & Lean 2011). No cosine,
    temperature or wiring losses: fold those into η or P. 27 kW at η = 0.30, p = 0.9:
    27000 / (0.30·0.9·1361) = 73.5 m².
    """
    p = as_float_array("power_w", power_w)
    require("power_w", p, p >= 0.0, "≥ 0 W")
    eta = as_float_array("cell_efficiency", cell_efficiency)
    require("cell_efficiency", eta, (eta > 0.0) & (eta <= 1.0), "in (0, 1]")
    pf = as_float_array("packing_factor", packing_factor)
    require("packing_factor", pf, (pf > 0.0) & (pf <= 1.0), "in (0, 1]")
    s = as_float_array("solar_constant_w_m2", solar_constant_w_m2)
    require("solar_constant_w_m2", s, s > 0.0, "> 0 W/m²")
    return to_output(array_area_m2_kernel(NUMPY, p, eta, pf, s))


def array_area_m2_kernel(
    xp: ArrayNamespace,
    power_w: Real,
    cell_efficiency: Real,
    packing_factor: Real = ARRAY_PACKING_FACTOR,
    solar_constant_w_m2: Real = SOLAR_CONSTANT_W_M2,
) -> Real:
    """Unchecked :func:`array_area_m2` on namespace ``xp``."""
    return power_w / (cell_efficiency * packing_factor * solar_constant_w_m2)


def _check_degradation(degradation_per_year: npt.ArrayLike) -> npt.NDArray[np.float64]:
    d = as_float_array("degradation_per_year", degradation_per_year)
    require("degradation_per_year", d, (d >= 0.0) & (d < 1.0), "in [0, 1) per year")
    return d


def _check_years(name: str, years: npt.ArrayLike) -> npt.NDArray[np.float64]:
    y = as_float_array(name, years)
    require(name, y, y >= 0.0, "≥ 0 years")
    return y


def required_bol_power_w(
    eol_power_w: npt.ArrayLike, degradation_per_year: npt.ArrayLike, years: npt.ArrayLike
) -> FloatOrArray:
    """Beginning-of-life power needed to still deliver ``eol_power_w`` after ``years`` [W].

    P_BOL = P_EOL / (1 − d)^T, d = fractional power loss per year [-], T [yr] (compound
    degradation; SMAD, Wertz & Larson 1999, §11.4: L_d = (1 − d)^T). Measured GEO array
    degradation: GaAs 0.44–1.03 %/yr, Si 0.71–1.69 %/yr (Lohmeyer et al. 2018).
    """
    p = as_float_array("eol_power_w", eol_power_w)
    require("eol_power_w", p, p >= 0.0, "≥ 0 W")
    d = _check_degradation(degradation_per_year)
    t = _check_years("years", years)
    return to_output(required_bol_power_w_kernel(NUMPY, p, d, t))


def required_bol_power_w_kernel(
    xp: ArrayNamespace, eol_power_w: Real, degradation_per_year: Real, years: Real
) -> Real:
    """Unchecked :func:`required_bol_power_w` on namespace ``xp``."""
    return eol_power_w / xp.exp(years * xp.log1p(-degradation_per_year))


def array_mass_kg(power_w: npt.ArrayLike, specific_power_w_per_kg: npt.ArrayLike) -> FloatOrArray:
    """Array mass m = P / s [kg], P [W], s = specific power [W/kg].

    Use s consistent with the mass counted (bare cell, blanket, wing or system): ISS wing 28 W/kg,
    flexible blankets ~130–150 W/kg (NASA; Mikulas et al. 2015; see solar_cells.csv).
    """
    p = as_float_array("power_w", power_w)
    require("power_w", p, p >= 0.0, "≥ 0 W")
    s = as_float_array("specific_power_w_per_kg", specific_power_w_per_kg)
    require("specific_power_w_per_kg", s, s > 0.0, "> 0 W/kg")
    return to_output(array_mass_kg_kernel(NUMPY, p, s))


def array_mass_kg_kernel(xp: ArrayNamespace, power_w: Real, specific_power_w_per_kg: Real) -> Real:
    """Unchecked :func:`array_mass_kg` on namespace ``xp``."""
    return power_w / specific_power_w_per_kg


def mean_power_fraction(degradation_per_year: npt.ArrayLike, years: npt.ArrayLike) -> FloatOrArray:
    """Mission-average fraction of BOL power, (1/T) ∫₀ᵀ (1 − d)^t dt [-].

    Closed form with k = −ln(1 − d): (1 − e^{−kT}) / (kT) = (1 − (1 − d)^T) / (−T ln(1 − d));
    → 1 as d → 0 or T → 0 (evaluated with expm1/log1p, and 1 − x/2 for kT < 1e-8).
    d [1/yr], T [yr]. Continuous-time version of the yearly retention averaged by McCalip's
    calculator. Example: d = 2.5 %/yr, T = 5 yr → 0.9393.
    """
    d = _check_degradation(degradation_per_year)
    t = _check_years("years", years)
    x = -np.log1p(-d) * t
    small = x < 1e-8
    safe_x = np.where(small, 1.0, x)
    return to_output(np.where(small, 1.0 - x / 2.0, -np.expm1(-safe_x) / safe_x))


def battery_mass_kg(
    load_power_w: npt.ArrayLike,
    eclipse_duration_s: npt.ArrayLike,
    specific_energy_wh_per_kg: npt.ArrayLike,
    depth_of_discharge: npt.ArrayLike,
    discharge_efficiency: npt.ArrayLike = 1.0,
) -> FloatOrArray:
    """Battery mass to carry ``load_power_w`` through one eclipse [kg].

    m = P · t / 3600 / (DoD · η_d · e): P [W], t [s], e = cell/pack specific energy [Wh/kg],
    DoD = allowed depth of discharge [-] (LEO Li-ion: ~0.2–0.4 for tens of thousands of cycles),
    η_d = discharge (battery-to-bus) efficiency [-]. SMAD (Wertz & Larson 1999) eq. 11-6 form.
    """
    p = as_float_array("load_power_w", load_power_w)
    require("load_power_w", p, p >= 0.0, "≥ 0 W")
    t = as_float_array("eclipse_duration_s", eclipse_duration_s)
    require("eclipse_duration_s", t, t >= 0.0, "≥ 0 s")
    e = as_float_array("specific_energy_wh_per_kg", specific_energy_wh_per_kg)
    require("specific_energy_wh_per_kg", e, e > 0.0, "> 0 Wh/kg")
    dod = as_float_array("depth_of_discharge", depth_of_discharge)
    require("depth_of_discharge", dod, (dod > 0.0) & (dod <= 1.0), "in (0, 1]")
    eff = as_float_array("discharge_efficiency", discharge_efficiency)
    require("discharge_efficiency", eff, (eff > 0.0) & (eff <= 1.0), "in (0, 1]")
    return to_output(battery_mass_kg_kernel(NUMPY, p, t, e, dod, eff))


def battery_mass_kg_kernel(
    xp: ArrayNamespace,
    load_power_w: Real,
    eclipse_duration_s: Real,
    specific_energy_wh_per_kg: Real,
    depth_of_discharge: Real,
    discharge_efficiency: Real = 1.0,
) -> Real:
    """Unchecked :func:`battery_mass_kg` on namespace ``xp``."""
    return (
        load_power_w
        * eclipse_duration_s
        / 3600.0
        / (depth_of_discharge * discharge_efficiency * specific_energy_wh_per_kg)
    )
