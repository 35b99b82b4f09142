"""The fleet simulation at a million satellites, and against one Mesa agent per satellite.

(a) One replication of a 1,000,000-satellite fleet (Starship at its stated goals, 100 kW compute
    buses of 55 B200s, dawn-dusk SSO) over 10 years in daily steps, on one core: CPU seconds
    per replication (median of a few), under two policies: ``deploy-once`` (the million launched
    once, about 1.0 M satellites) and ``replace-failed`` (failures replaced and the whole fleet
    refreshed at five years, about 2.3 M satellites launched). An unlimited factory and no
    stand-downs, so that the million is deployed (in about three years at 24 launches a day).
(b) Peak memory of one replication: the largest total of Python and numpy allocations
    (tracemalloc) and the process's maximum resident set.
(c) The per-satellite reference (:mod:`skyrack.simulation.reference`, one Mesa agent per
    satellite) on a fleet small enough for it, in the same run: time per satellite-step (one
    operating satellite advanced one step) against the ledger's at a million satellites.

CPU time (``time.process_time``) rather than wall time: the figure is "on one core", and the
machine may be shared. Run through ``benchmarks/run.py``; this module only measures.
"""

from __future__ import annotations

import resource
import statistics
import time
import tracemalloc
from typing import Any

from skyrack import plugins
from skyrack.design import Design, Economics, Sizing
from skyrack.ground import DAYS_PER_YEAR
from skyrack.simulation.history import FleetHistory
from skyrack.simulation.model import FleetModel
from skyrack.simulation.plan import SimulationPlan
from skyrack.simulation.reference import ReferenceFleetModel
from skyrack.simulation.settings import FactorySettings, SimulationSettings

MILLION_COMPONENTS: dict[str, str] = {
    "launch_vehicle": "starship-target",
    "satellite_bus": "large-compute-bus",
    "compute_payload": "b200",
    "orbit": "sso-dawn-dusk-650",
    "ground_baseline": "hyperscale-grid",
}
POLICIES = ("deploy-once", "replace-failed")
TARGET_S = 1.0
GOAL_S = 0.5
RATIO_TARGET = 1000.0


def million_design(satellites: int = 1_000_000) -> Design:
    """The memo's fleet: ~98 kW satellites of 55 B200s on Starship from 2035."""
    return Design.from_names(
        plugins.registry(),
        **MILLION_COMPONENTS,
        sizing=Sizing(accelerators_per_satellite=55, satellites=satellites, shielding_mm_al=5.0),
        economics=Economics(start_year=2035),
    )


def plan_for(design: Design, policy: str, years: float) -> SimulationPlan:
    """Daily steps, the policy, an unlimited factory, no stand-downs, no events."""
    settings = SimulationSettings(
        horizon_years=years,
        step_days=1.0,
        policy=policy,
        stand_down_days=0.0,
        factory=FactorySettings(unlimited=True),
    )
    return SimulationPlan.of(design, settings)


def satellite_steps(history: FleetHistory, step_days: float = 1.0) -> float:
    """Operating satellites summed over the steps (satellite-years in steps)."""
    return float(history.timeline.satellite_years.sum() * DAYS_PER_YEAR / step_days)


def _timed(
    model_class: type[FleetModel], plan: SimulationPlan, seed: int
) -> tuple[float, float, FleetHistory]:
    wall, cpu = time.perf_counter(), time.process_time()
    history = model_class(plan, rng=seed).run()
    return time.process_time() - cpu, time.perf_counter() - wall, history


def bench_million(rounds: int = 3) -> list[dict[str, Any]]:
    """CPU and wall seconds per replication of the million-satellite fleet, per policy."""
    design = million_design()
    rows = []
    for policy in POLICIES:
        plan = plan_for(design, policy, 10.0)
        runs = [_timed(FleetModel, plan, seed) for seed in range(rounds)]
        cpu = statistics.median(run[0] for run in runs)
        history = runs[0][2]
        steps = satellite_steps(history)
        tracemalloc.start()
        FleetModel(plan, rng=rounds).run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            {
                "policy": policy,
                "cpu_s": cpu,
                "wall_s": statistics.median(run[1] for run in runs),
                "all_cpu_s": [run[0] for run in runs],
                "satellites_launched": float(history.timeline.satellites_launched.sum()),
                "launches": float(history.timeline.launches.sum()),
                "time_to_90pct_power_years": history.timeline.time_to_power(0.9),
                "satellite_steps": steps,
                "ns_per_satellite_step": cpu / steps * 1e9,
                "peak_traced_mb": peak / 1e6,
            }
        )
    return rows


def bench_reference(satellites: int = 1000, years: float = 1.0) -> dict[str, Any]:
    """The per-satellite reference and the ledger on the same small fleet."""
    plan = plan_for(million_design(satellites), "replace-failed", years)
    rows = {}
    for name, model_class in (
        ("ledger", FleetModel),
        ("per_satellite_agents", ReferenceFleetModel),
    ):
        cpu, _, history = _timed(model_class, plan, 1)
        steps = satellite_steps(history)
        rows[name] = {
            "cpu_s": cpu,
            "satellite_steps": steps,
            "ns_per_satellite_step": cpu / steps * 1e9,
        }
    return {"satellites": satellites, "years": years, **rows}


def bench(rounds: int = 3) -> dict[str, Any]:
    """Everything this module measures, with the ratios."""
    million = bench_million(rounds)
    reference = bench_reference()
    per_agent = reference["per_satellite_agents"]["ns_per_satellite_step"]
    return {
        "million": million,
        "reference": reference,
        "speedup_per_satellite_step": {
            row["policy"]: per_agent / row["ns_per_satellite_step"] for row in million
        },
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
        "targets": {"seconds_per_replication": TARGET_S, "goal_s": GOAL_S, "speedup": RATIO_TARGET},
    }


def print_report(results: dict[str, Any]) -> None:
    """The human-readable table."""
    print()
    print("Fleet simulation: 1,000,000 satellites × 10 years in daily steps, one core")
    print(f"  {'policy':<16} {'CPU s':>7} {'wall s':>7} {'launched':>11} {'launches':>9} "
          f"{'ns/sat-step':>12} {'peak MB':>8}")  # fmt: skip
    for row in results["million"]:
        print(
            f"  {row['policy']:<16} {row['cpu_s']:>7.3f} {row['wall_s']:>7.3f} "
            f"{row['satellites_launched']:>11,.0f} {row['launches']:>9,.0f} "
            f"{row['ns_per_satellite_step']:>12.3f} {row['peak_traced_mb']:>8.0f}"
        )
    worst = max(row["cpu_s"] for row in results["million"])
    verdict = "met" if worst <= TARGET_S else "NOT met"
    goal = "met" if worst <= GOAL_S else "not met"
    print(f"  target ≤ {TARGET_S:g} s per replication: {verdict}; goal ≤ {GOAL_S:g} s: {goal}")
    print(f"  process maximum resident set: {results['max_rss_mb']:,.0f} MB")
    ref = results["reference"]
    agents = ref["per_satellite_agents"]
    print(
        f"Per-satellite Mesa agents on {ref['satellites']:,} satellites × {ref['years']:g} yr: "
        f"{agents['ns_per_satellite_step']:,.0f} ns per satellite-step "
        f"(the ledger on the same fleet: {ref['ledger']['ns_per_satellite_step']:,.1f} ns)"
    )
    for policy, ratio in results["speedup_per_satellite_step"].items():
        verdict = "met" if ratio >= RATIO_TARGET else "NOT met"
        print(f"  ledger at a million ({policy}) vs per-satellite agents: {ratio:,.0f}× "
              f"per satellite-step (target ≥ {RATIO_TARGET:,.0f}×: {verdict})")  # fmt: skip
