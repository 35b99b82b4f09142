"""The design search's section of the HTML report (a section provider, see
:mod:`skyrack.report.sections`): for a document with an ``optimization`` section (a study whose
search has run), the search's history or Pareto front (read from its storage: every run and
worker), the best designs, and what the objectives depend on. No search yet: no section."""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Any

from skyrack.errors import SkyrackError
from skyrack.report.page import table
from skyrack.report.sections import ReportContext, Section

if TYPE_CHECKING:
    import optuna

ORDER = 45.0
"""After the business case (40), before the sensitivity (50)."""
SHOWN = 12
"""Best designs listed in the table (a Pareto front: that many, spread along it)."""


SAMPLER_NAMES = {"tpe": "TPE", "nsga2": "NSGA-II", "cmaes": "CMA-ES", "random": "random"}


def _stored(context: ReportContext, search: dict[str, Any]) -> optuna.Study | None:
    """The search's Optuna study, for its figures: the storage the document names (a database
    with a password: SKYRACK_STORAGE, as `skyrack optimize` reads it), or None."""
    from skyrack.optimize.run import open_study, quiet_optuna, target_for

    storage = search["storage"]
    if "***" in storage:
        storage = os.environ.get("SKYRACK_STORAGE", "")
    if not storage:
        return None
    target = target_for(context.study, storage=storage, study_name=search["study_name"])
    try:
        with quiet_optuna():
            return open_study(context.study, target, create=False)[0]
    except SkyrackError:
        return None


def sections(context: ReportContext) -> list[Section]:
    """The search's section, when the document holds one (``optimization``)."""
    from skyrack.optimize.figures import importance_figure, search_figure
    from skyrack.optimize.report import best_trials, design_cells, spread

    search = context.document.get("optimization")
    section = context.study.optimize
    if search is None or section is None:
        return []
    objectives = search["objectives"]
    best = search["best"]
    shown = [best[i] for i in spread(len(best), SHOWN)]
    rows = [row for cells in design_cells(shown, objectives) for row in cells]
    done = ", ".join(f"{n} {state}" for state, n in search["trials"].items() if n)
    sampler = SAMPLER_NAMES.get(search["sampler"], search["sampler"])
    if len(objectives) == 1:
        what = "the best design"
    elif len(shown) == len(best):
        what = f"the Pareto front's {len(best)} designs"
    else:
        what = f"{len(shown)} of the Pareto front's {len(best)} designs, spread along it"
    intro = (
        f"The {sampler} search of the study's [optimize] section ({done}; storage "
        f"{search['storage']}, study {search['study_name']!r}), as its storage held it when "
        f"this report was written. Below, {what}: every one in metrics.json (optimization), "
        "each as a runnable study file with `skyrack optimize --export-best DIR`."
    )
    figures = []
    stored = _stored(context, search)
    if stored is not None:
        axes = [f"{o['label']} [{o['unit']}]" if o["unit"] else o["label"] for o in objectives]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            figures.append(search_figure(stored, axes, best_trials(stored)))
    if search["importances"]:
        figures.append(importance_figure(search["importances"]))
    html = table(
        ["", *(f"trial {row['number']}" for row in shown)],
        [[label, *cells] for label, cells in rows],
        numeric=range(1, len(shown) + 1),
    )
    return [Section(title="Design search", order=ORDER, intro=intro, figures=figures, html=html)]
