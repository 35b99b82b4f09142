"""The ``skyrack`` command line: components, plugins, errors and commands added by plugins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result

import skyrack
from builtin_plugins import BUILTIN_PLUGINS
from skyrack import LaunchVehicle, Source, hookimpl, plugins
from skyrack.cli import cli
from skyrack.components import numeric_field_names

Install = Callable[[str, dict[str, str], dict[str, str]], Path]

STARSHIP = "starship-target"
WIDE = {"COLUMNS": "1000"}  # rich wraps table cells at the terminal width; keep rows whole


def invoke(*args: str) -> Result:
    """Run the click group in-process, as the ``skyrack`` script would, without plugin commands."""
    return CliRunner().invoke(cli, list(args), env=WIDE)


def run_skyrack(*args: str, site: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m skyrack ARGS`` in a fresh interpreter, with ``site`` on PYTHONPATH."""
    env = {**os.environ, **WIDE}
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return subprocess.run(
        [sys.executable, "-m", "skyrack", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def table_rows(output: str) -> dict[str, list[str]]:
    """The cells of each row of a rich table, by the text of the row's first cell."""
    rows = {}
    for line in output.splitlines():
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if cells and cells[0]:
            rows[cells[0]] = cells
    return rows


def test_help_does_not_import_optuna_or_mesa() -> None:
    """`skyrack --help` (plugins loaded) leaves optuna, mesa, dask and solara unimported."""
    script = textwrap.dedent(
        """
        import sys
        from skyrack.cli import main

        sys.argv = ["skyrack", "--help"]
        try:
            main()
        except SystemExit as exit:
            assert exit.code in (0, None), f"--help exited with {exit.code}"
        heavy = sorted(
            m for m in sys.modules if m.split(".")[0] in ("optuna", "mesa", "dask", "solara")
        )
        assert not heavy, f"--help imported {heavy}"
        assert "skyrack_launchers" in sys.modules, "--help did not load the plugins"
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    assert "Usage: skyrack" in completed.stdout


def test_components_list_json_gives_kind_name_and_plugin_of_each() -> None:
    """`components list --json` lists every registered component with its kind, name and plugin."""
    result = invoke("components", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    listed = {(row["kind"], row["name"], row["plugin"]) for row in rows}
    assert ("launch_vehicle", STARSHIP, "launchers") in listed
    assert ("reference_model", "mccalip", "reference_models") in listed
    assert len(rows) == len(plugins.registry())


def test_components_list_kind_option_keeps_only_that_kind() -> None:
    """`components list --kind launch_vehicle` lists exactly the registered launch vehicles."""
    result = invoke("components", "list", "--kind", "launch_vehicle", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {row["kind"] for row in rows} == {"launch_vehicle"}
    assert [row["name"] for row in rows] == plugins.registry().names("launch_vehicle")


def test_components_show_prints_every_numeric_field_with_unit_and_source() -> None:
    """`components show starship-target` prints each number's field, unit, source title and year."""
    vehicle = plugins.registry().launch_vehicle(STARSHIP)
    result = invoke("components", "show", STARSHIP)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{STARSHIP} (launch vehicle, plugin launchers)")
    rows = table_rows(result.output)
    for field in attrs.fields(LaunchVehicle):
        if field.name not in numeric_field_names(LaunchVehicle):
            continue
        assert field.name in rows, f"no row for {field.name}"
        assert rows[field.name][2] == field.metadata["unit"], f"wrong unit for {field.name}"
        source = vehicle.source_of(field.name)
        assert source is not None
        assert f"{source.title} ({source.year})" in rows[field.name][5]


def test_components_show_misspelt_name_fails_with_one_line_suggesting_starship() -> None:
    """`components show starshp` exits non-zero with one stderr line naming a starship vehicle."""
    completed = run_skyrack("components", "show", "starshp")
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert "did you mean" in lines[0] and "'starship" in lines[0]


def test_plugins_json_lists_builtin_plugins_with_version_and_hooks() -> None:
    """`plugins --json` lists each built-in plugin with skyrack's version and its hooks."""
    result = invoke("plugins", "--json")
    assert result.exit_code == 0, result.output
    infos = {info["name"]: info for info in json.loads(result.output)}
    assert BUILTIN_PLUGINS <= set(infos)
    for name in BUILTIN_PLUGINS:
        assert infos[name]["version"] == skyrack.__version__
        assert infos[name]["distribution"] == "skyrack"
        assert isinstance(infos[name]["hooks"], list)
    assert "register_launch_vehicles" in infos["launchers"]["hooks"]
    assert infos["reference_models"]["hooks"] == ["register_reference_models"]


def test_plugin_adds_a_command_through_register_commands(installed_distribution: Install) -> None:
    """An installed plugin's register_commands hook adds a command that `skyrack` then runs."""
    site = installed_distribution(
        "fake-command-plugin",
        {"fake_command": "fake_skyrack_command"},
        {
            "fake_skyrack_command": textwrap.dedent(
                """
                import click
                from skyrack import hookimpl

                @hookimpl
                def register_commands(cli):
                    @cli.command("hello-orbit")
                    @click.argument("who")
                    def hello_orbit(who):
                        \"\"\"Greet WHO from orbit.\"\"\"
                        click.echo(f"hello {who}, from orbit")
                """
            )
        },
    )
    completed = run_skyrack("hello-orbit", "world", site=site)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == "hello world, from orbit\n"


def test_broken_plugin_makes_components_list_fail_with_one_line_naming_it(
    installed_distribution: Install,
) -> None:
    """A plugin whose module raises ImportError stops `components list` with one line naming it."""
    site = installed_distribution(
        "fake-broken-plugin",
        {"fake_broken": "fake_skyrack_broken"},
        {"fake_skyrack_broken": "raise ImportError('needs a library that is not installed')\n"},
    )
    completed = run_skyrack("components", "list", site=site)
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert "plugin 'fake_broken'" in lines[0] and "ImportError" in lines[0]
    assert completed.stdout == ""


# --- known bugs, pinned so that a fix is noticed (strict: an unexpected pass fails) -------------

ESTIMATE = Source(title="back-of-the-envelope", year=2026, estimate=True, note="2 × 3 = 6")


class EstimatedRocket:
    """A plugin registering one launch vehicle whose every number is an estimate."""

    @hookimpl
    def register_launch_vehicles(self, register: Callable[[LaunchVehicle], None]) -> None:
        fields: dict[str, Any] = {
            "payload_to_leo_kg": 10_000.0,
            "fairing_volume_m3": 100.0,
            "price_usd": 50e6,
            "max_launches_per_year": 12.0,
            "success_probability": 0.98,
            "first_available_year": 2031,
            "co2_per_launch_kg": 400_000.0,
            "reusable": True,
        }
        register(
            LaunchVehicle(
                name="estimated-rocket", description="d", sources={"*": ESTIMATE}, **fields
            )
        )


@pytest.fixture
def estimated_rocket() -> Iterator[None]:
    """The EstimatedRocket plugin registered for one test."""
    with plugins.temporary_plugin(EstimatedRocket(), "estimated"):
        yield


def test_components_show_marks_estimated_sources(estimated_rocket: None) -> None:
    """A field whose source is an estimate is marked [estimate] in `components show`."""
    result = invoke("components", "show", "estimated-rocket")
    assert result.exit_code == 0, result.output
    assert "back-of-the-envelope (2026) [estimate]" in table_rows(result.output)["price_usd"][5]


def test_components_show_prints_years_without_a_thousands_separator(
    estimated_rocket: None,
) -> None:
    """`first_available_year` shows as 2031, not 2,031."""
    result = invoke("components", "show", "estimated-rocket")
    assert table_rows(result.output)["first_available_year"][1] == "2031"


def test_plugin_named_like_a_builtin_fails_with_one_line(installed_distribution: Install) -> None:
    """A third-party entry point named `launchers` fails `components list` with one line."""
    site = installed_distribution(
        "fake-clash-plugin",
        {"launchers": "fake_skyrack_clash"},
        {"fake_skyrack_clash": "X = 1\n"},
    )
    completed = run_skyrack("components", "list", site=site)
    assert completed.returncode != 0
    assert "plugin 'launchers'" in completed.stderr
    assert len(completed.stderr.strip().splitlines()) == 1, completed.stderr


STUDIES = Path(__file__).resolve().parents[1] / "studies"


def test_crossover_finds_the_value_where_orbit_matches_the_ground() -> None:
    """`skyrack crossover` reports a value at which the evaluator's ratio is one."""
    study = str(STUDIES / "starcloud-40mw.toml")
    result = invoke(
        "crossover", study, "ground_baseline.energy_price_usd_per_mwh", "10", "2000", "--json"
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["found"] is True and found["spacing"] == "log"
    assert (found["ratio_at_low"] - 1) * (found["ratio_at_high"] - 1) < 0
    design = skyrack.load_study(study).design
    key = "ground_baseline.energy_price_usd_per_mwh"
    at = skyrack.evaluate_batch(design, {key: [found["value"]]})
    assert at["orbit_to_ground_ratio"][0] == pytest.approx(1.0, rel=1e-3)


def test_crossover_with_a_misspelt_parameter_suggests_the_right_one() -> None:
    """An unknown parameter key fails with one line that suggests the close key."""
    result = invoke("crossover", str(STUDIES / "quickstart.toml"), "launch_vehicle.price", "1", "2")
    assert result.exit_code == 1
    assert "did you mean launch_vehicle.price_usd" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_assumptions_lists_every_default_and_model_constant_with_a_source() -> None:
    """`skyrack assumptions --json` gives each default and fixed constant a titled, dated source."""
    result = invoke("assumptions", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    keys = {row["key"] for row in rows}
    assert {"design.mission_years", "economics.discount_rate_per_year"} <= keys
    assert "model.battery_depth_of_discharge" in keys
    numbers = [row for row in rows if isinstance(row["default"], int | float)]
    assert numbers
    for row in numbers:
        assert row["source"] is not None, row["key"]
        assert row["source"]["title"] and row["source"]["year"], row["key"]
