"""The thermal budget: a radiator no hotter than the chip's junction limit minus the drop along
the thermal chain (cold plate, coolant loop, radiator fins). Hand arithmetic from the sources
in plugins/skyrack_accelerators."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

import skyrack
from skyrack.errors import InfeasibleDesign
from skyrack.evaluation import evaluate, evaluate_batch
from skyrack.explore.uncertainty import redecide
from skyrack.study import load_study
from toy_design import toy_design

STUDIES = Path(__file__).resolve().parents[1] / "studies"
H100_LIMIT_K = 87.0 + 273.15 - (0.03 * 700.0 + 10.0)
"""87 °C junction (NVML's GPU Max Operating Temp) − (0.03 K/W × 700 W + 10 K) = 329.15 K."""


@pytest.mark.parametrize(
    ("name", "tdp_w"), [("h100-sxm", 700.0), ("b200", 1_000.0), ("tpu-v6e", 300.0)]
)
def test_each_accelerator_allows_its_junction_limit_minus_its_thermal_chain(
    name: str, tdp_w: float
) -> None:
    """max radiator = 360.15 K − (0.03 K/W × TDP + 10 K): H100 329.15, B200 320.15, TPU 341.15."""
    payload = skyrack.registry().compute_payload(name)
    assert payload.max_radiator_temperature_k == pytest.approx(360.15 - (0.03 * tdp_w + 10.0))


def test_a_radiator_hotter_than_the_chip_allows_breaks_the_thermal_budget_in_kelvin() -> None:
    """A toy chip limited to 360 K with a 30 K chain and a 345 K radiator: over by 15 K."""
    hot = toy_design(
        **{
            "compute_payload.junction_to_radiator_delta_k": 30.0,
            "sizing.radiator_temperature_k": 345.0,
        }
    )
    with pytest.raises(
        InfeasibleDesign, match=r"thermal: needs 345 K, limit 330 K \(over by 15 K\)"
    ):
        evaluate(hot)


def test_the_thermal_budget_binds_within_a_kelvin_of_the_limit() -> None:
    """329.5 K against a 330 K limit binds; the toy's 330 K radiator with no chain does not."""
    at_limit = evaluate(
        toy_design(
            **{
                "compute_payload.junction_to_radiator_delta_k": 30.0,
                "sizing.radiator_temperature_k": 329.5,
            }
        )
    )
    assert [b.name for b in at_limit.budgets if b.binding and b.name == "thermal"] == ["thermal"]
    thermal = next(b for b in evaluate(toy_design()).budgets if b.name == "thermal")
    assert not thermal.binding and not thermal.broken


def test_cost_falls_with_radiator_temperature_until_the_h100_limit_stops_it() -> None:
    """On the quickstart, every hotter radiator is cheaper, so only the thermal budget keeps an
    optimizer below 329.15 K: feasible exactly up to it, excess = T − 329.15 K."""
    design = load_study(STUDIES / "quickstart.toml").design
    temperatures = np.array([300.0, 320.0, 329.0, 330.0, 360.0, 386.0, 400.0])
    out = evaluate_batch(design, {"sizing.radiator_temperature_k": temperatures})
    assert np.all(np.diff(out["lcoc_usd_per_pflop_day"]) < 0)
    np.testing.assert_allclose(out["budget_thermal_excess"], temperatures - H100_LIMIT_K)
    np.testing.assert_array_equal(out["feasible"], temperatures <= H100_LIMIT_K)


def test_the_shipped_searches_stay_within_the_h100_thermal_limit() -> None:
    """design-optimization and cost-vs-time search H100 radiators no hotter than 329.15 K."""
    for name in ("design-optimization", "cost-vs-time"):
        study = load_study(STUDIES / f"{name}.toml")
        assert study.design.compute_payload.name == "h100-sxm"
        with (STUDIES / f"{name}.toml").open("rb") as file:
            space = tomllib.load(file)["optimize"]["space"]["sizing.radiator_temperature_k"]
        assert space["high"] <= H100_LIMIT_K
        assert study.design.sizing.radiator_temperature_k <= H100_LIMIT_K


def test_an_uncertainty_draw_with_a_worse_chain_runs_a_colder_radiator() -> None:
    """Chains of 20 and 40 K leave the quickstart's 320 K radiator as chosen (limits 340.15 and
    320.15 K); a 50 K chain (limit 310.15 K) runs it at 310.15 K."""
    design = load_study(STUDIES / "quickstart.toml").design
    draws = {"compute_payload.junction_to_radiator_delta_k": np.array([20.0, 40.0, 50.0])}
    decided = redecide(design, draws)
    np.testing.assert_allclose(decided["sizing.radiator_temperature_k"], [320.0, 320.0, 310.15])
