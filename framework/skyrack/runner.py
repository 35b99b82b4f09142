"""Running a study: evaluate its design, price its business case, fly its fleet if it has a
[simulation], and write its results folder around one results document.

``check_study`` does everything ``run_study`` does except flying the fleet and writing: the
evaluation (with its feasibility and finiteness checks), the business case, the document, and
the checks on the results folder. So ``skyrack validate`` passes exactly the studies ``skyrack
run`` can run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.business.case import BusinessCase, case_from_model, write_cash_flows
from skyrack.errors import ModelDomainError, SkyrackError, StudyError
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.output import results_document, results_files
from skyrack.results import check_target, write_results
from skyrack.study import Study
from skyrack.toml_input import STDIN

if TYPE_CHECKING:
    from skyrack.explore.uncertainty import UncertaintyResult


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics, the business case, the results document, and where it
    was written (or would be, for a check), with notes on an earlier run's leftovers; for a
    study with a [simulation], the ``simulation`` section of the document."""

    metrics: Metrics
    business: BusinessCase
    document: dict[str, Any]
    folder: Path
    notes: tuple[str, ...] = ()
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


def _label(study: Study) -> str:
    if study.path is None:
        return "study"
    return "<stdin>" if str(study.path) == STDIN else str(study.path)


def evaluate_study(study: Study) -> Metrics:
    """Evaluate the study's design; an input outside the model or one that drives a result to
    infinity is a StudyError naming where the study sets it."""
    try:
        return evaluate(study.design)
    except ModelDomainError as error:
        if not error.keys:
            raise StudyError(f"{_label(study)}: {error}") from None
        places = [study.locate(key) for key in error.keys]
        where = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        raise StudyError(f"{_label(study)}: {where}: {error.problem}") from None
    except StudyError:
        raise
    except SkyrackError as error:
        raise StudyError(f"{_label(study)}: {error}") from None


def _business(study: Study, metrics: Metrics) -> BusinessCase:
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    try:
        return case_from_model(
            design_parameters(study.design),
            metrics.values,
            study.business,
            registry().accelerator_roadmap(study.business.roadmap),
        )
    except StudyError:
        raise
    except SkyrackError as error:
        raise StudyError(f"{_label(study)}: business case: {error}") from None


def _uncertainty(study: Study) -> UncertaintyResult | None:
    """The Monte Carlo of the study's uncertain inputs, or None when it has none."""
    from skyrack.explore.uncertainty import study_uncertainty, uncertain_inputs

    if not uncertain_inputs(study.design, study.uncertainty):
        return None
    return study_uncertainty(study.design, study.uncertainty, seed=study.info.seed)


def _document(
    study: Study,
    metrics: Metrics,
    business: BusinessCase,
    uncertainty: UncertaintyResult | None,
    simulation: dict[str, Any] | None = None,
    simulated: dict[str, Any] | None = None,
    search: dict[str, Any] | None = None,
) -> dict[str, Any]:
    sections: dict[str, Any] = {"business": business.as_dict()}
    spread = uncertainty.as_dict() if uncertainty is not None else {}
    if simulated is not None:
        spread["simulated"] = simulated
    if spread:
        sections["uncertainty"] = spread
    if simulation is not None:
        sections["simulation"] = simulation
    if search is None and study.optimize is not None:
        from skyrack.optimize.report import study_search_section

        search = study_search_section(study)  # the search in the study's own storage, if any
    if search is not None:
        sections["optimization"] = search
    return results_document(
        study, metrics, allowed_implausible=study.allowed_implausible, sections=sections
    )


def check_study(study: Study, out_dir: Path | None = None) -> RunOutcome:
    """Everything a run checks, without flying the fleet, drawing the report or writing:
    evaluation, business case, uncertainty, document, results folder."""
    metrics = evaluate_study(study)
    business = _business(study, metrics)
    uncertainty = _uncertainty(study)
    document = _document(study, metrics, business, uncertainty)
    results_files(document)  # every number finite, every file renders
    folder = check_target(out_dir or default_results_folder(study), study.path)
    return RunOutcome(
        metrics=metrics,
        business=business,
        document=document,
        folder=folder,
        uncertainty=uncertainty,
    )


def run_study(
    study: Study,
    out_dir: Path | None = None,
    *,
    replications: int | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    report: bool = True,
    search: dict[str, Any] | None = None,
) -> RunOutcome:
    """Evaluate ``study`` analytically and, if it has a [simulation], fly ``replications``
    (default: the study's) replications of its fleet on ``workers`` local processes or the Dask
    ``scheduler``; write the results (atomically) to ``out_dir`` (default ``results/<study
    name>``). ``progress(done, total)`` is called after each replication. Interrupted (Ctrl-C),
    the replications already done are written and :class:`Interrupted` is raised.

    The study's uncertain inputs are drawn by Monte Carlo (``[uncertainty]``; the catalog's
    ranges by default) and the folder gets ``report.html`` unless ``report`` is false. ``search``
    is the document's ``optimization`` section (default: the search in the study's own storage,
    when it has run one)."""
    metrics = evaluate_study(study)
    business = _business(study, metrics)
    folder = out_dir or default_results_folder(study)
    check_target(folder, study.path)  # before flying a fleet into a folder that is refused
    uncertainty = _uncertainty(study)
    failures: list[str] = []

    def write_report_into(staging: Path, document: dict[str, Any]) -> None:
        if report:
            from skyrack.report import write_report

            _, problems = write_report(
                staging, study, metrics, document=document, uncertainty=uncertainty
            )
            failures.extend(problems)

    if study.simulation is None:
        document = _document(study, metrics, business, uncertainty, search=search)

        def write_analytic(staging: Path) -> None:
            write_cash_flows(staging, business)
            write_report_into(staging, document)

        written = write_results(
            folder, results_files(document), study.path, write_more=write_analytic
        )
        return RunOutcome(
            metrics=metrics,
            business=business,
            document=document,
            folder=written.folder,
            notes=written.notes,
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
        [history.lcoc_net_of_residual_usd_per_pflop_day() for history in histories],
        metrics.ground_lcoc_usd_per_pflop_day,
    )
    from skyrack.parameters import design_parameters
    from skyrack.plugins import registry

    business = simulated_case(
        design_parameters(study.design),
        metrics.values,
        study.business,
        registry().accelerator_roadmap(study.business.roadmap),
        plan,
        [history.timeline for history in histories],
    )
    document = _document(study, metrics, business, uncertainty, section, simulated, search)

    def write_more(staging: Path) -> None:
        write_cash_flows(staging, business)
        output.write_files(staging, histories, summary)
        write_report_into(staging, document)

    written = write_results(folder, results_files(document), study.path, write_more=write_more)
    if interrupted:
        raise Interrupted(
            f"interrupted after {len(histories)} of {settings.replications} replications; "
            f"their results are in {written.folder}"
        )
    return RunOutcome(
        metrics=metrics,
        business=business,
        document=document,
        folder=written.folder,
        notes=written.notes,
        simulation=section,
        uncertainty=uncertainty,
        simulated_verdict=simulated,
        report_failures=tuple(failures),
    )
