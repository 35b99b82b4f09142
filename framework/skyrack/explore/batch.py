"""Many designs through :func:`skyrack.evaluate_batch`, in chunks, keeping only what is asked.

The evaluator returns some 150 quantities per design; a 500 × 500 sweep or a Sobol analysis of
a million designs keeps only a handful, so designs are evaluated ``CHUNK`` at a time and each
chunk's other quantities are dropped at once (memory stays at a few hundred MB whatever the
count). ``progress(done, total)`` is called after each chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

from skyrack.design import Design
from skyrack.evaluation import evaluate_batch
from skyrack.parameters import check_parameter

FloatArray = npt.NDArray[np.float64]
Progress = Callable[[int, int], None]

CHUNK = 100_000
"""Designs per evaluate_batch call."""

HEADLINE = (
    "lcoc_usd_per_pflop_day",
    "ground_lcoc_usd_per_pflop_day",
    "orbit_to_ground_ratio",
    "usd_per_accelerator_hour",
    "ground_usd_per_accelerator_hour",
    "usd_per_w_deployed",
    "usd_per_mwh",
    "peak_operating_power_w",
    "peak_fleet_share",
    "time_to_50_percent_power_years",
    "time_to_90_percent_power_years",
    "co2_kg_per_pflop_day",
    "satellites",
    "launches",
    "deployment_years",
)
"""The metrics sweeps and uncertainty keep by default: the headline figures of
:class:`~skyrack.metrics.Metrics`, carbon, and the fleet's size and deployment time."""


def evaluate_flat(
    design: Design,
    variations: Mapping[str, npt.ArrayLike],
    keep: Sequence[str],
    *,
    progress: Progress | None = None,
) -> dict[str, FloatArray]:
    """Evaluate the designs whose parameters are the 1-D arrays ``variations`` (one design per
    index, all of one length) and return the quantities ``keep`` plus ``feasible``.

    Every array is range-checked in full before any design is evaluated."""
    arrays = {key: check_parameter(design, key, value).ravel() for key, value in variations.items()}
    lengths = {array.shape[0] for array in arrays.values()}
    if len(lengths) > 1:
        raise ValueError(f"variations must have one length, got {sorted(lengths)}")
    count = lengths.pop() if lengths else 1
    wanted = list(dict.fromkeys([*keep, "feasible"]))
    out = {key: np.empty(count) for key in wanted}
    for start in range(0, count, CHUNK):
        stop = min(start + CHUNK, count)
        chunk = {key: array[start:stop] for key, array in arrays.items()}
        values = evaluate_batch(design, chunk)
        for key in wanted:
            out[key][start:stop] = values[key]
        if progress is not None:
            progress(stop, count)
    return out
