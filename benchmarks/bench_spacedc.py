"""skyrack's single-design evaluation side by side with spacedc-mdao's ``evaluate_space``.

Both evaluate a ~1 MW orbital AI cluster: spacedc-mdao its own example
(``examples/scenarios/orbital_1mw_inference.yaml``: 64 satellites × 18 H100, 650 km dawn–dusk
SSO, 5 years), skyrack the closest catalog design (:func:`bench_evaluator.one_megawatt_design`).
spacedc-mdao runs in its own environment (``benchmarks/.venv-spacedc``, see
:mod:`spacedc_env`), timed by a subprocess with the same timer as skyrack's side. The two are
timed in alternating rounds within one run, so both see the same machine state; the ratio is
skyrack's median over spacedc-mdao's (below 1: skyrack is faster).

What each call covers: spacedc-mdao's ``evaluate_space`` evaluates the orbital scenario only
(the Earth baseline is a separate call); skyrack's ``evaluate`` returns orbit *and* ground
figures, the budget table and every model quantity.
"""

from __future__ import annotations

from typing import Any

import spacedc_env
from bench_evaluator import bench_single
from spacedc_env import summarize

from skyrack.design import Design


def bench_comparison(design: Design, *, rounds: int, repeats: int) -> dict[str, Any]:
    """Time skyrack and spacedc-mdao in ``rounds`` alternating rounds of ``repeats`` samples.

    Returns both summaries, the ratio of medians, and ``spacedc_error`` (a sentence) instead of
    spacedc-mdao's figures when it cannot be installed or run.
    """
    python, error = spacedc_env.ensure_env()
    skyrack_samples: list[float] = []
    checked = True
    spacedc_rounds: list[dict[str, Any]] = []
    for _ in range(rounds):
        single = bench_single(design, repeats=repeats)
        skyrack_samples += single["samples_s"]
        checked = single["feasibility_checked"]
        if python is not None:
            try:
                spacedc_rounds.append(spacedc_env.time_spacedc(python, repeats=repeats))
            except RuntimeError as failure:
                python, error = None, f"spacedc-mdao timing failed: {failure}"
    report: dict[str, Any] = {
        "skyrack": {**summarize(skyrack_samples), "feasibility_checked": checked},
        "rounds": rounds,
    }
    if python is None or not spacedc_rounds:
        report["spacedc_error"] = error or "spacedc-mdao was not timed"
        return report
    pooled = [sample for r in spacedc_rounds for sample in r["samples_s"]]
    spacedc = {key: value for key, value in spacedc_rounds[-1].items() if key != "samples_s"}
    spacedc.update(summarize(pooled))
    report["spacedc"] = spacedc
    report["skyrack_over_spacedc"] = report["skyrack"]["median_s"] / spacedc["median_s"]
    return report
