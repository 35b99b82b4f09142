"""The business case's section of the HTML report (a section provider, see
:mod:`skyrack.report.sections`): the measures in words, the cash flows by year and the NPV
bridge, all read from the ``business`` part of metrics.json."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Any

from skyrack.business.figures import cash_flow_figure, npv_bridge_figure
from skyrack.business.words import describe_irr, years
from skyrack.numbers import format_usd
from skyrack.report.page import table
from skyrack.report.sections import ReportContext, Section

ORDER = 40.0
"""After the physical budgets (30), before the sensitivity (50)."""


def _card(label: str, value: str, css: str) -> str:
    return (
        f'<div class="card {css}"><div class="label">{html.escape(label)}</div>'
        f'<div class="value">{html.escape(value)}</div></div>'
    )


def _measure_rows(business: Mapping[str, Any]) -> list[list[str]]:
    orbit, ground = business["orbit"], business["ground"]
    rows = [
        ("NPV", format_usd, "npv_usd"),
        ("discounted payback", years, "discounted_payback_years"),
        ("peak funding need", format_usd, "peak_funding_usd"),
        ("revenue (undiscounted)", format_usd, "revenue_usd"),
        ("capital spent (undiscounted)", format_usd, "capex_usd"),
    ]
    table_rows = [[label, show(orbit[key]), show(ground[key])] for label, show, key in rows]
    table_rows.insert(1, ["IRR", describe_irr(orbit), describe_irr(ground)])
    return table_rows


def _words(business: Mapping[str, Any]) -> str:
    settings, orbit, ground = business["settings"], business["orbit"], business["ground"]
    prices = business["market"]["price_usd_per_pflop_hour"]
    (start, price_start), (end, price_end) = prices.items()
    per_hour = settings["reference_accelerator_tflops"] / 1e3
    payback = orbit["discounted_payback_years"]
    verdict = (
        f"The orbital business pays back after {years(payback)}"
        if payback is not None
        else f"The orbital business never pays back within {settings['horizon_years']:g} years"
    )
    ground_name = (
        "The same capital on the ground"
        if settings["ground_sizing"] == "same_capital"
        else "As many accelerators on the ground"
    )
    return (
        f"{verdict}: its NPV is {format_usd(orbit['npv_usd'])} (IRR "
        f"{describe_irr(orbit)}) and it needs {format_usd(orbit['peak_funding_usd'])} of "
        f"funding at its deepest. {ground_name} is worth {format_usd(ground['npv_usd'])} (IRR "
        f"{describe_irr(ground)}, payback {years(ground['discounted_payback_years'])}).\n\n"
        f"An H100-class hour sells for ${price_start * per_hour:,.3g} in {start} and "
        f"${price_end * per_hour:,.3g} in {end} ({settings['roadmap']} roadmap, occupancy "
        f"{100 * settings['occupancy']:g} %): the price of compute falls as the frontier's "
        f"price-performance improves, so every fleet earns less each year it flies. "
        f"{_refresh_words(business)}"
    )


def _refresh_words(business: Mapping[str, Any]) -> str:
    """What refreshing the replacement fleets is worth, or that there are none."""
    if len(business["orbit_campaigns"]) == 1:
        return "The orbit flies one fleet and never replaces it."
    refresh = business["refresh_value_usd"]
    npv = business["orbit"]["npv_usd"]
    refreshed = business["settings"]["orbit_refresh"]
    with_refresh, without = (npv, npv - refresh) if refreshed else (npv + refresh, npv)
    return (
        "Refreshing the replacement fleets with the frontier's accelerators is worth "
        f"{format_usd(refresh)} of orbital NPV ({format_usd(with_refresh)} with refresh, "
        f"{format_usd(without)} when they repeat the first fleet's part)."
    )


SPREAD_ROWS = (
    ("NPV", "npv_usd", format_usd),
    ("IRR (where defined)", "irr_per_year", lambda rate: f"{100 * rate:.2f} %/yr"),
    ("discounted payback (where reached)", "discounted_payback_years", years),
    ("peak funding need", "peak_funding_usd", format_usd),
    ("value of refresh", "refresh_value_usd", format_usd),
    ("ground NPV (bought with each replication's capital)", "ground_npv_usd", format_usd),
)


def _spread_table(spread: Mapping[str, Mapping[str, float]]) -> str:
    """The orbital measures over the replications: mean, P10, P50, P90 and how many runs."""
    runs = spread["npv_usd"]["count"]
    rows = []
    for label, key, show in SPREAD_ROWS:
        s = spread[key]
        if s["count"] == 0:
            rows.append([label, "none", "", "", "", f"0/{runs}"])
            continue
        quantiles = (show(s[q]) for q in ("mean", "p10", "p50", "p90"))
        rows.append([label, *quantiles, f"{s['count']}/{runs}"])
    header = ["measure over the replications", "mean", "P10", "P50", "P90", "runs"]
    return table(header, rows, numeric=(1, 2, 3, 4, 5))


def sections(context: ReportContext) -> list[Section]:
    """The business case: measures, cash flows by year and the NPV bridge."""
    business = context.document.get("business")
    if not business:
        return []
    settings = business["settings"]
    orbit, ground = business["orbit"], business["ground"]
    cards = "".join(
        (
            _card(
                "orbit NPV",
                format_usd(orbit["npv_usd"]),
                "good" if orbit["npv_usd"] >= 0 else "bad",
            ),
            _card(
                "ground NPV (same capital)"
                if settings["ground_sizing"] == "same_capital"
                else "ground NPV (same accelerators)",
                format_usd(ground["npv_usd"]),
                "good" if ground["npv_usd"] >= 0 else "bad",
            ),
            _card("orbit IRR", describe_irr(orbit, short=True), "orbit"),
            _card("orbit discounted payback", years(orbit["discounted_payback_years"]), "orbit"),
            _card("orbit peak funding need", format_usd(orbit["peak_funding_usd"]), "orbit"),
        )
    )
    campaigns = [
        [
            f"{c['calendar_year']:g}",
            f"{c['throughput_scale']:,.3g}×",
            f"{c['accelerator_cost_scale']:,.3g}×",
        ]
        for c in business["orbit_campaigns"]
    ]
    rate = 100 * business["discount_rate_per_year"]
    first = business["annual_cash_flows"]["orbit"]["calendar_year"][0]
    spread = business.get("orbit_replications")
    fleet = (
        f"The orbital fleet is the simulation's, as flown in each of its "
        f"{spread['npv_usd']['count']} replications (its policy launches every satellite; "
        "campaign dates say which accelerators they carry); the measures are those of the "
        "mean cash flows, their spread over the replications is in the second table. "
        if spread
        else "The orbital fleet is the analytic evaluator's expected fleet, launched again at "
        "each campaign. "
    )
    intro = (
        "What the orbital fleet earns selling its compute, against the ground business "
        f"({math.floor(business['ground_accelerators']):,} accelerators, "
        f"{settings['ground_sizing'].replace('_', ' ')}), valued at {rate:g}%/yr over "
        f"{settings['horizon_years']:g} years from the first launch in {first:g}. Real USD; "
        f"equations in docs/economics.md. {fleet}"
    )
    measures = table(["measure", "orbit", "ground"], _measure_rows(business), numeric=(1, 2))
    campaign_table = table(
        [
            "orbital campaign",
            "accelerator throughput (× the design's payload)",
            "accelerator price (× the design's payload)",
        ],
        campaigns,
        numeric=(1, 2),
    )
    return [
        Section(
            title="Business case",
            order=ORDER,
            intro=f"{intro}\n\n{_words(business)}",
            html=f'<div class="cards">{cards}</div>{measures}'
            + (_spread_table(spread) if spread else ""),
        ),
        Section(
            title="Cash flows and NPV bridge",
            order=ORDER,
            intro="Each business's cash flows year by year (capital as spent, no depreciation) "
            "and the present value of each flow, from revenue to the NPV. Orbital launch "
            "campaigns and the accelerators each one buys, relative to the design's payload, "
            "are in the table below.",
            figures=(cash_flow_figure(business), npv_bridge_figure(business)),
            html=campaign_table,
        ),
    ]
