"""The accelerator frontier at any date, read from an :class:`~skyrack.AcceleratorRoadmap`.

Each measure (dense BF16 TFLOP/s per W, TFLOP/s per USD) has its own frontier: the best any
generation released so far reaches (a later part that is worse on one measure does not lower
it). Between two release years the frontier follows the straight line through their
logarithms, the trend they trace, since prices anticipate an announced part and the market
ramps into it over about a year; before the first release it is the first generation's; after
the last it grows at the roadmap's trend rates. Equations: docs/economics.md, "Accelerator
roadmap".
"""

from __future__ import annotations

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.components import AcceleratorRoadmap

FloatArray = npt.NDArray[np.float64]


def _log_frontier(values: list[float]) -> FloatArray:
    """log of the running maximum: the best reached so far."""
    logs: FloatArray = np.log(np.maximum.accumulate(np.asarray(values, dtype=np.float64)))
    return logs


@attrs.frozen
class Frontier:
    """Performance per watt and per dollar of the best accelerators, by calendar year."""

    roadmap: AcceleratorRoadmap

    def _at(self, year: npt.ArrayLike, values: list[float], growth: float) -> FloatArray:
        years = np.asarray([g.release_year for g in self.roadmap.generations], dtype=np.float64)
        logs = _log_frontier(values)
        t = np.asarray(year, dtype=np.float64)
        inside = np.interp(t, years, logs)
        after = logs[-1] + np.maximum(t - years[-1], 0.0) * np.log1p(growth)
        result: FloatArray = np.exp(np.where(t > years[-1], after, inside))
        return result

    def tflops_per_w(self, year: npt.ArrayLike) -> FloatArray:
        """The frontier's dense BF16 TFLOP/s per W of accelerator power in ``year``."""
        generations = self.roadmap.generations
        return self._at(
            year,
            [g.tflops_per_w for g in generations],
            self.roadmap.tflops_per_w_growth_per_year,
        )

    def tflops_per_usd(self, year: npt.ArrayLike) -> FloatArray:
        """The frontier's dense BF16 TFLOP/s per USD of accelerator price in ``year``."""
        generations = self.roadmap.generations
        return self._at(
            year,
            [g.tflops_per_usd for g in generations],
            self.roadmap.tflops_per_usd_growth_per_year,
        )

    def throughput_gain(self, since_year: float, year: npt.ArrayLike) -> FloatArray:
        """How much more an accelerator bought in ``year`` computes in the same power than one
        of ``since_year``: the ratio of the frontier's TFLOP/s per W."""
        gain: FloatArray = self.tflops_per_w(year) / self.tflops_per_w(since_year)
        return gain

    def cost_per_watt_ratio(self, since_year: float, year: npt.ArrayLike) -> FloatArray:
        """What the frontier's accelerators cost per W of power in ``year`` relative to
        ``since_year``: (TFLOP/s per W) / (TFLOP/s per USD), as a ratio."""

        def usd_per_w(at: npt.ArrayLike) -> FloatArray:
            value: FloatArray = self.tflops_per_w(at) / self.tflops_per_usd(at)
            return value

        ratio: FloatArray = usd_per_w(year) / usd_per_w(since_year)
        return ratio
