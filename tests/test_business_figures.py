"""The business case's figures: the NPV bridge adds up to the NPV, the cash-flow chart shows
every flow of both businesses."""

from __future__ import annotations

import pytest

from skyrack.business.case import business_case
from skyrack.business.figures import cash_flow_figure, npv_bridge_figure
from skyrack.business.settings import Business
from toy_design import toy_design


def test_npv_bridge_steps_add_up_to_each_businesss_npv() -> None:
    """The present values of the flows sum to the NPV, and the bridge ends on it."""
    case = business_case(toy_design(), Business())
    figure = npv_bridge_figure(case)
    for trace, measures in zip(
        figure.data, (case.orbit_measures, case.ground_measures), strict=True
    ):
        assert sum(measures.pv_usd.values()) == pytest.approx(measures.npv_usd, rel=1e-9)
        assert sum(trace.y[:-1]) == pytest.approx(measures.npv_usd / 1e9, rel=1e-9)
        assert trace.x[-1] == "NPV"


def test_cash_flow_chart_has_a_bar_per_flow_and_the_cumulative_line() -> None:
    """Each business's flows are bars by year, with one cumulative net line each."""
    case = business_case(toy_design(), Business())
    figure = cash_flow_figure(case)
    names = {trace.name for trace in figure.data}
    assert {"revenue", "launch", "facility", "energy", "cumulative net"} <= names
    lines = [t for t in figure.data if t.name == "cumulative net"]
    assert len(lines) == 2
    assert lines[0].y[-1] == pytest.approx(case.orbit.net_usd.sum() / 1e9)
