"""The ``[simulation]`` settings of a study: horizon, step, replications, policy, events, factory.

Validated like components (units in field names, ranges checked on construction) and every
default number carries a :class:`~skyrack.sources.Source` in ``SIMULATION_SOURCES`` or
``FACTORY_SOURCES``, which ``skyrack assumptions`` prints. This module imports neither mesa nor
numpy, so the study reader can use it without slowing ``skyrack --help``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from skyrack.components import (
    FleetEvent,
    FleetPolicy,
    LaunchVehicle,
    flag,
    number_problem,
    quantity,
)
from skyrack.components import (
    seed as seed_field,
)
from skyrack.errors import ComponentNotFound, InvalidComponent, SkyrackError
from skyrack.plausibility import PLAUSIBLE, Range
from skyrack.sources import Source

if TYPE_CHECKING:
    from skyrack.design import Design
    from skyrack.registry import Registry

ESTIMATE = Source(
    title="skyrack simulation default",
    year=2026,
    document="docs/simulation.md",
    estimate=True,
)

STARLINK_FACTORY_2020 = Source(
    title="SpaceX presentation to the FCC, 31 July 2020: the Redmond factory builds 120 Starlink "
    "satellites a month (reported by Teslarati and Talk of Titusville, August 2020)",
    year=2020,
    url="https://talkoftitusville.com/2020/08/17/spacex-builds-120-starlink-satellites-costs-"
    "millions-each-month/",
    note="120 satellites / 30 days = 4 satellites a day",
)
STARLINK_FACTORY_2025 = Source(
    title="PCMag, 'SpaceX Gives Rare Look Inside Starlink Factory: 70 Satellites a Week' (SpaceX "
    "video of the Redmond factory, 26 August 2025: 'we have learned how to build satellites at "
    "the 70-satellite-a-week rate')",
    year=2025,
    url="https://www.newsbeep.com/au/98272",
    note="70 satellites / 7 days = 10 satellites a day (3,640 a year)",
)
FALCON_9_STAND_DOWN_2024 = Source(
    title="Falcon 9 grounded after the Starlink 9-3 upper-stage failure of 12 July 2024; return "
    "to flight on 27 July 2024",
    year=2024,
    url="https://cosmicnxws.com/falcon-9-grounded-for-the-second-time-in-2024",
    note="27 July − 12 July = 15 days from a launch failure to the next launch",
)


def _names(value: Any) -> Any:
    if isinstance(value, str):  # a single name given where a list is expected
        return (value,)
    return tuple(value) if isinstance(value, list | tuple) else value


def _check_names(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    for name in value if isinstance(value, tuple) else [None]:
        if not isinstance(name, str) or not name:
            problem = f"must be a list of component names, got {value!r}"
            raise InvalidComponent(
                f"{attribute.name} {problem}", field=attribute.name, problem=problem
            )
    if len(set(value)) != len(value):
        problem = f"names a component twice: {list(value)!r}"
        raise InvalidComponent(f"{attribute.name} {problem}", field=attribute.name, problem=problem)


def _optional_quantity(unit: str, doc: str, *, plausible: Range) -> Any:
    """A positive number or None (not given), with its plausible range."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        problem = number_problem(value, {"minimum": 0.0, "unit": unit})
        if problem:
            raise InvalidComponent(
                f"{attribute.name} {problem}", field=attribute.name, problem=problem
            )

    return attrs.field(
        default=None, validator=check, metadata={"unit": unit, "doc": doc, PLAUSIBLE: plausible}
    )


@attrs.frozen(kw_only=True)
class FactorySettings:
    """``[simulation.factory]``: how many satellites the factory can build per day.

    Capacity ramps linearly from ``start_satellites_per_day`` at t = 0 to
    ``max_satellites_per_day`` after ``ramp_years``; the defaults are SpaceX's demonstrated
    Starlink rates (120 a month in 2020, 70 a week five years later). ``unlimited = true`` builds
    whatever the launch schedule can take (the analytic evaluator's assumption). Unit cost follows
    ``economics.satellite_learning_rate`` over the satellites built.
    """

    unlimited: bool = flag(
        "build whatever the launch schedule can take (no production limit)", default=False
    )
    start_satellites_per_day: float = quantity(
        "1/day", "factory output at t = 0", default=4.0, maximum=1e7, plausible=(0.0, 1_000.0)
    )
    max_satellites_per_day: float = quantity(
        "1/day",
        "factory output once ramped up",
        default=10.0,
        maximum=1e7,
        plausible=(0.01, 10_000.0),
    )
    ramp_years: float = quantity(
        "yr",
        "time for output to grow linearly from the start to the maximum rate",
        default=5.0,
        minimum=0.0,
        exclusive_minimum=False,
        maximum=100.0,
        plausible=(0.0, 30.0),
    )

    def __attrs_post_init__(self) -> None:
        if self.start_satellites_per_day > self.max_satellites_per_day:
            problem = (
                f"must be ≥ start_satellites_per_day ({self.start_satellites_per_day:g}), "
                f"got {self.max_satellites_per_day:g}"
            )
            raise InvalidComponent(
                f"max_satellites_per_day {problem}", field="max_satellites_per_day", problem=problem
            )

    def satellites_per_day(self, time_years: float) -> float:
        """Output capacity at ``time_years`` after the first launch [satellites/day]."""
        if self.unlimited:
            return float("inf")
        if self.ramp_years <= 0 or time_years >= self.ramp_years:
            return self.max_satellites_per_day
        share = max(time_years, 0.0) / self.ramp_years
        return self.start_satellites_per_day + share * (
            self.max_satellites_per_day - self.start_satellites_per_day
        )


FACTORY_SOURCES: dict[str, Source] = {
    "unlimited": ESTIMATE.derive("limited by default: mass production is part of the question"),
    "start_satellites_per_day": STARLINK_FACTORY_2020,
    "max_satellites_per_day": STARLINK_FACTORY_2025,
    "ramp_years": STARLINK_FACTORY_2025.derive(
        "2020 → 2025: five years from 4 to 10 satellites a day at one factory"
    ),
}
"""Where each factory default comes from."""


@attrs.frozen(kw_only=True)
class SimulationSettings:
    """``[simulation]``: fly the fleet day by day, replications times, with a policy and events.

    ``policy``, ``events`` and ``launch_vehicles`` name registered components (``skyrack
    components list --kind fleet_policy``); an empty ``launch_vehicles`` flies the design's own
    vehicle. ``seed`` defaults to ``[study] seed``.
    """

    horizon_years: float = quantity(
        "yr",
        "simulated time from the first launch",
        default=10.0,
        maximum=100.0,
        plausible=(0.5, 60.0),
    )
    step_days: float = quantity(
        "day", "length of one simulation step", default=1.0, maximum=366.0, plausible=(0.01, 366.0)
    )
    replications: int = quantity(
        "1",
        "independent runs of the ensemble",
        default=10,
        minimum=1.0,
        exclusive_minimum=False,
        maximum=100_000.0,
        integer=True,
        plausible=(1, 100_000),
    )
    seed: int | None = seed_field("seed of the ensemble (default: [study] seed)", optional=True)
    policy: str = attrs.field(
        default="replace-failed", metadata={"doc": "fleet policy the operator applies"}
    )
    events: tuple[str, ...] = attrs.field(
        default=(),
        converter=_names,
        validator=_check_names,
        metadata={"doc": "disruptive events that may strike the fleet"},
    )
    launch_vehicles: tuple[str, ...] = attrs.field(
        default=(),
        converter=_names,
        validator=_check_names,
        metadata={"doc": "vehicles that fly the fleet (default: the design's launch vehicle)"},
    )
    stand_down_days: float = quantity(
        "day",
        "days a launch provider stands down after a launch failure",
        default=15.0,
        minimum=0.0,
        exclusive_minimum=False,
        maximum=3650.0,
        plausible=(0.0, 3_650.0),
    )
    spend_limit_usd: float | None = _optional_quantity(
        "USD",
        "stop ordering satellites once this much has been spent (default: no limit)",
        plausible=(1e6, 1e14),
    )
    factory: FactorySettings = attrs.field(factory=FactorySettings)

    @property
    def steps(self) -> int:
        """Steps in the horizon (at least one)."""
        from skyrack.ground import DAYS_PER_YEAR

        return max(1, round(self.horizon_years * DAYS_PER_YEAR / self.step_days))


SIMULATION_SOURCES: dict[str, Source] = {
    "horizon_years": ESTIMATE.derive("ten years: two generations of five-year satellites"),
    "step_days": ESTIMATE.derive("one day resolves launch cadence and stand-downs"),
    "replications": ESTIMATE.derive(
        "ten runs give a standard error of the mean of about a third of the run-to-run spread"
    ),
    "stand_down_days": FALCON_9_STAND_DOWN_2024,
}
"""Where each simulation default comes from."""


def resolve(
    settings: SimulationSettings, design: Design, registry: Registry
) -> tuple[FleetPolicy, tuple[FleetEvent, ...], tuple[LaunchVehicle, ...]]:
    """The policy, events and launch vehicles ``settings`` names (the design's own vehicle when
    it names none); an unknown name raises a SkyrackError naming the key and close matches."""

    def lookup(key: str, kind: str, name: str) -> Any:
        if kind == "launch_vehicle" and name == design.launch_vehicle.name:
            return design.launch_vehicle  # with the study's overrides
        try:
            return registry.get(kind, name)
        except ComponentNotFound as error:
            raise SkyrackError(f"simulation.{key}: {error}") from None

    policy = lookup("policy", "fleet_policy", settings.policy)
    events = tuple(lookup("events", "fleet_event", name) for name in settings.events)
    names = settings.launch_vehicles or (design.launch_vehicle.name,)
    vehicles = tuple(lookup("launch_vehicles", "launch_vehicle", name) for name in names)
    return policy, events, vehicles


def check_names(settings: SimulationSettings, design: Design, registry: Registry) -> None:
    """Refuse a policy, event or vehicle name that no plugin registered."""
    resolve(settings, design, registry)
