"""Tests for skyrack.economics: hand-computed values, numerical integrals, limits, properties."""

import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skyrack.economics import (
    annuity_factor,
    capital_recovery_factor,
    continuous_discount_rate,
    discount_factor,
    experience_curve_year_price,
    learning_exponent,
    levelized_cost,
    present_value,
    pv_decaying_stream,
    pv_ramped_decaying_stream,
    wright_average_cost,
    wright_unit_cost,
)

# Any numpy warning (overflow, 0/0, inf·0) raised inside the module fails the test.
pytestmark = pytest.mark.filterwarnings("error")

RATES = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False)
DECAYS = st.floats(min_value=0.0, max_value=2.0, allow_nan=False)
YEARS = st.floats(min_value=0.0, max_value=60.0, allow_nan=False)
LEARNING = st.floats(min_value=0.3, max_value=1.0, allow_nan=False)
FAST = settings(max_examples=60, deadline=None)


def richardson_trapezoid(values: np.ndarray[Any, Any], x: np.ndarray[Any, Any]) -> Any:
    """Trapezoid rule on the last axis, extrapolated: (4·T(h) - T(2h))/3 (Simpson, O(h⁴)).

    x must have an odd number of evenly spaced points.
    """
    fine = np.trapezoid(values, x, axis=-1)
    coarse = np.trapezoid(values[..., ::2], x[::2], axis=-1)
    return (4.0 * fine - coarse) / 3.0


def numeric_stream(delta: float, decay: float, start: float, end: float) -> float:
    """∫_s^T e^{-(δ+λ)t} dt on 2,001 points (Simpson error ~ (hk)⁴/180 < 1e-12 relative)."""
    t = np.linspace(start, end, 2001)
    return float(richardson_trapezoid(np.exp(-(delta + decay) * t), t))


def numeric_ramped(delta: float, decay: float, ramp: float, horizon: float) -> float:
    """Numerical convolution of a uniform deployment on [0, R] with the decaying stream.

    PV = (1/R) ∫_0^{min(R,T)} dτ ∫_τ^T e^{-δ t} e^{-λ (t-τ)} dt, straight from the definition:
    for each deployment date τ the inner integral runs on its own grid t = τ + (T - τ)·s,
    s in [0, 1], so no kink falls between grid points. 401² points with Simpson's rule give a
    relative error ≈ (h·k)⁴/180 with h ≤ 30/400 and k ≤ 0.35 here, below 1e-9.
    """
    tau = np.linspace(0.0, min(ramp, horizon), 401)
    s = np.linspace(0.0, 1.0, 401)
    t = tau[:, np.newaxis] + (horizon - tau[:, np.newaxis]) * s
    integrand = np.exp(-delta * t - decay * (t - tau[:, np.newaxis]))
    inner = (horizon - tau) * richardson_trapezoid(integrand, s)
    return float(richardson_trapezoid(inner, tau) / ramp)


# --------------------------------------------------------------------------------------------
# discounting: hand-computed values


def test_discount_factor_matches_hand_value() -> None:
    """PV of $100 in 5 years at 7 %: 1.07^5 = 1.402552, 100/1.402552 = 71.30."""
    assert discount_factor(0.07, 5.0) == pytest.approx(1 / 1.402551731, rel=1e-9)
    assert present_value(100.0, 5.0, 0.07) == pytest.approx(71.2986, abs=5e-5)


def test_discount_factor_is_one_at_time_zero_and_at_zero_rate() -> None:
    """No time or no rate means no discounting, even for an infinite horizon at r = 0."""
    assert discount_factor(0.3, 0.0) == 1.0
    assert discount_factor(0.0, 17.0) == 1.0
    assert discount_factor(0.0, math.inf) == 1.0
    assert discount_factor(0.05, math.inf) == 0.0


def test_annuity_factor_matches_hand_value() -> None:
    """At 8 % over 10 years: 1.08^10 = 2.158925, (1 - 1/2.158925)/0.08 = 6.7101."""
    assert annuity_factor(0.08, 10.0) == pytest.approx(6.710081, abs=1e-6)


def test_annuity_factor_equals_sum_of_discount_factors() -> None:
    """a(r, n) = Σ_{t=1..n} (1+r)^-t for integer n, here at 10 % over 3 years = 2.48685."""
    assert annuity_factor(0.10, 3.0) == pytest.approx(1 / 1.1 + 1 / 1.21 + 1 / 1.331, rel=1e-12)
    assert present_value(np.array([100.0, 100.0, 100.0]), np.array([1.0, 2.0, 3.0]), 0.10) == (
        pytest.approx(248.6852, abs=1e-4)
    )


def test_annuity_factor_is_exactly_n_at_zero_rate_and_continuous_near_it() -> None:
    """a(0, n) = n exactly, and a(r, n) ≈ n - n(n+1) r / 2 for tiny r (no 0/0 trouble)."""
    assert annuity_factor(0.0, 10.0) == 10.0
    for rate in (1e-12, -1e-12, 1e-8):
        expected = 10.0 - 10.0 * 11.0 * rate / 2.0
        assert annuity_factor(rate, 10.0) == pytest.approx(expected, rel=1e-14)


def test_annuity_factor_handles_negative_rates_and_perpetuities() -> None:
    """Negative rates give a > n; an infinite horizon gives the perpetuity 1/r (= 20 at 5 %)."""
    assert annuity_factor(-0.02, 10.0) == pytest.approx((1 - 0.98**-10) / -0.02, rel=1e-12)
    assert annuity_factor(-0.02, 10.0) > 10.0
    assert annuity_factor(0.05, math.inf) == pytest.approx(20.0, rel=1e-15)
    assert annuity_factor(0.0, math.inf) == math.inf


def test_capital_recovery_factor_is_reciprocal_of_annuity_factor() -> None:
    """CRF(8 %, 10 y) = 1/6.710081 = 0.149029; CRF(0, 4) = 1/4; CRF(5 %, ∞) = 0.05."""
    assert capital_recovery_factor(0.08, 10.0) == pytest.approx(0.1490295, abs=1e-7)
    assert capital_recovery_factor(0.0, 4.0) == 0.25
    assert capital_recovery_factor(0.05, math.inf) == pytest.approx(0.05, rel=1e-15)


def test_continuous_discount_rate_reproduces_annual_discounting() -> None:
    """δ = ln(1.08) = 0.0769610, and e^{-δ t} equals (1.08)^{-t} for fractional t."""
    delta = continuous_discount_rate(0.08)
    assert delta == pytest.approx(0.0769610411, rel=1e-9)
    assert math.exp(-delta * 2.5) == pytest.approx(discount_factor(0.08, 2.5), rel=1e-14)


def test_present_value_sums_along_last_axis_with_rates_on_leading_axes() -> None:
    """Flows of shape (3,) with rates of shape (4,) give 4 PVs; (4, 3) flows pair row-wise."""
    amounts = np.array([-1000.0, 600.0, 600.0])
    years = np.array([0.0, 1.0, 2.0])
    rates = np.array([0.0, 0.05, 0.10, 0.13])
    pvs = present_value(amounts, years, rates)
    assert pvs.shape == (4,)
    # At 0 %: -1000 + 1200 = 200; at 10 %: -1000 + 545.4545 + 495.8678 = 41.3223.
    assert pvs[0] == pytest.approx(200.0, rel=1e-14)
    assert pvs[2] == pytest.approx(41.32231, abs=1e-5)
    stacked = present_value(np.tile(amounts, (4, 1)), years, rates)
    np.testing.assert_allclose(stacked, pvs, rtol=1e-14)


# --------------------------------------------------------------------------------------------
# decaying stream


def test_decaying_stream_matches_hand_value() -> None:
    """r = 0, λ = 0.1/yr over 10 years: (1 - e^{-1})/0.1 = 6.3212 years of output."""
    assert pv_decaying_stream(0.0, 0.1, 10.0) == pytest.approx(6.321206, abs=1e-6)


@pytest.mark.parametrize(
    ("rate", "decay", "end", "start"),
    [(0.08, 0.1, 10.0, 0.0), (0.12, 0.0, 7.0, 2.0), (-0.3, 0.05, 20.0, 1.0), (0.5, 1.5, 5.0, 4.5)],
)
def test_decaying_stream_matches_numerical_integral(
    rate: float, decay: float, end: float, start: float
) -> None:
    """The closed form equals the numerical integral of e^{-(δ+λ)t} over [s, T]."""
    numeric = numeric_stream(math.log1p(rate), decay, start, end)
    assert pv_decaying_stream(rate, decay, end, start) == pytest.approx(numeric, rel=1e-10)


def test_decaying_stream_limit_without_discount_or_decay_is_duration() -> None:
    """At δ + λ = 0 the stream is worth T - s, and it is continuous as δ + λ → 0."""
    assert pv_decaying_stream(0.0, 0.0, 12.0, 2.0) == 10.0
    # r = e^{-0.1} - 1 makes δ = -λ up to one rounding: k ≈ 1e-17, value 10 to ~1e-15.
    assert pv_decaying_stream(math.expm1(-0.1), 0.1, 12.0, 2.0) == pytest.approx(10.0, rel=1e-14)
    # k = 1e-9: (e^{-2k} - e^{-12k})/k = 10 - (144 - 4)k/2 + ... = 10 - 7e-8.
    assert pv_decaying_stream(0.0, 1e-9, 12.0, 2.0) == pytest.approx(10.0 - 7e-8, rel=1e-14)


def test_decaying_stream_infinite_horizon_is_exponential_over_k() -> None:
    """With T = ∞ and k > 0 the integral is e^{-k s}/k; with k = 0 it diverges to +∞."""
    k = math.log(1.05) + 0.1
    assert pv_decaying_stream(0.05, 0.1, math.inf, 2.0) == pytest.approx(
        math.exp(-2 * k) / k, rel=1e-14
    )
    assert pv_decaying_stream(0.0, 0.0, math.inf) == math.inf


def test_decaying_stream_with_zero_decay_is_continuous_annuity() -> None:
    """λ = 0: ∫_0^n e^{-δ t} dt = a(r, n)·r/δ (continuous vs end-of-year payments)."""
    rate = 0.07
    expected = annuity_factor(rate, 15.0) * rate / math.log1p(rate)
    assert pv_decaying_stream(rate, 0.0, 15.0) == pytest.approx(expected, rel=1e-13)


# --------------------------------------------------------------------------------------------
# ramped decaying stream


@pytest.mark.parametrize(
    ("rate", "decay", "ramp", "horizon"),
    [
        (0.08, 0.10, 3.0, 10.0),  # typical: 3-year deployment, 10 %/yr failures
        (0.05, 0.30, 12.0, 10.0),  # ramp longer than horizon: deployment unfinished
        (0.20, 0.01, 0.5, 30.0),  # quick ramp, long life
        (-0.05, 0.02, 5.0, 20.0),  # negative rate, δ + λ < 0
        (0.0, 0.0, 4.0, 10.0),  # no discounting, no decay
        (0.0, 0.5, 10.0, 10.0),  # ramp equals horizon
    ],
)
def test_ramped_stream_matches_numerical_convolution(
    rate: float, decay: float, ramp: float, horizon: float
) -> None:
    """The closed form equals the numerically integrated convolution (401² Simpson grid)."""
    numeric = numeric_ramped(math.log1p(rate), decay, ramp, horizon)
    closed = pv_ramped_decaying_stream(rate, decay, ramp, horizon)
    assert closed == pytest.approx(numeric, rel=1e-8)


def test_ramped_stream_matches_direct_closed_form_where_it_is_well_conditioned() -> None:
    """Equals [(1 - e^{-δM})/δ - e^{-kT}(e^{λM} - 1)/λ]/(R k) for well-separated δ, λ, k."""
    rate, decay, ramp, horizon = 0.08, 0.1, 3.0, 10.0
    delta = math.log1p(rate)
    k = delta + decay
    direct = (
        (-math.expm1(-delta * ramp)) / delta
        - math.exp(-k * horizon) * math.expm1(decay * ramp) / decay
    ) / (ramp * k)
    assert pv_ramped_decaying_stream(rate, decay, ramp, horizon) == pytest.approx(direct, rel=1e-13)


def test_ramped_stream_without_discount_or_decay_loses_half_the_ramp() -> None:
    """r = λ = 0: capacity t/R during the ramp then 1, so PV = T - R/2 = 10 - 2 = 8."""
    assert pv_ramped_decaying_stream(0.0, 0.0, 4.0, 10.0) == pytest.approx(8.0, rel=1e-15)
    # R > T: capacity t/R throughout, PV = T²/(2R) = 100/40 = 2.5.
    assert pv_ramped_decaying_stream(0.0, 0.0, 20.0, 10.0) == pytest.approx(2.5, rel=1e-15)


def test_ramped_stream_reduces_to_decaying_stream_as_ramp_vanishes() -> None:
    """R = 0 is the instantaneous deployment; R → 0 approaches it linearly in R."""
    instant = pv_decaying_stream(0.08, 0.1, 10.0)
    assert pv_ramped_decaying_stream(0.08, 0.1, 0.0, 10.0) == instant
    assert pv_ramped_decaying_stream(0.08, 0.1, 1e-9, 10.0) == pytest.approx(instant, rel=1e-8)


def test_ramped_stream_is_continuous_in_decay_and_rate_at_zero() -> None:
    """λ → 0 and r → 0 approach the λ = 0 and r = 0 values (no 0/0 in the ramp term)."""
    at_zero_decay = pv_ramped_decaying_stream(0.08, 0.0, 3.0, 10.0)
    assert pv_ramped_decaying_stream(0.08, 1e-10, 3.0, 10.0) == pytest.approx(
        at_zero_decay, rel=1e-8
    )
    at_zero_rate = pv_ramped_decaying_stream(0.0, 0.1, 3.0, 10.0)
    assert pv_ramped_decaying_stream(1e-10, 0.1, 3.0, 10.0) == pytest.approx(at_zero_rate, rel=1e-8)
    # δ = -λ (k = 0 up to rounding): still equal to the numerical convolution.
    numeric = numeric_ramped(-0.1, 0.1, 3.0, 10.0)
    assert pv_ramped_decaying_stream(math.expm1(-0.1), 0.1, 3.0, 10.0) == pytest.approx(
        numeric, rel=1e-8
    )


def test_ramped_stream_is_continuous_across_series_switch() -> None:
    """Values just below and above the internal series/recurrence switch (δM = 1) agree."""
    delta = np.array([1.0 - 1e-9, 1.0, 1.0 + 1e-9]) / 3.0
    values = pv_ramped_decaying_stream(np.expm1(delta), 0.0, 3.0, 10.0)
    np.testing.assert_allclose(values, values[1], rtol=1e-8)


def test_ramped_stream_infinite_horizon_is_finite_when_discounted() -> None:
    """T = ∞ with k > 0 is the limit of long horizons."""
    long = pv_ramped_decaying_stream(0.08, 0.1, 3.0, 1000.0)
    assert pv_ramped_decaying_stream(0.08, 0.1, 3.0, math.inf) == pytest.approx(long, rel=1e-14)
    assert pv_ramped_decaying_stream(0.0, 0.0, 3.0, math.inf) == math.inf


# --------------------------------------------------------------------------------------------
# learning curves


def test_wright_unit_cost_matches_doublings() -> None:
    """At 80 %: unit 2 = 0.8·C1, unit 4 = 0.64·C1, unit 8 = 0.512·C1; unit 1 = C1."""
    assert wright_unit_cost(1000.0, 1.0, 0.8) == 1000.0
    assert wright_unit_cost(1000.0, 2.0, 0.8) == pytest.approx(800.0, rel=1e-14)
    assert wright_unit_cost(1000.0, 4.0, 0.8) == pytest.approx(640.0, rel=1e-14)
    assert wright_unit_cost(1000.0, 8.0, 0.8) == pytest.approx(512.0, rel=1e-14)
    assert learning_exponent(0.85) == pytest.approx(-0.234465254, rel=1e-8)


def test_wright_average_cost_is_exact_without_learning() -> None:
    """At learning rate 1 every unit costs C1, so the average is exactly C1."""
    assert wright_average_cost(123.0, 7.0, 1.0, 5.0) == 123.0
    assert wright_average_cost(123.0, 1e6, 1.0) == 123.0


def test_wright_average_cost_uses_logarithm_at_fifty_percent() -> None:
    """At L = 0.5, b = -1 and ∫ x^b dx is a logarithm: units 3..6 average ln(6.5/2.5)/4."""
    assert wright_average_cost(1.0, 4.0, 0.5, 2.0) == pytest.approx(
        math.log(6.5 / 2.5) / 4, rel=1e-14
    )
    # From unit 1: 1 (exact first unit) + ln(4.5/1.5) for units 2..4, over 4 units = 0.52465.
    assert wright_average_cost(1.0, 4.0, 0.5) == pytest.approx((1 + math.log(3.0)) / 4, rel=1e-14)


def test_wright_average_cost_counts_first_unit_exactly() -> None:
    """A lone first unit costs exactly C1 at any learning rate (no midpoint overestimate)."""
    for learning_rate in (0.5, 0.8, 0.95):
        assert wright_average_cost(250.0, 1.0, learning_rate) == pytest.approx(250.0, rel=1e-15)
    # Units 1..2 at 80 %: exact (1 + 0.8)/2 = 0.9. Approx with c = 1 + log2(0.8) = 0.678072:
    # 2.5^c = 1.861367, 1.5^c = 1.316444, (1.861367 - 1.316444)/c = 0.803635 → (1 + 0.803635)/2.
    assert wright_average_cost(1.0, 2.0, 0.8) == pytest.approx(0.901817, abs=1e-6)


def test_wright_average_cost_is_continuous_in_prior_units() -> None:
    """Fractional prior units blend the exact first unit into the integral without jumps."""
    values = wright_average_cost(1.0, 10.0, 0.8, np.array([0.0, 1e-9, 1.0 - 1e-9, 1.0, 1.0 + 1e-9]))
    np.testing.assert_allclose(values[:2], values[0], rtol=1e-8)
    np.testing.assert_allclose(values[2:], values[3], rtol=1e-8)


@pytest.mark.parametrize("learning_rate", [0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0])
@pytest.mark.parametrize("prior", [0, 1, 5, 50])
def test_wright_average_cost_is_within_derived_bound_of_exact_sum(
    learning_rate: float, prior: int
) -> None:
    """Midpoint error lies in [Σ f''(n+½)/24, Σ f''(n-½)/24] for N = 1..40 units.

    Derivation: ∫_{n-½}^{n+½} x^b dx = n^b + f''(ξ_n)/24 for some ξ_n in (n-½, n+½) (midpoint
    rule), f''(x) = b(b-1)x^{b-2} is positive and decreasing for b ≤ 0, so the total error of
    the lot lies between b(b-1)/24·Σ(n+½)^{b-2} and b(b-1)/24·Σ(n-½)^{b-2}, the sums running
    over units n ≥ 2 (unit 1 is counted exactly); the average's error is that divided by N.
    A relative slack of 1e-12 covers rounding.
    """
    b = math.log2(learning_rate)
    for units in range(1, 41):
        n = np.arange(prior + 1, prior + units + 1, dtype=float)
        exact_average = float(np.sum(n**b)) / units
        approx_average = wright_average_cost(1.0, float(units), learning_rate, float(prior))
        error = approx_average - exact_average
        later = n[n >= 2]
        lower = b * (b - 1) / 24 * float(np.sum((later + 0.5) ** (b - 2))) / units
        upper = b * (b - 1) / 24 * float(np.sum((later - 0.5) ** (b - 2))) / units
        slack = 1e-12 * exact_average
        assert lower - slack <= error <= upper + slack, (units, error, lower, upper)


def test_wright_average_cost_is_accurate_for_large_lots() -> None:
    """For a 1000-unit lot at 85 % the closed form is within 0.01 % of the exact sum."""
    n = np.arange(1, 1001, dtype=float)
    exact = float(np.mean(n ** math.log2(0.85)))
    assert wright_average_cost(1.0, 1000.0, 0.85) == pytest.approx(exact, rel=1e-4)


def test_experience_curve_price_after_two_doublings() -> None:
    """Q0 = V = 100, t = 3 years: cumulative 400 = 2 doublings, 0.8² → 0.64·P0."""
    assert experience_curve_year_price(50.0, 100.0, 100.0, 0.8, 3.0) == pytest.approx(32.0)
    assert experience_curve_year_price(50.0, 100.0, 100.0, 0.8, 0.0) == 50.0
    assert experience_curve_year_price(50.0, 100.0, 0.0, 0.8, 9.0) == 50.0


def test_levelized_cost_divides_cost_by_output() -> None:
    """$1,000 over 250 units of output costs $4 per unit."""
    assert levelized_cost(1000.0, 250.0) == 4.0
    np.testing.assert_array_equal(
        levelized_cost(np.array([10.0, 20.0]), np.array([5.0, 4.0])), [2.0, 5.0]
    )


# --------------------------------------------------------------------------------------------
# validation


INVALID: list[tuple[Callable[..., Any], tuple[Any, ...], str, str]] = [
    (discount_factor, (-1.5, 1.0), "rate_per_year", "-1.5"),
    (discount_factor, (-1.0, 1.0), "rate_per_year", "-1.0"),
    (discount_factor, (math.nan, 1.0), "rate_per_year", "nan"),
    (discount_factor, (0.05, -2.0), "years", "-2.0"),
    (annuity_factor, (0.05, math.nan), "years", "nan"),
    (annuity_factor, (math.inf, 3.0), "rate_per_year", "inf"),
    (capital_recovery_factor, (0.05, 0.0), "years", "0.0"),
    (continuous_discount_rate, (-3.0,), "rate_per_year", "-3.0"),
    (present_value, (math.nan, 1.0, 0.05), "amounts_usd", "nan"),
    (present_value, (100.0, -1.0, 0.05), "years", "-1.0"),
    (pv_decaying_stream, (0.05, -0.1, 10.0), "decay_per_year", "-0.1"),
    (pv_decaying_stream, (0.05, 0.1, 3.0, 5.0), "years", "3.0"),
    (pv_decaying_stream, (0.05, 0.1, 10.0, -1.0), "start_years", "-1.0"),
    (pv_ramped_decaying_stream, (0.05, 0.1, -2.0, 10.0), "ramp_years", "-2.0"),
    (pv_ramped_decaying_stream, (0.05, 0.1, math.inf, 10.0), "ramp_years", "inf"),
    (wright_unit_cost, (100.0, 3.0, 0.0), "learning_rate", "0.0"),
    (wright_unit_cost, (100.0, 3.0, 1.2), "learning_rate", "1.2"),
    (wright_unit_cost, (100.0, 0.5, 0.8), "unit_number", "0.5"),
    (wright_unit_cost, (-100.0, 2.0, 0.8), "first_unit_cost_usd", "-100.0"),
    (wright_average_cost, (100.0, 0.0, 0.8), "units", "0.0"),
    (wright_average_cost, (100.0, 5.0, 0.8, -1.0), "prior_units", "-1.0"),
    (experience_curve_year_price, (10.0, 0.0, 5.0, 0.8, 1.0), "cumulative_today", "0.0"),
    (experience_curve_year_price, (10.0, 1.0, 5.0, 0.8, -1.0), "years_from_now", "-1.0"),
    (levelized_cost, (100.0, 0.0), "pv_output", "0.0"),
    (levelized_cost, (100.0, -5.0), "pv_output", "-5.0"),
    (levelized_cost, (math.nan, 5.0), "pv_cost_usd", "nan"),
]


@pytest.mark.parametrize(("function", "args", "name", "value"), INVALID)
def test_invalid_input_raises_value_error_naming_argument_and_value(
    function: Callable[..., Any], args: tuple[Any, ...], name: str, value: str
) -> None:
    """Out-of-domain input raises ValueError whose message names the argument and value."""
    with pytest.raises(ValueError, match=name) as info:
        function(*args)
    assert value in str(info.value)


def test_invalid_array_element_is_reported_with_its_index() -> None:
    """An array with one bad element reports that element, its index and the count."""
    rates = np.array([0.05, 0.07, -2.0, 0.1])
    with pytest.raises(ValueError, match=r"rate_per_year .* -2\.0 at index \(2,\) \(1 of 4"):
        annuity_factor(rates, 10.0)


# --------------------------------------------------------------------------------------------
# properties (hypothesis)


@FAST
@given(RATES, RATES, DECAYS, YEARS, YEARS)
def test_higher_discount_rate_lowers_present_values(
    rate_a: float, rate_b: float, decay: float, years: float, ramp: float
) -> None:
    """Raising the rate never raises an annuity, a stream, or a ramped stream's PV."""
    low, high = sorted((rate_a, rate_b))
    tol = 1e-12
    assert annuity_factor(high, years) <= annuity_factor(low, years) * (1 + tol)
    assert pv_decaying_stream(high, decay, years) <= pv_decaying_stream(low, decay, years) * (
        1 + tol
    )
    assert pv_ramped_decaying_stream(high, decay, ramp, years) <= pv_ramped_decaying_stream(
        low, decay, ramp, years
    ) * (1 + tol)
    assert present_value(100.0, years, high) <= present_value(100.0, years, low) * (1 + tol)


@FAST
@given(RATES, DECAYS, DECAYS, YEARS, YEARS)
def test_higher_decay_lowers_present_values(
    rate: float, decay_a: float, decay_b: float, years: float, ramp: float
) -> None:
    """Raising the failure hazard never raises the discounted expected output."""
    low, high = sorted((decay_a, decay_b))
    tol = 1e-12
    assert pv_decaying_stream(rate, high, years) <= pv_decaying_stream(rate, low, years) * (1 + tol)
    assert pv_ramped_decaying_stream(rate, high, ramp, years) <= pv_ramped_decaying_stream(
        rate, low, ramp, years
    ) * (1 + tol)


@FAST
@given(
    LEARNING,
    LEARNING,
    st.floats(min_value=1.0, max_value=1e6),
    st.floats(min_value=0.0, max_value=1e6),
)
def test_lower_learning_rate_lowers_average_cost(
    learning_a: float, learning_b: float, units: float, prior: float
) -> None:
    """A steeper learning curve (smaller rate) never costs more per unit on average."""
    low, high = sorted((learning_a, learning_b))
    tol = 1e-12
    assert wright_average_cost(1.0, units, low, prior) <= wright_average_cost(
        1.0, units, high, prior
    ) * (1 + tol)
    assert wright_unit_cost(1.0, units, low) <= wright_unit_cost(1.0, units, high) * (1 + tol)


@FAST
@given(RATES, DECAYS, st.floats(min_value=0.0, max_value=20.0), YEARS)
def test_ramped_stream_is_bounded_by_full_fleet_and_by_instant_deployment(
    rate: float, decay: float, ramp: float, years: float
) -> None:
    """Capacity stays in [0, 1]; with r ≥ 0 a ramp is also worth at most instant deployment."""
    ramped = pv_ramped_decaying_stream(rate, decay, ramp, years)
    full = pv_decaying_stream(rate, 0.0, years)
    assert 0.0 <= ramped <= full * (1 + 1e-12)
    if rate >= 0.0:
        # A unit deployed at τ is worth e^{-δτ}·∫_0^{T-τ} e^{-kx} dx ≤ ∫_0^T e^{-kx} dx.
        assert ramped <= pv_decaying_stream(rate, decay, years) * (1 + 1e-12)


# --------------------------------------------------------------------------------------------
# vectorization


def _random_inputs(rng: np.random.Generator, size: int) -> dict[str, np.ndarray[Any, Any]]:
    """Random valid arguments covering ordinary and edge-of-domain values."""
    return {
        "rate": rng.uniform(-0.5, 0.5, size),
        "decay": np.where(rng.random(size) < 0.2, 0.0, rng.uniform(0, 1, size)),
        "years": rng.uniform(0.0, 40.0, size),
        "start": rng.uniform(0.0, 5.0, size),
        "ramp": np.where(rng.random(size) < 0.2, 0.0, rng.uniform(0, 15, size)),
        "learning": rng.uniform(0.5, 1.0, size),
        "units": rng.uniform(1.0, 1000.0, size),
        "prior": rng.uniform(0.0, 100.0, size),
        "cost": rng.uniform(1.0, 1e6, size),
    }


def _present_value_per_design(
    amounts_usd: np.ndarray[Any, Any] | float,
    years: np.ndarray[Any, Any] | float,
    rate_per_year: np.ndarray[Any, Any] | float,
) -> Any:
    """One cash flow per design: give the flows a trailing axis of length 1 when arrays."""
    if isinstance(amounts_usd, np.ndarray):
        return present_value(
            amounts_usd[:, np.newaxis], np.asarray(years)[:, np.newaxis], rate_per_year
        )
    return present_value(amounts_usd, years, rate_per_year)


CASES: list[tuple[Callable[..., Any], tuple[str, ...]]] = [
    (discount_factor, ("rate", "years")),
    (annuity_factor, ("rate", "years")),
    (capital_recovery_factor, ("rate", "units")),
    (continuous_discount_rate, ("rate",)),
    (_present_value_per_design, ("cost", "years", "rate")),
    (pv_decaying_stream, ("rate", "decay", "years")),
    (pv_ramped_decaying_stream, ("rate", "decay", "ramp", "years")),
    (learning_exponent, ("learning",)),
    (wright_unit_cost, ("cost", "units", "learning")),
    (wright_average_cost, ("cost", "units", "learning", "prior")),
    (experience_curve_year_price, ("cost", "units", "units", "learning", "years")),
    (levelized_cost, ("cost", "units")),
]


@pytest.mark.parametrize(("function", "keys"), CASES)
def test_array_input_equals_elementwise_scalar_calls(
    function: Callable[..., Any], keys: tuple[str, ...]
) -> None:
    """Calling with arrays gives the same numbers as calling once per element with floats."""
    inputs = _random_inputs(np.random.default_rng(7), 50)
    arrays = [inputs[key] for key in keys]
    vectorized = function(*arrays)
    assert isinstance(vectorized, np.ndarray)
    assert vectorized.dtype == np.float64
    scalars = [function(*(float(a[i]) for a in arrays)) for i in range(50)]
    assert all(type(value) is float for value in scalars)
    np.testing.assert_allclose(vectorized, scalars, rtol=1e-13, atol=0.0)


def test_pv_decaying_stream_vectorizes_over_start_years() -> None:
    """start_years broadcasts too, and arrays of different shapes broadcast to a grid."""
    inputs = _random_inputs(np.random.default_rng(3), 20)
    starts = inputs["start"]
    ends = starts + inputs["years"]
    grid = pv_decaying_stream(inputs["rate"][:, np.newaxis], 0.1, ends, starts)
    assert grid.shape == (20, 20)
    assert grid[4, 9] == pytest.approx(
        pv_decaying_stream(float(inputs["rate"][4]), 0.1, float(ends[9]), float(starts[9])),
        rel=1e-13,
    )


def test_batch_of_100k_designs_is_finite_and_warning_free() -> None:
    """All functions evaluate 100,000 designs at once with finite results (speed: benchmarks/)."""
    inputs = _random_inputs(np.random.default_rng(11), 100_000)
    for function, keys in CASES:
        result = function(*(inputs[key] for key in keys))
        assert result.shape == (100_000,)
        assert np.all(np.isfinite(result)), function.__name__
