"""``skyrack run`` and ``skyrack validate``: evaluate a study file, or only check it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from skyrack.cli.output import echo_json

STUDY_PATH = click.Path(path_type=Path)  # the loader explains folders and missing files


@click.command()
@click.argument("study_file", type=STUDY_PATH)
def validate(study_file: Path) -> None:
    """Check a study file without running it."""
    from skyrack.study import load_study

    study = load_study(study_file)
    click.echo(f"{study_file}: valid study {study.info.name!r}")


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder (default: results/<study name>).",
)
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
    replications: int | None,
    workers: int,
    scheduler: str | None,
) -> None:
    """Evaluate a study and write its results folder (metrics as JSON and CSV); a study with a
    [simulation] also flies its fleet and writes the histories."""
    from skyrack.cli.summary import print_summary
    from skyrack.errors import SkyrackError
    from skyrack.runner import run_study
    from skyrack.study import load_study

    study = load_study(study_file)
    try:
        with _progress(study.simulation is not None) as progress:
            outcome = run_study(
                study,
                out_dir,
                replications=replications,
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
    except SkyrackError as error:
        raise click.ClickException(f"{study_file}: {error}") from None
    if as_json:
        document = {
            "results": str(outcome.folder),
            **outcome.metrics.as_dict(),
            "business": outcome.business.as_dict(),
        }
        if outcome.simulation is not None:
            document["simulation"] = outcome.simulation
        echo_json(document)
        return
    print_summary(study, outcome.metrics, business=outcome.business)
    if outcome.simulation is not None:
        from skyrack.cli.simulation_summary import print_simulation

        print_simulation(outcome.simulation, outcome.metrics)
    click.echo(f"\nresults written to {outcome.folder}")


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
