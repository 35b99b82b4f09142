"""A conformance kit for plugin authors: run it on your components in your own tests.

::

    import my_plugin
    from skyrack.testing import check_plugin

    def test_my_plugin_conforms():
        check_plugin(my_plugin, name="my-plugin")

``check_plugin`` also flies every fleet policy and event the plugin registers through a small
fleet (:func:`check_policy`, :func:`check_event`). skyrack's built-in plugins run through the
same checks in ``tests/test_conformance.py``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.components import (
    COMPONENT_KINDS,
    Component,
    FleetEvent,
    FleetPolicy,
)
from skyrack.design import Design, Sizing
from skyrack.errors import InvalidComponent
from skyrack.plausibility import implausible_component
from skyrack.plugins import load_plugins, temporary_plugin
from skyrack.registry import build_registry
from skyrack.sources import Source

if TYPE_CHECKING:
    from skyrack.simulation.history import FleetHistory


def _rejects(component: Component, field_name: str, value: Any) -> bool:
    try:
        attrs.evolve(component, **{field_name: value})
    except InvalidComponent:
        return True
    return False


def component_problems(component: Component) -> list[str]:
    """Every way ``component`` falls short of skyrack's conventions (empty when it conforms)."""
    problems: list[str] = []
    label = f"{type(component).__name__} {component.name!r}"
    if type(component).kind not in COMPONENT_KINDS:
        problems.append(f"{label}: {type(component).__name__} is not a skyrack component kind")
    if not component.description.strip():
        problems.append(f"{label}: give it a description")
    if attrs.evolve(component) != component:
        problems.append(f"{label}: does not compare equal to a copy of itself")
    for field in attrs.fields(type(component)):
        if not field.metadata.get("numeric"):
            continue
        value = getattr(component, field.name)
        if value is None:  # an optional number this component leaves out
            continue
        source = component.source_of(field.name)
        if source is None:
            problems.append(f"{label}: {field.name} has no source")
        elif source.has_range and component.range_of(field.name) is None:
            problems.append(
                f"{label}: {field.name} lies outside its source's plausible range "
                f"{source.low:g} to {source.high:g}"
            )
        if isinstance(value, int | float) and not isinstance(value, bool):
            if not _rejects(component, field.name, math.nan):
                problems.append(f"{label}: {field.name} accepts NaN")
            if not _rejects(component, field.name, math.inf):
                problems.append(f"{label}: {field.name} accepts infinity")
    problems += [  # outside the field's plausible range: usually a unit slip
        f"{label}: {item.key.partition('.')[2]}: {item.problem}"
        for item in implausible_component(component)
    ]
    return problems


def check_component(component: Component) -> None:
    """Fail with every problem listed if ``component`` does not conform."""
    problems = component_problems(component)
    if problems:
        raise AssertionError("\n".join(problems))


def check_plugin(plugin: Any, name: str) -> list[Component]:
    """Register ``plugin`` temporarily, check every component it registers, and return them.

    Fails when the plugin registers nothing or any component does not conform. Loading errors
    (unknown hooks, duplicate names, invalid values) raise :class:`skyrack.errors.PluginError`.
    """
    manager = load_plugins()
    if manager.is_registered(plugin):  # already loaded through its entry point
        name = manager.get_name(plugin) or name
        registry = build_registry(manager)
    else:
        with temporary_plugin(plugin, name) as temporary_registry:
            registry = temporary_registry
    registered = [c for c in registry.components() if registry.owner(c) == name]
    if not registered:
        raise AssertionError(f"plugin {name!r} registered no components")
    problems = [problem for c in registered for problem in component_problems(c)]
    if problems:
        raise AssertionError("\n".join(problems))
    for component in registered:
        if isinstance(component, FleetPolicy):
            check_policy(component)
        elif isinstance(component, FleetEvent):
            check_event(component)
    return registered


# --- fleet policies and events -----------------------------------------------------------------


def conservation_problems(history: FleetHistory) -> list[str]:
    """Every step at which satellites are created or lost in the books: built = in storage +
    launched, and launched = operating + failed + deorbited + lost at launch (cumulative)."""
    built = history.cumulative("satellites_built")
    launched = history.cumulative("satellites_launched")
    storage = history.series("satellites_in_storage")
    accounted = (
        history.series("satellites_operating")
        + history.cumulative("satellites_failed")
        + history.cumulative("satellites_deorbited")
        + history.cumulative("satellites_lost_at_launch")
    )
    problems = []
    for name, left, right in (
        ("built ≠ in storage + launched", built, storage + launched),
        ("launched ≠ operating + failed + deorbited + lost at launch", launched, accounted),
    ):
        bad = [int(i) for i in range(len(left)) if left[i] != right[i]]
        if bad:
            i = bad[0]
            problems.append(f"{name} at step {i}: {left[i]:g} vs {right[i]:g}")
    return problems


KIT_COMPONENTS: dict[str, Any] = {
    "launch_vehicle": "falcon-9-reusable",
    "satellite_bus": "starlink-v2-mini-class",
    "compute_payload": "h100-sxm",
    "orbit": "sso-dawn-dusk-650",
    "ground_baseline": "hyperscale-grid",
}
"""The built-in components of the kit's fleet (the quickstart's), made to fail more often."""


def _kit_design() -> Design:
    """40 quickstart satellites that lose a launch in ten, 30 % of buses and 20 % of
    accelerators a year, and are sized for 1.5 years."""
    from skyrack.errors import ComponentNotFound
    from skyrack.plugins import registry

    try:
        design = Design.from_names(
            registry(),
            **KIT_COMPONENTS,
            sizing=Sizing(accelerators_per_satellite=16, satellites=40, mission_years=1.5),
        )
    except ComponentNotFound as error:
        raise AssertionError(
            f"the fleet conformance kit flies skyrack's built-in components: {error}; load the "
            "built-in plugins (unset SKYRACK_PLUGINS / SKYRACK_DISABLE_PLUGINS)"
        ) from None
    return attrs.evolve(
        design,
        launch_vehicle=attrs.evolve(design.launch_vehicle, success_probability=0.9),
        satellite_bus=attrs.evolve(design.satellite_bus, failure_rate_per_year=0.3),
        compute_payload=attrs.evolve(design.compute_payload, failure_rate_per_year=0.2),
    )


def _kit_plan(policy: FleetPolicy, events: tuple[FleetEvent, ...], years: float) -> Any:
    """A small fleet that loses satellites at launch and in orbit and retires them."""
    from skyrack.simulation.plan import SimulationPlan
    from skyrack.simulation.settings import FactorySettings, SimulationSettings

    design = _kit_design()
    settings = SimulationSettings(
        horizon_years=years,
        step_days=5.0,
        stand_down_days=10.0,
        factory=FactorySettings(
            start_satellites_per_day=0.5, max_satellites_per_day=2.0, ramp_years=1.0
        ),
    )
    return SimulationPlan.build(design, settings, policy, events)


def _kit_policy() -> FleetPolicy:
    return FleetPolicy(
        name="kit-replace-failed",
        description="replace every loss, retire at design life (conformance kit)",
        replace_failed_satellites=True,
        replenish_below_fraction=0.5,
        deorbit_at_design_life=True,
        sources={"*": Source(title="conformance kit setting", year=2026, estimate=True)},
    )


def _fly(plan: Any, seed: int, label: str, strike: Any = None) -> FleetHistory:
    from skyrack.errors import SkyrackError
    from skyrack.simulation.model import FleetModel

    try:
        model = FleetModel(plan, rng=seed)
        if strike is not None:  # strike halfway, whatever the event's own timing
            model.run_for(model.steps_total // 2)
            strike(model)
        model.run_for(model.steps_total - model.recorder.steps_recorded)
        history: FleetHistory = model.history()
    except SkyrackError as error:
        raise AssertionError(f"{label}: {error}") from error
    problems = conservation_problems(history)
    if problems:
        raise AssertionError(f"{label}: " + "; ".join(problems))
    return history


def _same(first: FleetHistory, second: FleetHistory, label: str) -> None:
    import numpy as np

    again = second.columns()
    for name, values in first.columns().items():
        if not np.array_equal(values, again[name]):
            raise AssertionError(f"{label}: one seed gave two histories (column {name})")


def check_policy(policy: FleetPolicy, *, years: float = 3.0, seed: int = 0) -> FleetHistory:
    """Fly ``policy`` for ``years`` through a small fleet that loses satellites at launch and
    in orbit; fail with an AssertionError naming it when its behaviour breaks the protocol
    (raises, orders a negative or fractional number of satellites, returns a bad retirement
    age), when satellites are not conserved, when nothing is ever launched, or when one seed
    gives two histories. Returns the history for further checks of your own."""
    label = f"fleet policy {policy.name!r}"
    plan = _kit_plan(policy, (), years)
    history = _fly(plan, seed, label)
    if history.series("satellites_launched").sum() == 0:
        raise AssertionError(f"{label}: launched nothing (order satellites in start())")
    _same(history, _fly(plan, seed, label), label)
    return history


def check_event(event: FleetEvent, *, years: float = 3.0, seed: int = 0) -> FleetHistory:
    """Fly a small fleet for ``years`` with ``event`` scheduled by its own behaviour and made to
    strike once more halfway; fail with an AssertionError naming it when its behaviour breaks
    the protocol (raises, asks for a time before now, does damage out of range), when
    satellites are not conserved, or when one seed gives two histories."""
    label = f"fleet event {event.name!r}"
    plan = _kit_plan(_kit_policy(), (event,), years)

    def strike(model: Any) -> None:
        agent = model.event_agents[0]
        agent.strike()

    history = _fly(plan, seed, label, strike)
    _same(history, _fly(plan, seed, label, strike), label)
    return history
