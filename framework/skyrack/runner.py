"""Running a study: evaluate its design and write the results folder."""

from __future__ import annotations

from pathlib import Path

import attrs

from skyrack.business.case import BusinessCase, case_from_model
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.results import write_results
from skyrack.study import Study


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics and the folder they were written to."""

    metrics: Metrics
    folder: Path
    business: BusinessCase


def default_results_folder(study: Study) -> Path:
    """results/<study name>, relative to the working directory."""
    return Path("results") / study.info.name


def run_study(study: Study, out_dir: Path | None = None) -> RunOutcome:
    """Evaluate ``study`` analytically, with its business case, and write its results
    (atomically) to ``out_dir``."""
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    metrics = evaluate(study.design)
    business = case_from_model(
        design_parameters(study.design),
        metrics.values,
        study.business,
        registry().accelerator_roadmap(study.business.roadmap),
    )
    described = {
        "name": study.info.name,
        "description": study.info.description,
        "file": str(study.path) if study.path else None,
        "components": {kind: c.name for kind, c in study.design.components().items()},
        "sizing": attrs.asdict(study.design.sizing),
        "economics": attrs.asdict(study.design.economics),
        "overrides": study.overrides,
    }
    folder = write_results(
        out_dir or default_results_folder(study), metrics, described, business=business
    )
    return RunOutcome(metrics=metrics, folder=folder, business=business)
