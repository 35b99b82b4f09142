"""``skyrack optimize`` and ``skyrack dashboard``: search a study's design space with Optuna,
and browse the search in optuna-dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from skyrack.cli.output import echo_json
from skyrack.cli.types import FiniteFloatRange, local_workers
from skyrack.components import MAX_SEED

STUDY_PATH = click.Path(path_type=Path)
STORAGE_HELP = (
    "Optuna storage: a journal file path, sqlite:///FILE or postgresql://USER:PASSWORD@HOST/DB "
    "(default: the study's storage, else a journal in results/<study>-optimize/). Also read "
    "from SKYRACK_STORAGE, which keeps a password off the command line."
)


def _storage_option(function: Any) -> Any:
    return click.option("--storage", envvar="SKYRACK_STORAGE", help=STORAGE_HELP)(function)


def _study_name_option(function: Any) -> Any:
    return click.option("--study-name", help="Optuna study name (default: the study's name).")(
        function
    )


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@_storage_option
@_study_name_option
@click.option(
    "--workers",
    type=local_workers(),
    default=1,
    show_default=True,
    help="Worker processes on this machine, all on one storage.",
)
@click.option(
    "--n-trials",
    type=click.IntRange(min=1),
    help="The study's total of finished trials (default: [optimize] n_trials).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=FiniteFloatRange(min=0, min_open=True),
    help="Stop this run after this many seconds (default: [optimize] timeout_s).",
)
@click.option(
    "--seed",
    type=click.IntRange(0, MAX_SEED),
    help="Sampler seed (default: [optimize] seed, else [study]).",
)
@click.option(
    "--export-best",
    "export_dir",
    type=click.Path(path_type=Path),
    help="Write each best design as a runnable study file into this folder.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Results folder, as skyrack run writes it (default: results/<study name>).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def optimize(
    study_file: Path,
    storage: str | None,
    study_name: str | None,
    workers: int,
    n_trials: int | None,
    timeout_s: float | None,
    seed: int | None,
    export_dir: Path | None,
    out_dir: Path | None,
    as_json: bool,
    no_progress: bool,
) -> None:
    """Search the design space of STUDY_FILE's [optimize] section with Optuna.

    Trials are kept in an Optuna storage as they finish: run the command again to resume (the
    trial total counts every run and worker), or run it on another machine with the same
    --storage to add workers. Then writes the study's results folder as skyrack run does, its
    metrics.json (--json prints it) and report.html holding the search.
    """
    from skyrack.cli.optimize_view import print_results, progress_reporter
    from skyrack.optimize import report
    from skyrack.optimize.run import optimize as run_search
    from skyrack.optimize.run import quiet_optuna
    from skyrack.results import check_target
    from skyrack.runner import default_results_folder, run_study
    from skyrack.study import load_study

    study = load_study(study_file)
    # refused folders are refused before the search, not after it
    check_target(out_dir or default_results_folder(study), study.path)
    if export_dir is not None:
        check_target(export_dir, study.path)
    with progress_reporter(enabled=not (no_progress or as_json)) as on_progress:
        outcome = run_search(
            study,
            storage=storage,
            study_name=study_name,
            n_trials=n_trials,
            timeout_s=timeout_s,
            seed=seed,
            workers=workers,
            on_progress=on_progress,
        )
    with quiet_optuna():
        search = report.search_section(study, outcome.study, outcome.target)
        exported = report.export_best(study, outcome.study, export_dir) if export_dir else []
    ran = run_study(study, out_dir, search=search)
    if as_json:
        echo_json(ran.document)
        return
    print_results(ran.document)
    for path in exported:
        click.echo(f"exported {path}")
    for problem in ran.report_failures:
        click.echo(f"warning: report section failed: {problem}", err=True)
    folder = (
        ran.folder.relative_to(Path.cwd()) if ran.folder.is_relative_to(Path.cwd()) else ran.folder
    )
    click.echo(f"\nresults written to {folder}\ntrials kept in {outcome.target.label}")


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@_storage_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (127.0.0.1: this machine only).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8080,
    show_default=True,
    help="Port (0: any free port).",
)
def dashboard(study_file: Path, storage: str | None, host: str, port: int) -> None:
    """Serve optuna-dashboard on STUDY_FILE's search storage (Ctrl-C stops it)."""
    from skyrack.optimize.dashboard import serve
    from skyrack.study import load_study

    serve(load_study(study_file), storage=storage, host=host, port=port, echo=click.echo)
