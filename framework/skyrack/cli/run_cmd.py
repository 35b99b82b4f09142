"""``skyrack run`` and ``skyrack validate``: evaluate a study file, or check all of it."""

from __future__ import annotations

import sys
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
def run(study_file: Path, as_json: bool, out_dir: Path | None, allow_implausible: bool) -> None:
    """Evaluate a study and write its results folder (metrics as JSON and CSV). STUDY_FILE may
    be - for standard input."""
    from skyrack.cli.summary import print_summary
    from skyrack.errors import SkyrackError
    from skyrack.output import document_json
    from skyrack.runner import run_study
    from skyrack.study import load_study
    from skyrack.text import printable

    study = load_study(study_file, allow_implausible=allow_implausible)
    outcome = run_study(study, out_dir)
    for note in outcome.notes:
        click.echo(f"note: {note}", err=True)
    where = printable(str(outcome.folder))
    try:
        if as_json:
            click.echo(document_json(outcome.document), nl=False)
        else:
            print_summary(study, outcome.metrics)
            click.echo(f"\nresults written to {where}")
        sys.stdout.flush()
    except OSError as error:
        raise SkyrackError(
            f"results written to {where}, but printing them failed: {error.strerror or error}"
        ) from None
