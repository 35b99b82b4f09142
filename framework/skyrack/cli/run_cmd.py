"""``skyrack run`` and ``skyrack validate``: evaluate a study file, or only check it."""

from __future__ import annotations

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
def run(study_file: Path, as_json: bool, out_dir: Path | None) -> None:
    """Evaluate a study and write its results folder (metrics as JSON and CSV)."""
    from skyrack.cli.summary import print_summary
    from skyrack.errors import SkyrackError
    from skyrack.runner import run_study
    from skyrack.study import load_study

    study = load_study(study_file)
    try:
        outcome = run_study(study, out_dir)
    except SkyrackError as error:
        raise click.ClickException(f"{study_file}: {error}") from None
    if as_json:
        echo_json(
            {
                "results": str(outcome.folder),
                **outcome.metrics.as_dict(),
                "business": outcome.business.as_dict(),
            }
        )
        return
    print_summary(study, outcome.metrics, business=outcome.business)
    click.echo(f"\nresults written to {outcome.folder}")
