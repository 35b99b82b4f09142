"""The folders ``skyrack sweep`` and ``skyrack sensitivity`` write: one HTML page and CSVs each,
written atomically like a results folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from skyrack.report import figures
from skyrack.report.page import render
from skyrack.report.sections import Section
from skyrack.results import write_folder

if TYPE_CHECKING:
    from skyrack.explore.sensitivity import SobolResult, Tornado
    from skyrack.explore.sweep import SweepResult
    from skyrack.study import Study


def sweep_sections(result: SweepResult) -> list[Section]:
    """The figures of a sweep: curves, one map, or a map per value of the third axis."""
    if len(result.axes) == 1:
        intro = (
            "Orbit and ground cost per PFLOP-day along the swept input, and their ratio (green "
            "dashes: parity); grey spans break a physical budget."
        )
        return [Section(title="Sweep", intro=intro, figures=(figures.sweep_curves(result),))]
    intro = (
        "Orbit / ground cost per PFLOP-day: blue where orbit is cheaper, red where the ground "
        "is, the black line where they match; a grey veil marks designs that break a physical "
        "budget; the cross marks the study's own design."
    )
    if len(result.axes) == 2:
        return [Section(title="Breakeven map", intro=intro, figures=(figures.sweep_map(result),))]
    third = result.axes[2]
    maps = tuple(
        figures.sweep_map(result, k, title=f"{third.key} = {figures.number(value)}")
        for k, value in enumerate(result.coordinates[2])
    )
    return [Section(title=f"Maps by {third.key}", intro=intro, figures=maps)]


def write_sweep(folder: Path, study: Study, result: SweepResult) -> Path:
    """``sweep.html`` and ``sweep.csv`` (one row per design) in ``folder``."""

    def write(staging: Path) -> None:
        result.to_dataframe().to_csv(staging / "sweep.csv", index=False)
        axes = " × ".join(str(axis) for axis in result.axes)
        page = render(f"{study.info.name}: sweep", axes, sweep_sections(result), [])
        (staging / "sweep.html").write_text(page, encoding="utf-8")

    return write_folder(folder, write)


def write_sensitivity(
    folder: Path, study: Study, tornado: Tornado, sobol: SobolResult | None
) -> Path:
    """``sensitivity.html``, ``tornado.csv`` and (with indices) ``sobol.csv`` in ``folder``."""

    def write(staging: Path) -> None:
        tornado.to_dataframe().to_csv(staging / "tornado.csv", index=False)
        sections = [Section(title="Tornado", figures=(figures.tornado(tornado),))]
        if sobol is not None:
            sobol.to_dataframe().to_csv(staging / "sobol.csv", index=False)
            sections.append(Section(title="Sobol indices", figures=(figures.sobol(sobol),)))
        page = render(f"{study.info.name}: sensitivity", tornado.metric, sections, [])
        (staging / "sensitivity.html").write_text(page, encoding="utf-8")

    return write_folder(folder, write)
