"""The plugin manager: loads built-in and third-party plugins from entry points, once, lazily.

Built-in plugins are entry points of the group ``skyrack`` in skyrack's own ``pyproject.toml``,
so they load exactly like a third party's. Two environment variables choose what loads:

``SKYRACK_PLUGINS``
    comma-separated allowlist of plugin names (entry-point or distribution names); when set,
    only these load. ``SKYRACK_PLUGINS=""`` loads none.
``SKYRACK_DISABLE_PLUGINS``
    comma-separated blocklist of plugin names that never load.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import attrs
import pluggy

from skyrack import hookspecs
from skyrack.errors import PluginError
from skyrack.registry import Registry, build_registry

ENTRY_POINT_GROUP = "skyrack"
ALLOW_VARIABLE = "SKYRACK_PLUGINS"
BLOCK_VARIABLE = "SKYRACK_DISABLE_PLUGINS"

_manager: pluggy.PluginManager | None = None
_registry: Registry | None = None


@attrs.frozen
class PluginInfo:
    """What ``skyrack plugins`` shows about one loaded plugin."""

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]


def _names_from(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def _entry_point_names(entry_point: EntryPoint) -> set[str]:
    names = {entry_point.name}
    if entry_point.dist is not None:
        names.add(entry_point.dist.name)
    return names


def _selected_entry_points() -> list[EntryPoint]:
    allow = _names_from(ALLOW_VARIABLE)
    block = _names_from(BLOCK_VARIABLE) or set()
    selected = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        names = _entry_point_names(entry_point)
        if allow is not None and not names & allow:
            continue
        if names & block:
            continue
        selected.append(entry_point)
    return sorted(selected, key=lambda ep: ep.name)


def _new_manager() -> pluggy.PluginManager:
    manager = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    manager.add_hookspecs(hookspecs)
    return manager


def register_plugin(manager: pluggy.PluginManager, plugin: Any, name: str) -> None:
    """Register one plugin object, turning pluggy's validation errors into a PluginError."""
    if manager.has_plugin(name):
        raise PluginError(
            name,
            "another plugin is already loaded under this name; rename the entry point or "
            f"disable one with {BLOCK_VARIABLE}",
        )
    try:
        manager.register(plugin, name=name)
    except pluggy.PluginValidationError as error:
        raise PluginError(name, one_line(str(error))) from None
    except ValueError as error:  # the same object registered twice
        raise PluginError(name, str(error).splitlines()[0]) from None
    _check_pending(manager)


def _check_pending(manager: pluggy.PluginManager) -> None:
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        plugin_name = manager.get_name(error.plugin) or repr(error.plugin)
        manager.unregister(error.plugin)
        raise PluginError(
            plugin_name,
            f"{one_line(str(error))}; skyrack's hooks are listed in docs/plugins.md",
        ) from None


def one_line(text: str) -> str:
    """Fold a multi-line message into one line."""
    return "; ".join(line.strip() for line in text.splitlines() if line.strip())


def load_plugins() -> pluggy.PluginManager:
    """Create the plugin manager and load every selected entry-point plugin (done once)."""
    global _manager
    if _manager is not None:
        return _manager
    manager = _new_manager()
    for entry_point in _selected_entry_points():
        try:
            module = entry_point.load()
        except Exception as error:
            raise PluginError(
                entry_point.name,
                f"could not be imported from {entry_point.value!r}: "
                f"{type(error).__name__}: {error}",
            ) from error
        register_plugin(manager, module, entry_point.name)
    _manager = manager
    return manager


def registry() -> Registry:
    """Every component the loaded plugins register, built once and cached."""
    global _registry
    if _registry is None:
        _registry = build_registry(load_plugins())
    return _registry


def plugin_infos() -> list[PluginInfo]:
    """Name, version, distribution and implemented hooks of each loaded plugin."""
    manager = load_plugins()
    distributions = {
        ep.name: ep.dist for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.dist is not None
    }
    infos = []
    for name, plugin in sorted(manager.list_name_plugin()):
        hooks = tuple(sorted(caller.name for caller in manager.get_hookcallers(plugin) or []))
        dist = distributions.get(name)
        infos.append(
            PluginInfo(
                name=name,
                version=dist.version if dist else None,
                distribution=dist.name if dist else None,
                hooks=hooks,
            )
        )
    return infos


def reset() -> None:
    """Forget loaded plugins and the registry, so the next use loads them again."""
    global _manager, _registry
    _manager = None
    _registry = None


@contextmanager
def temporary_plugin(plugin: Any, name: str) -> Iterator[Registry]:
    """Register ``plugin`` for the duration of a ``with`` block; yields the rebuilt registry.

    The plugin is removed and the registry rebuilt afterwards, even when the block raises.
    """
    global _registry
    manager = load_plugins()
    register_plugin(manager, plugin, name)
    try:
        _registry = None
        yield registry()
    finally:
        if manager.is_registered(plugin):
            manager.unregister(plugin)
        _registry = None
