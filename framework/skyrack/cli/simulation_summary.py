"""The fleet simulation's part of ``skyrack run``'s summary: spreads and a yearly table."""

from __future__ import annotations

import math
from typing import Any

from rich.console import Console
from rich.table import Table

from skyrack.cli.summary import _usd
from skyrack.metrics import Metrics


def _power(watts: float) -> str:
    for scale, unit in ((1e9, "GW"), (1e6, "MW"), (1e3, "kW")):
        if abs(watts) >= scale:
            return f"{watts / scale:,.2f} {unit}"
    return f"{watts:,.0f} W"


def _count(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


_ROWS: tuple[tuple[str, str, Any], ...] = (
    ("time to 50 % of target power", "time_to_50pct_power_years", lambda v: f"{v:.2f} yr"),
    ("time to 90 % of target power", "time_to_90pct_power_years", lambda v: f"{v:.2f} yr"),
    ("peak power / target", "peak_fraction_of_target", lambda v: f"{100 * v:.1f} %"),
    ("power at the horizon", "final_operating_power_w", _power),
    ("delivered PFLOP-days", "delivered_pflop_days", _count),
    ("spend (undiscounted)", "spend_usd", _usd),
    ("USD per PFLOP-day (levelized)", "lcoc_usd_per_pflop_day", lambda v: f"{v:,.2f}"),
    ("satellites built", "satellites_built", _count),
    ("launches", "launches", _count),
    ("satellites lost at launch", "satellites_lost_at_launch", _count),
    ("satellites failed in orbit", "satellites_failed", _count),
    ("satellites deorbited", "satellites_deorbited", _count),
    ("event strikes", "event_strikes", _count),
)


def print_simulation(
    section: dict[str, Any], metrics: Metrics, console: Console | None = None
) -> None:
    """Print the ensemble's spread of each metric and the yearly mean of the fleet."""
    console = console or Console()
    settings = section["settings"]
    done, asked = section["replications_completed"], section["replications_requested"]
    events = ", ".join(settings["events"]) or "none"
    title = (
        f"Fleet simulation: {done} of {asked} replications, seed {section['seed']}, "
        f"{settings['step_days']:g}-day steps over {settings['horizon_years']:g} yr, "
        f"policy {settings['policy']}, events: {events}"
    )
    table = Table("metric", "mean ± s.e.", "P10", "P50", "P90", "runs", title=title)
    for label, key, show in _ROWS:
        spread = section["metrics"][key]
        if spread["count"] == 0:
            table.add_row(label, "never within the horizon", "", "", "", f"0/{done}")
            continue
        se = spread["standard_error"]
        mean = show(spread["mean"]) + ("" if not math.isfinite(se) else f" ± {show(se)}")
        quantiles = (show(spread[q]) for q in ("p10", "p50", "p90"))
        table.add_row(label, mean, *quantiles, f"{spread['count']}/{done}")
    console.print(table)
    console.print(
        f"analytic evaluator: deployment {metrics.values['deployment_years']:.2f} yr, "
        f"{metrics.lcoc_usd_per_pflop_day:,.2f} USD per PFLOP-day (whole fleet at cadence, "
        "no stand-downs, factory or events)"
    )
    yearly = Table(
        "year",
        "satellites",
        "power",
        "built",
        "launches",
        "lost / failed / deorbited",
        "PFLOP-days",
        "spend",
        title="Ensemble mean by year (stocks at year end, flows over the year)",
    )
    for row in section["yearly_mean"]:
        losses = " / ".join(
            _count(row[key])
            for key in ("satellites_lost_at_launch", "satellites_failed", "satellites_deorbited")
        )
        yearly.add_row(
            f"{row['year']:.0f}",
            _count(row["satellites_operating"]),
            _power(row["operating_power_w"]),
            _count(row["satellites_built"]),
            _count(row["launches"]),
            losses,
            _count(row["delivered_pflop_days"]),
            _usd(row["spend_usd"]),
        )
    console.print(yearly)
