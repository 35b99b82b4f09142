"""Which assumptions matter? A tornado (one at a time) and Sobol indices (all at once).

* :func:`tornado`: each uncertain input alone at the two ends of its plausible range (see
  :meth:`~skyrack.explore.uncertainty.UncertainInput.plausible_range`), every other input at
  the study's value; bars sorted by how far they move the metric.
* :func:`sobol_indices`: variance-based first-order (S1: the share of the metric's variance
  an input explains alone) and total-order (ST: alone and through its interactions) indices,
  estimated with SALib (Saltelli's scheme on a scrambled Sobol sequence, Jansen's estimators)
  with 95 % bootstrap confidence intervals. The number of base samples grows (powers of two) from
  ``min_base_samples`` until every interval's half-width is at most ``target_halfwidth``
  (intervals narrower than 0.05 at the default 0.02), so the indices are stable rather than
  the count of samples guessed.

For a study the metric is log10(orbit/ground) by default: the verdict's sign (orbit wins
below 0), and a log keeps a few extreme draws from owning the variance.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs
import numpy as np

from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.explore.batch import FloatArray, Progress, evaluate_flat
from skyrack.explore.uncertainty import UncertainInput

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_METRIC = "orbit_to_ground_ratio"
TARGET_HALFWIDTH = 0.02
MIN_BASE_SAMPLES = 1024
MAX_EVALUATIONS = 8_000_000
"""Sobol stops doubling before it would evaluate more designs than this."""


class Sampled(Protocol):
    """An input a Sobol analysis can draw: a key and values at uniform numbers."""

    @property
    def key(self) -> str: ...

    def sample(self, u: FloatArray) -> FloatArray: ...


@attrs.frozen(kw_only=True)
class TornadoBar:
    """One input at the ends of its plausible range, the others at the study's values."""

    key: str
    low: float
    high: float
    metric_at_low: float
    metric_at_high: float
    origin: str

    @property
    def swing(self) -> float:
        """How far the metric moves between the two ends (in log10 for a ratio or a cost)."""
        a, b = self.metric_at_low, self.metric_at_high
        if a > 0 and b > 0 and math.isfinite(a) and math.isfinite(b):
            return abs(math.log10(b) - math.log10(a))
        return math.inf if not (math.isfinite(a) and math.isfinite(b)) else abs(b - a)


@attrs.frozen(kw_only=True, repr=False)
class Tornado:
    """The tornado of one metric: its value at the study's design and one bar per input."""

    metric: str
    base: float
    bars: tuple[TornadoBar, ...]
    """Largest swing first."""

    def to_dataframe(self) -> pd.DataFrame:
        """One row per input: key, low, high, the metric at each, swing, origin."""
        import pandas as pd

        rows = [{**attrs.asdict(bar), "swing": bar.swing} for bar in self.bars]
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        top = ", ".join(bar.key for bar in self.bars[:3])
        return (
            f"<Tornado of {self.metric} = {self.base:.4g}, {len(self.bars)} inputs; largest: {top}>"
        )


def tornado(
    design: Design, inputs: Sequence[UncertainInput], metric: str = DEFAULT_METRIC
) -> Tornado:
    """Each input alone at the ends of its plausible range (one batch of 2 × inputs designs)."""
    count = len(inputs)
    variations: dict[str, FloatArray] = {}
    ends = [item.plausible_range() for item in inputs]
    for i, item in enumerate(inputs):
        column = np.full(2 * count + 1, item.value)
        column[2 * i : 2 * i + 2] = ends[i]
        variations[item.key] = column
    values = evaluate_flat(design, variations, [metric])[metric]
    bars = [
        TornadoBar(
            key=item.key,
            low=ends[i][0],
            high=ends[i][1],
            metric_at_low=float(values[2 * i]),
            metric_at_high=float(values[2 * i + 1]),
            origin=item.origin,
        )
        for i, item in enumerate(inputs)
    ]
    bars.sort(key=lambda bar: -bar.swing)
    return Tornado(metric=metric, base=float(values[-1]), bars=tuple(bars))


@attrs.frozen(kw_only=True, repr=False)
class SobolResult:
    """First- and total-order Sobol indices with their 95 % bootstrap half-widths."""

    metric: str
    names: tuple[str, ...]
    first_order: FloatArray
    first_order_conf: FloatArray
    total_order: FloatArray
    total_order_conf: FloatArray
    base_samples: int
    evaluations: int
    replaced: int = 0
    """Draws whose metric was not finite and was set to the largest finite value."""

    @property
    def max_halfwidth(self) -> float:
        """The widest 95 % interval's half-width among all indices."""
        return float(max(np.max(self.first_order_conf), np.max(self.total_order_conf)))

    def ranked(self) -> list[int]:
        """Input positions by total-order index, largest first."""
        return sorted(range(len(self.names)), key=lambda i: -self.total_order[i])

    def to_dataframe(self) -> pd.DataFrame:
        """One row per input: S1, S1_conf, ST, ST_conf, largest ST first."""
        import pandas as pd

        order = self.ranked()
        return pd.DataFrame(
            {
                "input": [self.names[i] for i in order],
                "S1": self.first_order[order],
                "S1_conf": self.first_order_conf[order],
                "ST": self.total_order[order],
                "ST_conf": self.total_order_conf[order],
            }
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready indices, by input."""
        return {
            "metric": self.metric,
            "base_samples": self.base_samples,
            "evaluations": self.evaluations,
            "replaced_non_finite": self.replaced,
            "indices": [
                {
                    "input": self.names[i],
                    "S1": float(self.first_order[i]),
                    "S1_conf": float(self.first_order_conf[i]),
                    "ST": float(self.total_order[i]),
                    "ST_conf": float(self.total_order_conf[i]),
                }
                for i in self.ranked()
            ],
        }

    def __repr__(self) -> str:
        top = ", ".join(f"{self.names[i]} {self.total_order[i]:.2f}" for i in self.ranked()[:3])
        return (
            f"<SobolResult of {self.metric}, {len(self.names)} inputs, {self.evaluations:,} "
            f"designs, CI ±{self.max_halfwidth:.3f}; largest ST: {top}>"
        )


Model = Callable[[Mapping[str, FloatArray]], FloatArray]


def sobol_indices(
    model: Model,
    inputs: Sequence[Sampled],
    *,
    metric: str = "y",
    target_halfwidth: float = TARGET_HALFWIDTH,
    min_base_samples: int = MIN_BASE_SAMPLES,
    max_evaluations: int = MAX_EVALUATIONS,
    seed: int = 0,
    progress: Progress | None = None,
) -> SobolResult:
    """Sobol indices of ``model`` (input arrays by key → one output array) over ``inputs``.

    Doubles the base samples N (a power of two; N·(inputs + 2) model evaluations) until every
    index's 95 % half-width is at most ``target_halfwidth`` or the next round would exceed
    ``max_evaluations``; the result says which half-width it reached.
    """
    from SALib.analyze import sobol as sobol_analyze

    if not inputs:
        raise SkyrackError("a Sobol analysis needs at least one uncertain input")
    names = [item.key for item in inputs]
    problem = {"num_vars": len(names), "names": names, "bounds": [[0.0, 1.0]] * len(names)}
    base = 2 ** max(1, math.ceil(math.log2(max(min_base_samples, 2))))
    per_base = len(names) + 2
    if base * per_base > max_evaluations:
        base = 2 ** max(1, int(math.log2(max_evaluations // per_base)))
    budget = _doubling_total(base, per_base, max_evaluations)
    done = 0
    while True:
        u = saltelli_sample(len(names), base, seed)
        draws = {item.key: item.sample(u[:, i]) for i, item in enumerate(inputs)}
        y = np.asarray(model(draws), dtype=np.float64)
        finite = np.isfinite(y)
        replaced = int(np.count_nonzero(~finite))
        if replaced:
            if not finite.any():
                raise SkyrackError(f"{metric} is not finite for any design drawn")
            y = np.where(finite, y, np.max(y[finite]))
        if np.ptp(y) == 0.0:
            raise SkyrackError(f"{metric} does not vary with the inputs: nothing to apportion")
        indices = sobol_analyze.analyze(
            problem, y, calc_second_order=False, num_resamples=100, seed=seed
        )
        done += y.shape[0]
        if progress is not None:
            progress(min(done, budget), budget)
        result = SobolResult(
            metric=metric,
            names=tuple(names),
            first_order=np.asarray(indices["S1"]),
            first_order_conf=np.asarray(indices["S1_conf"]),
            total_order=np.asarray(indices["ST"]),
            total_order_conf=np.asarray(indices["ST_conf"]),
            base_samples=base,
            evaluations=int(y.shape[0]),
            replaced=replaced,
        )
        if result.max_halfwidth <= target_halfwidth or 2 * base * per_base > max_evaluations:
            if progress is not None:
                progress(budget, budget)
            return result
        base = _next_base(base, result.max_halfwidth, target_halfwidth, per_base, max_evaluations)


def saltelli_sample(inputs: int, base: int, seed: int) -> FloatArray:
    """Saltelli's sample on the unit cube, laid out as ``SALib.sample.sobol.sample`` lays it out
    for first- and total-order indices (``base`` blocks of inputs + 2 rows: A, AB₁…AB_D, B),
    from a scrambled Sobol sequence of 2·inputs dimensions, built with array operations
    (SALib's own sampler loops in Python: 10 s for a million rows)."""
    from scipy.stats import qmc

    points = qmc.Sobol(d=2 * inputs, scramble=True, seed=seed).random(base)
    a, b = points[:, :inputs], points[:, inputs:]
    blocks = np.repeat(a[:, None, :], inputs + 2, axis=1)
    index = np.arange(inputs)
    blocks[:, 1 + index, index] = b[:, index]
    blocks[:, -1, :] = b
    sample: FloatArray = blocks.reshape(base * (inputs + 2), inputs)
    return sample


def _next_base(base: int, halfwidth: float, target: float, per_base: int, limit: int) -> int:
    """The next power of two of base samples: where the half-width, shrinking as 1/√N, should
    reach the target (at least double, at most the evaluation limit)."""
    wanted = base * (halfwidth / target) ** 2 * 1.1
    power = max(2 * base, 2 ** math.ceil(math.log2(wanted)))
    while power * per_base > limit:
        power //= 2
    return max(power, 2 * base) if 2 * base * per_base <= limit else base


def _doubling_total(base: int, per_base: int, limit: int) -> int:
    """Evaluations of every round if the doubling runs to its limit (the progress total)."""
    total = 0
    while base * per_base <= limit:
        total += base * per_base
        base *= 2
    return max(total, 1)


def study_sobol(
    design: Design,
    inputs: Sequence[UncertainInput],
    *,
    metric: str = DEFAULT_METRIC,
    log10: bool = True,
    target_halfwidth: float = TARGET_HALFWIDTH,
    seed: int = 0,
    progress: Progress | None = None,
) -> SobolResult:
    """Sobol indices of a design's ``metric`` (log10 of it by default) over ``inputs``."""

    def model(draws: Mapping[str, FloatArray]) -> FloatArray:
        values = evaluate_flat(design, draws, [metric])[metric]
        if not log10:
            return values
        with np.errstate(divide="ignore", invalid="ignore"):
            logged: FloatArray = np.log10(values)
        return logged

    return sobol_indices(
        model,
        inputs,
        metric=f"log10({metric})" if log10 else metric,
        target_halfwidth=target_halfwidth,
        seed=seed,
        progress=progress,
    )
