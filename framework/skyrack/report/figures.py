"""Plotly figures of skyrack's results, each a plain function of its data (no page, no files).

Every function returns a ``plotly.graph_objects.Figure``: a notebook shows it with ``.show()``,
the report places it in ``report.html``.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from plotly.graph_objects import Figure

    from skyrack.explore.sensitivity import SobolResult, Tornado
    from skyrack.explore.sweep import SweepResult
    from skyrack.explore.uncertainty import UncertaintyResult
    from skyrack.metrics import Metrics
    from skyrack.timeline import FleetTimeline

ORBIT = "#3465a4"
GROUND = "#8a6d3b"
GOOD = "#2e7d32"
BAD = "#c62828"
GREY = "rgba(120,120,120,0.55)"
FONT = {"family": "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif"}

LABELS = {
    "orbit_to_ground_ratio": "orbit / ground cost per PFLOP-day",
    "lcoc_usd_per_pflop_day": "orbit USD per PFLOP-day",
    "ground_lcoc_usd_per_pflop_day": "ground USD per PFLOP-day",
    "usd_per_accelerator_hour": "orbit USD per accelerator-hour",
    "ground_usd_per_accelerator_hour": "ground USD per accelerator-hour",
    "usd_per_w_deployed": "orbit USD per W deployed",
    "usd_per_mwh": "orbit USD per MWh of compute energy",
    "peak_operating_power_w": "peak operating power [W]",
    "peak_fleet_share": "peak share of the fleet operating",
    "time_to_50_percent_power_years": "time to 50 % of fleet power",
    "time_to_90_percent_power_years": "time to 90 % of fleet power",
    "co2_kg_per_pflop_day": "orbit kg CO2 per PFLOP-day",
    "satellites": "satellites",
    "launches": "launches (expected)",
    "deployment_years": "deployment time",
}


def label(key: str, unit: str = "") -> str:
    """A readable axis title for a parameter key or metric name."""
    text = LABELS.get(key, key.replace("_", " ").replace(".", ": "))
    return f"{text} [{unit}]" if unit and unit != "1" else text


def number(value: float) -> str:
    """A number as people read it: 35,000 not 3.5e+04; 0.005; 1.2e+09 only when huge."""
    if value == 0 or 1e-3 <= abs(value) < 1e7:
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
    return f"{value:.3g}"


def _log_ticks(low: float, high: float) -> list[float]:
    """1-2-5 ticks spanning [low, high] (values, not logs)."""
    ticks = []
    for exponent in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 2, 5):
            value = mantissa * 10.0**exponent
            if low <= value <= high:
                ticks.append(value)
    return ticks


def _layout(figure: Figure, title: str, height: int = 420) -> Figure:
    figure.update_layout(
        title={"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 15}},
        font=FONT,
        height=height,
        margin={"l": 70, "r": 30, "t": 60, "b": 60},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    figure.update_xaxes(showline=True, linecolor="#aab4bf", gridcolor="#eef1f4")
    figure.update_yaxes(showline=True, linecolor="#aab4bf", gridcolor="#eef1f4")
    return figure


def _words(key: str) -> str:
    return key.replace("_", " ")


def waterfall(metrics: Metrics) -> Figure:
    """Orbit's cost per PFLOP-day built up category by category, beside the ground's."""
    import plotly.graph_objects as go

    values = metrics.values
    orbit_per = 1.0 / values["pv_pflop_days"]
    ground_per = 1.0 / values["ground_pv_pflop_days"]
    orbit = [(k, v * orbit_per) for k, v in metrics.waterfall_pv_usd.items() if v > 0]
    ground = [
        (key.removeprefix("ground_pv_").removesuffix("_usd"), value * ground_per)
        for key, value in values.items()
        if key.startswith("ground_pv_")
        and key.endswith("_usd")
        and key != "ground_pv_cost_usd"
        and value > 0
    ]
    figure = go.Figure()
    figure.add_trace(
        go.Waterfall(
            name="orbit",
            x=[f"orbit · {_words(k)}" for k, _ in orbit] + ["orbit total"],
            y=[v for _, v in orbit] + [0.0],
            measure=["relative"] * len(orbit) + ["total"],
            increasing={"marker": {"color": ORBIT}},
            totals={"marker": {"color": "#1f3f6b"}},
            connector={"line": {"color": "#aab4bf"}},
            hovertemplate="%{x}: $%{y:,.2f} per PFLOP-day<extra></extra>",
        )
    )
    figure.add_trace(
        go.Waterfall(
            name="ground",
            x=[f"ground · {_words(k)}" for k, _ in ground] + ["ground total"],
            y=[v for _, v in ground] + [0.0],
            measure=["relative"] * len(ground) + ["total"],
            increasing={"marker": {"color": GROUND}},
            totals={"marker": {"color": "#5c4826"}},
            connector={"line": {"color": "#aab4bf"}},
            hovertemplate="%{x}: $%{y:,.2f} per PFLOP-day<extra></extra>",
        )
    )
    figure.update_yaxes(title_text="USD per PFLOP-day (present value)")
    figure.update_layout(showlegend=False, waterfallgap=0.25)
    ratio = metrics.orbit_to_ground_ratio
    return _layout(figure, f"Where the money goes: orbit {ratio:.2f}× the ground", 460)


def timeline(expected: FleetTimeline, target_label: str = "") -> Figure:
    """Operating power and satellites over time, and cumulative spend by category."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    t = expected.time_years
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=("operating payload power", "cumulative spend (undiscounted)"),
        specs=[[{"secondary_y": True}], [{}]],
    )
    figure.add_trace(
        go.Scatter(
            x=t,
            y=expected.operating_power_w / 1e6,
            name="operating power [MW]",
            line={"color": ORBIT, "width": 3},
            hovertemplate="%{x:.2f} yr: %{y:,.2f} MW<extra></extra>",
        ),
        row=1,
        col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=t,
            y=expected.satellites_operating,
            name="satellites operating",
            line={"color": "#888", "dash": "dot"},
            hovertemplate="%{x:.2f} yr: %{y:,.0f} satellites<extra></extra>",
        ),
        row=1,
        col=1,
        secondary_y=True,
    )
    palette = [
        "#3465a4",
        "#729fcf",
        "#4e9a06",
        "#8ae234",
        "#c4a000",
        "#f57900",
        "#cc0000",
        "#75507b",
        "#ad7fa8",
        "#555753",
        "#2e3436",
        "#888a85",
    ]
    for i, (category, spend) in enumerate(expected.spend_usd.items()):
        cumulative = np.cumsum(spend) / 1e9
        if cumulative[-1] <= 0:
            continue
        figure.add_trace(
            go.Scatter(
                x=t,
                y=cumulative,
                name=_words(category),
                stackgroup="spend",
                line={"width": 0.5, "color": palette[i % len(palette)]},
                hovertemplate=f"{_words(category)}: $%{{y:,.2f}}B<extra></extra>",
            ),
            row=2,
            col=1,
        )
    figure.update_yaxes(title_text="MW", row=1, col=1, rangemode="tozero")
    figure.update_yaxes(title_text="satellites", row=1, col=1, secondary_y=True, rangemode="tozero")
    figure.update_yaxes(title_text="billion USD", row=2, col=1)
    figure.update_xaxes(title_text="years from the first launch", row=2, col=1)
    title = "Expected fleet over time" + (f" ({target_label})" if target_label else "")
    return _layout(figure, title, 640)


def budgets(metrics: Metrics) -> Figure:
    """Each physical budget's use as a share of its limit (red when broken)."""
    import plotly.graph_objects as go

    rows = sorted(metrics.budgets, key=lambda b: float(b.utilization))
    names = [b.name for b in rows]
    shares = [100.0 * min(float(b.utilization), 10.0) for b in rows]
    colors = [
        BAD if b.broken else (ORBIT if float(b.utilization) < 0.9 else "#f57900") for b in rows
    ]
    text = [
        f"{100 * float(b.utilization):.0f}%" if b.proportional else ("broken" if b.broken else "ok")
        for b in rows
    ]
    figure = go.Figure(
        go.Bar(
            x=shares,
            y=names,
            orientation="h",
            marker_color=colors,
            text=text,
            textposition="outside",
            hovertemplate="%{y}: %{text} of its limit<extra></extra>",
        )
    )
    figure.add_vline(x=100, line_dash="dash", line_color=BAD)
    figure.update_xaxes(title_text="use of the limit [%]", range=[0, max(120, max(shares) * 1.15)])
    return _layout(
        figure, "Physical budgets: how close the design is to each limit", 60 + 34 * len(rows) + 80
    )


def tornado(result: Tornado, count: int = 15) -> Figure:
    """The largest swings: each input alone at its low (light) and high (dark) end."""
    import plotly.graph_objects as go

    bars = [bar for bar in result.bars if bar.swing > 0][:count][::-1]
    base = result.base
    names = [f"{bar.key}  ({number(bar.low)} → {number(bar.high)})" for bar in bars]
    figure = go.Figure()
    for end, color, values in (
        ("input at its low end", "#9cb8df", [bar.metric_at_low for bar in bars]),
        ("input at its high end", ORBIT, [bar.metric_at_high for bar in bars]),
    ):
        figure.add_trace(
            go.Bar(
                y=names,
                x=[value - base for value in values],
                base=base,
                orientation="h",
                name=end,
                marker_color=color,
                hovertemplate="%{y}<br>" + end + ": %{customdata:.4g}<extra></extra>",
                customdata=values,
            )
        )
    figure.add_vline(x=base, line_color="#333", annotation_text=f"study {base:.3g}")
    if result.metric == "orbit_to_ground_ratio":
        figure.add_vline(x=1.0, line_dash="dash", line_color=GOOD, annotation_text="parity")
    figure.update_layout(barmode="overlay", legend={"orientation": "h", "y": -0.12})
    figure.update_xaxes(title_text=label(result.metric))
    return _layout(
        figure, "Tornado: which single assumption moves the answer most", 120 + 30 * len(bars)
    )


def sobol(result: SobolResult, count: int = 15) -> Figure:
    """First- and total-order Sobol indices with their 95 % intervals, largest first."""
    import plotly.graph_objects as go

    order = result.ranked()[:count][::-1]
    names = [result.names[i] for i in order]
    figure = go.Figure()
    for name, values, errors, color in (
        ("total order (ST)", result.total_order, result.total_order_conf, ORBIT),
        ("first order (S1)", result.first_order, result.first_order_conf, "#9cb8df"),
    ):
        figure.add_trace(
            go.Bar(
                y=names,
                x=[float(values[i]) for i in order],
                error_x={"type": "data", "array": [float(errors[i]) for i in order]},
                orientation="h",
                name=name,
                marker_color=color,
            )
        )
    figure.update_layout(barmode="group", legend={"orientation": "h", "y": -0.12})
    figure.update_xaxes(title_text=f"share of the variance of {result.metric}", range=[0, 1.05])
    return _layout(
        figure,
        f"Sobol indices ({result.evaluations:,} designs, 95 % intervals "
        f"±{result.max_halfwidth:.3f})",
        140 + 40 * len(order),
    )


def _ratio_colors() -> list[list[Any]]:
    return [[0.0, "#1a5fb4"], [0.5, "#f6f5f4"], [1.0, "#a51d2d"]]


def sweep_map(result: SweepResult, facet: int | None = None, title: str | None = None) -> Figure:
    """A 2-D map of orbit/ground: blue where orbit wins, red where the ground does, the parity
    contour in black, infeasible designs greyed, the study's design marked."""
    import plotly.graph_objects as go

    x_axis, y_axis = result.axes[0], result.axes[1]
    x, y = result.coordinates[0], result.coordinates[1]
    ratio = result.ratio if facet is None else result.ratio[..., facet]
    feasible = result.feasible if facet is None else result.feasible[..., facet]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log10(ratio).T
    finite = log_ratio[np.isfinite(log_ratio)]
    span = float(np.max(np.abs(finite))) if finite.size else 1.0
    span = max(span, 0.05)
    figure = go.Figure()
    figure.add_trace(
        go.Heatmap(
            x=x,
            y=y,
            z=log_ratio,
            zmin=-span,
            zmax=span,
            colorscale=_ratio_colors(),
            colorbar={
                "title": {"text": "orbit / ground"},
                "tickvals": [math.log10(v) for v in _log_ticks(10**-span, 10**span)],
                "ticktext": [f"{v:g}×" for v in _log_ticks(10**-span, 10**span)],
            },
            customdata=ratio.T,
            hovertemplate=f"{x_axis.key} %{{x:,.4g}}<br>{y_axis.key} %{{y:,.4g}}<br>"
            "orbit/ground %{customdata:.3g}<extra></extra>",
        )
    )
    if np.nanmin(log_ratio) < 0 < np.nanmax(log_ratio):
        figure.add_trace(
            go.Contour(
                x=x,
                y=y,
                z=log_ratio,
                contours={"start": 0, "end": 0, "size": 1, "coloring": "lines"},
                colorscale=[[0, "black"], [1, "black"]],
                line={"color": "black", "width": 3},
                showscale=False,
                name="parity (orbit = ground)",
                hoverinfo="skip",
            )
        )
    infeasible = (~feasible).T.astype(float)
    if infeasible.any():
        figure.add_trace(
            go.Heatmap(
                x=x,
                y=y,
                z=np.where(infeasible > 0, 1.0, np.nan),
                colorscale=[[0, GREY], [1, GREY]],
                showscale=False,
                name="infeasible",
                hovertemplate="infeasible: a physical budget is broken<extra></extra>",
            )
        )
    bx, by = result.base[x_axis.key], result.base[y_axis.key]
    if x[0] <= bx <= x[-1] and y[0] <= by <= y[-1]:
        figure.add_trace(
            go.Scatter(
                x=[bx],
                y=[by],
                mode="markers+text",
                marker={"symbol": "x", "size": 13, "color": "black"},
                text=["this study"],
                textposition="top right",
                name="this study",
                hoverinfo="skip",
            )
        )
    figure.update_xaxes(
        title_text=label(x_axis.key, result.units.get(x_axis.key, "")),
        type="log" if x_axis.log else "linear",
    )
    figure.update_yaxes(
        title_text=label(y_axis.key, result.units.get(y_axis.key, "")),
        type="log" if y_axis.log else "linear",
    )
    figure.update_layout(showlegend=False)
    share = float(np.mean(feasible & (ratio < 1.0)))
    default = f"Breakeven map: orbit wins (blue, feasible) on {share:.0%} of it; black: parity"
    return _layout(figure, title or default, 520)


def sweep_curves(result: SweepResult) -> Figure:
    """A 1-D sweep: orbit and ground cost per PFLOP-day and their ratio, infeasible spans grey."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    axis = result.axes[0]
    x = result.coordinates[0]
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.08,
        subplot_titles=("cost per PFLOP-day", "orbit / ground"),
    )
    for key, name, color in (
        ("lcoc_usd_per_pflop_day", "orbit", ORBIT),
        ("ground_lcoc_usd_per_pflop_day", "ground", GROUND),
    ):
        figure.add_trace(
            go.Scatter(x=x, y=result.outputs[key], name=name, line={"color": color, "width": 3}),
            row=1,
            col=1,
        )
    figure.add_trace(
        go.Scatter(x=x, y=result.ratio, name="orbit / ground", line={"color": "#333", "width": 3}),
        row=2,
        col=1,
    )
    figure.add_hline(y=1.0, line_dash="dash", line_color=GOOD, row=2, col=1)
    for value in result.breakeven():
        figure.add_vline(x=value, line_dash="dot", line_color=GOOD)
        figure.add_annotation(
            x=math.log10(value) if axis.log else value,
            y=1.0,
            yref="y2 domain",
            text=f"parity at {value:,.4g}",
            showarrow=False,
            yanchor="bottom",
        )
    infeasible = ~result.feasible
    if infeasible.any():
        edges = np.flatnonzero(np.diff(np.concatenate(([0], infeasible.astype(int), [0]))))
        for start, stop in zip(edges[::2], edges[1::2], strict=True):
            figure.add_vrect(
                x0=x[start],
                x1=x[stop - 1],
                fillcolor=GREY,
                opacity=0.35,
                line_width=0,
                annotation_text="infeasible",
                annotation_position="top left",
            )
    base = result.base[axis.key]
    if x[0] <= base <= x[-1]:
        figure.add_vline(x=base, line_color="#333", annotation_text="this study")
    axis_type = "log" if axis.log else "linear"
    figure.update_xaxes(type=axis_type)
    figure.update_xaxes(title_text=label(axis.key, result.units.get(axis.key, "")), row=2, col=1)
    figure.update_yaxes(type="log", title_text="USD per PFLOP-day", row=1, col=1)
    figure.update_yaxes(type="log", title_text="ratio", row=2, col=1)
    return _layout(figure, f"Sweep of {axis.key}", 600)


def uncertainty(result: UncertaintyResult) -> Figure:
    """The distribution of orbit/ground over the Monte Carlo draws, with P10/P50/P90 and parity."""
    import plotly.graph_objects as go

    ratio = result.outputs["orbit_to_ground_ratio"]
    feasible = result.outputs["feasible"] > 0
    finite = np.isfinite(ratio) & (ratio > 0)
    figure = go.Figure()
    for name, mask, color in (
        ("feasible draws", feasible & finite, ORBIT),
        ("draws breaking a budget", ~feasible & finite, GREY),
    ):
        if mask.any():
            figure.add_trace(
                go.Histogram(
                    x=np.log10(ratio[mask]),
                    name=name,
                    marker_color=color,
                    nbinsx=80,
                    hovertemplate="%{y} draws<extra></extra>",
                )
            )
    percentiles = result.percentiles()["orbit_to_ground_ratio"]
    for row, name in enumerate(("p10", "p50", "p90")):
        value = percentiles[name]
        if math.isfinite(value) and value > 0:
            figure.add_vline(x=math.log10(value), line_dash="dot", line_color="#333")
            figure.add_annotation(
                x=math.log10(value),
                y=1.0 - 0.07 * row,
                yref="paper",
                xanchor="left",
                text=f" {name.upper()} {value:.3g}×",
                showarrow=False,
            )
    figure.add_vline(x=0.0, line_color=GOOD, line_width=3, annotation_text="parity")
    shown = ratio[finite]
    low = min(float(shown.min()) if shown.size else 1.0, 0.9)
    high = max(float(shown.max()) if shown.size else 1.0, 1.1)
    ticks = _log_ticks(low, high)
    figure.update_xaxes(
        title_text="orbit / ground cost per PFLOP-day (log scale)",
        tickvals=[math.log10(v) for v in ticks],
        ticktext=[f"{v:g}×" for v in ticks],
    )
    figure.update_yaxes(title_text="draws")
    figure.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.18})
    low, high = result.p_orbit_wins_interval
    return _layout(
        figure,
        f"{result.samples:,} draws: P(orbit beats the ground) = {result.p_orbit_wins:.1%} "
        f"(95 %: {low:.1%}–{high:.1%})",
        440,
    )


def percentile_rows(result: UncertaintyResult) -> list[list[str]]:
    """Rows metric, P10, P50, P90 for the report's table, each value with its unit (as the
    results schema declares it): $402.7/PFLOP-day, 25.1 days, 1.904 MW."""
    from skyrack.numbers import format_quantity
    from skyrack.output import value_unit

    rows = []
    for key, stats in result.percentiles().items():
        unit = value_unit(key)
        cells = [format_quantity(stats[p], unit) for p in ("p10", "p50", "p90")]
        rows.append([re.sub(r" \[[^]]*\]$", "", label(key)), *cells])  # the cells say it
    return rows
