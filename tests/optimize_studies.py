"""Study files for the optimizer's tests: a real catalog design with a small search space."""

from __future__ import annotations

import textwrap
from pathlib import Path

BASE = """\
[study]
name = "{name}"
seed = 7

[design]
launch_vehicle = "falcon-9-reusable"
satellite_bus = "large-compute-bus"
compute_payload = "h100-sxm"
orbit = "sso-dawn-dusk-650"
ground_baseline = "hyperscale-grid"
accelerators_per_satellite = 16
satellites = 100
shielding_mm_al = 5.0

# A hypothetical H100 that tolerates the grid's hottest radiator (400 K): these tests are about
# the search, and their space keeps the shape it was measured on (the thermal budget is tested
# in tests/test_thermal_limit.py).
[overrides.compute_payload]
max_junction_temperature_k = 431.0
junction_to_radiator_delta_k = 31.0
"""

DISCRETE_SPACE = """\
[optimize.space]
launch_vehicle = ["falcon-9-reusable", "starship-target", "falcon-heavy"]
"sizing.accelerators_per_satellite" = { low = 16, high = 512, step = 16 }
"sizing.radiator_temperature_k" = { low = 300, high = 400, step = 20 }
"sizing.shielding_mm_al" = { low = 2, high = 10, step = 2 }
"""
"""3 × 32 × 6 × 5 = 2,880 designs: small enough to enumerate, big enough to need a search."""

DISCRETE_GRID = {
    "launch_vehicle": ["falcon-9-reusable", "starship-target", "falcon-heavy"],
    "sizing.accelerators_per_satellite": list(range(16, 513, 16)),
    "sizing.radiator_temperature_k": [300.0, 320.0, 340.0, 360.0, 380.0, 400.0],
    "sizing.shielding_mm_al": [2.0, 4.0, 6.0, 8.0, 10.0],
}


def write_study(folder: Path, optimize: str, *, name: str = "opt-test", space: str = "") -> Path:
    """Write a study with the given [optimize] keys and space into ``folder``."""
    text = BASE.format(name=name) + "\n[optimize]\n" + textwrap.dedent(optimize) + "\n"
    text += textwrap.dedent(space or DISCRETE_SPACE)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path
