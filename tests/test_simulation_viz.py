"""`skyrack viz`: the live view of a study's fleet, served on loopback and drawn offline."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from browser import not_blank
from skyrack.errors import SkyrackError

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


def _plan(tmp_path: Path) -> Any:
    from skyrack.simulation.plan import SimulationPlan
    from skyrack.study import load_study

    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    study = load_study(path)
    assert study.simulation is not None
    return SimulationPlan.of(study.design, study.simulation)


def test_every_panel_of_the_page_draws_a_flying_fleet(tmp_path: Path) -> None:
    """The page's panels draw the study's model after it has flown 60 days (in-process)."""
    from skyrack.simulation import app

    model = app.LiveFleet(_plan(tmp_path), seed=0)
    model.run_for(60)
    for panel in (app.Status, app.Satellites, app.Power, app.Compute, app.Cohorts):
        assert panel(model) is not None
    assert app.page_for(str(tmp_path / "viz.toml")) is not None


def test_the_page_flies_replication_zero_of_the_seed_and_stops_at_the_horizon(
    tmp_path: Path,
) -> None:
    """Seed "7" typed in the page flies the history `simulate(seed=7)` returns; stepping past
    the horizon (as the page's Play does, 30 steps at a time) changes nothing; a seed that is not
    a whole number is refused with what was typed."""
    from skyrack.simulation import app
    from skyrack.simulation.ensemble import simulate

    plan = _plan(tmp_path)
    model = app.LiveFleet(plan, seed="7")
    model.run_for(plan.settings.steps + 30)
    flown, expected = model.history().columns(), simulate(plan, seed=7).columns()
    assert flown.keys() == expected.keys()
    for name, values in expected.items():
        np.testing.assert_array_equal(flown[name], values, err_msg=name)
    with pytest.raises(SkyrackError, match="Seed must be a whole number ≥ 0, got 'seven'"):
        app.LiveFleet(plan, seed="seven")


def test_skyrack_viz_serves_the_page_the_app_module_defines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name `skyrack viz` asks Solara for is the module's page, built from the study."""
    import importlib

    from skyrack.cli.viz_cmd import APP
    from skyrack.simulation import VIZ_STUDY_VARIABLE

    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    module_name, page_name = APP.split(":")
    module = importlib.import_module(module_name)
    monkeypatch.setenv(VIZ_STUDY_VARIABLE, str(path))
    assert getattr(importlib.reload(module), page_name) is not None


@contextlib.contextmanager
def serving(study: Path, log: list[str] | None = None) -> Iterator[str]:
    """`skyrack viz STUDY --port 0` running, with no CDN to fall back on (its asset proxy points
    at a closed loopback port): yields the URL it says it listens on; ``log`` receives what the
    server printed once it has stopped."""
    server = subprocess.Popen(
        [sys.executable, "-m", "skyrack", "viz", str(study), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SOLARA_ASSETS_CDN": "http://127.0.0.1:9/"},
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
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "/", timeout=30).close()
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        rest, _ = server.communicate(timeout=30)
        if log is not None:
            log.extend(rest.splitlines())


@pytest.mark.slow
def test_skyrack_viz_serves_its_page_on_loopback(tmp_path: Path) -> None:
    """`skyrack viz STUDY --port 0` listens on 127.0.0.1 and answers with the Solara page."""
    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    with serving(path) as url, urllib.request.urlopen(url + "/", timeout=30) as response:
        assert response.status == 200
        page = response.read().decode("utf-8")
    assert "<title>Solara" in page and "solara" in page.lower()


CHARTS_DRAWN = """() => {
    const charts = Array.from(document.querySelectorAll('img'))
        .filter(img => img.complete && img.naturalWidth > 300 && img.naturalHeight > 150);
    return charts.length >= 4 ? charts.map(img => img.src) : null;
}"""


@pytest.mark.slow
def test_the_live_view_draws_its_charts_offline_and_flies(tmp_path: Path, browser: Any) -> None:
    """With no network (the browser may reach only the server, the server no CDN) the page
    draws its status and four charts with no page error, no console error and no asset the
    server lacks; Step
    flies the fleet 30 days and redraws them; a new seed and Reset start a new fleet."""
    path = tmp_path / "viz.toml"
    path.write_text(STUDY, encoding="utf-8")
    log: list[str] = []
    with serving(path, log) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside: list[str] = []
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )

        def loopback_only(route: Any) -> None:
            if route.request.url.startswith(url):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", loopback_only)
        page.goto(url + "/", wait_until="load")
        before = page.wait_for_function(CHARTS_DRAWN, timeout=90_000).json_value()
        page.wait_for_function(
            "() => document.body.innerText.includes('t = 0.00 of 1 yr')", timeout=30_000
        )
        assert "0 of 48 satellites operating" in page.inner_text("body")

        page.get_by_role("button", name="Step").click()
        page.wait_for_function(
            "() => document.body.innerText.includes('t = 0.08 of 1 yr')", timeout=60_000
        )
        after = page.wait_for_function(CHARTS_DRAWN, timeout=30_000).json_value()
        assert after != before, "the charts were not redrawn after a step"
        assert not re.search(r"\b0 of 48 satellites operating", page.inner_text("body"))
        assert not_blank(page.screenshot(full_page=True)) > 10

        page.get_by_label("Seed (then Reset)").fill("7")
        page.get_by_role("button", name="Reset").click()
        page.wait_for_function(
            "() => document.body.innerText.includes('t = 0.00 of 1 yr')"
            " && document.body.innerText.includes('seed 7')",
            timeout=60_000,
        )
        assert errors == []
        assert outside == []
        page.close()
    asked_a_cdn = [line for line in log if "Could not load URL" in line]
    assert asked_a_cdn == [], "the server had to fetch page assets from a CDN"


def _viz(study: Path, port: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skyrack", "viz", str(study), "--port", str(port)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_viz_refuses_a_bad_study_a_broken_design_and_a_busy_port_in_one_line(
    tmp_path: Path,
) -> None:
    """An unknown policy, a satellite that breaks its budgets and a port already taken each
    fail before any server starts, with one line that says what is wrong."""
    unknown = tmp_path / "unknown.toml"
    unknown.write_text(STUDY + 'policy = "no-such-policy"\n', encoding="utf-8")
    heavy = tmp_path / "heavy.toml"  # 3,000 H100s on a 25 kW bus
    heavy.write_text(
        STUDY.replace("accelerators_per_satellite = 16", "accelerators_per_satellite = 3000"),
        encoding="utf-8",
    )
    good = tmp_path / "good.toml"
    good.write_text(STUDY, encoding="utf-8")
    with socket.create_server(("127.0.0.1", 0)) as taken:
        busy_port = taken.getsockname()[1]
        cases = [
            (unknown, 0, "simulation.policy: no fleet policy named 'no-such-policy'"),
            (heavy, 0, "infeasible design: bus payload power: needs 3,825,000 W"),
            (good, busy_port, f"cannot listen on 127.0.0.1:{busy_port}: Address already in use"),
        ]
        for study, port, message in cases:
            completed = _viz(study, port)
            assert completed.returncode == 1, completed.stderr
            assert message in completed.stderr
            assert "Traceback" not in completed.stderr
            assert len(completed.stderr.strip().splitlines()) == 1, completed.stderr
