"""``skyrack new-study``: write a commented study file to start from."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="new-study")
@click.argument("name")
@click.option(
    "--out",
    "path",
    type=click.Path(path_type=Path),
    help="Where to write it (default: studies/NAME.toml if ./studies exists, else NAME.toml).",
)
def new_study(name: str, path: Path | None) -> None:
    """Write a new study NAME with every section explained; it runs as written."""
    from skyrack.errors import SkyrackError
    from skyrack.explore.scaffold import scaffold
    from skyrack.plugins import registry
    from skyrack.study import STUDY_NAME_PATTERN, load_study

    if not STUDY_NAME_PATTERN.fullmatch(name):
        raise SkyrackError(
            f"study name {name!r}: use 1 to 100 letters, digits, '-', '_', '.' or spaces, "
            "starting with a letter or digit (it names the results folder)"
        )
    if path is None:
        folder = Path("studies") if Path("studies").is_dir() else Path(".")
        path = folder / f"{name}.toml"
    if path.exists():
        raise SkyrackError(f"{path} already exists; choose another name or --out")
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(scaffold(name, registry()))
    except OSError as error:
        raise SkyrackError(f"cannot write {path}: {error.strerror or error}") from None
    load_study(path)  # what we wrote must validate
    click.echo(f"wrote {path}; run it with: skyrack run {path}")
