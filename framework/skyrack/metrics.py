"""The answer for one design: LCOC in orbit and on the ground, the waterfall, the budgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from skyrack.array_api import Real
from skyrack.budgets import Budget
from skyrack.pricing import COST_CATEGORIES

if TYPE_CHECKING:
    import pandas as pd


@attrs.frozen(kw_only=True)
class Metrics:
    """Expected-value results of one design; every money figure in USD, compute in PFLOP-days.

    ``values`` holds every quantity the model computed (sizing, fleet, costs, ground), by name
    with units in the name; the named attributes are the headline figures.
    """

    lcoc_usd_per_pflop_day: float
    ground_lcoc_usd_per_pflop_day: float
    orbit_to_ground_ratio: float
    usd_per_accelerator_hour: float
    ground_usd_per_accelerator_hour: float
    usd_per_w_deployed: float
    usd_per_mwh: float
    peak_operating_power_w: float
    """The most payload power the fleet ever operates at once [W] (not the launched total)."""
    peak_fleet_share: float
    """Peak operating power over the fleet's payload power: the share of the fleet that ever
    operates at once (below 1 when satellites retire or fail before the last one launches)."""
    time_to_50_percent_power_years: float | None
    """Years from the first launch until half the fleet's payload power operates; None: never."""
    time_to_90_percent_power_years: float | None
    """Years until 90 % of the fleet's payload power operates; None: never."""
    waterfall_pv_usd: dict[str, float]
    budgets: tuple[Budget, ...]
    values: dict[str, float]

    @property
    def orbit_wins(self) -> bool:
        """True when a PFLOP-day costs less in orbit than on the ground."""
        return self.orbit_to_ground_ratio < 1.0

    def binding_constraints(self) -> list[Budget]:
        """Budgets that hold but limit the design (:attr:`Budget.binding`), tightest first."""
        return sorted((b for b in self.budgets if b.binding), key=lambda b: -b.utilization)

    @property
    def ground_waterfall_pv_usd(self) -> dict[str, float]:
        """The ground baseline's present-value costs by category (facility, accelerators,
        replacements, energy, operations), read from ``values``."""
        return {
            key[len(_GROUND_PREFIX) : -len(_USD)]: value
            for key, value in self.values.items()
            if key.startswith(_GROUND_PREFIX) and key.endswith(_USD) and key != _GROUND_TOTAL
        }

    def largest_costs(self, count: int = 3) -> list[tuple[str, float]]:
        """The ``count`` largest waterfall items (present value, USD), largest first."""
        ranked = sorted(self.waterfall_pv_usd.items(), key=lambda item: -item[1])
        return ranked[:count]

    def verdict(self) -> str:
        """One sentence: which is cheaper, by how much, and what binds the orbital design."""
        ratio = self.orbit_to_ground_ratio
        if not 0.0 < ratio < float("inf"):
            text = f"orbit/ground ratio is {ratio:g}; check the inputs for extreme values"
        elif ratio < 1.0:
            text = f"orbit is cheaper than the ground: {1 / ratio:.2f}× less per PFLOP-day"
        else:
            text = f"the ground is cheaper than orbit: orbit costs {ratio:.2f}× more per PFLOP-day"
        largest = ", ".join(name.replace("_", " ") for name, _ in self.largest_costs(2))
        text += f"; largest orbital costs: {largest}"
        binding = self.binding_constraints()
        if binding:
            text += "; binding: " + ", ".join(
                f"{b.name} ({100 * b.utilization:.0f}%)" for b in binding
            )
        if self.peak_fleet_share < 0.9:
            text += (
                f"; at most {100 * self.peak_fleet_share:.2g}% of the fleet ever operates at "
                f"once (launching takes {self.values['deployment_years']:.3g} yr)"
            )
        return f"{text}; {self.ground_policy()}"

    def ground_policy(self) -> str:
        """What the ground operator does with failed accelerators, in one phrase."""
        v = self.values
        warranty, cutoff = v["ground_warranty_years"], v["ground_replacement_cutoff_years"]
        years = v["mission_years"]
        if warranty >= years:
            return "ground: failed accelerators replaced free under warranty all mission"
        text = f"ground: failed accelerators replaced free for {warranty:g} yr under warranty"
        if cutoff > warranty:
            return f"{text}, then bought until year {cutoff:.1f} of {years:g}, then left failed"
        if not v["ground_buys_replacements"]:
            return f"{text}, then left failed (the baseline buys no replacements)"
        return f"{text}, then left failed (a replacement would not pay for itself)"

    def to_dataframe(self) -> pd.DataFrame:
        """Every computed quantity as a one-column DataFrame (index: quantity, units in names)."""
        import pandas as pd

        return pd.DataFrame({"value": pd.Series(self.values, dtype=float)}).rename_axis("quantity")

    def __repr__(self) -> str:
        return (
            f"<Metrics orbit ${self.lcoc_usd_per_pflop_day:,.4g} vs ground "
            f"${self.ground_lcoc_usd_per_pflop_day:,.4g} per PFLOP-day "
            f"({self.orbit_to_ground_ratio:.3g}×), {len(self.values)} quantities; "
            ".to_dataframe() for all>"
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data: headline figures, verdict, totals, both waterfalls, budgets and every
        computed value, as in the results document (:func:`skyrack.output.metrics_section`)."""
        from skyrack.output import metrics_section

        return metrics_section(self)


_GROUND_PREFIX, _USD, _GROUND_TOTAL = "ground_pv_", "_usd", "ground_pv_cost_usd"
_FLOAT = frozenset({float})
_WATERFALL_KEYS = tuple((key, f"pv_{key}_usd") for key in COST_CATEGORIES)


def _years_or_never(values: dict[str, float], key: str) -> float | None:
    """A time that may be "never": removed from ``values`` (which hold finite numbers only) and
    returned as None when infinite."""
    years = values.pop(key)
    return years if years < float("inf") else None


def metrics_from(values: dict[str, Real], table: list[Budget]) -> Metrics:
    """Assemble Metrics from one design's outputs (floats or 0-d arrays) and budget table.

    A dict of Python floats becomes ``Metrics.values`` itself (no copy).
    """
    if _FLOAT.issuperset(map(type, values.values())):  # evaluate's floats: take them as they are
        scalars = values
        readings = tuple(table)
    else:  # 0-d arrays or numpy scalars
        scalars = dict(zip(values, map(float, values.values()), strict=True))
        readings = tuple(
            b._replace(
                used=float(b.used),
                limit=float(b.limit),
                step=None if b.step is None else float(b.step),
            )
            for b in table
        )
    return Metrics(
        lcoc_usd_per_pflop_day=scalars["lcoc_usd_per_pflop_day"],
        ground_lcoc_usd_per_pflop_day=scalars["ground_lcoc_usd_per_pflop_day"],
        orbit_to_ground_ratio=scalars["orbit_to_ground_ratio"],
        usd_per_accelerator_hour=scalars["usd_per_accelerator_hour"],
        ground_usd_per_accelerator_hour=scalars["ground_usd_per_accelerator_hour"],
        usd_per_w_deployed=scalars["usd_per_w_deployed"],
        usd_per_mwh=scalars["usd_per_mwh"],
        peak_operating_power_w=scalars["peak_operating_power_w"],
        peak_fleet_share=scalars["peak_fleet_share"],
        time_to_50_percent_power_years=_years_or_never(scalars, "time_to_50_percent_power_years"),
        time_to_90_percent_power_years=_years_or_never(scalars, "time_to_90_percent_power_years"),
        waterfall_pv_usd={key: scalars[pv_key] for key, pv_key in _WATERFALL_KEYS},
        budgets=readings,
        values=scalars,
    )
