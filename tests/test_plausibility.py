"""Plausible ranges: every number has one beside its hard domain, every default and catalog value
lies inside it, and a value outside it is refused with what was probably meant, unless the user
insists (per key in the study, or --allow-implausible)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from skyrack import plugins
from skyrack.business.settings import Business
from skyrack.cli import cli
from skyrack.components import COMPONENT_KINDS, AcceleratorGeneration, number_problem
from skyrack.design import Economics, Sizing
from skyrack.errors import StudyError
from skyrack.plausibility import implausibility, implausible_fields, likely_meant, plausible_range
from skyrack.simulation.settings import FactorySettings, SimulationSettings
from skyrack.study import load_study

SETTINGS: list[type] = [
    *COMPONENT_KINDS.values(),
    AcceleratorGeneration,
    Sizing,
    Economics,
    Business,
    SimulationSettings,
    FactorySettings,
]
REPO = Path(__file__).resolve().parents[1]
VALID = (
    (REPO / "tests" / "malformed_studies" / "zero_utilization.toml")
    .read_text(encoding="utf-8")
    .replace("utilization = 0.0\n", "")
)


def numeric_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of ``cls`` that hold a number (a unit in their metadata, not a flag)."""
    return [
        f
        for f in attrs.fields(cls)
        if f.metadata.get("unit") and str(f.type) not in {"bool", "str"}
    ]


@pytest.mark.parametrize("cls", SETTINGS, ids=lambda cls: cls.__name__)
def test_every_number_has_a_plausible_range_inside_its_hard_domain(cls: type) -> None:
    """Each numeric field declares a plausible range, and both its ends are values the field
    itself allows (so the range is a narrowing, never a contradiction)."""
    for field in numeric_fields(cls):
        plausible = plausible_range(field.metadata)
        assert plausible is not None, f"{cls.__name__}.{field.name} has no plausible range"
        low, high = plausible
        assert low is None or high is None or low < high, f"{cls.__name__}.{field.name}"
        inside = dict(field.metadata, exclusive_minimum=False)  # an end may touch the bound
        for end in (low, high):
            if end is not None:
                assert number_problem(end, inside) is None, f"{cls.__name__}.{field.name}: {end}"


@pytest.mark.parametrize("cls", [Sizing, Economics, Business, SimulationSettings, FactorySettings])
def test_every_default_is_plausible(cls: type) -> None:
    """The defaults skyrack ships never trip its own plausibility check."""
    defaults = {f.name: f.default for f in attrs.fields(cls) if f.default is not attrs.NOTHING}
    owner = cls(**defaults) if cls is not Sizing else cls(satellites=100)
    assert implausible_fields(owner, cls.__name__) == []


def test_every_catalog_component_is_plausible() -> None:
    """No built-in component holds a value outside its field's plausible range."""
    found = [
        f"{c.name}: {item.key}: {item.problem}"
        for c in plugins.registry().components()
        for item in implausible_fields(c, c.kind)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("value", "plausible", "unit", "meant"),
    [
        (9.0, (0.0, 1.0), "1/yr", "did you mean 0.09 (9 % written as a fraction)?"),
        (20.0, (150.0, 450.0), "K", "did you mean 293.15 (20 °C written as kelvin)?"),
        (25_000.0, (0.0, 1_000.0), "kg", "did you mean 25 (a factor of 1,000 off)?"),
        (0.7, (1.0, 10_000.0), "W", "did you mean 700 (a factor of 1,000 off)?"),
        (1e-9, (0.5, 1.0), "1", None),
        (0.9, (0.0, 0.5), "1/yr", None),  # 0.9 is not a percentage
    ],
)
def test_the_likely_slip_is_named(
    value: float, plausible: tuple[float, float], unit: str, meant: str | None
) -> None:
    """A percentage, Celsius or a factor of 1,000 is suggested only when it lands in range."""
    assert likely_meant(value, plausible, unit) == meant


def test_a_value_at_the_ends_of_its_range_is_plausible() -> None:
    """The plausible range is inclusive at both ends."""
    assert implausibility(0.5, (0.5, 1.0), "1") is None
    assert implausibility(1.0, (0.5, 1.0), "1") is None
    assert implausibility(math.nextafter(0.5, 0), (0.5, 1.0), "1") is not None


def write(tmp_path: Path, text: str, name: str = "study.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_implausible_value_is_refused_with_its_key_the_slip_and_how_to_insist(
    tmp_path: Path,
) -> None:
    """A failure rate of 9 (9 % typed as a rate) is refused naming the override, suggesting
    0.09 and saying how to use it anyway."""
    path = write(tmp_path, VALID + "\n[overrides.compute_payload]\nfailure_rate_per_year = 9\n")
    with pytest.raises(StudyError) as refused:
        load_study(path)
    message = str(refused.value)
    assert "overrides.compute_payload.failure_rate_per_year: 9.0 1/yr is implausible" in message
    assert "did you mean 0.09 (9 % written as a fraction)?" in message
    assert "[study] allow_implausible" in message and "--allow-implausible" in message


def test_a_study_can_insist_on_one_key_and_only_that_key(tmp_path: Path) -> None:
    """allow_implausible = ["<key>"] accepts that key's value (recorded in the study) and
    still refuses another implausible value."""
    key = "overrides.compute_payload.failure_rate_per_year"
    insist = VALID.replace(
        'name = "malformed"', f'name = "malformed"\nallow_implausible = ["{key}"]'
    )
    extra = "\n[overrides.compute_payload]\nfailure_rate_per_year = 1.5\n"
    study = load_study(write(tmp_path, insist + extra))
    assert study.allowed_implausible == (key,)
    with pytest.raises(StudyError, match=r"design\.utilization: 0\.001 is implausible"):
        load_study(write(tmp_path, insist + "utilization = 0.001\n" + extra, "two.toml"))


def test_an_uncertain_input_reaching_outside_its_plausible_range_is_refused_unless_allowed(
    tmp_path: Path,
) -> None:
    """A distribution of yearly failure rates from 5 to 9 (percentages typed as rates) is
    refused at its [uncertainty] key with the likely slip; listing that key accepts it."""
    key = "uncertainty.compute_payload.failure_rate_per_year"
    extra = (
        "\n[uncertainty.compute_payload]\nfailure_rate_per_year = "
        '{ distribution = "triangular", low = 5, mode = 6, high = 9 }\n'
    )
    with pytest.raises(StudyError, match=rf"{key}: .* reaches 5\.0 1/yr.*did you mean 0\.05"):
        load_study(write(tmp_path, VALID + extra))
    insist = VALID.replace(
        'name = "malformed"', f'name = "malformed"\nallow_implausible = ["{key}"]'
    )
    assert load_study(write(tmp_path, insist + extra, "two.toml")).allowed_implausible == (key,)


def test_the_command_line_flag_insists_on_every_key(tmp_path: Path) -> None:
    """--allow-implausible runs a study with implausible values and lists them in the results."""
    path = write(tmp_path, VALID + "utilization = 0.01\n")
    out = tmp_path / "out"
    refused = CliRunner().invoke(cli, ["run", str(path), "--out", str(out), "--json"])
    assert refused.exit_code == 1 and "design.utilization: 0.01 is implausible" in refused.stderr
    result = CliRunner().invoke(
        cli, ["run", str(path), "--out", str(out), "--json", "--allow-implausible"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["study"]["allow_implausible"] == ["design.utilization"]


def test_a_catalog_value_a_plugin_made_implausible_is_located_at_the_component(
    tmp_path: Path,
) -> None:
    """An implausible value that the study does not override (a third-party component's) is
    named design.<kind>.<field>."""
    from skyrack.design import Design
    from skyrack.study import _check_plausible

    study = load_study(write(tmp_path, VALID))
    odd = attrs.evolve(study.design.launch_vehicle, price_usd=1e12)
    design = attrs.evolve(study.design, launch_vehicle=odd)
    assert isinstance(design, Design)
    expected = r"^design\.launch_vehicle\.price_usd: 1000000000000\.0 USD is implausible"
    with pytest.raises(StudyError, match=expected):
        _check_plausible(design, {}, False, {})


def test_components_show_prints_each_fields_allowed_and_plausible_range() -> None:
    """`components show` gives every number its hard range and its plausible range."""
    result = CliRunner().invoke(cli, ["components", "show", "h100-sxm", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["field"]: row for row in json.loads(result.stdout)["fields"]}
    assert rows["failure_rate_per_year"]["allowed"] == "≥ 0"
    assert rows["failure_rate_per_year"]["plausible"] == "0–1"
    assert rows["tdp_w"]["plausible"] == "1–50,000"
