"""``skyrack run`` and ``skyrack validate``: evaluate study files, or check all of one."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from skyrack.cli.types import local_workers

if TYPE_CHECKING:
    from skyrack.runner import RunOutcome
    from skyrack.study import Study

STUDY_PATH = click.Path(path_type=Path)  # the loader explains folders, pipes and missing files
ALLOW_IMPLAUSIBLE = click.option(
    "--allow-implausible",
    is_flag=True,
    help="Accept inputs outside their plausible range (they are listed in the results).",
)


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder to check (default: results/<study name>).",
)
@ALLOW_IMPLAUSIBLE
def validate(study_file: Path, out_dir: Path | None, allow_implausible: bool) -> None:
    """Check a study file as `skyrack run` would (evaluation and results folder included),
    without writing anything. STUDY_FILE may be - for standard input."""
    from skyrack.runner import check_study
    from skyrack.study import load_study
    from skyrack.text import printable

    study = load_study(study_file, allow_implausible=allow_implausible)
    outcome = check_study(study, out_dir)
    click.echo(
        f"{printable(str(study_file))}: valid study {study.info.name!r}; "
        f"{outcome.metrics.orbit_to_ground_ratio:.3g}× orbit/ground; "
        f"results would go to {printable(str(outcome.folder))}"
    )


@click.command()
@click.argument("study_files", nargs=-1, required=True, type=STUDY_PATH)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the results document, metrics.json (a list of them for several studies).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder (default: results/<study name>; one study only).",
)
@ALLOW_IMPLAUSIBLE
@click.option("--no-report", is_flag=True, help="Skip report.html (the HTML report).")
@click.option(
    "--replications",
    type=click.IntRange(min=1),
    help="Replications of the fleet simulation (default: the study's [simulation] setting).",
)
@click.option(
    "--workers",
    type=local_workers(),
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
    allow_implausible: bool,
    no_report: bool,
    replications: int | None,
    workers: int,
    scheduler: str | None,
) -> None:
    """Evaluate one or more studies and write each one's results folder: metrics as JSON and
    CSV, P10/P50/P90 under uncertainty and report.html; a study with a [simulation] also flies
    its fleet and writes the histories. A STUDY_FILE of - is read from standard input."""
    from skyrack.errors import SkyrackError
    from skyrack.output import document_json
    from skyrack.study import load_study

    if out_dir is not None and len(study_files) > 1:
        raise SkyrackError("--out names one results folder: give it with one study only")
    studies = [  # every file checked before any runs
        (path, load_study(path, allow_implausible=allow_implausible)) for path in study_files
    ]
    outcomes = []
    for index, (path, study) in enumerate(studies):
        outcome = _run_one(path, study, out_dir, not no_report, replications, workers, scheduler)
        outcomes.append(outcome)
        for note in outcome.notes:
            click.echo(f"note: {note}", err=True)
        if not as_json:
            _printed(outcome, partial(_print_outcome, study, outcome, first=index == 0))
    if as_json:
        documents = [outcome.document for outcome in outcomes]
        text = document_json(documents[0] if len(documents) == 1 else documents)
        _printed(outcomes[-1], lambda: click.echo(text, nl=False))


def _printed(outcome: RunOutcome, echo: Callable[[], None]) -> None:
    """Print with ``echo``; a failing standard output (a full disk) still says where the
    results, already written, are."""
    from skyrack.errors import SkyrackError
    from skyrack.text import printable

    try:
        echo()
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away: nothing to tell it
        raise
    except OSError as error:
        raise SkyrackError(
            f"results written to {printable(str(outcome.folder))}, but printing them failed: "
            f"{error.strerror or error}"
        ) from None


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
    from skyrack.errors import SkyrackError, StudyError
    from skyrack.runner import run_study
    from skyrack.text import printable

    try:
        with (
            _progress(study.simulation is not None) as progress,
            status(f"running {printable(str(path))}"),
        ):
            return run_study(
                study,
                out_dir,
                replications=replications,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
                report=report,
            )
    except StudyError:  # already names the file
        raise
    except SkyrackError as error:
        raise SkyrackError(f"{path}: {error}") from None


def _print_outcome(study: Study, outcome: RunOutcome, *, first: bool) -> None:
    from skyrack.cli.summary import print_summary
    from skyrack.cli.uncertainty_summary import print_uncertainty
    from skyrack.text import printable

    if not first:
        click.echo("\n" + "─" * 80 + "\n")
    print_summary(study, outcome.metrics, business=outcome.business)
    if outcome.simulation is not None:
        from skyrack.cli.simulation_summary import print_simulation

        print_simulation(outcome.simulation, outcome.metrics)
    if outcome.uncertainty is not None:
        print_uncertainty(outcome.uncertainty)
    if outcome.simulated_verdict is not None:
        from skyrack.explore.uncertainty import ratio_text

        ratio = {
            k: ratio_text(v) for k, v in outcome.simulated_verdict["orbit_to_ground_ratio"].items()
        }
        click.echo(
            f"simulated replications: orbit/ground P10 {ratio['p10']}, P50 "
            f"{ratio['p50']}, P90 {ratio['p90']}; P(orbit beats the ground) "
            f"{outcome.simulated_verdict['p_orbit_wins']:.0%} over "
            f"{outcome.simulated_verdict['replications']} replications"
        )
    click.echo(f"\nresults written to {printable(str(outcome.folder))}")
    report = outcome.folder / "report.html"
    if report.exists():
        click.echo(f"report: {printable(str(report))}")
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
