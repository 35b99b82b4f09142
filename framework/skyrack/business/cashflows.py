"""Cash flows of one business, period by period: revenue, capital, operations, tax, salvage.

Periods are uniform, ``step_years`` long, from the first launch (t = 0), as in a
:class:`~skyrack.timeline.FleetTimeline`: every series is a total over its period and is
discounted at the period's middle. All amounts are real (constant) USD, positive as written:
``net_usd = revenue + salvage − capital − operating − tax``.

:func:`settle` adds what follows from the rest: straight-line depreciation of each capital
category over its asset life (capital in ``EXPENSED`` is written off when spent), tax on
positive taxable income after losses carried forward, and the horizon's salvage, the given
share of the assets' remaining book value, received in the last period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs
import numpy as np

from skyrack.business.frontier import FloatArray

EXPENSED = frozenset({"development"})
"""Capital categories written off when spent rather than depreciated (no book value)."""


def _series(value: object) -> FloatArray:
    array = np.asarray(value, dtype=np.float64)
    array.setflags(write=False)
    return array


def _series_map(value: Mapping[str, object]) -> dict[str, FloatArray]:
    return {str(key): _series(series) for key, series in value.items()}


@attrs.frozen(kw_only=True, eq=False)
class CashFlows:
    """One business's cash flows by period (USD, undiscounted, each positive as named)."""

    step_years: float
    start_year: float
    """Calendar year of t = 0 (the first launch)."""
    revenue_usd: FloatArray = attrs.field(converter=_series)
    capital_usd: Mapping[str, FloatArray] = attrs.field(converter=_series_map)
    """Capital spending by category (hardware, launch, facility, ...)."""
    operating_usd: Mapping[str, FloatArray] = attrs.field(converter=_series_map)
    """Operating spending by category (operations, energy, ...)."""
    tax_usd: FloatArray = attrs.field(converter=_series)
    salvage_usd: FloatArray = attrs.field(converter=_series)
    delivered_pflop_days: FloatArray = attrs.field(converter=_series)
    """Compute delivered in each period (for unit figures and charts)."""

    @property
    def periods(self) -> int:
        """How many periods."""
        return int(self.revenue_usd.shape[0])

    @property
    def time_years(self) -> FloatArray:
        """The end of each period [yr from t = 0]."""
        return self.step_years * np.arange(1, self.periods + 1, dtype=np.float64)

    @property
    def midpoint_years(self) -> FloatArray:
        """The middle of each period [yr from t = 0], where its flows are discounted."""
        return self.time_years - 0.5 * self.step_years

    @property
    def capex_usd(self) -> FloatArray:
        """Capital spending of all categories in each period [USD]."""
        return _total(self.capital_usd, self.periods)

    @property
    def opex_usd(self) -> FloatArray:
        """Operating spending of all categories in each period [USD]."""
        return _total(self.operating_usd, self.periods)

    @property
    def net_usd(self) -> FloatArray:
        """Net cash flow in each period [USD]."""
        net: FloatArray = (
            self.revenue_usd + self.salvage_usd - self.capex_usd - self.opex_usd - self.tax_usd
        )
        return net

    def items(self) -> dict[str, FloatArray]:
        """Every flow as a signed series (inflows positive, outflows negative), in the order
        of an NPV bridge: revenue, salvage, each capital category, each operating one, tax."""
        signed: dict[str, FloatArray] = {"revenue": self.revenue_usd}
        if np.any(self.salvage_usd):
            signed["salvage"] = self.salvage_usd
        signed.update({key: -value for key, value in self.capital_usd.items() if np.any(value)})
        signed.update({key: -value for key, value in self.operating_usd.items() if np.any(value)})
        if np.any(self.tax_usd):
            signed["tax"] = -self.tax_usd
        return signed

    def annual(self) -> CashFlows:
        """The same flows summed into whole years (the step must divide a year)."""
        per_year = round(1.0 / self.step_years)
        if per_year < 1 or not math.isclose(per_year * self.step_years, 1.0):
            raise ValueError(f"a step of {self.step_years} years does not divide a year")
        years = math.ceil(self.periods / per_year)

        def fold(series: FloatArray) -> FloatArray:
            padded = np.zeros(years * per_year)
            padded[: self.periods] = series
            folded: FloatArray = padded.reshape(years, per_year).sum(axis=1)
            return folded

        return CashFlows(
            step_years=1.0,
            start_year=self.start_year,
            revenue_usd=fold(self.revenue_usd),
            capital_usd={key: fold(value) for key, value in self.capital_usd.items()},
            operating_usd={key: fold(value) for key, value in self.operating_usd.items()},
            tax_usd=fold(self.tax_usd),
            salvage_usd=fold(self.salvage_usd),
            delivered_pflop_days=fold(self.delivered_pflop_days),
        )

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[float]]) -> CashFlows:
        """The cash flows whose :meth:`columns` are ``columns`` (a cashflows.csv business or the
        ``annual_cash_flows`` of metrics.json); tax and salvage are taken as they are."""
        time = np.asarray(columns["time_years"], dtype=np.float64)
        step = float(time[0]) if time.size else 1.0

        def grouped(prefix: str) -> dict[str, object]:
            return {
                key.removeprefix(prefix).removesuffix("_usd"): value
                for key, value in columns.items()
                if key.startswith(prefix) and key.endswith("_usd")
            }

        return cls(
            step_years=step,
            start_year=float(columns["calendar_year"][0]) if time.size else 0.0,
            revenue_usd=columns["revenue_usd"],
            capital_usd=grouped("capital_"),
            operating_usd=grouped("operating_"),
            tax_usd=columns["tax_usd"],
            salvage_usd=columns["salvage_usd"],
            delivered_pflop_days=columns["delivered_pflop_days"],
        )

    def columns(self) -> dict[str, FloatArray]:
        """Every series by column name (units in the names), ready for a CSV file."""
        columns: dict[str, FloatArray] = {
            "time_years": self.time_years,
            "calendar_year": self.start_year + self.time_years - self.step_years,
            "revenue_usd": self.revenue_usd,
        }
        columns.update({f"capital_{key}_usd": value for key, value in self.capital_usd.items()})
        columns.update({f"operating_{key}_usd": value for key, value in self.operating_usd.items()})
        columns.update(
            {
                "tax_usd": self.tax_usd,
                "salvage_usd": self.salvage_usd,
                "net_usd": self.net_usd,
                "cumulative_net_usd": np.cumsum(self.net_usd),
                "delivered_pflop_days": self.delivered_pflop_days,
            }
        )
        return columns


def _total(series: Mapping[str, FloatArray], periods: int) -> FloatArray:
    total = np.zeros(periods)
    for value in series.values():
        total = total + value
    return total


def depreciation(capital_usd: FloatArray, life_years: float, step_years: float) -> FloatArray:
    """Straight-line depreciation of each period's capital over ``life_years`` from the start
    of the period it is spent in [USD per period], cut at the end of the series."""
    periods = capital_usd.shape[0]
    edges = step_years * np.arange(periods + 1, dtype=np.float64)
    share = np.diff(np.minimum(edges, life_years)) / life_years  # share of the life per lag
    schedule: FloatArray = np.convolve(capital_usd, share)[:periods]
    return schedule


def book_value(capital_usd: FloatArray, life_years: float, step_years: float) -> float:
    """What the capital is still worth on the books at the end of the series [USD]."""
    periods = capital_usd.shape[0]
    age = step_years * (periods - np.arange(periods, dtype=np.float64))
    return float(np.sum(capital_usd * np.clip(1.0 - age / life_years, 0.0, 1.0)))


def settle(
    *,
    step_years: float,
    start_year: float,
    revenue_usd: FloatArray,
    capital_usd: Mapping[str, FloatArray],
    operating_usd: Mapping[str, FloatArray],
    life_years: Mapping[str, float],
    delivered_pflop_days: FloatArray,
    tax_rate: float,
    salvage_fraction: float,
) -> CashFlows:
    """Cash flows with tax and salvage worked out (see the module docstring).

    ``life_years`` gives the asset life of every capital category not in ``EXPENSED``.
    """
    periods = revenue_usd.shape[0]
    deductions = _total(operating_usd, periods)
    salvage = np.zeros(periods)
    for key, spent in capital_usd.items():
        if key in EXPENSED:
            deductions = deductions + spent
            continue
        life = life_years[key]
        deductions = deductions + depreciation(spent, life, step_years)
        if periods:
            salvage[-1] += salvage_fraction * book_value(spent, life, step_years)
    taxable = revenue_usd + salvage - deductions
    tax = np.zeros(periods)
    if tax_rate > 0:
        carried = 0.0  # losses not yet offset
        for i, income in enumerate(taxable):
            offset = income - carried
            if offset > 0:
                tax[i] = tax_rate * offset
                carried = 0.0
            else:
                carried = -offset
    return CashFlows(
        step_years=step_years,
        start_year=start_year,
        revenue_usd=revenue_usd,
        capital_usd=capital_usd,
        operating_usd=operating_usd,
        tax_usd=tax,
        salvage_usd=salvage,
        delivered_pflop_days=delivered_pflop_days,
    )
