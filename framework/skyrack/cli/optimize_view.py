"""How ``skyrack optimize`` looks on a terminal: a progress bar, then the results tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from skyrack.cli.output import safe_console
from skyrack.optimize.report import design_cells, short_value, spread
from skyrack.optimize.run import Progress as SearchProgress

MAX_DESIGN_COLUMNS = 6


@contextmanager
def progress_reporter(
    *, enabled: bool, console: Console | None = None
) -> Iterator[Callable[[SearchProgress], None] | None]:
    """A rich progress bar fed by the search's progress reports (None when disabled)."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("[bold]trials"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[best]}"),
    )
    bar = Progress(*columns, console=console or Console(stderr=True), transient=False)
    task = bar.add_task("search", total=None, best="", start=False)

    def report(progress: SearchProgress) -> None:
        if not bar.live.is_started:  # the bar appears with the first trial, not before errors
            bar.start()
            bar.start_task(task)
        best = (
            "" if progress.best is None else "best " + ", ".join(f"{v:,.4g}" for v in progress.best)
        )
        bar.update(task, completed=progress.finished, total=progress.total, best=best)

    try:
        yield report
    finally:
        if bar.live.is_started:
            bar.stop()


def designs_table(
    rows: list[Mapping[str, Any]], objectives: list[Mapping[str, Any]], title: str
) -> Table:
    """Designs as columns, one row per objective, parameter and output: narrow whatever the
    number of parameters."""
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("", no_wrap=True)
    for row in rows:
        table.add_column(f"trial {row['number']}", justify="right", overflow="fold")
    for index, section in enumerate(design_cells(rows, objectives)):
        if index:
            table.add_section()
        for label, cells in section:
            table.add_row(escape(label), *(escape(cell) for cell in cells))
    return table


def designs_that_fit(
    rows: list[Mapping[str, Any]], objectives: list[Mapping[str, Any]], width: int
) -> int:
    """How many design columns fit ``width`` beside the labels (at least 2, at most 6)."""
    sections = design_cells(rows, objectives)
    label = max(len(label) for section in sections for label, _ in section)
    cell = max(
        len(f"trial {rows[-1]['number']}"),
        *(len(c) for section in sections for _, cells in section for c in cells),
    )
    return max(2, min(MAX_DESIGN_COLUMNS, (width - label - 1) // (cell + 3)))


def front_table(rows: list[Mapping[str, Any]], objectives: list[Mapping[str, Any]]) -> Table:
    """The Pareto front's objective values, one design a row."""
    table = Table(
        title=f"Pareto front: {len(rows)} feasible design{'s' if len(rows) > 1 else ''}",
        title_justify="left",
        show_edge=False,
    )
    table.add_column("trial", justify="right")
    for objective in objectives:
        table.add_column(escape(objective["label"]), justify="right", overflow="fold")
    for row in rows:
        table.add_row(
            str(row["number"]),
            *(short_value(row["values"].get(o["label"]), o["unit"]) for o in objectives),
        )
    return table


def print_results(document: Mapping[str, Any], console: Console | None = None) -> None:
    """The best design (or the Pareto front), the trial counts and the importances, laid out
    to read in an 80-column terminal: designs are columns, parameters are rows."""
    console = console or safe_console()
    search = document["optimization"]
    objectives = search["objectives"]
    counts = ", ".join(f"{n} {state}" for state, n in search["trials"].items() if n)
    console.print(
        f"[bold]{escape(document['study']['name'])}[/bold]: {search['sampler']} search, "
        f"{escape(counts)} (total asked for: {search['n_trials']})"
    )
    front = len(objectives) > 1
    rows = search["best"]
    if not rows:
        console.print("no feasible design found: every trial broke a budget or a constraint")
    elif not front:
        console.print(designs_table(rows, objectives, "Best design"))
    else:
        console.print(front_table(rows, objectives))
        fits = designs_that_fit(rows, objectives, console.width)
        chosen = [rows[i] for i in spread(len(rows), fits)]
        title = (
            "Every design of the front"
            if len(chosen) == len(rows)
            else f"{len(chosen)} designs along the front (all {len(rows)}: metrics.json, "
            "--export-best)"
        )
        console.print(designs_table(chosen, objectives, title))
    for label, ranked in search["importances"].items():
        table = Table(
            "parameter",
            "importance",
            title=f"Parameter importance for {escape(label)}",
            title_justify="left",
            show_edge=False,
        )
        for name, value in ranked.items():
            table.add_row(escape(name), f"{value:.3f}")
        console.print(table)
