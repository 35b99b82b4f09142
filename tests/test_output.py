"""The output contract: one results document (metrics.json = `skyrack run --json`), validated by
its JSON Schema on every shipped study, typed and united as the schema says, documented."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from skyrack.cli import cli
from skyrack.cli.summary import _usd
from skyrack.output import SCHEMA_VERSION, results_document, results_files, schema
from skyrack.runner import check_study
from skyrack.study import Study, load_study

REPO = Path(__file__).resolve().parents[1]
STUDY_FILES = sorted((REPO / "studies").glob("*.toml"))
DOC = REPO / "docs" / "output.md"


def validator() -> jsonschema.Draft202012Validator:
    """A validator of the shipped schema (itself checked against the 2020-12 meta-schema)."""
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def document_of(path: Path) -> tuple[Study, dict[str, Any]]:
    study = load_study(path)
    return study, check_study(study, Path("/nonexistent-results")).document


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    """The results document of every shipped study, round-tripped through its JSON."""
    found = {}
    for path in STUDY_FILES:
        _, document = document_of(path)
        found[path.stem] = json.loads(results_files(document)["metrics.json"])
    return found


@pytest.mark.parametrize("name", [path.stem for path in STUDY_FILES])
def test_every_shipped_study_document_validates_against_the_schema(
    name: str, documents: dict[str, dict[str, Any]]
) -> None:
    """The document of each study in studies/ satisfies schemas/results.schema.json."""
    errors = sorted(validator().iter_errors(documents[name]), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert documents[name]["schema_version"] == SCHEMA_VERSION


SEARCHING_STUDIES = [path for path in STUDY_FILES if load_study(path).optimize is not None]
"""The shipped studies whose results document gains an optimization section once they have
searched (the simulated ones are flown in tests/test_simulation_study.py)."""


@pytest.mark.slow
@pytest.mark.parametrize("path", SEARCHING_STUDIES, ids=lambda path: path.stem)
def test_every_searching_study_document_validates_against_the_schema(
    path: Path, tmp_path: Path
) -> None:
    """A shipped study with [optimize], after an eight-trial search, writes a metrics.json,
    optimization section included, that the schema accepts."""
    from skyrack.optimize import optimize
    from skyrack.optimize.report import search_section
    from skyrack.runner import run_study

    study = load_study(path)
    outcome = optimize(study, storage=str(tmp_path / "search.journal"), n_trials=8, seed=0)
    search = search_section(study, outcome.study, outcome.target)
    run_study(study, tmp_path / "out", report=False, search=search)
    document = json.loads((tmp_path / "out" / "metrics.json").read_text(encoding="utf-8"))
    errors = sorted(validator().iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert document["optimization"]["trials"]["complete"] == 8


def _open_objects(node: Any, path: str = "#") -> list[str]:
    """Where the schema describes an object without closing it: no additionalProperties false
    and no schema for its additional properties (a typed map)."""
    found = []
    if isinstance(node, dict):
        is_object = node.get("type") == "object" or "properties" in node
        if is_object and "additionalProperties" not in node and "$ref" not in node:
            found.append(path)
        for key, value in node.items():
            found.extend(_open_objects(value, f"{path}/{key}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_open_objects(value, f"{path}/{index}"))
    return found


def test_every_object_the_schema_describes_is_closed_or_a_typed_map() -> None:
    """No object in the results schema accepts keys it does not describe: each lists its
    properties with additionalProperties false or types every value of a map."""
    assert _open_objects(schema()) == []


def test_the_settings_sections_describe_every_setting() -> None:
    """The business and simulation settings the document echoes are exactly the fields of the
    classes that hold them, each required (a new setting must be described)."""
    import attrs

    from skyrack.business.settings import Business
    from skyrack.simulation.settings import FactorySettings, SimulationSettings

    properties = schema()["properties"]
    described = {
        Business: properties["business"]["properties"]["settings"],
        SimulationSettings: properties["simulation"]["properties"]["settings"],
        FactorySettings: properties["simulation"]["properties"]["settings"]["properties"][
            "factory"
        ],
    }
    for cls, spec in described.items():
        names = [field.name for field in attrs.fields(cls)]
        assert list(spec["properties"]) == names, cls.__name__
        assert spec["required"] == names and spec["additionalProperties"] is False


def test_the_schema_catches_an_undeclared_section_and_an_undeclared_value(
    documents: dict[str, dict[str, Any]],
) -> None:
    """A section or a computed value the schema does not describe fails validation (drift)."""
    document = json.loads(json.dumps(documents["quickstart"]))
    document["timeline"] = {"periods": 3}
    document["values"]["new_output_w"] = 1.0
    messages = [error.message for error in validator().iter_errors(document)]
    assert any("'timeline'" in message for message in messages), messages
    assert any("'new_output_w'" in message for message in messages), messages


def test_a_section_declared_in_the_schema_is_added_in_one_place() -> None:
    """results_document(sections=...) adds a section; a name the document has is refused."""
    study = load_study(REPO / "studies" / "quickstart.toml")
    from skyrack.evaluation import evaluate

    metrics = evaluate(study.design)
    extended = results_document(study, metrics, sections={"timeline": {"periods": 3}})
    assert extended["timeline"] == {"periods": 3}
    assert list(extended)[:-1] == list(results_document(study, metrics))
    with pytest.raises(ValueError, match="already part of the document"):
        results_document(study, metrics, sections={"values": {}})


def test_counts_are_integers_and_the_feasibility_flag_a_boolean(
    documents: dict[str, dict[str, Any]],
) -> None:
    """Every value the schema types as integer is a JSON integer; ``feasible`` is true."""
    values = documents["mccalip-baseline"]["values"]
    declared = schema()["properties"]["values"]["properties"]
    integers = [key for key, spec in declared.items() if spec["type"] == "integer"]
    assert {"satellites", "fleet_accelerators", "satellites_per_launch"} <= set(integers)
    for key in integers:
        assert type(values[key]) is int, key
    assert values["feasible"] is True
    assert values["satellites"] == 49_020
    study = documents["mccalip-baseline"]["study"]
    assert type(study["sizing"]["accelerators_per_satellite"]) is int


def test_every_value_declares_a_unit_or_carries_one_in_its_name() -> None:
    """Each computed value's schema gives a unit (``1`` for a count or a ratio) unless boolean."""
    declared = schema()["properties"]["values"]["properties"]
    missing = [
        k for k, spec in declared.items() if spec["type"] != "boolean" and not spec.get("unit")
    ]
    assert not missing


def test_totals_are_the_sums_of_their_waterfalls(documents: dict[str, dict[str, Any]]) -> None:
    """pv_cost_usd sums the orbital waterfall and ground_pv_cost_usd the ground one."""
    for document in documents.values():
        orbit = sum(document["waterfall_pv_usd"].values())
        ground = sum(document["ground_waterfall_pv_usd"].values())
        assert document["pv_cost_usd"] == pytest.approx(orbit, rel=1e-12)
        assert document["ground_pv_cost_usd"] == pytest.approx(ground, rel=1e-12)
        ratio = document["lcoc_usd_per_pflop_day"] / document["ground_lcoc_usd_per_pflop_day"]
        assert document["orbit_to_ground_ratio"] == pytest.approx(ratio, rel=1e-12)


def test_run_json_is_byte_for_byte_the_metrics_json(tmp_path: Path) -> None:
    """`skyrack run --json` prints exactly the file it writes as metrics.json."""
    out = tmp_path / "out"
    study = REPO / "studies" / "suncatcher.toml"
    result = CliRunner().invoke(cli, ["run", str(study), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (out / "metrics.json").read_text(encoding="utf-8")


def test_csv_headers_carry_units_and_rows_match_the_document(tmp_path: Path) -> None:
    """metrics.csv gives each value with its unit; waterfall.csv both sides and their totals."""
    _, document = document_of(REPO / "studies" / "quickstart.toml")
    files = results_files(document)
    metrics = list(csv.DictReader(io.StringIO(files["metrics.csv"].decode())))
    assert list(metrics[0]) == ["quantity", "value", "unit"]
    by_key = {row["quantity"]: row for row in metrics}
    assert set(by_key) == set(document["values"])
    assert by_key["payload_power_w"]["unit"] == "W"
    assert by_key["satellites"]["value"] == "100"  # an integer, not 100.0
    waterfall = list(csv.DictReader(io.StringIO(files["waterfall.csv"].decode())))
    assert list(waterfall[0]) == ["side", "category", "present_value_usd", "fraction_of_total"]
    totals = {
        row["side"]: float(row["present_value_usd"])
        for row in waterfall
        if row["category"] == "total"
    }
    assert totals == {"orbit": document["pv_cost_usd"], "ground": document["ground_pv_cost_usd"]}
    budgets = list(csv.DictReader(io.StringIO(files["budgets.csv"].decode())))
    assert list(budgets[0]) == ["budget", "used", "limit", "unit", "utilization"]


def test_the_summary_shows_both_waterfalls_with_their_totals(tmp_path: Path) -> None:
    """The printed summary has an orbit and a ground waterfall, each ending in its total."""
    study = REPO / "studies" / "quickstart.toml"
    result = CliRunner().invoke(
        cli, ["run", str(study), "--out", str(tmp_path / "out")], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "Cost waterfall, orbit" in result.stdout and "Cost waterfall, ground" in result.stdout
    _, document = document_of(study)
    totals = re.findall(r"│ total\s+│ (\$[\d.,]+[kMBT]?)", result.stdout)
    assert totals == [_usd(document["pv_cost_usd"]), _usd(document["ground_pv_cost_usd"])]


def test_the_output_document_is_documented_section_by_section() -> None:
    """docs/output.md names every top-level key of the schema and every CSV column."""
    text = DOC.read_text(encoding="utf-8")
    for key in schema()["properties"]:
        assert f"`{key}`" in text, key
    for column in ("quantity", "unit", "side", "fraction_of_total", "utilization"):
        assert f"`{column}`" in text, column


def test_a_simulated_run_document_validates_against_the_schema(tmp_path: Path) -> None:
    """A study with [simulation] (its business case, simulated verdict and ensemble) writes a
    metrics.json that the schema accepts, and `run --json` prints it."""
    from test_simulation_study import write_study

    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["run", str(write_study(tmp_path)), "--out", str(out), "--json", "--no-report"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (out / "metrics.json").read_text(encoding="utf-8")
    document = json.loads(result.stdout)
    errors = sorted(validator().iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert document["simulation"]["replications_completed"] == 3
    assert document["business"]["fleet_timeline"] == "simulated"
    assert document["uncertainty"]["simulated"]["replications"] == 3
