"""The report reads well: dotted keys break only after a dot, units never break, wide tables
scroll, uncertainty percentiles carry their units, and a tornado whose bars move by whole
launches says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skyrack.explore.sensitivity import Tornado, tornado
from skyrack.explore.uncertainty import uncertain_inputs
from skyrack.report.builtin import whole_launch_note
from skyrack.report.page import STYLE, table
from skyrack.runner import run_study
from skyrack.study import load_study

QUICKSTART = Path(__file__).resolve().parents[1] / "studies" / "quickstart.toml"

CELLS_BROKEN_INSIDE_A_WORD = """() => {
    const probe = document.createElement('span');
    probe.style.whiteSpace = 'nowrap';
    document.body.appendChild(probe);
    const broken = [];
    for (const cell of document.querySelectorAll('td.key, td.unit')) {
        const style = getComputedStyle(cell);
        probe.style.font = style.font;
        const inner = cell.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight);
        const words = cell.classList.contains('key')
            ? cell.textContent.split(/(?<=\\.)/) : [cell.textContent];
        for (const word of words) {
            probe.textContent = word;
            if (probe.getBoundingClientRect().width > inner + 1) {
                broken.push(cell.textContent + ' (' + word + ')');
            }
        }
    }
    probe.remove();
    return broken;
}"""


def test_a_key_column_breaks_only_after_dots_and_a_unit_column_never() -> None:
    """Key cells offer a break after each dot (and nowhere else), unit cells never wrap, and
    every table can scroll sideways rather than squeeze its columns."""
    html = table(
        ["number", "value", "unit"],
        [["launch_vehicle.payload_to_leo_kg", "17,500", "kg"]],
        numeric=(1,),
        keys=(0,),
        units=(2,),
    )
    assert '<td class="key">launch_vehicle.<wbr>payload_to_leo_kg</td>' in html
    assert '<td class="unit">kg</td>' in html and '<th class="unit">unit</th>' in html
    assert html.startswith('<div class="table-scroll">')
    assert "td.key { overflow-wrap: normal;" in STYLE  # "anywhere" broke names mid-word
    assert "td.unit, th.unit { white-space: nowrap;" in STYLE


def test_the_tornado_names_the_bars_that_move_by_whole_launches() -> None:
    """In the quickstart, the payload's and the bus's masses change how many satellites fit on
    a Falcon 9 (12 at the study's values), so their bars are step-limited; the radiation
    tolerance changes no launch and is not named; a tornado without such bars gets no note."""
    study = load_study(QUICKSTART)
    result = tornado(study.design, uncertain_inputs(study.design, study.uncertainty))
    note = whole_launch_note(study.design, result)
    assert "compute_payload.mass_kg" in note and "satellite_bus.dry_mass_kg" in note
    assert "(12 at the study's values" in note
    assert "tid_tolerance_krad" not in note
    tolerance = [bar for bar in result.bars if bar.key.endswith("tid_tolerance_krad")]
    only_tolerance = Tornado(metric=result.metric, base=result.base, bars=tuple(tolerance))
    assert whole_launch_note(study.design, only_tolerance) == ""


@pytest.mark.slow
def test_no_key_or_unit_cell_of_the_report_breaks_inside_a_word(
    browser: Any, tmp_path: Path
) -> None:
    """In Chromium at 1280 and at 800 px, every segment of a key between dots and every unit
    fits its cell's width (the squeezed table broke "launch_vehicl e.payloa d", "US D")."""
    outcome = run_study(load_study(QUICKSTART), tmp_path / "quickstart")
    for width in (1280, 800):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto((outcome.folder / "report.html").resolve().as_uri(), wait_until="load")
        assert page.locator("td.key").count() > 40
        assert page.evaluate(CELLS_BROKEN_INSIDE_A_WORD) == []
        page.close()
