"""The human summary ``skyrack run`` prints: headline, waterfall, satellite budgets."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from skyrack.budgets import format_number
from skyrack.business.case import BusinessCase
from skyrack.cli.output import safe_console
from skyrack.metrics import Metrics
from skyrack.numbers import format_duration, format_usd
from skyrack.study import Study
from skyrack.text import printable

_usd = format_usd  # the name the summaries use


def _waterfall(title: str, costs: dict[str, float]) -> Table:
    """Present-value costs, largest first, with their share and the total."""
    total = sum(costs.values())
    table = Table("cost (present value)", "USD", "share", title=title)
    for name, value in sorted(costs.items(), key=lambda item: -item[1]):
        if value > 0:
            share = f"{100 * value / total:.1f}%" if total > 0 else ""
            table.add_row(name.replace("_", " "), _usd(value), share)
    table.add_row("[bold]total[/bold]", f"[bold]{_usd(total)}[/bold]", "100%" if total > 0 else "")
    return table


def print_summary(
    study: Study,
    metrics: Metrics,
    console: Console | None = None,
    *,
    business: BusinessCase | None = None,
) -> None:
    """Print the study's answer: LCOC orbit vs ground, largest costs, budgets, verdict, and
    the business case when given."""
    console = console or safe_console()
    v = metrics.values
    design = study.design
    console.print(f"[bold]{escape(printable(study.info.name))}[/bold]")
    if study.info.description:
        console.print(printable(study.info.description.strip(), multiline=True), markup=False)
    console.print(
        f"{design.launch_vehicle.name} · {design.satellite_bus.name} · "
        f"{design.compute_payload.name} × {design.sizing.accelerators_per_satellite} · "
        f"{design.orbit.name} vs {design.ground_baseline.name}\n",
        markup=False,
    )

    head = Table("metric", "orbit", "ground", title="Levelized cost of compute (dense BF16)")
    head.add_row(
        "USD per PFLOP-day",
        f"{metrics.lcoc_usd_per_pflop_day:,.2f}",
        f"{metrics.ground_lcoc_usd_per_pflop_day:,.2f}",
    )
    head.add_row(
        "USD per accelerator-hour",
        f"{metrics.usd_per_accelerator_hour:,.3f}",
        f"{metrics.ground_usd_per_accelerator_hour:,.3f}",
    )
    head.add_row("orbit / ground", f"{metrics.orbit_to_ground_ratio:,.2f}×", "")
    head.add_row("USD per W deployed", f"{metrics.usd_per_w_deployed:,.2f}", "")
    head.add_row("USD per MWh of compute energy", f"{metrics.usd_per_mwh:,.0f}", "")
    head.add_row(
        "kg CO2 per PFLOP-day",
        f"{v['co2_kg_per_pflop_day']:,.3g}",
        f"{v['ground_co2_kg_per_pflop_day']:,.3g}",
    )
    console.print(head)

    fleet = Table("fleet", "value", title="Fleet")
    fleet.add_row("satellites", f"{v['satellites']:,.0f}")
    fleet.add_row("accelerators", f"{v['fleet_accelerators']:,.0f}")
    fleet.add_row("payload power launched", f"{v['fleet_payload_power_w'] / 1e6:,.2f} MW")
    fleet.add_row(
        "peak operating power",
        f"{metrics.peak_operating_power_w / 1e6:,.2f} MW "
        f"({100 * metrics.peak_fleet_share:.1f}% of the fleet at once)",
    )
    fleet.add_row(
        "time to 50% / 90% of fleet power",
        f"{format_duration(metrics.time_to_50_percent_power_years)} / "
        f"{format_duration(metrics.time_to_90_percent_power_years)}",
    )
    by_mass, by_volume = (
        next(b for b in metrics.budgets if b.name == name).utilization
        for name in ("launch fill by mass", "launch fill by volume")
    )
    fleet.add_row(
        "satellites per launch",
        f"{v['satellites_per_launch']:,.0f} ({'mass' if by_mass >= by_volume else 'volume'} "
        f"limits: {100 * by_mass:.0f}% full by mass, {100 * by_volume:.0f}% by volume)",
    )
    fleet.add_row("launches (expected)", f"{v['launches']:,.1f}")
    fleet.add_row("deployment", format_duration(v["deployment_years"]))
    console.print(fleet)

    console.print(_waterfall("Cost waterfall, orbit", metrics.waterfall_pv_usd))
    console.print(_waterfall("Cost waterfall, ground", metrics.ground_waterfall_pv_usd))

    sat = Table("satellite", "value", title="One satellite")
    sat.add_row("payload power", f"{v['payload_power_w'] / 1e3:,.2f} kW")
    sat.add_row(
        "array (BOL)", f"{v['array_bol_power_w'] / 1e3:,.2f} kW, {v['array_area_m2']:,.1f} m²"
    )
    sat.add_row(
        "radiator", f"{v['radiator_area_m2']:,.1f} m² at {design.sizing.radiator_temperature_k:g} K"
    )
    for part in ("array", "battery", "radiator", "shielding", "accelerator", "propellant"):
        sat.add_row(f"{part} mass", f"{v[f'{part}_mass_kg']:,.1f} kg")
    sat.add_row("wet mass", f"{v['wet_mass_kg']:,.1f} kg")
    sat.add_row("sunlight fraction", f"{1 - v['eclipse_fraction']:.3f}")
    sat.add_row("dose", f"{v['dose_rad_per_year']:,.0f} rad(Si)/yr")
    console.print(sat)

    budgets = Table("budget", "measures", "used", "limit", "use", title="Budgets")
    for b in sorted(metrics.budgets, key=lambda b: (not b.proportional, -b.utilization)):
        if b.proportional:
            used, limit = format_number(b.used), format_number(b.limit)
            use = f"{100 * b.utilization:.0f}%" + (" binding" if b.binding else "")
        else:
            used, limit, use = f"{b.used:g}", f"{b.limit:g}", "broken" if b.broken else "holds"
        budgets.add_row(b.name, b.measures, used, f"{limit} {b.unit}".strip(), use)
    console.print(budgets)
    console.print(f"[bold]Verdict:[/bold] {escape(metrics.verdict())}")
    if business is not None:
        print_business(business, console)


def print_business(case: BusinessCase, console: Console) -> None:
    """The business case: NPV, IRR, payback and funding of orbit and ground, the market, the
    orbital campaigns."""
    b = case.business
    start = case.orbit.start_year
    fleet = (
        f"the simulated fleet, mean of {case.replications['npv_usd'].count} replications"
        if case.replications
        else "the expected fleet"
    )
    console.print(
        f"\n[bold]Business case[/bold] ({fleet}; {escape(b.roadmap)} roadmap, "
        f"{100 * case.rate_per_year:g} %/yr discount rate, {b.horizon_years:g}-year horizon "
        f"from {start:g})"
    )
    ground_label = f"ground ({case.ground_accelerators:,.0f} accelerators, {b.ground_sizing})"
    table = Table("measure", "orbit", ground_label, title="Value of each business")
    o, g = case.orbit_measures, case.ground_measures
    table.add_row("NPV", _usd(o.npv_usd), _usd(g.npv_usd))
    table.add_row("IRR", o.irr.describe(), g.irr.describe())
    table.add_row(
        "discounted payback",
        format_duration(o.discounted_payback_years),
        format_duration(g.discounted_payback_years),
    )
    table.add_row("peak funding need", _usd(o.peak_funding_usd), _usd(g.peak_funding_usd))
    table.add_row("revenue (undiscounted)", _usd(o.revenue_usd), _usd(g.revenue_usd))
    table.add_row("capital spent (undiscounted)", _usd(o.capex_usd), _usd(g.capex_usd))
    console.print(table)
    if case.replications:
        _print_spread(case, console)
    reference = case.market.price_usd_per_accelerator_hour
    tflops = b.reference_accelerator_tflops
    end = start + b.horizon_years
    console.print(
        f"Market: an H100-class hour ({tflops:g} TFLOP/s) sells for "
        f"${float(reference(tflops, start)):,.3g} in {start:g} and "
        f"${float(reference(tflops, end)):,.3g} in {end:g}; occupancy {100 * b.occupancy:g} %.",
        markup=False,
    )
    campaigns = Table(
        "campaign", "throughput ×", "accelerator price ×", title="Orbital launch campaigns"
    )
    for v in case.vintages:
        campaigns.add_row(
            f"{v.calendar_year:g}", f"{v.throughput_scale:,.3g}", f"{v.accelerator_cost_scale:,.3g}"
        )
    console.print(campaigns)
    console.print(
        f"Refreshing the replacement fleets with the frontier's accelerators is worth "
        f"{_usd(case.refresh_value_usd)} of orbital NPV.",
        markup=False,
    )


def _print_spread(case: BusinessCase, console: Console) -> None:
    """A simulated study's spread of the orbital measures over its replications ("runs": those
    where the measure exists: an IRR is defined, the business pays back)."""
    table = Table(
        "orbital measure",
        "mean ± s.e.",
        "P10",
        "P50",
        "P90",
        "runs",
        title="Over the replications (the ground bought with each one's capital)",
    )
    runs = case.replications["npv_usd"].count
    rows: dict[str, tuple[str, Callable[[float], str]]] = {
        "npv_usd": ("NPV", _usd),
        "irr_per_year": ("IRR", lambda v: f"{100 * v:.2f} %/yr"),
        "discounted_payback_years": ("payback", format_duration),
        "peak_funding_usd": ("peak funding", _usd),
        "refresh_value_usd": ("refresh value", _usd),
        "ground_npv_usd": ("ground NPV", _usd),
    }
    for key, (label, show) in rows.items():
        spread = case.replications[key]
        if spread.count == 0:
            missing = "never" if key == "discounted_payback_years" else "undefined"
            table.add_row(label, missing, "", "", "", f"0/{runs}")
            continue
        error = f" ± {show(spread.standard_error)}" if spread.count > 1 else ""
        quantiles = (show(spread.p10), show(spread.p50), show(spread.p90))
        table.add_row(label, show(spread.mean) + error, *quantiles, f"{spread.count}/{runs}")
    console.print(table)
