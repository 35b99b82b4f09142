"""Discounting, discounted output streams and learning curves for skyrack's cost model.

Every public function is a pure function of floats or numpy arrays. Arguments broadcast
against each other with numpy's rules, so a batch evaluator can pass arrays of 100,000
designs at once. If no argument is a ``numpy.ndarray``, the result is a Python ``float``;
otherwise it is a ``float64`` array (0-d if every array argument is 0-d).

Invalid input raises :class:`ValueError`. The message names the argument and the offending
value (for arrays: the first bad value, its index and how many values are bad).

Conventions and units
---------------------
* ``rate_per_year`` is an effective annual discount rate ``r`` (0.08 = 8 %/yr), ``r > -1``.
* Continuous-time formulas discount with the force of interest ``δ = ln(1 + r)`` per year, so
  a cash flow at time ``t`` is worth ``e^{-δ t} = (1 + r)^{-t}`` in both conventions.
* ``decay_per_year`` is a hazard rate ``λ ≥ 0`` per year: a unit survives to age ``a`` with
  probability ``e^{-λ a}``.
* ``years`` and ``start_years`` are times in years measured from the valuation date ``t = 0``.
  A horizon ``years`` may be ``+inf`` where the result stays meaningful (perpetuities).
* Stream present values are in "years of output at unit rate": multiply by an output rate
  (e.g. FLOP/yr or USD/yr) to get discounted output (FLOP or USD).

The equations, their derivations and their sources are in ``docs/economics.md``.

The evaluator calls the unchecked kernels ``discount_factor_kernel``, ``pv_decaying_stream_kernel``
and ``wright_average_cost_kernel``: the same equations on an array namespace ``xp`` (numpy
arrays or Python floats, :mod:`skyrack.array_api`) for inputs it validated once. The public
functions check their input and call them with numpy.
"""

import math
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from skyrack.array_api import NUMPY, ArrayNamespace
from skyrack.array_api import Real as Value  # a kernel's number: a float or a float64 array

__all__ = [
    "annuity_factor",
    "capital_recovery_factor",
    "continuous_discount_rate",
    "discount_factor",
    "experience_curve_year_price",
    "learning_exponent",
    "levelized_cost",
    "present_value",
    "pv_decaying_stream",
    "pv_ramped_decaying_stream",
    "wright_average_cost",
    "wright_unit_cost",
]

type FloatArray = npt.NDArray[np.float64]
type Real = float | npt.NDArray[Any]
"""A scalar or an array of real numbers (ints and numpy scalars are accepted too)."""

_SERIES_TERMS = 20
"""Terms of the Taylor series used for the second divided difference of exp (see _exp_dd2)."""

_SERIES_SPREAD = 1.0
"""Below this spread of the three nodes, _exp_dd2 uses the series instead of differences."""


# --------------------------------------------------------------------------------------------
# validation and result helpers


def _fail(name: str, arr: FloatArray, bad: npt.NDArray[np.bool_], requirement: str) -> None:
    """Raise a ValueError naming ``name`` and the first value of ``arr`` flagged by ``bad``."""
    if arr.ndim == 0:
        raise ValueError(f"{name} must be {requirement}, got {float(arr)!r}")
    index = tuple(int(i) for i in np.argwhere(bad)[0])
    count = int(np.count_nonzero(bad))
    raise ValueError(
        f"{name} must be {requirement}, got {float(arr[index])!r} at index {index} "
        f"({count} of {arr.size} values invalid)"
    )


def _checked(
    name: str,
    value: Real,
    *,
    minimum: float | None = None,
    minimum_open: bool = False,
    maximum: float | None = None,
    maximum_open: bool = False,
    allow_inf: bool = False,
) -> FloatArray:
    """Convert ``value`` to a float64 array and check it is in the stated interval.

    NaN is always rejected. Infinities are rejected unless ``allow_inf``, in which case they
    still have to satisfy the bounds (so ``minimum=0, allow_inf=True`` admits ``+inf`` only).
    """
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} must be a real number or array, got {value!r}") from exc
    bad = np.isnan(arr)
    if bad.any():
        _fail(name, arr, bad, "a number, not NaN")
    if not allow_inf:
        bad = np.isinf(arr)
        if bad.any():
            _fail(name, arr, bad, "finite")
    if minimum is not None:
        bad = arr <= minimum if minimum_open else arr < minimum
        if bad.any():
            _fail(name, arr, bad, f"{'>' if minimum_open else '>='} {minimum:g}")
    if maximum is not None:
        bad = arr >= maximum if maximum_open else arr > maximum
        if bad.any():
            _fail(name, arr, bad, f"{'<' if maximum_open else '<='} {maximum:g}")
    return arr


def _rate(value: Real) -> FloatArray:
    """Validate an annual discount rate: finite and > -1."""
    return _checked("rate_per_year", value, minimum=-1.0, minimum_open=True)


def _learning_rate(value: Real) -> FloatArray:
    """Validate a Wright learning rate: in (0, 1]."""
    return _checked("learning_rate", value, minimum=0.0, minimum_open=True, maximum=1.0)


def _result(value: FloatArray, *inputs: object) -> float | FloatArray:
    """Return a Python float when no input is an ndarray, else a float64 array."""
    if any(isinstance(x, np.ndarray) for x in inputs):
        return np.asarray(value, dtype=np.float64)
    return float(value)


# --------------------------------------------------------------------------------------------
# numerical kernels (inputs already validated; on numpy, callers silence the warnings of
# masked-out branches with np.errstate(all="ignore"))


_SMALL = 1e-5
"""Below this magnitude the kernels switch to Taylor series (error < 1e-21 relative)."""


def _phi1(xp: ArrayNamespace, z: Value) -> Value:
    """φ₁(z) = (e^z − 1)/z with φ₁(0) = 1, φ₁(−∞) = 0 and φ₁(+∞) = +∞.

    |z| < 1e-5 uses 1 + z/2 + z²/6 + z³/24 (so zero and subnormal z lose no precision);
    elsewhere expm1(z)/z, which is accurate to a few ulps.
    """
    small = xp.abs(z) < _SMALL
    series = 1.0 + z / 2.0 * (1.0 + z / 3.0 * (1.0 + z / 4.0))
    safe = xp.where(small, 1.0, z)
    value = xp.expm1(safe) / safe
    return xp.where(small, series, xp.where(xp.isposinf(z), math.inf, value))


def _log1p_ratio(rate: FloatArray) -> FloatArray:
    """δ/r = ln(1 + r)/r with the value 1 at r = 0 (series 1 − r/2 + r²/3 for |r| < 1e-5)."""
    small = np.abs(rate) < _SMALL
    with np.errstate(all="ignore"):
        series = 1.0 - rate / 2.0 * (1.0 - rate * (2.0 / 3.0) * (1.0 - rate * 0.75))
        value = np.log1p(rate) / np.where(small, 1.0, rate)
    return np.where(small, series, value)


def _int_exp(xp: ArrayNamespace, k: Value, duration: Value) -> Value:
    """∫₀^D e^{−k t} dt = D·φ₁(−k D); equals D at k = 0 and 1/k (k > 0) or +∞ at D = +∞."""
    infinite = xp.isinf(duration)
    finite_duration = xp.where(infinite, 0.0, duration)
    finite_value = finite_duration * _phi1(xp, -k * finite_duration)
    infinite_value = xp.where(k > 0.0, 1.0 / xp.where(k > 0.0, k, 1.0), math.inf)
    return xp.where(infinite, infinite_value, finite_value)


def _exp_dd2(p: FloatArray, q: FloatArray) -> FloatArray:
    """Second divided difference of exp at the nodes 0, p, q: exp[0, p, q].

    By the Hermite–Genocchi formula this is ∫∫_{0≤v≤s≤1} e^{p s + (q−p) v} dv ds, which is how
    it enters the ramped stream. The nodes are sorted (x₀ ≤ x₁ ≤ x₂) and shifted by x₂ so the
    exponentials never overflow: exp[x₀, x₁, x₂] = e^{x₂}·exp[u, v, 0] with u = x₀ − x₂ ≤ v =
    x₁ − x₂ ≤ 0. If the spread −u < 1 the Taylor series Σₙ hₙ(u, v)/(n+2)! is summed (hₙ the
    complete homogeneous polynomial, 20 terms: truncation < 1e-19); otherwise the recurrence
    (exp[v, 0] − exp[u, v])/(0 − u), whose subtraction cannot cancel badly once −u ≥ 1.
    """
    p, q = np.broadcast_arrays(np.asarray(p, dtype=np.float64), np.asarray(q, dtype=np.float64))
    nodes = np.sort(np.stack([np.zeros(p.shape), p, q]), axis=0)
    top = nodes[2]
    u = nodes[0] - top
    v = nodes[1] - top
    spread = -u
    with np.errstate(all="ignore"):
        # Series: exp[u, v, 0] = Σ_{n≥0} h_n(u, v) / (n + 2)!, h_n = v^n + u·h_{n−1}, h_0 = 1.
        h = np.ones(u.shape)
        v_power = np.ones(u.shape)
        series = h / 2.0
        for n in range(1, _SERIES_TERMS):
            v_power = v_power * v
            h = v_power + u * h
            series = series + h / math.factorial(n + 2)
        # Recurrence: exp[v, 0] = φ₁(v), exp[u, v] = e^v·φ₁(u − v); both lie in (0, 1].
        denominator = np.where(spread >= _SERIES_SPREAD, spread, 1.0)
        recurrence = (_phi1(NUMPY, v) - np.exp(v) * _phi1(NUMPY, u - v)) / denominator
        shifted = np.where(spread < _SERIES_SPREAD, series, recurrence)
        value: FloatArray = np.exp(top) * shifted
    return value


# --------------------------------------------------------------------------------------------
# discounting


@overload
def discount_factor(rate_per_year: float, years: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def discount_factor(rate_per_year: Real, years: Real) -> FloatArray: ...
def discount_factor(rate_per_year: Real, years: Real) -> float | FloatArray:
    """Present value of 1 USD received after ``years``: ``(1 + r)^{−t}`` (dimensionless).

    Computed as ``exp(−t·ln(1 + r))``. ``rate_per_year`` r > −1 (1/yr), ``years`` t ≥ 0 (yr,
    ``+inf`` allowed: the factor is 0 for r > 0, 1 for r = 0, +inf for r < 0).
    """
    rate = _rate(rate_per_year)
    t = _checked("years", years, minimum=0.0, allow_inf=True)
    with np.errstate(all="ignore"):
        return _result(discount_factor_kernel(NUMPY, rate, t), rate_per_year, years)


def discount_factor_kernel(xp: ArrayNamespace, rate_per_year: Value, years: Value) -> Value:
    """Unchecked :func:`discount_factor` on namespace ``xp``."""
    return _discount(xp, xp.log1p(rate_per_year), years)


def _discount(xp: ArrayNamespace, delta: Value, t: Value) -> Value:
    """e^{−δ t}, with 0·∞ read as 0 (no discounting at δ = 0 even for t = ∞)."""
    exponent = xp.where(delta == 0.0, 0.0, -delta * t)
    return xp.exp(exponent)


@overload
def present_value(amounts_usd: float, years: float, rate_per_year: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def present_value(amounts_usd: Real, years: Real, rate_per_year: Real) -> FloatArray: ...
def present_value(amounts_usd: Real, years: Real, rate_per_year: Real) -> float | FloatArray:
    """Present value (USD) of cash flows ``amounts_usd`` paid at times ``years``.

    ``PV = Σ_i A_i (1 + r)^{−t_i}``, the sum running over the **last** axis.

    ``amounts_usd`` (USD, any sign, finite) and ``years`` (yr, ≥ 0) broadcast together; their
    last axis indexes the cash flows (a scalar pair is one cash flow). ``rate_per_year``
    (r > −1) broadcasts against the remaining leading axes, so amounts of shape (20,) at years
    (20,) with rates of shape (100000,) give 100000 present values.
    """
    amounts = _checked("amounts_usd", amounts_usd)
    t = _checked("years", years, minimum=0.0, allow_inf=True)
    rate = _rate(rate_per_year)
    amounts, t = np.broadcast_arrays(np.atleast_1d(amounts), np.atleast_1d(t))
    with np.errstate(all="ignore"):
        factors = _discount(NUMPY, np.log1p(rate)[..., np.newaxis], t)
        # A zero amount is worth 0 even where the factor is +inf (r < 0, t = inf): no NaN.
        terms = np.where(amounts == 0.0, 0.0, amounts * factors)
    return _result(np.sum(terms, axis=-1), amounts_usd, years, rate_per_year)


@overload
def annuity_factor(rate_per_year: float, years: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def annuity_factor(rate_per_year: Real, years: Real) -> FloatArray: ...
def annuity_factor(rate_per_year: Real, years: Real) -> float | FloatArray:
    """Present value (USD) of 1 USD paid at the end of each year for ``years`` years.

    ``a(r, n) = (1 − (1 + r)^{−n}) / r``, with the limit ``a(0, n) = n``. Computed as
    ``n·φ₁(−n δ)·(δ/r)``, δ = ln(1 + r), φ₁(z) = expm1(z)/z, each factor by a Taylor series
    near 0, so it is accurate as r → 0 (subnormal r included) and exact at r = 0.
    ``rate_per_year`` r > −1, ``years`` n ≥ 0 (fractional allowed; ``+inf`` gives the
    perpetuity 1/r for r > 0 and +inf for r ≤ 0). Example: a(0.08, 10) = 6.7101.
    """
    rate = _rate(rate_per_year)
    n = _checked("years", years, minimum=0.0, allow_inf=True)
    return _result(_annuity(rate, n), rate_per_year, years)


def _annuity(rate: FloatArray, n: FloatArray) -> FloatArray:
    """Annuity factor for validated arrays: ∫₀ⁿ e^{−δt} dt · δ/r (see annuity_factor)."""
    with np.errstate(all="ignore"):
        value: FloatArray = _int_exp(NUMPY, np.log1p(rate), n) * _log1p_ratio(rate)
    return value


@overload
def capital_recovery_factor(rate_per_year: float, years: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def capital_recovery_factor(rate_per_year: Real, years: Real) -> FloatArray: ...
def capital_recovery_factor(rate_per_year: Real, years: Real) -> float | FloatArray:
    """Level annual payment (USD/yr) that repays 1 USD of capital over ``years``: ``1/a(r, n)``.

    ``CRF = r / (1 − (1 + r)^{−n})``, with ``CRF(0, n) = 1/n``. ``rate_per_year`` r > −1,
    ``years`` n > 0 (``+inf`` gives r for r > 0 and 0 for r ≤ 0). Example: CRF(0.08, 10) =
    0.14903.
    """
    rate = _rate(rate_per_year)
    n = _checked("years", years, minimum=0.0, minimum_open=True, allow_inf=True)
    with np.errstate(all="ignore"):
        value = 1.0 / _annuity(rate, n)
    return _result(value, rate_per_year, years)


@overload
def continuous_discount_rate(rate_per_year: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def continuous_discount_rate(rate_per_year: Real) -> FloatArray: ...
def continuous_discount_rate(rate_per_year: Real) -> float | FloatArray:
    """Force of interest ``δ = ln(1 + r)`` (1/yr) equivalent to annual rate r > −1.

    Continuous discounting ``e^{−δ t}`` then equals annual discounting ``(1 + r)^{−t}``.
    """
    rate = _rate(rate_per_year)
    return _result(np.log1p(rate), rate_per_year)


# --------------------------------------------------------------------------------------------
# discounted output streams


@overload
def pv_decaying_stream(  # type: ignore[overload-overlap]
    rate_per_year: float, decay_per_year: float, years: float, start_years: float = 0.0
) -> float: ...
@overload
def pv_decaying_stream(
    rate_per_year: Real, decay_per_year: Real, years: Real, start_years: Real = 0.0
) -> FloatArray: ...
def pv_decaying_stream(
    rate_per_year: Real, decay_per_year: Real, years: Real, start_years: Real = 0.0
) -> float | FloatArray:
    """Discounted expected output (yr) of a unit-rate stream decaying with hazard λ.

    ``∫_s^T e^{−(δ+λ) t} dt = (e^{−k s} − e^{−k T}) / k`` with ``k = δ + λ``, ``δ = ln(1 + r)``;
    the limit at k = 0 is ``T − s``. Computed as ``e^{−k s}·(T − s)·φ₁(−k (T − s))`` with
    ``φ₁(z) = expm1(z)/z``, accurate for all k and free of warnings.

    Note the decay is counted from t = 0, not from ``start_years``: a unit launched at 0 whose
    output is only counted from s. For a stream that starts fresh at s, multiply by e^{λ s}.

    ``rate_per_year`` r > −1; ``decay_per_year`` λ ≥ 0 (1/yr); ``years`` T ≥ s (yr, ``+inf``
    allowed: e^{−k s}/k for k > 0, +inf otherwise); ``start_years`` s ≥ 0 (yr, finite).
    Multiply by the initial output rate (e.g. FLOP/yr) to get discounted expected output.
    """
    rate = _rate(rate_per_year)
    decay = _checked("decay_per_year", decay_per_year, minimum=0.0)
    end = _checked("years", years, minimum=0.0, allow_inf=True)
    start = _checked("start_years", start_years, minimum=0.0)
    end, start = np.broadcast_arrays(end, start)
    bad = end < start
    if bad.any():
        _fail("years", end, bad, ">= start_years")
    with np.errstate(all="ignore"):
        value = pv_decaying_stream_kernel(NUMPY, rate, decay, end, start)
    return _result(value, rate_per_year, decay_per_year, years, start_years)


def pv_decaying_stream_kernel(
    xp: ArrayNamespace,
    rate_per_year: Value,
    decay_per_year: Value,
    years: Value,
    start_years: Value = 0.0,
) -> Value:
    """Unchecked :func:`pv_decaying_stream` on namespace ``xp``."""
    k = xp.log1p(rate_per_year) + decay_per_year
    if xp.scalar:  # the same arithmetic as below, without the array guards (hot in evaluate)
        return _scalar_decaying_stream(k, years, start_years)
    return _discount(xp, k, start_years) * _int_exp(xp, k, years - start_years)


def _scalar_decaying_stream(k: float, years: float, start_years: float) -> float:
    """e^{−k s}·∫₀^{T−s} e^{−k t} dt on floats, as _discount × _int_exp compute it."""
    discount = 1.0 if k == 0.0 else math.exp(-k * start_years)
    duration = years - start_years
    if duration == math.inf:
        return discount * (1.0 / k if k > 0.0 else math.inf)
    z = -k * duration
    if abs(z) < _SMALL:
        return discount * duration * (1.0 + z / 2.0 * (1.0 + z / 3.0 * (1.0 + z / 4.0)))
    return discount * duration * (math.expm1(z) / z)


def decaying_stream_years_kernel(xp: ArrayNamespace, decay_per_year: Value, area: Value) -> Value:
    """The inverse of a decaying stream: the T ≥ 0 with ∫₀^T e^{−k t} dt = ``area`` [yr], i.e.
    −ln(1 − k·area)/k (``area`` at k = 0; +inf when k·area ≥ 1, which no T reaches), for
    k = ``decay_per_year`` ≥ 0 and ``area`` ≥ 0. Unchecked, on namespace ``xp``."""
    z = decay_per_year * area
    small = xp.abs(z) < _SMALL
    safe = xp.where(small | (z >= 1.0), 0.5, z)
    ratio = xp.where(small, 1.0 + z / 2.0 * (1.0 + z * (2.0 / 3.0)), -xp.log1p(-safe) / safe)
    return xp.where(z >= 1.0, math.inf, area * ratio)


@overload
def pv_ramped_decaying_stream(  # type: ignore[overload-overlap]
    rate_per_year: float, decay_per_year: float, ramp_years: float, years: float
) -> float: ...
@overload
def pv_ramped_decaying_stream(
    rate_per_year: Real, decay_per_year: Real, ramp_years: Real, years: Real
) -> FloatArray: ...
def pv_ramped_decaying_stream(
    rate_per_year: Real, decay_per_year: Real, ramp_years: Real, years: Real
) -> float | FloatArray:
    """Discounted expected output (yr) of a fleet deployed uniformly over ``[0, R]``.

    One unit of capacity in total is deployed at the constant rate 1/R per year over
    ``[0, R]``; each unit then produces at unit rate, surviving with hazard λ, until the
    horizon T. The expected operating capacity is the convolution
    ``N(t) = (1/R) ∫_0^{min(t, R)} e^{−λ (t − τ)} dτ`` and the result is
    ``PV = ∫_0^T e^{−δ t} N(t) dt``, δ = ln(1 + r). With ``M = min(R, T)`` and ``ρ = M/R``
    (ρ = 1 at R = 0), the closed form is

        PV = M·ρ·exp[0, −δM, −kM] + ρ·φ₁(−λM)·e^{−δM}·(1 − e^{−k (T − M)})/k,   k = δ + λ,

    where ``exp[0, p, q]`` is the second divided difference of exp (ramp phase) and
    ``φ₁(z) = (e^z − 1)/z`` (``ρ·φ₁(−λM) = N(M)``, the capacity when deployment stops). For
    R > 0 and δ, λ, k ≠ 0 this equals ``[(1 − e^{−δM})/δ − e^{−kT}(e^{λM} − 1)/λ] / (R k)``;
    every limit (R → 0, λ → 0, δ → 0, k → 0, R ≥ T) is evaluated without cancellation or
    warnings.
    At R = 0 it reduces to ``pv_decaying_stream(r, λ, T)``.

    ``rate_per_year`` r > −1; ``decay_per_year`` λ ≥ 0 (1/yr); ``ramp_years`` R ≥ 0 (yr,
    finite; R > T means deployment is unfinished at the horizon); ``years`` T ≥ 0 (yr, ``+inf``
    allowed). Multiply by the full-fleet output rate (e.g. FLOP/yr) for discounted output.
    """
    rate = _rate(rate_per_year)
    decay = _checked("decay_per_year", decay_per_year, minimum=0.0)
    ramp = _checked("ramp_years", ramp_years, minimum=0.0)
    horizon = _checked("years", years, minimum=0.0, allow_inf=True)
    delta = np.log1p(rate)
    k = delta + decay
    m = np.minimum(ramp, horizon)
    with np.errstate(all="ignore"):
        ratio = np.where(ramp > 0.0, np.minimum(1.0, horizon / np.where(ramp > 0, ramp, 1.0)), 1.0)
        ramp_phase = m * ratio * _exp_dd2(-delta * m, -k * m)
        survivors_at_m = ratio * _phi1(NUMPY, -decay * m)
        after_ramp = survivors_at_m * np.exp(-delta * m) * _int_exp(NUMPY, k, horizon - m)
        value = ramp_phase + after_ramp
    return _result(value, rate_per_year, decay_per_year, ramp_years, years)


# --------------------------------------------------------------------------------------------
# learning curves


@overload
def learning_exponent(learning_rate: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def learning_exponent(learning_rate: Real) -> FloatArray: ...
def learning_exponent(learning_rate: Real) -> float | FloatArray:
    """Wright exponent ``b = log₂(L)`` (dimensionless, ≤ 0) for learning rate L in (0, 1].

    L = 0.85 means each doubling of cumulative production costs 85 % (b ≈ −0.2345).
    """
    lr = _learning_rate(learning_rate)
    return _result(np.log2(lr), learning_rate)


@overload
def wright_unit_cost(  # type: ignore[overload-overlap]
    first_unit_cost_usd: float, unit_number: float, learning_rate: float
) -> float: ...
@overload
def wright_unit_cost(
    first_unit_cost_usd: Real, unit_number: Real, learning_rate: Real
) -> FloatArray: ...
def wright_unit_cost(
    first_unit_cost_usd: Real, unit_number: Real, learning_rate: Real
) -> float | FloatArray:
    """Cost (USD) of the n-th unit by Wright's law: ``C_n = C₁·n^{log₂ L}``.

    ``first_unit_cost_usd`` C₁ ≥ 0 (USD); ``unit_number`` n ≥ 1 (real values allowed);
    ``learning_rate`` L in (0, 1]. Example: L = 0.8 gives C₄ = 0.64·C₁ and C₈ = 0.512·C₁.
    """
    first = _checked("first_unit_cost_usd", first_unit_cost_usd, minimum=0.0)
    n = _checked("unit_number", unit_number, minimum=1.0)
    b = np.log2(_learning_rate(learning_rate))
    return _result(first * np.power(n, b), first_unit_cost_usd, unit_number, learning_rate)


@overload
def wright_average_cost(  # type: ignore[overload-overlap]
    first_unit_cost_usd: float, units: float, learning_rate: float, prior_units: float = 0.0
) -> float: ...
@overload
def wright_average_cost(
    first_unit_cost_usd: Real, units: Real, learning_rate: Real, prior_units: Real = 0.0
) -> FloatArray: ...
def wright_average_cost(
    first_unit_cost_usd: Real, units: Real, learning_rate: Real, prior_units: Real = 0.0
) -> float | FloatArray:
    """Average cost (USD/unit) of units P+1 … P+N on a Wright curve, in closed form.

    The exact average is ``(C₁/N)·Σ_{n=P+1}^{P+N} n^b``, ``b = log₂ L``. Unit 1 (if in the lot)
    is counted exactly and the other units by the midpoint integral ``∫_{n−½}^{n+½} x^b dx``:

        avg = C₁·[w + ∫_a^{P+N+½} x^b dx] / N,   w = clip(1 − P, 0, 1),   a = max(P + ½, 3/2),

    with ``∫_a^z x^b dx = (z^c − a^c)/c``, ``c = b + 1``, evaluated as ``a^c·ℓ·φ₁(c ℓ)``,
    ``ℓ = ln(z/a)``, ``φ₁(x) = expm1(x)/x`` (so c = 0, i.e. L = ½, gives ``ln(z/a)``). For
    P ≥ 1 this is the textbook midpoint formula ``C₁·[(N+P+½)^c − (P+½)^c]/(c N)``. Counting
    unit 1 exactly matters: the plain formula prices a lone first unit at
    ``C₁·(1.5^c − 0.5^c)/c`` (+2.0 % at L = 0.8, +9.9 % at L = 0.5) and, because x^b grows as
    L falls for x < 1, it would make a steeper learning curve *raise* the cost of small lots
    that start at unit 1. With unit 1 exact the result is non-increasing in L and exact at
    L = 1 (returns C₁).

    Error (x^b is convex, f'' = b(b−1)x^{b−2} decreasing): the approximation exceeds the exact
    average by between ``C₁·b(b−1)/(24 N)·Σ (n+½)^{b−2}`` and ``C₁·b(b−1)/(24 N)·Σ (n−½)^{b−2}``,
    sums over the lot's units n ≥ 2. The worst case is a lone second unit (N = 1, P = 1):
    +0.19 % at L = 0.9, +0.45 % at L = 0.8, +2.2 % at L = 0.5; it shrinks as N or P grows
    (1000 units from P = 0 at L = 0.85: < 0.01 %). See docs/economics.md.

    ``first_unit_cost_usd`` C₁ ≥ 0 (USD); ``units`` N ≥ 1; ``learning_rate`` L in (0, 1];
    ``prior_units`` P ≥ 0 (units already built). Multiply by N for the lot's total cost.
    """
    first = _checked("first_unit_cost_usd", first_unit_cost_usd, minimum=0.0)
    n = _checked("units", units, minimum=1.0)
    lr = _learning_rate(learning_rate)
    prior = _checked("prior_units", prior_units, minimum=0.0)
    with np.errstate(all="ignore"):
        value = wright_average_cost_kernel(NUMPY, first, n, lr, prior)
    return _result(value, first_unit_cost_usd, units, learning_rate, prior_units)


def wright_average_cost_kernel(
    xp: ArrayNamespace,
    first_unit_cost_usd: Value,
    units: Value,
    learning_rate: Value,
    prior_units: Value = 0.0,
) -> Value:
    """Unchecked :func:`wright_average_cost` on namespace ``xp``."""
    c = xp.log2(learning_rate) + 1.0
    first_unit_weight = xp.clip(1.0 - prior_units, 0.0, 1.0)
    lower = xp.maximum(prior_units + 0.5, 1.5)
    # upper − lower = N − (1 − P)⁺ ≥ 0 since N ≥ 1.
    log_ratio = xp.log1p((units - first_unit_weight) / lower)
    integral = xp.power(lower, c) * log_ratio * _phi1(xp, c * log_ratio)
    average = first_unit_cost_usd * (first_unit_weight + integral) / units
    return xp.where(learning_rate == 1.0, first_unit_cost_usd * xp.ones_like(average), average)


@overload
def experience_curve_year_price(  # type: ignore[overload-overlap]
    price_today_usd: float,
    cumulative_today: float,
    annual_volume: float,
    learning_rate: float,
    years_from_now: float,
) -> float: ...
@overload
def experience_curve_year_price(
    price_today_usd: Real,
    cumulative_today: Real,
    annual_volume: Real,
    learning_rate: Real,
    years_from_now: Real,
) -> FloatArray: ...
def experience_curve_year_price(
    price_today_usd: Real,
    cumulative_today: Real,
    annual_volume: Real,
    learning_rate: Real,
    years_from_now: Real,
) -> float | FloatArray:
    """Unit price (USD) after cumulative production grows linearly for ``years_from_now``.

    ``P(t) = P₀·(1 + V t / Q₀)^{log₂ L}``: cumulative production goes from Q₀ to Q₀ + V t and
    the price follows the experience curve (price ∝ cumulative^{log₂ L}).

    ``price_today_usd`` P₀ ≥ 0 (USD); ``cumulative_today`` Q₀ > 0 (units);
    ``annual_volume`` V ≥ 0 (units/yr); ``learning_rate`` L in (0, 1]; ``years_from_now``
    t ≥ 0 (yr). Example: Q₀ = V, L = 0.8, t = 3 (cumulative ×4) gives 0.64·P₀.
    """
    price = _checked("price_today_usd", price_today_usd, minimum=0.0)
    q0 = _checked("cumulative_today", cumulative_today, minimum=0.0, minimum_open=True)
    volume = _checked("annual_volume", annual_volume, minimum=0.0)
    b = np.log2(_learning_rate(learning_rate))
    t = _checked("years_from_now", years_from_now, minimum=0.0)
    value = price * np.exp(b * np.log1p(volume * t / q0))
    return _result(
        value, price_today_usd, cumulative_today, annual_volume, learning_rate, years_from_now
    )


# --------------------------------------------------------------------------------------------
# levelized cost


@overload
def levelized_cost(pv_cost_usd: float, pv_output: float) -> float: ...  # type: ignore[overload-overlap]
@overload
def levelized_cost(pv_cost_usd: Real, pv_output: Real) -> FloatArray: ...
def levelized_cost(pv_cost_usd: Real, pv_output: Real) -> float | FloatArray:
    """Levelized cost (USD per unit of output): ``LCO = PV(costs) / PV(output)``.

    Both sides discounted at the same rate (e.g. output from :func:`pv_decaying_stream` times
    an output rate). ``pv_cost_usd`` finite (USD, any sign); ``pv_output`` > 0 and finite
    (output units, e.g. FLOP), otherwise ValueError.
    """
    cost = _checked("pv_cost_usd", pv_cost_usd)
    output = _checked("pv_output", pv_output, minimum=0.0, minimum_open=True)
    return _result(cost / output, pv_cost_usd, pv_output)
