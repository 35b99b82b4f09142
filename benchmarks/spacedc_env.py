"""spacedc-mdao's own environment, and the timer both sides of the comparison share.

spacedc-mdao (import name ``orbitdc``) is never a skyrack dependency: it lives in its own
virtual environment at ``benchmarks/.venv-spacedc``, created on demand with uv, and is timed by
running this very file with that environment's interpreter::

    benchmarks/.venv-spacedc/bin/python benchmarks/spacedc_env.py --repeats 51

which prints one JSON object (median seconds per ``evaluate_space`` call, ...) on stdout.
This module therefore imports only the standard library at module level, and holds
:func:`time_per_call`, the timer skyrack's side uses too, so both are measured identically.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ENV_DIR = HERE / ".venv-spacedc"
SPACEDC_REQUIREMENT = "spacedc-mdao==0.4.2"
"""Pinned: the embedded 1 MW scenario below is the one shipped with this release."""

INSTALL_TIMEOUT_S = 600.0

ORBITAL_1MW_INFERENCE: dict[str, Any] = {
    "name": "1 MW orbital inference cluster",
    "kind": "space",
    "mission_life_years": 5,
    "accelerator": "h100_sxm",
    "utilization": 0.85,
    "sustained_fraction": 0.55,
    "discount_rate": 0.08,
    "workload": {"type": "llm_inference"},
    "space": {
        "orbit": {"type": "dawn_dusk_sso", "altitude_km": 650.0},
        "architecture": {
            "satellites": 64,
            "accelerators_per_satellite": 18,
            "crosslink": "optical",
            "crosslink_gbps": 50000.0,
            "downlink_gbps": 200.0,
            "radiator_area_m2_per_sat": 45.0,
        },
        "it_power_overhead_frac": 0.25,
        "non_it_power_frac": 0.10,
        "solar_array": "rigid_triple_junction",
        "battery": "li_ion_generic",
        "launch": "current_reusable",
        "radiator_panel": "deployable_osr",
        "coolant": "ammonia_single_phase",
        "chip_stack": "h100_direct_liquid",
        "thermal_environment": "conservative_leo",
        "thermal_eol": True,
        "annual_failure_rate": 0.05,
        "spare_fraction": 0.05,
        "reset_recovery_availability": 0.99,
    },
}
"""spacedc-mdao 0.4.2's ``examples/scenarios/orbital_1mw_inference.yaml`` (MIT licence),
copied verbatim as a mapping: the example directory ships in the sdist, not in the wheel."""


# --- the shared timer ---------------------------------------------------------------------------


def time_per_call(
    call: Callable[[], object],
    *,
    repeats: int,
    warmup: int = 20,
    min_sample_s: float = 0.01,
) -> list[float]:
    """Seconds per call of ``call``: ``repeats`` samples, each the mean over a loop of calls.

    Warms up first, then picks the loop length so that one sample lasts at least
    ``min_sample_s`` (as :mod:`timeit` does), so that timer resolution and loop overhead are
    negligible. The garbage collector is paused while sampling, as in :mod:`timeit`.
    """
    for _ in range(warmup):
        call()
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            call()
        if time.perf_counter() - start >= min_sample_s:
            break
        number *= 2
    samples: list[float] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeats):
            start = time.perf_counter()
            for _ in range(number):
                call()
            samples.append((time.perf_counter() - start) / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return samples


def summarize(samples: list[float]) -> dict[str, float | int]:
    """Median, fastest and quartiles of per-call samples, in seconds."""
    ordered = sorted(samples)
    quartiles = statistics.quantiles(ordered, n=4) if len(ordered) > 1 else ordered * 3
    return {
        "median_s": statistics.median(ordered),
        "min_s": ordered[0],
        "q1_s": quartiles[0],
        "q3_s": quartiles[2],
        "samples": len(ordered),
    }


# --- the environment ----------------------------------------------------------------------------


def env_python() -> Path:
    """The interpreter of the spacedc-mdao environment (it may not exist yet)."""
    if os.name == "nt":
        return ENV_DIR / "Scripts" / "python.exe"
    return ENV_DIR / "bin" / "python"


def _has_orbitdc(python: Path) -> bool:
    if not python.exists():
        return False
    probe = subprocess.run(
        [str(python), "-c", "import orbitdc"], capture_output=True, text=True, check=False
    )
    return probe.returncode == 0


def _uv() -> str | None:
    found = shutil.which("uv")
    if found:
        return found
    beside = Path(sys.executable).parent / "uv"  # the dev group installs uv in the project venv
    return str(beside) if beside.exists() else None


def ensure_env() -> tuple[Path | None, str]:
    """Create the spacedc-mdao environment if needed: ``(python, "")`` or ``(None, reason)``."""
    python = env_python()
    if _has_orbitdc(python):
        return python, ""
    uv = _uv()
    if uv is None:
        return None, "uv not found on PATH, cannot create the spacedc-mdao environment"
    steps = [
        [uv, "venv", "--allow-existing", "--python", "3.12", str(ENV_DIR)],
        [uv, "pip", "install", "--python", str(python), SPACEDC_REQUIREMENT],
    ]
    for step in steps:
        what = "`uv venv`" if step[1] == "venv" else "`uv pip install`"
        try:
            done = subprocess.run(
                step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired:
            return None, f"{what} timed out after {INSTALL_TIMEOUT_S:.0f} s (no network?)"
        if done.returncode != 0:
            lines = (done.stderr or done.stdout).strip().splitlines() or ["no output"]
            return None, (
                f"could not install {SPACEDC_REQUIREMENT} into {ENV_DIR} (no network?): "
                f"{what} failed: {lines[-1].strip()}"
            )
    if not _has_orbitdc(python):
        return None, f"installed {SPACEDC_REQUIREMENT} but `import orbitdc` still fails"
    return python, ""


def time_spacedc(python: Path, *, repeats: int, timeout_s: float = 300.0) -> dict[str, Any]:
    """Run this file in the spacedc-mdao environment and return its JSON timing report.

    Raises RuntimeError (with spacedc-mdao's stderr) when the script fails or prints no report.
    """
    command = [str(python), str(Path(__file__).resolve()), "--repeats", str(repeats)]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout_s, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as failure:
        raise RuntimeError(str(failure)) from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[-2000:]}")
    try:
        report: dict[str, Any] = json.loads(lines[-1])
    except json.JSONDecodeError as failure:
        raise RuntimeError(f"unreadable report {lines[-1]!r}: {failure}") from None
    return report


# --- run inside the spacedc-mdao environment ----------------------------------------------------


def _main() -> None:
    parser = argparse.ArgumentParser(description="time spacedc-mdao's evaluate_space (1 MW)")
    parser.add_argument("--repeats", type=int, default=51)
    args = parser.parse_args()

    from importlib.metadata import version

    import numpy
    import orbitdc

    scenario = orbitdc.load_scenario_dict(ORBITAL_1MW_INFERENCE)
    result = orbitdc.evaluate_space(scenario)
    samples = time_per_call(lambda: orbitdc.evaluate_space(scenario), repeats=args.repeats)
    report = {
        **summarize(samples),
        "samples_s": samples,
        "spacedc_mdao_version": version("spacedc-mdao"),
        "numpy_version": numpy.__version__,
        "python_version": platform.python_version(),
        "scenario": ORBITAL_1MW_INFERENCE["name"],
        "n_accelerators": result.n_accelerators,
        "it_power_w": result.it_power_w,
        "lcoc_usd_per_pflop_day": result.lcoc_per_pflop_day,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    _main()
