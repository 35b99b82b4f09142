"""The business case: revenue, cash flows, NPV/IRR/payback, obsolescence and goal-seek.

A notebook user::

    import skyrack
    from skyrack import business

    study = skyrack.load_study("studies/valuation.toml")
    case = business.study_business_case(study)       # orbit and ground, on one market
    case.orbit_measures.npv_usd, case.orbit_measures.irr.describe()
    case.orbit.annual().columns()                     # cash flows year by year
    business.cash_flow_figure(case.as_dict()).show()  # the report's chart
    business.goal_seek(study, "npv", 1.25e12, "launch_vehicle.price_usd")

``study_business_case`` values the analytic expected fleet; ``skyrack.run_study`` values a study
with a ``[simulation]`` over its replications (``simulated_case``).

Modules, one job each: ``settings`` (the ``[business]`` section), ``frontier`` (the accelerator
roadmap by year), ``market`` (the price of compute), ``cashflows`` (periods, depreciation, tax,
salvage), ``measures`` (NPV, IRR, payback, peak funding), ``orbit`` and ``ground`` (each
business's flows), ``case`` (both for one design), ``simulated`` (a simulated study's
replications), ``goal_seek`` (what must be true), ``figures`` (plotly charts), ``report`` (the
HTML report's section) and ``words`` (numbers as people read them). Equations with units:
docs/economics.md.
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "Business": "skyrack.business.settings",
    "BUSINESS_SOURCES": "skyrack.business.settings",
    "Frontier": "skyrack.business.frontier",
    "ComputeMarket": "skyrack.business.market",
    "CashFlows": "skyrack.business.cashflows",
    "Irr": "skyrack.business.measures",
    "net_present_value": "skyrack.business.measures",
    "internal_rate_of_return": "skyrack.business.measures",
    "discounted_payback_years": "skyrack.business.measures",
    "peak_funding_usd": "skyrack.business.measures",
    "BusinessCase": "skyrack.business.case",
    "Measures": "skyrack.business.case",
    "business_case": "skyrack.business.case",
    "study_business_case": "skyrack.business.case",
    "simulated_case": "skyrack.business.simulated",
    "cash_flow_figure": "skyrack.business.figures",
    "npv_bridge_figure": "skyrack.business.figures",
    "goal_seek": "skyrack.business.goal_seek",
    "GoalSeek": "skyrack.business.goal_seek",
    "trade_off": "skyrack.business.goal_seek",
}


def __getattr__(name: str) -> Any:
    """Import the business API on first use (numpy and scipy stay out of start-up)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skyrack.business' has no attribute {name!r}")


__all__ = sorted(_LAZY)
