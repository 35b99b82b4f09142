"""Feasibility: each physical budget a design must respect, as used vs limit.

A design is feasible when every budget's ``used`` is at most its ``limit``. The analytic evaluator
raises :class:`~skyrack.errors.InfeasibleDesign` naming each broken budget and the excess; the
optimizer reads the same table as constraints (``used − limit ≤ 0``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from skyrack.array_api import NUMPY, SCALAR, ArrayNamespace, Real


class Budget(NamedTuple):
    """One budget: what the design uses, the limit, the unit and what to change when broken.

    ``used`` and ``limit`` are floats for one design (``evaluate``) and arrays for a batch.
    (An immutable record, cheap to build: ``evaluate`` builds nine per call.)
    """

    name: str
    used: Real
    limit: Real
    unit: str
    advice: str
    proportional: bool = True
    """False for a yes/no check (a calendar year, a life): used/limit is no measure of
    tightness, so utilization is 1 when broken and 0 otherwise and it never binds."""
    measures: str = ""
    """What the row compares, in words a user recognises."""
    step: Real = None
    """What one more unit of the design adds to ``used`` (one more accelerator, one more
    satellite on the launch): the budget *binds* when that no longer fits. None: it binds when
    used is within 10 % of the limit."""

    @property
    def key(self) -> str:
        """The name of its excess among the evaluator's values: ``budget_<name>_excess``."""
        return _EXCESS_KEYS.get(self.name) or f"budget_{self.name.replace(' ', '_')}_excess"

    @property
    def excess(self) -> Real:
        """How far ``used`` exceeds ``limit`` (≤ 0 when the budget holds)."""
        return self.used - self.limit

    @property
    def violation(self) -> Real:
        """How far the budget is broken, comparable across units (≤ 0 when it holds): the
        excess as a fraction of the limit, or in years for a calendar budget. The optimizer's
        constraint value, so that kg, W and years weigh alike when it ranks infeasible designs."""
        if not self.proportional:
            return self.excess
        if isinstance(self.used, float) and isinstance(self.limit, float):
            return self.excess / abs(self.limit) if self.limit != 0 else self.excess
        with np.errstate(divide="ignore", invalid="ignore"):
            limit = np.abs(np.asarray(self.limit))
            return np.where(limit > 0, self.excess / np.where(limit > 0, limit, 1.0), self.excess)

    @property
    def broken(self) -> bool:
        """True when one design exceeds this budget (NaN counts as broken)."""
        return not self.used <= self.limit

    @property
    def binding(self) -> bool:
        """True when this budget holds but limits the design (see ``step``): the next
        accelerator or satellite would break it, or it is within 10 % of its limit."""
        if not self.proportional or self.broken:
            return False
        step = 0.1 * self.limit if self.step is None else self.step
        return bool(self.used + step > self.limit)

    @property
    def utilization(self) -> Real:
        """used / limit (above 1 when broken)."""
        if isinstance(self.used, float) and isinstance(self.limit, float):
            return _utilization(SCALAR, self.used, self.limit, self.proportional)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(_utilization(NUMPY, self.used, self.limit, self.proportional))


def _utilization(xp: ArrayNamespace, used: Real, limit: Real, proportional: bool) -> Real:
    if not proportional:
        return xp.where(used > limit, 1.0, 0.0)
    return xp.where(limit > 0, used / xp.where(limit > 0, limit, 1.0), math.inf)


RADIATOR_TEMPERATURE_STEP_K = 1.0
"""The thermal budget binds when the radiator is within this of the hottest the chip allows."""

BUDGET_NAMES = (
    "bus payload power",
    "bus payload mass",
    "launch fill by mass",
    "launch fill by volume",
    "thermal",
    "radiator heat balance",
    "radiation dose",
    "design life",
    "launch availability",
    "deployment time",
)
"""Every budget, in the order :func:`budgets` lists them."""

_EXCESS_KEYS = {name: f"budget_{name.replace(' ', '_')}_excess" for name in BUDGET_NAMES}


def budgets(
    p: Mapping[str, Real],
    s: Mapping[str, Real],
    ramp_years: Real,
    satellites: Real | None = None,
) -> list[Budget]:
    """Every budget of the designs in ``p`` with satellite sizing ``s`` (floats or arrays), a
    launch campaign of ``ramp_years`` and a fleet of ``satellites`` (default: ``s["satellites"]``
    when the evaluator's values are passed as ``s``, else as many as fill every launch)."""
    if satellites is None:
        satellites = s.get("satellites", math.inf)
    accelerators = p["sizing.accelerators_per_satellite"]
    payload_mass_kg = s["accelerator_mass_kg"] + s["shielding_mass_kg"] + s["radiator_mass_kg"]
    # A launch carries the k that fit, or the whole fleet if smaller; at least one satellite
    # (one that does not fit still has to fly alone, and the fill says by how much it is over).
    fits = s["satellites_per_launch"]
    carried = fits + (fits > satellites) * (satellites - fits)
    carried = carried + (carried < 1.0) * (1.0 - carried)
    # it binds only when a full launch could not take one more satellite
    full = (carried >= fits) * 1.0
    return [
        Budget(
            "bus payload power",
            s["payload_power_w"],
            p["satellite_bus.max_payload_power_w"],
            "W",
            "carry fewer accelerators or choose a bigger bus",
            measures="payload power vs bus capacity",
            step=s["payload_power_w"] / accelerators,
        ),
        Budget(
            "bus payload mass",
            payload_mass_kg,
            p["satellite_bus.max_payload_mass_kg"],
            "kg",
            "carry fewer accelerators, less shielding, or a hotter radiator",
            measures="payload mass vs bus capacity",
            step=payload_mass_kg / accelerators,
        ),
        Budget(
            "launch fill by mass",
            carried * s["wet_mass_kg"],
            s["launch_capacity_kg"],
            "kg",
            "make the satellite lighter or choose a bigger launch vehicle",
            measures="one launch's satellites vs payload",
            step=s["wet_mass_kg"] * full,
        ),
        Budget(
            "launch fill by volume",
            carried * s["stowed_volume_m3"],
            p["launch_vehicle.fairing_volume_m3"],
            "m^3",
            "make the satellite smaller or choose a vehicle with a larger fairing",
            measures="one launch's satellites vs fairing",
            step=s["stowed_volume_m3"] * full,
        ),
        Budget(
            "thermal",
            p["sizing.radiator_temperature_k"],
            p["compute_payload.max_junction_temperature_k"]
            - p["compute_payload.junction_to_radiator_delta_k"],
            "K",
            "run the radiator colder (a larger radiator) or choose a payload that tolerates a "
            "hotter junction: with no heat pump the chip runs the thermal chain's drop above it",
            measures="radiator temperature vs the hottest that keeps the chip within its limit",
            step=RADIATOR_TEMPERATURE_STEP_K,
        ),
        Budget(
            "radiator heat balance",
            s["radiator_emitted_w_m2"] - s["radiator_net_flux_w_m2"],
            s["radiator_emitted_w_m2"],
            "W/m^2",
            "raise the radiator temperature or cut its view of the Earth",
            measures="radiator heat absorbed vs emitted",
        ),
        Budget(
            "radiation dose",
            s["mission_dose_krad"],
            p["compute_payload.tid_tolerance_krad"],
            "krad(Si)",
            "add shielding, shorten the mission, or choose a more tolerant payload",
            measures="mission dose vs tolerance",
        ),
        Budget(
            "design life",
            p["sizing.mission_years"],
            p["satellite_bus.design_life_years"],
            "yr",
            "shorten the mission or choose a bus designed for longer life",
            proportional=False,
            measures="mission vs bus design life",
        ),
        Budget(
            "launch availability",
            p["launch_vehicle.first_available_year"],
            p["economics.start_year"],
            "",
            "start later or choose a vehicle that flies by the start year",
            proportional=False,
            measures="first flight vs start year",
        ),
        Budget(
            "deployment time",
            ramp_years,
            p["sizing.max_deployment_missions"] * p["sizing.mission_years"],
            "yr",
            "launch fewer satellites, choose a vehicle with more capacity or cadence, or accept "
            "a longer campaign with sizing.max_deployment_missions",
            measures="launch campaign vs limit",
        ),
    ]


def describe_violation(budget: Budget, used: float, limit: float) -> str:
    """One sentence: which budget, how much is used, the limit and the excess."""
    excess = used - limit
    if not budget.proportional:
        unit = f" {budget.unit}" if budget.unit else ""
        return (
            f"{budget.name}: {budget.measures}: {used:g}{unit} vs {limit:g}{unit}; {budget.advice}"
        )
    if not math.isfinite(used):
        return f"{budget.name}: needs an unbounded amount; {budget.advice}"
    # a share of an absolute temperature means nothing: a thermal excess is given in K alone
    percent = f", {100 * excess / limit:,.0f}%" if limit > 0 and budget.unit != "K" else ""
    unit = budget.unit.split(" ")[0]
    return (
        f"{budget.name}: needs {format_number(used)} {budget.unit}, limit "
        f"{format_number(limit)} {budget.unit} (over by {format_number(excess)} {unit}{percent}); "
        f"{budget.advice}"
    )


def format_number(value: float) -> str:
    """1,241 for large numbers, 3 significant digits for small and huge ones."""
    return f"{value:,.0f}" if 100 <= abs(value) < 1e15 else f"{value:.3g}"
