"""What a simulated study writes: the ``simulation`` section of metrics.json and the files of
``results/<study>/simulation/`` (documented in docs/simulation.md)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from skyrack.describe import jsonable
from skyrack.ground import DAYS_PER_YEAR
from skyrack.simulation.ensemble import EnsembleSummary
from skyrack.simulation.history import FleetHistory
from skyrack.simulation.settings import SimulationSettings
from skyrack.timeline import FLOWS

FOLDER = "simulation"
FILES = {
    "history": f"{FOLDER}/history.csv",
    "summary": f"{FOLDER}/summary.csv",
    "replications": f"{FOLDER}/replications.json",
}
"""The files a simulated study writes, relative to its results folder."""
YEARLY = (
    "satellites_operating",
    "operating_power_w",
    "healthy_accelerators",
    "satellites_in_storage",
    "satellites_built",
    "launches",
    "satellites_launched",
    "satellites_lost_at_launch",
    "satellites_failed",
    "satellites_deorbited",
    "delivered_pflop_days",
    "spend_usd",
)
"""Columns of the yearly table: stocks at each year's end, flows summed over the year."""


def yearly(summary: EnsembleSummary) -> list[dict[str, float]]:
    """The ensemble mean by year: stocks at the last step of each year, flows summed."""
    time = summary.time_years
    year_of_step = np.ceil(time - 1e-9).astype(int)  # step ending at 1.0 yr belongs to year 1
    rows = []
    for year in range(1, int(year_of_step[-1]) + 1):
        steps = np.flatnonzero(year_of_step == year)
        if steps.size == 0:
            continue
        row: dict[str, float] = {"year": year}
        for name in YEARLY:
            mean = (
                summary.mean_timeline.total_spend_usd
                if name == "spend_usd"
                else summary.series[name].mean
            )
            is_flow = name in FLOWS or name in ("satellites_built", "spend_usd")
            row[name] = float(mean[steps].sum() if is_flow else mean[steps[-1]])
        rows.append(row)
    return rows


def document(
    summary: EnsembleSummary, settings: SimulationSettings, requested: int
) -> dict[str, Any]:
    """The ``simulation`` section of metrics.json."""
    return {
        "settings": attrs.asdict(settings),
        "replications_requested": requested,
        "replications_completed": summary.replications,
        "seed": summary.seed,
        "step_years": settings.step_days / DAYS_PER_YEAR,
        "metrics": {name: spread.as_dict() for name, spread in summary.metrics.items()},
        "yearly_mean": yearly(summary),
        "files": FILES,
    }


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """Stream ``rows`` under ``header`` into a CSV file."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_files(folder: Path, histories: Sequence[FleetHistory], summary: EnsembleSummary) -> None:
    """Write history.csv (every replication, every step), summary.csv (per step and series:
    mean, standard error, P10, P50, P90) and replications.json into ``folder/simulation``."""
    (folder / FOLDER).mkdir()
    columns = list(histories[0].columns())
    write_csv(
        folder / FILES["history"],
        ["replication", *columns],
        (
            [index, *row]
            for index, history in enumerate(histories)
            for row in zip(*history.columns().values(), strict=True)
        ),
    )
    write_csv(
        folder / FILES["summary"],
        ["time_years", "series", "mean", "standard_error", "p10", "p50", "p90"],
        (
            [time, name, *values]
            for name, spread in summary.series.items()
            for time, *values in zip(
                summary.time_years,
                spread.mean,
                spread.standard_error,
                spread.p10,
                spread.p50,
                spread.p90,
                strict=True,
            )
        ),
    )
    replications = [
        {"replication": index, "metrics": h.metrics(), "strikes": h.as_dict()["strikes"]}
        for index, h in enumerate(histories)
    ]
    text = json.dumps(jsonable(replications), indent=2)
    (folder / FILES["replications"]).write_text(text, encoding="utf-8")
