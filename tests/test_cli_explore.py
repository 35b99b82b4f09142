"""The explore commands as a user types them: sweep, sensitivity, compare, new-study, and run
with several studies; every mistake is one line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUICKSTART = str(ROOT / "studies" / "quickstart.toml")
SUNCATCHER = str(ROOT / "studies" / "suncatcher.toml")


def skyrack(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the skyrack command line in ``cwd`` as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "skyrack", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=300,
    )


@pytest.mark.parametrize(
    ("param", "expected"),
    [
        ("launch_vehicle.price_usd", "no KEY="),
        ("launch_vehicle.price_usd=1:x", "HIGH 'x' is not a number"),
        ("launch_vehicle.price_us=1:2", "did you mean launch_vehicle.price_usd"),
        ("launch_vehicle.success_probability=0.5:2", "HIGH is out of range: must be ≤ 1"),
        ("sizing.mission_years=-1:5", "LOW is out of range"),
    ],
)
def test_bad_sweep_params_are_one_line_and_exit_non_zero(
    param: str, expected: str, tmp_path: Path
) -> None:
    """Bad syntax, an unknown key or a range outside the field's: one line on stderr, exit 1."""
    result = skyrack("sweep", QUICKSTART, "--param", param, cwd=tmp_path)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "results").exists()


@pytest.mark.slow
def test_a_two_dimensional_sweep_prints_the_breakeven_and_writes_its_files(tmp_path: Path) -> None:
    """A map prints where orbit meets the ground and writes sweep.html and sweep.csv."""
    result = skyrack(
        "sweep",
        SUNCATCHER,
        "--param",
        "launch_vehicle.price_usd_per_kg=1:2000:40:log",
        "--param",
        "ground_baseline.energy_price_usd_per_mwh=100:5000:30:log",
        "--json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["designs"] == 40 * 30
    assert 0 < document["orbit_wins_share"] < 1
    assert document["breakeven_curve"]
    folder = Path(document["results"])
    assert (folder / "sweep.html").exists()
    assert (folder / "sweep.csv").read_text().count("\n") == 40 * 30 + 1


@pytest.mark.slow
def test_sensitivity_prints_a_tornado_and_writes_its_files(tmp_path: Path) -> None:
    """--no-sobol gives the tornado alone, largest swing first, and its CSV."""
    result = skyrack("sensitivity", QUICKSTART, "--no-sobol", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    swings = [bar["swing"] for bar in document["tornado"]["bars"]]
    assert swings == sorted(swings, reverse=True) and len(swings) > 10
    assert document["sobol"] is None
    assert (Path(document["results"]) / "tornado.csv").exists()


def test_sensitivity_refuses_an_unknown_metric(tmp_path: Path) -> None:
    """A metric that is no evaluator output is named with the closest ones."""
    result = skyrack("sensitivity", QUICKSTART, "--metric", "orbit_ground_ratio", cwd=tmp_path)
    assert result.returncode != 0
    assert "did you mean orbit_to_ground_ratio" in result.stderr


@pytest.mark.slow
def test_compare_puts_studies_side_by_side(tmp_path: Path) -> None:
    """Each study is a column; the ratio row matches each study's own run."""
    result = skyrack("compare", QUICKSTART, SUNCATCHER, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"quickstart", "suncatcher"}
    single = json.loads(skyrack("run", QUICKSTART, "--json", "--no-report", cwd=tmp_path).stdout)
    ratio = document["quickstart"]["orbit / ground"]
    assert ratio == pytest.approx(single["orbit_to_ground_ratio"])
    assert 0 <= document["suncatcher"]["P(orbit beats the ground)"] <= 1


@pytest.mark.slow
def test_compare_csv_replaces_its_own_table_and_no_other_file(tmp_path: Path) -> None:
    """--csv writes the table, a second compare replaces it, and a file compare did not write
    (the user's notes) is refused with one line and left as it was."""
    first = skyrack("compare", QUICKSTART, "--csv", "table.csv", "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = skyrack("compare", QUICKSTART, SUNCATCHER, "--csv", "table.csv", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "table.csv").read_text().startswith("metric,quickstart,suncatcher\n")
    (tmp_path / "notes.csv").write_text("my notes\n")
    refused = skyrack("compare", QUICKSTART, "--csv", "notes.csv", cwd=tmp_path)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.splitlines() == [
        "Error: refusing to overwrite notes.csv: skyrack did not write it; choose a new file"
    ]
    assert (tmp_path / "notes.csv").read_text() == "my notes\n"


@pytest.mark.slow
def test_new_study_writes_a_scaffold_that_runs(tmp_path: Path) -> None:
    """The scaffold validates and runs as written; a second call refuses to overwrite it."""
    result = skyrack("new-study", "my-idea", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "my-idea.toml"
    text = path.read_text()
    assert text.startswith("# Question:") and "[uncertainty]" in text
    assert skyrack("validate", str(path), cwd=tmp_path).returncode == 0
    again = skyrack("new-study", "my-idea", cwd=tmp_path)
    assert again.returncode != 0 and "already exists" in again.stderr
    bad = skyrack("new-study", "../escape", cwd=tmp_path)
    assert bad.returncode != 0 and len(bad.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_run_takes_several_studies(tmp_path: Path) -> None:
    """Two studies run in turn, each into its own folder with its report; --json gives a list;
    --out with several is refused."""
    result = skyrack("run", QUICKSTART, SUNCATCHER, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)  # each one its study's metrics.json
    assert [d["study"]["name"] for d in documents] == ["quickstart", "suncatcher"]
    for document in documents:
        assert 0 <= document["uncertainty"]["p_orbit_wins"] <= 1
        folder = tmp_path / "results" / document["study"]["name"]
        assert json.loads((folder / "metrics.json").read_text(encoding="utf-8")) == document
        assert (folder / "report.html").exists()
    refused = skyrack("run", QUICKSTART, SUNCATCHER, "--out", "x", cwd=tmp_path)
    assert refused.returncode != 0 and "one study only" in refused.stderr


@pytest.mark.slow
def test_run_prints_percentiles_and_the_win_probability(tmp_path: Path) -> None:
    """The summary ends with P10/P50/P90 and P(orbit beats the ground), and names the report."""
    result = skyrack("run", QUICKSTART, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "P10" in result.stdout and "P90" in result.stdout
    assert "P(orbit beats the ground):" in result.stdout
    assert "report.html" in result.stdout
