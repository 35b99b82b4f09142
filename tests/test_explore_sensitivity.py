"""Sensitivity: Sobol indices against the Ishigami function's known values, stable intervals on
a study, and a tornado equal to evaluating each end directly."""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs
import numpy as np
import pytest

from skyrack.errors import SkyrackError
from skyrack.evaluation import evaluate_batch
from skyrack.explore.distributions import Uniform
from skyrack.explore.sensitivity import sobol_indices, study_sobol, tornado
from skyrack.explore.uncertainty import UncertainInput, uncertain_inputs
from skyrack.study import load_study
from toy_design import toy_design

FloatArray = np.ndarray


def _uniform_input(key: str, low: float, high: float, value: float = 0.0) -> UncertainInput:
    return UncertainInput(
        key=key,
        distribution=Uniform(low=low, high=high),
        value=value,
        domain=(-math.inf, math.inf),
        integer=False,
        origin="test",
    )


ISHIGAMI_A, ISHIGAMI_B = 7.0, 0.1


def _ishigami(x: Mapping[str, FloatArray]) -> FloatArray:
    x1, x2, x3 = x["x1"], x["x2"], x["x3"]
    return np.sin(x1) + ISHIGAMI_A * np.sin(x2) ** 2 + ISHIGAMI_B * x3**4 * np.sin(x1)


def _ishigami_exact() -> tuple[list[float], list[float]]:
    """First- and total-order indices of Ishigami (a = 7, b = 0.1) from its closed form
    (Sobol' & Levitan 1999): V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸(1/18 − 1/50)."""
    a, b, pi = ISHIGAMI_A, ISHIGAMI_B, math.pi
    v1 = 0.5 * (1 + b * pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * pi**8 * (1 / 18 - 1 / 50)
    total = v1 + v2 + v13
    return [v1 / total, v2 / total, 0.0], [(v1 + v13) / total, v2 / total, v13 / total]


@pytest.mark.slow
def test_sobol_indices_of_ishigami_match_the_closed_form_to_two_hundredths() -> None:
    """S1 ≈ (0.314, 0.442, 0) and ST ≈ (0.558, 0.442, 0.244), each within 0.02, and each
    known value inside the reported 95 % interval widened by 0.01 (half-widths ≤ 0.015)."""
    inputs = [_uniform_input(f"x{i}", -math.pi, math.pi) for i in (1, 2, 3)]
    result = sobol_indices(_ishigami, inputs, target_halfwidth=0.015, seed=1)
    first, total = _ishigami_exact()
    assert first[0] == pytest.approx(0.3139, abs=1e-4) and total[2] == pytest.approx(
        0.2437, abs=1e-4
    )
    for i in range(3):
        assert result.first_order[i] == pytest.approx(first[i], abs=0.02)
        assert result.total_order[i] == pytest.approx(total[i], abs=0.02)
        assert abs(result.first_order[i] - first[i]) <= result.first_order_conf[i] + 0.01
    assert result.max_halfwidth <= 0.015
    assert [result.names[i] for i in result.ranked()] == ["x1", "x2", "x3"]


def test_sobol_grows_its_sample_until_the_intervals_are_narrow() -> None:
    """A tighter target needs more base samples, and reaches its half-width."""
    inputs = [_uniform_input(f"x{i}", -math.pi, math.pi) for i in (1, 2, 3)]
    loose = sobol_indices(_ishigami, inputs, target_halfwidth=0.05, seed=0)
    tight = sobol_indices(_ishigami, inputs, target_halfwidth=0.02, seed=0)
    assert loose.max_halfwidth <= 0.05 and tight.max_halfwidth <= 0.02
    assert tight.base_samples > loose.base_samples


def test_sobol_refuses_a_metric_that_does_not_vary() -> None:
    """Apportioning zero variance is refused with a clear error rather than NaN indices."""
    inputs = [_uniform_input("x1", 0.0, 1.0)]
    with pytest.raises(SkyrackError, match="does not vary"):
        sobol_indices(lambda x: np.zeros_like(x["x1"]), inputs)


@pytest.mark.slow
def test_sobol_indices_on_a_study_have_intervals_narrower_than_five_hundredths() -> None:
    """On the quickstart study with its default uncertain inputs, every 95 % interval of S1 and
    ST is narrower than 0.05 (half-width below 0.025)."""
    study = load_study("studies/quickstart.toml")
    inputs = uncertain_inputs(study.design, study.uncertainty)
    assert len(inputs) >= 10
    result = study_sobol(study.design, inputs, seed=0)
    assert np.all(2 * result.first_order_conf < 0.05)
    assert np.all(2 * result.total_order_conf < 0.05)
    assert result.total_order.sum() >= result.first_order.sum() - 0.05


def test_tornado_bars_are_the_metric_at_each_end_of_each_input() -> None:
    """Each bar holds the ratio with that one input at its low and high end, the others at the
    study's values; bars are sorted by swing."""
    design = toy_design()
    inputs = [
        _uniform_input("launch_vehicle.price_usd", 5e6, 2e7, value=1e7),
        _uniform_input("ground_baseline.energy_price_usd_per_mwh", 40.0, 60.0, value=50.0),
        _uniform_input("compute_payload.failure_rate_per_year", 0.0, 0.5, value=0.0),
    ]
    design = attrs.evolve(
        design,
        ground_baseline=attrs.evolve(design.ground_baseline, energy_price_usd_per_mwh=50.0),
    )
    result = tornado(design, inputs)
    assert result.base == pytest.approx(float(evaluate_batch(design, {})["orbit_to_ground_ratio"]))
    for bar in result.bars:
        direct = evaluate_batch(design, {bar.key: [bar.low, bar.high]})["orbit_to_ground_ratio"]
        assert bar.metric_at_low == pytest.approx(float(direct[0]))
        assert bar.metric_at_high == pytest.approx(float(direct[1]))
    swings = [bar.swing for bar in result.bars]
    assert swings == sorted(swings, reverse=True)
    assert result.to_dataframe()["key"].tolist() == [bar.key for bar in result.bars]
