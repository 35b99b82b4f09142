"""`crossover`: whole numbers for integer parameters, a log grid across decades, only feasible
designs, and always an answer object that says what it found or why it found nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skyrack.cli import cli
from skyrack.crossover import Crossover, crossover
from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate_batch
from skyrack.study import load_study
from toy_design import toy_design

STUDIES = Path(__file__).resolve().parents[1] / "studies"


@pytest.fixture(scope="module")
def quickstart() -> object:
    return load_study(STUDIES / "quickstart.toml").design


def ratio_at(design: object, parameter: str, value: float) -> tuple[float, bool]:
    out = evaluate_batch(design, {parameter: [value]})  # type: ignore[arg-type]
    return float(out["orbit_to_ground_ratio"][0]), bool(out["feasible"][0])


def test_a_parameter_the_ratio_ignores_is_reported_not_crashed_on(quickstart: object) -> None:
    """memory_gb does not enter the model: the answer says the ratio does not depend on it (this
    used to end in an IndexError)."""
    found = crossover(quickstart, "compute_payload.memory_gb", 10, 200)  # type: ignore[arg-type]
    assert isinstance(found, Crossover) and not found.found
    assert found.reason.startswith("orbit/ground does not depend on compute_payload.memory_gb")


def test_a_range_over_three_hundred_decades_is_scanned_on_a_log_grid() -> None:
    """[1, 1e308] USD/MWh of ground energy: the log grid finds the true parity price (a linear
    grid put any crossing in its first step, "= 1"), at which the ratio is 1."""
    design = load_study(STUDIES / "starcloud-40mw.toml").design
    key = "ground_baseline.energy_price_usd_per_mwh"
    found = crossover(design, key, 1, 1e308)
    assert found.spacing == "log" and found.found and found.value is not None
    ratio, feasible = ratio_at(design, key, float(found.value))
    assert feasible and ratio == pytest.approx(1.0, rel=1e-3)
    assert found.bracket is not None and found.bracket[0] < found.value < found.bracket[1]


def test_a_crossing_outside_the_plausible_range_says_so() -> None:
    """A parity PUE of 23 is reported, with a note that PUEs lie between 1 and 3."""
    design = load_study(STUDIES / "suncatcher.toml").design
    found = crossover(design, "ground_baseline.pue", 1, 100)
    assert found.found and found.reason.endswith("(outside the plausible range 1–3)")


def cheap_satellites(**changes: float) -> object:
    """The toy design with cheap satellites and learning, near parity at 100 satellites."""
    base = {
        "satellite_bus.cost_usd": 1e4,
        "satellite_bus.array_cost_usd_per_w": 0.1,
        "economics.launch_learning_rate": 0.8,
        "economics.satellite_learning_rate": 0.8,
        "launch_vehicle.price_usd": 1.5 * 866_962,
    }
    return toy_design(**{**base, **changes})


def test_an_integer_parameter_is_searched_over_whole_numbers() -> None:
    """satellites: the answer is the first whole number past parity (learning makes the next
    satellite cheaper), bracketed by its neighbour; the ratio is on either side of 1 there."""
    design = cheap_satellites()
    found = crossover(design, "sizing.satellites", 1, 1_000)  # type: ignore[arg-type]
    assert found.spacing == "integer" and isinstance(found.value, int)
    assert found.bracket == (found.value - 1, found.value)
    before, _ = ratio_at(design, "sizing.satellites", found.value - 1)
    after, _ = ratio_at(design, "sizing.satellites", found.value)
    assert before > 1 > after


def test_a_crossing_in_an_infeasible_region_is_refused() -> None:
    """Where the ratio reaches 1 only with more satellites than the launch cadence can deploy,
    no crossing is reported: the answer names the broken budget and the feasible range."""
    design = cheap_satellites(**{"launch_vehicle.price_usd": 20 * 866_962})
    found = crossover(design, "sizing.satellites", 1, 1_000_000)  # type: ignore[arg-type]
    assert not found.found
    assert "only where the design is infeasible" in found.reason
    assert "deployment time" in found.reason
    ((low, high),) = found.feasible_ranges
    assert low == 1 and 30_000 < high < 50_000
    ratios = evaluate_batch(design, {"sizing.satellites": [high, 1_000_000]})  # type: ignore[arg-type]
    assert ratios["orbit_to_ground_ratio"][0] > 1 > ratios["orbit_to_ground_ratio"][1]


def test_the_answer_is_an_object_even_when_nothing_crosses(quickstart: object) -> None:
    """No crossing in range: value None, the ratios at both ends and a sentence saying so."""
    found = crossover(quickstart, "launch_vehicle.price_usd", 5e7, 5e8)  # type: ignore[arg-type]
    assert found.value is None and found.bracket is None
    assert found.ratio_at_low is not None and found.ratio_at_low > 1
    assert found.reason.startswith("orbit/ground does not cross 1 for launch_vehicle.price_usd")


@pytest.mark.parametrize(
    ("low", "high", "message"),
    [
        (float("nan"), 1.0, "must be finite"),
        (5.0, 1.0, "low < high"),
        (-1.0, 5e7, "values must be > 0 USD"),
    ],
)
def test_a_range_that_cannot_be_scanned_is_an_error(
    quickstart: object, low: float, high: float, message: str
) -> None:
    """NaN bounds, reversed bounds and values the field refuses raise SkyrackError."""
    with pytest.raises(SkyrackError, match=message):
        crossover(quickstart, "launch_vehicle.price_usd", low, high)  # type: ignore[arg-type]


def test_the_command_prints_the_reason_and_the_json_the_whole_answer() -> None:
    """`skyrack crossover` prints the answer's sentence; --json every field and `found`."""
    study = str(STUDIES / "quickstart.toml")
    args = ["crossover", study, "compute_payload.memory_gb", "10", "200"]
    text = CliRunner().invoke(cli, args)
    assert text.exit_code == 0, text.output
    assert text.stdout.startswith("orbit/ground does not depend on compute_payload.memory_gb")
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"]).stdout)
    assert data["found"] is False and data["value"] is None and data["spacing"] == "linear"
