"""The plugin mechanism: loading, allow/block lists, and errors that name the plugin."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import skyrack
from builtin_plugins import BUILTIN_PLUGINS
from skyrack import LaunchVehicle, Orbit, PluginError, Source, hookimpl, plugins
from skyrack.errors import ComponentNotFound, DuplicateComponent

TEST_SOURCE = Source(title="test fixture", year=2026, estimate=True)


def rocket(name: str = "test-rocket", **changes: Any) -> LaunchVehicle:
    """A valid launch vehicle with ``changes`` applied."""
    fields: dict[str, Any] = {
        "name": name,
        "description": "a rocket for tests",
        "payload_to_leo_kg": 10_000.0,
        "fairing_volume_m3": 100.0,
        "price_usd": 50e6,
        "max_launches_per_year": 12.0,
        "success_probability": 0.98,
        "first_available_year": 2025,
        "co2_per_launch_kg": 400_000.0,
        "reusable": True,
        "sources": {"*": TEST_SOURCE},
    }
    fields.update(changes)
    return LaunchVehicle(**fields)


class RocketPlugin:
    """A plugin object that registers the rockets it is given."""

    def __init__(self, *rockets: LaunchVehicle) -> None:
        self.rockets = rockets

    @hookimpl
    def register_launch_vehicles(self, register: Callable[[LaunchVehicle], None]) -> None:
        for each in self.rockets:
            register(each)


def test_builtin_plugins_load_through_the_skyrack_entry_point_group() -> None:
    """Every built-in plugin is found as an entry point of skyrack's own distribution."""
    infos = {info.name: info for info in plugins.plugin_infos()}
    assert BUILTIN_PLUGINS <= set(infos)
    assert all(infos[name].distribution == "skyrack" for name in BUILTIN_PLUGINS)
    assert all(infos[name].version == skyrack.__version__ for name in BUILTIN_PLUGINS)


def test_plugins_load_once_and_lazily() -> None:
    """Asking for the plugin manager twice returns the same one without reloading."""
    assert plugins._manager is None
    first = plugins.load_plugins()
    assert plugins.load_plugins() is first


def test_allowlist_loads_only_the_named_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """SKYRACK_PLUGINS keeps only the plugins it names."""
    monkeypatch.setenv(plugins.ALLOW_VARIABLE, "launchers, orbits")
    assert {info.name for info in plugins.plugin_infos()} == {"launchers", "orbits"}


def test_empty_allowlist_loads_no_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """SKYRACK_PLUGINS set to the empty string loads nothing."""
    monkeypatch.setenv(plugins.ALLOW_VARIABLE, "")
    assert plugins.plugin_infos() == []
    assert len(plugins.registry()) == 0


def test_blocklist_removes_the_named_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    """SKYRACK_DISABLE_PLUGINS drops the plugins it names and keeps the rest."""
    monkeypatch.setenv(plugins.BLOCK_VARIABLE, "launchers")
    names = {info.name for info in plugins.plugin_infos()}
    assert "launchers" not in names
    assert BUILTIN_PLUGINS - {"launchers"} <= names


def test_temporary_plugin_components_appear_then_disappear() -> None:
    """A plugin registered for a with-block is in the registry inside it and gone after."""
    with plugins.temporary_plugin(RocketPlugin(rocket()), "temp") as registry:
        assert registry.launch_vehicle("test-rocket").price_usd == 50e6
        assert registry.owner(registry.launch_vehicle("test-rocket")) == "temp"
    with pytest.raises(ComponentNotFound):
        plugins.registry().launch_vehicle("test-rocket")


def test_unknown_component_name_suggests_close_matches() -> None:
    """A misspelt name is an error that lists the registered names it resembles."""
    with (
        plugins.temporary_plugin(RocketPlugin(rocket("starship-x")), "temp") as registry,
        pytest.raises(ComponentNotFound, match="did you mean 'starship-x'"),
    ):
        registry.launch_vehicle("starshp-x")


def test_plugin_with_an_unknown_hook_is_rejected_by_name() -> None:
    """A hook implementation that matches no hook spec is refused, naming the plugin."""

    class Misspelt:
        @hookimpl
        def register_launch_vehicle(self, register: Any) -> None:  # missing the final s
            pass

    with (
        pytest.raises(PluginError, match=r"plugin 'misspelt'.*register_launch_vehicle"),
        plugins.temporary_plugin(Misspelt(), "misspelt"),
    ):
        pass


def test_duplicate_component_names_are_an_error_naming_both_plugins() -> None:
    """Two plugins registering one launch vehicle name fail with both plugins named."""
    manager = plugins.load_plugins()
    plugins.register_plugin(manager, RocketPlugin(rocket()), "first")
    plugins.register_plugin(manager, RocketPlugin(rocket()), "second")
    with pytest.raises(DuplicateComponent) as raised:
        plugins.registry()
    message = str(raised.value)
    assert "'first'" in message and "'second'" in message and "test-rocket" in message


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("payload_to_leo_kg", -500.0, "payload_to_leo_kg must be > 0 kg, got -500"),
        ("success_probability", 1.5, "success_probability must be ≤ 1, got 1.5"),
        ("price_usd", math.nan, "price_usd must be a finite number, got nan"),
        ("fairing_volume_m3", math.inf, "fairing_volume_m3 must be a finite number"),
        ("reusable", "yes", "reusable must be true or false"),
    ],
)
def test_plugin_registering_an_invalid_value_is_rejected_naming_plugin_hook_and_component(
    field: str, value: Any, expected: str
) -> None:
    """An invalid field value fails loading with the plugin, hook, component and field named."""

    class Broken:
        @hookimpl
        def register_launch_vehicles(self, register: Callable[[LaunchVehicle], None]) -> None:
            register(rocket("bad-rocket", **{field: value}))

    with pytest.raises(PluginError) as raised, plugins.temporary_plugin(Broken(), "broken"):
        pass
    message = str(raised.value)
    assert message.startswith("plugin 'broken', hook register_launch_vehicles:")
    assert "'bad-rocket'" in message
    assert expected in message


def test_plugin_registering_the_wrong_kind_is_rejected() -> None:
    """Registering an orbit through the launch-vehicle hook is an error naming both kinds."""
    orbit = Orbit(
        name="odd-orbit",
        description="an orbit in the wrong hook",
        altitude_km=550.0,
        inclination_deg=53.0,
        launch_capacity_factor=1.0,
        sources={"*": TEST_SOURCE},
    )

    class WrongKind:
        @hookimpl
        def register_launch_vehicles(self, register: Callable[[Any], None]) -> None:
            register(orbit)

    with (
        pytest.raises(PluginError, match=r"registered an Orbit 'odd-orbit'.*LaunchVehicle"),
        plugins.temporary_plugin(WrongKind(), "wrong-kind"),
    ):
        pass


def test_plugin_that_raises_is_named_with_its_hook() -> None:
    """An exception inside a plugin's hook becomes a PluginError naming plugin and hook."""

    class Crashing:
        @hookimpl
        def register_launch_vehicles(self, register: Any) -> None:
            raise RuntimeError("catalog file missing")

    with (
        pytest.raises(
            PluginError,
            match="plugin 'crashing', hook register_launch_vehicles: raised RuntimeError",
        ),
        plugins.temporary_plugin(Crashing(), "crashing"),
    ):
        pass


def test_component_without_a_source_for_a_number_is_invalid() -> None:
    """A component whose numbers lack sources cannot be constructed."""
    with pytest.raises(skyrack.InvalidComponent, match="every number needs a source"):
        rocket(sources={"price_usd": TEST_SOURCE})


def test_entry_point_plugin_that_fails_to_import_is_named(
    installed_distribution: Callable[[str, dict[str, str], dict[str, str]], Path],
) -> None:
    """An installed plugin whose module raises on import is left out of loading and reported,
    by its entry-point name and the variable that disables it, when the components are needed."""
    installed_distribution(
        "fake-broken-plugin",
        {"fake_broken": "fake_skyrack_broken"},
        {"fake_skyrack_broken": "raise ImportError('needs a library that is not installed')\n"},
    )
    manager = plugins.load_plugins()
    assert not manager.has_plugin("fake_broken")
    assert manager.has_plugin("launchers"), "the other plugins still load"
    with pytest.raises(PluginError, match="plugin 'fake_broken': could not be imported") as error:
        plugins.registry()
    assert str(error.value).endswith(f"set {plugins.BLOCK_VARIABLE}=fake_broken")


def test_installed_third_party_plugin_registers_without_core_changes(
    installed_distribution: Callable[[str, dict[str, str], dict[str, str]], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An installed distribution with a skyrack entry point adds its components; blocked, not."""
    installed_distribution(
        "fake-rocket-plugin",
        {"fake_rocket": "fake_skyrack_rocket"},
        {
            "fake_skyrack_rocket": (
                "from skyrack import hookimpl, Source\n"
                "@hookimpl\n"
                "def register_orbits(register):\n"
                "    from skyrack import Orbit\n"
                "    register(Orbit(name='fake-orbit', description='d', altitude_km=700.0,\n"
                "        ltan_hours=6.0, launch_capacity_factor=0.8,\n"
                "        sources={'*': Source(title='t', year=2026)}))\n"
            )
        },
    )
    assert plugins.registry().orbit("fake-orbit").altitude_km == 700.0
    plugins.reset()
    monkeypatch.setenv(plugins.BLOCK_VARIABLE, "fake-rocket-plugin")
    with pytest.raises(ComponentNotFound):
        plugins.registry().orbit("fake-orbit")


def test_a_plugin_roadmap_sets_the_frontier_a_study_prices_against() -> None:
    """A roadmap registered through register_accelerator_roadmaps is found by name and its
    frontier prices the business case (here: a flat one keeps the price constant)."""
    from skyrack import AcceleratorGeneration, AcceleratorRoadmap, Source, hookimpl
    from skyrack.business.case import business_case
    from skyrack.business.settings import Business
    from toy_design import toy_design

    note = Source(title="test roadmap", year=2026, estimate=True)

    class RoadmapPlugin:
        @hookimpl
        def register_accelerator_roadmaps(self, register: Any) -> None:
            register(
                AcceleratorRoadmap(
                    name="plugin-flat",
                    description="one generation, no trend",
                    generations=[
                        AcceleratorGeneration(
                            name="only",
                            description="the only one",
                            release_year=2020.0,
                            bf16_dense_tflops=500.0,
                            power_w=500.0,
                            price_usd=10_000.0,
                            shipped=True,
                            sources={"*": note},
                        )
                    ],
                    tflops_per_w_growth_per_year=0.0,
                    tflops_per_usd_growth_per_year=0.0,
                    sources={"*": note},
                )
            )

    with plugins.temporary_plugin(RoadmapPlugin(), "roadmap-plugin") as registry:
        roadmap = registry.accelerator_roadmap("plugin-flat")
        assert registry.owner(roadmap) == "roadmap-plugin"
        case = business_case(toy_design(), Business(roadmap="plugin-flat"), roadmap)
    assert case.market.frontier.roadmap is roadmap
    prices = case.market.price_usd_per_pflop_hour([2025.0, 2045.0])
    assert prices[0] == prices[1]
