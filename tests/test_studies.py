"""The studies shipped in studies/ load, run, and say what question they answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def business_of(path: Path, **changes: object) -> object:
    import attrs

    from skyrack.business.case import study_business_case

    study = load_study(path)
    return study_business_case(
        attrs.evolve(study, business=attrs.evolve(study.business, **changes))
    )


STUDY_FOLDER = Path(__file__).resolve().parents[1] / "studies"


def test_valuation_study_answers_as_its_header_says() -> None:
    """The 10 GW orbital business loses money where the same capital on the ground earns it."""
    case: Any = business_of(STUDY_FOLDER / "valuation.toml")
    assert case.orbit_measures.npv_usd < 0 < case.ground_measures.npv_usd
    assert case.orbit_measures.npv_usd == pytest.approx(-284e9, rel=0.02)
    assert case.ground_measures.npv_usd == pytest.approx(292e9, rel=0.02)


def test_obsolescence_study_cases_agree_on_a_flat_roadmap_and_differ_on_nvidias() -> None:
    """Refresh is worth tens of billions on NVIDIA's roadmap and nothing when nothing improves."""
    case: Any = business_of(STUDY_FOLDER / "obsolescence.toml")
    assert case.refresh_value_usd == pytest.approx(34.0e9, rel=0.02)
    flat: Any = business_of(STUDY_FOLDER / "obsolescence.toml", roadmap="flat")
    assert flat.refresh_value_usd == pytest.approx(0.0, abs=1e-3)


def test_mccalip_baseline_pays_mccalips_1000_usd_per_kg_flown() -> None:
    """McCalip charges launch per kg: the study's per-flight price makes the fleet's launch
    bill $1,000 per kg of satellite flown (49,020 × 1,189 kg for 876 flights of $66.6M)."""
    values = evaluate(load_study(STUDY_FOLDER / "mccalip-baseline.toml").design).values
    flown_kg = values["satellites"] * values["wet_mass_kg"]
    assert values["launch_usd"] / flown_kg == pytest.approx(1_000.0, rel=0.005)
