"""The studies shipped in studies/ load, run, and say what question they answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from skyrack.evaluation import evaluate
from skyrack.study import load_study

STUDIES = sorted((Path(__file__).resolve().parents[1] / "studies").glob("*.toml"))


def test_the_studies_folder_holds_the_four_published_comparisons() -> None:
    """quickstart, mccalip-baseline, starcloud-40mw and suncatcher are all there."""
    names = {path.stem for path in STUDIES}
    assert {"quickstart", "mccalip-baseline", "starcloud-40mw", "suncatcher"} <= names


@pytest.mark.parametrize("path", STUDIES, ids=lambda p: p.stem)
def test_study_opens_with_its_question_and_answer(path: Path) -> None:
    """Each study's opening comment states the question and the answer it gave."""
    header = path.read_text(encoding="utf-8").split("[study]")[0]
    assert "# Question:" in header
    assert "# Answer" in header


@pytest.mark.parametrize("path", STUDIES, ids=lambda p: p.stem)
def test_study_is_feasible_and_gives_finite_costs(path: Path) -> None:
    """Each study evaluates to a feasible design with positive, finite LCOC on both sides."""
    metrics = evaluate(load_study(path).design)
    assert 0 < metrics.lcoc_usd_per_pflop_day < float("inf")
    assert 0 < metrics.ground_lcoc_usd_per_pflop_day < float("inf")
    assert all(not budget.broken for budget in metrics.budgets)
