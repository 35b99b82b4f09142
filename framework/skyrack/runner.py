"""Running a study: evaluate its design, fly its fleet if it has a [simulation], write the
results folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.business.case import BusinessCase, case_from_model, write_cash_flows
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.results import write_results
from skyrack.study import Study

if TYPE_CHECKING:
    from skyrack.explore.uncertainty import UncertaintyResult


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics, the folder they were written to and, for a study with
    a [simulation], the ``simulation`` section of metrics.json."""

    metrics: Metrics
    folder: Path
    business: BusinessCase
    simulation: dict[str, Any] | None = None
    uncertainty: UncertaintyResult | None = None
    """The Monte Carlo over the study's uncertain inputs (None: it has none)."""
    simulated_verdict: dict[str, Any] | None = None
    """P(orbit beats the ground) over the simulation's replications (a study with one)."""
    report_failures: tuple[str, ...] = ()
    """One line per report section that could not be drawn (the rest of report.html was)."""


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
    report: bool = True,
) -> RunOutcome:
    """Evaluate ``study`` analytically and, if it has a [simulation], fly ``replications``
    (default: the study's) replications of its fleet on ``workers`` local processes or the Dask
    ``scheduler``; write the results (atomically) to ``out_dir``. ``progress(done, total)`` is
    called after each replication. Interrupted (Ctrl-C), the replications already done are
    written and :class:`Interrupted` is raised.

    The study's uncertain inputs are drawn by Monte Carlo (``[uncertainty]``; the catalog's
    ranges by default) and the folder gets ``report.html`` unless ``report`` is false."""
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    metrics = evaluate(study.design)
    p = design_parameters(study.design)
    roadmap = registry().accelerator_roadmap(study.business.roadmap)
    sections: dict[str, Any] = {}
    uncertainty = _uncertainty(study)
    if uncertainty is not None:
        sections["uncertainty"] = uncertainty.as_dict()
    failures: list[str] = []

    def write_report_into(staging: Path, document: dict[str, Any]) -> None:
        if report:
            from skyrack.report import write_report

            _, problems = write_report(
                staging, study, metrics, document=document, uncertainty=uncertainty
            )
            failures.extend(problems)

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
        business = case_from_model(p, metrics.values, study.business, roadmap)
        sections = {"business": business.as_dict(), **sections}

        def write_analytic(staging: Path) -> None:
            write_cash_flows(staging, business)
            write_report_into(staging, {**metrics.as_dict(), **sections})

        written = write_results(
            folder, metrics, described, sections=sections, write_more=write_analytic
        )
        return RunOutcome(
            metrics=metrics,
            folder=written,
            business=business,
            uncertainty=uncertainty,
            report_failures=tuple(failures),
        )

    from skyrack.business.simulated import simulated_case
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
    from skyrack.explore.uncertainty import ensemble_verdict

    simulated = ensemble_verdict(
        [history.metrics()["lcoc_usd_per_pflop_day"] for history in histories],
        metrics.ground_lcoc_usd_per_pflop_day,
    )
    sections["uncertainty"] = {**sections.get("uncertainty", {}), "simulated": simulated}
    business = simulated_case(
        p, metrics.values, study.business, roadmap, plan, [h.timeline for h in histories]
    )
    sections = {"business": business.as_dict(), **sections}

    def write_more(staging: Path) -> None:
        write_cash_flows(staging, business)
        output.write_files(staging, histories, summary)
        write_report_into(staging, {**metrics.as_dict(), **sections, "simulation": section})

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
    return RunOutcome(
        metrics=metrics,
        folder=written,
        business=business,
        simulation=section,
        uncertainty=uncertainty,
        simulated_verdict=simulated,
        report_failures=tuple(failures),
    )


def _uncertainty(study: Study) -> UncertaintyResult | None:
    """The Monte Carlo of the study's uncertain inputs, or None when it has none."""
    from skyrack.explore.uncertainty import study_uncertainty, uncertain_inputs

    if not uncertain_inputs(study.design, study.uncertainty):
        return None
    return study_uncertainty(study.design, study.uncertainty, seed=study.info.seed)
