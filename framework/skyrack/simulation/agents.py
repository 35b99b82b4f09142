"""The fleet's agents: the factory, the launch providers, the cohorts of satellites in orbit,
the operator who applies the fleet policy, and the disruptive events.

The agents that decide (factory, launch providers, operator, events) act at their own times
through Mesa's event scheduler; the satellites themselves live in the model's
:class:`~skyrack.simulation.ledger.SatelliteLedger`, one row each, and a
:class:`SatelliteCohort` agent is the face of one launch's satellites (what a user, a plugin
or the live view sees). Model time is counted in steps (``settings.step_days`` days each).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import mesa
import numpy as np

from skyrack.components import FleetEvent, FleetPolicy, LaunchVehicle
from skyrack.ground import DAYS_PER_YEAR
from skyrack.simulation.behaviours import event_behaviour, policy_behaviour
from skyrack.simulation.settings import FactorySettings

if TYPE_CHECKING:
    from mesa.time import Event

    from skyrack.simulation.model import FleetModel


class Factory(mesa.Agent):  # type: ignore[misc]
    """Builds satellites to order, no faster than its (ramping) capacity and no sooner than the
    launch schedule can take them, so that satellites are paid for when they are built."""

    def __init__(self, model: FleetModel, settings: FactorySettings) -> None:
        super().__init__(model)
        self.settings = settings
        self.halted_until = 0.0
        """Model time (steps) until which production is stopped."""
        self.carry = 0.0
        """Fractional capacity left from the last step (a 4.3-a-day factory builds 13 in 3 days)."""
        self.capacity = 0.0
        """Satellites it could build in the coming step."""

    def step(self) -> None:
        """Build what the launch providers can fly in the coming step, within capacity."""
        model = self.model
        now = model.time
        if now < self.halted_until:
            self.capacity = 0.0
            self.carry = 0.0
            return
        per_day = self.settings.satellites_per_day(now * model.step_years)
        self.capacity = per_day * model.step_days
        wanted = min(model.backlog, max(0, model.launch_demand() - model.in_storage))
        if math.isinf(self.capacity):
            build = wanted
        else:
            available = self.capacity + self.carry
            build = min(int(available), wanted)
            self.carry = available - build if build == int(available) else 0.0
        if build > 0:
            model.build(build)

    def halt(self, days: float) -> None:
        """Stop production for ``days``."""
        end = self.model.time + days / self.model.step_days
        self.halted_until = max(self.halted_until, end)


class LaunchProvider(mesa.Agent):  # type: ignore[misc]
    """One launch vehicle flying the fleet: whole launches at its cadence from its first
    available year, each lost with its failure probability, a stand-down after each failure,
    and its price on the launch learning curve."""

    def __init__(self, model: FleetModel, vehicle: LaunchVehicle, per_launch: int) -> None:
        super().__init__(model)
        self.vehicle = vehicle
        self.per_launch = per_launch
        self.interval = DAYS_PER_YEAR / vehicle.max_launches_per_year / model.step_days
        """Steps between launch slots."""
        start_year = model.plan.design.economics.start_year
        years_to_wait = max(0, vehicle.first_available_year - start_year)
        self.next_slot = years_to_wait * DAYS_PER_YEAR / model.step_days
        self.stand_down = model.plan.settings.stand_down_days / model.step_days
        self.launches = 0
        self._event: Event | None = None

    def slots_before(self, end: float) -> int:
        """Launch slots from now (or its next slot) until model time ``end``."""
        first = max(self.next_slot, self.model.time)
        return 0 if first >= end else math.ceil((end - first) / self.interval)

    def wake(self) -> None:
        """Schedule the next launch if there is something to fly and none is scheduled."""
        if self._event is None and self.model.ready_to_launch():
            at = max(self.next_slot, self.model.time)
            self._event = self.model.schedule_event(self.fly, at=at)

    def fly(self) -> None:
        """Fly every launch whose slot falls in the current step while satellites wait; each is
        lost with the vehicle's failure probability, and a loss stands the provider down (the
        step's later slots are not flown)."""
        self._event = None
        model = self.model
        if model.finished:
            return
        self.next_slot = max(self.next_slot, model.time)  # idle slots are not saved up
        loads = model.loads(self.per_launch, self.slots_before(math.floor(model.time) + 1))
        if not loads:
            return
        success = model.rng.random(len(loads)) < self.vehicle.success_probability
        flown = len(loads)
        if not success.all():  # stand down after the first failure
            flown = int(np.argmin(success)) + 1
            success = success[:flown]
        slots = self.next_slot + self.interval * np.arange(flown)
        model.record_launches(self, slots, np.array(loads[:flown]), success)
        self.launches += flown
        last = float(slots[-1])
        self.next_slot = last + (
            self.interval if success[-1] else max(self.interval, self.stand_down)
        )

    def ground(self, days: float) -> None:
        """Halt launches for ``days`` from now."""
        until = self.model.time + days / self.model.step_days
        if until > self.next_slot:
            self.next_slot = until
            if self._event is not None:
                self._event.cancel()
                self._event = None
            self.wake()


class SatelliteCohort(mesa.Agent):  # type: ignore[misc]
    """The satellites of one launch that reached orbit. Their state lives in the model's ledger
    (rows ``first_row`` … ``first_row + satellites - 1``); this agent reads it."""

    def __init__(
        self, model: FleetModel, vehicle: str, launch_time_years: float, satellites: int
    ) -> None:
        super().__init__(model)
        self.vehicle = vehicle
        self.launch_time_years = launch_time_years
        self.satellites = satellites
        self.retirement_age_years: float | None = None
        """The policy's retirement age for it, set with ``first_row``."""
        self.first_row: int | None = None
        """Set when the cohort's satellites are filed in the ledger, at the end of its step."""

    @property
    def rows(self) -> np.ndarray:
        """The ledger rows of this cohort's satellites (empty until filed)."""
        if self.first_row is None:
            return np.arange(0)
        return np.arange(self.first_row, self.first_row + self.satellites)

    def state(self) -> tuple[int, float, float]:
        """Satellites operating, healthy accelerators and operating power [W] now."""
        alive, healthy, powered = self.model.ledger.satellite_state(self.rows)
        power = float(powered.sum()) * self.model.plan.accelerator_power_w
        return int(alive.sum()), float(healthy.sum()), power


class Operator(mesa.Agent):  # type: ignore[misc]
    """Runs the fleet by its policy's behaviour (:class:`~skyrack.simulation.protocol.
    PolicyBehaviour`), called at t = 0, at each launch that reaches orbit and at each step end."""

    def __init__(self, model: FleetModel, policy: FleetPolicy) -> None:
        super().__init__(model)
        self.policy = policy
        self.behaviour = policy_behaviour(policy)

    def start(self) -> None:
        """Place the first orders."""
        with self.model.blame("fleet policy", self.policy.name):
            self.behaviour.start(self.model.policy_view)

    def step(self) -> None:
        """Act on the step that just closed."""
        with self.model.blame("fleet policy", self.policy.name):
            self.behaviour.step(self.model.policy_view)

    def retirement_age_years(self) -> float | None:
        """Age at which the satellites of the launches that reached orbit in the step that
        just closed are deorbited."""
        with self.model.blame("fleet policy", self.policy.name):
            age = self.behaviour.retirement_age_years(self.model.policy_view)
        if age is not None and not (isinstance(age, int | float) and age > 0):
            raise self.model.policy_error(
                self.policy.name, f"retirement_age_years returned {age!r}; give None or years > 0"
            )
        return age


class FleetEventAgent(mesa.Agent):  # type: ignore[misc]
    """One kind of disruptive event: asks its behaviour when it next happens, schedules itself
    at that step boundary, strikes, and asks again."""

    def __init__(self, model: FleetModel, event: FleetEvent) -> None:
        super().__init__(model)
        self.event = event
        self.behaviour = event_behaviour(event)
        self.strikes: list[float] = []
        """Times [yr] at which it struck."""
        self.plan_next()

    def plan_next(self) -> None:
        """Schedule the next strike, if any falls within the horizon."""
        model = self.model
        with model.blame("fleet event", self.event.name):
            when = self.behaviour.next_time_years(model.event_view, model.rng)
        if when is None:
            return
        if not (isinstance(when, int | float) and when >= model.time_years):
            raise model.policy_error(
                self.event.name,
                f"next_time_years returned {when!r}, before now ({model.time_years:g} yr)",
                kind="fleet event",
            )
        at = math.ceil(when / model.step_years - 1e-9)
        if at <= model.steps_total - 1:
            model.schedule_event(self.strike, at=max(at, model.time))

    def strike(self) -> None:
        """Do the damage, then plan the next strike."""
        model = self.model
        self.strikes.append(model.time_years)
        with model.blame("fleet event", self.event.name):
            self.behaviour.strike(model.event_view, model.rng)
        self.plan_next()
