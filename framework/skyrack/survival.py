"""What one satellite's accelerators deliver as they age: survival, throttling and retirement.

An accelerator launched at age 0 works while it and its bus survive (constant hazard, so
survival ``e^{−λa}``) and while the solar array can power it. The array is sized so that
``margin = 1`` exactly covers full load at the end of the mission ``T``; it delivers
``margin · (1 − d)^{a − T}`` of full load at age ``a``, so the payload runs at

    θ(a) = min(1, m · e^{g (T − a)}),     g = −ln(1 − d),

full power until ``τ₀ = T + ln(m)/g`` (``τ₀ = T`` when ``m ≥ 1``) and throttled after. The
satellite retires at ``T``. Everything else in skyrack integrates the *profile*

    f(a) = e^{−k a} · θ(a)   on [0, T],

k being a hazard (1/yr), with the discount rate added when the integral is a present value. The
kernels here give ``F(a) = ∫₀^a f`` in closed form (two decaying exponentials split at τ₀) and
its inverse, on an array namespace (:mod:`skyrack.array_api`). Equations: ``docs/model.md``.
"""

from __future__ import annotations

from skyrack.array_api import ArrayNamespace, Real
from skyrack.economics import decaying_stream_years_kernel, pv_decaying_stream_kernel


def throttle_onset(
    xp: ArrayNamespace, degradation: Real, margin: Real, years: Real
) -> tuple[Real, Real]:
    """The array's decay rate g = −ln(1 − d) [1/yr] and the age τ₀ [yr] at which the payload
    starts to throttle (``years`` when the array never falls short)."""
    g = -xp.log1p(-degradation)
    tau0 = xp.where(
        margin >= 1.0, years, xp.clip(years + xp.log(margin) / xp.where(g > 0, g, 1.0), 0, years)
    )
    return g, xp.where((margin < 1.0) & (g <= 0), 0.0, tau0)


def powered_years(
    xp: ArrayNamespace,
    hazard: Real,
    g: Real,
    tau0: Real,
    margin: Real,
    years: Real,
    age: Real,
) -> Real:
    """F(age) = ∫₀^age e^{−k x} θ(x) dx [yr] for 0 ≤ age ≤ ``years`` (k = ``hazard``).

    ``∫₀^{min(a, τ₀)} e^{−k x} dx + m e^{g T} ∫_{τ₀}^{max(a, τ₀)} e^{−(k + g) x} dx``; with k
    the total hazard plus the force of interest, F(T) is the discounted powered life of one
    accelerator.
    """
    full = pv_decaying_stream_kernel(xp, 0.0, hazard, xp.minimum(age, tau0))
    if xp.all(tau0 >= years):  # no design here whose array ever falls short
        return full
    throttled = (
        margin
        * xp.exp(g * years)
        * pv_decaying_stream_kernel(xp, 0.0, hazard + g, xp.maximum(age, tau0), tau0)
    )
    return full + throttled


def age_reaching(
    xp: ArrayNamespace,
    level: Real,
    hazard: Real,
    g: Real,
    tau0: Real,
    margin: Real,
    years: Real,
) -> Real:
    """The age a at which F(a) = ``level`` [yr], the inverse of :func:`powered_years`.

    Only meaningful for ``0 ≤ level ≤ F(years)``; beyond the profile's reach the result exceeds
    ``years`` or is inf.
    """
    before = decaying_stream_years_kernel(xp, hazard, level)
    if xp.all(tau0 >= years):  # never throttled: one exponential piece
        return before
    at_onset = powered_years(xp, hazard, g, tau0, margin, years, tau0)
    # after τ₀: (m e^{g T} e^{−(k+g) τ₀}) ∫₀^{a − τ₀} e^{−(k+g) u} du = level − F(τ₀)
    weight = margin * xp.exp(g * years - (hazard + g) * tau0)
    excess = xp.maximum(level - at_onset, 0.0)
    after = tau0 + decaying_stream_years_kernel(
        xp, hazard + g, excess / xp.where(weight > 0, weight, 1.0)
    )
    return xp.where(level <= at_onset, before, after)
