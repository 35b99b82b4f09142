"""``skyrack run`` and ``skyrack validate``: evaluate a study file, or check all of it."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import click

STUDY_PATH = click.Path(path_type=Path)  # the loader explains folders, pipes and missing files
OUT = click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder (default: results/<study name>).",
)
ALLOW_IMPLAUSIBLE = click.option(
    "--allow-implausible",
    is_flag=True,
    help="Accept inputs outside their plausible range (they are listed in the results).",
)


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@OUT
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
@click.argument("study_file", type=STUDY_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the results document (metrics.json).")
@OUT
@ALLOW_IMPLAUSIBLE
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
    study_file: Path,
    as_json: bool,
    out_dir: Path | None,
    allow_implausible: bool,
    replications: int | None,
    workers: int,
    scheduler: str | None,
) -> None:
    """Evaluate a study and write its results folder (metrics as JSON and CSV); a study with a
    [simulation] also flies its fleet and writes the histories. STUDY_FILE may be - for
    standard input."""
    from skyrack.cli.summary import print_summary
    from skyrack.errors import SkyrackError
    from skyrack.output import document_json
    from skyrack.runner import run_study
    from skyrack.study import load_study
    from skyrack.text import printable

    study = load_study(study_file, allow_implausible=allow_implausible)
    with _progress(study.simulation is not None) as progress:
        outcome = run_study(
            study,
            out_dir,
            replications=replications,
            workers=workers,
            scheduler=scheduler,
            progress=progress,
        )
    for note in outcome.notes:
        click.echo(f"note: {note}", err=True)
    where = printable(str(outcome.folder))
    try:
        if as_json:
            click.echo(document_json(outcome.document), nl=False)
        else:
            print_summary(study, outcome.metrics, business=outcome.business)
            if outcome.simulation is not None:
                from skyrack.cli.simulation_summary import print_simulation

                print_simulation(outcome.simulation, outcome.metrics)
            click.echo(f"\nresults written to {where}")
        sys.stdout.flush()
    except OSError as error:
        raise SkyrackError(
            f"results written to {where}, but printing them failed: {error.strerror or error}"
        ) from None


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
