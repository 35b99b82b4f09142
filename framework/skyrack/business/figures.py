"""Figures of the business case, as plotly figures (the HTML report embeds them).

``cash_flow_figure(case)``: each business's annual cash flows by category (inflows up, outflows
down) with the cumulative net cash flow as a line. ``npv_bridge_figure(case)``: a waterfall from
the present value of revenue, through each cost, to the NPV, for orbit and ground side by side.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from skyrack.business.case import BusinessCase
from skyrack.business.cashflows import CashFlows


def _businesses(case: BusinessCase) -> dict[str, CashFlows]:
    return {"orbit": case.orbit, "ground": case.ground}


def cash_flow_figure(case: BusinessCase) -> Any:
    """Annual cash flows of orbit and ground by category, and their cumulative net [USD]."""
    import plotly.graph_objects as go
    from plotly.colors import qualitative
    from plotly.subplots import make_subplots

    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=("orbit", "ground"))
    palette = qualitative.Dark24
    colors: dict[str, str] = {}  # one colour per category, shared by both panels
    for column, flows in enumerate(_businesses(case).values(), start=1):
        annual = flows.annual()
        years = annual.start_year + np.arange(annual.periods)
        for name, series in annual.items().items():
            new = name not in colors
            colors.setdefault(name, palette[len(colors) % len(palette)])
            figure.add_trace(
                go.Bar(
                    x=years,
                    y=series / 1e9,
                    name=name.replace("_", " "),
                    legendgroup=name,
                    showlegend=new,
                    marker_color=colors[name],
                ),
                row=1,
                col=column,
            )
        figure.add_trace(
            go.Scatter(
                x=years,
                y=np.cumsum(annual.net_usd) / 1e9,
                name="cumulative net",
                legendgroup="cumulative",
                showlegend=column == 1,
                line={"color": "black"},
            ),
            row=1,
            col=column,
        )
    figure.update_layout(
        barmode="relative",
        title="Cash flows by year (real USD)",
        yaxis_title="billion USD",
    )
    return figure


def npv_bridge_figure(case: BusinessCase) -> Any:
    """From the present value of revenue through each cost to the NPV, orbit and ground."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    measures = {"orbit": case.orbit_measures, "ground": case.ground_measures}
    figure = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=tuple(measures))
    for column, (label, result) in enumerate(measures.items(), start=1):
        names = [name.replace("_", " ") for name in result.pv_usd]
        figure.add_trace(
            go.Waterfall(
                x=[*names, "NPV"],
                y=[value / 1e9 for value in result.pv_usd.values()] + [0.0],
                measure=["relative"] * len(names) + ["total"],
                name=label,
                showlegend=False,
            ),
            row=1,
            col=column,
        )
    figure.update_layout(
        title=f"NPV bridge at {100 * case.rate_per_year:g} %/yr (present values)",
        yaxis_title="billion USD",
    )
    return figure
