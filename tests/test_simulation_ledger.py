"""The ledger's running sums against the satellites it holds, one by one."""

from __future__ import annotations

import math

import attrs
import numpy as np
import pytest

from skyrack.simulation.ledger import SatelliteLedger, SatelliteModel

SATELLITE = SatelliteModel(
    accelerators=16,
    accelerator_hazard_per_day=0.3 / 365.25,
    bus_hazard_per_day=0.2 / 365.25,
    infant_mortality=0.05,
    throttle_age_days=400.0,
    throttle_start_factor=1.0,
    degradation_per_day=0.3 / 365.25,
)


def test_the_running_stocks_equal_the_sum_over_each_satellite_through_storms_and_retirements() -> (
    None
):
    """Stocks read from the running sums equal each satellite's own state summed, at every
    step, while satellites arrive, throttle, fail, are destroyed, retired and lose
    accelerators."""
    rng = np.random.default_rng(3)
    ledger = SatelliteLedger(SATELLITE, steps=200, step_days=5.0)
    for step in range(200):
        if step % 7 == 0 and step < 150:
            launch = np.sort(step * 5.0 + rng.uniform(0, 5, 30))
            ledger.arrive(launch, 600.0 if step % 2 else np.inf, rng)
        record = ledger.close()
        alive, healthy, powered = ledger.satellite_state(np.arange(ledger.count))
        assert alive.sum() == record.satellites_operating
        assert record.healthy_accelerators == pytest.approx(healthy.sum(), abs=1e-8)
        assert record.powered_accelerators == pytest.approx(powered.sum(), abs=1e-8)
        if step == 60:
            ledger.scale_accelerators(0.8)
        if step in (80, 120):
            rows = ledger.operating_rows()
            ledger.end_satellites(
                rng.choice(rows, len(rows) // 5, replace=False), retired=step == 120
            )
            alive, healthy, powered = ledger.satellite_state(np.arange(ledger.count))
            assert ledger.satellites_operating == alive.sum()
            assert ledger.powered_accelerators == pytest.approx(powered.sum(), abs=1e-8)


def test_each_satellite_keeps_its_accelerators_with_the_exact_mean() -> None:
    """Over 20,000 satellites, the mean healthy count at age a is A (1 − ι) e^{−λa} within
    4 standard errors, at every age, though only the count at the end is drawn."""
    rng = np.random.default_rng(1)
    model = attrs.evolve(SATELLITE, bus_hazard_per_day=0.0)
    ledger = SatelliteLedger(model, steps=100, step_days=10.0)
    ledger.arrive(np.zeros(20_000), np.inf, rng)
    for step in range(100):
        ledger.close()
        if step % 20:
            continue
        _, healthy, _ = ledger.satellite_state(np.arange(ledger.count))
        age = (step + 1) * 10.0
        expected = 16 * 0.95 * math.exp(-model.accelerator_hazard_per_day * age)
        assert abs(healthy.mean() - expected) <= 4 * healthy.std() / math.sqrt(healthy.size)


def test_a_satellite_ending_exactly_at_a_step_end_leaves_in_that_step() -> None:
    """A satellite retired at exactly 10 days leaves in step 1 (days 5–10), not step 2."""
    model = attrs.evolve(SATELLITE, bus_hazard_per_day=0.0)
    ledger = SatelliteLedger(model, steps=4, step_days=5.0)
    ledger.arrive(np.array([0.0]), 10.0, np.random.default_rng(0))
    records = [ledger.close() for _ in range(4)]
    assert [r.satellites_operating for r in records] == [1, 0, 0, 0]
    assert records[1].satellites_deorbited == 1


def test_healthy_counts_at_the_end_of_the_path_are_binomial() -> None:
    """Drawn by inverting the tabulated distribution, k ~ Binomial(16, 0.95 e^{−λL}): the
    frequencies of 40,000 draws pass a chi-square test, and p = 1 always gives 16."""
    from scipy import stats

    ledger = SatelliteLedger(SATELLITE, steps=10, step_days=1.0)
    path = 1000.0
    p = 0.95 * math.exp(-SATELLITE.accelerator_hazard_per_day * path)
    draws = np.searchsorted(
        ledger._binomial_table(path), np.random.default_rng(2).random(40_000), side="right"
    )
    observed = np.bincount(draws, minlength=17)
    expected = stats.binom.pmf(np.arange(17), 16, p) * draws.size
    keep = expected > 5  # pool the sparse tail
    observed = np.append(observed[keep], observed[~keep].sum())
    expected = np.append(expected[keep], expected[~keep].sum())
    assert stats.chisquare(observed, expected).pvalue > 0.001
    certain = attrs.evolve(SATELLITE, accelerator_hazard_per_day=0.0, infant_mortality=0.0)
    table = SatelliteLedger(certain, steps=10, step_days=1.0)._binomial_table(path)
    assert np.searchsorted(table, np.array([0.0, 0.5, 0.999999]), side="right").tolist() == [16] * 3
