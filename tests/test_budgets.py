"""Budgets that mean something: launch fill, margins, yes/no checks, and "binding" only when
the budget really limits the design. Toy numbers (tests/toy_design.py) by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from skyrack.budgets import Budget
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.study import load_study
from toy_design import toy_design

QUICKSTART = Path(__file__).resolve().parents[1] / "studies" / "quickstart.toml"


def budget(metrics: Metrics, name: str) -> Budget:
    return next(b for b in metrics.budgets if b.name == name)


def test_launch_fill_counts_every_satellite_on_the_launch() -> None:
    """8 toy satellites of 1,241 kg fill a 10 t launch to 99 % by mass (a 9th does not fit,
    so mass binds) and its 1,000 m³ fairing to 10 % by volume (which does not bind)."""
    metrics = evaluate(toy_design())
    by_mass, by_volume = (
        budget(metrics, "launch fill by mass"),
        budget(metrics, "launch fill by volume"),
    )
    wet = metrics.values["wet_mass_kg"]
    assert by_mass.used == pytest.approx(8 * wet)
    assert by_mass.utilization == pytest.approx(8 * wet / 10_000)
    assert by_mass.binding
    assert by_volume.used == pytest.approx(8 * wet / 100.0)  # stowed at 100 kg/m³
    assert not by_volume.binding


def test_a_small_fairing_makes_volume_the_limit_instead() -> None:
    """With a 50 m³ fairing only 4 satellites fit: volume binds, mass is half used."""
    metrics = evaluate(toy_design(**{"launch_vehicle.fairing_volume_m3": 50.0}))
    assert metrics.values["satellites_per_launch"] == 4
    assert budget(metrics, "launch fill by volume").binding
    mass = budget(metrics, "launch fill by mass")
    assert not mass.binding
    assert mass.utilization == pytest.approx(4 * metrics.values["wet_mass_kg"] / 10_000)


def test_bus_power_binds_only_when_one_more_accelerator_would_not_fit() -> None:
    """10 chips of 1 kW on a 10.5 kW bus: an 11th would break it, so it binds (95 %); on a
    1 MW bus it does not."""
    tight = evaluate(toy_design(**{"satellite_bus.max_payload_power_w": 10_500.0}))
    assert budget(tight, "bus payload power").binding
    assert not budget(evaluate(toy_design()), "bus payload power").binding


def test_calendar_and_life_checks_are_yes_no_and_never_bind() -> None:
    """A mission equal to the design life and a vehicle flying long before the start hold, use
    0 (not "100 %" or "0 %" of a calendar), and are never called binding."""
    metrics = evaluate(toy_design(**{"sizing.mission_years": 10.0}))  # = design life
    for name in ("design life", "launch availability"):
        check = budget(metrics, name)
        assert not check.proportional and not check.broken and not check.binding
        assert check.utilization == 0.0
    assert "design life" not in metrics.verdict()


def test_the_quickstart_is_bound_by_launch_mass_not_by_its_design_life() -> None:
    """12 satellites fill a Falcon 9 to 99 % by mass (12 × 1,172.2 kg of 14,245 kg): that, not
    the design life, binds."""
    metrics = evaluate(load_study(QUICKSTART).design)
    assert [b.name for b in metrics.binding_constraints()] == ["launch fill by mass"]
    assert budget(metrics, "launch fill by mass").utilization == pytest.approx(0.9875, abs=0.002)


def test_batteries_are_priced_per_kwh_on_their_own_waterfall_line() -> None:
    """Batteries for the toy orbit's longest eclipse: capacity = mass × 150 Wh/kg, priced at
    $1,000/kWh each, for 100 satellites, on the "batteries" line of the waterfall."""
    metrics = evaluate(toy_design(**{"sizing.battery_for_eclipse": True}))
    v = metrics.values
    capacity_kwh = v["battery_mass_kg"] * 150.0 / 1000.0
    assert v["battery_capacity_kwh"] == pytest.approx(capacity_kwh)
    assert metrics.waterfall_pv_usd["batteries"] == pytest.approx(100 * capacity_kwh * 1_000.0)
    assert metrics.waterfall_pv_usd["batteries"] > 0
