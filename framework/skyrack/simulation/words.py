"""The simulated ensemble in words: the formatting shared by ``skyrack run``'s summary and the
HTML report's section, both read from metrics.json's ``simulation`` document."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from skyrack.numbers import format_usd as usd


def power(watts: float) -> str:
    """A power in W, kW, MW or GW."""
    for scale, unit in ((1e9, "GW"), (1e6, "MW"), (1e3, "kW")):
        if abs(watts) >= scale:
            return f"{watts / scale:,.2f} {unit}"
    return f"{watts:,.0f} W"


def count(value: float) -> str:
    """A count: whole with separators from 100, else three significant digits."""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


METRIC_ROWS: tuple[tuple[str, str, Callable[[float], str]], ...] = (
    ("time to 50 % of target power", "time_to_50pct_power_years", lambda v: f"{v:.2f} yr"),
    ("time to 90 % of target power", "time_to_90pct_power_years", lambda v: f"{v:.2f} yr"),
    ("peak power / target", "peak_fraction_of_target", lambda v: f"{100 * v:.1f} %"),
    ("power at the horizon", "final_operating_power_w", power),
    ("delivered PFLOP-days", "delivered_pflop_days", count),
    ("spend (undiscounted)", "spend_usd", usd),
    ("USD per PFLOP-day, horizon only", "lcoc_usd_per_pflop_day", lambda v: f"{v:,.2f}"),
    ("hardware value left", "residual_value_usd", usd),
    (
        "USD per PFLOP-day, net of it",
        "lcoc_net_of_residual_usd_per_pflop_day",
        lambda v: f"{v:,.2f}",
    ),
    ("satellites built", "satellites_built", count),
    ("launches", "launches", count),
    ("satellites lost at launch", "satellites_lost_at_launch", count),
    ("satellites failed in orbit", "satellites_failed", count),
    ("satellites deorbited", "satellites_deorbited", count),
    ("event strikes", "event_strikes", count),
)
"""Each metric of the ensemble table: its label, its key in ``metrics`` and how to show it."""
METRIC_HEADER = ("metric", "mean ± s.e.", "P10", "P50", "P90", "runs")


def metric_rows(section: Mapping[str, Any]) -> list[list[str]]:
    """The ensemble table's rows (see ``METRIC_HEADER``) of a ``simulation`` document."""
    done = section["replications_completed"]
    rows = []
    for label, key, show in METRIC_ROWS:
        spread = section["metrics"][key]
        if spread["count"] == 0:
            rows.append([label, "never within the horizon", "", "", "", f"0/{done}"])
            continue
        se = spread["standard_error"]
        finite = se is not None and math.isfinite(se)
        mean = show(spread["mean"]) + (f" ± {show(se)}" if finite else "")
        quantiles = [show(spread[q]) for q in ("p10", "p50", "p90")]
        rows.append([label, mean, *quantiles, f"{spread['count']}/{done}"])
    return rows


YEARLY_HEADER = (
    "year",
    "satellites",
    "power",
    "built",
    "launches",
    "lost / failed / deorbited",
    "PFLOP-days",
    "spend",
)
YEARLY_TITLE = "Ensemble mean by year (stocks at year end, flows over the year)"


def yearly_rows(section: Mapping[str, Any]) -> list[list[str]]:
    """The yearly table's rows (see ``YEARLY_HEADER``) of a ``simulation`` document."""
    rows = []
    for row in section["yearly_mean"]:
        losses = " / ".join(
            count(row[key])
            for key in ("satellites_lost_at_launch", "satellites_failed", "satellites_deorbited")
        )
        rows.append(
            [
                f"{row['year']:.0f}",
                count(row["satellites_operating"]),
                power(row["operating_power_w"]),
                count(row["satellites_built"]),
                count(row["launches"]),
                losses,
                count(row["delivered_pflop_days"]),
                usd(row["spend_usd"]),
            ]
        )
    return rows


def title(section: Mapping[str, Any]) -> str:
    """What the ensemble flew: replications, seed, steps, horizon, policy and events."""
    settings = section["settings"]
    done, asked = section["replications_completed"], section["replications_requested"]
    events = ", ".join(settings["events"]) or "none"
    return (
        f"Fleet simulation: {done} of {asked} replications, seed {section['seed']}, "
        f"{settings['step_days']:g}-day steps over {settings['horizon_years']:g} yr, "
        f"policy {settings['policy']}, events: {events}"
    )
