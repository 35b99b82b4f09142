"""Orbits from their elements: altitude plus inclination, or altitude plus node time for a
sun-synchronous orbit; inclination, β range and sunlight follow and move together."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from skyrack import Orbit, Source
from skyrack.array_api import NUMPY, SCALAR
from skyrack.errors import InvalidComponent
from skyrack.evaluation import evaluate, evaluate_batch
from skyrack.physics import orbit as ph
from skyrack.study import load_study
from toy_design import toy_design

QUICKSTART = Path(__file__).resolve().parents[1] / "studies" / "quickstart.toml"
HAND = Source(title="test", year=2026)


def test_raising_a_dawn_dusk_orbit_tilts_it_and_lengthens_its_sunlight() -> None:
    """Sweeping the quickstart's dawn-dusk orbit from 550 to 800 km moves the inclination along
    the J2 relation (97.59° → 98.60°) and the time-averaged sunlight 0.951 → 0.961 → 0.973."""
    altitudes = np.array([550.0, 650.0, 800.0])
    batch = evaluate_batch(load_study(QUICKSTART).design, {"orbit.altitude_km": altitudes})
    assert batch["inclination_deg"] == pytest.approx(
        ph.sun_synchronous_inclination_deg(altitudes), abs=1e-9
    )
    assert batch["inclination_deg"].tolist() == pytest.approx([97.593, 97.986, 98.603], abs=1e-3)
    sunlight = 1 - batch["eclipse_fraction"]
    assert sunlight == pytest.approx(1 - ph.sso_mean_eclipse_fraction(altitudes, 18.0))
    assert sunlight.tolist() == pytest.approx([0.951, 0.961, 0.973], abs=5e-4)
    dose = batch["dose_rad_per_year"]
    assert dose[0] < dose[1] < dose[2]  # higher is hotter


def test_the_node_time_sets_the_sunlight_of_a_sun_synchronous_orbit() -> None:
    """At 550 km: dawn-dusk 0.951, 08:00 0.749, 09:00 0.678, 10:30 0.638 (docs/model.md)."""
    ltan = np.array([18.0, 20.0, 21.0, 22.5])
    batch = evaluate_batch(toy_design(), {"orbit.ltan_hours": ltan})
    assert (1 - batch["eclipse_fraction"]).tolist() == pytest.approx(
        [0.951, 0.749, 0.678, 0.638], abs=1e-3
    )


def test_a_precessing_orbit_sees_every_beta_up_to_inclination_plus_obliquity() -> None:
    """550 km at 53°: β within ±76.44°, sunlit 0.687 of the time on average."""
    inclination, lo, hi, eclipse = ph.orbit_geometry_kernel(SCALAR, 550.0, 53.0, math.nan)
    assert (inclination, lo, hi) == pytest.approx((53.0, -76.44, 76.44))
    assert 1 - eclipse == pytest.approx(0.687, abs=1e-3)
    assert eclipse == pytest.approx(ph.precessing_orbit_mean_eclipse_fraction(550.0, 53.0))


def test_a_batch_may_mix_sun_synchronous_and_precessing_orbits() -> None:
    """Each row of a mixed batch gets its own kind of geometry, as the floats do one by one."""
    h = np.array([550.0, 650.0, 700.0])
    inc = np.array([math.nan, 53.0, math.nan])
    ltan = np.array([18.0, math.nan, 22.5])
    batch = ph.orbit_geometry_kernel(NUMPY, h, inc, ltan)
    for row in range(3):
        single = ph.orbit_geometry_kernel(SCALAR, float(h[row]), float(inc[row]), float(ltan[row]))
        assert [float(column[row]) for column in batch] == pytest.approx(list(single), abs=1e-12)


def test_an_orbit_needs_exactly_one_of_inclination_and_node_time() -> None:
    """Both or neither is refused with a message that says which to give."""
    for elements in ({}, {"inclination_deg": 53.0, "ltan_hours": 18.0}):
        with pytest.raises(InvalidComponent, match="give exactly one of inclination_deg"):
            Orbit(
                name="odd",
                altitude_km=550.0,
                launch_capacity_factor=1.0,
                sources={"*": HAND},
                **elements,
            )


def test_a_sunlit_radiator_face_needs_more_area() -> None:
    """One face at normal incidence to the Sun absorbs α·S more per m²: the toy radiator (α 0.1,
    no Earth view) loses 136.1 W/m² of net flux and grows accordingly."""
    edge_on = evaluate(toy_design()).values
    sunlit = evaluate(toy_design(**{"sizing.radiator_sunlit": True})).values
    assert edge_on["radiator_net_flux_w_m2"] - sunlit["radiator_net_flux_w_m2"] == pytest.approx(
        0.1 * 1361.0
    )
    assert sunlit["radiator_area_m2"] == pytest.approx(10_000 / sunlit["radiator_net_flux_w_m2"])
