"""A study's [simulation] section: read, flown by `skyrack run`, written to the results folder."""

from __future__ import annotations

import csv
import html
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import skyrack
from skyrack.cli import cli
from skyrack.simulation import ensemble

WIDE = {"COLUMNS": "1000"}

STUDY = """\
[study]
name = "flown"
seed = 5

[design]
launch_vehicle = "falcon-9-reusable"
satellite_bus = "starlink-v2-mini-class"
compute_payload = "h100-sxm"
orbit = "sso-dawn-dusk-650"
ground_baseline = "hyperscale-grid"
accelerators_per_satellite = 16
satellites = 48
shielding_mm_al = 5.0

[simulation]
horizon_years = 1.0
step_days = 5
replications = 3
policy = "replace-failed"
events = ["launch-grounding"]
"""


def write_study(folder: Path, extra: str = "") -> Path:
    """The small simulated study, with ``extra`` TOML appended."""
    path = folder / "flown.toml"
    path.write_text(STUDY + textwrap.dedent(extra), encoding="utf-8")
    return path


def invoke(*args: str) -> Result:
    """`skyrack ARGS` in-process."""
    return CliRunner().invoke(cli, list(args), env=WIDE)


def test_the_simulation_section_is_read_with_its_defaults_and_the_study_seed(
    tmp_path: Path,
) -> None:
    """Unset keys take their sourced defaults; the seed defaults to [study] seed."""
    study = skyrack.load_study(write_study(tmp_path))
    settings = study.simulation
    assert settings is not None
    assert (settings.horizon_years, settings.step_days, settings.replications) == (1.0, 5.0, 3)
    assert settings.seed == 5
    assert settings.events == ("launch-grounding",)
    assert settings.factory.max_satellites_per_day == 10.0  # SpaceX's 70 a week
    assert settings.stand_down_days == 15.0  # Falcon 9, July 2024


def test_run_flies_the_fleet_and_writes_histories_summary_and_metrics(tmp_path: Path) -> None:
    """`skyrack run` prints the ensemble, and writes every replication's history, the
    per-step spread and the simulation section of metrics.json, whose verdict against the
    ground reads each replication's cost net of the hardware still serving."""
    out = tmp_path / "out"
    result = invoke("run", str(write_study(tmp_path)), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Fleet simulation: 3 of 3 replications, seed 5" in result.output
    assert "Ensemble mean by year" in result.output
    document = json.loads((out / "metrics.json").read_text())
    section = document["simulation"]
    assert section["replications_completed"] == 3
    assert section["settings"]["policy"] == "replace-failed"
    assert section["metrics"]["launches"]["count"] == 3
    assert len(section["yearly_mean"]) == 1
    with (out / "simulation" / "history.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    steps = round(365.25 / 5)
    assert len(rows) == 3 * steps
    assert {row["replication"] for row in rows} == {"0", "1", "2"}
    last = [row for row in rows if row["replication"] == "2"][-1]
    assert float(last["satellites_operating"]) > 0
    with (out / "simulation" / "summary.csv").open() as handle:
        summary = list(csv.DictReader(handle))
    assert {"mean", "standard_error", "p10", "p50", "p90"} <= set(summary[0])
    replications = json.loads((out / "simulation" / "replications.json").read_text())
    assert [r["replication"] for r in replications] == [0, 1, 2]
    net = sorted(r["metrics"]["lcoc_net_of_residual_usd_per_pflop_day"] for r in replications)
    ground = document["ground_lcoc_usd_per_pflop_day"]
    verdict = document["uncertainty"]["simulated"]["orbit_to_ground_ratio"]
    assert verdict["p50"] == pytest.approx(net[1] / ground)


def test_the_report_draws_the_simulated_fleet_from_the_runs_files(tmp_path: Path) -> None:
    """report.html has a Simulated fleet section after the analytic timeline: its band is the
    P10–P90 of the replications' operating power (recomputed here from history.csv), and its
    tables hold metrics.json's spreads and yearly means."""
    import numpy as np

    from skyrack.report import ReportContext
    from skyrack.runner import run_study
    from skyrack.simulation import report, words

    study = skyrack.load_study(write_study(tmp_path))
    outcome = run_study(study, tmp_path / "out")
    assert outcome.report_failures == ()
    page = (outcome.folder / "report.html").read_text(encoding="utf-8")
    assert page.index('id="fleet-timeline"') < page.index('id="simulated-fleet"')
    document = json.loads((outcome.folder / "metrics.json").read_text())
    context = ReportContext(
        study=study, metrics=outcome.metrics, folder=outcome.folder, document=document
    )
    [section] = report.sections(context)
    upper, lower, median = section.figures[0].data[:3]
    with (outcome.folder / "simulation" / "history.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    end = rows[-1]["time_years"]
    last_step = [float(r["operating_power_w"]) for r in rows if r["time_years"] == end]
    assert len(last_step) == 3
    p10, p50, p90 = np.quantile(last_step, [0.1, 0.5, 0.9]) / 1e6  # MW
    assert (lower.y[-1], median.y[-1], upper.y[-1]) == pytest.approx((p10, p50, p90), rel=1e-9)
    shown = [
        [html.unescape(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", section.html)
    ]
    simulation = document["simulation"]
    assert [row for row in shown if row] == words.metric_rows(simulation) + words.yearly_rows(
        simulation
    )


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Where ``document`` breaks schemas/results.schema.json, one line each."""
    import jsonschema

    from skyrack.output import schema

    validator = jsonschema.Draft202012Validator(schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


def test_the_simulation_section_is_what_the_results_schema_describes(tmp_path: Path) -> None:
    """One replication (no standard error: null) of 2,000 satellites that a 4-a-day factory
    cannot build in half a year (90 % of the power never reached: null) writes a metrics.json
    the schema accepts, with whole years; an undeclared metric or setting is refused."""
    out = tmp_path / "out"
    short = STUDY.replace("horizon_years = 1.0", "horizon_years = 0.5").replace(
        "satellites = 48", "satellites = 2000"
    )
    (tmp_path / "short.toml").write_text(short, encoding="utf-8")
    result = invoke("run", str(tmp_path / "short.toml"), "--replications", "1", "--out", str(out))
    assert result.exit_code == 0, result.output
    document = json.loads((out / "metrics.json").read_text())
    section = document["simulation"]
    assert section["metrics"]["launches"]["standard_error"] is None
    assert section["metrics"]["time_to_90pct_power_years"]["mean"] is None
    assert [row["year"] for row in section["yearly_mean"]] == [1]
    assert schema_errors(document) == []
    drifted = json.loads(json.dumps(document))
    drifted["simulation"]["metrics"]["new_metric_w"] = drifted["simulation"]["metrics"]["launches"]
    drifted["simulation"]["settings"]["factory"]["new_setting"] = 1.0
    errors = schema_errors(drifted)
    assert any("'new_metric_w'" in error for error in errors), errors
    assert any("'new_setting'" in error for error in errors), errors


SIMULATED_STUDIES = [
    path
    for path in sorted((Path(__file__).resolve().parents[1] / "studies").glob("*.toml"))
    if "[simulation]" in path.read_text(encoding="utf-8")
]


@pytest.mark.slow
@pytest.mark.parametrize("path", SIMULATED_STUDIES, ids=lambda p: p.stem)
def test_every_simulated_study_writes_a_document_the_schema_accepts(
    path: Path, tmp_path: Path
) -> None:
    """Each shipped study with [simulation], flown for two replications, writes a metrics.json
    (= run --json) that satisfies the results schema, simulation section included."""
    from skyrack.runner import run_study

    outcome = run_study(skyrack.load_study(path), tmp_path / "out", replications=2, report=False)
    document = json.loads((outcome.folder / "metrics.json").read_text())
    assert document["simulation"]["replications_completed"] == 2
    assert schema_errors(document) == []


def test_run_json_carries_the_simulation_section(tmp_path: Path) -> None:
    """`skyrack run --json` prints the same simulation section as metrics.json."""
    out = tmp_path / "out"
    result = invoke("run", str(write_study(tmp_path)), "--json", "--out", str(out))
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    written = json.loads((out / "metrics.json").read_text())
    assert printed["simulation"] == written["simulation"]


def test_replications_on_the_command_line_override_the_study(tmp_path: Path) -> None:
    """--replications 2 flies two replications of a study that asks for three."""
    out = tmp_path / "out"
    result = invoke("run", str(write_study(tmp_path)), "--replications", "2", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert (
        json.loads((out / "metrics.json").read_text())["simulation"]["replications_completed"] == 2
    )


def test_an_interrupted_ensemble_writes_the_replications_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during the third replication: the two finished are written and the run fails
    with one line saying so."""
    real = ensemble.run_replication
    calls = []

    def interrupt_third(*args: object) -> object:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ensemble, "run_replication", interrupt_third)
    out = tmp_path / "out"
    result = invoke("run", str(write_study(tmp_path)), "--out", str(out))
    assert result.exit_code == 1
    assert "interrupted after 2 of 3 replications; their results are in" in result.output
    section = json.loads((out / "metrics.json").read_text())["simulation"]
    assert (section["replications_completed"], section["replications_requested"]) == (2, 3)


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_clear_line(tmp_path: Path) -> None:
    """A Dask address nobody listens on fails with the address in one line, no traceback."""
    result = invoke(
        "run",
        str(write_study(tmp_path)),
        "--scheduler",
        "tcp://127.0.0.1:9",
        "--out",
        str(tmp_path / "o"),
    )
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


def test_a_study_without_simulation_writes_no_simulation_files(tmp_path: Path) -> None:
    """Only a study with [simulation] flies its fleet."""
    path = tmp_path / "plain.toml"
    path.write_text(STUDY.split("[simulation]")[0], encoding="utf-8")
    out = tmp_path / "out"
    assert invoke("run", str(path), "--out", str(out)).exit_code == 0
    assert not (out / "simulation").exists()
    assert "simulation" not in json.loads((out / "metrics.json").read_text())
