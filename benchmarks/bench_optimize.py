"""skyrack's design search against a bare Optuna loop, and its worker speed-up.

(a) **Overhead.** ``studies/design-optimization.toml`` searched with TPE for ``n_trials`` trials
    on a fresh journal file, two ways, in alternating rounds of the same run:

    * *Optuna's own loop*: ``optuna.create_study(storage=JournalStorage(JournalFileBackend(..)),
      sampler=...)`` and ``study.optimize(objective, n_trials)``, where ``objective`` suggests
      the study's parameters with Optuna's trial API, prices the design with skyrack's
      analytic evaluator and sets its constraints with ``trial.set_constraint``, and whose first
      trial is the study's design, as skyrack's is;
    * *skyrack*: :func:`skyrack.optimize.optimize` on the same study, sampler (the one
      :func:`~skyrack.optimize.sampler.make_sampler` builds, same seed), journal and objective, with
      everything ``skyrack optimize`` adds: heartbeats, exact trial accounting, the best value
      read back after every trial for the progress bar.

    The figure is the ratio skyrack / Optuna of the median times (target ≤ 1.3), and skyrack's
    time for 1,000 trials (target < 20 s). Both searches find the same designs: the benchmark
    checks that they end on the same best value.
(b) **Workers.** ``benchmarks/simulated-search.toml`` (20 MW of H100s flown day by day for ten
    years, eight replications a trial) searched with 1 and with 2 worker processes on a journal,
    in alternating rounds: the speed-up of 2 over 1 (target ≥ 1.7 on 2 cores). Both searches
    include starting their processes.

Run through ``benchmarks/run.py``; this module only measures and returns numbers.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

import skyrack
from skyrack.optimize import optimize
from skyrack.optimize.evaluate import evaluate_assignments
from skyrack.optimize.run import quiet_optuna, starting_point, suggest
from skyrack.optimize.sampler import make_sampler

HERE = Path(__file__).resolve().parent
STUDY = HERE.parent / "studies" / "design-optimization.toml"
SIMULATED_STUDY = HERE / "simulated-search.toml"
"""A simulated search whose trials cost about the same whatever the design
(random sampling of the radiator and shielding, no pruning), so 1 and 2 workers do equal work."""
OVERHEAD_TARGET = 1.3
"""skyrack's search may take at most this × Optuna's own loop."""
THOUSAND_TRIALS_TARGET_S = 20.0
WORKERS_TARGET = 1.7


def load() -> tuple[float, float, float]:
    """The machine's load averages (1, 5, 15 minutes): other work sharing the cores."""
    return os.getloadavg()


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children (the workers)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_optuna(study: skyrack.Study, storage_path: Path, n_trials: int, seed: int) -> float:
    """Optuna's own loop on the study's space and objective; returns the best value."""
    section = study.optimize
    assert section is not None

    def objective(trial: optuna.Trial) -> float:
        [evaluation] = evaluate_assignments(section, study.design, [suggest(trial, section)])
        for key, value in evaluation.constraints.items():
            trial.set_constraint(key, value)
        return evaluation.values[0]

    search = optuna.create_study(
        storage=JournalStorage(JournalFileBackend(str(storage_path))),
        sampler=make_sampler(section, seed),
        direction=section.objectives[0].direction,
    )
    search.enqueue_trial(starting_point(section, study.design))  # as skyrack starts
    search.optimize(objective, n_trials=n_trials)
    return float(search.best_value)


def skyrack_search(study: skyrack.Study, storage_path: Path, n_trials: int, seed: int) -> float:
    """skyrack's search, progress reports included; returns the best value."""
    outcome = optimize(
        study,
        storage=str(storage_path),
        n_trials=n_trials,
        seed=seed,
        on_progress=lambda progress: None,
    )
    return float(outcome.study.best_value)


def bench_overhead(*, n_trials: int, rounds: int, seed: int = 1) -> dict[str, Any]:
    """(a) Median seconds of each loop over ``rounds`` alternating rounds, and their ratio."""
    study = skyrack.load_study(STUDY)
    times: dict[str, list[float]] = {"optuna": [], "skyrack": []}
    best: dict[str, float] = {}
    loads = [load()]
    with tempfile.TemporaryDirectory(prefix="skyrack-bench-") as folder:
        for round_number in range(rounds):
            for name, run in (("optuna", bare_optuna), ("skyrack", skyrack_search)):
                path = Path(folder) / f"{name}-{round_number}.journal"
                with quiet_optuna(), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    start = time.perf_counter()
                    best[name] = run(study, path, n_trials, seed)
                    times[name].append(time.perf_counter() - start)
                loads.append(load())
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {
        "study": STUDY.name,
        "sampler": "tpe",
        "n_trials": n_trials,
        "rounds": rounds,
        "seconds": times,
        "median_s": medians,
        "skyrack_over_optuna": medians["skyrack"] / medians["optuna"],
        "same_best_value": best["optuna"] == best["skyrack"],
        "best_value": best,
        "load_average_1min": [round(sample[0], 2) for sample in loads],
    }


def bench_workers(*, n_trials: int, rounds: int) -> dict[str, Any]:
    """(b) Wall seconds of ``n_trials`` simulated trials with 1 and with 2 worker processes
    (alternating rounds, a fresh journal each), and the speed-up of 2 over 1."""
    study = skyrack.load_study(SIMULATED_STUDY)
    times: dict[str, list[float]] = {"1": [], "2": []}
    cores: dict[str, list[float]] = {"1": [], "2": []}
    loads = [load()]
    with tempfile.TemporaryDirectory(prefix="skyrack-bench-") as folder:
        for round_number in range(rounds):
            for workers in (1, 2):
                path = Path(folder) / f"{workers}-{round_number}.journal"
                cpu, start = cpu_seconds(), time.perf_counter()
                optimize(study, storage=str(path), n_trials=n_trials, workers=workers)
                wall = time.perf_counter() - start
                times[str(workers)].append(wall)
                cores[str(workers)].append((cpu_seconds() - cpu) / wall)
                loads.append(load())
    medians = {workers: statistics.median(values) for workers, values in times.items()}
    return {
        "cores_used": {workers: statistics.median(values) for workers, values in cores.items()},
        "study": SIMULATED_STUDY.name,
        "n_trials": n_trials,
        "rounds": rounds,
        "usable_cpus": len(os.sched_getaffinity(0)),
        "seconds": times,
        "median_s": medians,
        "speedup": medians["1"] / medians["2"],
        "load_average_1min": [round(sample[0], 2) for sample in loads],
    }


def bench(*, quick: bool) -> dict[str, Any]:
    """Every design-search figure: (a) 200 trials and one round with ``quick``, else 1,000
    trials and three rounds; (b) the workers' speed-up."""
    return {
        "overhead": bench_overhead(n_trials=200 if quick else 1_000, rounds=1 if quick else 3),
        "workers": bench_workers(n_trials=8 if quick else 48, rounds=1 if quick else 3),
        "targets": {
            "skyrack_over_optuna_at_most": OVERHEAD_TARGET,
            "thousand_trials_s_below": THOUSAND_TRIALS_TARGET_S,
            "two_over_one_workers_at_least": WORKERS_TARGET,
        },
    }


def print_report(results: dict[str, Any]) -> None:
    """The design-search part of the report."""
    search, workers = results["overhead"], results["workers"]
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
    verdict = "met" if ratio <= OVERHEAD_TARGET else "NOT met"
    print(f"  ratio skyrack / Optuna: {ratio:.3f}; target ≤ {OVERHEAD_TARGET}: {verdict}")
    if search["n_trials"] == 1_000:
        seconds = search["median_s"]["skyrack"]
        verdict = "met" if seconds < THOUSAND_TRIALS_TARGET_S else "NOT met"
        print(f"  skyrack, 1,000 trials: {seconds:.1f} s; target < 20 s: {verdict}")
    same = "yes" if search["same_best_value"] else "NO"
    print(f"  same best value both ways: {same} ({search['best_value']['skyrack']:.6g})")
    print(f"  load average (1 min) before and after each search: {search['load_average_1min']}")
    print()
    print(
        f"Design search on the fleet simulation: {workers['n_trials']} trials of "
        f"{workers['study']} ({workers['usable_cpus']} usable CPUs), {workers['rounds']} "
        "alternating round(s)"
    )
    print(f"  {'':44} {'median s':>10}  rounds (s)")
    for count in ("1", "2"):
        rounds = ", ".join(f"{value:.2f}" for value in workers["seconds"][count])
        label = f"{count} worker process{'es' if count == '2' else ''}"
        print(f"  {label:44} {workers['median_s'][count]:>10.2f}  {rounds}")
    used = workers["cores_used"]
    print(
        f"  cores the search got (CPU seconds / wall seconds): {used['1']:.2f} with 1 worker, "
        f"{used['2']:.2f} with 2"
    )
    speedup = workers["speedup"]
    verdict = "met" if speedup >= WORKERS_TARGET else "NOT met"
    print(f"  speed-up of 2 workers over 1: {speedup:.2f}×; target ≥ {WORKERS_TARGET}: {verdict}")
    print(f"  load average (1 min) before and after each search: {workers['load_average_1min']}")
