"""``FleetModel``: a fleet flown step by step for years, launches and events on Mesa's scheduler.

::

    plan = SimulationPlan.of(study.design, study.simulation)
    history = FleetModel(plan, rng=7).run()        # a FleetHistory
    history.timeline.time_to_power(0.9)            # years until 90 % of the target power

Model time is counted in steps of ``settings.step_days`` days (Mesa's own ``step()`` advances
one). At each step end, in this order (Mesa event priorities): ``step()`` files the satellites
launched during the step in the ledger and closes and records the step (high); the events due
then strike (default); the operator's policy acts, the factory builds for the next step and the
launch providers schedule its launches (low). Launches happen at their slot times inside a
step.

Data collection: each closed step writes one row of the :class:`~skyrack.simulation.history.
Recorder` (Mesa's ``DataCollector`` calls one reporter per column per step, which costs more
than the rest of a step on a large fleet); :meth:`FleetModel.history` turns it into a
:class:`~skyrack.simulation.history.FleetHistory` and prices its flows.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import attrs
import mesa
import numpy as np
from mesa.time import Priority, Schedule

from skyrack.errors import SkyrackError
from skyrack.ground import DAYS_PER_YEAR
from skyrack.parameters import design_parameters
from skyrack.pricing import UnitCosts, price_timeline
from skyrack.simulation.agents import (
    Factory,
    FleetEventAgent,
    LaunchProvider,
    Operator,
    SatelliteCohort,
)
from skyrack.simulation.history import (
    EXTRA_FLOWS,
    EXTRA_STOCKS,
    TIMELINE_SERIES,
    FleetHistory,
    Recorder,
)
from skyrack.simulation.ledger import SatelliteLedger, SatelliteModel
from skyrack.simulation.plan import SimulationPlan
from skyrack.simulation.views import EventView, PolicyView
from skyrack.timeline import FleetTimeline

_STEP_FLOWS = ("launches", "satellites_launched", "satellites_lost_at_launch", "satellites_built")


class FleetModel(mesa.Model):  # type: ignore[misc]
    """One replication of a fleet: factory, launch providers, cohorts, operator and events.

    ``rng`` seeds everything random (a seed, a ``numpy.random.SeedSequence`` or a
    ``Generator``): the same seed gives the same history.
    """

    def __init__(self, plan: SimulationPlan, *, rng: Any = None) -> None:
        super().__init__(rng=rng)
        settings = plan.settings
        self.plan = plan
        self.step_days = settings.step_days
        self.step_years = settings.step_days / DAYS_PER_YEAR
        self.steps_total = settings.steps
        self.finished = False
        self.ledger = self.make_ledger(plan.satellite_model())
        self.recorder = Recorder(self.steps_total, tuple(v.name for v in plan.vehicles))
        self.unit_costs = UnitCosts.from_model(design_parameters(plan.design), plan.values)
        self.ordered = self.built = self.launched = self.lost = 0
        self._step_flows = dict.fromkeys(_STEP_FLOWS, 0)
        self._step_launches = {vehicle.name: 0 for vehicle in plan.vehicles}
        self._pending: list[SatelliteCohort] = []
        self.cohorts: list[SatelliteCohort] = []
        self.policy_view = PolicyView(self)
        self.event_view = EventView(self)

        self.factory = Factory(self, settings.factory)
        self.providers = [
            LaunchProvider(self, vehicle, plan.satellites_per_launch(vehicle))
            for vehicle in plan.vehicles
        ]
        self.operator = Operator(self, plan.policy)
        self.operator.start()
        self._decay_days = plan.decay_age_years() * DAYS_PER_YEAR
        """Age at which a satellite that is never retired re-enters [days]."""
        self.event_agents = [FleetEventAgent(self, event) for event in plan.events]
        self._prepare_next_step()
        if self.steps_total > 1:  # at each boundary, after the step closed and events struck
            self.schedule_recurring(
                self._prepare_next_step,
                Schedule(interval=1.0, start=1.0, end=self.steps_total - 1.0),
                priority=Priority.LOW,
            )

    def make_ledger(self, satellite: SatelliteModel) -> SatelliteLedger:
        """Where the satellites in orbit live (the reference model overrides it)."""
        return SatelliteLedger(satellite, steps=self.steps_total, step_days=self.step_days)

    # --- time ------------------------------------------------------------------------------

    @property
    def time_years(self) -> float:
        """Now [yr from t = 0]."""
        return float(self.time) * self.step_years

    def run(self) -> FleetHistory:
        """Fly the whole horizon and return the history."""
        self.run_for(self.steps_total)
        return self.history()

    def step(self) -> None:
        """Close the step that ends now, then let the operator, factory and providers act
        (nothing once the horizon is closed: the live view may step past it)."""
        if self.finished:
            return
        self._file_arrivals()
        record = self.ledger.close()
        index = self.recorder.steps_recorded
        series = self.recorder.series
        series["satellites_operating"][index] = record.satellites_operating
        series["healthy_accelerators"][index] = record.healthy_accelerators
        series["operating_power_w"][index] = (
            record.powered_accelerators * self.plan.accelerator_power_w
        )
        series["satellites_failed"][index] = record.satellites_failed
        series["satellites_deorbited"][index] = record.satellites_deorbited
        series["delivered_pflop_days"][index] = (
            record.powered_accelerator_days * self.plan.pflop_days_per_accelerator_day
        )
        series["satellite_years"][index] = record.satellite_days / DAYS_PER_YEAR
        series["factory_capacity"][index] = self.factory.capacity
        series["satellites_in_storage"][index] = self.in_storage
        series["satellites_on_order"][index] = self.to_launch
        for name, value in self._step_flows.items():
            series[name][index] = value
        for name, count in self._step_launches.items():
            self.recorder.launches_by_vehicle[name][index] = count
        self._step_flows = dict.fromkeys(_STEP_FLOWS, 0)
        self._step_launches = dict.fromkeys(self._step_launches, 0)
        self.recorder.steps_recorded = index + 1
        if self.recorder.steps_recorded >= self.steps_total:
            self.finished = True
            self.running = False

    def _prepare_next_step(self) -> None:
        """The operator's policy acts (after the first step), the factory builds for the coming
        step and the launch providers schedule its launches."""
        if self.recorder.steps_recorded > 0:
            self.operator.step()
        self.factory.step()
        for provider in self.providers:
            provider.wake()

    def _file_arrivals(self) -> None:
        """File the satellites of the step's launches that reached orbit in the ledger, with the
        retirement age the policy gives them (once per step)."""
        if not self._pending:
            return
        cohorts, self._pending = self._pending, []
        age = self.operator.retirement_age_years()
        life_days = min(math.inf if age is None else age * DAYS_PER_YEAR, self._decay_days)
        times = np.fromiter((c.launch_time_years for c in cohorts), np.float64, len(cohorts))
        counts = np.fromiter((c.satellites for c in cohorts), np.int64, len(cohorts))
        launch_days = np.repeat(times * DAYS_PER_YEAR, counts)
        first = self.ledger.arrive(launch_days, life_days, self.rng)
        for cohort, start in zip(cohorts, first + np.cumsum(counts) - counts, strict=True):
            cohort.retirement_age_years = age
            cohort.first_row = int(start)

    # --- satellites on the ground -------------------------------------------------------------

    @property
    def in_storage(self) -> int:
        """Satellites built and not yet launched."""
        return self.built - self.launched

    @property
    def to_launch(self) -> int:
        """Satellites ordered and not yet launched."""
        return max(0, self.ordered - self.launched)

    @property
    def backlog(self) -> int:
        """Satellites ordered and not yet built."""
        return max(0, self.ordered - self.built)

    def launch_demand(self) -> int:
        """Satellites the launch providers could fly in the coming step, within the orders."""
        end = math.floor(self.time) + 1
        capacity = sum(p.slots_before(end) * p.per_launch for p in self.providers)
        return min(capacity, self.to_launch)

    def build(self, count: int) -> None:
        """The factory finished ``count`` satellites."""
        self.built += count
        self._step_flows["satellites_built"] += count

    def ready_to_launch(self) -> bool:
        """Whether satellites wait in storage for a launch that is on order."""
        return not self.finished and self.in_storage > 0 and self.to_launch > 0

    def loads(self, per_launch: int, slots: int) -> list[int]:
        """What each of up to ``slots`` launches carrying ``per_launch`` would load, in order:
        full loads, then what the orders still need, while enough waits in storage."""
        storage, wanted = self.in_storage, self.to_launch
        loads: list[int] = []
        while len(loads) < slots:
            needed = min(per_launch, wanted)
            if needed == 0 or storage < needed:
                break
            loads.append(needed)
            storage -= needed
            wanted -= needed
        return loads

    def record_launches(
        self, provider: LaunchProvider, slots: np.ndarray, carried: np.ndarray, success: np.ndarray
    ) -> None:
        """Launches at model times ``slots`` carrying ``carried`` satellites each, reached orbit
        where ``success``; each launch that did is a new cohort."""
        total = int(carried.sum())
        lost = int(carried[~success].sum())
        self.launched += total
        self.lost += lost
        flows = self._step_flows
        flows["launches"] += len(slots)
        flows["satellites_launched"] += total
        flows["satellites_lost_at_launch"] += lost
        self._step_launches[provider.vehicle.name] += len(slots)
        name, years = provider.vehicle.name, self.step_years
        for slot, count in zip(slots[success].tolist(), carried[success].tolist(), strict=True):
            cohort = SatelliteCohort(self, name, slot * years, count)
            self.cohorts.append(cohort)
            self._pending.append(cohort)

    # --- reading the history --------------------------------------------------------------------

    def last_record(self, name: str) -> int:
        """The value of a recorded flow in the last closed step (0 before the first)."""
        index = self.recorder.steps_recorded - 1
        return 0 if index < 0 else int(self.recorder.series[name][index])

    def spend_so_far_usd(self) -> float:
        """Undiscounted spend of the closed steps and of what the current step has launched so
        far [USD]."""
        n = self.recorder.steps_recorded
        current = {**dict.fromkeys(self.recorder.series, 0.0), **self._step_flows}
        series = {
            name: np.append(values[:n], current[name])
            for name, values in self.recorder.series.items()
        }
        launches = {
            name: np.append(counts[:n], self._step_launches[name])
            for name, counts in self.recorder.launches_by_vehicle.items()
        }
        timeline = self._priced(series, launches)
        return float(timeline.total_spend_usd.sum())

    def history(self) -> FleetHistory:
        """The steps closed so far as a FleetHistory, priced with the design's unit costs."""
        n = self.recorder.steps_recorded
        if n == 0:
            raise SkyrackError("the simulation has not closed a step yet")
        series = {name: values[:n] for name, values in self.recorder.series.items()}
        launches = {name: values[:n] for name, values in self.recorder.launches_by_vehicle.items()}
        strikes = sorted(
            (time, agent.event.name) for agent in self.event_agents for time in agent.strikes
        )
        return FleetHistory(
            timeline=self._priced(series, launches),
            target_satellites=self.plan.target_satellites,
            discount_rate_per_year=self.plan.design.economics.discount_rate_per_year,
            capital_still_serving=self.plan.value_still_to_come(
                self.step_years * (n - 0.5 - np.arange(n, dtype=np.float64))
            ),
            extra={name: series[name] for name in (*EXTRA_STOCKS, *EXTRA_FLOWS)},
            launches_by_vehicle=launches,
            strikes=tuple(strikes),
        )

    def _priced(
        self, series: dict[str, np.ndarray], launches: dict[str, np.ndarray]
    ) -> FleetTimeline:
        """The timeline of these series priced by :func:`skyrack.pricing.price_timeline`
        (satellites paid when built), each vehicle's launches at its own price on its own
        learning curve."""
        timeline = FleetTimeline(
            step_years=self.step_years,
            target_power_w=self.plan.target_satellites * self.plan.satellite_power_w,
            spend_usd={},
            **{name: series[name] for name in TIMELINE_SERIES},
        )
        if len(self.plan.vehicles) == 1:
            costs = attrs.evolve(self.unit_costs, launch_usd=self.plan.vehicles[0].price_usd)
            return price_timeline(timeline, costs)
        # spend is linear in the flows: price the satellites, then each vehicle's launches
        nothing = np.zeros(timeline.periods)
        spend = dict(
            price_timeline(attrs.evolve(timeline, launches=nothing), self.unit_costs).spend_usd
        )
        for vehicle in self.plan.vehicles:
            only_launches = attrs.evolve(
                timeline,
                launches=launches[vehicle.name],
                satellites_launched=nothing,
                satellites_built=nothing,
                satellite_years=nothing,
            )
            costs = attrs.evolve(self.unit_costs, launch_usd=vehicle.price_usd, development_usd=0.0)
            for key, values in price_timeline(only_launches, costs).spend_usd.items():
                spend[key] = spend[key] + values
        return attrs.evolve(timeline, spend_usd=spend)

    # --- errors from plugins' behaviour -----------------------------------------------------------

    @contextlib.contextmanager
    def blame(self, kind: str, name: str) -> Iterator[None]:
        """Turn an exception raised by a policy's or an event's behaviour into a SkyrackError
        naming it (the simulation's own SkyrackErrors pass through, prefixed)."""
        try:
            yield
        except SkyrackError as error:
            raise SkyrackError(f"{kind} {name!r}: {error}") from error
        except Exception as error:
            raise SkyrackError(
                f"{kind} {name!r} failed at t = {self.time_years:.3f} yr: "
                f"{type(error).__name__}: {error}"
            ) from error

    def policy_error(self, name: str, message: str, *, kind: str = "fleet policy") -> SkyrackError:
        """An error naming the policy or event that broke the protocol."""
        return SkyrackError(f"{kind} {name!r}: {message}")
