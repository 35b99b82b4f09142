"""``skyrack run`` and ``skyrack validate``: evaluate a study file, or only check it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from skyrack.cli.output import echo_json

if TYPE_CHECKING:
    from skyrack.runner import RunOutcome
    from skyrack.study import Study

STUDY_PATH = click.Path(path_type=Path)  # the loader explains folders and missing files


@click.command()
@click.argument("study_file", type=STUDY_PATH)
def validate(study_file: Path) -> None:
    """Check a study file without running it."""
    from skyrack.study import load_study

    study = load_study(study_file)
    click.echo(f"{study_file}: valid study {study.info.name!r}")


@click.command()
@click.argument("study_files", nargs=-1, required=True, type=STUDY_PATH)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the metrics as JSON (a list of documents for several studies).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder (default: results/<study name>; one study only).",
)
@click.option("--no-report", is_flag=True, help="Skip report.html (the HTML report).")
@click.option(
    "--replications",
    type=click.IntRange(min=1),
    help="Replications of the fleet simulation (default: the study's [simulation] setting).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Local processes that run the replications.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run the replications on a Dask cluster (e.g. tcp://10.0.0.5:8786).",
)
def run(
    study_files: tuple[Path, ...],
    as_json: bool,
    out_dir: Path | None,
    no_report: bool,
    replications: int | None,
    workers: int,
    scheduler: str | None,
) -> None:
    """Evaluate one or more studies and write each one's results folder: metrics as JSON and
    CSV, P10/P50/P90 under uncertainty and report.html; a study with a [simulation] also flies
    its fleet and writes the histories."""
    from skyrack.errors import SkyrackError
    from skyrack.study import load_study

    if out_dir is not None and len(study_files) > 1:
        raise SkyrackError("--out names one results folder: give it with one study only")
    studies = [(path, load_study(path)) for path in study_files]  # every file checked first
    documents = []
    for index, (path, study) in enumerate(studies):
        outcome = _run_one(path, study, out_dir, not no_report, replications, workers, scheduler)
        if as_json:
            documents.append(_document(outcome))
            continue
        if index:
            click.echo("\n" + "─" * 80 + "\n")
        _print_outcome(study, outcome)
    if as_json:
        echo_json(documents[0] if len(documents) == 1 else documents)


def _run_one(
    path: Path,
    study: Study,
    out_dir: Path | None,
    report: bool,
    replications: int | None,
    workers: int,
    scheduler: str | None,
) -> RunOutcome:
    from skyrack.cli.progress import status
    from skyrack.errors import SkyrackError
    from skyrack.runner import run_study

    try:
        with _progress(study.simulation is not None) as progress, status(f"running {path}"):
            return run_study(
                study,
                out_dir,
                replications=replications,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
                report=report,
            )
    except SkyrackError as error:
        raise click.ClickException(f"{path}: {error}") from None


def _document(outcome: RunOutcome) -> dict[str, Any]:
    """The run's JSON: metrics.json with the results folder first."""
    document = {
        "results": str(outcome.folder),
        **outcome.metrics.as_dict(),
        "business": outcome.business.as_dict(),
    }
    uncertainty = outcome.uncertainty.as_dict() if outcome.uncertainty is not None else {}
    if outcome.simulated_verdict is not None:
        uncertainty["simulated"] = outcome.simulated_verdict
    if uncertainty:  # as in metrics.json
        document["uncertainty"] = uncertainty
    if outcome.simulation is not None:
        document["simulation"] = outcome.simulation
    return document


def _print_outcome(study: Study, outcome: RunOutcome) -> None:
    from skyrack.cli.summary import print_summary
    from skyrack.cli.uncertainty_summary import print_uncertainty

    print_summary(study, outcome.metrics, business=outcome.business)
    if outcome.simulation is not None:
        from skyrack.cli.simulation_summary import print_simulation

        print_simulation(outcome.simulation, outcome.metrics)
    if outcome.uncertainty is not None:
        print_uncertainty(outcome.uncertainty)
    if outcome.simulated_verdict is not None:
        ratio = outcome.simulated_verdict["orbit_to_ground_ratio"]
        click.echo(
            f"simulated replications: orbit/ground P10 {ratio['p10']:.3g}, P50 "
            f"{ratio['p50']:.3g}, P90 {ratio['p90']:.3g}; P(orbit beats the ground) "
            f"{outcome.simulated_verdict['p_orbit_wins']:.0%} over "
            f"{outcome.simulated_verdict['replications']} replications"
        )
    click.echo(f"\nresults written to {outcome.folder}")
    report = outcome.folder / "report.html"
    if report.exists():
        click.echo(f"report: {report}")
    for failure in outcome.report_failures:
        click.echo(f"warning: a report section could not be drawn: {failure}", err=True)


@contextlib.contextmanager
def _progress(simulating: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for the replications of a simulation (None without one)."""
    if not simulating:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "flying the fleet",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("replications", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
