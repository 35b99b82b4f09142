"""The market price of compute: a sourced starting price that falls as the frontier improves.

The law (docs/economics.md, "Revenue"): a PFLOP-hour of dense BF16 sells at

    m(y) = m_ref · [h · PP(y_ref)/PP(y) + (1 − h) · PW(y_ref)/PW(y)]^ε,   m_ref = P_ref / F_ref

where P_ref is the market price of one hour of the reference accelerator (throughput F_ref, in
PFLOP/s) observed in year y_ref, PP(y) and PW(y) the frontier's TFLOP/s per USD and per W in
year y, h the hardware share of the cost of compute in y_ref and ε the price elasticity: the
price of a FLOP follows what the frontier's hardware and the energy and facility to run it
cost per FLOP. An hour of an accelerator of throughput F, of whatever generation, sells for
m(y)·F: a generation's price per hour falls relative to the frontier's price-performance, so
an old part earns less each year and a new one more per hour than the old did. With a flat
roadmap m is constant. Revenue is that price times the hours sold (occupancy × sellable hours).
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.business.frontier import FloatArray, Frontier
from skyrack.business.settings import Business
from skyrack.components import AcceleratorRoadmap

HOURS_PER_DAY = 24.0


@attrs.frozen(kw_only=True)
class ComputeMarket:
    """Price of compute by calendar year (see the module docstring for the law)."""

    frontier: Frontier
    reference_price_usd_per_accelerator_hour: float
    reference_tflops: float
    reference_year: float
    hardware_share: float
    elasticity: float
    occupancy: float

    @classmethod
    def from_business(cls, business: Business, roadmap: AcceleratorRoadmap) -> ComputeMarket:
        """The market a study's ``[business]`` section describes, on ``roadmap``."""
        return cls(
            frontier=Frontier(roadmap),
            reference_price_usd_per_accelerator_hour=business.compute_price_usd_per_accelerator_hour,
            reference_tflops=business.reference_accelerator_tflops,
            reference_year=business.price_reference_year,
            hardware_share=business.hardware_share,
            elasticity=business.price_elasticity,
            occupancy=business.occupancy,
        )

    def price_usd_per_pflop_hour(self, year: npt.ArrayLike) -> FloatArray:
        """m(y): the price of one PFLOP-hour of dense BF16 in calendar ``year`` [USD]."""
        per_usd, per_w = self.frontier.tflops_per_usd, self.frontier.tflops_per_w
        ref, h = self.reference_year, self.hardware_share
        cost = h * per_usd(ref) / per_usd(year) + (1.0 - h) * per_w(ref) / per_w(year)
        decline = cost**self.elasticity
        reference = self.reference_price_usd_per_accelerator_hour / (self.reference_tflops / 1e3)
        price: FloatArray = reference * np.asarray(decline, dtype=np.float64)
        return price

    def price_usd_per_pflop_day(self, year: npt.ArrayLike) -> FloatArray:
        """m(y)·24: the price of one PFLOP-day [USD]."""
        price: FloatArray = HOURS_PER_DAY * self.price_usd_per_pflop_hour(year)
        return price

    def price_usd_per_accelerator_hour(self, tflops: float, year: npt.ArrayLike) -> FloatArray:
        """What one hour of an accelerator of ``tflops`` dense BF16 sells for in ``year``."""
        price: FloatArray = self.price_usd_per_pflop_hour(year) * (tflops / 1e3)
        return price
