"""Replications of a fleet simulation, on one core, a local process pool or a Dask cluster, and
their summary (mean, standard error, P10/P50/P90 of every metric and every series).

Replication ``i`` of an ensemble seeded ``seed`` draws from
``numpy.random.SeedSequence(seed).spawn(count)[i]`` and nothing else, and replications are
yielded in index order, so an ensemble gives identical results whatever runs it::

    for history in skyrack.replications(design, settings, seed=7, count=20, workers=4):
        ...                                   # one FleetHistory at a time, in order
    summary = skyrack.run_ensemble(design, settings, seed=7, count=20,
                                   scheduler="tcp://10.0.0.5:8786")
    summary.metrics["lcoc_usd_per_pflop_day"].mean
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.registry import Registry
from skyrack.simulation.history import METRICS, TIMELINE_SERIES, FleetHistory
from skyrack.simulation.plan import SimulationPlan
from skyrack.simulation.settings import SimulationSettings
from skyrack.timeline import FleetTimeline

FloatArray = npt.NDArray[np.float64]
QUANTILES = (0.1, 0.5, 0.9)


def plan_of(
    design: Design | SimulationPlan,
    settings: SimulationSettings | None = None,
    registry: Registry | None = None,
) -> SimulationPlan:
    """``design`` itself when it is a plan, else the plan of ``design`` with ``settings``."""
    if isinstance(design, SimulationPlan):
        if settings is not None and settings != design.settings:
            raise SkyrackError("give settings with a Design, not with a SimulationPlan")
        return design
    return SimulationPlan.of(design, settings, registry)


def replication_seeds(seed: int, count: int) -> list[np.random.SeedSequence]:
    """The seeds of replications 0 … ``count`` − 1 of the ensemble seeded ``seed`` (the first
    ones do not depend on ``count``)."""
    return np.random.SeedSequence(seed).spawn(count)


def run_replication(plan: SimulationPlan, seed: np.random.SeedSequence) -> FleetHistory:
    """One replication of ``plan`` drawing only from ``seed``."""
    from skyrack.simulation.model import FleetModel

    return FleetModel(plan, rng=np.random.default_rng(seed)).run()


def simulate(
    design: Design | SimulationPlan,
    settings: SimulationSettings | None = None,
    *,
    seed: int = 0,
    registry: Registry | None = None,
) -> FleetHistory:
    """Fly one replication of ``design`` (replication 0 of an ensemble seeded ``seed``)."""
    plan = plan_of(design, settings, registry)
    return run_replication(plan, replication_seeds(seed, 1)[0])


def replications(
    design: Design | SimulationPlan,
    settings: SimulationSettings | None = None,
    *,
    seed: int = 0,
    count: int | None = None,
    workers: int = 1,
    scheduler: str | Any | None = None,
    registry: Registry | None = None,
) -> Iterator[FleetHistory]:
    """Yield the histories of ``count`` replications (default ``settings.replications``) in
    index order, as each becomes available.

    ``workers`` > 1 runs them in a local process pool; ``scheduler`` (a Dask scheduler address
    such as ``"tcp://host:8786"``, or a ``dask.distributed.Client``) runs them on a Dask
    cluster. Stop iterating to stop the ensemble (queued replications are cancelled).
    """
    plan = plan_of(design, settings, registry)
    count = plan.settings.replications if count is None else count
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise SkyrackError(f"replications: count must be a whole number ≥ 1, got {count!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise SkyrackError(f"replications: workers must be a whole number ≥ 1, got {workers!r}")
    seeds = replication_seeds(seed, count)
    if scheduler is not None:
        yield from _on_dask(plan, seeds, scheduler)
    elif workers == 1 or count == 1:
        for child in seeds:
            yield run_replication(plan, child)
    else:
        yield from _in_pool(plan, seeds, workers)


def _in_pool(
    plan: SimulationPlan, seeds: list[np.random.SeedSequence], workers: int
) -> Iterator[FleetHistory]:
    context = multiprocessing.get_context("forkserver" if _has_forkserver() else "spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(seeds)), mp_context=context) as pool:
        futures = [pool.submit(run_replication, plan, child) for child in seeds]
        try:
            for future in futures:
                yield future.result()
        finally:
            for future in futures:
                future.cancel()


def _has_forkserver() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def _on_dask(
    plan: SimulationPlan, seeds: list[np.random.SeedSequence], scheduler: str | Any
) -> Iterator[FleetHistory]:
    from dask.distributed import Client

    own_client = isinstance(scheduler, str)
    client: Any = scheduler
    try:
        if own_client:
            client = Client(scheduler, timeout="10s")  # type: ignore[no-untyped-call]
    except OSError as error:
        raise SkyrackError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    try:
        shared = client.scatter(plan, broadcast=True)
        futures = [
            client.submit(run_replication, shared, child, pure=False, key=f"replication-{i}")
            for i, child in enumerate(seeds)
        ]
        try:
            for future in futures:
                yield future.result()
        finally:
            client.cancel(futures)
    finally:
        if own_client:
            client.close()


# --- summaries ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Spread:
    """Mean, standard error of the mean and P10/P50/P90 of one quantity over replications
    (computed over the replications where it has a value: ``count`` of them)."""

    mean: float
    standard_error: float
    p10: float
    p50: float
    p90: float
    count: int

    @classmethod
    def of(cls, values: Iterable[float | None]) -> Spread:
        """The spread of ``values`` (None and non-finite values left out)."""
        data = np.array([v for v in values if v is not None and math.isfinite(v)], dtype=float)
        if data.size == 0:
            nan = math.nan
            return cls(mean=nan, standard_error=nan, p10=nan, p50=nan, p90=nan, count=0)
        se = float(data.std(ddof=1) / math.sqrt(data.size)) if data.size > 1 else math.nan
        p10, p50, p90 = (float(q) for q in np.quantile(data, QUANTILES))
        return cls(
            mean=float(data.mean()), standard_error=se, p10=p10, p50=p50, p90=p90, count=data.size
        )

    def as_dict(self) -> dict[str, float]:
        """JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True, eq=False)
class SeriesSpread:
    """Per-step mean, standard error and P10/P50/P90 of one series over replications."""

    mean: FloatArray
    standard_error: FloatArray
    p10: FloatArray
    p50: FloatArray
    p90: FloatArray

    @classmethod
    def of(cls, stacked: FloatArray) -> SeriesSpread:
        """The spread of a (replications × steps) array (an unlimited factory's capacity is
        infinite: its spread is inf or NaN)."""
        with np.errstate(invalid="ignore"):
            return cls._of(stacked)

    @classmethod
    def _of(cls, stacked: FloatArray) -> SeriesSpread:
        n = stacked.shape[0]
        se = (
            stacked.std(axis=0, ddof=1) / math.sqrt(n)
            if n > 1
            else np.full(stacked.shape[1], math.nan)
        )
        p10, p50, p90 = np.quantile(stacked, QUANTILES, axis=0)
        return cls(mean=stacked.mean(axis=0), standard_error=se, p10=p10, p50=p50, p90=p90)


@attrs.frozen(kw_only=True, eq=False)
class EnsembleSummary:
    """What an ensemble of replications says: the spread of each metric and each series, and
    the mean timeline."""

    replications: int
    seed: int | None
    metrics: Mapping[str, Spread]
    series: Mapping[str, SeriesSpread]
    mean_timeline: FleetTimeline
    time_years: FloatArray

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data: replications, seed and the spread of every metric."""
        return {
            "replications": self.replications,
            "seed": self.seed,
            "metrics": {name: spread.as_dict() for name, spread in self.metrics.items()},
        }


def summarize(histories: Iterable[FleetHistory], *, seed: int | None = None) -> EnsembleSummary:
    """The spread of every metric and series over ``histories`` (at least one, one horizon)."""
    runs = list(histories)
    if not runs:
        raise SkyrackError("summarize: no replications to summarize")
    first = runs[0]
    metrics = {name: Spread.of(run.metrics()[name] for run in runs) for name in METRICS}
    names = list(first.columns())[1:]  # without time_years
    try:
        series = {
            name: SeriesSpread.of(np.stack([run.series(name) for run in runs])) for name in names
        }
    except (ValueError, KeyError) as error:
        raise SkyrackError(f"summarize: replications of different shapes ({error})") from None
    timeline = first.timeline
    spend = {key: series[f"spend_{key}_usd"].mean for key in timeline.spend_usd}
    means: dict[str, Any] = {name: series[name].mean for name in TIMELINE_SERIES}
    mean_timeline = attrs.evolve(timeline, spend_usd=spend, **means)
    return EnsembleSummary(
        replications=len(runs),
        seed=seed,
        metrics=metrics,
        series=series,
        mean_timeline=mean_timeline,
        time_years=timeline.time_years,
    )


def run_ensemble(
    design: Design | SimulationPlan,
    settings: SimulationSettings | None = None,
    *,
    seed: int = 0,
    count: int | None = None,
    workers: int = 1,
    scheduler: str | Any | None = None,
    progress: Callable[[int, FleetHistory], None] | None = None,
) -> EnsembleSummary:
    """Run every replication and summarize them; ``progress(i, history)`` after each."""
    histories = []
    for index, history in enumerate(
        replications(design, settings, seed=seed, count=count, workers=workers, scheduler=scheduler)
    ):
        histories.append(history)
        if progress is not None:
            progress(index, history)
    return summarize(histories, seed=seed)
