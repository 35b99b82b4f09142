"""The fleet as policies and events see it (:mod:`skyrack.simulation.protocol`), backed by a
running :class:`~skyrack.simulation.model.FleetModel`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.errors import SkyrackError
from skyrack.ground import DAYS_PER_YEAR

if TYPE_CHECKING:
    from skyrack.simulation.model import FleetModel


@attrs.frozen(kw_only=True)
class Cohorts:
    """Every cohort's state at one moment (the protocol's ``CohortTable``)."""

    cohort_ids: tuple[int, ...]
    launch_time_years: npt.NDArray[np.float64]
    satellites_launched: npt.NDArray[np.int64]
    satellites_operating: npt.NDArray[np.int64]
    healthy_accelerators: npt.NDArray[np.float64]
    operating_power_w: npt.NDArray[np.float64]


def _fraction(value: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise SkyrackError(f"{what}: fraction must be a number from 0 to 1, got {value!r}")
    return float(value)


def _days(value: float, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        raise SkyrackError(f"{what}: days must be a finite number ≥ 0, got {value!r}")
    return float(value)


class FleetView:
    """What a policy or an event sees (read-only)."""

    def __init__(self, model: FleetModel) -> None:
        self._model = model

    @property
    def time_years(self) -> float:
        """Now [yr from the first launch opportunity]."""
        return self._model.time_years

    @property
    def step_years(self) -> float:
        """Length of one step [yr]."""
        return self._model.step_years

    @property
    def horizon_years(self) -> float:
        """End of the simulation [yr]."""
        return self._model.steps_total * self._model.step_years

    @property
    def target_satellites(self) -> int:
        """Satellites in the design's fleet."""
        return self._model.plan.target_satellites

    @property
    def target_power_w(self) -> float:
        """The fleet's payload power at beginning of life [W]."""
        return self.target_satellites * self.satellite_power_w

    @property
    def satellite_power_w(self) -> float:
        """One new satellite's payload power [W]."""
        return self._model.plan.satellite_power_w

    @property
    def satellites_per_launch(self) -> int:
        """The most satellites one launch of the fleet's vehicles carries."""
        return max(provider.per_launch for provider in self._model.providers)

    @property
    def design_life_years(self) -> float:
        """The life each satellite is sized for [yr]."""
        return self._model.plan.design.sizing.mission_years

    @property
    def satellites_operating(self) -> int:
        """Satellites in orbit and working."""
        return self._model.ledger.satellites_operating

    @property
    def satellites_in_storage(self) -> int:
        """Satellites built and waiting for a launch."""
        return self._model.in_storage

    @property
    def satellites_on_order(self) -> int:
        """Satellites ordered and not yet launched."""
        return self._model.to_launch

    @property
    def healthy_accelerators(self) -> float:
        """Working accelerators on operating satellites."""
        return self._model.ledger.healthy_accelerators

    @property
    def operating_power_w(self) -> float:
        """Payload power of the working accelerators, after array throttling [W]."""
        return self._model.ledger.powered_accelerators * self._model.plan.accelerator_power_w

    @property
    def satellites_built(self) -> int:
        """Satellites built since t = 0."""
        return self._model.built

    @property
    def satellites_launched(self) -> int:
        """Satellites launched since t = 0 (including those lost at launch)."""
        return self._model.launched

    @property
    def satellites_arrived(self) -> int:
        """Satellites that reached orbit since t = 0."""
        return self._model.launched - self._model.lost

    @property
    def last_step_lost_at_launch(self) -> int:
        """Satellites lost at launch during the step that just closed."""
        return self._model.last_record("satellites_lost_at_launch")

    @property
    def last_step_failed(self) -> int:
        """Satellites that failed in orbit during the step that just closed."""
        return self._model.last_record("satellites_failed")

    @property
    def last_step_deorbited(self) -> int:
        """Satellites deorbited during the step that just closed."""
        return self._model.last_record("satellites_deorbited")

    @property
    def spend_usd(self) -> float:
        """Money spent since t = 0, undiscounted [USD]."""
        return self._model.spend_so_far_usd()

    @property
    def spend_limit_usd(self) -> float | None:
        """The study's spend limit, or None."""
        return self._model.plan.settings.spend_limit_usd

    def cohorts(self) -> Cohorts:
        """Every cohort's state now."""
        model = self._model
        cohorts = [c for c in model.cohorts if c.first_row is not None]
        rows = np.arange(model.ledger.count)
        alive, healthy, powered = model.ledger.satellite_state(rows)
        starts = np.array([c.first_row for c in cohorts], dtype=np.int64)
        if starts.size == 0:
            empty = np.zeros(0)
            return Cohorts(
                cohort_ids=(),
                launch_time_years=empty,
                satellites_launched=empty.astype(np.int64),
                satellites_operating=empty.astype(np.int64),
                healthy_accelerators=empty,
                operating_power_w=empty,
            )
        return Cohorts(
            cohort_ids=tuple(c.unique_id for c in cohorts),
            launch_time_years=np.array([c.launch_time_years for c in cohorts]),
            satellites_launched=np.array([c.satellites for c in cohorts], dtype=np.int64),
            satellites_operating=np.add.reduceat(alive.astype(np.int64), starts),
            healthy_accelerators=np.add.reduceat(healthy, starts),
            operating_power_w=np.add.reduceat(powered, starts) * model.plan.accelerator_power_w,
        )


class PolicyView(FleetView):
    """The fleet with the actions a policy may take."""

    def order_satellites(self, count: int) -> None:
        """Order ``count`` more satellites."""
        if isinstance(count, bool) or not isinstance(count, int | np.integer) or count < 0:
            raise SkyrackError(f"order_satellites: count must be a whole number ≥ 0, got {count!r}")
        self._model.ordered += int(count)

    def cancel_orders(self) -> None:
        """Cancel every satellite not yet launched."""
        self._model.ordered = self._model.launched

    def retire_cohorts(self, cohort_ids: Sequence[int]) -> None:
        """Deorbit every operating satellite of these cohorts now."""
        by_id = {c.unique_id: c for c in self._model.cohorts}
        unknown = [i for i in cohort_ids if i not in by_id]
        if unknown:
            raise SkyrackError(f"retire_cohorts: no cohort with id {unknown[0]!r}")
        rows = [by_id[i].rows for i in cohort_ids]
        if rows:
            self._model.ledger.end_satellites(np.concatenate(rows), retired=True)

    def retire_satellites(self, older_than_years: float) -> None:
        """Deorbit every operating satellite launched more than ``older_than_years`` ago."""
        if not isinstance(older_than_years, int | float) or not older_than_years >= 0:
            raise SkyrackError(
                f"retire_satellites: older_than_years must be ≥ 0, got {older_than_years!r}"
            )
        ledger = self._model.ledger
        rows = ledger.operating_rows()
        launch, _ = ledger.lifetimes_days()
        age_days = ledger.now_days - launch[rows]
        ledger.end_satellites(rows[age_days > older_than_years * DAYS_PER_YEAR], retired=True)


class EventView(FleetView):
    """The fleet with the damage an event may do."""

    def fail_accelerators(self, fraction: float) -> None:
        """Destroy each working accelerator with probability ``fraction``."""
        fraction = _fraction(fraction, "fail_accelerators")
        ledger = self._model.ledger
        healthy = ledger.healthy_accelerators
        if healthy <= 0 or fraction == 0:
            return
        lost = self._model.rng.binomial(round(healthy), fraction)
        ledger.scale_accelerators(max(0.0, 1.0 - lost / healthy))

    def destroy_satellites(self, fraction: float) -> None:
        """Destroy each operating satellite with probability ``fraction``."""
        fraction = _fraction(fraction, "destroy_satellites")
        ledger = self._model.ledger
        rows = ledger.operating_rows()
        count = int(self._model.rng.binomial(rows.size, fraction)) if rows.size else 0
        if count:
            chosen = self._model.rng.choice(rows, size=count, replace=False)
            ledger.end_satellites(chosen, retired=False)

    def ground_launches(self, days: float, vehicle: str | None = None) -> None:
        """Halt launches for ``days`` (every vehicle, or the one named)."""
        days = _days(days, "ground_launches")
        providers = self._model.providers
        if vehicle is not None:
            providers = [p for p in providers if p.vehicle.name == vehicle]
            if not providers:
                flying = ", ".join(p.vehicle.name for p in self._model.providers)
                raise SkyrackError(
                    f"ground_launches: {vehicle!r} does not fly this fleet ({flying})"
                )
        for provider in providers:
            provider.ground(days)

    def halt_factory(self, days: float) -> None:
        """Stop satellite production for ``days``."""
        self._model.factory.halt(_days(days, "halt_factory"))
