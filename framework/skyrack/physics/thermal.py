"""Radiator heat rejection in low Earth orbit.

Vectorized pure functions (floats or numpy arrays in; ``float`` for scalar input, float64 array
otherwise). Invalid input raises :class:`ValueError` naming the argument and the value.
``radiator_net_flux_w_m2_kernel(xp, ...)`` is the unchecked equation on an array namespace (see
:mod:`skyrack.physics.orbit`).

Environment constants
---------------------
* Earth outgoing long-wave (IR) flux 237 W/m², orbit-average design value — Gilmore (ed.),
  *Spacecraft Thermal Control Handbook* Vol. I (2002), ch. 2 (mean 237 ± 21 W/m²).
  Starcloud's white paper instead models Earth as a 253 K blackbody: σ·253⁴ = 232.3 W/m²
  (``STARCLOUD_EARTH_IR_W_M2``).
* Earth albedo 0.30 — Gilmore (2002), ch. 2 (design mean 0.30).
* σ = 5.670374419e-8 W/(m²·K⁴) (CODATA 2018); solar constant 1361 W/m² (Kopp & Lean 2011).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace, Real
from skyrack.physics.orbit import (
    SOLAR_CONSTANT_W_M2,
    STEFAN_BOLTZMANN_W_M2_K4,
    FloatOrArray,
    as_float_array,
    require,
    to_output,
)

__all__ = [
    "EARTH_ALBEDO",
    "EARTH_IR_W_M2",
    "SOLAR_CONSTANT_W_M2",
    "STARCLOUD_EARTH_IR_W_M2",
    "radiator_area_m2",
    "radiator_net_flux_w_m2",
]

EARTH_IR_W_M2 = 237.0
EARTH_ALBEDO = 0.30
STARCLOUD_EARTH_IR_W_M2 = STEFAN_BOLTZMANN_W_M2_K4 * 253.0**4


def _unit_interval(name: str, value: npt.ArrayLike) -> npt.NDArray[np.float64]:
    arr = as_float_array(name, value)
    require(name, arr, (arr >= 0.0) & (arr <= 1.0), "in [0, 1]")
    return arr


def radiator_net_flux_w_m2(
    temperature_k: npt.ArrayLike,
    emissivity: npt.ArrayLike,
    absorptivity: npt.ArrayLike,
    view_factor_earth: npt.ArrayLike,
    albedo: npt.ArrayLike = EARTH_ALBEDO,
    earth_ir_w_m2: npt.ArrayLike = EARTH_IR_W_M2,
    solar_flux_w_m2: npt.ArrayLike = 0.0,
    two_sided: bool = True,
    solar_constant_w_m2: npt.ArrayLike = SOLAR_CONSTANT_W_M2,
    earth_ir_absorptivity: npt.ArrayLike | None = None,
    faces_viewing_earth: float | None = None,
) -> FloatOrArray:
    """Net heat rejected per m² of radiator *planform* (one face's area) [W/m²].

    q = n · ε σ T⁴ − m · F (ε_IR q_IR + α a S) − α S_inc

    * n = 2 for a two-sided panel (both faces radiate), 1 for a one-sided panel (insulated back);
    * ε σ T⁴: emission of one face [W/m²] at radiator temperature T [K], emissivity ε (IR);
    * F = ``view_factor_earth``, the view factor from *each* radiating face to Earth [-] (for a
      two-sided panel both faces are assumed to see Earth equally, e.g. a panel with a horizontal
      normal; Starcloud uses F = 0.25);
    * ε F q_IR: Earth IR absorbed per face (absorptivity = emissivity in the IR, Kirchhoff),
      q_IR [W/m²] default 237 W/m²;
    * α F a S: Earth-reflected sunlight absorbed per face, α = solar absorptivity, a = albedo,
      S = solar constant [W/m²]; taken at full (sub-solar) strength — conservative, the orbit
      average is lower;
    * α S_inc: direct sunlight absorbed, S_inc = ``solar_flux_w_m2`` = normal-incidence flux on
      one face [W/m²], counted once (the Sun lights one face); 0 for a panel held edge-on.

    * m = ``faces_viewing_earth``, the faces that see Earth: n by default (both faces of a
      two-sided panel), 1 for a panel with one face to Earth;
    * ε_IR = ``earth_ir_absorptivity``: ε by default (Kirchhoff's law at Earth's IR
      wavelengths); Starcloud's white paper absorbs Earth IR at the solar absorptivity α.

    Energy balance of a flat plate (Gilmore 2002, ch. 2 & 4). Starcloud's case (T = 293.15 K,
    ε = 0.92, α = 0.09, F = 0.25, a = 0.3, Earth at 253 K, two-sided, edge-on) gives ≈ 645 W/m²;
    with one face sunlit, one face seeing Earth and Earth IR absorbed at α, as the paper sizes it,
    633.6 W/m² (the paper prints 633.08).
    """
    t = as_float_array("temperature_k", temperature_k)
    require("temperature_k", t, t > 0.0, "> 0 K")
    eps = _unit_interval("emissivity", emissivity)
    alpha = _unit_interval("absorptivity", absorptivity)
    f = _unit_interval("view_factor_earth", view_factor_earth)
    a = _unit_interval("albedo", albedo)
    q_ir = as_float_array("earth_ir_w_m2", earth_ir_w_m2)
    require("earth_ir_w_m2", q_ir, q_ir >= 0.0, "≥ 0 W/m²")
    s_inc = as_float_array("solar_flux_w_m2", solar_flux_w_m2)
    require("solar_flux_w_m2", s_inc, s_inc >= 0.0, "≥ 0 W/m²")
    s = as_float_array("solar_constant_w_m2", solar_constant_w_m2)
    require("solar_constant_w_m2", s, s >= 0.0, "≥ 0 W/m²")
    sides = 2.0 if two_sided else 1.0
    ir = (
        eps
        if earth_ir_absorptivity is None
        else _unit_interval("earth_ir_absorptivity", earth_ir_absorptivity)
    )
    if faces_viewing_earth is not None and faces_viewing_earth not in (1, 2):
        raise ValueError(f"faces_viewing_earth must be 1 or 2, got {faces_viewing_earth!r}")
    return to_output(
        radiator_net_flux_w_m2_kernel(
            NUMPY,
            t,
            eps,
            alpha,
            f,
            a,
            q_ir,
            s_inc,
            sides,
            s,
            earth_ir_absorptivity=ir,
            faces_viewing_earth=sides
            if faces_viewing_earth is None
            else float(faces_viewing_earth),
        )
    )


def radiator_net_flux_w_m2_kernel(
    xp: ArrayNamespace,
    temperature_k: Real,
    emissivity: Real,
    absorptivity: Real,
    view_factor_earth: Real,
    albedo: Real = EARTH_ALBEDO,
    earth_ir_w_m2: Real = EARTH_IR_W_M2,
    solar_flux_w_m2: Real = 0.0,
    sides: Real = 2.0,
    solar_constant_w_m2: Real = SOLAR_CONSTANT_W_M2,
    earth_ir_absorptivity: Real | None = None,
    faces_viewing_earth: Real | None = None,
) -> Real:
    """Unchecked :func:`radiator_net_flux_w_m2` on namespace ``xp``; ``sides`` is n (2.0 for a
    two-sided panel, 1.0 for a one-sided one; an array may mix them)."""
    ir = emissivity if earth_ir_absorptivity is None else earth_ir_absorptivity
    absorbed_per_face = view_factor_earth * (
        ir * earth_ir_w_m2 + absorptivity * albedo * solar_constant_w_m2
    )
    earth_faces = sides if faces_viewing_earth is None else faces_viewing_earth
    return (
        radiator_emitted_w_m2_kernel(temperature_k, emissivity, sides)
        - earth_faces * absorbed_per_face
        - absorptivity * solar_flux_w_m2
    )


def radiator_emitted_w_m2_kernel(temperature_k: Real, emissivity: Real, sides: Real) -> Real:
    """Heat a radiator emits per m² of planform, n · ε σ T⁴ [W/m²] (no absorption counted)."""
    return sides * emissivity * STEFAN_BOLTZMANN_W_M2_K4 * temperature_k**4


def radiator_area_m2(heat_w: npt.ArrayLike, net_flux_w_m2: npt.ArrayLike) -> FloatOrArray:
    """Radiator planform area A = Q / q_net [m²], Q = heat to reject [W], q_net from
    radiator_net_flux_w_m2 [W/m²]. Raises ValueError when q_net ≤ 0 (the environment puts in as
    much as the radiator emits at that temperature).
    """
    q = as_float_array("heat_w", heat_w)
    require("heat_w", q, q >= 0.0, "≥ 0 W")
    net = as_float_array("net_flux_w_m2", net_flux_w_m2)
    if np.any(net <= 0.0):
        # require() words it "<name> must be <requirement>, got <value>[ (at index ...)]"
        require(
            "radiator cannot reject heat: net_flux_w_m2",
            net,
            net > 0.0,
            "> 0 W/m² (absorbed Earth IR, albedo and sunlight match or exceed emission at this "
            "temperature; raise the temperature or the emissivity, or cut the view factor)",
        )
    return to_output(q / net)
