"""The report's built-in sections, each a provider (see :mod:`skyrack.report.sections`)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.explore.uncertainty import ratio_text, verdict_sentences
from skyrack.numbers import format_usd, format_value
from skyrack.report import figures
from skyrack.report.page import table
from skyrack.report.sections import ReportContext, Section

if TYPE_CHECKING:
    from skyrack.design import Design
    from skyrack.explore.sensitivity import Tornado

MAP_POINTS = (121, 101)


def study_comment(path: Path | None) -> str:
    """The comment block a study file opens with (its question and answer), as plain text."""
    if path is None:
        return ""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return ""
    comment: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        comment.append(stripped.lstrip("#").strip())
    text = "\n".join(comment)
    for word in ("Question:", "Answer"):  # each starts a paragraph
        text = text.replace(f"\n{word}", f"\n\n{word}")
    return text


def _card(label: str, value: str, css: str = "") -> str:
    return (
        f'<div class="card {css}"><div class="label">{html.escape(label)}</div>'
        f'<div class="value">{html.escape(value)}</div></div>'
    )


def question(context: ReportContext) -> list[Section]:
    """The study's question and answer, the verdict and the headline figures."""
    metrics = context.metrics
    ratio = metrics.orbit_to_ground_ratio
    cards = [
        _card("orbit, USD per PFLOP-day", f"${metrics.lcoc_usd_per_pflop_day:,.2f}", "orbit"),
        _card(
            "ground, USD per PFLOP-day", f"${metrics.ground_lcoc_usd_per_pflop_day:,.2f}", "ground"
        ),
        _card("orbit / ground", f"{ratio:.2f}×", "good" if ratio < 1 else "bad"),
        _card(
            "per accelerator-hour, orbit vs ground",
            f"${metrics.usd_per_accelerator_hour:,.2f} vs "
            f"${metrics.ground_usd_per_accelerator_hour:,.2f}",
        ),
    ]
    if context.uncertainty is not None and context.uncertainty.inputs:
        p = context.uncertainty.p_orbit_wins
        cards.append(_card("P(orbit beats the ground)", f"{p:.1%}", "good" if p >= 0.5 else "bad"))
    design = context.study.design
    described = (
        f"{design.launch_vehicle.name} · {design.satellite_bus.name} · "
        f"{design.compute_payload.name} × {design.sizing.accelerators_per_satellite} per "
        f"satellite · {metrics.values['satellites']:,.0f} satellites · {design.orbit.name} vs "
        f"{design.ground_baseline.name}"
    )
    body = (
        f'<div class="cards">{"".join(cards)}</div>'
        f'<p class="verdict">Verdict: {html.escape(metrics.verdict())}</p>'
        f'<p class="source">{html.escape(described)}</p>'
    )
    intro = study_comment(context.study.path) or context.study.info.description
    return [Section(title="Question and verdict", order=0, intro=intro, html=body)]


def costs(context: ReportContext) -> list[Section]:
    """The cost waterfall, orbit against ground, per PFLOP-day."""
    metrics = context.metrics
    total = sum(metrics.waterfall_pv_usd.values())
    rows = [
        [name.replace("_", " "), format_usd(value), f"{100 * value / total:.1f}%" if total else ""]
        for name, value in metrics.largest_costs(len(metrics.waterfall_pv_usd))
        if value > 0
    ]
    intro = (
        "Present-value cost of the orbital fleet per present-value PFLOP-day of dense BF16 "
        "delivered, category by category, beside the same accelerators in the ground baseline."
    )
    return [
        Section(
            title="Cost waterfall",
            order=10,
            intro=intro,
            figures=(figures.waterfall(metrics),),
            html=table(["orbital cost (present value)", "USD", "share"], rows, numeric=(1, 2)),
        )
    ]


def fleet_timeline(context: ReportContext) -> list[Section]:
    """The expected fleet, year by year (analytic)."""
    from skyrack.expected_timeline import fleet_timeline as expected

    timeline = expected(context.study.design)
    metrics = context.metrics

    def years(value: float | None) -> str:
        if value is None:
            return "never"
        if value < 1 / 12:
            return f"{value * 365.25:.0f} days"
        return f"{value * 12:.1f} months" if value < 1 else f"{value:.1f} years"

    intro = (
        "The analytic evaluator's expected fleet: launches at the vehicle's cadence, satellites "
        "failing and retiring, and what is spent when. "
        f"Half the fleet's payload power operates after "
        f"{years(metrics.time_to_50_percent_power_years)}, 90 % after "
        f"{years(metrics.time_to_90_percent_power_years)}; at most "
        f"{100 * metrics.peak_fleet_share:.0f}% of the fleet operates at once."
    )
    return [
        Section(
            title="Fleet timeline",
            order=20,
            intro=intro,
            figures=(figures.timeline(timeline),),
        )
    ]


def budgets(context: ReportContext) -> list[Section]:
    """The physical budgets as bars."""
    broken = [b.name for b in context.metrics.budgets if b.broken]
    intro = "How much of each physical limit one satellite, one launch and the campaign use. " + (
        "Broken: " + ", ".join(broken) + "." if broken else "Every budget holds."
    )
    return [
        Section(title="Budgets", order=30, intro=intro, figures=(figures.budgets(context.metrics),))
    ]


def sensitivity(context: ReportContext) -> list[Section]:
    """A tornado over the study's uncertain inputs."""
    from skyrack.explore.sensitivity import tornado
    from skyrack.explore.uncertainty import uncertain_inputs

    inputs = uncertain_inputs(context.study.design, context.study.uncertainty)
    if not inputs:
        return [
            Section(
                title="Sensitivity",
                order=50,
                intro="The study has no uncertain inputs (no catalog estimates with a range and "
                "no [uncertainty] distributions), so there is nothing to swing.",
            )
        ]
    result = tornado(context.study.design, inputs)
    intro = (
        f"Each of the {len(inputs)} uncertain inputs alone at the two ends of its plausible "
        "range, every other one at the study's value. `skyrack sensitivity` adds Sobol "
        "indices, which count interactions too."
    )
    note = whole_launch_note(context.study.design, result)
    return [
        Section(
            title="Sensitivity",
            order=50,
            intro=intro,
            figures=(figures.tornado(result),),
            html=f'<p class="note">{html.escape(note)}</p>' if note else "",
        )
    ]


def whole_launch_note(design: Design, result: Tornado) -> str:
    """A note for the bars that are step-limited: inputs that change how many whole satellites
    fit on one launch, so that the cost moves by whole launches and several inputs crossing the
    same step give identical bars ("" when no bar does)."""
    from skyrack.explore.batch import evaluate_flat

    key = "satellites_per_launch"
    study = float(evaluate_flat(design, {}, [key])[key][0])
    stepped: dict[str, tuple[float, float]] = {}
    for bar in result.bars:
        ends = evaluate_flat(design, {bar.key: [bar.low, bar.high]}, [key])[key]
        if any(end != study for end in ends):
            stepped[bar.key] = (float(min(ends)), float(max(ends)))
    if not stepped:
        return ""
    low = min(low for low, _ in stepped.values())
    high = max(high for _, high in stepped.values())
    names = ", ".join(stepped)
    return (
        f"Step-limited bars: {names} change how many satellites fit on one launch ({study:g} "
        f"at the study's values, {low:g} to {high:g} at their ends), so the cost moves by "
        "whole launches: inputs that cross the same step give bars of identical length, and a "
        "bar shows that step rather than a smooth trend (a smaller change may move nothing)."
    )


def breakeven_axes(context: ReportContext) -> list[str]:
    """The map's axes: launch price per kg × the ground's energy price, the two prices the
    debate turns on, each spanning the study's own value."""
    from skyrack.parameters import parameter_value

    if context.study.report.breakeven_map is not None:
        return list(context.study.report.breakeven_map)
    design = context.study.design
    price = parameter_value(design, "launch_vehicle.price_usd_per_kg")
    energy = parameter_value(design, "ground_baseline.energy_price_usd_per_mwh")
    return [
        f"launch_vehicle.price_usd_per_kg={min(1.0, price / 3):g}:{max(10_000.0, price * 3):g}"
        f":{MAP_POINTS[0]}:log",
        f"ground_baseline.energy_price_usd_per_mwh={min(10.0, energy / 3):g}:"
        f"{max(3_000.0, energy * 3):g}:{MAP_POINTS[1]}:log",
    ]


def breakeven_map(context: ReportContext) -> list[Section]:
    """Orbit/ground over launch price per kg × accelerator failure rate."""
    from skyrack.explore.sweep import sweep

    result = sweep(context.study.design, breakeven_axes(context))
    x_key, y_key = (axis.key for axis in result.axes)
    curve = result.breakeven_curve()
    if curve:
        picks = sorted({curve[0], curve[len(curve) // 2], curve[-1]}, key=lambda p: p[1])
        x_unit, y_unit = (result.units.get(key, "") for key in (x_key, y_key))
        points = "; ".join(
            f"{figures.number(y)} {y_unit} with {figures.number(x)} {x_unit}" for x, y in picks
        )
        parity = f"Orbit matches the ground along the black line, e.g. at {points}."
    else:
        parity = "Orbit does not reach parity anywhere on this map."
    intro = (
        f"The orbit/ground ratio over {x_key} and {y_key}, every other input at the study's "
        f"value ({result.ratio.size:,} designs; grey: a physical budget breaks). {parity} "
        "`skyrack sweep` draws a map of any two inputs."
    )
    return [
        Section(title="Breakeven map", order=60, intro=intro, figures=(figures.sweep_map(result),))
    ]


def uncertainty(context: ReportContext) -> list[Section]:
    """The Monte Carlo distribution of the verdict and the percentiles of every metric."""
    result = context.uncertainty
    simulated = context.document.get("uncertainty", {}).get("simulated")
    ensemble = _ensemble_sentence(simulated) if simulated else ""
    if result is None or not result.inputs:
        if not ensemble:
            return []
        return [Section(title="Uncertainty", order=70, intro=ensemble)]
    rows = figures.percentile_rows(result)
    inputs = [[item.key, item.distribution.describe(), item.origin] for item in result.inputs]
    low, high = result.p_orbit_wins_interval
    intro = (
        f"{result.samples:,} designs drawn from {len(result.inputs)} uncertain inputs (seed "
        f"{result.seed}). Orbit beats the ground — feasible and cheaper per PFLOP-day — in "
        f"{result.p_orbit_wins:.1%} of the draws (95 % interval {low:.1%}–{high:.1%}). "
        + verdict_sentences(result)
        + (f"\n\n{ensemble}" if ensemble else "")
    )
    tables = table(["metric", "P10", "P50", "P90"], rows, numeric=(1, 2, 3)) + table(
        ["uncertain input", "distribution", "where the range comes from"], inputs, keys=(0,)
    )
    return [
        Section(
            title="Uncertainty",
            order=70,
            intro=intro,
            figures=(figures.uncertainty(result),),
            html=tables,
        )
    ]


def _ensemble_sentence(simulated: dict[str, Any]) -> str:
    ratio = {key: ratio_text(value) for key, value in simulated["orbit_to_ground_ratio"].items()}
    low, high = simulated["p_orbit_wins_95"]
    return (
        f"The fleet simulation's {simulated['replications']} replications (launch failures, "
        "stand-downs, events, replacements; the catalog values held fixed) put orbit at "
        f"{ratio['p10']}–{ratio['p90']}× the ground (P10–P90, median "
        f"{ratio['p50']}×); orbit is cheaper in {simulated['p_orbit_wins']:.0%} of them "
        f"(95 % interval {low:.0%}–{high:.0%})."
    )


def assumptions(context: ReportContext) -> list[Section]:
    """Every number of the design with its unit and source."""
    from skyrack.describe import cite, describe_fields, source_as_dict
    from skyrack.design import ECONOMICS_SOURCES, SIZING_SOURCES

    design = context.study.design
    rows: list[list[str]] = []
    for kind, component in design.components().items():
        for row in describe_fields(component):
            if row["source"] is None:
                continue
            rows.append(
                [
                    f"{kind}.{row['field']}",
                    format_value(row["value"], name=row["field"]),
                    row["unit"],
                    cite(row["source"], where=True, note=True).replace("\n", " · "),
                ]
            )
    origin = f"study file {context.study.path.name}" if context.study.path else "the study"
    for section, values, sources in (
        ("sizing", design.sizing, SIZING_SOURCES),
        ("economics", design.economics, ECONOMICS_SOURCES),
    ):
        for field in attrs.fields(type(values)):
            value = getattr(values, field.name)
            if value is None:
                continue
            source = sources.get(field.name)
            from_default = value == field.default and source is not None
            cited = cite(source_as_dict(source)).replace("\n", " · ") if from_default else origin
            rows.append(
                [
                    f"{section}.{field.name}",
                    format_value(value, name=field.name),
                    field.metadata.get("unit", ""),
                    cited,
                ]
            )
    intro = (
        "Every number the evaluation used, with its unit and where it comes from; an estimate "
        "says so, how it was derived and its plausible range."
    )
    return [
        Section(
            title="Assumptions and sources",
            order=100,
            intro=intro,
            html=table(
                ["number", "value", "unit", "source"], rows, numeric=(1,), keys=(0,), units=(2,)
            ),
        )
    ]
