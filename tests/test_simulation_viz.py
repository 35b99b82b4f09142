"""`skyrack viz`: the live view of a study's fleet, served on loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

STUDY = """\
[study]
name = "viz"

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
"""


def test_every_panel_of_the_page_draws_a_flying_fleet(tmp_path: Path) -> None:
    """The page's panels draw the study's model after it has flown 60 days (in-process)."""
    from skyrack.simulation import app
    from skyrack.simulation.model import FleetModel
    from skyrack.simulation.plan import SimulationPlan
    from skyrack.study import load_study

    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    study = load_study(path)
    assert study.simulation is not None
    model = FleetModel(SimulationPlan.of(study.design, study.simulation), rng=0)
    model.run_for(60)
    for panel in (app.Status, app.Satellites, app.Power, app.Compute, app.Cohorts):
        assert panel(model) is not None
    assert app.page_for(str(path)) is not None


def test_skyrack_viz_serves_the_page_the_app_module_defines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name `skyrack viz` asks Solara for is the module's page, built from the study."""
    import importlib

    from skyrack.cli.viz_cmd import APP

    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    module_name, page_name = APP.split(":")
    module = importlib.import_module(module_name)
    monkeypatch.setenv(module.STUDY_VARIABLE, str(path))
    assert getattr(importlib.reload(module), page_name) is not None


@pytest.mark.slow
def test_skyrack_viz_serves_its_page_on_loopback(tmp_path: Path) -> None:
    """`skyrack viz STUDY --port 0` listens on 127.0.0.1 and answers with the Solara page."""
    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "skyrack", "viz", str(path), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False"},
    )
    try:
        assert server.stdout is not None
        url = None
        deadline = time.monotonic() + 120
        while url is None and time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            found = re.search(r"http://127\.0\.0\.1:\d+", line)
            url = found.group(0) if found else None
        assert url is not None, "the server never said where it listens"
        page = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url + "/", timeout=30) as response:
                    assert response.status == 200
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert "<title>Solara" in page and "solara" in page.lower()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_viz_refuses_a_bad_study_in_one_line(tmp_path: Path) -> None:
    """A study with a mistake fails before any server starts, with the usual one line."""
    path = tmp_path / "bad.toml"
    path.write_text(STUDY.replace('policy = "x"', "") + 'policy = "no-such-policy"\n')
    completed = subprocess.run(
        [sys.executable, "-m", "skyrack", "viz", str(path), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 1
    assert "simulation.policy: no fleet policy named 'no-such-policy'" in completed.stderr
    assert "Traceback" not in completed.stderr
