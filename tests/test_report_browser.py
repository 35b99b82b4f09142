"""Every shipped study's report opens in headless Chromium (the ``browser`` fixture: skipped
without Chromium, failed under ``CI=true``) with no console errors, every figure drawn, and a
screenshot that is not blank."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser import not_blank
from skyrack.runner import run_study
from skyrack.study import load_study

STUDIES = sorted(Path("studies").glob("*.toml"))

FIGURES_DRAWN = """() => Array.from(document.querySelectorAll('.plotly-graph-div')).map(div => ({
    id: div.id,
    height: div.getBoundingClientRect().height,
    traces: div.querySelectorAll('.trace, .hm, .heatmaplayer image, .waterfall, .barlayer .point')
        .length,
    data: (div.data || []).length,
}))"""


@pytest.mark.slow
@pytest.mark.parametrize("study_path", STUDIES, ids=[p.stem for p in STUDIES])
def test_every_study_report_renders_in_chromium(
    study_path: Path, browser: Any, tmp_path: Path
) -> None:
    """The report loads offline with no console error or page error, each figure has drawn
    traces and a real height, and the screenshot has content."""
    study = load_study(study_path)
    replications = 2 if study.simulation is not None else None
    outcome = run_study(study, tmp_path / study.info.name, replications=replications)
    assert outcome.report_failures == ()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(
        "**/*",
        lambda route: (
            route.abort() if not route.request.url.startswith("file:") else route.continue_()
        ),
    )
    page.goto((outcome.folder / "report.html").resolve().as_uri(), wait_until="load")
    page.wait_for_function(
        "() => document.querySelectorAll('.plotly-graph-div .main-svg').length > 0"
    )
    figures = page.evaluate(FIGURES_DRAWN)
    assert figures, "no figure in the report"
    for figure in figures:
        assert figure["data"] > 0, f"figure {figure['id']} has no data"
        assert figure["height"] > 150, f"figure {figure['id']} is {figure['height']} px tall"
    screenshot = page.screenshot(full_page=True)
    assert not_blank(screenshot) > 10
    assert errors == []
    page.close()
