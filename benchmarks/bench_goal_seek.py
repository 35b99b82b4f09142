"""Goal-seek on the valuation study: what one candidate costs, and whole searches.

(a) one goal-seek grid (41 candidates) of the orbital NPV through ``Evaluator.metric``, varying
    a design parameter (``launch_vehicle.price_usd``) and a business one (the compute price):
    milliseconds per candidate;
(b) the same candidates through the full business case, one at a time (``case_from_model``:
    every measure of both businesses and the refresh counterfactual, what ``skyrack run``
    computes): milliseconds per candidate, and the ratio (b) / (a), measured in the same run;
(c) whole ``goal_seek`` calls: the compute price at which NPV = $1.25T (a root), the launch
    price (no root in its domain), and a trade-off of launch price × compute price (9 points).

Run through ``benchmarks/run.py``; this module only measures and returns numbers.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from skyrack.business.case import case_from_model
from skyrack.business.goal_seek import GRID_POINTS, TARGETS, Evaluator, goal_seek, trade_off
from skyrack.study import load_study

STUDY = Path(__file__).resolve().parent.parent / "studies" / "valuation.toml"
PRICE = "business.compute_price_usd_per_accelerator_hour"
LAUNCH = "launch_vehicle.price_usd"
GRIDS = {LAUNCH: (4e3, 4e9), PRICE: (0.2, 20.0)}


def _best(call: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` timed calls after one warm-up [s]."""
    call()
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def bench_candidates(repeats: int = 3) -> list[dict[str, Any]]:
    """(a) and (b) for each varied parameter."""
    study = load_study(STUDY)
    evaluator = Evaluator(study)
    goal = TARGETS["npv"]
    rows = []
    for key, (low, high) in GRIDS.items():
        grid = {key: np.geomspace(low, high, GRID_POINTS)}
        # a new Evaluator each time, as each goal_seek call makes: no fleet cached in advance
        batch_s = _best(lambda grid=grid: Evaluator(study).metric(grid, goal), repeats)
        candidates = evaluator.candidates(grid)

        def full(candidates: Any = candidates) -> None:
            for c in candidates:
                if not c.broken:
                    case_from_model(c.p, c.values, c.business, evaluator.roadmap)

        full_s = _best(full, repeats)
        rows.append(
            {
                "parameter": key,
                "candidates": GRID_POINTS,
                "goal_seek_ms_per_candidate": 1e3 * batch_s / GRID_POINTS,
                "full_case_ms_per_candidate": 1e3 * full_s / GRID_POINTS,
                "ratio_full_over_goal_seek": full_s / batch_s,
            }
        )
    return rows


def bench_searches(repeats: int = 3) -> list[dict[str, Any]]:
    """(c) Seconds for whole searches (best of ``repeats``)."""
    study = load_study(STUDY)
    searches: dict[str, Callable[[], object]] = {
        "npv = 1.25e12, vary the compute price (a root)": lambda: goal_seek(
            study, "npv", 1.25e12, PRICE
        ),
        "npv = 1.25e12, vary the launch price (no root)": lambda: goal_seek(
            study, "npv", 1.25e12, LAUNCH
        ),
        "npv = 0, launch price × compute price (9 points)": lambda: trade_off(
            study, "npv", 0.0, [LAUNCH, PRICE], points=9, spans={LAUNCH: GRIDS[LAUNCH]}
        ),
    }
    return [{"search": name, "seconds": _best(call, repeats)} for name, call in searches.items()]


def bench(repeats: int = 3) -> dict[str, Any]:
    """Every goal-seek figure."""
    return {"candidates": bench_candidates(repeats), "searches": bench_searches(repeats)}


def print_report(results: dict[str, Any]) -> None:
    """The human-readable lines."""
    print()
    print("Goal-seek on the valuation study (target: orbital NPV)")
    print(f"  {'varied':<48} {'ms/candidate':>13} {'full case ms':>13} {'ratio':>7}")
    for row in results["candidates"]:
        print(
            f"  {row['parameter']:<48} {row['goal_seek_ms_per_candidate']:>13.2f} "
            f"{row['full_case_ms_per_candidate']:>13.2f} "
            f"{row['ratio_full_over_goal_seek']:>6.1f}×"
        )
    for row in results["searches"]:
        print(f"  {row['search']:<62} {row['seconds']:>7.2f} s")
    median = statistics.median(r["goal_seek_ms_per_candidate"] for r in results["candidates"])
    print(f"  median cost of a candidate: {median:.2f} ms")
