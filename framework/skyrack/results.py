"""Writing a run's results folder atomically: JSON and CSV of the metrics, waterfall, budgets.

The folder is written under a temporary name beside its destination and renamed into place
only when every file is complete, so an interrupted run never leaves a folder that reads as
finished.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from skyrack.describe import to_json
from skyrack.errors import SkyrackError
from skyrack.metrics import Metrics

MARKER = ".skyrack-results"
"""A file every results folder holds, so skyrack only ever replaces its own folders."""


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_results(
    folder: Path,
    metrics: Metrics,
    study: dict[str, Any] | None = None,
    *,
    sections: Mapping[str, Any] | None = None,
    write_more: Callable[[Path], None] | None = None,
) -> Path:
    """Write metrics.json, metrics.csv, waterfall.csv and budgets.csv into ``folder``.

    ``sections`` are added to metrics.json (e.g. ``{"simulation": ...}``) and ``write_more``
    writes further files into the folder before it is renamed into place.

    Replaces an existing folder of that name only once the new one is complete, and only when
    it is a skyrack results folder (or empty): any other folder or file is left alone and the
    run fails with a SkyrackError. Write failures (disk full, permissions) are SkyrackErrors.
    """
    return write_folder(
        folder, lambda staging: _write_metrics(staging, metrics, study, sections or {}, write_more)
    )


def _check_replaceable(folder: Path) -> None:
    if folder.is_file() or (folder.exists() and not folder.is_dir()):
        raise SkyrackError(f"cannot write results to {folder}: it is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).exists():
        raise SkyrackError(
            f"refusing to write results into {folder}: it holds files that skyrack did not "
            "write; choose an empty or new folder with --out"
        )


def write_folder(folder: Path, write: Callable[[Path], None]) -> Path:
    """Write a skyrack folder atomically: ``write(staging)`` fills a temporary folder beside
    ``folder``, which then replaces ``folder`` (only if skyrack wrote it, or it is empty)."""
    try:
        folder = folder.resolve()
        _check_replaceable(folder)
        return _replace(folder, write)
    except OSError as error:
        raise SkyrackError(f"cannot write results to {folder}: {error.strerror or error}") from None


def _replace(folder: Path, write: Callable[[Path], None]) -> Path:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        (staging / MARKER).write_text("written by skyrack\n", encoding="utf-8")
        write(staging)
        previous = None
        if folder.exists():
            previous = folder.with_name(f".{folder.name}.previous")
            if previous.exists():
                shutil.rmtree(previous)
            folder.rename(previous)
        staging.rename(folder)
        if previous is not None:
            shutil.rmtree(previous)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _write_metrics(
    staging: Path,
    metrics: Metrics,
    study: dict[str, Any] | None,
    sections: Mapping[str, Any],
    write_more: Callable[[Path], None] | None,
) -> None:
    if write_more is not None:
        write_more(staging)
    document = {"study": study or {}, **metrics.as_dict(), **sections}
    (staging / "metrics.json").write_text(to_json(document), encoding="utf-8")
    _write_csv(
        staging / "metrics.csv",
        ["quantity", "value"],
        [[key, value] for key, value in sorted(metrics.values.items())],
    )
    _write_csv(
        staging / "waterfall.csv",
        ["category", "present_value_usd"],
        [[key, value] for key, value in metrics.waterfall_pv_usd.items()],
    )
    _write_csv(
        staging / "budgets.csv",
        ["budget", "used", "limit", "unit", "utilization"],
        [[b.name, b.used, b.limit, b.unit, b.utilization] for b in metrics.budgets],
    )
