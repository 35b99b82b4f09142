"""What the terminal shows a reader: calendar years without thousands separators, every
quantity with its unit, components (a roadmap's generations too) without Python reprs, and no
table cell cut short at 80 columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.table import Table

from skyrack.cli import cli
from skyrack.cli.output import safe_console
from skyrack.crossover import crossover
from skyrack.numbers import format_number, format_quantity, is_calendar_year
from skyrack.optimize.report import short_value
from skyrack.plausibility import format_range
from skyrack.plugins import registry
from skyrack.sources import Source
from skyrack.study import load_study

STUDIES = Path(__file__).resolve().parents[1] / "studies"
NARROW = {"COLUMNS": "80"}
WIDE = {"COLUMNS": "1000"}
REPR = re.compile(r"\w+\(\w+=|=None\b|<function |object at 0x|Source\(")
YEAR_WITH_SEPARATOR = re.compile(r"\b(?:19|20|21),\d{3}\b")
YEAR_ROW = re.compile(r"^│ \w*_year .*$", re.MULTILINE)


def invoke(*args: str, env: dict[str, str] = WIDE) -> Result:
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result


def test_calendar_year_fields_are_told_from_rates_and_durations() -> None:
    """``start_year``, ``release_year`` and ``economics.start_year`` are calendar years;
    ``failure_rate_per_year`` (a rate) and ``mission_years`` (a duration) are not."""
    for name in ("start_year", "release_year", "economics.start_year", "calendar_year", "year"):
        assert is_calendar_year(name), name
    for name in ("failure_rate_per_year", "mission_years", "yearly", "", "price_usd"):
        assert not is_calendar_year(name), name


def test_a_calendar_year_prints_as_a_plain_integer_or_with_one_decimal() -> None:
    """2026 not 2,026; October 2022 (2022.75) as 2022.8; other numbers keep their separators."""
    assert format_number(2026.0, name="start_year") == "2026"
    assert format_number(2026, name="business.price_reference_year") == "2026"
    assert format_number(2022.75, name="release_year") == "2022.8"
    assert format_number(12_026.0, name="mass_kg") == "12,026"
    assert format_range((2000.0, 2100.0), name="start_year") == "2000–2100"
    assert format_range((1000.0, 20_000.0), "kg") == "1,000–20,000 kg"
    source = Source(title="t", year=2025, low=2032.0, high=2040.0, range_note="why")
    assert "plausible range 2032 to 2040: why" in source.cite(name="first_available_year")


def test_quantities_name_their_unit() -> None:
    """Dollars as $6.01B, dollars per unit as $646.5/MWh, short durations in days, power with
    an SI prefix, counts bare."""
    assert format_quantity(6.01e9, "USD") == "$6.01B"
    assert format_quantity(646.455, "USD/MWh") == "$646.5/MWh"
    assert format_quantity(0.06866, "yr") == "25.1 days"  # 0.06866 × 365.25
    assert format_quantity(4.93, "yr") == "4.93 yr"
    assert format_quantity(float("inf"), "yr") == "never"
    assert format_quantity(40e6, "W") == "40 MW"
    assert format_quantity(1234.0, "1") == "1,234"
    assert format_quantity(12.5, "kg") == "12.5 kg"
    assert short_value(6.01e9, "USD") == "$6.01B"


def test_assumptions_print_years_without_thousands_separators() -> None:
    """`skyrack assumptions` shows the start year as 2028 and its range as 2000–2100."""
    text = invoke("assumptions").stdout
    assert "2000–2100" in text
    assert not YEAR_WITH_SEPARATOR.search(text), YEAR_WITH_SEPARATOR.findall(text)


def test_a_roadmap_shows_its_generations_as_a_table_with_their_sources() -> None:
    """The NVIDIA roadmap prints one row per generation (release year, TFLOP/s, W, USD) and a
    source per number, not the reprs of its generation objects; --json describes them too."""
    text = invoke("components", "show", "nvidia-datacenter").stdout
    assert not REPR.search(text), REPR.findall(text)
    row = next(line for line in text.splitlines() if line.startswith("│ h100 "))
    assert [cell.strip() for cell in row.strip("│").split("│")] == [
        "h100",
        "2022.8",
        "989",
        "700",
        "32,500",
        "yes",
    ]
    assert "sources of the generations" in text and "H100 Tensor Core GPU datasheet" in text
    data = json.loads(invoke("components", "show", "nvidia-datacenter", "--json").stdout)
    h100 = data["parts"]["generations"][0]
    fields = {row["field"]: row for row in h100["fields"]}
    assert h100["name"] == "h100" and fields["release_year"]["value"] == 2022.75
    assert "datasheet" in fields["power_w"]["source"]["title"]


@pytest.mark.parametrize(
    ("kind", "name"), sorted((c.kind, c.name) for c in registry().components(None))
)
def test_every_component_shows_without_reprs_or_separated_years(kind: str, name: str) -> None:
    """Each registered component (vehicles, buses, payloads, orbits, baselines, policies,
    events, reference models, roadmaps) prints readable values and JSON."""
    text = invoke("components", "show", name, "--kind", kind).stdout
    assert not REPR.search(text), REPR.findall(text)
    for row in YEAR_ROW.findall(text):  # a year's value, allowed and plausible range
        value_and_ranges = row.split("│")[2:6]
        assert not any(YEAR_WITH_SEPARATOR.search(cell) for cell in value_and_ranges), row
    json.loads(invoke("components", "show", name, "--kind", kind, "--json").stdout)


def test_a_long_word_folds_instead_of_being_cut_at_80_columns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cell whose word is wider than its column keeps every character (rich would end it
    with "…" by default)."""
    monkeypatch.setenv("COLUMNS", "80")
    word = "https://example.org/" + "a-very-long-path-segment/" * 6
    table = Table("source")
    table.add_row(word)
    console = safe_console()
    with console.capture() as captured:
        console.print(table)
    shown = captured.get()
    assert "…" not in shown and len(shown.splitlines()) > 5
    assert re.sub(r"[\s│┃┏┓┡┩└┘━─]|source", "", shown) == word


@pytest.mark.parametrize(
    "args",
    [
        ("components", "list"),
        ("components", "show", "nvidia-datacenter"),
        ("components", "show", "starcloud"),
        ("assumptions",),
    ],
)
def test_commands_cut_nothing_at_80_columns(args: tuple[str, ...]) -> None:
    """At 80 columns no cell of these tables ends in rich's ellipsis."""
    text = invoke(*args, env=NARROW).stdout
    assert all(len(line) <= 80 for line in text.splitlines())
    assert not re.search(r"\w…\s*│", text)


def test_crossover_names_the_unit_of_the_value_it_found() -> None:
    """Starcloud's parity energy price is stated in dollars per MWh."""
    design = load_study(STUDIES / "starcloud-40mw.toml").design
    found = crossover(design, "ground_baseline.energy_price_usd_per_mwh", 1, 1e4)
    assert found.found
    assert re.search(r"energy_price_usd_per_mwh = \$[\d,.]+/MWh", found.reason), found.reason
