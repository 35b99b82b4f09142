"""One set of equations at two speeds: evaluate() on Python floats agrees with evaluate_batch().

``evaluate`` runs the model's kernels on the scalar namespace (math on floats) and
``evaluate_batch`` on numpy; these tests check that both give the same numbers for random
designs, that the physics and economics kernels equal their checked public functions, and that
designs numpy would turn into inf or NaN still get numpy's answer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skyrack import economics
from skyrack.analytic import compute
from skyrack.array_api import NUMPY, SCALAR
from skyrack.design import Design
from skyrack.errors import ModelDomainError, SkyrackError
from skyrack.evaluation import evaluate, evaluate_batch
from skyrack.parameters import design_parameters, with_variations
from skyrack.physics import mass, orbit, power, radiation, thermal
from skyrack.study import load_study
from toy_design import toy_design

STUDIES = Path(__file__).resolve().parents[1] / "studies"
STUDY_FILES = sorted(STUDIES.glob("*.toml"))
REL = 1e-9


def quickstart() -> Design:
    """The catalog design of studies/quickstart.toml (H100s on Falcon 9, dawn-dusk SSO)."""
    return load_study(STUDIES / "quickstart.toml").design


def varied(design: Design, changes: dict[str, float]) -> Design:
    """``design`` with parameter keys (``"orbit.altitude_km"``, ...) set to ``changes``."""
    by_section: dict[str, dict[str, Any]] = {}
    for key, value in changes.items():
        section, _, name = key.partition(".")
        owner = getattr(design, section)
        current = getattr(owner, name)
        if isinstance(current, bool):
            value = bool(value)
        elif isinstance(current, int):
            value = round(value)
        by_section.setdefault(section, {})[name] = value
    return attrs.evolve(
        design,
        **{
            section: attrs.evolve(getattr(design, section), **fields)
            for section, fields in by_section.items()
        },
    )


def same(a: float, b: float) -> bool:
    """Equal to REL, NaN equal to NaN and infinities equal to themselves."""
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= REL * max(abs(a), abs(b)) or abs(a - b) < 1e-300


def assert_agree(single: dict[str, float], batch: dict[str, Any], row: int) -> None:
    assert single.keys() == batch.keys()
    wrong = {
        key: (value, float(batch[key][row]))
        for key, value in single.items()
        if not same(value, float(batch[key][row]))
    }
    assert not wrong, wrong


@st.composite
def variations(draw: st.DrawFn) -> dict[str, float]:
    """Random valid values of 18 parameters, feasible or not (cold radiators, heavy sats)."""
    return {
        "launch_vehicle.price_usd": draw(st.floats(1e5, 1e9)),
        "launch_vehicle.success_probability": draw(st.floats(0.5, 1.0)),
        "sizing.accelerators_per_satellite": float(draw(st.integers(1, 64))),
        "sizing.mission_years": draw(st.floats(0.5, 15.0)),
        "sizing.radiator_temperature_k": draw(st.floats(200.0, 450.0)),
        "sizing.radiator_view_factor_earth": draw(st.floats(0.0, 1.0)),
        "sizing.array_margin": draw(st.floats(0.5, 1.5)),
        "sizing.shielding_mm_al": draw(st.floats(0.0, 25.0)),
        "sizing.battery_for_eclipse": float(draw(st.booleans())),
        "satellite_bus.solar_degradation_per_year": draw(st.floats(0.0, 0.1)),
        "satellite_bus.failure_rate_per_year": draw(st.floats(0.0, 0.2)),
        "satellite_bus.radiator_two_sided": float(draw(st.booleans())),
        "compute_payload.failure_rate_per_year": draw(st.floats(0.0, 0.3)),
        "economics.discount_rate_per_year": draw(st.floats(0.0, 0.3)),
        "economics.satellite_learning_rate": draw(st.floats(0.5, 1.0)),
        "orbit.altitude_km": draw(st.floats(300.0, 1100.0)),
        "orbit.ltan_hours": draw(st.floats(0.0, 24.0)),
    }


def check_rows(base: Design, rows: list[dict[str, float]]) -> None:
    """Every value of evaluate() of each varied design equals its row of one batch."""
    batch = evaluate_batch(base, {key: [row[key] for row in rows] for key in rows[0]})
    for i, changes in enumerate(rows):
        design = varied(base, changes)
        try:
            evaluate(design, check_feasible=False)
        except SkyrackError:  # a headline LCOC of inf or NaN: the batch must agree
            orbit_lcoc = batch["lcoc_usd_per_pflop_day"][i]
            ground_lcoc = batch["ground_lcoc_usd_per_pflop_day"][i]
            assert not (0 < orbit_lcoc < math.inf and 0 < ground_lcoc < math.inf)
        single, _ = compute(design_parameters(design), SCALAR)
        assert_agree({key: float(value) for key, value in single.items()}, batch, i)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(variations(), min_size=1, max_size=4))
def test_one_toy_design_on_floats_equals_its_row_of_the_batch(
    rows: list[dict[str, float]],
) -> None:
    """For random variations of the toy design, evaluate() equals evaluate_batch() row by row."""
    check_rows(toy_design(), rows)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(variations(), min_size=1, max_size=4))
def test_one_catalog_design_on_floats_equals_its_row_of_the_batch(
    rows: list[dict[str, float]],
) -> None:
    """For random variations of the quickstart study, evaluate() equals evaluate_batch()."""
    check_rows(quickstart(), rows)


def test_a_batch_mixing_one_and_two_sided_radiators_sizes_each_row_as_its_own_design() -> None:
    """A two-sided radiator stays two-sided in a batch that also holds one-sided ones."""
    batch = evaluate_batch(toy_design(), {"satellite_bus.radiator_two_sided": [0.0, 1.0]})
    for row, two_sided in enumerate((False, True)):
        design = toy_design(**{"satellite_bus.radiator_two_sided": two_sided})
        assert_agree(compute(design_parameters(design), SCALAR)[0], batch, row)
    assert batch["radiator_area_m2"][0] == pytest.approx(2 * batch["radiator_area_m2"][1])


@pytest.mark.parametrize(
    "design",
    [toy_design, *(lambda path=path: load_study(path).design for path in STUDY_FILES)],
    ids=["toy", *(path.stem for path in STUDY_FILES)],
)
def test_ordinary_designs_run_on_floats_without_falling_back_to_numpy(
    design: Callable[[], Design],
) -> None:
    """The toy design and every study compute on floats alone, and match the numpy path."""
    p = design_parameters(design())
    single, table = compute(p, SCALAR, fallback=False)
    assert all(type(value) is float for value in single.values())
    assert all(type(b.used) is float and type(b.limit) is float for b in table)
    batch, _ = compute(with_variations(design()))
    assert_agree(single, {key: np.atleast_1d(value) for key, value in batch.items()}, 0)


@pytest.mark.parametrize(
    "changes",
    [
        {"launch_vehicle.success_probability": 0.0},  # satellites / 0
        {"sizing.radiator_temperature_k": 1e300},  # T⁴ overflows
        {"compute_payload.seu_upsets_per_day": 1e6, "compute_payload.seu_recovery_s": 1.0},
    ],
    ids=["no-launch-succeeds", "radiator-overflow", "no-availability"],
)
def test_designs_numpy_turns_into_inf_or_nan_get_numpys_answer(changes: dict[str, float]) -> None:
    """Where floats raise (x/0, overflow) the design reruns on numpy, with numpy's values."""
    design = toy_design(**changes)
    p = design_parameters(design)
    with pytest.raises((ArithmeticError, ValueError)):
        compute(p, SCALAR, fallback=False)
    single, _ = compute(p, SCALAR)
    batch = evaluate_batch(design, {key: [value] for key, value in changes.items()})
    assert_agree({key: float(value) for key, value in single.items()}, batch, 0)


def test_an_orbit_above_the_dose_model_is_refused_naming_the_parameter() -> None:
    """Above 1200 km one design is refused naming orbit.altitude_km (so a study can locate it),
    a batch with tid_rad_per_year's own words."""
    with pytest.raises(ModelDomainError, match="1300 km is above the 1,200 km") as refused:
        evaluate(toy_design(**{"orbit.altitude_km": 1300.0}))
    assert refused.value.keys == ("orbit.altitude_km",)
    with pytest.raises(SkyrackError, match=r"got 1300 \(at index 1; 1 of 2 values invalid\)"):
        evaluate_batch(toy_design(), {"orbit.altitude_km": [500.0, 1300.0]})


def test_a_batch_cannot_give_a_sun_synchronous_orbit_an_inclination() -> None:
    """A sun-synchronous orbit's inclination follows from its altitude: a sweep setting one is
    refused with the reason, as is an orbit left with neither element."""
    with pytest.raises(SkyrackError, match="exactly one of orbit.inclination_deg"):
        evaluate_batch(toy_design(), {"orbit.inclination_deg": [53.0, 70.0]})
    precessing = toy_design(**{"orbit.ltan_hours": None, "orbit.inclination_deg": 53.0})
    assert evaluate_batch(precessing, {"orbit.inclination_deg": [53.0, 70.0]})["feasible"].size


# --- kernels against their checked public functions -------------------------------------------

positive = st.floats(1e-3, 1e4)
fraction = st.floats(0.0, 1.0)
KERNELS: list[tuple[str, Callable[..., Any], Callable[..., Any], st.SearchStrategy[Any]]] = [
    (
        "sun_synchronous_inclination_deg",
        orbit.sun_synchronous_inclination_deg_kernel,
        orbit.sun_synchronous_inclination_deg,
        st.tuples(st.floats(150.0, 2000.0)),
    ),
    (
        "eclipse_duration_s",
        orbit.eclipse_duration_s_kernel,
        orbit.eclipse_duration_s,
        st.tuples(st.floats(150.0, 2000.0), st.floats(-90.0, 90.0)),
    ),
    (
        "drag_makeup_delta_v_m_s_per_year",
        orbit.drag_makeup_delta_v_m_s_per_year_kernel,
        orbit.drag_makeup_delta_v_m_s_per_year,
        st.tuples(st.floats(150.0, 2000.0), positive),
    ),
    (
        "deorbit_delta_v_m_s",
        orbit.deorbit_delta_v_m_s_kernel,
        orbit.deorbit_delta_v_m_s,
        st.tuples(st.floats(150.0, 2000.0), st.floats(0.0, 140.0)),
    ),
    (
        "required_bol_power_w",
        power.required_bol_power_w_kernel,
        power.required_bol_power_w,
        st.tuples(positive, st.floats(0.0, 0.5), st.floats(0.0, 50.0)),
    ),
    (
        "array_area_m2",
        power.array_area_m2_kernel,
        power.array_area_m2,
        st.tuples(positive, st.floats(0.01, 1.0)),
    ),
    (
        "array_mass_kg",
        power.array_mass_kg_kernel,
        power.array_mass_kg,
        st.tuples(positive, positive),
    ),
    (
        "battery_mass_kg",
        power.battery_mass_kg_kernel,
        power.battery_mass_kg,
        st.tuples(positive, positive, positive, st.floats(0.05, 1.0)),
    ),
    (
        "radiator_net_flux_w_m2",
        thermal.radiator_net_flux_w_m2_kernel,
        thermal.radiator_net_flux_w_m2,
        st.tuples(st.floats(100.0, 500.0), fraction, fraction, fraction),
    ),
    (
        "propellant_mass_kg",
        mass.propellant_mass_kg_kernel,
        mass.propellant_mass_kg,
        st.tuples(positive, st.floats(0.0, 5000.0), st.floats(50.0, 5000.0)),
    ),
    (
        "tid_rad_per_year",
        radiation.tid_rad_per_year_kernel,
        radiation.tid_rad_per_year,
        st.tuples(st.floats(150.0, 1200.0), st.floats(0.0, 180.0), st.floats(0.0, 30.0)),
    ),
    (
        "radiation_failure_rate_per_year",
        radiation.radiation_failure_rate_per_year_kernel,
        radiation.radiation_failure_rate_per_year,
        st.tuples(positive, positive, st.floats(0.1, 50.0)),
    ),
    (
        "seu_availability",
        radiation.seu_availability_kernel,
        radiation.seu_availability,
        st.tuples(st.floats(0.0, 1e3), st.floats(0.0, 1e3)),
    ),
    (
        "shielding_mass_kg",
        radiation.shielding_mass_kg_kernel,
        radiation.shielding_mass_kg,
        st.tuples(positive, st.floats(0.0, 30.0)),
    ),
    (
        "discount_factor",
        economics.discount_factor_kernel,
        economics.discount_factor,
        st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 100.0)),
    ),
    (
        "pv_decaying_stream",
        economics.pv_decaying_stream_kernel,
        economics.pv_decaying_stream,
        st.tuples(st.floats(0.0, 1.0), st.floats(0.0, 5.0), st.floats(0.0, 50.0)),
    ),
    (
        "wright_average_cost",
        economics.wright_average_cost_kernel,
        economics.wright_average_cost,
        st.tuples(positive, st.floats(1.0, 1e6), st.floats(0.3, 1.0)),
    ),
]


@pytest.mark.parametrize(
    ("kernel", "public", "arguments"),
    [pytest.param(k, f, a, id=name) for name, k, f, a in KERNELS],
)
@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_kernel_on_floats_and_on_numpy_equals_the_checked_function(
    kernel: Callable[..., Any],
    public: Callable[..., Any],
    arguments: st.SearchStrategy[tuple[float, ...]],
    data: st.DataObject,
) -> None:
    """Each physics and economics kernel gives its public function's value on both namespaces."""
    args = data.draw(arguments)
    expected = public(*args)
    assert same(kernel(SCALAR, *args), expected)
    with np.errstate(all="ignore"):
        on_arrays = kernel(NUMPY, *(np.asarray([a]) for a in args))
    assert same(float(np.asarray(on_arrays).ravel()[0]), expected)


# --- the scalar namespace behaves like numpy on special values --------------------------------

SPECIAL = [0.0, -0.0, 1.5, -2.5, math.inf, -math.inf, math.nan]


@pytest.mark.parametrize("name", ["minimum", "maximum"])
def test_scalar_minimum_and_maximum_propagate_nan_like_numpy(name: str) -> None:
    """minimum/maximum on floats equal numpy's for every pair of special values."""
    for a in SPECIAL:
        for b in SPECIAL:
            expected = float(getattr(np, name)(a, b))
            assert same(getattr(SCALAR, name)(a, b), expected), (a, b)


def test_scalar_clip_floor_ceil_and_where_match_numpy_on_special_values() -> None:
    """clip, floor, ceil and where on floats equal numpy's, infinities and NaN included."""
    for x in SPECIAL:
        assert same(SCALAR.clip(x, 0.0, 1.0), float(np.clip(x, 0.0, 1.0))), x
        assert same(SCALAR.floor(x), float(np.floor(x))), x
        assert same(SCALAR.ceil(x), float(np.ceil(x))), x
        assert type(SCALAR.floor(x)) is float
        for condition in (True, False):
            assert same(SCALAR.where(condition, x, 2.0), float(np.where(condition, x, 2.0)))


# --- the parameter table ------------------------------------------------------------------------


def reference_table(design: Design) -> dict[str, float]:
    """design_parameters as first written: every field walked on every call."""
    table: dict[str, float] = {}
    parts = {**design.components(), "sizing": design.sizing, "economics": design.economics}
    for prefix, instance in parts.items():
        for field in attrs.fields(type(instance)):
            value = getattr(instance, field.name)
            if field.name in {"name", "description", "sources"}:
                continue
            if field.name == "dense_tflops":
                table[f"{prefix}.bf16_dense_tflops"] = float(value["bf16"])
            elif isinstance(value, bool):
                table[f"{prefix}.{field.name}"] = 1.0 if value else 0.0
            elif isinstance(value, int | float):
                table[f"{prefix}.{field.name}"] = float(value)
            elif value is None:
                table[f"{prefix}.{field.name}"] = math.nan
    return table


def test_design_parameters_read_every_number_in_field_order() -> None:
    """The cached per-class reading gives the same table, in the same order, as a field walk."""
    toy = toy_design()
    by_power = attrs.evolve(
        toy, sizing=attrs.evolve(toy.sizing, satellites=None, target_it_power_w=1e6)
    )
    for design in (toy, quickstart(), by_power):
        table = design_parameters(design)
        expected = reference_table(design)
        assert list(table) == list(expected)
        assert all(same(table[key], expected[key]) for key in expected)
        assert all(type(value) is float for value in table.values())


def test_design_parameters_follow_a_changed_component() -> None:
    """A component changed with attrs.evolve is read anew, the original keeps its numbers."""
    base = toy_design()
    cheaper = attrs.evolve(base, launch_vehicle=attrs.evolve(base.launch_vehicle, price_usd=1e6))
    assert design_parameters(base)["launch_vehicle.price_usd"] == 10e6
    assert design_parameters(cheaper)["launch_vehicle.price_usd"] == 1e6
    assert design_parameters(base)["launch_vehicle.price_usd"] == 10e6
