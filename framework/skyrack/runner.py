"""Running a study: evaluate its design and write the results folder."""

from __future__ import annotations

from pathlib import Path

import attrs

from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.results import write_results
from skyrack.study import Study


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics and the folder they were written to."""

    metrics: Metrics
    folder: Path


def default_results_folder(study: Study) -> Path:
    """results/<study name>, relative to the working directory."""
    return Path("results") / study.info.name


def run_study(study: Study, out_dir: Path | None = None) -> RunOutcome:
    """Evaluate ``study`` analytically and write its results (atomically) to ``out_dir``."""
    metrics = evaluate(study.design)
    described = {
        "name": study.info.name,
        "description": study.info.description,
        "file": str(study.path) if study.path else None,
        "components": {kind: c.name for kind, c in study.design.components().items()},
        "sizing": attrs.asdict(study.design.sizing),
        "economics": attrs.asdict(study.design.economics),
        "overrides": study.overrides,
    }
    folder = write_results(out_dir or default_results_folder(study), metrics, described)
    return RunOutcome(metrics=metrics, folder=folder)
