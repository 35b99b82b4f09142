"""The business case's figures: the NPV bridge adds up to the NPV, the cash-flow chart shows
every flow of both businesses, and the report carries both with the measures in words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skyrack.business.case import business_case
from skyrack.business.figures import GROUPS, cash_flow_figure, npv_bridge_figure
from skyrack.business.settings import Business
from skyrack.runner import run_study
from skyrack.study import load_study
from toy_design import toy_design


def test_npv_bridge_steps_add_up_to_each_businesss_npv() -> None:
    """The present values of the flows sum to the NPV, and the bridge ends on it."""
    case = business_case(toy_design(), Business())
    figure = npv_bridge_figure(case.as_dict())
    for trace, measures in zip(
        figure.data, (case.orbit_measures, case.ground_measures), strict=True
    ):
        assert sum(measures.pv_usd.values()) == pytest.approx(measures.npv_usd, rel=1e-9)
        assert sum(trace.y[:-1]) == pytest.approx(measures.npv_usd / 1e9, rel=1e-9)
        assert trace.x[-1] == "NPV"


def test_cash_flow_chart_stacks_every_flow_in_its_group_and_the_cumulative_net() -> None:
    """Each business's flows are bars by year in their groups, summing to its net cash flow
    each year, with one cumulative net line each ending on the total."""
    case = business_case(toy_design(), Business())
    figure = cash_flow_figure(case.as_dict())
    names = {trace.name for trace in figure.data}
    assert {"revenue", "launch", "satellite hardware", "facility", "energy"} <= names
    assert names <= {*GROUPS, "cumulative net"}
    for axis, flows in (("x", case.orbit), ("x2", case.ground)):
        bars = [t for t in figure.data if t.type == "bar" and t.xaxis == axis]
        yearly = sum(sum(bar.y) for bar in bars)
        assert yearly == pytest.approx(flows.net_usd.sum() / 1e9, rel=1e-9)
        (line,) = [t for t in figure.data if t.name == "cumulative net" and t.xaxis == axis]
        assert line.y[-1] == pytest.approx(flows.net_usd.sum() / 1e9)


def test_cash_flows_read_back_from_their_columns() -> None:
    """CashFlows.from_columns inverts columns(): the annual flows of metrics.json rebuild the
    same revenue, capital, operating flows and net."""
    annual = business_case(toy_design(), Business()).orbit.annual()
    again = type(annual).from_columns({k: v.tolist() for k, v in annual.columns().items()})
    assert again.start_year == annual.start_year and again.step_years == 1.0
    assert dict(again.items()).keys() == dict(annual.items()).keys()
    assert again.net_usd == pytest.approx(annual.net_usd, rel=1e-12)


def test_the_report_shows_the_business_case_in_words_and_figures(tmp_path: Path) -> None:
    """A study's report has the business case after the budgets: NPV, IRR, payback and peak
    funding of both businesses as in metrics.json, then the cash flows and the NPV bridge."""
    outcome = run_study(load_study(Path("studies/obsolescence.toml")), tmp_path / "o")
    page = (outcome.folder / "report.html").read_text(encoding="utf-8")
    titles = re.findall(r"<section id=\"[^\"]+\"><h2>([^<]+)</h2>", page)
    at = titles.index("Business case")
    assert titles[at - 1 : at + 3] == [
        "Budgets",
        "Business case",
        "Cash flows and NPV bridge",
        "Sensitivity",
    ]
    orbit = outcome.business.orbit_measures
    assert f"its NPV is -${-orbit.npv_usd / 1e9:,.2f}B" in page
    assert "never pays back" in page and "undefined" in page  # no sign change: no IRR
    section = page[page.index('id="cash-flows-and-npv-bridge"') :]
    assert section.count('class="plotly-graph-div"') >= 2
    assert "NPV bridge: present values at 7 %\\u002fyr" in section  # JSON-escaped
