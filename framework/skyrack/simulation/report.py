"""The fleet simulation's section of the HTML report (a section provider, see
:mod:`skyrack.report.sections`): the fan of the replications' operating power and satellites
against the analytic expected fleet, the spread of each metric and the fleet year by year, read
from the results folder's ``simulation/summary.csv`` and metrics.json's ``simulation`` document.

:func:`fan_figure` is a plain function of that data, for a notebook as much as for the report.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from skyrack.report.page import table
from skyrack.report.sections import ReportContext, Section
from skyrack.simulation import words
from skyrack.simulation.output import FILES

if TYPE_CHECKING:
    from plotly.graph_objects import Figure

    from skyrack.timeline import FleetTimeline

FloatArray = npt.NDArray[np.float64]
Spreads = Mapping[str, Mapping[str, FloatArray]]

ORDER = 25.0
"""After the analytic fleet timeline (20), before the budgets (30)."""
POINTS = 500
"""Most points drawn per line (a ten-year daily history has 3,652 steps)."""
STATISTICS = ("mean", "standard_error", "p10", "p50", "p90")


def read_summary(path: Path) -> tuple[FloatArray, dict[str, dict[str, FloatArray]]]:
    """``summary.csv``: the step ends [yr] and, for each series, its per-step ``mean``,
    ``standard_error``, ``p10``, ``p50`` and ``p90`` over the replications."""
    columns: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            series = columns[row["series"]]
            series["time_years"].append(float(row["time_years"]))
            for name in STATISTICS:
                series[name].append(float(row[name]))
    spreads = {
        name: {key: np.array(values) for key, values in series.items()}
        for name, series in columns.items()
    }
    time = next(iter(spreads.values()))["time_years"]
    return time, spreads


def fan_figure(
    time_years: FloatArray,
    spreads: Spreads,
    *,
    target_power_w: float,
    target_satellites: int,
    expected: FleetTimeline | None = None,
) -> Figure:
    """Operating power and satellites over time: each series' P10–P90 band over the
    replications, its median and mean, the analytic ``expected`` fleet and the target."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    from skyrack.report.figures import ORBIT, _layout

    every = max(1, len(time_years) // POINTS)
    t = time_years[::every]
    scale, unit = (1e9, "GW") if target_power_w >= 1e9 else (1e6, "MW")
    figure = make_subplots(
        rows=2,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.09,
        subplot_titles=("operating payload power", "satellites"),
    )
    panels = (
        (1, "operating_power_w", scale, unit, target_power_w / scale),
        (2, "satellites_operating", 1.0, "satellites", float(target_satellites)),
    )
    for row, name, divisor, unit_label, target in panels:
        spread = {key: values[::every] / divisor for key, values in spreads[name].items()}
        figure.add_trace(
            go.Scatter(x=t, y=spread["p90"], line={"width": 0}, showlegend=False, hoverinfo="skip"),
            row=row,
            col=1,
        )
        figure.add_trace(
            go.Scatter(
                x=t,
                y=spread["p10"],
                fill="tonexty",
                fillcolor="rgba(52,101,164,0.2)",
                line={"width": 0},
                name="P10–P90 of the replications",
                legendgroup="band",
                showlegend=row == 1,
                hoverinfo="skip",
            ),
            row=row,
            col=1,
        )
        lines = [
            (t, spread["p50"], "median (P50)", {"color": ORBIT, "width": 2.5}),
            (t, spread["mean"], "mean", {"color": ORBIT, "width": 1.2, "dash": "dash"}),
        ]
        if expected is not None:
            analytic = expected.series(name) / divisor
            style = {"color": "#888", "width": 1.5, "dash": "dot"}
            lines.append((expected.time_years, analytic, "analytic expected fleet", style))
        for x, y, label, line in lines:
            figure.add_trace(
                go.Scatter(
                    x=x,
                    y=y,
                    line=line,
                    name=label,
                    legendgroup=label,
                    showlegend=row == 1,
                    hovertemplate=f"%{{x:.2f}} yr: %{{y:,.3g}} {unit_label}<extra>{label}</extra>",
                ),
                row=row,
                col=1,
            )
        figure.add_hline(y=target, line={"color": "black", "width": 0.8, "dash": "dash"}, row=row)
        figure.update_yaxes(title_text=unit_label, rangemode="tozero", row=row, col=1)
    figure.update_xaxes(title_text="years from the first launch", row=2, col=1)
    figure.update_xaxes(range=[0.0, float(time_years[-1])])
    return _layout(figure, "Simulated fleet over time (dashed black: the target)", 640)


def sections(context: ReportContext) -> list[Section]:
    """The simulated fleet: fan of replications, spread of each metric, yearly means."""
    simulation = context.document.get("simulation")
    if not simulation or simulation["replications_completed"] == 0:
        return []
    from skyrack.expected_timeline import fleet_timeline

    time_years, spreads = read_summary(context.folder / FILES["summary"])
    horizon_years = simulation["settings"]["horizon_years"]
    expected = fleet_timeline(
        context.study.design, step_years=horizon_years / 200, horizon_years=horizon_years
    )
    metrics = context.metrics
    figure = fan_figure(
        time_years,
        spreads,
        target_power_w=expected.target_power_w,
        target_satellites=round(metrics.values["satellites"]),
        expected=expected,
    )
    lcoc = simulation["metrics"]["lcoc_usd_per_pflop_day"]
    net = simulation["metrics"]["lcoc_net_of_residual_usd_per_pflop_day"]
    peak = simulation["metrics"]["peak_fraction_of_target"]
    cost = (
        f"a PFLOP-day costs ${lcoc['mean']:,.2f} on average levelized over the "
        f"{horizon_years:g} simulated years, ${net['mean']:,.2f} net of the value of the "
        "hardware still serving at the horizon (what the verdict against the ground reads), "
        f"against ${metrics.lcoc_usd_per_pflop_day:,.2f} for the analytic evaluator's whole "
        "fleet over its whole life"
        if lcoc["count"] and net["count"]
        else "nothing is delivered within the horizon"
    )
    intro = (
        f"{words.title(simulation)}. Each replication flies the fleet day by day: launches at "
        "the vehicles' cadence that fail and stand the vehicle down, a factory that ramps up, "
        "satellites and accelerators that fail, arrays that degrade, the policy's replacements "
        "and retirements, and the events. The band holds the middle 80 % of the replications; "
        "the dotted line is the analytic evaluator's expected fleet, deployed once at the "
        "vehicle's cadence and retired at its design life (no replacements, stand-downs, "
        "factory limit or events).\n\n"
        f"At its peak the fleet operates {100 * peak['mean']:.1f} % of its target power on "
        f"average; {cost}. Every replication's history is in {FILES['history']}, the spread of "
        f"every series in {FILES['summary']}."
    )
    html = table(list(words.METRIC_HEADER), words.metric_rows(simulation), numeric=(1, 2, 3, 4))
    html += f"<h3>{words.YEARLY_TITLE}</h3>" + table(
        list(words.YEARLY_HEADER), words.yearly_rows(simulation), numeric=tuple(range(1, 8))
    )
    return [
        Section(title="Simulated fleet", order=ORDER, intro=intro, figures=(figure,), html=html)
    ]
