"""The published cost models reproduce their published figures, through the API and the CLI.

The expected numbers are written as literals on purpose: they are the published figures
(McCalip's calculator and its audit of 2025-12-11, The Economist's quote of it, Starcloud's
white paper), not recomputations.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from click.testing import CliRunner, Result

from skyrack import InvalidComponent, ReferenceModel, plugins
from skyrack.cli import cli
from skyrack_reference_models.mccalip import MCCALIP, MCCALIP_REPLACEMENT
from skyrack_reference_models.starcloud import STARCLOUD

PUBLISHED_TOLERANCE = 1e-3
"""Reproduce McCalip's published baseline within 0.1%."""

MCCALIP_BASELINE_INPUTS = {
    "target_power_gw": 1.0,
    "mission_years": 5.0,
    "launch_cost_usd_per_kg": 1000.0,
    "satellite_cost_usd_per_w": 22.0,
    "specific_power_w_per_kg": 36.5,
    "satellite_power_kw": 27.0,
    "sunlight_fraction": 0.98,
    "solar_degradation_per_year": 0.025,
    "gpu_failure_rate_per_year": 0.09,
    "nre_cost_usd": 500e6,
    "gas_turbine_capex_usd_per_kw": 1450.0,
    "pue": 1.2,
    "electrical_capex_usd_per_w": 5.25,
    "mechanical_capex_usd_per_w": 3.00,
    "civil_capex_usd_per_w": 2.50,
    "network_capex_usd_per_w": 1.75,
    "capacity_factor": 0.85,
    "gas_price_usd_per_mmbtu": 4.30,
    "heat_rate_btu_per_kwh": 6200.0,
}
"""McCalip's baseline inputs, the calculator's slider defaults."""

MCCALIP_BASELINE_OUTPUTS = {
    "satellites": 47_329,
    "mass_kg": 35_010_493,
    "hardware_cost_usd": 28.113e9,
    "launch_cost_usd": 35.010e9,
    "orbital_total_usd": 63.905e9,
    "orbital_usd_per_w": 63.91,
    "orbital_usd_per_mwh": 1459,
    "ground_total_usd": 15.431e9,
    "ground_usd_per_mwh": 414.48,
}
"""McCalip's published baseline outputs (the calculator's page and its audit)."""

STARCLOUD_INPUTS = {
    "power_mw": 40.0,
    "years": 10.0,
    "electricity_usd_per_kwh": 0.04,
    "ground_cooling_usd": 7e6,
    "ground_backup_power_usd": 20e6,
    "solar_array_usd_per_w": 0.05,
    "launch_mass_kg": 100_000.0,
    "launch_price_usd": 5e6,
    "radiation_shielding_usd": 1.2e6,
}
"""Starcloud's white-paper inputs."""

STARCLOUD_TABLE_USD_M = {
    # output: (published $M, decimals the paper gives it to)
    "ground_energy_cost_usd": (140, 0),
    "ground_cooling_cost_usd": (7, 0),
    "ground_backup_power_cost_usd": (20, 0),
    "ground_total_usd": (167, 0),
    "space_solar_array_cost_usd": (2, 0),
    "space_launch_cost_usd": (5, 0),
    "space_radiation_shielding_cost_usd": (1.2, 1),
    "space_total_usd": (8.2, 1),
}
"""Starcloud's cost table in $M, as printed."""


@pytest.fixture(autouse=True)
def only_this_plugin(fresh_plugins: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Load only the reference-model plugin, so other plugins' state cannot break these tests."""
    monkeypatch.setenv(plugins.ALLOW_VARIABLE, "reference_models")
    plugins.reset()
    yield
    plugins.reset()


def registered(name: str) -> ReferenceModel:
    return plugins.registry().reference_model(name)


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(cli, ["reference", *args])


def cli_json(*args: str) -> dict[str, Any]:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def assert_mccalip_baseline(outputs: Mapping[str, Any]) -> None:
    assert outputs["satellites"] == 47_329
    for key, published in MCCALIP_BASELINE_OUTPUTS.items():
        assert outputs[key] == pytest.approx(published, rel=PUBLISHED_TOLERANCE), key


# --- the plugin registers both models -------------------------------------------------------


def test_plugin_registers_both_models_through_its_entry_point() -> None:
    found = plugins.registry()
    assert found.names("reference_model") == ["mccalip", "mccalip-replacement", "starcloud"]
    for model in (MCCALIP, STARCLOUD):  # the registry holds a re-validated copy
        assert registered(model.name) == model
        assert registered(model.name).compute is model.compute
    assert found.owner(MCCALIP) == "reference_models"


@pytest.mark.parametrize("model", [MCCALIP, MCCALIP_REPLACEMENT, STARCLOUD], ids=lambda m: m.name)
def test_every_input_has_a_unit_a_meaning_and_a_source(model: ReferenceModel) -> None:
    for model_input in model.inputs:
        assert model_input.unit, model_input.key
        assert model_input.doc, model_input.key
        assert model_input.source.title, model_input.key
        assert math.isfinite(model_input.default), model_input.key
    assert len({i.key for i in model.inputs}) == len(model.inputs)


# --- McCalip: the published baseline --------------------------------------------------------


def test_mccalip_defaults_are_the_published_baseline_inputs() -> None:
    defaults = MCCALIP.defaults()
    for key, published in MCCALIP_BASELINE_INPUTS.items():
        assert defaults[key] == pytest.approx(published, rel=1e-12), key


def test_mccalip_reproduces_the_published_baseline_through_the_api() -> None:
    assert_mccalip_baseline(registered("mccalip").run())


def test_mccalip_reproduces_the_published_baseline_through_the_cli() -> None:
    data = cli_json("mccalip")
    assert data["model"] == "mccalip"
    assert data["overrides"] == {}
    assert not any(row["changed"] for row in data["inputs"])
    assert_mccalip_baseline(data["outputs"])


def test_mccalip_matches_the_calculator_to_the_last_digit() -> None:
    """The audit's baseline trace (audit/setpoint_runs.json at commit 534b5d7)."""
    outputs = MCCALIP.run()
    assert outputs["average_retention"] == pytest.approx(0.7985241054271882, rel=1e-14)
    assert outputs["required_power_w"] == pytest.approx(1277867701.5885653, rel=1e-14)
    assert outputs["installed_power_w"] == 1_277_883_000
    assert outputs["mass_kg"] == pytest.approx(35010493.15068493, rel=1e-14)
    assert outputs["ops_cost_usd"] == pytest.approx(281_134_260, rel=1e-14)
    assert outputs["orbital_total_usd"] == pytest.approx(63905053410.68493, rel=1e-14)
    assert outputs["starship_launches"] == 351
    assert outputs["ground_capex_usd"] == pytest.approx(14.24e9, rel=1e-14)
    assert outputs["ground_fuel_cost_usd"] == pytest.approx(1_191_062_160, rel=1e-14)


# Scenario runs published with the calculator's audit (audit/setpoint_runs.json, 2025-12-11).
AUDIT_SCENARIOS: dict[str, tuple[dict[str, float], dict[str, float]]] = {
    "orbital_optimistic_starship": (
        {
            "launch_cost_usd_per_kg": 200,
            "satellite_cost_usd_per_w": 15,
            "specific_power_w_per_kg": 55,
            "satellite_power_kw": 35,
            "sunlight_fraction": 0.99,
            "solar_degradation_per_year": 0.015,
            "gpu_failure_rate_per_year": 0.05,
            "nre_cost_usd": 300e6,
        },
        {
            "satellites": 32_815,
            "mass_kg": 20882272.727272727,
            "orbital_total_usd": 21876608295.454544,
            "orbital_usd_per_mwh": 499.4659428185969,
            "starship_launches": 209,
        },
    ),
    "orbital_pessimistic": (
        {
            "launch_cost_usd_per_kg": 2000,
            "satellite_cost_usd_per_w": 30,
            "specific_power_w_per_kg": 28,
            "satellite_power_kw": 20,
            "sunlight_fraction": 0.9,
            "solar_degradation_per_year": 0.04,
            "gpu_failure_rate_per_year": 0.12,
            "nre_cost_usd": 800e6,
        },
        {
            "satellites": 75_674,
            "orbital_total_usd": 154764158285.7143,
            "orbital_usd_per_w": 154.7641582857143,
            "starship_launches": 541,
        },
    ),
    "terrestrial_high_gas": (
        {"gas_price_usd_per_mmbtu": 8, "heat_rate_btu_per_kwh": 6600},
        {"ground_total_usd": 16598892800, "ground_usd_per_mwh": 445.8472414719312},
    ),
    "terrestrial_low_capacity_factor": (
        {"capacity_factor": 0.6, "pue": 1.3, "gas_price_usd_per_mmbtu": 5},
        {"ground_total_usd": 15444084000, "ground_usd_per_mwh": 587.6744292237443},
    ),
    "scaled_two_gw": (
        {
            "target_power_gw": 2,
            "mission_years": 7,
            "capacity_factor": 0.9,
            "launch_cost_usd_per_kg": 800,
            "satellite_cost_usd_per_w": 20,
            "gas_price_usd_per_mmbtu": 4.5,
        },
        {
            "satellites": 105_183,
            "orbital_total_usd": 120112090391.78082,
            "orbital_usd_per_mwh": 979.3875602721854,
            "ground_total_usd": 32175388480,
            "ground_usd_per_mwh": 291.50710734217586,
        },
    ),
}


@pytest.mark.parametrize("scenario", sorted(AUDIT_SCENARIOS))
def test_mccalip_reproduces_the_audited_scenarios(scenario: str) -> None:
    overrides, published = AUDIT_SCENARIOS[scenario]
    outputs = MCCALIP.run(overrides)
    for key, value in published.items():
        assert outputs[key] == pytest.approx(value, rel=1e-12), key


# --- Starcloud: the white paper's table -----------------------------------------------------


def test_starcloud_defaults_are_the_white_paper_inputs() -> None:
    defaults = STARCLOUD.defaults()
    for key, published in STARCLOUD_INPUTS.items():
        assert defaults[key] == pytest.approx(published, rel=1e-12), key


def assert_starcloud_table(outputs: Mapping[str, Any]) -> None:
    for key, (published_m, decimals) in STARCLOUD_TABLE_USD_M.items():
        assert round(outputs[key] / 1e6, decimals) == published_m, key
    # the unrounded arithmetic behind the table
    assert outputs["ground_energy_cost_usd"] == pytest.approx(140.16e6, rel=1e-12)
    assert outputs["ground_total_usd"] == pytest.approx(167.16e6, rel=1e-12)
    assert outputs["space_total_usd"] == pytest.approx(8.2e6, rel=1e-12)
    assert outputs["launches"] == 1
    assert outputs["implied_launch_usd_per_kg"] == pytest.approx(50.0, rel=1e-12)
    assert outputs["stated_launch_usd_per_kg"] == 30.0


def test_starcloud_reproduces_the_table_through_the_api() -> None:
    assert_starcloud_table(registered("starcloud").run())


def test_starcloud_reproduces_the_table_through_the_cli() -> None:
    data = cli_json("starcloud")
    assert_starcloud_table(data["outputs"])
    assert "$30/kg" in data["description"] and "$50/kg" in data["description"]


def test_starcloud_launch_count_rounds_up_to_whole_launches() -> None:
    outputs = STARCLOUD.run({"launch_mass_kg": 150_000})
    assert outputs["launches"] == 2
    assert outputs["space_launch_cost_usd"] == pytest.approx(10e6)


# --- Starcloud: the radiator sizing ---------------------------------------------------------

STARCLOUD_RADIATOR_W_M2 = 633.08
"""The white paper's net heat rejection per m² of its 20 °C two-sided radiator."""


def test_starcloud_radiator_flux_and_40_mw_area_reproduce_the_white_paper() -> None:
    """From the paper's inputs (20 °C, ε 0.92, α 0.09, F 0.25, albedo 0.3, Earth at 253 K, one
    face sunlit) the radiator rejects the paper's 633.08 W/m² and 40 MW needs the 63,183 m² that
    figure implies, both to 0.5 %; about half the 128,000 m² array, as the paper says."""
    outputs = registered("starcloud").run()
    assert outputs["radiator_net_flux_w_m2"] == pytest.approx(STARCLOUD_RADIATOR_W_M2, rel=5e-3)
    assert outputs["radiator_area_m2"] == pytest.approx(40e6 / STARCLOUD_RADIATOR_W_M2, rel=5e-3)
    # hand arithmetic: 2·0.92·σ·293.15⁴ − 0.09·(1361 + 0.25·0.3·1361 + 0.25·σ·253⁴)
    sigma = 5.670374419e-8
    emitted = 2 * 0.92 * sigma * 293.15**4
    absorbed = 0.09 * (1361 + 0.25 * 0.3 * 1361 + 0.25 * sigma * 253.0**4)
    assert outputs["radiator_emitted_w_m2"] == pytest.approx(emitted, rel=1e-12)
    assert outputs["radiator_net_flux_w_m2"] == pytest.approx(emitted - absorbed, rel=1e-12)
    assert outputs["radiator_to_array_area_ratio"] == pytest.approx(0.49, abs=0.01)


# --- McCalip's other published form: failures charged as replacements -----------------------


def test_mccalip_replacement_form_matches_hand_arithmetic_from_its_inputs() -> None:
    """Sized for solar degradation only (average retention 0.951234 over 5 years), 39,731
    satellites of 27 kW; hardware $22/W; launch $500/kg; operations 1 %/yr and replacements
    9 %/yr of the hardware for 5 years; NRE $1B."""
    out = MCCALIP_REPLACEMENT.run()
    retention = (1 + 0.975 + 0.975**2 + 0.975**3 + 0.975**4) / 5
    assert out["average_retention"] == pytest.approx(retention, rel=1e-12)
    satellites = math.ceil(1e9 / (retention * 0.98) / 27_000)
    assert out["satellites"] == satellites == 39_731
    hardware = 22 * satellites * 27_000
    launch = 500 * satellites * 27_000 / 36.5
    assert out["hardware_cost_usd"] == pytest.approx(hardware, rel=1e-12)
    assert out["launch_cost_usd"] == pytest.approx(launch, rel=1e-12)
    assert out["ops_cost_usd"] == pytest.approx(0.01 * 5 * hardware, rel=1e-12)
    assert out["gpu_replacement_cost_usd"] == pytest.approx(0.09 * 5 * hardware, rel=1e-12)
    total = hardware * (1 + 0.05 + 0.45) + launch + 1e9
    assert out["orbital_total_usd"] == pytest.approx(total, rel=1e-12)


def test_mccalip_replacement_form_gives_the_total_the_economist_quoted() -> None:
    """$51.1B for 1 GW in orbit, as The Economist quoted the calculator (to 0.1 %)."""
    assert MCCALIP_REPLACEMENT.run()["orbital_total_usd"] == pytest.approx(51.1e9, rel=1e-3)


def test_the_two_mccalip_forms_disagree_on_how_failures_cost() -> None:
    """Raising GPU failures adds satellites in the December form but only yearly replacement
    hardware in the press form, whose satellite count does not move."""
    december = (MCCALIP.run(), MCCALIP.run({"gpu_failure_rate_per_year": 0.2}))
    press = (MCCALIP_REPLACEMENT.run(), MCCALIP_REPLACEMENT.run({"gpu_failure_rate_per_year": 0.2}))
    assert december[1]["satellites"] > december[0]["satellites"]
    assert press[1]["satellites"] == press[0]["satellites"]
    assert press[1]["gpu_replacement_cost_usd"] == pytest.approx(
        press[0]["gpu_replacement_cost_usd"] * 0.2 / 0.09
    )


# --- behaviour ------------------------------------------------------------------------------


@pytest.mark.parametrize("new_price", [0.0, 200.0, 3600.0])
def test_launch_price_raises_orbital_total_by_price_change_times_mass(new_price: float) -> None:
    base = MCCALIP.run()
    changed = MCCALIP.run({"launch_cost_usd_per_kg": new_price})
    assert changed["mass_kg"] == base["mass_kg"]
    assert changed["satellites"] == base["satellites"]
    delta = (new_price - 1000.0) * base["mass_kg"]
    assert changed["orbital_total_usd"] - base["orbital_total_usd"] == pytest.approx(
        delta, rel=1e-9, abs=1e-3
    )
    assert changed["ground_total_usd"] == base["ground_total_usd"]


def test_launch_price_through_the_cli_matches_the_api() -> None:
    data = cli_json("mccalip", "--set", "launch_cost_usd_per_kg=1500")
    base = MCCALIP.run()
    assert data["overrides"] == {"launch_cost_usd_per_kg": 1500.0}
    changed = [row["key"] for row in data["inputs"] if row["changed"]]
    assert changed == ["launch_cost_usd_per_kg"]
    assert data["outputs"]["orbital_total_usd"] - base["orbital_total_usd"] == pytest.approx(
        500.0 * base["mass_kg"], rel=1e-9
    )


def test_more_gpu_failures_need_more_satellites() -> None:
    fewer = MCCALIP.run({"gpu_failure_rate_per_year": 0.0})
    assert fewer["satellites"] < 47_329
    assert MCCALIP.run({"gpu_failure_rate_per_year": 0.2})["satellites"] > 47_329


@pytest.mark.parametrize(
    ("model", "key", "value"),
    [
        (MCCALIP, "target_power_gw", -1.0),
        (MCCALIP, "target_power_gw", 0.0),
        (MCCALIP, "solar_degradation_per_year", 1.0),
        (MCCALIP, "solar_degradation_per_year", 1.5),
        (MCCALIP, "gpu_failure_rate_per_year", 1.0),
        (MCCALIP, "sunlight_fraction", 0.0),
        (MCCALIP, "sunlight_fraction", 1.2),
        (MCCALIP, "mission_years", 5.5),
        (MCCALIP, "pue", 0.9),
        (MCCALIP, "launch_cost_usd_per_kg", -10.0),
        (STARCLOUD, "power_mw", -40.0),
        (STARCLOUD, "launch_payload_kg", 0.0),
        (STARCLOUD, "ground_capacity_factor", 1.5),
    ],
)
def test_invalid_inputs_raise_invalid_component_naming_the_input(
    model: ReferenceModel, key: str, value: float
) -> None:
    with pytest.raises(InvalidComponent, match=key):
        model.run({key: value})


@pytest.mark.parametrize("model", [MCCALIP, MCCALIP_REPLACEMENT, STARCLOUD], ids=lambda m: m.name)
def test_nan_is_refused_by_run_and_by_compute(model: ReferenceModel) -> None:
    key = model.inputs[0].key
    with pytest.raises(InvalidComponent, match=key):
        model.run({key: math.nan})
    values = model.defaults()
    values[key] = math.nan
    with pytest.raises(InvalidComponent, match=key):
        model.compute(values)


def test_compute_refuses_a_missing_input() -> None:
    values = MCCALIP.defaults()
    del values["pue"]
    with pytest.raises(InvalidComponent, match="pue"):
        MCCALIP.compute(values)


# --- the command line -----------------------------------------------------------------------


def test_cli_unknown_input_fails_with_a_close_match_and_no_traceback() -> None:
    result = run_cli("mccalip", "--set", "launch_cost=1")
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "did you mean" in result.output
    assert "launch_cost_usd_per_kg" in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("setting", ["pue=abc", "pue=", "pue"])
def test_cli_non_numeric_value_fails_cleanly(setting: str) -> None:
    result = run_cli("mccalip", "--set", setting)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "--set" in result.output
    assert "pue" in result.output


def test_cli_invalid_value_fails_in_one_line() -> None:
    result = run_cli("mccalip", "--set", "solar_degradation_per_year=1")
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    assert "solar_degradation_per_year" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_unknown_model_suggests_a_close_name() -> None:
    result = run_cli("mcalip")
    assert result.exit_code == 1
    assert "mccalip" in result.stderr
    assert "Traceback" not in result.output


def test_cli_without_name_lists_the_models() -> None:
    result = run_cli()
    assert result.exit_code == 0, result.output
    assert "mccalip" in result.stdout and "starcloud" in result.stdout
    rows = json.loads(run_cli("--json").stdout)
    assert [row["name"] for row in rows] == ["mccalip", "mccalip-replacement", "starcloud"]


def test_cli_set_without_name_is_a_usage_error() -> None:
    result = run_cli("--set", "pue=1.3")
    assert result.exit_code == 2


def test_cli_table_marks_changed_inputs_and_shows_outputs() -> None:
    result = CliRunner().invoke(
        cli,
        ["reference", "mccalip", "--set", "launch_cost_usd_per_kg=200"],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "* launch_cost_usd_per_kg" in result.stdout
    assert "published 1,000" in result.stdout
    assert "orbital_total_usd" in result.stdout
    assert "47,329" in result.stdout
