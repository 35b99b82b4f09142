"""A per-satellite reference: one Mesa agent per satellite, each stepped every step.

:class:`ReferenceFleetModel` is :class:`~skyrack.simulation.model.FleetModel` with the
vectorized ledger replaced by :class:`PerSatelliteFleet`, in which every satellite is a
:class:`Satellite` agent that draws its own fate step by step: a bus failure with probability
1 − e^{−λΔt} over its exposure in the step, retirement when it reaches its retirement age, and a
binomial number of its working accelerators failing. It is the obvious, slow way to write the
model, kept to check the ledger statistically (``tests/test_simulation_reference.py``) and to
measure how much faster the ledger is (``benchmarks/bench_simulation.py``). Use it on small
fleets only.
"""

from __future__ import annotations

import math
from typing import Any

import mesa
import numpy as np
import numpy.typing as npt

from skyrack.simulation.ledger import FloatArray, IntArray, SatelliteModel, StepRecord
from skyrack.simulation.model import FleetModel


class Satellite(mesa.Agent):  # type: ignore[misc]
    """One satellite in orbit: its age, its bus, its working accelerators."""

    def __init__(
        self, model: Any, fleet: PerSatelliteFleet, launch_day: float, retire_age_days: float
    ) -> None:
        super().__init__(model)
        self.fleet = fleet
        self.launch_day = launch_day
        self.retire_day = launch_day + retire_age_days
        sat = fleet.satellite
        self.healthy = int(fleet.rng.binomial(sat.accelerators, 1.0 - sat.infant_mortality))
        self.end_day = math.inf
        self.retired = False

    @property
    def operating(self) -> bool:
        """Whether it still flies at the fleet's current time."""
        return self.end_day == math.inf

    def close_step(self, start: float, end: float) -> None:
        """Live through ``[start, end)``: fail, retire, or lose accelerators."""
        if not self.operating:
            return
        fleet, sat = self.fleet, self.fleet.satellite
        begin = max(start, self.launch_day)
        stop = min(end, self.retire_day)
        exposure = max(0.0, stop - begin)
        if fleet.rng.random() < -math.expm1(-sat.bus_hazard_per_day * exposure):
            self._end(end, retired=False)
            return
        if self.retire_day <= end:
            self._end(end, retired=True)
            return
        survive = math.exp(-sat.accelerator_hazard_per_day * (end - begin))
        self.healthy = int(fleet.rng.binomial(self.healthy, survive))

    def _end(self, day: float, *, retired: bool) -> None:
        self.end_day = day
        self.retired = retired
        self.fleet.ended_this_step[retired] += 1

    def throttle(self, day: float) -> float:
        """Share of full load its array powers at ``day``."""
        sat = self.fleet.satellite
        age = day - self.launch_day
        if age < sat.throttle_age_days:
            return 1.0
        return sat.throttle_start_factor * math.exp(
            -sat.degradation_per_day * (age - sat.throttle_age_days)
        )


class PerSatelliteFleet:
    """The ledger's interface, one Mesa agent per satellite (see the module docstring)."""

    def __init__(
        self, satellite: SatelliteModel, *, steps: int, step_days: float, model: Any
    ) -> None:
        self.satellite = satellite
        self.steps = steps
        self.step_days = step_days
        self.model = model
        self.rng: np.random.Generator = model.rng
        self.closed_steps = 0
        self.satellites: list[Satellite] = []
        self.ended_this_step = [0, 0]
        self._arrived = 0
        self._start_operating = 0
        self._start_powered = 0.0

    @property
    def count(self) -> int:
        """Satellites that ever reached orbit."""
        return len(self.satellites)

    @property
    def now_days(self) -> float:
        """The step boundary at which events act [days]."""
        return self.closed_steps * self.step_days

    def arrive(self, launch_days: FloatArray, life_days: float, rng: np.random.Generator) -> int:
        """A Satellite agent per satellite that reached orbit in the current step."""
        first = self.count
        for launch in launch_days.tolist():
            self.satellites.append(Satellite(self.model, self, launch, life_days))
        self._arrived += len(launch_days)
        return first

    def close(self) -> StepRecord:
        """Step every satellite through the current step and read the stocks."""
        start = self.closed_steps * self.step_days
        end = start + self.step_days
        arrived, self._arrived = self._arrived, 0
        if self.satellites:
            self.model.agents_by_type[Satellite].do("close_step", start, end)
        failed, deorbited = self.ended_this_step
        self.ended_this_step = [0, 0]
        operating = [s for s in self.satellites if s.operating]
        healthy = float(sum(s.healthy for s in operating))
        powered = float(sum(s.healthy * s.throttle(end) for s in operating))
        record = StepRecord(
            satellites_operating=len(operating),
            healthy_accelerators=healthy,
            powered_accelerators=powered,
            satellites_arrived=arrived,
            satellites_failed=failed,
            satellites_deorbited=deorbited,
            powered_accelerator_days=0.5 * self.step_days * (self._start_powered + powered),
            satellite_days=0.5 * self.step_days * (self._start_operating + len(operating)),
        )
        self._start_operating, self._start_powered = len(operating), powered
        self.closed_steps += 1
        return record

    @property
    def satellites_operating(self) -> int:
        """Satellites operating now."""
        return sum(1 for s in self.satellites if s.operating)

    @property
    def healthy_accelerators(self) -> float:
        """Working accelerators on operating satellites now."""
        return float(sum(s.healthy for s in self.satellites if s.operating))

    @property
    def powered_accelerators(self) -> float:
        """Working accelerators weighted by their array's share of full load, now."""
        now = self.now_days
        return float(sum(s.healthy * s.throttle(now) for s in self.satellites if s.operating))

    def operating_rows(self) -> IntArray:
        """Indices of the satellites operating now."""
        return np.array([i for i, s in enumerate(self.satellites) if s.operating], dtype=np.int64)

    def end_satellites(self, rows: IntArray, *, retired: bool) -> int:
        """End these satellites now; their exits count in the step that starts now."""
        ended = 0
        for row in rows:
            satellite = self.satellites[int(row)]
            if satellite.operating:
                satellite._end(self.now_days, retired=retired)
                ended += 1
        self._start_operating = self.satellites_operating
        self._start_powered = self.powered_accelerators
        return ended

    def scale_accelerators(self, factor: float) -> None:
        """Each working accelerator survives with probability ``factor``."""
        for satellite in self.satellites:
            if satellite.operating:
                satellite.healthy = int(self.rng.binomial(satellite.healthy, factor))
        self._start_powered = self.powered_accelerators

    def satellite_state(
        self, rows: IntArray
    ) -> tuple[npt.NDArray[np.bool_], FloatArray, FloatArray]:
        """Operating?, healthy and powered accelerators of these satellites now."""
        now = self.now_days
        chosen = [self.satellites[int(row)] for row in rows]
        alive = np.array([s.operating for s in chosen], dtype=bool)
        healthy = np.array([s.healthy if s.operating else 0 for s in chosen], dtype=np.float64)
        theta = np.array([s.throttle(now) for s in chosen])
        return alive, healthy, healthy * theta

    def lifetimes_days(self) -> tuple[FloatArray, FloatArray]:
        """Launch day and end day of every satellite (inf: still flying)."""
        launch = np.array([s.launch_day for s in self.satellites])
        end = np.array([s.end_day for s in self.satellites])
        return launch, end


class ReferenceFleetModel(FleetModel):
    """FleetModel with one Mesa agent per satellite instead of the vectorized ledger."""

    def make_ledger(self, satellite: SatelliteModel) -> Any:
        """A per-satellite fleet in place of the ledger."""
        return PerSatelliteFleet(
            satellite, steps=self.steps_total, step_days=self.step_days, model=self
        )
