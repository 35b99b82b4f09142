"""What the optimizer can minimize or maximize, and the extra search dimensions plugins add.

An :class:`Objective` reads the analytic evaluator's outputs (the arrays that
:func:`skyrack.evaluate_batch` returns) and gives one number per design. The built-in ones are
below; a plugin adds more with the ``register_objectives`` hook. A :class:`SearchDimension` is
a knob that is not itself a design parameter (a launch price per kg, say) and maps its value
onto design parameters; plugins add them with ``register_search_dimensions``.

This module never imports optuna, so a study is validated without it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.errors import PluginError, SkyrackError

if TYPE_CHECKING:
    from skyrack.design import Design
    from skyrack.timeline import FleetTimeline

FloatArray = npt.NDArray[np.float64]
Outputs = Mapping[str, FloatArray]
"""The evaluator's outputs for a batch of designs, by name (``lcoc_usd_per_pflop_day``, ...)."""

DIRECTIONS = ("minimize", "maximize")


def _check_direction(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in DIRECTIONS:
        raise SkyrackError(f"{attribute.name} must be 'minimize' or 'maximize', got {value!r}")


def _check_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value.isidentifier():
        raise SkyrackError(f"a name must be a Python-style identifier, got {value!r}")


@attrs.frozen(kw_only=True)
class Objective:
    """One quantity to minimize or maximize, computed from the evaluator's outputs.

    ``compute(outputs, options)`` returns one value per design (an array of the batch's
    shape); ``options`` holds the numbers the study gives with the objective (``by_year``,
    ``power_w``, ...), each named in ``options`` with its meaning. ``requires`` lists the
    evaluator outputs it reads, checked before a search starts.
    """

    name: str = attrs.field(validator=_check_name)
    direction: str = attrs.field(validator=_check_direction)
    unit: str
    description: str
    compute: Callable[[Outputs, Mapping[str, float]], FloatArray]
    options: Mapping[str, str] = attrs.field(factory=dict)
    requires: tuple[str, ...] = ()
    timeline: Callable[[FleetTimeline, Mapping[str, float]], float] | None = None
    """When set, the objective reads each design's expected fleet timeline instead
    (``compute`` is then unused): ``timeline(fleet_timeline, options) -> value``."""
    shortfall: Callable[[FleetTimeline, Mapping[str, float]], float] | None = None
    """For a timeline objective that asks for something a design may never reach (the years
    to ``power_w``): how far short the design falls, as a fraction (≤ 0 when it gets there).
    The search makes it a constraint, so a design that never gets there is infeasible instead
    of best on the other objectives."""


@attrs.frozen(kw_only=True)
class SearchDimension:
    """A search knob that maps its value onto design parameters.

    ``apply(design, values)`` returns design-parameter variations (``{"launch_vehicle.price_usd":
    array}``) for an array of this dimension's values. ``minimum`` / ``maximum`` bound the
    values a study may search (inclusive); ``integer`` asks for whole numbers.
    """

    name: str = attrs.field(validator=_check_name)
    description: str
    unit: str
    apply: Callable[[Design, FloatArray], Mapping[str, npt.ArrayLike]]
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False


@attrs.frozen(kw_only=True)
class ChosenObjective:
    """An objective as a study chose it: with its options, and the label Optuna shows."""

    objective: Objective
    options: Mapping[str, float] = attrs.field(factory=dict)

    @property
    def label(self) -> str:
        """``lcoc`` or ``years_to_power(power_w=1e+09)``: the metric name in Optuna."""
        if not self.options:
            return self.objective.name
        options = ", ".join(f"{key}={value:g}" for key, value in self.options.items())
        return f"{self.objective.name}({options})"

    @property
    def direction(self) -> str:
        """'minimize' or 'maximize'."""
        return self.objective.direction

    @property
    def constraint(self) -> str | None:
        """The name of the constraint the objective adds (see ``Objective.shortfall``)."""
        return None if self.objective.shortfall is None else f"{self.label} reached"

    def shortfalls(self, timelines: Callable[[], list[FleetTimeline | None]]) -> FloatArray:
        """One shortfall per design (NaN without a timeline); only with ``shortfall`` set."""
        assert self.objective.shortfall is not None
        read = self.objective.shortfall
        return np.array(
            [math.nan if t is None else read(t, self.options) for t in timelines()],
            dtype=np.float64,
        )

    def values(
        self, outputs: Outputs, timelines: Callable[[], list[FleetTimeline | None]]
    ) -> FloatArray:
        """One value per design; NaN (a design the model cannot price, or without a fleet
        timeline) becomes the worst value. ``timelines()`` gives each design's timeline."""
        read = self.objective.timeline
        if read is None:
            raw = np.asarray(self.objective.compute(outputs, self.options), dtype=np.float64)
        else:
            raw = np.array(
                [math.nan if t is None else read(t, self.options) for t in timelines()],
                dtype=np.float64,
            )
        worst = math.inf if self.direction == "minimize" else -math.inf
        return np.where(np.isnan(raw), worst, raw)


def _output(key: str) -> Callable[[Outputs, Mapping[str, float]], FloatArray]:
    def compute(outputs: Outputs, options: Mapping[str, float]) -> FloatArray:
        return outputs[key]

    compute.__name__ = f"output_{key}"
    return compute


BUILTIN_OBJECTIVES: tuple[Objective, ...] = (
    Objective(
        name="lcoc",
        direction="minimize",
        unit="USD/PFLOP-day",
        description="levelized cost of compute in orbit: PV(cost) / PV(delivered PFLOP-days)",
        compute=_output("lcoc_usd_per_pflop_day"),
        requires=("lcoc_usd_per_pflop_day",),
    ),
    Objective(
        name="orbit_to_ground_ratio",
        direction="minimize",
        unit="1",
        description="orbital LCOC over the ground baseline's (below 1: orbit is cheaper)",
        compute=_output("orbit_to_ground_ratio"),
        requires=("orbit_to_ground_ratio",),
    ),
    Objective(
        name="capex",
        direction="minimize",
        unit="USD",
        description="capital spent on the fleet (hardware, launch, insurance, ground, NRE)",
        compute=_output("capex_usd"),
        requires=("capex_usd",),
    ),
    Objective(
        name="delivered_pflop_days",
        direction="maximize",
        unit="PFLOP-day",
        description="dense BF16 compute the fleet delivers over its life, undiscounted",
        compute=_output("pflop_days"),
        requires=("pflop_days",),
    ),
    Objective(
        name="fleet_power",
        direction="maximize",
        unit="W",
        description="payload power of the fleet at beginning of life",
        compute=_output("fleet_payload_power_w"),
        requires=("fleet_payload_power_w",),
    ),
)
"""The objectives every study can name."""


def _unused(outputs: Outputs, options: Mapping[str, float]) -> FloatArray:
    raise NotImplementedError("a timeline objective is computed from the timeline")


def _years_to_power(timeline: FleetTimeline, options: Mapping[str, float]) -> float:
    reached = timeline.time_to_power(options["power_w"] / timeline.target_power_w)
    return math.inf if reached is None else reached


def _power_shortfall(timeline: FleetTimeline, options: Mapping[str, float]) -> float:
    return 1.0 - timeline.peak_operating_power_w / options["power_w"]


def _power_at(timeline: FleetTimeline, options: Mapping[str, float]) -> float:
    year = options["by_year"]
    if year > timeline.horizon_years:
        return 0.0
    times = np.concatenate(([0.0], timeline.time_years))
    power = np.concatenate(([0.0], timeline.operating_power_w))
    return float(np.interp(year, times, power))


def _delivered_by(timeline: FleetTimeline, options: Mapping[str, float]) -> float:
    starts = timeline.time_years - timeline.step_years
    share = np.clip((options["by_year"] - starts) / timeline.step_years, 0.0, 1.0)
    return float(np.sum(timeline.delivered_pflop_days * share))  # pro rata within a period


TIMELINE_OBJECTIVES: tuple[Objective, ...] = (
    Objective(
        name="years_to_power",
        direction="minimize",
        unit="yr",
        description="years from the first launch until the fleet operates power_w of payload",
        compute=_unused,
        options={"power_w": "operating payload power to reach [W]"},
        timeline=_years_to_power,
        shortfall=_power_shortfall,
    ),
    Objective(
        name="operating_power",
        direction="maximize",
        unit="W",
        description="payload power operating at by_year years after the first launch",
        compute=_unused,
        options={"by_year": "years after the first launch"},
        timeline=_power_at,
    ),
    Objective(
        name="delivered_pflop_days_by_year",
        direction="maximize",
        unit="PFLOP-day",
        description="dense BF16 compute delivered until by_year years after the first launch",
        compute=_unused,
        options={"by_year": "years after the first launch"},
        timeline=_delivered_by,
    ),
)
"""Objectives read from each design's expected fleet timeline (:mod:`skyrack.expected_timeline`)."""


def output_objective(key: str, direction: str) -> Objective:
    """An objective that is one of the evaluator's outputs as it is (``value = "co2_kg"``)."""
    return Objective(
        name=key,
        direction=direction,
        unit="",
        description=f"the evaluator's output {key}",
        compute=_output(key),
        requires=(key,),
    )


def _collect(hook_name: str, expected: type, builtin: tuple[Any, ...]) -> dict[str, Any]:
    from skyrack.plugins import load_plugins

    found: dict[str, Any] = {item.name: item for item in builtin}
    owners = dict.fromkeys(found, "skyrack")
    for impl in getattr(load_plugins().hook, hook_name).get_hookimpls():
        plugin = impl.plugin_name

        def register(item: Any, plugin: str = plugin) -> None:
            if not isinstance(item, expected):
                raise PluginError(
                    plugin,
                    f"registered a {type(item).__name__}, but {hook_name} takes "
                    f"{expected.__name__} objects",
                    hook=hook_name,
                )
            name: str = getattr(item, "name")  # noqa: B009 (mypy narrowed item to object)
            if name in found:
                raise PluginError(
                    plugin,
                    f"{name!r} is already registered by {owners[name]!r}; rename it",
                    hook=hook_name,
                )
            found[name] = item
            owners[name] = plugin

        try:
            impl.function(register)
        except PluginError:
            raise
        except SkyrackError as error:
            raise PluginError(plugin, str(error), hook=hook_name) from error
        except Exception as error:
            raise PluginError(
                plugin, f"raised {type(error).__name__}: {error}", hook=hook_name
            ) from error
    return found


def objectives() -> dict[str, Objective]:
    """Every objective by name: the built-in ones and those the loaded plugins register."""
    return _collect("register_objectives", Objective, BUILTIN_OBJECTIVES + TIMELINE_OBJECTIVES)


def search_dimensions() -> dict[str, SearchDimension]:
    """Every plugin search dimension by name."""
    return _collect("register_search_dimensions", SearchDimension, ())
