"""The fixed numbers inside the model (not study settings), each with its unit and source.

The values are read from the modules that use them, so this table cannot drift from the code;
``skyrack assumptions`` prints it after the sizing and economics defaults.
"""

from __future__ import annotations

import attrs

from skyrack import sizing
from skyrack.physics import orbit, power, radiation, thermal
from skyrack.sources import Source

SMAD = Source(title="Wertz & Larson, Space Mission Analysis and Design, 3rd ed., §11.4", year=1999)
VALLADO = Source(
    title="Vallado, Fundamentals of Astrodynamics and Applications, 4th ed.", year=2013
)
GILMORE = Source(
    title="Gilmore (ed.), Spacecraft Thermal Control Handbook, Vol. I, ch. 2", year=2002
)


@attrs.frozen
class ModelConstant:
    """One fixed number of the model."""

    key: str
    value: float
    unit: str
    meaning: str
    source: Source


MODEL_CONSTANTS: tuple[ModelConstant, ...] = (
    ModelConstant(
        "solar_constant_w_m2",
        orbit.SOLAR_CONSTANT_W_M2,
        "W/m^2",
        "sunlight at 1 AU, sizing the arrays",
        Source(title="Kopp & Lean, Geophys. Res. Lett. 38, L01706", year=2011),
    ),
    ModelConstant(
        "array_packing_factor",
        power.ARRAY_PACKING_FACTOR,
        "1",
        "cell area over array area",
        SMAD.derive("typical 0.85–0.9 for rigid and flexible arrays"),
    ),
    ModelConstant(
        "battery_depth_of_discharge",
        sizing.BATTERY_DEPTH_OF_DISCHARGE,
        "1",
        "allowed depth of discharge of LEO Li-ion cycling ~5,500 times a year",
        SMAD.derive("LEO depth of discharge 20–40 %"),
    ),
    ModelConstant(
        "battery_round_trip_efficiency",
        sizing.BATTERY_ROUND_TRIP_EFFICIENCY,
        "1",
        "charge–discharge efficiency of Li-ion cells",
        SMAD,
    ),
    ModelConstant(
        "earth_ir_w_m2",
        thermal.EARTH_IR_W_M2,
        "W/m^2",
        "Earth's outgoing long-wave flux seen by the radiator (orbit average)",
        GILMORE,
    ),
    ModelConstant("earth_albedo", thermal.EARTH_ALBEDO, "1", "Earth's albedo", GILMORE),
    ModelConstant(
        "drag_coefficient",
        sizing.DRAG_COEFFICIENT,
        "1",
        "free-molecular drag coefficient of a flat-faced satellite",
        VALLADO,
    ),
    ModelConstant(
        "deorbit_perigee_km",
        sizing.DEORBIT_PERIGEE_KM,
        "km",
        "perigee of the controlled de-orbit burn (prompt targeted re-entry)",
        VALLADO,
    ),
    ModelConstant(
        "tid_altitude_scale_km",
        radiation.TID_ALTITUDE_SCALE_KM,
        "km",
        "e-folding altitude of dose away from the 550 km SPENVIS table",
        Source(
            title="Barrett, AP-8-based LEO dose note, against SPENVIS 550 km",
            year=1993,
            estimate=True,
            note="fitted H = 97–131 km, geometric mean ≈ 110 km (low confidence)",
        ),
    ),
    ModelConstant(
        "tid_failure_sigma_ln",
        radiation.DEFAULT_TID_SIGMA_LN,
        "1",
        "log-standard deviation of the part-to-part TID failure dose (lognormal)",
        Source(
            title="Ladbury, Statistical Modeling for Radiation Hardness Assurance, NASA GSFC "
            "HEART (NTRS 20140008964)",
            year=2014,
            estimate=True,
            note="lognormal form from the source; σ = 0.5 is not fitted to any device",
        ),
    ),
)
"""Every fixed number of the analytic model that a study cannot set."""
