"""Goal-seek finds the known root of a case built to have one, and says so when none exists."""

from __future__ import annotations

import json
import math
from pathlib import Path

import attrs
import numpy as np
import pytest
from click.testing import CliRunner

import skyrack
from skyrack.business.case import business_case
from skyrack.business.goal_seek import TARGETS, Evaluator, goal_seek, trade_off
from skyrack.cli import cli
from skyrack.study import Study, StudyInfo
from toy_design import toy_design

PRICE = "business.compute_price_usd_per_accelerator_hour"


def toy_study(**business: object) -> Study:
    study = Study(info=StudyInfo(name="toy"), design=toy_design())
    return attrs.evolve(study, business=attrs.evolve(study.business, **business))


def npv_at(study: Study, price: float) -> float:
    business = attrs.evolve(study.business, compute_price_usd_per_accelerator_hour=price)
    return business_case(study.design, business).orbit_measures.npv_usd


def test_goal_seek_finds_the_root_of_an_npv_linear_in_the_compute_price() -> None:
    """Revenue is proportional to the compute price, so NPV(P) = A + B·P and the price that
    gives NPV = T is (T − A)/B, worked out from two evaluations."""
    study = toy_study()
    a = npv_at(study, 0.0 + 1e-9)
    b = npv_at(study, 1.0) - a
    target = a + 3.7 * b  # the root is P = 3.7
    answer = goal_seek(study, "npv", target, PRICE)
    assert answer.value == pytest.approx(3.7, rel=1e-6)
    assert "is met at" in answer.describe()


def test_goal_seek_says_clearly_when_the_target_cannot_be_met() -> None:
    """An NPV beyond what even full occupancy earns is refused with the best reachable value."""
    study = toy_study()
    answer = goal_seek(study, "npv", 1e18, "business.occupancy")
    assert answer.value is None
    text = answer.describe()
    assert "cannot be met for business.occupancy in [" in text
    assert "best reachable is npv =" in text
    assert answer.best_value == pytest.approx(1.0)


def test_goal_seek_on_a_whole_number_returns_the_first_that_meets_the_target() -> None:
    """Varying the fleet size gives a whole number of satellites, the first whose NPV is
    at least the target, when NPV grows with the fleet."""
    study = toy_study(compute_price_usd_per_accelerator_hour=200.0)
    two, three = (
        npv_at(attrs.evolve(study, design=toy_design(**{"sizing.satellites": n})), 200.0)
        for n in (2, 3)
    )
    assert two < three
    answer = goal_seek(study, "npv", (two + three) / 2, "sizing.satellites", span=(1, 40))
    assert answer.value == 3


def test_a_fleet_sized_by_power_is_searched_around_its_evaluated_size() -> None:
    """A study that gives the target power, not the satellites, searches sizing.satellites
    from 1/1000 to 1000 × the fleet the evaluator sized; varying the target power of a study
    that fixes its satellites is refused (it would change nothing)."""
    design = toy_design(**{"sizing.satellites": None, "sizing.target_it_power_w": 1e6})
    study = attrs.evolve(toy_study(), design=design)
    sized = skyrack.evaluate(design).values["satellites"]
    answer = goal_seek(study, "npv", 1e18, "sizing.satellites")
    assert answer.value is None
    assert answer.high == pytest.approx(1000 * sized)
    with pytest.raises(skyrack.SkyrackError, match="vary sizing.satellites instead"):
        goal_seek(toy_study(), "npv", 0.0, "sizing.target_it_power_w")


@pytest.mark.parametrize("name", ["npv", "irr", "payback", "npv_advantage"])
def test_each_target_reads_what_the_full_business_case_says(name: str) -> None:
    """The goal-seek shortcut (only what the target reads, one orbital fleet per design) gives
    each candidate the measure the full business case reports for it."""
    study = toy_study(compute_price_usd_per_accelerator_hour=60.0)
    prices = np.array([30.0, 60.0, 120.0])
    measured, broken = Evaluator(study).metric({PRICE: prices}, TARGETS[name])
    assert broken == []
    for price, value in zip(prices, measured, strict=True):
        business = attrs.evolve(study.business, compute_price_usd_per_accelerator_hour=price)
        case = business_case(study.design, business)
        orbit = case.orbit_measures
        irr, payback = orbit.irr.rate_per_year, orbit.discounted_payback_years
        expected = {
            "npv": orbit.npv_usd,
            "irr": math.nan if irr is None else irr,  # goal-seek's undefined
            "payback": math.inf if payback is None else payback,  # and never
            "npv_advantage": orbit.npv_usd - case.ground_measures.npv_usd,
        }[name]
        assert value == pytest.approx(expected, rel=1e-9, nan_ok=True)
    assert np.isfinite(measured).any()


def test_unknown_parameters_and_targets_suggest_close_names() -> None:
    """A typo in a parameter or a target is refused with the close names."""
    study = toy_study()
    with pytest.raises(skyrack.InvalidComponent, match="launch_vehicle.price_usd"):
        goal_seek(study, "npv", 0.0, "launch_vehicle.price_usdd")
    with pytest.raises(skyrack.SkyrackError, match="did you mean npv"):
        goal_seek(study, "npvv", 0.0, PRICE)


def test_a_span_outside_the_fields_range_is_refused() -> None:
    """Occupancy cannot be searched above 1."""
    with pytest.raises(skyrack.SkyrackError, match="outside the field's range"):
        goal_seek(toy_study(), "npv", 0.0, "business.occupancy", span=(0.5, 2.0))


def test_trade_off_solves_the_last_parameter_on_a_grid_of_the_first() -> None:
    """Each point of the curve meets the target: NPV at (launch price, compute price) = 0."""
    study = toy_study()
    spans = {"launch_vehicle.price_usd": (1e6, 1e8)}
    answers = trade_off(
        study, "npv", 0.0, ["launch_vehicle.price_usd", PRICE], spans=spans, points=3
    )
    assert len(answers) == 3
    for answer in answers:
        assert answer.value is not None
        launch = answer.fixed["launch_vehicle.price_usd"]
        design = toy_design(**{"launch_vehicle.price_usd": launch})
        business = attrs.evolve(study.business, compute_price_usd_per_accelerator_hour=answer.value)
        npv = business_case(design, business).orbit_measures.npv_usd
        assert abs(npv) < 1e-6 * abs(npv_at(study, 1.0) - npv_at(study, 0.0 + 1e-9)) + 1.0
    prices = [a.value for a in answers]
    assert prices == sorted(prices), "dearer launches need dearer compute"


QUICKSTART = Path(__file__).resolve().parents[1] / "studies" / "quickstart.toml"


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_goal_seek_command_prints_the_answer_and_its_json() -> None:
    """The CLI prints one sentence, or the same answer as JSON."""
    result = CliRunner().invoke(
        cli, ["goal-seek", str(QUICKSTART), "--target", "npv=0", "--vary", PRICE]
    )
    assert result.exit_code == 0, result.output
    assert "npv = $0.00 is met at" in result.output
    result = CliRunner().invoke(
        cli, ["goal-seek", str(QUICKSTART), "--target", "npv=0", "--vary", PRICE, "--json"]
    )
    data = json.loads(result.output)
    assert data["value"] > 0 and data["answer"].startswith("npv = $0.00 is met at")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--target", "npv", "--vary", PRICE], "NAME=VALUE"),
        (["--target", "npv=1", "--vary", "sizing.satellites=5"], "PARAMETER=LOW:HIGH"),
        (["--target", "npv=1", "--vary", "nope.x"], "unknown parameter"),
    ],
)
def test_goal_seek_command_refuses_bad_input_in_one_line(args: list[str], message: str) -> None:
    """Malformed targets, spans and unknown parameters give a one-line error, no traceback."""
    result = CliRunner().invoke(cli, ["goal-seek", str(QUICKSTART), *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
