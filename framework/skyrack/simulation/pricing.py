"""Pricing a simulated history: spend by cost category in each period, from its flows.

The unit costs are the analytic evaluator's (per satellite: accelerators, bus, solar arrays,
radiators, integration; per launch: the vehicle's price), with the same learning curves applied to
the simulated order of production: the n-th satellite built costs C₁·n^{log₂ L} for the parts
that learn (bus, arrays, radiators) and the n-th launch of a vehicle its price × n^{log₂ L}
(midpoint form, :func:`skyrack.economics.wright_average_cost`). Insurance, ground segment and
operations are the design's fractions; development is paid in the first period.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.analytic import COST_CATEGORIES
from skyrack.array_api import NUMPY
from skyrack.components import LaunchVehicle
from skyrack.design import Design
from skyrack.economics import wright_average_cost_kernel

FloatArray = npt.NDArray[np.float64]


def _lot_costs(first_unit_usd: float, lots: FloatArray, learning_rate: float) -> FloatArray:
    """Cost of each lot of units built in order (lot i has ``lots[i]`` units) on a Wright
    curve starting at ``first_unit_usd`` [USD per lot]."""
    lots = np.asarray(lots, dtype=np.float64)
    prior = np.cumsum(lots) - lots
    with np.errstate(all="ignore"):
        average = wright_average_cost_kernel(
            NUMPY, first_unit_usd, np.maximum(lots, 1.0), learning_rate, prior
        )
    return np.where(lots > 0, average * lots, 0.0)


@attrs.frozen(kw_only=True)
class UnitCosts:
    """What one satellite, one launch and one satellite-year of operations cost a design."""

    accelerators_usd: float
    """Accelerators of one satellite (no learning)."""
    bus_usd: float
    """First bus; learns at ``satellite_learning_rate``."""
    solar_arrays_usd: float
    radiators_usd: float
    integration_fraction: float
    satellite_learning_rate: float
    launch_price_usd: Mapping[str, float]
    """First launch of each vehicle, by name."""
    launch_learning_rate: float
    insurance_fraction: float
    ground_segment_fraction: float
    operations_fraction_per_year: float
    development_usd: float

    @classmethod
    def of(
        cls, design: Design, values: Mapping[str, float], vehicles: tuple[LaunchVehicle, ...]
    ) -> UnitCosts:
        """Unit costs of ``design`` from its analytic ``values`` (array power, radiator area),
        for launches on ``vehicles``."""
        bus, economics = design.satellite_bus, design.economics
        return cls(
            accelerators_usd=design.sizing.accelerators_per_satellite
            * design.compute_payload.unit_price_usd,
            bus_usd=bus.cost_usd,
            solar_arrays_usd=values["array_bol_power_w"] * bus.array_cost_usd_per_w,
            radiators_usd=values["radiator_area_m2"] * bus.radiator_cost_usd_per_m2,
            integration_fraction=bus.integration_cost_fraction,
            satellite_learning_rate=economics.satellite_learning_rate,
            launch_price_usd={vehicle.name: vehicle.price_usd for vehicle in vehicles},
            launch_learning_rate=economics.launch_learning_rate,
            insurance_fraction=economics.insurance_fraction,
            ground_segment_fraction=economics.ground_segment_fraction,
            operations_fraction_per_year=economics.operations_fraction_per_year,
            development_usd=economics.nre_usd,
        )

    def price(
        self,
        satellites_built: FloatArray,
        launches: Mapping[str, FloatArray],
        satellite_years: FloatArray,
    ) -> dict[str, FloatArray]:
        """Spend in each period by category [USD], undiscounted, from the satellites built, the
        launches of each vehicle and the satellite-years operated in each period."""
        built = np.asarray(satellites_built, dtype=np.float64)
        spend: dict[str, FloatArray] = {"accelerators": self.accelerators_usd * built}
        for key, first in (
            ("bus", self.bus_usd),
            ("solar_arrays", self.solar_arrays_usd),
            ("radiators", self.radiators_usd),
        ):
            spend[key] = _lot_costs(first, built, self.satellite_learning_rate)
        parts = spend["accelerators"] + spend["bus"] + spend["solar_arrays"] + spend["radiators"]
        spend["integration"] = self.integration_fraction * parts
        hardware = parts + spend["integration"]
        spend["launch"] = np.zeros_like(built)
        for name, count in launches.items():
            spend["launch"] = spend["launch"] + _lot_costs(
                self.launch_price_usd[name], count, self.launch_learning_rate
            )
        spend["insurance"] = self.insurance_fraction * (hardware + spend["launch"])
        spend["ground_segment"] = self.ground_segment_fraction * hardware
        built_so_far = np.cumsum(built)
        with np.errstate(divide="ignore", invalid="ignore"):
            per_satellite = np.where(built_so_far > 0, np.cumsum(hardware) / built_so_far, 0.0)
        spend["operations"] = self.operations_fraction_per_year * per_satellite * satellite_years
        spend["development"] = np.zeros_like(built)
        if built.size:
            spend["development"][0] = self.development_usd
        return {key: spend[key] for key in COST_CATEGORIES}
