"""The plugin manager: loads built-in and third-party plugins from entry points, once, lazily.

Built-in plugins are entry points of the group ``skyrack`` in skyrack's own ``pyproject.toml``,
so they load exactly like a third party's. Two environment variables choose what loads:

``SKYRACK_PLUGINS``
    comma-separated allowlist of plugin names (entry-point or distribution names); when set,
    only these load. ``SKYRACK_PLUGINS=""`` loads none.
``SKYRACK_DISABLE_PLUGINS``
    comma-separated blocklist of plugin names that never load.

A plugin is isolated: one that fails to import (or exits while importing), whose hooks do not
match skyrack's, or that raises in a hook is recorded as a :class:`PluginFailure` rather than
stopping the process. Commands that need the components (:func:`registry`) then fail with one
line naming the plugin and the variable that disables it; ``skyrack --help`` and ``skyrack
plugins`` keep working.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from importlib.metadata import EntryPoint, entry_points
from typing import Any

import attrs
import pluggy

from skyrack import hookspecs
from skyrack.errors import DuplicateComponent, PluginError
from skyrack.registry import PLUGIN_ERRORS, Registry, build_registry, raised
from skyrack.text import one_line

ENTRY_POINT_GROUP = "skyrack"
ALLOW_VARIABLE = "SKYRACK_PLUGINS"
BLOCK_VARIABLE = "SKYRACK_DISABLE_PLUGINS"

_manager: pluggy.PluginManager | None = None
_registry: Registry | None = None
_failures: list[PluginFailure] = []
_loaded_entry_points: set[str] = set()


@attrs.frozen
class PluginInfo:
    """What ``skyrack plugins`` shows about one plugin: loaded (``error`` None) or failed."""

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    error: str | None = None


@attrs.frozen
class PluginFailure:
    """A plugin that could not be used: which one, in which hook, and what went wrong."""

    plugin: str
    problem: str
    hook: str | None = None

    def error(self) -> PluginError:
        """The one-line error a command that needs every plugin fails with."""
        return PluginError(
            self.plugin,
            f"{self.problem}; to run without it, set {BLOCK_VARIABLE}={self.plugin}",
            hook=self.hook,
        )


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
    # skyrack's own plugins first, so that a clash names the third-party plugin
    return sorted(selected, key=lambda ep: (not _is_builtin(ep), ep.name))


def _is_builtin(entry_point: EntryPoint) -> bool:
    return entry_point.dist is not None and entry_point.dist.name == "skyrack"


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


def _load_entry_point(manager: pluggy.PluginManager, entry_point: EntryPoint) -> None:
    """Import and register one entry point; a failure is recorded, never raised."""
    try:
        with redirect_stdout(sys.stderr):  # what a plugin prints must not corrupt --json
            module = entry_point.load()
    except PLUGIN_ERRORS as error:
        problem = f"could not be imported from {entry_point.value!r}: {raised(error)}"
        _failures.append(PluginFailure(entry_point.name, problem))
        return
    _loaded_entry_points.add(entry_point.name)
    try:
        register_plugin(manager, module, entry_point.name)
    except PluginError as error:
        if manager.get_plugin(entry_point.name) is module:
            manager.unregister(module)
        _failures.append(PluginFailure(entry_point.name, error.problem))


def load_plugins() -> pluggy.PluginManager:
    """Create the plugin manager and load every selected entry-point plugin (done once).

    A plugin that fails to load is left out and recorded (see :func:`failures`)."""
    global _manager
    if _manager is not None:
        return _manager
    manager = _new_manager()
    for entry_point in _selected_entry_points():
        _load_entry_point(manager, entry_point)
    _manager = manager
    return manager


def failures() -> list[PluginFailure]:
    """The plugins that failed to load or failed in a hook, in the order they failed."""
    load_plugins()
    return list(_failures)


def record_failure(plugin: str, problem: str, hook: str | None = None) -> None:
    """Record that ``plugin`` failed outside loading (in ``register_commands``, say), and leave
    its hooks out from now on."""
    _failures.append(PluginFailure(plugin, problem, hook))
    manager = load_plugins()
    if manager.has_plugin(plugin):
        manager.unregister(name=plugin)


def check_plugins() -> None:
    """Raise the first plugin failure as a one-line PluginError naming the plugin and how to
    disable it."""
    found = failures()
    if found:
        raise found[0].error()


def registry() -> Registry:
    """Every component the loaded plugins register, built once and cached.

    Raises :class:`~skyrack.errors.PluginError` when a plugin failed to load or fails to
    register (the message names it and the variable that disables it)."""
    global _registry
    if _registry is None:
        check_plugins()
        try:
            _registry = build_registry(load_plugins())
        except PluginError as error:
            if isinstance(error, DuplicateComponent) or error.plugin not in _loaded_entry_points:
                raise
            failure = PluginFailure(error.plugin, error.problem, error.hook)
            _failures.append(failure)
            raise failure.error() from None
    return _registry


def plugin_infos() -> list[PluginInfo]:
    """Name, version, distribution and implemented hooks of each loaded plugin."""
    manager = load_plugins()
    distributions = {
        ep.name: ep.dist for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.dist is not None
    }
    infos = []
    failed = {failure.plugin: failure for failure in failures()}
    names = {name: plugin for name, plugin in manager.list_name_plugin()}
    for name in sorted(names.keys() | failed.keys()):
        plugin = names.get(name)
        callers = manager.get_hookcallers(plugin) if plugin is not None else None
        dist = distributions.get(name)
        failure = failed.get(name)
        infos.append(
            PluginInfo(
                name=name,
                version=dist.version if dist else None,
                distribution=dist.name if dist else None,
                hooks=tuple(sorted(caller.name for caller in callers or [])),
                error=failure.error().args[0] if failure else None,
            )
        )
    return infos


def reset() -> None:
    """Forget loaded plugins and the registry, so the next use loads them again."""
    global _manager, _registry
    _manager = None
    _registry = None
    _failures.clear()
    _loaded_entry_points.clear()


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
