"""``skyrack compare``: several studies side by side."""

from __future__ import annotations

import math
import re
from pathlib import Path

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.results import check_own_file, write_own_file

CSV_SIGNATURE = "metric,"
"""How the CSV compare writes begins (a file that begins otherwise is not replaced)."""


@click.command()
@click.argument("study_files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the table as JSON.")
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), help="Also write it as CSV.")
def compare(study_files: tuple[Path, ...], as_json: bool, csv_path: Path | None) -> None:
    """Compare studies side by side: cost per PFLOP-day in orbit and on the ground, their
    ratio with its P10/P90 under uncertainty, P(orbit beats the ground), fleet and carbon."""
    from skyrack.cli.progress import status
    from skyrack.explore.compare import compare as compare_studies
    from skyrack.study import load_study

    studies = [load_study(path) for path in study_files]
    if csv_path is not None:
        check_own_file(csv_path, CSV_SIGNATURE)
    with status("comparing"):
        frame = compare_studies(studies)
    if csv_path is not None:
        write_own_file(csv_path, frame.to_csv(index_label="metric"), CSV_SIGNATURE)
    if as_json:
        echo_json({name: frame[name].to_dict() for name in frame.columns})
        return
    from rich.table import Table

    from skyrack.explore.compare import ROWS
    from skyrack.output import value_unit

    units = {label: value_unit(key) for key, label in ROWS}
    table = Table("metric", *frame.columns, title="Studies side by side")
    for metric, row in frame.iterrows():
        label = str(metric)
        shown = re.sub(r" \[[^]]*\]$", "", label)  # the cells carry the unit
        table.add_row(shown, *(_cell(label, value, units.get(label, "1")) for value in row))
    safe_console().print(table)


def _cell(metric: str, value: float, unit: str) -> str:
    """A value with its unit (``$11.01/PFLOP-day``, ``25.1 days``, ``40 MW``), a share or a
    probability as a percentage, a flag as yes or no."""
    from skyrack.numbers import format_quantity

    if math.isnan(value):
        return "—"
    if metric == "feasible":
        return "yes" if value else "no"
    if metric.startswith("P(") or "share" in metric:
        return f"{value:.1%}"
    return format_quantity(value, unit)
