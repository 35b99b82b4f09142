"""Click parameter types the commands share."""

from __future__ import annotations

import math
import os
from typing import Any

import click


class FiniteFloatRange(click.FloatRange):
    """A float in a range that is also finite: ``nan`` passes click's comparisons (every
    comparison with NaN is false) and ``inf`` is no setting, so both are refused."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{number} is not a finite number.", param, ctx)
        return number


def local_workers() -> click.IntRange:
    """``--workers``: 1 to 4 processes per core this process may use (more only thrash the
    machine; spread a larger search or ensemble over machines instead)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return click.IntRange(1, 4 * (cores or 1))
