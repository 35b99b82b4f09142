"""NPV, IRR, payback, peak funding, depreciation and tax against hand-computed cash flows."""

from __future__ import annotations

import math

import numpy as np
import pytest

from skyrack.business.cashflows import book_value, depreciation, settle
from skyrack.business.measures import (
    discounted_payback_years,
    internal_rate_of_return,
    net_present_value,
    peak_funding_usd,
)


def test_npv_of_a_textbook_project_matches_the_hand_sum() -> None:
    """−100 now, +60 in one and two years at 10 %: −100 + 60/1.1 + 60/1.21 = 4.1322."""
    npv = net_present_value([-100.0, 60.0, 60.0], [0.0, 1.0, 2.0], 0.10)
    assert npv == pytest.approx(-100 + 60 / 1.1 + 60 / 1.21, rel=1e-12)
    assert npv == pytest.approx(4.132231, abs=1e-6)


def test_npv_discounts_a_period_at_its_middle() -> None:
    """Flows of yearly periods are discounted at t = 0.5, 1.5, ... as a FleetTimeline's are."""
    npv = net_present_value([-100.0, 60.0, 60.0], [0.5, 1.5, 2.5], 0.08)
    assert npv == pytest.approx(-100 / 1.08**0.5 + 60 / 1.08**1.5 + 60 / 1.08**2.5, rel=1e-12)


def test_irr_of_a_textbook_project_is_the_root_of_its_quadratic() -> None:
    """−100 + 60v + 60v² = 0 gives v = (−60 + √27600)/120, IRR = 1/v − 1 = 13.0662 %."""
    v = (-60 + math.sqrt(60**2 + 4 * 60 * 100)) / 120
    irr = internal_rate_of_return([-100.0, 60.0, 60.0], [0.0, 1.0, 2.0])
    assert irr.rate_per_year == pytest.approx(1 / v - 1, rel=1e-10)
    assert irr.reason == ""


def test_irr_is_the_rate_at_which_mid_period_flows_are_worth_nothing() -> None:
    """The IRR of mid-period flows makes their NPV zero at that rate."""
    amounts, times = [-250.0, 40.0, 90.0, 90.0, 90.0], [0.5, 1.5, 2.5, 3.5, 4.5]
    rate = internal_rate_of_return(amounts, times).rate_per_year
    assert rate is not None
    assert net_present_value(amounts, times, rate) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("amounts", [[100.0, 50.0, 10.0], [-100.0, -5.0], [0.0, -3.0, 0.0]])
def test_irr_is_undefined_when_the_cash_flows_never_change_sign(amounts: list[float]) -> None:
    """With no sign change there is no IRR: None and the reason, never a number."""
    irr = internal_rate_of_return(amounts, range(len(amounts)))
    assert irr.rate_per_year is None
    assert "never change sign" in irr.reason
    assert irr.describe().startswith("undefined")


def test_irr_is_undefined_when_two_rates_make_the_npv_zero() -> None:
    """−1 + 5v − 6v² = 0 at v = 1/2 and 1/3 (100 % and 200 %): no unique IRR."""
    irr = internal_rate_of_return([-1.0, 5.0, -6.0], [0.0, 1.0, 2.0])
    assert irr.rate_per_year is None
    assert "several rates" in irr.reason
    assert "100.00 %" in irr.reason and "200.00 %" in irr.reason


def test_irr_is_undefined_when_its_root_lies_outside_the_searched_rates() -> None:
    """−1 now and +0.0001 in a year break even at −99.99 %/yr, outside −95 % … 1,900 %."""
    irr = internal_rate_of_return([-1.0, 0.0001], [0.0, 1.0])
    assert irr.rate_per_year is None
    assert "no rate" in irr.reason


def test_discounted_payback_interpolates_within_the_period_it_turns_positive() -> None:
    """At 0 %: cumulative −100, −40, +20 turns positive 40/60 of the way through year 3."""
    assert discounted_payback_years([-100.0, 60.0, 60.0], 1.0, 0.0) == pytest.approx(2 + 40 / 60)


def test_discounted_payback_discounts_each_period_at_its_middle() -> None:
    """At 10 %, −100 and +60, +60 at the middles of years 1–3 pay back where the hand sum says."""
    d = [-100 / 1.1**0.5, 60 / 1.1**1.5, 60 / 1.1**2.5]
    before = d[0] + d[1]
    expected = 2 + (-before) / d[2]
    assert discounted_payback_years([-100.0, 60.0, 60.0], 1.0, 0.1) == pytest.approx(expected)


def test_discounted_payback_is_never_when_the_money_never_comes_back() -> None:
    """A project that ends in deficit has no payback (None, printed 'never')."""
    assert discounted_payback_years([-100.0, 10.0, 10.0], 1.0, 0.0) is None


def test_discounted_payback_waits_for_the_last_dip_below_zero() -> None:
    """A second investment that sends the cumulative negative again postpones the payback."""
    assert discounted_payback_years([-100.0, 150.0, -100.0, 10.0], 1.0, 0.0) is None
    assert discounted_payback_years([-100.0, 150.0, -100.0, 200.0], 1.0, 0.0) == pytest.approx(3.25)


def test_peak_funding_is_the_deepest_cumulative_deficit() -> None:
    """Cumulative −100, −70, −120, +80: the business needs 120 at its worst."""
    assert peak_funding_usd([-100.0, 30.0, -50.0, 200.0]) == pytest.approx(120.0)
    assert peak_funding_usd([10.0, 5.0]) == 0.0


def test_straight_line_depreciation_and_book_value() -> None:
    """100 spent in year 1 over 2 years depreciates 50 + 50; over 8 years half is left at 4."""
    capital = np.array([100.0, 0.0, 0.0, 0.0])
    assert depreciation(capital, 2.0, 1.0) == pytest.approx([50.0, 50.0, 0.0, 0.0])
    assert book_value(capital, 2.0, 1.0) == pytest.approx(0.0)
    assert book_value(capital, 8.0, 1.0) == pytest.approx(50.0)
    quarterly = depreciation(np.array([100.0, 0, 0, 0, 0, 0]), 1.0, 0.25)
    assert quarterly == pytest.approx([25.0, 25.0, 25.0, 25.0, 0.0, 0.0])


def test_tax_is_paid_on_income_after_losses_carried_forward() -> None:
    """Expensed development of 150, then income 100 and 100, at 20 %: tax 0, 0, 10."""
    flows = settle(
        step_years=1.0,
        start_year=2030.0,
        revenue_usd=np.array([0.0, 100.0, 100.0]),
        capital_usd={"development": np.array([150.0, 0.0, 0.0])},
        operating_usd={},
        life_years={},
        delivered_pflop_days=np.zeros(3),
        tax_rate=0.2,
        salvage_fraction=0.0,
    )
    assert flows.tax_usd == pytest.approx([0.0, 0.0, 10.0])
    assert flows.net_usd == pytest.approx([-150.0, 100.0, 90.0])


def test_salvage_recovers_the_share_of_book_value_left_at_the_horizon() -> None:
    """300 of hardware with a 6-year life, cut after 2 years, leaves 200 on the books."""
    flows = settle(
        step_years=1.0,
        start_year=2030.0,
        revenue_usd=np.zeros(2),
        capital_usd={"hardware": np.array([300.0, 0.0])},
        operating_usd={},
        life_years={"hardware": 6.0},
        delivered_pflop_days=np.zeros(2),
        tax_rate=0.0,
        salvage_fraction=0.5,
    )
    assert flows.salvage_usd == pytest.approx([0.0, 100.0])


def test_annual_flows_sum_the_quarters_of_each_year() -> None:
    """Folding quarterly flows into years keeps every total."""
    flows = settle(
        step_years=0.25,
        start_year=2030.0,
        revenue_usd=np.arange(8.0),
        capital_usd={"hardware": np.ones(8)},
        operating_usd={"operations": np.full(8, 0.5)},
        life_years={"hardware": 100.0},
        delivered_pflop_days=np.ones(8),
        tax_rate=0.0,
        salvage_fraction=0.0,
    )
    annual = flows.annual()
    assert annual.revenue_usd == pytest.approx([6.0, 22.0])
    assert annual.capex_usd == pytest.approx([4.0, 4.0])
    assert annual.net_usd.sum() == pytest.approx(flows.net_usd.sum())
