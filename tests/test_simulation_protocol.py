"""Policies and events are behaviour registered through hooks, held to their protocol."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from skyrack import FleetEvent, FleetPolicy, hookimpl
from skyrack.errors import SkyrackError
from skyrack.plugins import temporary_plugin
from skyrack.simulation.ensemble import simulate
from skyrack.simulation.protocol import (
    EventBehaviour,
    EventFleet,
    FleetState,
    PolicyBehaviour,
    PolicyFleet,
)
from skyrack.simulation.settings import FactorySettings, SimulationSettings
from skyrack.testing import check_event, check_policy
from toy_design import HAND, toy_design


def policy(behaviour: Callable[[Any], Any], name: str = "test-policy") -> FleetPolicy:
    """A policy component with this behaviour."""
    return FleetPolicy(
        name=name,
        description="test policy",
        replace_failed_satellites=False,
        replenish_below_fraction=0.0,
        deorbit_at_design_life=True,
        behaviour=behaviour,
        sources={"*": HAND},
    )


def event(behaviour: Callable[[Any], Any]) -> FleetEvent:
    """An event component with this behaviour."""
    return FleetEvent(
        name="test-event",
        description="test event",
        annual_probability=0.5,
        accelerator_loss_fraction=0.0,
        satellite_loss_fraction=0.0,
        launch_grounding_days=0.0,
        behaviour=behaviour,
        sources={"*": HAND},
    )


class OrderTarget(PolicyBehaviour):
    """Orders the fleet; subclasses misbehave in one way each."""

    def __init__(self, component: FleetPolicy) -> None:
        self.component = component

    def start(self, fleet: PolicyFleet) -> None:
        fleet.order_satellites(fleet.target_satellites)

    def step(self, fleet: PolicyFleet) -> None:
        pass


class KeepTwoLaunchesSpare(OrderTarget):
    """Keeps two launches' worth of satellites on order beyond the fleet (a plugin's idea)."""

    def step(self, fleet: PolicyFleet) -> None:
        wanted = fleet.target_satellites + 2 * fleet.satellites_per_launch
        missing = wanted - fleet.satellites_operating - fleet.satellites_on_order
        if missing > 0:
            fleet.order_satellites(missing)


def test_a_plugin_policy_registered_through_the_hook_flies_when_a_simulation_names_it() -> None:
    """A plugin registers a policy with its own behaviour; a simulation names it and its fleet
    carries more satellites than the target, as the behaviour orders."""
    component = policy(KeepTwoLaunchesSpare, name="keep-spares")

    class Plugin:
        @hookimpl
        def register_fleet_policies(self, register: Callable[[FleetPolicy], None]) -> None:
            register(component)

    check_policy(component)
    with temporary_plugin(Plugin(), "spares-plugin") as registry:
        assert registry.fleet_policy("keep-spares").behaviour is KeepTwoLaunchesSpare
        settings = SimulationSettings(
            horizon_years=1.0, policy="keep-spares", factory=FactorySettings(unlimited=True)
        )
        history = simulate(toy_design(), settings, registry=registry)
    assert history.timeline.satellites_launched.sum() == 100 + 2 * 8


class Raises(OrderTarget):
    def step(self, fleet: PolicyFleet) -> None:
        raise ZeroDivisionError("division by zero")


class OrdersNegative(OrderTarget):
    def step(self, fleet: PolicyFleet) -> None:
        fleet.order_satellites(-3)


class BadRetirement(OrderTarget):
    def retirement_age_years(self, fleet: FleetState) -> float | None:
        return -1.0


class NotABehaviour:
    def __init__(self, component: FleetPolicy) -> None:
        pass


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        (Raises, "failed at t = .* ZeroDivisionError: division by zero"),
        (OrdersNegative, "order_satellites: count must be a whole number ≥ 0, got -3"),
        (BadRetirement, "retirement_age_years returned -1.0"),
        (NotABehaviour, "its behaviour is a NotABehaviour, not a .*PolicyBehaviour"),
    ],
)
def test_a_policy_that_breaks_the_protocol_is_named_with_what_it_did(
    behaviour: type, message: str
) -> None:
    """The conformance kit, and a simulation, fail with the policy's name and its fault."""
    component = policy(behaviour)
    with pytest.raises(AssertionError, match=f"fleet policy 'test-policy'.*{message}"):
        check_policy(component)
    settings = SimulationSettings(horizon_years=0.5, factory=FactorySettings(unlimited=True))
    with pytest.raises(SkyrackError, match=f"'test-policy'.*{message}"):
        from skyrack.simulation.model import FleetModel
        from skyrack.simulation.plan import SimulationPlan

        FleetModel(SimulationPlan.build(toy_design(), settings, component), rng=0).run()


class Backwards(EventBehaviour):
    def __init__(self, component: FleetEvent) -> None:
        pass

    def next_time_years(self, fleet: FleetState, rng: np.random.Generator) -> float | None:
        return fleet.time_years - 1.0

    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        pass


class TooHard(Backwards):
    def next_time_years(self, fleet: FleetState, rng: np.random.Generator) -> float | None:
        return None

    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        fleet.destroy_satellites(1.5)


class GroundsAMissingVehicle(TooHard):
    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        fleet.ground_launches(10, vehicle="no-such-rocket")


@pytest.mark.parametrize(
    ("behaviour", "message"),
    [
        (Backwards, r"next_time_years returned -1.0, before now \(0 yr\)"),
        (TooHard, "destroy_satellites: fraction must be a number from 0 to 1, got 1.5"),
        (GroundsAMissingVehicle, "'no-such-rocket' does not fly this fleet"),
    ],
)
def test_an_event_that_breaks_the_protocol_is_named_with_what_it_did(
    behaviour: type, message: str
) -> None:
    """The conformance kit fails with the event's name and its fault."""
    with pytest.raises(AssertionError, match=f"fleet event 'test-event'.*{message}"):
        check_event(event(behaviour))


def test_policies_see_the_fleet_but_cannot_damage_it_and_events_cannot_order() -> None:
    """The policy's view has no event actions and the event's view no policy actions."""
    from skyrack.simulation.views import EventView, PolicyView

    assert not hasattr(PolicyView, "destroy_satellites")
    assert not hasattr(EventView, "order_satellites")
