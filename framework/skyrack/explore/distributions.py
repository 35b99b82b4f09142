"""Probability distributions of uncertain inputs: uniform, triangular, normal, lognormal.

A distribution draws values by its inverse CDF from uniform numbers ``u`` in (0, 1), so Monte
Carlo (pseudo-random ``u``) and Sobol analysis (quasi-random ``u``) share one code path. Every
distribution is *truncated* to ``[low, high]`` when given and always to the domain of the field
it describes (a price stays positive, a probability stays in [0, 1]): a draw is
``ppf(F(a) + u·(F(b) − F(a)))`` with ``F`` the untruncated CDF and ``[a, b]`` the bounds.

In a study (``[uncertainty.<section>]``, see ``docs/studies.md``)::

    price_usd_per_kg = { distribution = "lognormal", median = 200, sigma = 0.7 }
    failure_rate_per_year = { distribution = "triangular", low = 0.02, mode = 0.09, high = 0.3 }
    unit_price_usd = { distribution = "uniform", low = 25_000, high = 40_000 }
    pue = { distribution = "normal", mean = 1.2, sd = 0.05, low = 1.0 }
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

_U_EPSILON = 1e-12
"""Uniform numbers are kept within [ε, 1 − ε], so a draw never lands on an open bound."""


def _finite(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


@attrs.frozen(kw_only=True)
class Distribution:
    """A univariate distribution, optionally truncated to ``[low, high]``."""

    kind: ClassVar[str] = "distribution"
    parameters: ClassVar[tuple[str, ...]] = ()
    """Its required keys in a study, besides ``distribution``."""

    def cdf(self, x: npt.ArrayLike) -> FloatArray:  # pragma: no cover - subclasses override
        """The untruncated cumulative distribution function."""
        raise NotImplementedError

    def _ppf(self, p: FloatArray) -> FloatArray:  # pragma: no cover - subclasses override
        """The untruncated inverse CDF."""
        raise NotImplementedError

    @property
    def bounds(self) -> tuple[float, float]:
        """Where its values lie: ``(low, high)``, infinite when unbounded."""
        return (-math.inf, math.inf)

    def ppf(self, u: npt.ArrayLike, domain: tuple[float, float] | None = None) -> FloatArray:
        """Values at the probabilities ``u`` in (0, 1), truncated to its bounds and ``domain``."""
        low, high = self.bounds
        if domain is not None:
            low, high = max(low, domain[0]), min(high, domain[1])
        if not low < high:
            raise ValueError(
                f"{self.describe()} has no probability inside the allowed range [{low:g}, {high:g}]"
            )
        lo_p, hi_p = float(self.cdf(low)), float(self.cdf(high))
        if not hi_p > lo_p:
            raise ValueError(
                f"{self.describe()} puts no probability inside the allowed range "
                f"[{low:g}, {high:g}]"
            )
        p = lo_p + np.clip(np.asarray(u, dtype=np.float64), _U_EPSILON, 1 - _U_EPSILON) * (
            hi_p - lo_p
        )
        with np.errstate(over="ignore"):  # a huge sigma overflows to inf, clipped to the bound
            values: FloatArray = np.clip(self._ppf(p), low, high)
        return values

    def plausible_range(self, domain: tuple[float, float] | None = None) -> tuple[float, float]:
        """The range a tornado swings it over: its bounds for uniform and triangular, the 5th
        and 95th percentiles for normal and lognormal."""
        low, high = self.ppf([0.05, 0.95], domain)
        return float(low), float(high)

    def describe(self) -> str:
        """One line such as ``triangular(0.02, 0.09, 0.3)``."""
        values = ", ".join(f"{name}={getattr(self, name):,.6g}" for name in self.parameters)
        return f"{self.kind}({values})"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"distribution": kind, parameter: value, ...}``."""
        data = {"distribution": self.kind}
        data.update(attrs.asdict(self))
        return {key: value for key, value in data.items() if value is not None}


@attrs.frozen(kw_only=True)
class Uniform(Distribution):
    """Every value in ``[low, high]`` equally likely."""

    kind: ClassVar[str] = "uniform"
    parameters: ClassVar[tuple[str, ...]] = ("low", "high")
    low: float
    high: float

    def __attrs_post_init__(self) -> None:
        if not _finite(self.low, "low") < _finite(self.high, "high"):
            raise ValueError(f"needs low < high, got low={self.low!r}, high={self.high!r}")

    def cdf(self, x: npt.ArrayLike) -> FloatArray:
        value: FloatArray = np.clip((np.asarray(x) - self.low) / (self.high - self.low), 0, 1)
        return value

    def _ppf(self, p: FloatArray) -> FloatArray:
        return self.low + p * (self.high - self.low)

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.low, self.high)

    def plausible_range(self, domain: tuple[float, float] | None = None) -> tuple[float, float]:
        low, high = self.ppf([0.0, 1.0], domain)
        return float(low), float(high)


@attrs.frozen(kw_only=True)
class Triangular(Distribution):
    """Density rising linearly from ``low`` to ``mode`` and falling to ``high``."""

    kind: ClassVar[str] = "triangular"
    parameters: ClassVar[tuple[str, ...]] = ("low", "mode", "high")
    low: float
    mode: float
    high: float

    def __attrs_post_init__(self) -> None:
        low, mode, high = (_finite(getattr(self, n), n) for n in self.parameters)
        if not (low <= mode <= high and low < high):
            raise ValueError(
                f"needs low ≤ mode ≤ high and low < high, got low={low:g}, mode={mode:g}, "
                f"high={high:g}"
            )

    def cdf(self, x: npt.ArrayLike) -> FloatArray:
        a, c, b = self.low, self.mode, self.high
        x = np.clip(np.asarray(x, dtype=np.float64), a, b)
        with np.errstate(divide="ignore", invalid="ignore"):
            rising = np.where(c > a, (x - a) ** 2 / ((b - a) * (c - a)), 0.0)
            falling = np.where(b > c, 1 - (b - x) ** 2 / ((b - a) * (b - c)), 1.0)
        value: FloatArray = np.where(x <= c, rising, falling)
        return value

    def _ppf(self, p: FloatArray) -> FloatArray:
        """F⁻¹(p) = a + √(p (b − a)(c − a)) below F(c) = (c − a)/(b − a), else
        b − √((1 − p)(b − a)(b − c))."""
        a, c, b = self.low, self.mode, self.high
        split = (c - a) / (b - a)
        value: FloatArray = np.where(
            p < split,
            a + np.sqrt(p * (b - a) * (c - a)),
            b - np.sqrt((1 - p) * (b - a) * (b - c)),
        )
        return value

    @property
    def bounds(self) -> tuple[float, float]:
        return (self.low, self.high)

    def plausible_range(self, domain: tuple[float, float] | None = None) -> tuple[float, float]:
        low, high = self.ppf([0.0, 1.0], domain)
        return float(low), float(high)


@attrs.frozen(kw_only=True)
class Normal(Distribution):
    """Gaussian with ``mean`` and standard deviation ``sd``, optionally within [low, high]."""

    kind: ClassVar[str] = "normal"
    parameters: ClassVar[tuple[str, ...]] = ("mean", "sd")
    mean: float
    sd: float
    low: float | None = None
    high: float | None = None

    def __attrs_post_init__(self) -> None:
        _finite(self.mean, "mean")
        if not _finite(self.sd, "sd") > 0:
            raise ValueError(f"needs sd > 0, got sd={self.sd!r}")
        _check_truncation(self.low, self.high)

    def cdf(self, x: npt.ArrayLike) -> FloatArray:
        from scipy.special import ndtr

        value: FloatArray = ndtr((np.asarray(x, dtype=np.float64) - self.mean) / self.sd)
        return value

    def _ppf(self, p: FloatArray) -> FloatArray:
        from scipy.special import ndtri

        value: FloatArray = self.mean + self.sd * ndtri(p)
        return value

    @property
    def bounds(self) -> tuple[float, float]:
        return _truncation(self.low, self.high)


@attrs.frozen(kw_only=True)
class LogNormal(Distribution):
    """exp of a Gaussian: ``median`` e^{μ}, ``sigma`` the standard deviation of ln(value)
    (σ = 0.7 puts the 84th percentile at 2× the median); optionally within [low, high]."""

    kind: ClassVar[str] = "lognormal"
    parameters: ClassVar[tuple[str, ...]] = ("median", "sigma")
    median: float
    sigma: float
    low: float | None = None
    high: float | None = None

    def __attrs_post_init__(self) -> None:
        if not _finite(self.median, "median") > 0:
            raise ValueError(f"needs median > 0, got median={self.median!r}")
        if not _finite(self.sigma, "sigma") > 0:
            raise ValueError(f"needs sigma > 0, got sigma={self.sigma!r}")
        _check_truncation(self.low, self.high)

    def cdf(self, x: npt.ArrayLike) -> FloatArray:
        from scipy.special import ndtr

        x = np.asarray(x, dtype=np.float64)
        with np.errstate(divide="ignore"):
            z = np.log(np.maximum(x, 0.0) / self.median) / self.sigma
        value: FloatArray = ndtr(z)
        return value

    def _ppf(self, p: FloatArray) -> FloatArray:
        from scipy.special import ndtri

        value: FloatArray = self.median * np.exp(self.sigma * ndtri(p))
        return value

    @property
    def bounds(self) -> tuple[float, float]:
        low, high = _truncation(self.low, self.high)
        return (max(low, 0.0), high)


def _check_truncation(low: float | None, high: float | None) -> None:
    if low is not None:
        _finite(low, "low")
    if high is not None:
        _finite(high, "high")
    if low is not None and high is not None and not low < high:
        raise ValueError(f"needs low < high, got low={low!r}, high={high!r}")


def _truncation(low: float | None, high: float | None) -> tuple[float, float]:
    return (-math.inf if low is None else low, math.inf if high is None else high)


DISTRIBUTIONS: dict[str, type[Distribution]] = {
    cls.kind: cls for cls in (Uniform, Triangular, Normal, LogNormal)
}
"""Every distribution a study may name, by its name."""


def distribution_from(data: Any) -> Distribution:
    """A distribution from a study's inline table (``{ distribution = "uniform", low = 1, high =
    2 }``); raises ValueError with a one-line reason (the caller adds where it is)."""
    from skyrack.errors import closest_names

    if not isinstance(data, Mapping):
        raise ValueError(
            'must be a table such as { distribution = "uniform", low = 1, high = 2 }, '
            f"got {data!r}"
        )
    name = data.get("distribution")
    if name is None:
        raise ValueError(f"needs distribution = one of {', '.join(DISTRIBUTIONS)}")
    cls = DISTRIBUTIONS.get(name) if isinstance(name, str) else None
    if cls is None:
        close = closest_names(str(name), DISTRIBUTIONS)
        choices = ", ".join(close) if close else ", ".join(DISTRIBUTIONS)
        hint = f"did you mean {choices}?" if close else f"one of {choices}"
        raise ValueError(f"unknown distribution {name!r}; {hint}")
    fields = [field.name for field in attrs.fields(cls)]
    arguments = {key: value for key, value in data.items() if key != "distribution"}
    unknown = sorted(set(arguments) - set(fields))
    if unknown:
        raise ValueError(f"{name} takes {', '.join(fields)}; unknown key {unknown[0]!r}")
    missing = [key for key in cls.parameters if key not in arguments]
    if missing:
        raise ValueError(f"{name} needs {', '.join(cls.parameters)}; {missing[0]} is missing")
    for key, value in arguments.items():
        _finite(value, key)
    return cls(**arguments)
