"""How ``skyrack optimize`` looks on a terminal: a progress bar, then the results tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from skyrack.cli.output import format_value
from skyrack.optimize.run import Progress as SearchProgress

OUTPUT_COLUMNS = {
    "orbit_to_ground_ratio": "orbit/ground",
    "satellites": "satellites",
    "launches": "launches",
    "deployment_years": "deploy yr",
    "capex_usd": "capex USD",
}


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


def print_results(document: Mapping[str, Any], console: Console | None = None) -> None:
    """The best design (or the Pareto front), the trial counts and the importances."""
    console = console or Console()
    search = document["optimization"]
    labels = [o["label"] for o in search["objectives"]]
    counts = ", ".join(f"{n} {state}" for state, n in search["trials"].items() if n)
    console.print(
        f"[bold]{escape(document['study']['name'])}[/bold]: {search['sampler']} search, "
        f"{escape(counts)} (total asked for: {search['n_trials']})"
    )
    rows = search.get("pareto_front", search.get("best", []))
    title = "Pareto front (feasible designs)" if "pareto_front" in search else "Best design"
    if not rows:
        console.print("no feasible design found: every trial broke a budget or a constraint")
    else:
        params = list(dict.fromkeys(name for row in rows for name in row["params"]))
        table = Table("trial", *labels, *params, *OUTPUT_COLUMNS.values(), title=title)
        for row in rows:
            table.add_row(
                str(row["number"]),
                *(escape(format_value(row["values"].get(label))) for label in labels),
                *(escape(format_value(row["params"].get(name, "—"))) for name in params),
                *(escape(format_value(row["outputs"].get(key))) for key in OUTPUT_COLUMNS),
            )
        console.print(table)
    for label, ranked in search["importances"].items():
        table = Table("parameter", "importance", title=f"Parameter importance for {label}")
        for name, value in ranked.items():
            table.add_row(escape(name), f"{value:.3f}")
        console.print(table)
