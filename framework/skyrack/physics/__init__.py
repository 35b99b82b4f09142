"""skyrack physics: orbit, power, thermal, mass and radiation models as vectorized pure functions.

Every function takes floats or numpy arrays (broadcast together) and returns a ``float`` for
scalar input or a float64 array otherwise; units are in every argument name; invalid physical
input raises :class:`ValueError` naming the argument and the value. Equations, assumptions and
sources are in each docstring and in ``docs/model.md`` (Physics). The evaluator calls the
unchecked ``<name>_kernel(xp, ...)`` beside each function it uses (see
:mod:`skyrack.physics.orbit`).
"""

from skyrack.physics.mass import (
    launch_binding_constraint,
    propellant_mass_kg,
    satellites_per_launch,
)
from skyrack.physics.orbit import (
    EARTH_EQUATORIAL_RADIUS_KM,
    EARTH_MU_KM3_S2,
    SOLAR_CONSTANT_W_M2,
    STANDARD_GRAVITY_M_S2,
    STEFAN_BOLTZMANN_W_M2_K4,
    FloatOrArray,
    SolarActivity,
    atmospheric_density_kg_m3,
    ballistic_coefficient_kg_m2,
    beta_angle_deg,
    deorbit_delta_v_m_s,
    drag_decay_rate_km_per_year,
    drag_lifetime_years,
    drag_makeup_delta_v_m_s_per_year,
    eclipse_duration_s,
    eclipse_fraction,
    mean_eclipse_fraction,
    orbital_period_s,
    orbital_velocity_m_s,
    precessing_orbit_beta_range_deg,
    precessing_orbit_mean_eclipse_fraction,
    sso_beta_range_deg,
    sso_mean_eclipse_fraction,
    sun_synchronous_inclination_deg,
)
from skyrack.physics.power import (
    array_area_m2,
    array_mass_kg,
    battery_mass_kg,
    mean_power_fraction,
    required_bol_power_w,
)
from skyrack.physics.radiation import (
    dose_limited_life_years,
    radiation_failure_rate_per_year,
    seu_availability,
    shielding_mass_kg,
    tid_failure_probability,
    tid_hazard_per_year,
    tid_rad_per_year,
)
from skyrack.physics.thermal import (
    EARTH_ALBEDO,
    EARTH_IR_W_M2,
    STARCLOUD_EARTH_IR_W_M2,
    radiator_area_m2,
    radiator_net_flux_w_m2,
)

__all__ = [
    "EARTH_ALBEDO",
    "EARTH_EQUATORIAL_RADIUS_KM",
    "EARTH_IR_W_M2",
    "EARTH_MU_KM3_S2",
    "SOLAR_CONSTANT_W_M2",
    "STANDARD_GRAVITY_M_S2",
    "STARCLOUD_EARTH_IR_W_M2",
    "STEFAN_BOLTZMANN_W_M2_K4",
    "FloatOrArray",
    "SolarActivity",
    "array_area_m2",
    "array_mass_kg",
    "atmospheric_density_kg_m3",
    "ballistic_coefficient_kg_m2",
    "battery_mass_kg",
    "beta_angle_deg",
    "deorbit_delta_v_m_s",
    "dose_limited_life_years",
    "drag_decay_rate_km_per_year",
    "drag_lifetime_years",
    "drag_makeup_delta_v_m_s_per_year",
    "eclipse_duration_s",
    "eclipse_fraction",
    "launch_binding_constraint",
    "mean_eclipse_fraction",
    "mean_power_fraction",
    "orbital_period_s",
    "orbital_velocity_m_s",
    "precessing_orbit_beta_range_deg",
    "precessing_orbit_mean_eclipse_fraction",
    "propellant_mass_kg",
    "radiation_failure_rate_per_year",
    "radiator_area_m2",
    "radiator_net_flux_w_m2",
    "required_bol_power_w",
    "satellites_per_launch",
    "seu_availability",
    "shielding_mass_kg",
    "sso_beta_range_deg",
    "sso_mean_eclipse_fraction",
    "sun_synchronous_inclination_deg",
    "tid_failure_probability",
    "tid_hazard_per_year",
    "tid_rad_per_year",
]
