"""A test plugin: LCOC as an objective that takes its time, so a worker can be killed mid-trial.

``SKYRACK_TEST_SLOW_S`` sets the seconds each evaluation sleeps; while it sleeps, the file named
by ``SKYRACK_TEST_IN_TRIAL`` exists.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from skyrack import hookimpl
from skyrack.optimize import Objective
from skyrack.optimize.objectives import FloatArray


def slow_lcoc(outputs: Mapping[str, FloatArray], options: Mapping[str, float]) -> FloatArray:
    flag = Path(os.environ.get("SKYRACK_TEST_IN_TRIAL", os.devnull))
    seconds = float(os.environ.get("SKYRACK_TEST_SLOW_S", "0"))
    if seconds > 0:
        flag.write_text("evaluating")
        time.sleep(seconds)
        flag.unlink(missing_ok=True)
    return outputs["lcoc_usd_per_pflop_day"]


@hookimpl
def register_objectives(register: Callable[[Objective], None]) -> None:
    register(
        Objective(
            name="slow_lcoc",
            direction="minimize",
            unit="USD/PFLOP-day",
            description="LCOC, slowly (a test plugin)",
            compute=slow_lcoc,
            requires=("lcoc_usd_per_pflop_day",),
        )
    )
