"""Propellant (Tsiolkovsky) and launch packing.

Vectorized pure functions; invalid input raises :class:`ValueError` naming the argument and the
value. g0 = 9.80665 m/s² (CGPM 1901). ``propellant_mass_kg_kernel(xp, ...)`` is the unchecked
equation on an array namespace (see :mod:`skyrack.physics.orbit`).
"""

from __future__ import annotations

from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.physics.orbit import (
    STANDARD_GRAVITY_M_S2,
    FloatOrArray,
    as_float_array,
    require,
    to_output,
)

__all__ = [
    "IntOrArray",
    "StrOrArray",
    "launch_binding_constraint",
    "propellant_mass_kg",
    "satellites_per_launch",
]

IntOrArray: TypeAlias = int | npt.NDArray[np.int64]
StrOrArray: TypeAlias = str | npt.NDArray[np.str_]

# Relative slack on the floor so that e.g. 0.3 m³ / 0.1 m³ = 2.9999999999999996 counts as 3.
_FLOOR_SLACK = 1e-9


def propellant_mass_kg(
    dry_mass_kg: npt.ArrayLike, delta_v_m_s: npt.ArrayLike, isp_s: npt.ArrayLike
) -> FloatOrArray:
    """Propellant for a Δv, m_p = m_dry · (exp(Δv / (Isp g0)) − 1) [kg].

    Tsiolkovsky rocket equation with m_dry = mass after the burn [kg], Δv [m/s], Isp [s],
    g0 = 9.80665 m/s². Example: Δv = 100 m/s, Isp = 220 s (hydrazine) → 4.744 % of dry mass.
    """
    m = as_float_array("dry_mass_kg", dry_mass_kg)
    require("dry_mass_kg", m, m >= 0.0, "≥ 0 kg")
    dv = as_float_array("delta_v_m_s", delta_v_m_s)
    require("delta_v_m_s", dv, dv >= 0.0, "≥ 0 m/s")
    isp = as_float_array("isp_s", isp_s)
    require("isp_s", isp, isp > 0.0, "> 0 s")
    return to_output(propellant_mass_kg_kernel(NUMPY, m, dv, isp))


def propellant_mass_kg_kernel(
    xp: ArrayNamespace, dry_mass_kg: Real, delta_v_m_s: Real, isp_s: Real
) -> Real:
    """Unchecked :func:`propellant_mass_kg` on namespace ``xp``."""
    return dry_mass_kg * xp.expm1(delta_v_m_s / (isp_s * STANDARD_GRAVITY_M_S2))


def _launch_limits(
    satellite_mass_kg: npt.ArrayLike,
    satellite_volume_m3: npt.ArrayLike,
    payload_capacity_kg: npt.ArrayLike,
    fairing_volume_m3: npt.ArrayLike,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    m = as_float_array("satellite_mass_kg", satellite_mass_kg)
    require("satellite_mass_kg", m, m > 0.0, "> 0 kg")
    v = as_float_array("satellite_volume_m3", satellite_volume_m3)
    require("satellite_volume_m3", v, v > 0.0, "> 0 m³")
    cap = as_float_array("payload_capacity_kg", payload_capacity_kg)
    require("payload_capacity_kg", cap, cap >= 0.0, "≥ 0 kg")
    fv = as_float_array("fairing_volume_m3", fairing_volume_m3)
    require("fairing_volume_m3", fv, fv >= 0.0, "≥ 0 m³")
    by_mass = cap / m
    by_volume = fv / v
    return np.asarray(by_mass, dtype=np.float64), np.asarray(by_volume, dtype=np.float64)


def satellites_per_launch(
    satellite_mass_kg: npt.ArrayLike,
    satellite_volume_m3: npt.ArrayLike,
    payload_capacity_kg: npt.ArrayLike,
    fairing_volume_m3: npt.ArrayLike,
) -> IntOrArray:
    """Whole satellites one launch carries, n = ⌊min(M_cap / m_sat, V_fairing / V_sat)⌋ [-].

    Masses [kg], volumes [m³] (use the *stowed* satellite volume and the usable fairing volume,
    which already includes a packing efficiency). Returns ``int`` for scalar input, an int64 array
    otherwise. A relative slack of 1e-9 protects exact fits from floating-point round-off.
    """
    _launch_limits(satellite_mass_kg, satellite_volume_m3, payload_capacity_kg, fairing_volume_m3)
    n = np.asarray(
        satellites_per_launch_kernel(
            NUMPY,
            np.asarray(satellite_mass_kg, dtype=np.float64),
            np.asarray(satellite_volume_m3, dtype=np.float64),
            np.asarray(payload_capacity_kg, dtype=np.float64),
            np.asarray(fairing_volume_m3, dtype=np.float64),
        )
    ).astype(np.int64)
    if n.ndim == 0:
        return int(n)
    return n


def satellites_per_launch_kernel(
    xp: ArrayNamespace,
    satellite_mass_kg: Real,
    satellite_volume_m3: Real,
    payload_capacity_kg: Real,
    fairing_volume_m3: Real,
) -> Real:
    """Unchecked :func:`satellites_per_launch` as a float; 0 when the satellite's mass or volume
    is infinite or undefined (nothing fits)."""
    fits = (satellite_mass_kg > 0.0) & (satellite_volume_m3 > 0.0)
    mass_kg = xp.where(fits, satellite_mass_kg, 1.0)
    volume_m3 = xp.where(fits, satellite_volume_m3, 1.0)
    by_mass = payload_capacity_kg / mass_kg
    by_volume = fairing_volume_m3 / volume_m3
    n = xp.floor(xp.minimum(by_mass, by_volume) * (1.0 + _FLOOR_SLACK))
    return xp.where(fits, n, 0.0)


def launch_binding_constraint(
    satellite_mass_kg: npt.ArrayLike,
    satellite_volume_m3: npt.ArrayLike,
    payload_capacity_kg: npt.ArrayLike,
    fairing_volume_m3: npt.ArrayLike,
) -> StrOrArray:
    """Which launch limit binds in satellites_per_launch: ``"mass"`` if M_cap/m_sat ≤
    V_fairing/V_sat (ties count as mass), else ``"volume"``. ``str`` for scalar input, an array of
    str otherwise.
    """
    by_mass, by_volume = _launch_limits(
        satellite_mass_kg, satellite_volume_m3, payload_capacity_kg, fairing_volume_m3
    )
    which = np.where(by_mass <= by_volume, "mass", "volume")
    if which.ndim == 0:
        return str(which)
    return which
