"""Run every skyrack benchmark, print a table of figures and ratios, write results.json.

    uv run python benchmarks/run.py            # full run (a few minutes: 6 searches)
    uv run python benchmarks/run.py --quick    # short run (under a minute)
    uv run python benchmarks/run.py --profile  # cProfile of one evaluate(), then exit

Performance is reported as figures and ratios measured in this one run, never asserted:
the exit status is 0 whether or not the targets are met (and when spacedc-mdao cannot be
installed, which the report says).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # so that `python -m` and imports from elsewhere work too
    sys.path.insert(0, str(HERE))

import bench_evaluator  # noqa: E402
import bench_optimize  # noqa: E402
import bench_spacedc  # noqa: E402

BATCH_TARGET_DESIGNS_PER_S = 100_000.0
SINGLE_TARGET_RATIO = 1.0
"""skyrack's single evaluation must take at most this × spacedc-mdao's evaluate_space."""


def machine_info() -> dict[str, Any]:
    """What the figures were measured on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 0
    return {
        "date_utc": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable,
        "machine": platform.machine(),
        "processor": _cpu_model(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "numpy": np.__version__,
        "skyrack": version("skyrack"),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
    }


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    return platform.processor()


def _us(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f}"


def print_report(results: dict[str, Any]) -> None:
    """The human-readable table."""
    m = results["machine"]
    print(
        f"skyrack benchmarks ({results['mode']} run, {m['date_utc']}, {m['usable_cpus']} CPUs, "
        f"Python {m['python']}, numpy {m['numpy']})"
    )
    design = results["design"]
    print()
    print("Single-design evaluation of a ~1 MW orbital AI cluster")
    print("  skyrack design: " + ", ".join(design["components"].values()))
    print(
        f"    {design['satellites']:.0f} satellites, {design['accelerators']:.0f} accelerators, "
        f"{design['fleet_payload_power_w'] / 1e6:.2f} MW payload power, "
        f"feasible: {design['feasible']}"
        + (f" (broken: {', '.join(design['broken_budgets'])})" if design["broken_budgets"] else "")
    )
    c = results["comparison"]
    sky = c["skyrack"]
    width = 52
    print(f"  {'':{width}} {'median µs':>11} {'min µs':>11}")
    label = "skyrack evaluate()" + ("" if sky["feasibility_checked"] else " [no feasibility check]")
    print(f"  {label:{width}} {_us(sky['median_s']):>11} {_us(sky['min_s']):>11}")
    if "spacedc" in c:
        sp = c["spacedc"]
        label = f"spacedc-mdao {sp['spacedc_mdao_version']} evaluate_space (its 1 MW example)"
        print(f"  {label:{width}} {_us(sp['median_s']):>11} {_us(sp['min_s']):>11}")
        ratio = c["skyrack_over_spacedc"]
        verdict = "met" if ratio <= SINGLE_TARGET_RATIO else "NOT met"
        faster = f"{1 / ratio:.2f}× faster" if ratio < 1 else f"{ratio:.2f}× slower"
        print(
            f"  ratio skyrack / spacedc-mdao: {ratio:.3f} (skyrack {faster}); target ≤ 1: {verdict}"
        )
    else:
        print(f"  spacedc-mdao not timed: {c['spacedc_error']}")
    print()
    print("Batch evaluation: evaluate_batch, random values of")
    print("  " + ", ".join(results["batch"][0]["varied_parameters"]))
    print(
        f"  {'designs':>10} {'median s':>10} {'designs/s':>14} {'µs/design':>10} "
        f"{'vs evaluate()':>14} {'feasible':>9}"
    )
    for row, speedup in zip(results["batch"], results["batch_speedup"], strict=True):
        print(
            f"  {row['designs']:>10,} {row['median_s']:>10.4f} {row['designs_per_s']:>14,.0f} "
            f"{1e6 / row['designs_per_s']:>10.3f} {speedup:>13,.0f}× "
            f"{row['feasible_fraction']:>9.1%}"
        )
    big = [row for row in results["batch"] if row["designs"] >= 100_000]
    worst = min(row["designs_per_s"] for row in big)
    verdict = "met" if worst >= BATCH_TARGET_DESIGNS_PER_S else "NOT met"
    print(f"  target ≥ 100,000 designs/s at 1e5 designs and above: {verdict} (lowest {worst:,.0f})")
    print_optimize(results["optimize"], results["optimize_workers"])


def print_optimize(search: dict[str, Any], workers: dict[str, Any]) -> None:
    """The design-search part of the report."""
    print()
    print(
        f"Design search: {search['n_trials']:,} TPE trials of {search['study']} on a journal "
        f"file, {search['rounds']} alternating round(s)"
    )
    print(f"  {'':44} {'median s':>10}  rounds (s)")
    for name, label in (("optuna", "Optuna's own loop (study.optimize)"), ("skyrack", "skyrack")):
        rounds = ", ".join(f"{value:.2f}" for value in search["seconds"][name])
        print(f"  {label:44} {search['median_s'][name]:>10.2f}  {rounds}")
    ratio = search["skyrack_over_optuna"]
    target = bench_optimize.OVERHEAD_TARGET
    verdict = "met" if ratio <= target else "NOT met"
    print(f"  ratio skyrack / Optuna: {ratio:.3f}; target ≤ {target}: {verdict}")
    if search["n_trials"] == 1_000:
        seconds = search["median_s"]["skyrack"]
        verdict = "met" if seconds < bench_optimize.THOUSAND_TRIALS_TARGET_S else "NOT met"
        print(f"  skyrack, 1,000 trials: {seconds:.1f} s; target < 20 s: {verdict}")
    same = "yes" if search["same_best_value"] else "NO"
    print(f"  same best value both ways: {same} ({search['best_value']['skyrack']:.6g})")
    print(f"  load average (1 min) before and after each search: {search['load_average_1min']}")
    if workers["measured"]:
        print(f"  2 workers over 1, simulation evaluator: {workers['speedup']:.2f}×")
    else:
        print(f"  2 workers over 1, simulation evaluator: not measured ({workers['reason']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, one round")
    parser.add_argument(
        "--output", type=Path, default=HERE / "results.json", help="where to write the JSON"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="only profile skyrack's single-design evaluate() with cProfile and exit",
    )
    args = parser.parse_args(argv)
    if args.profile:
        print(bench_evaluator.profile_single(bench_evaluator.one_megawatt_design()))
        return 0
    repeats, rounds, batch_budget_s = (11, 1, 0.3) if args.quick else (51, 3, 3.0)
    search_trials = 200 if args.quick else 1_000

    design = bench_evaluator.one_megawatt_design()
    comparison = bench_spacedc.bench_comparison(design, rounds=rounds, repeats=repeats)
    batch = bench_evaluator.bench_batch(design, budget_s=batch_budget_s)
    results: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "machine": machine_info(),
        "design": bench_evaluator.design_summary(design),
        "comparison": comparison,
        "batch": batch,
        "batch_speedup": bench_evaluator.batch_speedup(comparison["skyrack"]["median_s"], batch),
        "optimize": bench_optimize.bench_overhead(n_trials=search_trials, rounds=rounds),
        "optimize_workers": bench_optimize.bench_workers(),
        "targets": {
            "single_skyrack_over_spacedc_at_most": SINGLE_TARGET_RATIO,
            "batch_designs_per_s_at_least": BATCH_TARGET_DESIGNS_PER_S,
            "optimize_skyrack_over_optuna_at_most": bench_optimize.OVERHEAD_TARGET,
            "optimize_1000_trials_s_below": bench_optimize.THOUSAND_TRIALS_TARGET_S,
            "optimize_2_over_1_workers_at_least": bench_optimize.WORKERS_TARGET,
        },
    }
    print_report(results)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
