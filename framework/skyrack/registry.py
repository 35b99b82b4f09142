"""Registered components by kind and name, filled by the plugins' registration hooks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
import pluggy

from skyrack.components import (
    COMPONENT_KINDS,
    AcceleratorRoadmap,
    Component,
    ComputePayload,
    FleetEvent,
    FleetPolicy,
    GroundBaseline,
    LaunchVehicle,
    Orbit,
    ReferenceModel,
    SatelliteBus,
)
from skyrack.errors import ComponentNotFound, DuplicateComponent, PluginError, SkyrackError
from skyrack.hookspecs import REGISTRATION_HOOKS
from skyrack.text import one_line

C = TypeVar("C", bound=Component)

PLUGIN_ERRORS = (Exception, SystemExit)
"""What a plugin's own code may raise that skyrack survives (Ctrl-C still interrupts)."""


def raised(error: BaseException) -> str:
    """What a plugin raised, in one line: ``RuntimeError: catalog file missing``."""
    if isinstance(error, SystemExit):
        return f"exited (SystemExit {error.code!r})"
    return one_line(f"{type(error).__name__}: {error}")


def rebuilt[K: Component](component: Component, kind: type[K]) -> K:
    """A fresh ``kind`` built from ``component``'s field values, so every validator runs again:
    a component changed after construction (``object.__setattr__``, a mutated mapping) or a
    subclass that skips validation is checked like any other, and later changes to the
    plugin's object do not reach the registry."""
    values = {field.name: getattr(component, field.name) for field in attrs.fields(kind)}
    return kind(**values)


class Registry:
    """Components by kind and name, each remembered with the plugin that registered it."""

    def __init__(self) -> None:
        self._components: dict[str, dict[str, Component]] = {kind: {} for kind in COMPONENT_KINDS}
        self._owners: dict[tuple[str, str], str] = {}

    def add(self, component: Component, plugin: str, hook: str | None = None) -> None:
        """Add one component; a second component of one kind and name is an error naming both."""
        kind = component.kind
        if kind not in self._components:
            raise PluginError(
                plugin, f"{type(component).__name__} is not a component kind", hook=hook
            )
        existing = self._owners.get((kind, component.name))
        if existing is not None:
            raise DuplicateComponent(
                plugin,
                f"{kind.replace('_', ' ')} {component.name!r} is already registered by plugin "
                f"{existing!r}; rename one of them or disable a plugin with "
                f"SKYRACK_DISABLE_PLUGINS={plugin}",
                hook=hook,
            )
        self._components[kind][component.name] = component
        self._owners[(kind, component.name)] = plugin

    def get(self, kind: str, name: str) -> Component:
        """The component of ``kind`` named ``name``; an unknown name suggests close matches."""
        if kind not in self._components:
            raise ComponentNotFound("component kind", kind, self._components)
        try:
            return self._components[kind][name]
        except KeyError:
            raise ComponentNotFound(kind, name, self._components[kind]) from None

    def get_typed(self, cls: type[C], name: str) -> C:
        """The component of ``cls``'s kind named ``name``, typed as ``cls``."""
        component = self.get(cls.kind, name)
        assert isinstance(component, cls)
        return component

    def launch_vehicle(self, name: str) -> LaunchVehicle:
        """The launch vehicle named ``name``."""
        return self.get_typed(LaunchVehicle, name)

    def satellite_bus(self, name: str) -> SatelliteBus:
        """The satellite bus named ``name``."""
        return self.get_typed(SatelliteBus, name)

    def compute_payload(self, name: str) -> ComputePayload:
        """The compute payload named ``name``."""
        return self.get_typed(ComputePayload, name)

    def accelerator_roadmap(self, name: str) -> AcceleratorRoadmap:
        """The accelerator roadmap named ``name``."""
        return self.get_typed(AcceleratorRoadmap, name)

    def orbit(self, name: str) -> Orbit:
        """The orbit named ``name``."""
        return self.get_typed(Orbit, name)

    def ground_baseline(self, name: str) -> GroundBaseline:
        """The ground baseline named ``name``."""
        return self.get_typed(GroundBaseline, name)

    def fleet_policy(self, name: str) -> FleetPolicy:
        """The fleet policy named ``name``."""
        return self.get_typed(FleetPolicy, name)

    def fleet_event(self, name: str) -> FleetEvent:
        """The fleet event named ``name``."""
        return self.get_typed(FleetEvent, name)

    def reference_model(self, name: str) -> ReferenceModel:
        """The reference cost model named ``name``."""
        return self.get_typed(ReferenceModel, name)

    def find(self, name: str) -> Component:
        """The component named ``name`` whatever its kind (the first kind that has it)."""
        for by_name in self._components.values():
            if name in by_name:
                return by_name[name]
        raise ComponentNotFound("component", name, self.all_names())

    def owner(self, component: Component) -> str:
        """The name of the plugin that registered ``component``."""
        return self._owners[(component.kind, component.name)]

    def components(self, kind: str | None = None) -> Iterator[Component]:
        """Components sorted by kind then name, of one kind or all."""
        if kind is not None and kind not in self._components:
            raise ComponentNotFound("component kind", kind, self._components)
        kinds = [kind] if kind else list(self._components)
        for each in kinds:
            for name in sorted(self._components[each]):
                yield self._components[each][name]

    def names(self, kind: str) -> list[str]:
        """Sorted names of the components of one kind."""
        return sorted(self._components[kind])

    def all_names(self) -> set[str]:
        """Every registered name, of every kind."""
        return {name for by_name in self._components.values() for name in by_name}

    def __len__(self) -> int:
        return sum(len(by_name) for by_name in self._components.values())


def _call_registration_hook(
    registry: Registry, impl: pluggy.HookImpl, hook_name: str, kind: str
) -> None:
    plugin = impl.plugin_name
    expected = COMPONENT_KINDS[kind]
    if impl.hookwrapper or impl.wrapper:
        raise PluginError(
            plugin, "registration hooks cannot be wrappers; drop wrapper=True", hook=hook_name
        )

    def register(component: Any) -> None:
        if not isinstance(component, expected):
            got = type(component).__name__
            article = "an" if got[:1].lower() in "aeiou" else "a"
            raise PluginError(
                plugin,
                f"registered {article} {got} {getattr(component, 'name', '')!r}, "
                f"but {hook_name} takes {expected.__name__} objects",
                hook=hook_name,
            )
        registry.add(rebuilt(component, expected), plugin, hook=hook_name)

    arguments: dict[str, Callable[[Any], None]] = {"register": register}
    try:
        impl.function(*(arguments[name] for name in impl.argnames))
    except PluginError:
        raise
    except SkyrackError as error:
        raise PluginError(plugin, str(error), hook=hook_name) from error
    except PLUGIN_ERRORS as error:
        raise PluginError(plugin, f"raised {raised(error)}", hook=hook_name) from error


def build_registry(manager: pluggy.PluginManager) -> Registry:
    """Call every registration hook of every loaded plugin and collect what they register."""
    registry = Registry()
    for hook_name, kind in REGISTRATION_HOOKS.items():
        for impl in getattr(manager.hook, hook_name).get_hookimpls():
            _call_registration_hook(registry, impl, hook_name, kind)
    return registry
