"""The fleet timeline: what a fleet is, does and costs in each period of its life.

One shape for both evaluators: the analytic evaluator's *expected* timeline and the fleet
simulation's history (one replication, or an ensemble mean) are both a :class:`FleetTimeline`,
so economics, the business case, the report and the optimizer's objectives read either one
without knowing which produced it.

Periods are uniform, ``step_years`` long; period ``i`` covers
``[i·step_years, (i + 1)·step_years)`` from the first launch (t = 0). Two kinds of series, each
an array with one value per period:

* **stocks** (``satellites_operating``, ``healthy_accelerators``, ``operating_power_w``) are
  read at the *end* of each period;
* **flows** (``launches``, ``satellites_launched``, ..., ``delivered_pflop_days``,
  ``satellite_years``, ``spend_usd``) are totals *over* each period. Discounting puts a flow at
  the middle of its period.

``satellites_launched`` counts every satellite a launch carried, ``satellites_lost_at_launch``
those of them a failed launch lost; ``satellite_years`` is the time the operating satellites
spent in orbit during the period (the integral of ``satellites_operating``), what operations are
charged on. A producer that does not track it may leave it out: it is then estimated from the
stock by the trapezoid rule. ``satellites_built`` (optional) counts the satellites finished in
each period, for a producer that builds ahead of launch (a simulated factory keeps satellites in
storage); without it satellites are built as they are launched, just in time, which is the
analytic evaluator's assumption.

:func:`skyrack.pricing.price_timeline` turns a timeline's flows into ``spend_usd``, the same
code for every producer.

Counts are expected values in the analytic timeline (so they may be fractional) and whole
numbers in a simulated one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

STOCKS = ("satellites_operating", "healthy_accelerators", "operating_power_w")
"""Series read at the end of each period."""
FLOWS = (
    "launches",
    "satellites_launched",
    "satellites_lost_at_launch",
    "satellites_failed",
    "satellites_deorbited",
    "delivered_pflop_days",
    "satellite_years",
)
"""Series summed over each period (besides ``spend_usd``, which is one flow per category)."""


def _as_series(value: Any) -> FloatArray:
    array = np.asarray(value, dtype=np.float64)
    array.setflags(write=False)
    return array


def _as_optional_series(value: Any) -> Any:
    return None if value is None else _as_series(value)


def _as_spend(value: Mapping[str, Any]) -> dict[str, FloatArray]:
    return {str(key): _as_series(series) for key, series in value.items()}


@attrs.frozen(kw_only=True, eq=False)
class FleetTimeline:
    """Per-period stocks and flows of one fleet (see the module docstring for the conventions).

    Every series is a read-only float64 array of length :attr:`periods`; ``spend_usd`` maps a
    cost category (``"launch"``, ``"bus"``, ...) to its spend in each period, undiscounted.
    """

    step_years: float
    target_power_w: float
    """The payload power the fleet is sized for: the reference of :meth:`time_to_power`."""
    satellites_operating: FloatArray = attrs.field(converter=_as_series)
    healthy_accelerators: FloatArray = attrs.field(converter=_as_series)
    operating_power_w: FloatArray = attrs.field(converter=_as_series)
    launches: FloatArray = attrs.field(converter=_as_series)
    satellites_launched: FloatArray = attrs.field(converter=_as_series)
    satellites_lost_at_launch: FloatArray = attrs.field(converter=_as_series)
    satellites_failed: FloatArray = attrs.field(converter=_as_series)
    satellites_deorbited: FloatArray = attrs.field(converter=_as_series)
    delivered_pflop_days: FloatArray = attrs.field(converter=_as_series)
    spend_usd: Mapping[str, FloatArray] = attrs.field(converter=_as_spend)
    satellite_years: FloatArray = attrs.field(default=None, converter=_as_optional_series)
    """Satellite-years operated in each period; None: the trapezoid rule on the stock."""
    satellites_built: FloatArray | None = attrs.field(default=None, converter=_as_optional_series)
    """Satellites finished in each period; None: built as launched (see :meth:`series`)."""

    def __attrs_post_init__(self) -> None:
        if not (math.isfinite(self.step_years) and self.step_years > 0):
            raise ValueError(f"step_years must be a positive number, got {self.step_years!r}")
        if self.satellite_years is None:
            stock = self.satellites_operating
            previous = np.concatenate((np.zeros(1), stock.ravel()[:-1])).reshape(stock.shape)
            object.__setattr__(
                self, "satellite_years", _as_series(0.5 * (previous + stock) * self.step_years)
            )
        if not (math.isfinite(self.target_power_w) and self.target_power_w > 0):
            raise ValueError(f"target_power_w must be positive, got {self.target_power_w!r}")
        lengths = {name: self.series(name).shape for name in (*STOCKS, *FLOWS, "satellites_built")}
        lengths.update({f"spend_usd[{k}]": v.shape for k, v in self.spend_usd.items()})
        shapes = set(lengths.values())
        if len(shapes) != 1 or len(next(iter(shapes))) != 1:
            raise ValueError(f"every series must be 1-D with one length, got {lengths}")

    # --- time -----------------------------------------------------------------------------

    @property
    def periods(self) -> int:
        """How many periods the timeline holds."""
        return int(self.operating_power_w.shape[0])

    @property
    def horizon_years(self) -> float:
        """The end of the last period [yr]."""
        return self.periods * self.step_years

    @property
    def time_years(self) -> FloatArray:
        """The end of each period [yr]: the time at which the stocks are read."""
        return self.step_years * np.arange(1, self.periods + 1, dtype=np.float64)

    @property
    def midpoint_years(self) -> FloatArray:
        """The middle of each period [yr]: the time at which the flows are discounted."""
        return self.time_years - 0.5 * self.step_years

    def series(self, name: str) -> FloatArray:
        """One stock or flow by name (``spend_<category>_usd`` or ``spend_usd`` for the total;
        ``satellites_built`` is ``satellites_launched`` when the producer builds just in time)."""
        if name == "spend_usd":
            return self.total_spend_usd
        if name.startswith("spend_") and name.endswith("_usd"):
            return self.spend_usd[name.removeprefix("spend_").removesuffix("_usd")]
        if name == "satellites_built":
            built = self.satellites_built
            return self.satellites_launched if built is None else built
        if name not in (*STOCKS, *FLOWS):
            raise KeyError(f"no series named {name!r}; stocks {STOCKS}, flows {FLOWS}")
        series: FloatArray = getattr(self, name)
        return series

    # --- summaries ------------------------------------------------------------------------

    @property
    def total_spend_usd(self) -> FloatArray:
        """Spend of every category in each period [USD], undiscounted."""
        total = np.zeros(self.periods)
        for series in self.spend_usd.values():
            total = total + series
        return total

    @property
    def peak_operating_power_w(self) -> float:
        """The most payload power the fleet ever operates at once [W]."""
        return float(self.operating_power_w.max(initial=0.0))

    @property
    def peak_fraction_of_target(self) -> float:
        """Peak operating power over the target power: the share of the fleet that ever
        operates at once (below 1 when the fleet decays faster than it deploys)."""
        return self.peak_operating_power_w / self.target_power_w

    def time_to_power(self, fraction: float) -> float | None:
        """The first time [yr] the operating power reaches ``fraction`` of the target, or None
        when it never does. Linear between the period ends (power 0 at t = 0)."""
        if not 0.0 < fraction:
            raise ValueError(f"fraction must be positive, got {fraction!r}")
        level = fraction * self.target_power_w
        reached = np.nonzero(self.operating_power_w >= level)[0]
        if reached.size == 0:
            return None
        i = int(reached[0])
        t1 = float(self.time_years[i])
        p1 = float(self.operating_power_w[i])
        t0 = t1 - self.step_years
        p0 = 0.0 if i == 0 else float(self.operating_power_w[i - 1])
        if p1 == p0:
            return t1
        return t0 + (t1 - t0) * (level - p0) / (p1 - p0)

    def present_value(self, series: FloatArray | str, rate_per_year: float) -> float:
        """Σ flowᵢ·(1 + r)^(−tᵢ) with tᵢ the middle of period i (flows only) [unit of the flow]."""
        values = self.series(series) if isinstance(series, str) else np.asarray(series)
        if not rate_per_year > -1.0:
            raise ValueError(f"rate_per_year must be > -1, got {rate_per_year!r}")
        factors = np.exp(-np.log1p(rate_per_year) * self.midpoint_years)
        return float(np.sum(values * factors))

    def levelized_cost_usd_per_pflop_day(self, rate_per_year: float) -> float:
        """PV(spend) / PV(delivered PFLOP-days) [USD per PFLOP-day]; inf when nothing is
        delivered."""
        delivered = self.present_value(self.delivered_pflop_days, rate_per_year)
        spend = self.present_value(self.total_spend_usd, rate_per_year)
        return spend / delivered if delivered > 0 else math.inf

    def columns(self) -> dict[str, FloatArray]:
        """Every series by column name (units in the names), with ``time_years`` first: ready
        for a CSV file or ``pandas.DataFrame(timeline.columns())``."""
        columns: dict[str, FloatArray] = {"time_years": self.time_years}
        columns.update({name: self.series(name) for name in (*STOCKS, *FLOWS)})
        if self.satellites_built is not None:
            columns["satellites_built"] = self.satellites_built
        columns.update({f"spend_{key}_usd": value for key, value in self.spend_usd.items()})
        return columns
