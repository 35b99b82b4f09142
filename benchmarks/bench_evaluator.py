"""skyrack's evaluator: one design at a time, and the numpy batch evaluator's designs per second.

(a) ``evaluate(design)`` on the 1 MW design: median seconds per call over many samples, after a
    warm-up (see :func:`spacedc_env.time_per_call`);
(b) ``evaluate_batch(design, variations)`` at 1e3 … 1e6 designs, each design a random draw of
    launch price, accelerators per satellite, mission years, radiator temperature, discount rate
    and utilization; the random arrays are drawn outside the timed region;
(c) how much faster one design costs inside a batch than through ``evaluate()``.

Run through ``benchmarks/run.py``; this module only measures and returns numbers.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from spacedc_env import summarize, time_per_call

from skyrack import plugins
from skyrack.design import Design, Economics, Sizing
from skyrack.errors import InfeasibleDesign
from skyrack.evaluation import evaluate, evaluate_batch

ONE_MW_COMPONENTS: dict[str, str] = {
    "launch_vehicle": "falcon-9-reusable",
    "satellite_bus": "starlink-v2-mini-class",
    "compute_payload": "h100-sxm",
    "orbit": "sso-dawn-dusk-650",
    "ground_baseline": "hyperscale-grid",
}
"""Catalog components closest to spacedc-mdao's 1 MW example: H100 SXM in a 650 km dawn–dusk
sun-synchronous orbit, a reusable medium-lift launcher, compared with a hyperscale grid-powered
data centre."""

ONE_MW_SIZING = Sizing(
    accelerators_per_satellite=18,
    target_it_power_w=1e6,
    mission_years=5.0,
    utilization=0.85,
    shielding_mm_al=5.0,
)
"""spacedc-mdao's example: 18 accelerators per satellite, 5 years, 85 % utilization, ~1 MW of
IT power (64 × 18 H100 there; here the fleet is sized to 1 MW of payload power). 5 mm of
aluminium shielding (default 2 mm) keeps the H100s within their dose limit for 5 years, so the
design is feasible and ``evaluate()`` runs its normal path, feasibility check included."""

ONE_MW_ECONOMICS = Economics(discount_rate_per_year=0.08)

BATCH_SIZES: tuple[int, ...] = (1_000, 10_000, 100_000, 1_000_000)


def one_megawatt_design() -> Design:
    """skyrack's closest equivalent of spacedc-mdao's 1 MW orbital inference example."""
    return Design.from_names(
        plugins.registry(),
        **ONE_MW_COMPONENTS,
        sizing=ONE_MW_SIZING,
        economics=ONE_MW_ECONOMICS,
    )


def design_summary(design: Design) -> dict[str, Any]:
    """Components and headline figures of ``design``, for the report."""
    metrics = evaluate(design, check_feasible=False)
    return {
        "components": {kind: c.name for kind, c in design.components().items()},
        "satellites": metrics.values["satellites"],
        "accelerators": metrics.values["fleet_accelerators"],
        "fleet_payload_power_w": metrics.values["fleet_payload_power_w"],
        "lcoc_usd_per_pflop_day": metrics.lcoc_usd_per_pflop_day,
        "ground_lcoc_usd_per_pflop_day": metrics.ground_lcoc_usd_per_pflop_day,
        "feasible": bool(metrics.values["feasible"]),
        "broken_budgets": [b.name for b in metrics.budgets if b.broken],
    }


def single_call(design: Design) -> tuple[Callable[[], object], bool]:
    """The call to time for ``design``: ``evaluate(design)`` with the feasibility check on if
    the design is feasible, else with it off (raising on every call would time the exception)."""
    try:
        evaluate(design)
    except InfeasibleDesign:
        return (lambda: evaluate(design, check_feasible=False)), False
    return (lambda: evaluate(design)), True


def bench_single(design: Design, *, repeats: int) -> dict[str, Any]:
    """(a) Seconds per ``evaluate()`` call of one design: summary plus the raw samples."""
    call, checked = single_call(design)
    samples = time_per_call(call, repeats=repeats)
    return {**summarize(samples), "samples_s": samples, "feasibility_checked": checked}


def random_variations(design: Design, size: int, seed: int = 0) -> dict[str, np.ndarray[Any, Any]]:
    """``size`` random designs around ``design``: several parameters varied at once."""
    rng = np.random.default_rng(seed)
    base_price = design.launch_vehicle.price_usd
    return {
        "launch_vehicle.price_usd": base_price * rng.uniform(0.1, 2.0, size),
        "sizing.accelerators_per_satellite": rng.integers(1, 25, size).astype(np.float64),
        "sizing.mission_years": rng.uniform(1.0, 7.0, size),
        "sizing.radiator_temperature_k": rng.uniform(300.0, 370.0, size),
        "economics.discount_rate_per_year": rng.uniform(0.0, 0.15, size),
        "sizing.utilization": rng.uniform(0.5, 1.0, size),
    }


def bench_batch(
    design: Design, *, sizes: tuple[int, ...] = BATCH_SIZES, budget_s: float = 2.0
) -> list[dict[str, Any]]:
    """(b) ``evaluate_batch`` designs per second at each size (median over repeats).

    Each size is warmed up once, then repeated until ``budget_s`` is spent (at least 3 times,
    at most 25).
    """
    rows: list[dict[str, Any]] = []
    for size in sizes:
        variations = random_variations(design, size)
        result = evaluate_batch(design, variations)  # warm-up, and a sanity check
        feasible = float(np.mean(result["feasible"]))
        del result
        seconds: list[float] = []
        spent = 0.0
        while len(seconds) < 3 or (spent < budget_s and len(seconds) < 25):
            start = time.perf_counter()
            result = evaluate_batch(design, variations)
            elapsed = time.perf_counter() - start
            del result
            seconds.append(elapsed)
            spent += elapsed
        median = statistics.median(seconds)
        rows.append(
            {
                "designs": size,
                "varied_parameters": sorted(variations),
                "median_s": median,
                "min_s": min(seconds),
                "repeats": len(seconds),
                "designs_per_s": size / median,
                "feasible_fraction": feasible,
            }
        )
    return rows


def batch_speedup(single_median_s: float, batch_rows: list[dict[str, Any]]) -> list[float]:
    """(c) For each batch size: single-call seconds / batch seconds per design."""
    return [single_median_s * row["designs_per_s"] for row in batch_rows]


def profile_single(design: Design, *, calls: int = 500, top: int = 30) -> str:
    """cProfile of ``calls`` single evaluations: skyrack's functions by cumulative time.

    The profiler inflates functions that make many small calls; use it for where the time
    goes, and the timings above for how much.
    """
    import cProfile
    import io
    import pstats

    call, _ = single_call(design)
    for _ in range(20):
        call()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    total_calls: int = stats.total_calls  # type: ignore[attr-defined]  # not in typeshed
    out.write(f"{total_calls / calls:,.0f} Python function calls per evaluate()\n")
    stats.sort_stats("cumulative").print_stats(r"skyrack", top)
    return out.getvalue()
