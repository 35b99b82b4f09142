"""The ``[business]`` section of a study: the market, the refresh policies and the valuation.

Validated like a component (units in field names, ranges checked on construction) and every
default number carries a :class:`~skyrack.sources.Source` (``BUSINESS_SOURCES``), printed by
``skyrack assumptions``. The equations that use them are in ``docs/economics.md``.
"""

from __future__ import annotations

import math
from typing import Any

import attrs

from skyrack.components import flag, fraction, quantity
from skyrack.errors import InvalidComponent
from skyrack.plausibility import PLAUSIBLE
from skyrack.sources import Source

GROUND_SIZINGS = ("same_capital", "same_accelerators")
"""How large the ground business is: the capital the orbital fleet costs, or its accelerators."""


def _replacement_interval(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problem = f"must be a number of years (0: never replace), got {value!r}"
    elif not 0 <= value <= 100:
        problem = f"must be between 0 (never replace) and 100 yr, got {value!r}"
    else:
        return
    raise InvalidComponent(f"{attribute.name} {problem}", field=attribute.name, problem=problem)


def _ground_sizing(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in GROUND_SIZINGS:
        problem = f"must be one of {', '.join(GROUND_SIZINGS)}, got {value!r}"
        raise InvalidComponent(f"{attribute.name} {problem}", field=attribute.name, problem=problem)


def _roadmap_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value:
        problem = f"must be the name of an accelerator roadmap, got {value!r}"
        raise InvalidComponent(f"{attribute.name} {problem}", field=attribute.name, problem=problem)


@attrs.frozen(kw_only=True)
class Business:
    """What the compute sells for, how the fleets are refreshed, and how they are valued."""

    roadmap: str = attrs.field(
        default="nvidia-datacenter",
        validator=_roadmap_name,
        metadata={"doc": "the accelerator roadmap that says what the frontier is each year"},
    )
    compute_price_usd_per_accelerator_hour: float = quantity(
        "USD/h",
        "market price of one hour of the reference accelerator in the reference year",
        default=2.0,
        plausible=(0.1, 100.0),
    )
    price_reference_year: float = quantity(
        "yr",
        "when that price was observed",
        default=2026.0,
        minimum=1990.0,
        exclusive_minimum=False,
        maximum=2100.0,
        plausible=(2000.0, 2100.0),
    )
    reference_accelerator_tflops: float = quantity(
        "TFLOP/s",
        "dense BF16 throughput of the reference accelerator",
        default=989.0,
        plausible=(0.1, 100_000.0),
    )
    hardware_share: float = fraction(
        "share of the cost of compute that is accelerator hardware in the reference year (the "
        "rest, energy and facility, scales with power per FLOP)",
        default=0.8,
        plausible=(0.05, 1.0),
    )
    price_elasticity: float = quantity(
        "1",
        "how fully the price of compute follows the frontier's price-performance (1: in "
        "proportion; 0: never falls)",
        default=1.0,
        minimum=0.0,
        exclusive_minimum=False,
        maximum=3.0,
        plausible=(0.0, 2.0),
    )
    occupancy: float = fraction(
        "share of the sellable accelerator-hours that are sold",
        default=0.8,
        exclusive_zero=True,
        plausible=(0.05, 1.0),
    )
    horizon_years: float = quantity(
        "yr",
        "valuation horizon from the first launch: no flow after it, assets left at book value",
        default=20.0,
        maximum=100.0,
        plausible=(1.0, 60.0),
    )
    orbit_replacement_years: float | None = attrs.field(
        default=None,
        validator=_replacement_interval,
        metadata={
            "unit": "yr",
            "doc": "a new fleet is launched this often (default: when the last one retires, "
            "every mission; 0: never)",
            PLAUSIBLE: (0.0, 60.0),
        },
    )
    frontier_parts: bool = flag(
        "the first orbital fleet and the ground's first accelerators are the frontier's part of "
        "their date in the design's power envelope (false: the design's part as named)",
        default=True,
    )
    orbit_refresh: bool = flag(
        "replacement fleets carry the frontier's accelerators of their date (false: the first "
        "fleet's part again, at its price)",
        default=True,
    )
    ground_refresh_years: float = quantity(
        "yr",
        "the ground swaps in the frontier's accelerators this often",
        default=5.0,
        plausible=(0.5, 20.0),
    )
    ground_sizing: str = attrs.field(
        default="same_capital",
        validator=_ground_sizing,
        metadata={
            "doc": "same_capital: the ground spends what the orbital fleet's first build costs; "
            "same_accelerators: it runs as many accelerators"
        },
    )
    tax_rate: float = fraction(
        "tax on positive taxable income (0: pre-tax)", default=0.0, plausible=(0.0, 0.6)
    )
    salvage_fraction: float = fraction(
        "share of the assets' book value recovered at the horizon",
        default=1.0,
        plausible=(0.0, 1.0),
    )


BUSINESS_SOURCES: dict[str, Source] = {
    "compute_price_usd_per_accelerator_hour": Source(
        title="SemiAnalysis, The Great GPU Shortage: H100 one-year rental price index $1.70 per "
        "GPU-hour in October 2025, $2.35 in March 2026",
        year=2026,
        url="https://newsletter.semianalysis.com/p/the-great-gpu-shortage-rental-capacity",
        estimate=True,
        note="$2.00: the middle of the index over October 2025 – March 2026",
    ),
    "price_reference_year": Source(
        title="SemiAnalysis H100 rental price index (as above)",
        year=2026,
        estimate=True,
        note="the index's October 2025 – March 2026 window, centred on 2026.0",
    ),
    "reference_accelerator_tflops": Source(
        title="NVIDIA H100 Tensor Core GPU datasheet (SXM: 989 TFLOP/s dense BF16)",
        year=2023,
        url="https://resources.nvidia.com/en-us-tensor-core/nvidia-tensor-core-gpu-datasheet",
    ),
    "hardware_share": Source(
        title="skyrack estimate from the catalog's H100 and hyperscale data center",
        year=2026,
        estimate=True,
        note="per H100 per year: hardware $42,500 / 5 yr = $8,500; energy 1.275 kW × PUE 1.1 × "
        "8,766 h × $80/MWh ≈ $980; facility $11.7/W × 1,275 W / 15 yr ≈ $1,000 and its upkeep "
        "≈ $400: hardware 8,500 / 10,880 = 78 %, taken as 0.8",
    ),
    "price_elasticity": Source(
        title="skyrack estimate: the price of compute falls in proportion to the frontier's "
        "price-performance",
        year=2026,
        estimate=True,
        note="a competitive market prices a FLOP at what the best hardware delivers it for. "
        "Check: an A100 rented at $4.10 per GPU-hour on AWS p4d in 2020 ($32.77 / 8) and about "
        "$1.20 in 2025 (3.4× less) while the frontier's TFLOP/s per dollar rose ~3× (A100 312 "
        "TFLOP/s for ~$15k to GB300 2,500 for ~$37k)",
    ),
    "occupancy": Source(
        title="Disintermediate, GPU infrastructure glossary: Unit Economics (a well-run neocloud "
        "needs sustained utilisation above 80 %)",
        year=2026,
        url="https://disintermediate.global/glossary/unit-economics",
        estimate=True,
        note="0.8 of the sellable hours sold",
    ),
    "horizon_years": Source(
        title="skyrack modelling assumption: a 20-year valuation (four 5-year refresh cycles)",
        year=2026,
        estimate=True,
    ),
    "orbit_replacement_years": Source(
        title="skyrack modelling assumption: each satellite is replaced when its mission ends",
        year=2026,
        estimate=True,
    ),
    "frontier_parts": Source(
        title="skyrack modelling assumption: an operator buys the best part of the day",
        year=2026,
        estimate=True,
        note="a fleet first launched in 2035 does not fly a 2024 part at its 2024 price",
    ),
    "orbit_refresh": Source(
        title="skyrack modelling assumption: a replacement fleet carries the frontier's parts",
        year=2026,
        estimate=True,
        note="false gives the counterfactual of the obsolescence study",
    ),
    "ground_refresh_years": Source(
        title="Amazon.com, Inc., Form 10-K for fiscal 2024 (accession 0001018724-25-000004): the "
        "useful lives of a subset of servers and networking equipment change from six to five "
        "years from 1 January 2025, after its Q4 2024 useful-life study",
        year=2025,
        url="https://www.sec.gov/Archives/edgar/data/1018724/000101872425000004/",
    ),
    "tax_rate": Source(
        title="skyrack default: a pre-tax valuation (set 0.21 for the US federal rate)",
        year=2026,
        estimate=True,
    ),
    "salvage_fraction": Source(
        title="skyrack modelling assumption: assets still in service at the horizon are worth "
        "their straight-line book value",
        year=2026,
        estimate=True,
        note="so that the answer does not depend on where the horizon falls in a replacement "
        "cycle; 0 writes them off",
    ),
}
"""Where each Business default comes from."""
