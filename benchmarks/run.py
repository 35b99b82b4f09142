"""Run every skyrack benchmark, print a table of figures and ratios, write results.json.

    uv run python benchmarks/run.py            # full run (a few minutes)
    uv run python benchmarks/run.py --quick    # short run (about a minute)
    uv run python benchmarks/run.py --only simulation   # the fleet simulation's only
    uv run python benchmarks/run.py --only goal-seek    # goal-seek's only
    uv run python benchmarks/run.py --only optimize     # the design search's only
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
import bench_explore  # noqa: E402
import bench_goal_seek  # noqa: E402
import bench_optimize  # noqa: E402
import bench_simulation  # noqa: E402
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, one round")
    parser.add_argument(
        "--output", type=Path, default=HERE / "results.json", help="where to write the JSON"
    )
    parser.add_argument(
        "--only",
        choices=("evaluator", "explore", "simulation", "goal-seek", "optimize"),
        help="run only the evaluator's, the explore (sweep, Sobol), the fleet simulation's, "
        "goal-seek's or the design search's benchmarks",
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

    results: dict[str, Any] = {
        "mode": "quick" if args.quick else "full",
        "machine": machine_info(),
    }
    if args.only in (None, "explore"):
        results["explore"] = {
            "sweep": bench_explore.bench_sweep(repeats=1 if args.quick else 3),
            "sobol": bench_explore.bench_sobol(),
        }
        bench_explore.print_report(results["explore"])
    if args.only in (None, "evaluator"):
        design = bench_evaluator.one_megawatt_design()
        comparison = bench_spacedc.bench_comparison(design, rounds=rounds, repeats=repeats)
        batch = bench_evaluator.bench_batch(design, budget_s=batch_budget_s)
        results.update(
            {
                "design": bench_evaluator.design_summary(design),
                "comparison": comparison,
                "batch": batch,
                "batch_speedup": bench_evaluator.batch_speedup(
                    comparison["skyrack"]["median_s"], batch
                ),
                "targets": {
                    "single_skyrack_over_spacedc_at_most": SINGLE_TARGET_RATIO,
                    "batch_designs_per_s_at_least": BATCH_TARGET_DESIGNS_PER_S,
                },
            }
        )
        print_report(results)
    if args.only in (None, "goal-seek"):
        results["goal_seek"] = bench_goal_seek.bench(repeats=1 if args.quick else 3)
        bench_goal_seek.print_report(results["goal_seek"])
    if args.only in (None, "simulation"):
        results["simulation"] = bench_simulation.bench(rounds=1 if args.quick else 3)
        bench_simulation.print_report(results["simulation"])
    if args.only in (None, "optimize"):
        results["optimize"] = bench_optimize.bench(quick=args.quick)
        bench_optimize.print_report(results["optimize"])
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
