"""What ``skyrack run`` prints about uncertainty: P(orbit beats the ground) and percentiles."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from skyrack.cli.output import safe_console
from skyrack.explore.uncertainty import UncertaintyResult, verdict_sentences
from skyrack.numbers import format_quantity
from skyrack.output import value_unit

SHOWN = {
    "lcoc_usd_per_pflop_day": "orbit USD per PFLOP-day",
    "ground_lcoc_usd_per_pflop_day": "ground USD per PFLOP-day",
    "orbit_to_ground_ratio": "orbit / ground",
    "usd_per_accelerator_hour": "orbit USD per accelerator-hour",
    "usd_per_w_deployed": "USD per W deployed",
    "satellites": "satellites",
    "deployment_years": "deployment",
    "time_to_90_percent_power_years": "time to 90 % of fleet power",
}


def print_uncertainty(result: UncertaintyResult, console: Console | None = None) -> None:
    """P10/P50/P90 of the headline metrics and the probability that orbit wins."""
    console = console or safe_console()
    if not result.inputs:
        console.print("Uncertainty: no uncertain inputs (no catalog ranges, no [uncertainty]).")
        return
    percentiles = result.percentiles()
    table = Table(
        "metric",
        "P10",
        "P50",
        "P90",
        title=f"Uncertainty: {result.samples:,} draws of {len(result.inputs)} uncertain inputs",
    )
    for key, name in SHOWN.items():
        if key in percentiles:
            row = percentiles[key]
            unit = value_unit(key)
            table.add_row(name, *(format_quantity(row[p], unit) for p in ("p10", "p50", "p90")))
    console.print(table)
    low, high = result.p_orbit_wins_interval
    console.print(
        f"[bold]P(orbit beats the ground):[/bold] {result.p_orbit_wins:.1%} "
        f"(95 % interval {low:.1%}–{high:.1%}). {verdict_sentences(result)}"
    )
