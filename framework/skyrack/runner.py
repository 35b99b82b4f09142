"""Running a study: evaluate its design, fly its fleet if it has a [simulation], write the
results folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from skyrack.business.case import BusinessCase, case_from_model, write_cash_flows
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.results import write_results
from skyrack.study import Study


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics, the folder they were written to and, for a study with
    a [simulation], the ``simulation`` section of metrics.json."""

    metrics: Metrics
    folder: Path
    business: BusinessCase
    simulation: dict[str, Any] | None = None


class Interrupted(SkyrackError):
    """Raised when a run is interrupted after some replications; their results were written."""


def default_results_folder(study: Study) -> Path:
    """results/<study name>, relative to the working directory."""
    return Path("results") / study.info.name


def run_study(
    study: Study,
    out_dir: Path | None = None,
    *,
    replications: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunOutcome:
    """Evaluate ``study`` analytically and, if it has a [simulation], fly ``replications``
    (default: the study's) replications of its fleet on ``workers`` local processes or the Dask
    ``scheduler``; write the results (atomically) to ``out_dir``. ``progress(done, total)`` is
    called after each replication. Interrupted (Ctrl-C), the replications already done are
    written and :class:`Interrupted` is raised."""
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    metrics = evaluate(study.design)
    business = case_from_model(
        design_parameters(study.design),
        metrics.values,
        study.business,
        registry().accelerator_roadmap(study.business.roadmap),
    )
    sections: dict[str, Any] = {"business": business.as_dict()}
    described = {
        "name": study.info.name,
        "description": study.info.description,
        "file": str(study.path) if study.path else None,
        "components": {kind: c.name for kind, c in study.design.components().items()},
        "sizing": attrs.asdict(study.design.sizing),
        "economics": attrs.asdict(study.design.economics),
        "overrides": study.overrides,
    }
    folder = out_dir or default_results_folder(study)
    if study.simulation is None:
        written = write_results(
            folder,
            metrics,
            described,
            sections=sections,
            write_more=lambda staging: write_cash_flows(staging, business),
        )
        return RunOutcome(metrics=metrics, folder=written, business=business)

    from skyrack.simulation import ensemble, output
    from skyrack.simulation.plan import SimulationPlan

    settings = study.simulation
    if replications is not None:
        settings = attrs.evolve(settings, replications=replications)
    plan = SimulationPlan.of(study.design, settings)
    seed = settings.seed or 0
    histories = []
    interrupted = False
    if progress is not None:
        progress(0, settings.replications)
    try:
        for history in ensemble.replications(plan, seed=seed, workers=workers, scheduler=scheduler):
            histories.append(history)
            if progress is not None:
                progress(len(histories), settings.replications)
    except KeyboardInterrupt:
        interrupted = True
        if not histories:
            raise
    summary = ensemble.summarize(histories, seed=seed)
    section = output.document(summary, settings, settings.replications)

    def write_more(staging: Path) -> None:
        write_cash_flows(staging, business)
        output.write_files(staging, histories, summary)

    written = write_results(
        folder,
        metrics,
        described,
        sections={**sections, "simulation": section},
        write_more=write_more,
    )
    if interrupted:
        raise Interrupted(
            f"interrupted after {len(histories)} of {settings.replications} replications; "
            f"their results are in {written}"
        )
    return RunOutcome(metrics=metrics, folder=written, business=business, simulation=section)
