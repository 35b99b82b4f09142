"""The kinds of component skyrack knows, as immutable attrs classes validated on construction.

Every numeric field has its unit in its name (``payload_to_leo_kg``, ``price_usd``, ``tdp_w``) and
in its metadata; every numeric value carries a :class:`~skyrack.sources.Source` in the
component's ``sources`` mapping (keyed by field name, with ``"*"`` as a fallback for fields not
listed). Invalid values (negative masses, probabilities above 1, NaN, infinity) raise
:class:`~skyrack.errors.InvalidComponent` naming the component and the field.

The core knows these kinds; the instances (Falcon 9, H100, ...) arrive through plugins.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

import attrs

from skyrack.errors import InvalidComponent, SkyrackError, closest_names
from skyrack.plausibility import PLAUSIBLE, Range, format_range, implausibility, likely_meant
from skyrack.sources import Source
from skyrack.text import joined_problems, one_line, show

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9.\-]{0,99}")
"""A component name, matched in full (a trailing newline is no part of a name)."""
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_]{0,59}")
"""A precision (``bf16``) or a reference model's input key, matched in full."""


def _describe(instance: Any) -> str:
    name = getattr(instance, "name", None)
    return type(instance).__name__ + (f" {name!r}" if isinstance(name, str) else "")


def _bound(value: float) -> str:
    """A range's end as an error shows it: a large integer in full (``4,294,967,295``, not
    ``4.29497e+09``); a year stays ``9999``."""
    return f"{value:,}" if isinstance(value, int) and abs(value) >= 1_000_000 else f"{value:g}"


def _number_problem(
    value: Any,
    minimum: float | None,
    maximum: float | None,
    exclusive_minimum: bool,
    unit: str,
    integer: bool = False,
    exclusive_maximum: bool = False,
) -> str | None:
    """Why ``value`` is not an allowed number, or None when it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"must be a number, got {show(value)}"
    if integer and not (isinstance(value, int) or (math.isfinite(value) and value.is_integer())):
        return f"must be a whole number, got {show(value)}"
    if not math.isfinite(value):
        return f"must be a finite number, got {show(value)}"
    units = f" {unit}" if unit and unit != "1" else ""
    if minimum is not None:
        if exclusive_minimum and value <= minimum:
            return f"must be > {_bound(minimum)}{units}, got {show(value)}"
        if not exclusive_minimum and value < minimum:
            return f"must be ≥ {_bound(minimum)}{units}, got {show(value)}"
    if maximum is not None:
        if exclusive_maximum and value >= maximum:
            return f"must be < {_bound(maximum)}{units}, got {show(value)}"
        if not exclusive_maximum and value > maximum:
            return f"must be ≤ {_bound(maximum)}{units}, got {show(value)}"
    return None


def number_problem(value: Any, metadata: Mapping[str, Any]) -> str | None:
    """Why ``value`` is not allowed in a field with this ``quantity`` metadata, or None."""
    return _number_problem(
        value,
        metadata.get("minimum"),
        metadata.get("maximum"),
        metadata.get("exclusive_minimum", True),
        metadata.get("unit", ""),
        metadata.get("integer", False),
    )


def _number_validator(
    minimum: float | None,
    maximum: float | None,
    exclusive_minimum: bool,
    unit: str,
    integer: bool = False,
    plausible: Range | None = None,
    optional: bool = False,
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if optional and value is None:
            return
        problem = _number_problem(value, minimum, maximum, exclusive_minimum, unit, integer)
        if problem and plausible is not None and isinstance(value, int | float):
            hint = likely_meant(value, plausible, unit) if math.isfinite(value) else None
            problem += f"; {hint}" if hint else ""
        if problem:
            raise InvalidComponent(
                f"{_describe(instance)}: {attribute.name} {problem}",
                field=attribute.name,
                problem=problem,
            )

    return check


def quantity(
    unit: str,
    doc: str,
    *,
    plausible: Range,
    minimum: float | None = 0.0,
    exclusive_minimum: bool = True,
    maximum: float | None = None,
    default: Any = attrs.NOTHING,
    integer: bool = False,
    optional: bool = False,
) -> Any:
    """A numeric attrs field with its unit, meaning, allowed range (positive by default) and
    plausible range (``(low, high)``, either None for open): a value outside the allowed range
    is refused; one outside the plausible range is refused from a study unless the user
    insists (:mod:`skyrack.plausibility`).

    ``optional``: None is allowed too (and is the default), for a number that only some
    components of a kind have (an orbit has an inclination or a local time of its node)."""
    return attrs.field(
        default=None if optional and default is attrs.NOTHING else default,
        validator=_number_validator(
            minimum, maximum, exclusive_minimum, unit, integer, plausible, optional
        ),
        metadata={
            "unit": unit,
            "doc": doc,
            "numeric": True,
            "minimum": minimum,
            "exclusive_minimum": exclusive_minimum,
            "maximum": maximum,
            "integer": integer,
            PLAUSIBLE: plausible,
            "optional": optional,
        },
    )


MAX_SEED = 2**32 - 1
"""The largest random seed: what NumPy's and Optuna's samplers accept."""


def seed(doc: str, *, default: Any = attrs.NOTHING, optional: bool = False) -> Any:
    """A random seed: a whole number from 0 to :data:`MAX_SEED`."""
    return quantity(
        "1",
        doc,
        plausible=(0, MAX_SEED),
        minimum=0.0,
        exclusive_minimum=False,
        maximum=MAX_SEED,
        default=default,
        integer=True,
        optional=optional,
    )


def fraction(
    doc: str, *, plausible: Range, default: Any = attrs.NOTHING, exclusive_zero: bool = False
) -> Any:
    """A dimensionless number in [0, 1] (a probability, an efficiency, a fraction)."""
    return quantity(
        "1",
        doc,
        plausible=plausible,
        minimum=0.0,
        exclusive_minimum=exclusive_zero,
        maximum=1.0,
        default=default,
    )


def allowed_range(metadata: Mapping[str, Any]) -> str:
    """A field's hard range in words: ``> 0``, ``0–1``, ``≥ 1, ≤ 180``."""
    minimum, maximum = metadata.get("minimum"), metadata.get("maximum")
    parts = []
    if minimum is not None:
        parts.append(f"{'>' if metadata.get('exclusive_minimum', True) else '≥'} {minimum:g}")
    if maximum is not None:
        parts.append(f"≤ {maximum:g}")
    return ", ".join(parts) or "any number"


def plausible_text(metadata: Mapping[str, Any], name: str = "") -> str:
    """The plausible range of the field ``name`` in words (``""`` when it has none)."""
    plausible = metadata.get(PLAUSIBLE)
    return format_range(plausible, name=name) if plausible is not None else ""


def flag(doc: str, *, default: Any = attrs.NOTHING) -> Any:
    """A boolean field."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, bool):
            problem = f"must be true or false, got {show(value)}"
            raise InvalidComponent(
                f"{_describe(instance)}: {attribute.name} {problem}",
                field=attribute.name,
                problem=problem,
            )

    return attrs.field(default=default, validator=check, metadata={"doc": doc})


def _check_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not NAME_PATTERN.fullmatch(value):
        raise InvalidComponent(
            f"{type(instance).__name__} name must be 1 to 100 lowercase letters, digits, '-' or "
            f"'.', starting with a letter or digit, got {show(value)}"
        )


def _as_dict(mapping: Any) -> Any:
    """A plain dict copy of a mapping (anything else is left for the validator to refuse)."""
    return dict(mapping) if isinstance(mapping, Mapping) else mapping


@attrs.frozen(kw_only=True)
class Component:
    """Fields every component has: a unique name within its kind, a description, its sources."""

    kind: ClassVar[str] = "component"
    name: str = attrs.field(validator=_check_name, metadata={"doc": "unique name within its kind"})
    description: str = attrs.field(default="", metadata={"doc": "what this component is"})
    sources: Mapping[str, Source] = attrs.field(
        factory=dict,
        converter=_as_dict,
        hash=False,
        metadata={"doc": "source of each numeric field, by field name ('*' for the rest)"},
    )

    def __attrs_post_init__(self) -> None:
        numeric = set(numeric_field_names(type(self)))
        unknown = set(self.sources) - numeric - {"*"}
        if unknown:
            raise InvalidComponent(
                f"{_describe(self)}: sources name fields it does not have: {sorted(unknown)}"
            )
        for key, source in self.sources.items():
            if not isinstance(source, Source):
                raise InvalidComponent(
                    f"{_describe(self)}: the source of {key} must be a skyrack Source, "
                    f"got {type(source).__name__}"
                )
        if "*" not in self.sources:
            given = {name for name in numeric if getattr(self, name) is not None}
            missing = sorted(given - set(self.sources))
            if missing:
                raise InvalidComponent(
                    f"{_describe(self)}: every number needs a source; missing for {missing}"
                )

    def source_of(self, field_name: str) -> Source | None:
        """The source of one field's value (its own, or the component's ``"*"`` fallback)."""
        return self.sources.get(field_name) or self.sources.get("*")

    def range_of(self, field_name: str) -> tuple[float, float] | None:
        """The plausible range its source gives for this field's value, or None when the source
        gives none or the value lies outside it (then the range was not this value's: the
        component was changed after it was sourced)."""
        source = self.source_of(field_name)
        if source is None or source.low is None or source.high is None:
            return None
        value = getattr(self, field_name)
        if isinstance(value, Mapping):  # dense_tflops: the range is that of its BF16 entry
            value = value.get("bf16")
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return (source.low, source.high) if source.low <= value <= source.high else None


def numeric_field_names(cls: type) -> list[str]:
    """Names of the fields of a component class that hold numbers (and so need a source)."""
    return [f.name for f in attrs.fields(cls) if f.metadata.get("numeric")]


def _check_throughput(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping) or not value:
        raise InvalidComponent(
            f"{_describe(instance)}: dense_tflops must map precision names to TFLOP/s, "
            f"got {show(value)}"
        )
    for precision, tflops in value.items():
        if not isinstance(precision, str) or not KEY_PATTERN.fullmatch(precision):
            raise InvalidComponent(
                f"{_describe(instance)}: dense_tflops: a precision name is lowercase letters, "
                f"digits and '_' (bf16, fp8), got {show(precision)}"
            )
        problem = _number_problem(tflops, 0.0, None, True, "TFLOP/s")
        if problem:
            raise InvalidComponent(f"{_describe(instance)}: dense_tflops[{precision!r}] {problem}")
    if "bf16" not in value:
        raise InvalidComponent(
            f"{_describe(instance)}: dense_tflops needs a 'bf16' entry "
            "(skyrack's unit of compute is dense BF16)"
        )


@attrs.frozen(kw_only=True)
class LaunchVehicle(Component):
    """A rocket as a service: what it lifts to low Earth orbit, how often, at what price."""

    kind: ClassVar[str] = "launch_vehicle"
    payload_to_leo_kg: float = quantity(
        "kg", "payload mass to low Earth orbit per launch", plausible=(50.0, 1_000_000.0)
    )
    fairing_volume_m3: float = quantity(
        "m^3", "usable payload volume under the fairing", plausible=(0.5, 10_000.0)
    )
    price_usd: float = quantity(
        "USD", "price of one launch to the customer", plausible=(100_000.0, 5e9)
    )
    max_launches_per_year: float = quantity(
        "1/yr", "launches per year available to one customer", plausible=(0.1, 10_000.0)
    )
    success_probability: float = fraction(
        "probability that a launch reaches orbit", plausible=(0.5, 1.0)
    )
    first_available_year: int = quantity(
        "yr",
        "first year the vehicle can carry this payload",
        integer=True,
        maximum=9999,
        plausible=(1957, 2100),
    )
    co2_per_launch_kg: float = quantity(
        "kg CO2",
        "CO2 emitted per launch",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1e8),
    )
    reusable: bool = flag("whether the booster is recovered and reflown")


@attrs.frozen(kw_only=True)
class SatelliteBus(Component):
    """The spacecraft that carries the compute: structure, power, thermal control, propulsion.

    ``dry_mass_kg`` excludes the solar array, radiators, payload and propellant, which the
    design sizes from the technology fields below.
    """

    kind: ClassVar[str] = "satellite_bus"
    dry_mass_kg: float = quantity(
        "kg",
        "structure, avionics, attitude control, comms and dry propulsion",
        plausible=(1.0, 1_000_000.0),
    )
    max_payload_power_w: float = quantity(
        "W", "largest payload power the bus can distribute", plausible=(1.0, 1e8)
    )
    max_payload_mass_kg: float = quantity(
        "kg", "largest payload mass the structure carries", plausible=(1.0, 1_000_000.0)
    )
    housekeeping_power_w: float = quantity(
        "W",
        "power the bus itself draws",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1e6),
    )
    solar_cell_efficiency: float = fraction(
        "array conversion efficiency at AM0, BOL", exclusive_zero=True, plausible=(0.05, 0.6)
    )
    solar_specific_power_w_per_kg: float = quantity(
        "W/kg", "BOL array power per kg of array", plausible=(5.0, 2_000.0)
    )
    solar_degradation_per_year: float = quantity(
        "1/yr",
        "fractional loss of array power per year",
        minimum=0.0,
        exclusive_minimum=False,
        maximum=0.5,
        plausible=(0.0, 0.2),
    )
    radiator_areal_density_kg_per_m2: float = quantity(
        "kg/m^2", "radiator mass per m^2 of panel", plausible=(0.2, 50.0)
    )
    radiator_emissivity: float = fraction(
        "infrared emissivity of the radiator surface", exclusive_zero=True, plausible=(0.5, 1.0)
    )
    radiator_absorptivity: float = fraction(
        "solar absorptivity of the radiator surface", plausible=(0.0, 1.0)
    )
    radiator_two_sided: bool = flag("whether the radiator panel emits from both faces")
    battery_specific_energy_wh_per_kg: float = quantity(
        "Wh/kg", "usable battery energy per kg", plausible=(10.0, 1_000.0)
    )
    battery_cost_usd_per_kwh: float = quantity(
        "USD/kWh",
        "recurring cost of the flight battery per kWh of capacity",
        plausible=(10.0, 100_000.0),
    )
    stowed_density_kg_per_m3: float = quantity(
        "kg/m^3", "satellite mass per m^3 as stowed for launch", plausible=(10.0, 3_000.0)
    )
    propulsion_isp_s: float = quantity(
        "s", "specific impulse of the station-keeping thruster", plausible=(50.0, 10_000.0)
    )
    design_life_years: float = quantity(
        "yr", "life the bus is designed and qualified for", plausible=(0.5, 30.0)
    )
    failure_rate_per_year: float = quantity(
        "1/yr",
        "hazard of a bus failure that ends the satellite",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1.0),
    )
    cost_usd: float = quantity(
        "USD", "recurring cost of one bus, without array and radiators", plausible=(1_000.0, 1e9)
    )
    array_cost_usd_per_w: float = quantity(
        "USD/W", "recurring cost of solar array per W BOL", plausible=(0.5, 5_000.0)
    )
    radiator_cost_usd_per_m2: float = quantity(
        "USD/m^2", "recurring cost of radiator per m^2", plausible=(10.0, 1e6)
    )
    integration_cost_fraction: float = quantity(
        "1",
        "integration and test cost as a fraction of the satellite hardware cost",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 2.0),
    )


@attrs.frozen(kw_only=True)
class ComputePayload(Component):
    """One accelerator as flown: chip with its share of board, memory, host and cold plate."""

    kind: ClassVar[str] = "compute_payload"
    dense_tflops: Mapping[str, float] = attrs.field(
        converter=_as_dict,
        validator=_check_throughput,
        hash=False,
        metadata={
            "unit": "TFLOP/s",
            "doc": "dense throughput by precision (bf16 required)",
            "numeric": True,
            PLAUSIBLE: (0.1, 100_000.0),
        },
    )
    tdp_w: float = quantity(
        "W", "thermal design power of the accelerator", plausible=(1.0, 50_000.0)
    )
    host_power_fraction: float = quantity(
        "1",
        "host CPU, memory, network and power conversion, as a fraction of TDP",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 3.0),
    )
    mass_kg: float = quantity(
        "kg",
        "mass per accelerator with board, host share and cold plate",
        plausible=(0.01, 2_000.0),
    )
    unit_price_usd: float = quantity(
        "USD", "price per accelerator with its share of the server", plausible=(100.0, 1e7)
    )
    failure_rate_per_year: float = quantity(
        "1/yr",
        "hazard of a permanent accelerator failure on the ground",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1.0),
    )
    warranty_years: float = quantity(
        "yr",
        "manufacturer's warranty: failed units are replaced free for this long after purchase",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 10.0),
    )
    tid_tolerance_krad: float = quantity(
        "krad(Si)", "total ionizing dose survived without hard failure", plausible=(0.5, 10_000.0)
    )
    seu_upsets_per_day: float = quantity(
        "1/day",
        "single-event upsets needing a reset, per accelerator per day in LEO",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 1_000.0),
    )
    seu_recovery_s: float = quantity(
        "s",
        "time lost recovering from one upset",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 86_400.0),
    )
    memory_gb: float = quantity(
        "GB", "high-bandwidth memory per accelerator", plausible=(0.1, 100_000.0)
    )
    max_junction_temperature_k: float = quantity(
        "K",
        "hottest junction temperature the part is specified to operate at",
        plausible=(320.0, 450.0),
    )
    junction_to_radiator_delta_k: float = quantity(
        "K",
        "temperature drop at full power from the junction to the radiator surface (cold plate, "
        "coolant loop and radiator fins): the radiator runs at most max_junction_temperature_k "
        "minus this",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 150.0),
    )
    radiation_tolerant: bool = flag("whether the part is hardened or derated for space")
    release_year: float = quantity(
        "yr",
        "when the part first shipped (2024.75: late 2024): where it sits on an accelerator roadmap",
        minimum=1990.0,
        exclusive_minimum=False,
        maximum=2100.0,
        plausible=(1990.0, 2100.0),
    )

    @property
    def bf16_dense_tflops(self) -> float:
        """Dense BF16 throughput, skyrack's unit of compute, in TFLOP/s."""
        return float(self.dense_tflops["bf16"])

    @property
    def max_radiator_temperature_k(self) -> float:
        """The hottest radiator that still holds the junction at its limit, in K: the maximum
        junction temperature minus the drop along the thermal chain."""
        return self.max_junction_temperature_k - self.junction_to_radiator_delta_k


@attrs.frozen(kw_only=True)
class Orbit(Component):
    """A circular orbit from its elements: altitude plus either an inclination or, for a
    sun-synchronous orbit, the local time of its ascending node (the inclination then follows
    from the altitude). The sun geometry that sets eclipses — the yearly range of beta angles and
    the time-averaged sunlight fraction — is derived, never given, so a sweep over altitude
    moves it consistently (:meth:`geometry`)."""

    kind: ClassVar[str] = "orbit"
    altitude_km: float = quantity(
        "km",
        "circular orbit altitude above the equatorial radius (150 km: below it, the atmosphere)",
        minimum=150.0,
        exclusive_minimum=False,
        plausible=(200.0, 2_000.0),
    )
    inclination_deg: float | None = quantity(
        "deg",
        "orbit inclination, for an orbit whose node precesses through every sun angle (leave "
        "out for a sun-synchronous orbit)",
        maximum=180.0,
        optional=True,
        plausible=(0.0, 180.0),
    )
    ltan_hours: float | None = quantity(
        "h",
        "local time of the ascending node of a sun-synchronous orbit (6 or 18 = dawn-dusk; "
        "leave out for a precessing orbit)",
        minimum=0.0,
        exclusive_minimum=False,
        maximum=24.0,
        optional=True,
        plausible=(0.0, 24.0),
    )
    launch_capacity_factor: float = fraction(
        "payload to this orbit as a fraction of payload to the reference LEO",
        exclusive_zero=True,
        plausible=(0.05, 1.0),
    )

    def __attrs_post_init__(self) -> None:
        if (self.inclination_deg is None) == (self.ltan_hours is None):
            problem = (
                "give exactly one of inclination_deg (an orbit whose node precesses) or "
                "ltan_hours (a sun-synchronous orbit, whose inclination follows from its altitude)"
            )
            raise InvalidComponent(f"{_describe(self)}: {problem}")
        super().__attrs_post_init__()

    @property
    def sun_synchronous(self) -> bool:
        """True when the orbit's node keeps pace with the Sun (given by its LTAN)."""
        return self.ltan_hours is not None

    def geometry(self) -> dict[str, float]:
        """The derived elements: inclination [deg], the yearly beta-angle range [deg] and the
        time-averaged sunlight fraction [-] (``skyrack.physics.orbit.orbit_geometry_kernel``)."""
        from skyrack.array_api import SCALAR
        from skyrack.physics.orbit import orbit_geometry_kernel

        inclination, beta_min, beta_max, eclipse = orbit_geometry_kernel(
            SCALAR,
            float(self.altitude_km),
            math.nan if self.inclination_deg is None else float(self.inclination_deg),
            math.nan if self.ltan_hours is None else float(self.ltan_hours),
        )
        return {
            "inclination_deg": inclination,
            "beta_min_deg": beta_min,
            "beta_max_deg": beta_max,
            "sunlight_fraction": 1.0 - eclipse,
        }


@attrs.frozen(kw_only=True)
class GroundBaseline(Component):
    """A terrestrial data center that runs the same accelerators, for the orbit/ground ratio."""

    kind: ClassVar[str] = "ground_baseline"
    facility_capex_usd_per_w: float = quantity(
        "USD/W",
        "building, electrical, mechanical and network capex per W of IT load",
        plausible=(0.5, 100.0),
    )
    power_plant_capex_usd_per_w: float = quantity(
        "USD/W",
        "on-site generation capex per W of facility load (0 on the grid)",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 20.0),
    )
    energy_price_usd_per_mwh: float = quantity(
        "USD/MWh",
        "cost of one MWh delivered to the facility (grid price or fuel)",
        plausible=(1.0, 2_000.0),
    )
    pue: float = quantity(
        "1", "power usage effectiveness", minimum=1.0, exclusive_minimum=False, plausible=(1.0, 3.0)
    )
    capacity_factor: float = fraction(
        "fraction of the time the facility delivers power",
        exclusive_zero=True,
        plausible=(0.3, 1.0),
    )
    opex_fraction_per_year: float = quantity(
        "1/yr",
        "staff, maintenance and insurance per year as a fraction of facility capex",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 0.5),
    )
    lifetime_years: float = quantity("yr", "economic life of the facility", plausible=(1.0, 60.0))
    time_to_power_years: float = quantity(
        "yr",
        "time from decision to energized IT load",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 20.0),
    )
    water_l_per_kwh: float = quantity(
        "L/kWh",
        "water consumed per kWh of IT energy",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 20.0),
    )
    carbon_kg_per_mwh: float = quantity(
        "kg CO2/MWh",
        "emissions per MWh of facility energy",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 2_000.0),
    )
    replaces_failed_accelerators: bool = flag(
        "whether the operator buys replacements for accelerators that fail after the warranty "
        "(where a replacement pays for itself; under warranty they are always replaced free)"
    )


@attrs.frozen(kw_only=True)
class FleetPolicy(Component):
    """How an operator runs the fleet: replacement, replenishment and end of life."""

    kind: ClassVar[str] = "fleet_policy"
    replace_failed_satellites: bool = flag("launch a new satellite for each one lost")
    replenish_below_fraction: float = fraction(
        "launch replacements when healthy compute falls below this fraction of target",
        plausible=(0.0, 1.0),
    )
    deorbit_at_design_life: bool = flag("retire satellites when they reach design life")
    behaviour: Callable[[Any], Any] | None = attrs.field(
        default=None,
        eq=False,
        repr=False,
        metadata={
            "doc": "factory of the policy's behaviour, called with the component "
            "(skyrack.simulation.protocol.PolicyBehaviour; None: the built-in one)"
        },
    )


@attrs.frozen(kw_only=True)
class FleetEvent(Component):
    """A disruptive event that can hit the fleet: a solar storm, a grounding, a debris strike."""

    kind: ClassVar[str] = "fleet_event"
    annual_probability: float = fraction(
        "probability that the event happens in a given year", plausible=(0.0, 1.0)
    )
    accelerator_loss_fraction: float = fraction(
        "fraction of healthy accelerators it destroys", plausible=(0.0, 1.0)
    )
    satellite_loss_fraction: float = fraction(
        "fraction of satellites it destroys", plausible=(0.0, 1.0)
    )
    launch_grounding_days: float = quantity(
        "day",
        "days launches are halted afterwards",
        minimum=0.0,
        exclusive_minimum=False,
        plausible=(0.0, 3_650.0),
    )
    factory_outage_days: float = quantity(
        "day",
        "days satellite production stops afterwards",
        minimum=0.0,
        exclusive_minimum=False,
        default=0.0,
        plausible=(0.0, 3_650.0),
    )
    behaviour: Callable[[Any], Any] | None = attrs.field(
        default=None,
        eq=False,
        repr=False,
        metadata={
            "doc": "factory of the event's behaviour, called with the component "
            "(skyrack.simulation.protocol.EventBehaviour; None: the built-in one)"
        },
    )


@attrs.frozen(kw_only=True)
class AcceleratorGeneration(Component):
    """One generation of an accelerator roadmap: when it ships, its throughput, power, price.

    Not a component kind of its own: generations are registered inside an
    :class:`AcceleratorRoadmap`, each number with its source like any component's.
    """

    kind: ClassVar[str] = "accelerator_generation"
    release_year: float = quantity(
        "yr",
        "year the generation ships (fractions allowed: 2026.5 is mid-2026)",
        minimum=1990.0,
        exclusive_minimum=False,
        maximum=2100.0,
        plausible=(1990.0, 2100.0),
    )
    bf16_dense_tflops: float = quantity(
        "TFLOP/s", "dense BF16 throughput of one accelerator", plausible=(0.1, 100_000.0)
    )
    power_w: float = quantity(
        "W", "thermal design power of one accelerator", plausible=(1.0, 50_000.0)
    )
    price_usd: float = quantity("USD", "price of one accelerator", plausible=(100.0, 1e7))
    shipped: bool = flag("false for an announced part that has not shipped yet (a projection)")

    @property
    def tflops_per_w(self) -> float:
        """Performance per watt [TFLOP/s per W]."""
        return self.bf16_dense_tflops / self.power_w

    @property
    def tflops_per_usd(self) -> float:
        """Performance per dollar [TFLOP/s per USD]."""
        return self.bf16_dense_tflops / self.price_usd


def _as_generations(value: Any) -> Any:
    return tuple(value) if isinstance(value, list | tuple) else value


def _check_generations(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not value:
        raise InvalidComponent(
            f"{_describe(instance)}: generations must be a non-empty list of "
            f"AcceleratorGeneration, got {value!r}",
            field="generations",
        )
    for generation in value:
        if not isinstance(generation, AcceleratorGeneration):
            raise InvalidComponent(
                f"{_describe(instance)}: generations must hold AcceleratorGeneration objects, "
                f"got {type(generation).__name__}",
                field="generations",
            )
    years = [generation.release_year for generation in value]
    if any(later <= earlier for earlier, later in itertools.pairwise(years)):
        raise InvalidComponent(
            f"{_describe(instance)}: generations must be in order of release_year, one per "
            f"year at most, got {years}",
            field="generations",
        )


@attrs.frozen(kw_only=True)
class AcceleratorRoadmap(Component):
    """What the accelerator frontier is at any date: its generations, then a trend.

    Between two generations the frontier's performance per watt and per dollar follow the
    log-linear line through them; before the first it is the first's; after the last it grows
    at the trend rates below (docs/economics.md, "Accelerator roadmap").
    """

    kind: ClassVar[str] = "accelerator_roadmap"
    generations: tuple[AcceleratorGeneration, ...] = attrs.field(
        converter=_as_generations,
        validator=_check_generations,
        metadata={"doc": "the generations in order of release year"},
    )
    tflops_per_w_growth_per_year: float = quantity(
        "1/yr",
        "growth of the frontier's performance per watt after the last generation",
        minimum=0.0,
        exclusive_minimum=False,
        maximum=10.0,
        plausible=(0.0, 2.0),
    )
    tflops_per_usd_growth_per_year: float = quantity(
        "1/yr",
        "growth of the frontier's performance per dollar after the last generation",
        minimum=0.0,
        exclusive_minimum=False,
        maximum=10.0,
        plausible=(0.0, 2.0),
    )


def _check_key(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not KEY_PATTERN.fullmatch(value):
        raise InvalidComponent(
            f"a model input key is 1 to 60 lowercase letters, digits and '_', got {show(value)}"
        )


@attrs.frozen(kw_only=True)
class ModelInput:
    """One input of a reference cost model: its published default, source, allowed range
    (positive by default, like a component's ``quantity``) and plausible range (``None``: no
    check)."""

    key: str = attrs.field(validator=_check_key)
    default: float
    unit: str
    doc: str
    source: Source
    minimum: float | None = 0.0
    exclusive_minimum: bool = True
    maximum: float | None = None
    exclusive_maximum: bool = False
    integer: bool = False
    plausible: Range | None = None

    def implausibility(self, value: float) -> str | None:
        """Why ``value`` is implausible for this input, or None."""
        if self.plausible is None:
            return None
        return implausibility(value, self.plausible, self.unit)

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not allowed for this input, or None when it is."""
        problem = _number_problem(
            value,
            self.minimum,
            self.maximum,
            self.exclusive_minimum,
            self.unit,
            self.integer,
            self.exclusive_maximum,
        )
        if problem and self.plausible is not None and isinstance(value, int | float):
            hint = likely_meant(value, self.plausible, self.unit) if math.isfinite(value) else None
            problem += f"; {hint}" if hint else ""
        return problem


def checked_inputs(
    model: str, inputs: Iterable[ModelInput], values: Mapping[str, Any]
) -> dict[str, float]:
    """``values`` as floats, one per input, each within its range; raises InvalidComponent
    naming the model and the first missing or bad input."""
    checked: dict[str, float] = {}
    for model_input in inputs:
        if model_input.key not in values:
            raise InvalidComponent(f"reference model {model!r}: input {model_input.key} is missing")
        value = values[model_input.key]
        problem = model_input.problem(value)
        if problem:
            raise InvalidComponent(f"reference model {model!r}: input {model_input.key} {problem}")
        checked[model_input.key] = float(value)
    return checked


def _as_inputs(inputs: Iterable[ModelInput]) -> tuple[ModelInput, ...]:
    return tuple(inputs)


@attrs.frozen(kw_only=True)
class ReferenceModel(Component):
    """A published cost model (McCalip's calculator, Starcloud's table) run as its authors did.

    ``compute`` maps every input (by key) to named outputs; every input of the published model
    is exposed so it can be run on skyrack's assumptions side by side with skyrack's model.
    """

    kind: ClassVar[str] = "reference_model"
    inputs: tuple[ModelInput, ...] = attrs.field(converter=_as_inputs)
    compute: Callable[[Mapping[str, float]], Mapping[str, float]] = attrs.field(
        eq=False, repr=False
    )

    def defaults(self) -> dict[str, float]:
        """The published baseline inputs."""
        return {model_input.key: model_input.default for model_input in self.inputs}

    def run(
        self, overrides: Mapping[str, float] | None = None, *, allow_implausible: bool = False
    ) -> dict[str, float]:
        """Compute the model's outputs on its defaults with ``overrides`` applied.

        An unknown input names the closest ones; a value out of its input's range is refused,
        and so is one outside its plausible range unless ``allow_implausible``. An output that
        comes out infinite or NaN (or a model that fails) is an error naming the changed inputs.
        """
        values: dict[str, Any] = self.defaults()
        for key, value in (overrides or {}).items():
            if key not in values:
                close = closest_names(key, values)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                raise InvalidComponent(
                    f"reference model {self.name!r} has no input {show(key)}{hint} "
                    f"(`skyrack reference {self.name}` lists its inputs)"
                )
            values[key] = value
        checked = checked_inputs(self.name, self.inputs, values)
        if not allow_implausible:
            problems = [
                f"{i.key}: {problem}"
                for i in self.inputs
                if i.key in (overrides or {}) and (problem := i.implausibility(checked[i.key]))
            ]
            if problems:
                raise InvalidComponent(
                    f"reference model {self.name!r}: {joined_problems(problems)}; to run it "
                    "anyway, add --allow-implausible"
                )
        return self._outputs(checked, overrides or {})

    def _outputs(
        self, checked: Mapping[str, float], overrides: Mapping[str, float]
    ) -> dict[str, float]:
        changed = ", ".join(f"{key}={show(value)}" for key, value in overrides.items())
        blame = f"with {changed}" if changed else "on its published inputs"
        try:
            outputs = dict(self.compute(checked))
        except SkyrackError:
            raise
        except ArithmeticError:
            raise InvalidComponent(
                f"reference model {self.name!r}: its results overflow {blame}; an input is "
                "too extreme for the model"
            ) from None
        except ValueError as error:
            raise InvalidComponent(
                f"reference model {self.name!r} cannot be computed {blame}: {one_line(str(error))}"
            ) from None
        for output, value in outputs.items():
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise InvalidComponent(
                    f"reference model {self.name!r}: {output} comes out as {show(value)} "
                    f"{blame}; an input is too extreme for the model"
                )
        return outputs


COMPONENT_KINDS: dict[str, type[Component]] = {
    cls.kind: cls
    for cls in (
        LaunchVehicle,
        SatelliteBus,
        ComputePayload,
        Orbit,
        GroundBaseline,
        FleetPolicy,
        FleetEvent,
        ReferenceModel,
        AcceleratorRoadmap,
    )
}
"""Every kind the core knows, by its name."""
