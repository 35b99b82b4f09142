"""Figures of a design search, as plotly figures (the HTML report embeds them, a notebook shows
them with ``.show()``), each a plain function of an Optuna study's trials::

    from skyrack.optimize import open_study
    search_figure(optuna_study).show()

``search_figure``: one objective, every trial's value in the order of the search (feasible
designs in colour, those that break a budget in grey) and the best feasible value so far; two
objectives or more, the feasible designs on the first two and the Pareto front.
``importance_figure``: each parameter's importance for each objective.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import optuna
    from plotly.graph_objects import Figure


def _feasible(trial: Any) -> bool:
    return all(value <= 0 for value in trial.constraints.values())


def _finite(values: Sequence[float]) -> bool:
    return all(math.isfinite(value) for value in values)


def search_figure(study: optuna.Study, labels: Sequence[str], best: Sequence[Any]) -> Figure:
    """The search's trials: its history for one objective, its Pareto front for several
    (``best``: the best trials, :func:`skyrack.optimize.report.best_trials`)."""
    import plotly.graph_objects as go
    from optuna.trial import TrialState

    from skyrack.report.figures import BAD, GREY, ORBIT, _layout

    trials = [
        t
        for t in study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
        if _finite(t.values)
    ]
    feasible = [t for t in trials if _feasible(t)]
    infeasible = [t for t in trials if not _feasible(t)]
    figure = go.Figure()
    if len(labels) == 1:
        sign = 1.0 if study.directions[0].name == "MINIMIZE" else -1.0
        for group, name, color in (
            (infeasible, "breaks a budget or a constraint", GREY),
            (feasible, "feasible design", ORBIT),
        ):
            figure.add_scatter(
                x=[t.number for t in group],
                y=[t.values[0] for t in group],
                mode="markers",
                name=name,
                marker={"color": color, "size": 6},
            )
        steps, line, current = [], [], math.inf
        for t in sorted(feasible, key=lambda t: t.number):
            if sign * t.values[0] < current:
                current = sign * t.values[0]
            steps.append(t.number)
            line.append(sign * current)
        figure.add_scatter(
            x=steps,
            y=line,
            mode="lines",
            line={"shape": "hv", "color": BAD, "width": 2},
            name="best so far",
        )
        figure.update_xaxes(title_text="trial")
        figure.update_yaxes(title_text=labels[0])
        return _layout(figure, f"Search history: {labels[0]} of each trial")
    front = {t.number for t in best}
    figure.add_scatter(
        x=[t.values[0] for t in feasible if t.number not in front],
        y=[t.values[1] for t in feasible if t.number not in front],
        mode="markers",
        name="feasible design",
        marker={"color": GREY, "size": 5},
    )
    ordered = sorted(best, key=lambda t: t.values[0])
    figure.add_scatter(
        x=[t.values[0] for t in ordered],
        y=[t.values[1] for t in ordered],
        mode="lines+markers",
        name="Pareto front",
        marker={"color": BAD, "size": 8},
        line={"color": BAD, "shape": "hv"},
        text=[f"trial {t.number}" for t in ordered],
        hovertemplate="%{text}<br>%{x:,.4g}, %{y:,.4g}<extra></extra>",
    )
    figure.update_xaxes(title_text=labels[0])
    figure.update_yaxes(title_text=labels[1])
    return _layout(figure, f"Pareto front: {labels[0]} against {labels[1]} (feasible designs)")


def importance_figure(importances: Mapping[str, Mapping[str, float]]) -> Figure:
    """Each parameter's importance (PED-ANOVA) for each objective, as horizontal bars."""
    import plotly.graph_objects as go

    from skyrack.report.figures import _layout

    figure = go.Figure()
    for label, ranked in importances.items():
        names = list(ranked)[::-1]
        figure.add_bar(y=names, x=[ranked[n] for n in names], orientation="h", name=label)
    figure.update_xaxes(title_text="importance (share of the objective's variation)")
    height = 160 + 28 * max((len(r) for r in importances.values()), default=1) * len(importances)
    figure.update_layout(barmode="group")
    return _layout(figure, "What the objectives depend on", height=height)
