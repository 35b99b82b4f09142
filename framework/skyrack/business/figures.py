"""Figures of the business case, as plotly figures (the HTML report embeds them).

Each takes a business document: ``BusinessCase.as_dict()``, or the ``business`` part of
metrics.json (a simulated study's holds the ensemble's mean cash flows)::

    cash_flow_figure(case.as_dict()).show()

``cash_flow_figure``: each business's annual cash flows by group of flows (inflows up, outflows
down) with the cumulative net cash flow as a line. ``npv_bridge_figure``: a waterfall from the
present value of revenue, through each cost, to the NPV, for orbit and ground side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from skyrack.business.cashflows import CashFlows

BUSINESSES = ("orbit", "ground")
BILLION = 1e9


def _layout(figure: Any, title: str) -> Any:
    from skyrack.report.figures import FONT

    figure.update_layout(
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 15}},
        font=FONT,
        height=460,
        margin={"l": 70, "r": 30, "t": 80, "b": 60},
        plot_bgcolor="white",
        paper_bgcolor="white",
        yaxis_title="billion USD (real)",
    )
    figure.update_xaxes(showline=True, linecolor="#aab4bf", gridcolor="#eef1f4")
    figure.update_yaxes(
        showline=True, linecolor="#aab4bf", gridcolor="#eef1f4", zerolinecolor="#1d2733"
    )
    return figure


GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "revenue": ("#2e7d32", ("revenue",)),
    "salvage": ("#a5d6a7", ("salvage",)),
    "accelerators": ("#c62828", ("accelerators", "replacements")),
    "satellite hardware": (
        "#3465a4",
        ("bus", "solar_arrays", "radiators", "batteries", "integration"),
    ),
    "launch": ("#f39c12", ("launch",)),
    "facility": ("#8a6d3b", ("facility",)),
    "operations": ("#6a3d9a", ("operations",)),
    "energy": ("#e377c2", ("energy",)),
    "tax": ("#37474f", ("tax",)),
    "other": ("#9e9e9e", ()),
}
"""The cash-flow chart's stacks: each flow's group and colour (insurance, ground segment,
development and any plugin's category are "other"); the NPV bridge keeps every flow."""


def _grouped(flows: CashFlows) -> dict[str, Any]:
    """Each group's signed series (inflows positive), groups without flows left out."""
    group_of = {flow: group for group, (_, members) in GROUPS.items() for flow in members}
    grouped: dict[str, Any] = {}
    for flow, series in flows.items().items():
        group = group_of.get(flow, "other")
        grouped[group] = grouped.get(group, 0.0) + series
    return {group: grouped[group] for group in GROUPS if group in grouped}


def cash_flow_figure(business: Mapping[str, Any]) -> Any:
    """Annual cash flows of orbit and ground by group of flows, and their cumulative net."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    figure = make_subplots(
        rows=1, cols=2, shared_yaxes=True, subplot_titles=BUSINESSES, horizontal_spacing=0.04
    )
    shown: set[str] = set()  # one legend entry per group, shared by both panels
    for column, name in enumerate(BUSINESSES, start=1):
        annual = CashFlows.from_columns(business["annual_cash_flows"][name])
        years = annual.start_year + np.arange(annual.periods)
        for group, series in _grouped(annual).items():
            figure.add_trace(
                go.Bar(
                    x=years,
                    y=series / BILLION,
                    name=group,
                    legendgroup=group,
                    showlegend=group not in shown,
                    marker_color=GROUPS[group][0],
                    legendrank=list(GROUPS).index(group),
                    hovertemplate=f"{name} {group} %{{x}}: $%{{y:,.2f}}B<extra></extra>",
                ),
                row=1,
                col=column,
            )
            shown.add(group)
        figure.add_trace(
            go.Scatter(
                x=years,
                y=np.cumsum(annual.net_usd) / BILLION,
                name="cumulative net",
                mode="lines",
                legendgroup="cumulative",
                showlegend=column == 1,
                line={"color": "black", "width": 2.5},
                legendrank=len(GROUPS),
                hovertemplate=f"{name} cumulative net %{{x}}: $%{{y:,.1f}}B<extra></extra>",
            ),
            row=1,
            col=column,
        )
    figure.update_layout(barmode="relative", bargap=0.15)
    return _layout(figure, "Cash flows by year: inflows up, outflows down")


def npv_bridge_figure(business: Mapping[str, Any]) -> Any:
    """From the present value of revenue through each cost to the NPV, orbit and ground."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    from skyrack.report.figures import BAD, GOOD, GROUND, ORBIT

    figure = make_subplots(
        rows=1, cols=2, shared_yaxes=True, subplot_titles=BUSINESSES, horizontal_spacing=0.04
    )
    for column, (name, color) in enumerate(zip(BUSINESSES, (ORBIT, GROUND), strict=True), 1):
        measures = business[name]
        flows = measures["pv_usd"]
        npv = measures["npv_usd"]
        figure.add_trace(
            go.Waterfall(
                x=[flow.replace("_", " ") for flow in flows] + ["NPV"],
                y=[value / BILLION for value in flows.values()] + [0.0],
                measure=["relative"] * len(flows) + ["total"],
                name=name,
                showlegend=False,
                increasing={"marker": {"color": color}},
                decreasing={"marker": {"color": "#9aa5b1"}},
                totals={"marker": {"color": GOOD if npv >= 0 else BAD}},
                connector={"line": {"color": "#aab4bf"}},
                hovertemplate=f"{name} %{{x}}: $%{{y:,.1f}}B<extra></extra>",
            ),
            row=1,
            col=column,
        )
    rate = 100 * business["discount_rate_per_year"]
    return _layout(figure, f"NPV bridge: present values at {rate:g} %/yr")
