"""A simulated fleet's history: the shared :class:`~skyrack.timeline.FleetTimeline` of one
replication plus the columns only a simulation has (satellites built and in storage, factory
capacity, launches per vehicle, event strikes), and the metrics read from it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.timeline import FLOWS, STOCKS, FleetTimeline

FloatArray = npt.NDArray[np.float64]

TIMELINE_SERIES = (*STOCKS, *FLOWS, "satellites_built")
"""The timeline's series a simulation records: its stocks and flows, and the satellites its
factory built in each step (ahead of launch: the timeline's optional flow)."""
EXTRA_STOCKS = ("satellites_in_storage", "satellites_on_order")
"""Stocks a simulation records beyond the timeline's (read at step ends)."""
EXTRA_FLOWS = ("factory_capacity",)
"""Flows a simulation records beyond the timeline's: satellites the factory could have built in
each step."""
RECORDED = (*TIMELINE_SERIES, *EXTRA_STOCKS, *EXTRA_FLOWS)
"""Every per-step series the model records (spend is priced afterwards)."""
EXPENSED_CATEGORIES = frozenset({"operations", "development"})
"""Spend worth nothing at the horizon: operations are consumed as they are paid, development is
sunk. Every other category (satellites, their launch, insurance, ground segment) is capital that
keeps its value while its satellites serve."""

METRICS = (
    "time_to_50pct_power_years",
    "time_to_90pct_power_years",
    "peak_operating_power_w",
    "peak_fraction_of_target",
    "final_operating_power_w",
    "final_satellites_operating",
    "delivered_pflop_days",
    "pv_delivered_pflop_days",
    "spend_usd",
    "pv_spend_usd",
    "lcoc_usd_per_pflop_day",
    "residual_value_usd",
    "lcoc_net_of_residual_usd_per_pflop_day",
    "satellites_built",
    "launches",
    "satellites_launched",
    "satellites_lost_at_launch",
    "satellites_failed",
    "satellites_deorbited",
    "event_strikes",
)
"""What :meth:`FleetHistory.metrics` reports, in order (units in the names)."""


class Recorder:
    """Per-step series written by the model as it closes each step."""

    def __init__(self, steps: int, vehicles: tuple[str, ...]) -> None:
        self.series = {name: np.zeros(steps) for name in RECORDED}
        self.launches_by_vehicle = {name: np.zeros(steps) for name in vehicles}
        self.steps_recorded = 0


@attrs.frozen(kw_only=True, eq=False)
class FleetHistory:
    """One replication: its timeline (stocks at step ends, flows per step, spend by category)
    and the simulation's own columns, all one value per step."""

    timeline: FleetTimeline
    target_satellites: int
    discount_rate_per_year: float
    capital_still_serving: FloatArray
    """Share of each step's capital spend its satellites are still worth at the horizon (see
    :meth:`~skyrack.simulation.plan.SimulationPlan.value_still_to_come`): what
    :meth:`residual_value_usd` credits."""
    extra: Mapping[str, FloatArray]
    """``EXTRA_STOCKS`` and ``EXTRA_FLOWS``, by name."""
    launches_by_vehicle: Mapping[str, FloatArray]
    strikes: tuple[tuple[float, str], ...] = ()
    """(time [yr], event name) of every event that struck, in order."""

    def series(self, name: str) -> FloatArray:
        """One series by column name (a timeline series, an extra, or ``launches_<vehicle>``)."""
        if name in self.extra:
            return self.extra[name]
        if name.startswith("launches_") and name[9:] in self.launches_by_vehicle:
            return self.launches_by_vehicle[name[9:]]
        return self.timeline.series(name)

    def columns(self) -> dict[str, FloatArray]:
        """Every column, units in the names, ``time_years`` first: the history's CSV."""
        columns = self.timeline.columns()
        columns.update(self.extra)
        if len(self.launches_by_vehicle) > 1:
            columns.update({f"launches_{k}": v for k, v in self.launches_by_vehicle.items()})
        return columns

    def cumulative(self, flow: str) -> FloatArray:
        """Running total of a flow at each step end."""
        return np.cumsum(self.series(flow))

    def residual_value_usd(self) -> float:
        """Value at the horizon of the capital spent (all but ``EXPENSED_CATEGORIES``): each
        step's spend × ``capital_still_serving``, the share of it its satellites are still worth
        (written off as they deliver their compute) [USD].

        A horizon ends with satellites launched late still serving; charging them in full
        against the compute of the horizon alone overstates what compute costs (the later the
        launch, the more). Crediting what they are still worth gives a levelized cost comparable
        with a whole-life figure such as the ground's."""
        t = self.timeline
        capital = sum(
            (spend for key, spend in t.spend_usd.items() if key not in EXPENSED_CATEGORIES),
            np.zeros(t.periods),
        )
        return float(np.sum(capital * self.capital_still_serving))

    def lcoc_net_of_residual_usd_per_pflop_day(self) -> float | None:
        """(PV(spend) − PV(residual value at the horizon)) / PV(delivered compute) [USD per
        PFLOP-day]; None when nothing is delivered."""
        t, rate = self.timeline, self.discount_rate_per_year
        delivered = t.present_value("delivered_pflop_days", rate)
        if not delivered > 0:
            return None
        residual_pv = self.residual_value_usd() * math.pow(1.0 + rate, -t.horizon_years)
        return (t.present_value("spend_usd", rate) - residual_pv) / delivered

    def metrics(self) -> dict[str, float | None]:
        """Headline figures of this replication (see ``METRICS``); None where a level is never
        reached within the horizon."""
        t = self.timeline
        rate = self.discount_rate_per_year
        totals = {flow: float(t.series(flow).sum()) for flow in FLOWS}
        values: dict[str, float | None] = {
            "time_to_50pct_power_years": t.time_to_power(0.5),
            "time_to_90pct_power_years": t.time_to_power(0.9),
            "peak_operating_power_w": t.peak_operating_power_w,
            "peak_fraction_of_target": t.peak_fraction_of_target,
            "final_operating_power_w": float(t.operating_power_w[-1]),
            "final_satellites_operating": float(t.satellites_operating[-1]),
            "delivered_pflop_days": totals["delivered_pflop_days"],
            "pv_delivered_pflop_days": t.present_value("delivered_pflop_days", rate),
            "spend_usd": float(t.total_spend_usd.sum()),
            "pv_spend_usd": t.present_value("spend_usd", rate),
            "lcoc_usd_per_pflop_day": t.levelized_cost_usd_per_pflop_day(rate),
            "residual_value_usd": self.residual_value_usd(),
            "lcoc_net_of_residual_usd_per_pflop_day": (
                self.lcoc_net_of_residual_usd_per_pflop_day()
            ),
            "satellites_built": float(t.series("satellites_built").sum()),
            "launches": totals["launches"],
            "satellites_launched": totals["satellites_launched"],
            "satellites_lost_at_launch": totals["satellites_lost_at_launch"],
            "satellites_failed": totals["satellites_failed"],
            "satellites_deorbited": totals["satellites_deorbited"],
            "event_strikes": float(len(self.strikes)),
        }
        lcoc = values["lcoc_usd_per_pflop_day"]
        if lcoc is not None and math.isinf(lcoc):
            values["lcoc_usd_per_pflop_day"] = None  # nothing delivered
        return values

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data: metrics, strikes, and every column as a list."""
        return {
            "metrics": self.metrics(),
            "strikes": [{"time_years": time, "event": name} for time, name in self.strikes],
            "columns": {name: values.tolist() for name, values in self.columns().items()},
        }
