"""Exploring a study: a 500 × 500 sweep and a Sobol analysis of 20 uncertain inputs.

(a) ``skyrack.explore.sweep.sweep`` on the quickstart study over launch price per kg (log) ×
    ground energy price: 250,000 designs, the time of the whole call (grid, range checks,
    chunked evaluation, reshaping);
(b) ``skyrack.explore.sensitivity.study_sobol`` on the quickstart study's 20 uncertain inputs
    with the widest Sobol interval in the analysis (the largest total-order swing first), until
    every 95 % interval is narrower than 0.05: sampling, evaluation and SALib's bootstrap.

Each target is < 10 s on this machine. Run through ``benchmarks/run.py``; this module only
measures and returns numbers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from skyrack.explore.sensitivity import study_sobol, tornado
from skyrack.explore.sweep import sweep
from skyrack.explore.uncertainty import uncertain_inputs
from skyrack.study import load_study

STUDY = Path(__file__).resolve().parent.parent / "studies" / "quickstart.toml"
SWEEP_AXES = (
    "launch_vehicle.price_usd_per_kg=1:10000:500:log",
    "ground_baseline.energy_price_usd_per_mwh=10:3000:500:log",
)
SOBOL_INPUTS = 20
TARGET_S = 10.0


def bench_sweep(repeats: int = 3) -> dict[str, Any]:
    """(a) Seconds for a 500 × 500 sweep (best and all of ``repeats``)."""
    design = load_study(STUDY).design
    sweep(design, ["launch_vehicle.price_usd_per_kg=1:10:5"])  # warm-up
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = sweep(design, SWEEP_AXES)
        seconds.append(time.perf_counter() - start)
    return {
        "designs": int(result.ratio.size),
        "axes": list(SWEEP_AXES),
        "seconds": seconds,
        "best_s": min(seconds),
        "designs_per_s": result.ratio.size / min(seconds),
        "target_s": TARGET_S,
    }


def bench_sobol() -> dict[str, Any]:
    """(b) Seconds for Sobol indices of 20 inputs, intervals narrower than 0.05."""
    study = load_study(STUDY)
    inputs = uncertain_inputs(study.design, study.uncertainty)
    ranked = tornado(study.design, inputs).bars
    keys = {bar.key for bar in ranked[:SOBOL_INPUTS]}
    chosen = [item for item in inputs if item.key in keys]
    start = time.perf_counter()
    result = study_sobol(study.design, chosen, target_halfwidth=0.024)
    seconds = time.perf_counter() - start
    return {
        "inputs": len(chosen),
        "base_samples": result.base_samples,
        "evaluations": result.evaluations,
        "max_interval_width": 2 * result.max_halfwidth,
        "seconds": seconds,
        "target_s": TARGET_S,
    }


def print_report(results: dict[str, Any]) -> None:
    """The human-readable lines."""
    s, b = results["sweep"], results["sobol"]
    print()
    print("Exploring a study (quickstart)")
    verdict = "met" if s["best_s"] < s["target_s"] else "NOT met"
    print(
        f"  500 × 500 sweep ({s['designs']:,} designs): {s['best_s']:.2f} s best of "
        f"{len(s['seconds'])} ({s['designs_per_s']:,.0f} designs/s); target < 10 s: {verdict}"
    )
    verdict = "met" if b["seconds"] < b["target_s"] else "NOT met"
    print(
        f"  Sobol, {b['inputs']} inputs: {b['seconds']:.2f} s, N = {b['base_samples']:,} "
        f"({b['evaluations']:,} designs), widest 95 % interval {b['max_interval_width']:.3f}; "
        f"target < 10 s: {verdict}"
    )
