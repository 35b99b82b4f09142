"""The fleet simulation's part of ``skyrack run``'s summary: spreads and a yearly table."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from skyrack.cli.output import safe_console
from skyrack.metrics import Metrics
from skyrack.simulation import words


def print_simulation(
    section: dict[str, Any], metrics: Metrics, console: Console | None = None
) -> None:
    """Print the ensemble's spread of each metric and the yearly mean of the fleet."""
    console = console or safe_console()
    table = Table(*words.METRIC_HEADER, title=words.title(section))
    for row in words.metric_rows(section):
        table.add_row(*row)
    console.print(table)
    console.print(
        f"analytic evaluator: deployment {metrics.values['deployment_years']:.2f} yr, "
        f"{metrics.lcoc_usd_per_pflop_day:,.2f} USD per PFLOP-day (whole fleet at cadence, "
        "no stand-downs, factory or events)"
    )
    yearly = Table(*words.YEARLY_HEADER, title=words.YEARLY_TITLE)
    for row in words.yearly_rows(section):
        yearly.add_row(*row)
    console.print(yearly)
