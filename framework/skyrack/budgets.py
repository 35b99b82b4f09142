"""Feasibility: each physical budget a design must respect, as used vs limit.

A design is feasible when every budget's ``used`` is at most its ``limit``. The analytic evaluator
raises :class:`~skyrack.errors.InfeasibleDesign` naming each broken budget and the excess; the
optimizer reads the same table as constraints (``used − limit ≤ 0``).
"""

from __future__ import annotations

import attrs
import numpy as np

from skyrack.parameters import FloatArray, Parameters

MAX_DEPLOYMENT_YEARS = 50.0
"""Longest launch campaign skyrack will model; beyond it a fleet is not a plan."""


@attrs.frozen
class Budget:
    """One budget: what the design uses, the limit, the unit and what to change when broken."""

    name: str
    used: FloatArray
    limit: FloatArray
    unit: str
    advice: str
    proportional: bool = True
    """False when used/limit is no measure of tightness (calendar years): then utilization is
    1 when broken and 0 otherwise."""

    @property
    def excess(self) -> FloatArray:
        """How far ``used`` exceeds ``limit`` (≤ 0 when the budget holds)."""
        return np.asarray(self.used - self.limit, dtype=np.float64)

    @property
    def utilization(self) -> FloatArray:
        """used / limit (above 1 when broken)."""
        if not self.proportional:
            return np.asarray(np.where(self.used > self.limit, 1.0, 0.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(np.where(self.limit > 0, self.used / self.limit, np.inf))


def budgets(p: Parameters, s: dict[str, FloatArray], ramp_years: FloatArray) -> list[Budget]:
    """Every budget of the designs in ``p`` with satellite sizing ``s``."""
    return [
        Budget(
            "bus payload power",
            s["payload_power_w"],
            p["satellite_bus.max_payload_power_w"],
            "W",
            "carry fewer accelerators or choose a bigger bus",
        ),
        Budget(
            "bus payload mass",
            s["accelerator_mass_kg"] + s["shielding_mass_kg"] + s["radiator_mass_kg"],
            p["satellite_bus.max_payload_mass_kg"],
            "kg",
            "carry fewer accelerators, less shielding, or a hotter radiator",
        ),
        Budget(
            "launch mass",
            s["wet_mass_kg"],
            s["launch_capacity_kg"],
            "kg",
            "make the satellite lighter or choose a bigger launch vehicle",
        ),
        Budget(
            "fairing volume",
            s["stowed_volume_m3"],
            p["launch_vehicle.fairing_volume_m3"],
            "m^3",
            "make the satellite smaller or choose a vehicle with a larger fairing",
        ),
        Budget(
            "thermal",
            s["radiator_emitted_w_m2"] - s["radiator_net_flux_w_m2"],
            s["radiator_emitted_w_m2"],
            "W/m^2 absorbed vs emitted",
            "raise the radiator temperature or cut its view of the Earth",
        ),
        Budget(
            "radiation dose",
            s["mission_dose_krad"],
            p["compute_payload.tid_tolerance_krad"],
            "krad(Si)",
            "add shielding, shorten the mission, or choose a more tolerant payload",
        ),
        Budget(
            "design life",
            p["sizing.mission_years"],
            p["satellite_bus.design_life_years"],
            "yr",
            "shorten the mission or choose a bus designed for longer life",
        ),
        Budget(
            "launch availability",
            p["launch_vehicle.first_available_year"],
            p["economics.start_year"],
            "yr",
            "start later or choose a vehicle that flies by the start year",
            proportional=False,
        ),
        Budget(
            "deployment time",
            ramp_years,
            np.asarray(MAX_DEPLOYMENT_YEARS),
            "yr",
            "launch fewer satellites, or choose a vehicle with more capacity or cadence",
        ),
    ]


def describe_violation(budget: Budget, used: float, limit: float) -> str:
    """One sentence: which budget, how much is used, the limit and the excess."""
    excess = used - limit
    if not budget.proportional:
        return f"{budget.name}: {used:g} is after {limit:g}; {budget.advice}"
    if not np.isfinite(used):
        return f"{budget.name}: needs an unbounded amount; {budget.advice}"
    percent = f", {100 * excess / limit:,.0f}%" if limit > 0 else ""
    unit = budget.unit.split(" ")[0]
    return (
        f"{budget.name}: needs {format_number(used)} {budget.unit}, limit {format_number(limit)} "
        f"(over by {format_number(excess)} {unit}{percent}); {budget.advice}"
    )


def format_number(value: float) -> str:
    """1,241 for large numbers, 3 significant digits for small and huge ones."""
    return f"{value:,.0f}" if 100 <= abs(value) < 1e15 else f"{value:.3g}"
