"""The design search's section of the HTML report (a section provider, see
:mod:`skyrack.report.sections`): for a study with ``[optimize]`` whose search has run, the
search's history or Pareto front, the best designs, and what the objectives depend on, read
from the search's own storage (every run and worker). No search yet: no section."""

from __future__ import annotations

from skyrack.errors import SkyrackError
from skyrack.report.page import table
from skyrack.report.sections import ReportContext, Section

ORDER = 45.0
"""After the business case (40), before the sensitivity (50)."""
SHOWN = 12
"""Best designs listed in the table (a Pareto front: that many, spread along it)."""


SAMPLER_NAMES = {"tpe": "TPE", "nsga2": "NSGA-II", "cmaes": "CMA-ES", "random": "random"}


def sections(context: ReportContext) -> list[Section]:
    """The search's section, when the study has a search with finished trials."""
    from skyrack.optimize.figures import importance_figure, search_figure
    from skyrack.optimize.report import (
        best_trials,
        describe_trial,
        design_cells,
        importances,
        objectives_document,
        spread,
        trial_counts,
    )
    from skyrack.optimize.run import open_study, quiet_optuna, target_for

    study = context.study
    section = study.optimize
    if section is None:
        return []
    target = target_for(study)
    try:
        with quiet_optuna():
            optuna_study, _ = open_study(study, target, create=False)
    except SkyrackError:
        return []
    counts = trial_counts(optuna_study)
    if not counts["complete"]:
        return []
    labels = [objective.label for objective in section.objectives]
    objectives = objectives_document(section)
    with quiet_optuna():
        best = best_trials(optuna_study)
        ranked = importances(optuna_study, labels)
    shown = [describe_trial(study, best[i], labels) for i in spread(len(best), SHOWN)]
    rows = [row for cells in design_cells(shown, objectives) for row in cells]
    done = ", ".join(f"{n} {state}" for state, n in counts.items() if n)
    sampler = SAMPLER_NAMES.get(section.settings.sampler, section.settings.sampler)
    if not section.multi_objective:
        what = "the best design"
    elif len(shown) == len(best):
        what = f"the Pareto front's {len(best)} designs"
    else:
        what = f"{len(shown)} of the Pareto front's {len(best)} designs, spread along it"
    intro = (
        f"The {sampler} search of the study's [optimize] section ({done}; storage "
        f"{target.label}, study {target.study_name!r}), as its storage holds it now. Below, "
        f"{what}: every one with `skyrack optimize --json`, each as a runnable study file with "
        "`--export-best DIR`."
    )
    axes = [f"{o['label']} [{o['unit']}]" if o["unit"] else o["label"] for o in objectives]
    figures = [search_figure(optuna_study, axes, best)]
    if ranked:
        figures.append(importance_figure(ranked))
    html = table(
        ["", *(f"trial {row['number']}" for row in shown)],
        [[label, *cells] for label, cells in rows],
        numeric=range(1, len(shown) + 1),
    )
    return [Section(title="Design search", order=ORDER, intro=intro, figures=figures, html=html)]
