"""Hand-made accelerator roadmaps whose frontier can be worked out by hand."""

from __future__ import annotations

from typing import Any

from skyrack import AcceleratorGeneration, AcceleratorRoadmap, Source

HAND = Source(title="hand-computable test value", year=2026, estimate=True)


def generation(name: str, year: float, tflops: float, power_w: float, price: float) -> Any:
    return AcceleratorGeneration(
        name=name,
        description=name,
        release_year=year,
        bf16_dense_tflops=tflops,
        power_w=power_w,
        price_usd=price,
        shipped=True,
        sources={"*": HAND},
    )


def roadmap(*generations: AcceleratorGeneration, per_w: float = 0.0, per_usd: float = 0.0) -> Any:
    return AcceleratorRoadmap(
        name="hand",
        description="hand-made roadmap",
        generations=generations,
        tflops_per_w_growth_per_year=per_w,
        tflops_per_usd_growth_per_year=per_usd,
        sources={"*": HAND},
    )


# Two generations: 1 TFLOP/s per W and 0.01 per USD in 2020; 4 per W and 0.04 per USD in 2022;
# then +10 %/yr per W and +20 %/yr per USD.
TWO = roadmap(
    generation("a", 2020.0, 1_000.0, 1_000.0, 100_000.0),
    generation("b", 2022.0, 4_000.0, 1_000.0, 100_000.0),
    per_w=0.10,
    per_usd=0.20,
)
FLAT = roadmap(generation("a", 2020.0, 1_000.0, 1_000.0, 100_000.0))


def two_per_usd(year: float) -> float:
    """TWO's frontier TFLOP/s per USD, by hand."""
    if year <= 2020:
        return 0.01
    if year <= 2022:
        return float(0.01 * 4 ** ((year - 2020) / 2))
    return float(0.04 * 1.2 ** (year - 2022))


def two_per_w(year: float) -> float:
    """TWO's frontier TFLOP/s per W, by hand."""
    if year <= 2020:
        return 1.0
    if year <= 2022:
        return float(4 ** ((year - 2020) / 2))
    return float(4.0 * 1.1 ** (year - 2022))
