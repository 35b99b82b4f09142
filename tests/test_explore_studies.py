"""The two exploration studies say what their opening comments claim, and the [report] section
that draws their maps is read and checked like any other."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from skyrack.crossover import crossover
from skyrack.errors import StudyError
from skyrack.evaluation import evaluate, evaluate_batch
from skyrack.explore.sweep import sweep
from skyrack.study import load_study

BOTTLENECK = Path("studies/starship-bottleneck.toml")
PARITY = Path("studies/terrestrial-parity.toml")


def test_terrestrial_parity_has_no_parity_launch_price() -> None:
    """Free launch still leaves orbit 1.5–1.7× dearer, so no launch price reaches parity; a
    ground energy price of ~$800/MWh does."""
    design = load_study(PARITY).design
    assert not crossover(design, "launch_vehicle.price_usd_per_kg", 0.001, 10_000).found
    free = float(
        evaluate_batch(design, {"launch_vehicle.price_usd_per_kg": 0.001})["orbit_to_ground_ratio"]
    )
    assert 1.5 < free < 1.75
    energy = crossover(design, "ground_baseline.energy_price_usd_per_mwh", 1, 100_000).value
    assert energy is not None and 700 < energy < 900


def test_starship_bottleneck_needs_about_five_thousand_flights_a_year() -> None:
    """Below ~5,100 launches a year the deployment outlasts the satellites; above it the
    design holds; launch price alone never brings orbit to parity."""
    design = load_study(BOTTLENECK).design
    metrics = evaluate(design)
    assert metrics.values["satellites"] == pytest.approx(1.06e6, rel=0.01)
    cadence = sweep(design, ["launch_vehicle.max_launches_per_year=1000:20000:400:log"])
    threshold = cadence.coordinates[0][np.argmax(cadence.feasible)]
    assert 4_800 < threshold < 5_400
    assert not cadence.feasible[cadence.coordinates[0] < 4_800].any()
    price = sweep(design, ["launch_vehicle.price_usd_per_kg=1:500:50:log"])
    assert price.breakeven() == [] and np.all(price.ratio > 1.5)


def test_report_section_names_the_breakeven_map(tmp_path: Path) -> None:
    """[report] breakeven_map is read into the study; its mistakes name the key path."""
    study = load_study(BOTTLENECK)
    assert study.report.breakeven_map is not None
    assert study.report.breakeven_map[1].startswith("launch_vehicle.max_launches_per_year=")
    text = PARITY.read_text(encoding="utf-8")
    head = text[: text.index("[report]")]
    for table, problem in (
        ("[report]\nbreakeven = []\n", "report.breakeven: unknown key; did you mean breakeven_map"),
        ('[report]\nbreakeven_map = ["a=1:2"]\n', "report.breakeven_map: must be two axes"),
        (
            '[report]\nbreakeven_map = ["launch_vehicle.price_usd=1:2",\n'
            '"sizing.utilization=0:2"]\n',
            "report.breakeven_map: sizing.utilization=0:2: LOW is out of range",
        ),
    ):
        path = tmp_path / "s.toml"
        path.write_text(head + table, encoding="utf-8")
        with pytest.raises(StudyError) as caught:
            load_study(path)
        assert problem in str(caught.value)
