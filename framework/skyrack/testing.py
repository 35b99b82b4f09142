"""A conformance kit for plugin authors: run it on your components in your own tests.

::

    import my_plugin
    from skyrack.testing import check_plugin

    def test_my_plugin_conforms():
        check_plugin(my_plugin, name="my-plugin")

skyrack's built-in plugins run through the same checks in ``tests/test_conformance.py``.
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from skyrack.components import COMPONENT_KINDS, Component, ComputePayload, LaunchVehicle
from skyrack.errors import InvalidComponent
from skyrack.plugins import load_plugins, temporary_plugin
from skyrack.registry import build_registry

# Upper bounds that no real component comes near; they catch unit slips (W for kW, kg for t).
_PLAUSIBLE_MAXIMA: dict[tuple[type[Component], str], float] = {
    (LaunchVehicle, "payload_to_leo_kg"): 1_000_000.0,
    (LaunchVehicle, "price_usd"): 5e9,
    (ComputePayload, "tdp_w"): 50_000.0,
    (ComputePayload, "mass_kg"): 2_000.0,
}
_MAX_TFLOPS_PER_W = 50.0


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
            limit = _PLAUSIBLE_MAXIMA.get((type(component), field.name))
            if limit is not None and value > limit:
                problems.append(
                    f"{label}: {field.name}={value} is implausibly large (a unit slip?)"
                )
    if isinstance(component, ComputePayload):
        efficiency = component.bf16_dense_tflops / component.tdp_w
        if efficiency > _MAX_TFLOPS_PER_W:
            problems.append(
                f"{label}: {efficiency:.1f} TFLOP/s per W is implausible (TFLOP/s vs GFLOP/s?)"
            )
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
    return registered
