"""Pricing a fleet timeline: a design's unit costs × the timeline's flows → spend by category.

One function, :func:`price_timeline`, for every producer of a :class:`FleetTimeline` (the
analytic evaluator's expected timeline, each simulated history), so that spend is computed by
the same code whoever counted the launches. Its rules (docs/model.md, "Cost"):

* hardware is paid when a satellite is built (``timeline.series("satellites_built")``: as it is
  launched unless the timeline says otherwise), so a satellite lost at launch or still in
  storage at the horizon is paid for: accelerators and batteries at their market price, bus,
  arrays and radiators on the satellite learning curve (Wright's law over the cumulative count
  of satellites built), integration as a fraction of that hardware;
* each launch attempt costs the launch price on the launch learning curve;
* insurance is a fraction of hardware and launch, the ground segment a fraction of hardware,
  both paid with them;
* operations are charged per satellite-year operated;
* development (NRE) is paid in the first period.

The analytic evaluator's closed-form present values equal pricing its own expected timeline up
to where a period discounts its flows (its middle): within a factor e^{±δh/2} for period length h
(``tests/test_expected_timeline.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np

from skyrack.array_api import NUMPY, Real
from skyrack.economics import wright_average_cost_kernel
from skyrack.timeline import FleetTimeline, FloatArray

COST_CATEGORIES = (
    "accelerators",
    "bus",
    "solar_arrays",
    "radiators",
    "batteries",
    "integration",
    "launch",
    "insurance",
    "ground_segment",
    "operations",
    "development",
)
"""The cost waterfall's categories, in the order a satellite is paid for."""

HARDWARE_CATEGORIES = ("accelerators", "bus", "solar_arrays", "radiators", "batteries")
"""What one satellite is built from, before integration (one unit cost each)."""

BOUGHT_CATEGORIES = frozenset({"accelerators", "batteries"})
"""Hardware bought at a market price; the rest of a satellite follows its learning curve."""


def _as_float_dict(value: Mapping[str, float]) -> dict[str, float]:
    return {str(key): float(number) for key, number in value.items()}


@attrs.frozen(kw_only=True)
class UnitCosts:
    """What each thing a fleet does costs (USD): the prices :func:`price_timeline` applies."""

    satellite_usd: Mapping[str, float] = attrs.field(converter=_as_float_dict)
    """First-unit cost of each hardware category of one satellite (``HARDWARE_CATEGORIES``)."""
    satellite_learning_rate: float
    """Wright learning rate of the satellite hardware that is not bought (1 = no learning)."""
    integration_fraction: float
    """Integration and test as a fraction of a satellite's hardware."""
    launch_usd: float
    """Price of the first launch attempt."""
    launch_learning_rate: float
    insurance_fraction: float
    """Insurance as a fraction of hardware and launch."""
    ground_segment_fraction: float
    """Ground segment as a fraction of hardware."""
    operations_usd_per_satellite_year: float
    development_usd: float
    """Non-recurring engineering, paid in the first period."""

    @classmethod
    def from_model(cls, p: Mapping[str, Real], values: Mapping[str, Real]) -> UnitCosts:
        """The unit costs of one design from its parameter table ``p`` and the analytic
        evaluator's ``values`` for it (floats)."""
        return cls(
            satellite_usd={key: values[f"unit_{key}_usd"] for key in HARDWARE_CATEGORIES},
            satellite_learning_rate=p["economics.satellite_learning_rate"],
            integration_fraction=p["satellite_bus.integration_cost_fraction"],
            launch_usd=p["launch_vehicle.price_usd"],
            launch_learning_rate=p["economics.launch_learning_rate"],
            insurance_fraction=p["economics.insurance_fraction"],
            ground_segment_fraction=p["economics.ground_segment_fraction"],
            operations_usd_per_satellite_year=values["operations_usd_per_satellite_year"],
            development_usd=p["economics.nre_usd"],
        )


def learning_lot_units(counts: FloatArray, learning_rate: float) -> FloatArray:
    """Each period's lot in first-unit costs: Σ n^b over the units it adds on Wright's curve.

    The total of units 1 … Q is Q × (their average, :func:`~skyrack.economics.
    wright_average_cost`) for Q ≥ 1 and Q below one unit; a period's lot is the difference of
    the totals before and after it. Counts may be fractional (expected values).
    """
    cumulative = np.cumsum(counts)
    with np.errstate(divide="ignore", invalid="ignore"):
        average = wright_average_cost_kernel(NUMPY, 1.0, np.maximum(cumulative, 1.0), learning_rate)
    total = np.where(cumulative >= 1.0, cumulative * average, cumulative)
    lots: FloatArray = np.diff(total, prepend=0.0)
    return lots


def price_timeline(timeline: FleetTimeline, costs: UnitCosts) -> FleetTimeline:
    """``timeline`` with ``spend_usd`` priced from its flows by ``costs`` (undiscounted USD per
    period, one series per category of ``COST_CATEGORIES``); any spend it held is replaced."""
    built = timeline.series("satellites_built")
    satellite_lots = learning_lot_units(built, costs.satellite_learning_rate)
    spend: dict[str, FloatArray] = {
        key: costs.satellite_usd[key] * (built if key in BOUGHT_CATEGORIES else satellite_lots)
        for key in HARDWARE_CATEGORIES
    }
    hardware = sum(spend.values(), start=np.zeros(timeline.periods))
    spend["integration"] = costs.integration_fraction * hardware
    hardware = hardware + spend["integration"]
    spend["launch"] = costs.launch_usd * learning_lot_units(
        timeline.launches, costs.launch_learning_rate
    )
    spend["insurance"] = costs.insurance_fraction * (hardware + spend["launch"])
    spend["ground_segment"] = costs.ground_segment_fraction * hardware
    spend["operations"] = costs.operations_usd_per_satellite_year * timeline.satellite_years
    development = np.zeros(timeline.periods)
    development[:1] = costs.development_usd
    spend["development"] = development
    return attrs.evolve(timeline, spend_usd={key: spend[key] for key in COST_CATEGORIES})
