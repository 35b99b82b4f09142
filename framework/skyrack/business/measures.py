"""What a stream of cash flows is worth: NPV, IRR, discounted payback, peak funding need.

The functions take amounts (USD, any sign) and the times they are paid (years from t = 0); a
period's flows are paid at its middle, the :class:`~skyrack.timeline.FleetTimeline` convention.
Equations and their edge cases: docs/economics.md, "Measures".

* NPV = Σ Aᵢ (1 + r)^(−tᵢ).
* IRR: the rate r > −1 at which the NPV is zero, **undefined** (``Irr.rate_per_year`` None,
  with the reason) when the flows never change sign, or when no rate or several rates in the
  searched range make the NPV zero. With one sign change the root is unique (Laguerre's
  extension of Descartes' rule of signs to real exponents), so Brent's method brackets it over
  the whole range; otherwise the NPV's sign changes are counted on a fine grid of rates, only a
  single crossing is accepted, and Brent's method refines it (scipy.optimize.brentq).
* Discounted payback: the time after which the cumulative discounted cash flow stays ≥ 0,
  linear within the period where it last turns non-negative; None ("never") when it ends
  negative. A later campaign that dips it below zero again postpones the payback.
* Peak funding need: the deepest the cumulative (undiscounted) cash flow goes below zero.
"""

from __future__ import annotations

import math

import attrs
import numpy as np
import numpy.typing as npt

from skyrack import economics
from skyrack.business.frontier import FloatArray

IRR_RATE_RANGE = (-0.95, 19.0)
"""The rates searched for an IRR: −95 %/yr to +1,900 %/yr."""
IRR_GRID_POINTS = 2_001


@attrs.frozen
class Irr:
    """An internal rate of return, or why there is none."""

    rate_per_year: float | None
    reason: str = ""
    """Empty when the IRR is defined; else why it is not."""

    def describe(self) -> str:
        """The rate as a percentage, or 'undefined (reason)'."""
        if self.rate_per_year is None:
            return f"undefined ({self.reason})"
        return f"{100 * self.rate_per_year:.2f} %/yr"


def net_present_value(amounts_usd: npt.ArrayLike, years: npt.ArrayLike, rate: float) -> float:
    """Σ Aᵢ (1 + r)^(−tᵢ) [USD] for amounts ``amounts_usd`` paid at ``years``."""
    return float(economics.present_value(np.asarray(amounts_usd), np.asarray(years), rate))


def _sign_changes(values: FloatArray) -> int:
    signs = np.sign(values[values != 0.0])
    return int(np.count_nonzero(signs[1:] != signs[:-1]))


def internal_rate_of_return(amounts_usd: npt.ArrayLike, years: npt.ArrayLike) -> Irr:
    """The rate that makes the NPV of ``amounts_usd`` paid at ``years`` zero, if unique."""
    from scipy.optimize import brentq

    amounts = np.asarray(amounts_usd, dtype=np.float64)
    t = np.asarray(years, dtype=np.float64)
    if _sign_changes(amounts) == 0:
        return Irr(None, "the cash flows never change sign")
    # Work in δ = ln(1 + r); the NPV is scaled by a positive factor so exponents stay small.
    anchor = float(np.average(t, weights=np.abs(amounts)))

    def npv(delta: float) -> float:
        return float(np.sum(amounts * np.exp(-delta * (t - anchor))))

    low, high = (math.log1p(r) for r in IRR_RATE_RANGE)
    span = f"{100 * IRR_RATE_RANGE[0]:g} % to {100 * IRR_RATE_RANGE[1]:,.0f} %/yr"
    if _sign_changes(amounts) == 1:  # one root at most: bracket the whole range
        with np.errstate(over="ignore", invalid="ignore"):
            ends = [npv(low), npv(high)]
        if all(math.isfinite(end) for end in ends):
            if ends[0] * ends[1] > 0:
                return Irr(None, f"no rate from {span} makes the NPV zero")
            return Irr(math.expm1(brentq(npv, low, high, xtol=1e-14)))
    grid = np.linspace(low, high, IRR_GRID_POINTS)
    with np.errstate(over="ignore", invalid="ignore"):
        values = np.exp(-np.outer(grid, t - anchor)) @ amounts
    signs = np.sign(values)
    roots = [i for i in range(len(grid) - 1) if signs[i] == 0.0 or signs[i] * signs[i + 1] < 0]
    if not roots:
        return Irr(None, f"no rate from {span} makes the NPV zero")
    found = []
    for i in roots:
        a, b = float(grid[i]), float(grid[i + 1])
        fa, fb = npv(a), npv(b)
        if fa == 0.0 or fa * fb > 0:  # on the root, or at the limit of the arithmetic
            found.append(a if fa == 0.0 else 0.5 * (a + b))
        else:
            found.append(brentq(npv, a, b, xtol=1e-14))
    if len(found) > 1:
        rates = ", ".join(f"{100 * math.expm1(d):.2f} %" for d in found)
        return Irr(None, f"several rates make the NPV zero ({rates})")
    return Irr(math.expm1(found[0]))


def discounted_payback_years(
    amounts_usd: npt.ArrayLike, step_years: float, rate: float
) -> float | None:
    """When the cumulative discounted cash flow of periods ``step_years`` long (paid at their
    middles) turns non-negative for good [yr from t = 0]; None when it never does."""
    amounts = np.asarray(amounts_usd, dtype=np.float64)
    ends = step_years * np.arange(1, amounts.shape[0] + 1)
    discounted = amounts * np.exp(-math.log1p(rate) * (ends - 0.5 * step_years))
    cumulative = np.cumsum(discounted)
    if cumulative.size == 0 or cumulative[-1] < 0:
        return None
    negative = np.nonzero(cumulative < 0)[0]
    if negative.size == 0:
        return 0.0
    i = int(negative[-1]) + 1  # the period in which it turns non-negative for good
    before, after = float(cumulative[i - 1]), float(cumulative[i])
    return float(ends[i - 1] + step_years * (-before) / (after - before))


def peak_funding_usd(amounts_usd: npt.ArrayLike) -> float:
    """The most the business is ever out of pocket: −min(cumulative cash flow, 0) [USD]."""
    cumulative = np.cumsum(np.asarray(amounts_usd, dtype=np.float64))
    return float(max(0.0, -cumulative.min(initial=0.0)))
