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
    ComputePayload,
    FleetEvent,
    FleetPolicy,
    GroundBaseline,
    LaunchVehicle,
    Orbit,
    SatelliteBus,
)
from skyrack.design import Design, Economics, Sizing
from skyrack.errors import InvalidComponent
from skyrack.plugins import load_plugins, temporary_plugin
from skyrack.registry import build_registry
from skyrack.sources import Source

if TYPE_CHECKING:
    from skyrack.simulation.history import FleetHistory

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
        source = component.source_of(field.name)
        if source is None:
            problems.append(f"{label}: {field.name} has no source")
        value = getattr(component, field.name)
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


def _kit_plan(policy: FleetPolicy, events: tuple[FleetEvent, ...], years: float) -> Any:
    """A small fleet that loses satellites at launch and in orbit and retires them."""
    from skyrack.simulation.plan import SimulationPlan
    from skyrack.simulation.settings import FactorySettings, SimulationSettings

    design = toy_design(
        **{
            "launch_vehicle.success_probability": 0.9,
            "launch_vehicle.max_launches_per_year": 50.0,
            "satellite_bus.failure_rate_per_year": 0.3,
            "compute_payload.failure_rate_per_year": 0.2,
            "sizing.satellites": 40,
            "sizing.mission_years": 1.5,
        }
    )
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
        sources={"*": HAND},
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


# --- a toy design -------------------------------------------------------------------------------

HAND = Source(title="hand-computable test value", year=2026, estimate=True)
"""The source of every number of the toy design."""


def toy_design(**changes: Any) -> Design:
    """A toy design with round numbers, whose results can be worked out by hand: 100 satellites
    of 10 one-PFLOP/s accelerators, nothing fails. ``changes`` keys are ``"<kind>.<field>"``
    (``"sizing.<field>"``, ``"economics.<field>"``) and replace that field's value."""
    parts: dict[str, Any] = {
        "launch_vehicle": LaunchVehicle(
            name="toy-rocket",
            description="10 t for $10M",
            payload_to_leo_kg=10_000.0,
            fairing_volume_m3=1_000.0,
            price_usd=10e6,
            max_launches_per_year=1_000.0,
            success_probability=1.0,
            first_available_year=2020,
            co2_per_launch_kg=0.0,
            reusable=True,
            sources={"*": HAND},
        ),
        "satellite_bus": SatelliteBus(
            name="toy-bus",
            description="1 t bus",
            dry_mass_kg=1_000.0,
            max_payload_power_w=1e6,
            max_payload_mass_kg=1e5,
            housekeeping_power_w=0.0,
            solar_cell_efficiency=0.3,
            solar_specific_power_w_per_kg=100.0,
            solar_degradation_per_year=0.0,
            radiator_areal_density_kg_per_m2=5.0,
            radiator_emissivity=0.9,
            radiator_absorptivity=0.1,
            radiator_two_sided=True,
            battery_specific_energy_wh_per_kg=150.0,
            battery_cost_usd_per_kwh=1_000.0,
            stowed_density_kg_per_m3=100.0,
            propulsion_isp_s=1e6,
            design_life_years=10.0,
            failure_rate_per_year=0.0,
            cost_usd=1e6,
            array_cost_usd_per_w=100.0,
            radiator_cost_usd_per_m2=1_000.0,
            integration_cost_fraction=0.0,
            sources={"*": HAND},
        ),
        "compute_payload": ComputePayload(
            name="toy-chip",
            description="1 PFLOP/s at 1 kW",
            dense_tflops={"bf16": 1_000.0},
            tdp_w=1_000.0,
            host_power_fraction=0.0,
            mass_kg=10.0,
            unit_price_usd=10_000.0,
            failure_rate_per_year=0.0,
            warranty_years=0.0,
            tid_tolerance_krad=1e6,
            seu_upsets_per_day=0.0,
            seu_recovery_s=0.0,
            memory_gb=80.0,
            radiation_tolerant=False,
            sources={"*": HAND},
        ),
        "orbit": Orbit(
            name="toy-orbit",
            description="always in sunlight",
            altitude_km=550.0,
            inclination_deg=53.0,
            beta_min_deg=90.0,
            beta_max_deg=90.0,
            launch_capacity_factor=1.0,
            sun_synchronous=False,
            sources={"*": HAND},
        ),
        "ground_baseline": GroundBaseline(
            name="toy-ground",
            description="$10/W, $100/MWh, PUE 1",
            facility_capex_usd_per_w=10.0,
            power_plant_capex_usd_per_w=0.0,
            energy_price_usd_per_mwh=100.0,
            pue=1.0,
            capacity_factor=1.0,
            opex_fraction_per_year=0.0,
            lifetime_years=5.0,
            time_to_power_years=0.0,
            water_l_per_kwh=0.0,
            carbon_kg_per_mwh=0.0,
            replaces_failed_accelerators=True,
            sources={"*": HAND},
        ),
        "sizing": Sizing(
            accelerators_per_satellite=10,
            satellites=100,
            mission_years=5.0,
            radiator_view_factor_earth=0.0,
            shielding_mm_al=0.0,
            battery_for_eclipse=False,
        ),
        "economics": Economics(
            discount_rate_per_year=0.0,
            insurance_fraction=0.0,
            operations_fraction_per_year=0.0,
            ground_segment_fraction=0.0,
        ),
    }
    for key, value in changes.items():
        section, _, field = key.partition(".")
        parts[section] = attrs.evolve(parts[section], **{field: value})
    return Design(**parts)
