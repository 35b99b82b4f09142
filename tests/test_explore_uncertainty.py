"""Uncertainty: distributions, the [uncertainty] section and its errors, catalog ranges, and the
Monte Carlo probability that orbit wins against closed-form answers."""

from __future__ import annotations

import math
from pathlib import Path

import attrs
import numpy as np
import pytest
from scipy import stats

from skyrack.errors import StudyError
from skyrack.evaluation import evaluate
from skyrack.explore.distributions import LogNormal, Normal, Triangular, Uniform, distribution_from
from skyrack.explore.uncertainty import (
    UncertainInput,
    UncertaintySettings,
    ensemble_verdict,
    monte_carlo,
    parse_uncertainty,
    ratio_text,
    uncertain_inputs,
    wilson_interval,
)
from skyrack.sources import Source
from skyrack.study import load_study
from skyrack.testing import component_problems
from toy_design import toy_design

ENERGY = "ground_baseline.energy_price_usd_per_mwh"


def _parity_energy_price(design: object) -> float:
    """The ground energy price at which orbit costs what the ground does, in closed form: the
    ground's LCOC is linear in the energy price, the orbit's does not depend on it."""
    low, high = 10.0, 1_000.0
    at = {
        price: evaluate(
            attrs.evolve(
                design,
                ground_baseline=attrs.evolve(
                    design.ground_baseline, energy_price_usd_per_mwh=price
                ),
            )
        )  # type: ignore[attr-defined]
        for price in (low, high)
    }
    orbit = at[low].lcoc_usd_per_pflop_day
    g_low, g_high = (at[p].ground_lcoc_usd_per_pflop_day for p in (low, high))
    slope = (g_high - g_low) / (high - low)
    return low + (orbit - g_low) / slope


def _energy_input(design: object, distribution: object) -> UncertainInput:
    return UncertainInput(
        key=ENERGY,
        distribution=distribution,  # type: ignore[arg-type]
        value=1.0,
        domain=(0.0, math.inf),
        integer=False,
        origin="test",
    )


def _binomial_tolerance(p: float, n: int) -> float:
    """Five standard errors of a proportion p estimated from n draws."""
    return 5 * math.sqrt(max(p * (1 - p), 1e-6) / n)


def test_monte_carlo_win_probability_matches_a_uniform_closed_form() -> None:
    """Energy price uniform on [a, b]: orbit wins above the parity price e*, so
    P = (b − e*) / (b − a); the Monte Carlo estimate lies within five standard errors."""
    design = toy_design()
    parity = _parity_energy_price(design)
    low, high = parity / 3, parity * 1.5
    expected = (high - parity) / (high - low)
    n = 20_000
    result = monte_carlo(
        design, [_energy_input(design, Uniform(low=low, high=high))], samples=n, seed=3
    )
    assert result.p_orbit_wins == pytest.approx(expected, abs=_binomial_tolerance(expected, n))
    direct = np.mean(result.draws[ENERGY] > parity)
    assert result.p_orbit_wins == pytest.approx(direct, abs=2 / n)  # a direct count agrees


def test_monte_carlo_win_probability_matches_a_lognormal_closed_form() -> None:
    """Energy price lognormal(median m, σ): P(price > e*) = 1 − Φ(ln(e*/m)/σ)."""
    design = toy_design()
    parity = _parity_energy_price(design)
    median, sigma = parity * 0.8, 0.5
    expected = 1 - stats.norm.cdf(math.log(parity / median) / sigma)
    n = 20_000
    result = monte_carlo(
        design, [_energy_input(design, LogNormal(median=median, sigma=sigma))], samples=n, seed=5
    )
    assert result.p_orbit_wins == pytest.approx(expected, abs=_binomial_tolerance(expected, n))
    low, high = result.p_orbit_wins_interval
    assert low < expected < high


def test_monte_carlo_is_reproducible_with_its_seed() -> None:
    """The same seed gives the same draws; another seed gives others."""
    design = toy_design()
    item = [_energy_input(design, Uniform(low=10.0, high=100.0))]
    a = monte_carlo(design, item, samples=500, seed=1)
    b = monte_carlo(design, item, samples=500, seed=1)
    c = monte_carlo(design, item, samples=500, seed=2)
    np.testing.assert_array_equal(a.draws[ENERGY], b.draws[ENERGY])
    assert not np.array_equal(a.draws[ENERGY], c.draws[ENERGY])


def test_percentiles_of_a_linear_metric_follow_the_input_percentiles() -> None:
    """The ground's LCOC is linear in the energy price, so its P10/P50/P90 are the LCOC at the
    input's P10/P50/P90 (to sampling error)."""
    design = toy_design()
    low, high = 20.0, 220.0
    result = monte_carlo(
        design, [_energy_input(design, Uniform(low=low, high=high))], samples=40_000, seed=0
    )
    ground = result.percentiles()["ground_lcoc_usd_per_pflop_day"]
    at = {
        q: evaluate(
            attrs.evolve(
                design,
                ground_baseline=attrs.evolve(
                    design.ground_baseline, energy_price_usd_per_mwh=low + q * (high - low)
                ),
            )
        ).ground_lcoc_usd_per_pflop_day
        for q in (0.1, 0.5, 0.9)
    }
    for name, q in (("p10", 0.1), ("p50", 0.5), ("p90", 0.9)):
        assert ground[name] == pytest.approx(at[q], rel=0.01)


def test_wilson_interval_contains_the_estimate_and_stays_in_zero_one() -> None:
    """The Wilson interval brackets p, stays within [0, 1] and narrows with more draws."""
    low, high = wilson_interval(0.0, 100)
    assert low == 0.0 and 0 < high < 0.05
    wide = wilson_interval(0.3, 100)
    narrow = wilson_interval(0.3, 10_000)
    assert wide[0] < narrow[0] < 0.3 < narrow[1] < wide[1]


@pytest.mark.parametrize(
    ("distribution", "mean", "sd"),
    [
        (Uniform(low=2.0, high=8.0), 5.0, 6 / math.sqrt(12)),
        (Triangular(low=0.0, mode=3.0, high=6.0), 3.0, math.sqrt(36 / 24)),
        (Normal(mean=10.0, sd=2.0), 10.0, 2.0),
        (
            LogNormal(median=1.0, sigma=0.5),
            math.exp(0.125),
            math.sqrt((math.exp(0.25) - 1) * math.exp(0.25)),
        ),
    ],
)
def test_distributions_draw_their_textbook_mean_and_spread(
    distribution: object, mean: float, sd: float
) -> None:
    """Draws at uniform numbers reproduce each distribution's analytic mean and deviation."""
    u = np.random.default_rng(0).random(200_000)
    values = distribution.ppf(u)  # type: ignore[attr-defined]
    assert values.mean() == pytest.approx(mean, abs=4 * sd / math.sqrt(u.size))
    assert values.std() == pytest.approx(sd, rel=0.02)


def test_a_normal_is_truncated_to_the_fields_domain() -> None:
    """A normal on a probability field never draws outside [0, 1]."""
    values = Normal(mean=0.95, sd=0.1).ppf(np.linspace(0, 1, 10_001), (0.0, 1.0))
    assert values.min() >= 0.0 and values.max() <= 1.0
    assert values.max() == pytest.approx(1.0)


def _settings(table: dict[str, object]) -> UncertaintySettings:
    return parse_uncertainty(table, toy_design())


def test_uncertainty_section_reads_settings_and_distributions() -> None:
    """samples, catalog_estimates and per-section distributions become settings."""
    settings = _settings(
        {
            "samples": 500,
            "catalog_estimates": False,
            "launch_vehicle": {
                "price_usd_per_kg": {"distribution": "uniform", "low": 100, "high": 900}
            },
            "economics": {
                "discount_rate_per_year": {"distribution": "normal", "mean": 0.07, "sd": 0.02}
            },
        }
    )
    assert settings.samples == 500 and settings.catalog_estimates is False
    assert settings.distributions["launch_vehicle.price_usd_per_kg"] == Uniform(low=100, high=900)
    assert isinstance(settings.distributions["economics.discount_rate_per_year"], Normal)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"sample": 10}, "uncertainty.sample: unknown key; did you mean samples"),
        ({"samples": 5}, "uncertainty.samples: must be between 100"),
        ({"samples": "many"}, "uncertainty.samples: must be an integer"),
        ({"catalog_estimates": 1}, "uncertainty.catalog_estimates: must be true or false"),
        ({"launch_vehicle": 3}, "uncertainty.launch_vehicle: must be a table"),
        (
            {"launch_vehicle": {"price_us": {"distribution": "uniform", "low": 1, "high": 2}}},
            "uncertainty.launch_vehicle.price_us: unknown parameter; did you mean price_usd",
        ),
        (
            {"launch_vehicle": {"price_usd": {"distribution": "unifrom", "low": 1, "high": 2}}},
            "unknown distribution 'unifrom'; did you mean uniform",
        ),
        (
            {"launch_vehicle": {"price_usd": {"distribution": "uniform", "low": 3, "high": 2}}},
            "uncertainty.launch_vehicle.price_usd: needs low < high",
        ),
        (
            {"launch_vehicle": {"price_usd": {"distribution": "triangular", "low": 1, "high": 2}}},
            "triangular needs low, mode, high; mode is missing",
        ),
        (
            {"launch_vehicle": {"price_usd": {"distribution": "normal", "mean": 1, "sd": 0}}},
            "needs sd > 0",
        ),
        (
            {"launch_vehicle": {"price_usd": {"distribution": "uniform", "low": -5, "high": -1}}},
            "no probability inside the allowed range",
        ),
        (
            {"launch_vehicle": {"reusable": {"distribution": "uniform", "low": 0, "high": 1}}},
            "is true or false, so it has no distribution",
        ),
        (
            {
                "launch_vehicle": {
                    "price_usd": {"distribution": "uniform", "low": 1, "high": 2},
                    "price_usd_per_kg": {"distribution": "uniform", "low": 1, "high": 2},
                }
            },
            "not both",
        ),
        (
            {
                "launch_vehicle": {
                    "price_usd": {"distribution": "uniform", "low": 1, "high": 2, "mode": 1}
                }
            },
            "unknown key 'mode'",
        ),
    ],
)
def test_bad_uncertainty_sections_are_one_line_with_the_key_path(
    table: dict[str, object], problem: str
) -> None:
    """Each mistake in [uncertainty] names its key path and what is wrong, in one line."""
    with pytest.raises(StudyError) as caught:
        _settings(table)
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


RANGED = Source(title="test range", year=2026, estimate=True, note="n").with_range(
    5e6, 3e7, "because"
)


def test_catalog_estimates_with_a_range_become_triangular_inputs() -> None:
    """A component number whose source gives a range is drawn triangular(low, value, high);
    a study distribution replaces it, and catalog_estimates = false leaves it out."""
    design = toy_design()
    rocket = attrs.evolve(
        design.launch_vehicle, sources={**design.launch_vehicle.sources, "price_usd": RANGED}
    )
    design = attrs.evolve(design, launch_vehicle=rocket)
    inputs = uncertain_inputs(design, UncertaintySettings())
    assert [i.key for i in inputs] == ["launch_vehicle.price_usd"]
    assert inputs[0].distribution == Triangular(low=5e6, mode=1e7, high=3e7)
    assert "because" in inputs[0].origin
    replaced = uncertain_inputs(
        design,
        UncertaintySettings(
            distributions={"launch_vehicle.price_usd_per_kg": Uniform(low=100.0, high=200.0)}
        ),
    )
    assert [i.key for i in replaced] == ["launch_vehicle.price_usd_per_kg"]
    assert uncertain_inputs(design, UncertaintySettings(catalog_estimates=False)) == []


def test_source_range_is_checked_and_cited() -> None:
    """A range needs low ≤ high and a reason, and the citation states it."""
    with pytest.raises(ValueError, match="exceeds high"):
        Source(title="t", year=2026).with_range(2, 1, "x")
    with pytest.raises(ValueError, match="low, high and range_note"):
        Source(title="t", year=2026, low=1.0)
    assert "plausible range 5,000,000 to 30,000,000: because" in RANGED.cite()


def test_a_value_changed_outside_its_range_is_no_longer_drawn_and_fails_conformance() -> None:
    """A component changed after it was sourced keeps its source but not the range: the
    uncertainty leaves it fixed and the conformance kit names the mismatch."""
    design = toy_design()
    rocket = attrs.evolve(
        design.launch_vehicle,
        sources={**design.launch_vehicle.sources, "price_usd": RANGED},
        price_usd=1e8,
    )
    assert rocket.range_of("price_usd") is None
    changed = attrs.evolve(design, launch_vehicle=rocket)
    assert uncertain_inputs(changed, UncertaintySettings()) == []
    problems = component_problems(rocket)
    assert any("outside its source's plausible range" in problem for problem in problems)


def test_a_study_file_with_an_uncertainty_section_loads(tmp_path: Path) -> None:
    """[uncertainty] in a study file is read and validated against the study's design."""
    study = Path("studies/quickstart.toml").read_text(encoding="utf-8")
    path = tmp_path / "u.toml"
    path.write_text(
        study
        + "\n[uncertainty]\nsamples = 1000\n[uncertainty.compute_payload]\n"
        + 'unit_price_usd = { distribution = "uniform", low = 25_000, high = 45_000 }\n',
        encoding="utf-8",
    )
    loaded = load_study(path)
    assert loaded.uncertainty.samples == 1000
    bad = tmp_path / "bad.toml"
    bad.write_text(study + "\n[uncertainty]\nsampels = 1\n", encoding="utf-8")
    with pytest.raises(StudyError, match=r"bad.toml: uncertainty.sampels: unknown key"):
        load_study(bad)


def test_distribution_table_needs_a_distribution_name() -> None:
    """A table without distribution = ... says which names exist."""
    with pytest.raises(ValueError, match="needs distribution = one of uniform"):
        distribution_from({"low": 1, "high": 2})


def test_ensemble_verdict_counts_replications_cheaper_than_the_ground() -> None:
    """Replications at 1×, 2×, 3× and 0.5× a $2 ground, plus one that delivered nothing: orbit
    wins only in the one below parity (1 of 5); the empty one counts as losing."""
    verdict = ensemble_verdict([2.0, 4.0, 6.0, 1.0, None], 2.0)
    assert verdict["replications"] == 5
    assert verdict["p_orbit_wins"] == pytest.approx(0.2)
    low, high = verdict["p_orbit_wins_95"]
    assert low < 0.2 < high
    assert verdict["orbit_to_ground_ratio"] == {"p10": 0.5, "p50": 2.0, "p90": math.inf}


def test_replications_that_delivered_nothing_give_an_infinite_ratio_not_nan() -> None:
    """Nearest-rank percentiles: where most replications delivered nothing the median ratio is
    infinite (never), not the NaN of interpolating towards inf; the sentence shows ∞."""
    verdict = ensemble_verdict([2.0, None, math.nan], 2.0)
    ratio = verdict["orbit_to_ground_ratio"]
    assert ratio == {"p10": 1.0, "p50": math.inf, "p90": math.inf}
    assert [ratio_text(ratio["p10"]), ratio_text(ratio["p50"]), ratio_text(None)] == ["1", "∞", "∞"]
