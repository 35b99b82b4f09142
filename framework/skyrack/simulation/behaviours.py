"""The built-in behaviours: a fleet policy read from a FleetPolicy's fields, and an event that
strikes at random (a Poisson process) with a FleetEvent's damage.

A FleetPolicy or FleetEvent without its own ``behaviour`` factory runs on these. They implement
:mod:`skyrack.simulation.protocol` like any plugin's behaviour would.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from skyrack.components import FleetEvent, FleetPolicy
from skyrack.simulation.protocol import (
    EventBehaviour,
    EventFleet,
    FleetState,
    PolicyBehaviour,
    PolicyFleet,
)

if TYPE_CHECKING:
    import numpy as np


class StandardPolicy(PolicyBehaviour):
    """Deploy the target fleet, then act on the policy's fields.

    * Deployment: order the target at t = 0; until that many satellites have reached orbit,
      re-order every satellite lost at launch.
    * ``replace_failed_satellites``: re-order every satellite lost at launch, failed or
      deorbited, in full launches (``fleet.satellites_per_launch`` at a time), and never past
      the target power (counting what is on order at a new satellite's power): a fleet that
      grew to make up for failed accelerators is not replaced one for one.
    * ``replenish_below_fraction`` f > 0: when operating power (with what is on order) falls
      below f × target power, order the satellites that restore the target power.
    * ``deorbit_at_design_life``: retire satellites at the design's mission life.
    * ``fleet.spend_limit_usd``: once spent, cancel what is on order and order nothing more.
    """

    def __init__(self, component: FleetPolicy) -> None:
        self.component = component
        self.stopped = False
        self.replacements_due = 0
        """Satellites lost and not yet re-ordered (waiting to fill a launch)."""

    def start(self, fleet: PolicyFleet) -> None:
        """Order the target fleet."""
        fleet.order_satellites(fleet.target_satellites)

    def retirement_age_years(self, fleet: FleetState) -> float | None:
        """The mission life when the policy deorbits at design life; otherwise never."""
        return fleet.design_life_years if self.component.deorbit_at_design_life else None

    def step(self, fleet: PolicyFleet) -> None:
        """Replace losses as the policy says, within the spend limit."""
        if self.stopped:
            return
        limit = fleet.spend_limit_usd
        if limit is not None and fleet.spend_usd >= limit:
            fleet.cancel_orders()
            self.stopped = True
            return
        policy = self.component
        coming_w = fleet.satellites_on_order * fleet.satellite_power_w
        shortfall_w = fleet.target_power_w - fleet.operating_power_w - coming_w
        restore = max(0, math.ceil(shortfall_w / fleet.satellite_power_w - 1e-9))
        if policy.replace_failed_satellites:
            self.replacements_due += (
                fleet.last_step_lost_at_launch + fleet.last_step_failed + fleet.last_step_deorbited
            )
            self.replacements_due = min(self.replacements_due, restore)
            if self.replacements_due >= min(fleet.satellites_per_launch, restore) > 0:
                fleet.order_satellites(self.replacements_due)
                restore -= self.replacements_due  # what replenishing below may still order
                self.replacements_due = 0
        elif fleet.satellites_arrived < fleet.target_satellites:
            fleet.order_satellites(fleet.last_step_lost_at_launch)
        fraction = policy.replenish_below_fraction
        if fraction > 0 and fleet.operating_power_w + coming_w < fraction * fleet.target_power_w:
            fleet.order_satellites(restore)
            self.replacements_due = 0


class PoissonEvent(EventBehaviour):
    """Strikes at the rate ν = −ln(1 − annual_probability) per year (so that it happens in a
    given year with that probability), independently of the fleet; each strike destroys the
    component's fractions of accelerators and satellites, grounds every launch vehicle and
    halts the factory for the component's durations."""

    def __init__(self, component: FleetEvent) -> None:
        self.component = component
        probability = component.annual_probability
        self.rate_per_year = -math.log1p(-probability) if probability < 1 else math.inf

    def next_time_years(self, fleet: FleetState, rng: np.random.Generator) -> float | None:
        """Now plus an exponential waiting time; None when the event never happens."""
        if self.rate_per_year <= 0:
            return None
        if math.isinf(self.rate_per_year):  # certain every year: once a year
            return fleet.time_years + 1.0
        return fleet.time_years + float(rng.exponential(1.0 / self.rate_per_year))

    def strike(self, fleet: EventFleet, rng: np.random.Generator) -> None:
        """Do the component's damage."""
        event = self.component
        if event.accelerator_loss_fraction:
            fleet.fail_accelerators(event.accelerator_loss_fraction)
        if event.satellite_loss_fraction:
            fleet.destroy_satellites(event.satellite_loss_fraction)
        if event.launch_grounding_days:
            fleet.ground_launches(event.launch_grounding_days)
        if event.factory_outage_days:
            fleet.halt_factory(event.factory_outage_days)


def policy_behaviour(component: FleetPolicy) -> PolicyBehaviour:
    """The behaviour of a policy component: its own factory's, or :class:`StandardPolicy`."""
    behaviour: PolicyBehaviour = _build(component, StandardPolicy, PolicyBehaviour)
    return behaviour


def event_behaviour(component: FleetEvent) -> EventBehaviour:
    """The behaviour of an event component: its own factory's, or :class:`PoissonEvent`."""
    behaviour: EventBehaviour = _build(component, PoissonEvent, EventBehaviour)
    return behaviour


def _build(component: Any, default: type, protocol: type) -> Any:
    from skyrack.errors import SkyrackError

    factory = component.behaviour or default
    try:
        behaviour = factory(component)
    except Exception as error:
        raise SkyrackError(
            f"{component.kind.replace('_', ' ')} {component.name!r}: its behaviour could not be "
            f"built: {type(error).__name__}: {error}"
        ) from error
    if not isinstance(behaviour, protocol):
        raise SkyrackError(
            f"{component.kind.replace('_', ' ')} {component.name!r}: its behaviour is a "
            f"{type(behaviour).__name__}, not a {protocol.__module__}.{protocol.__name__}"
        )
    return behaviour
