"""The analytic evaluator's expected fleet timeline: what a design's fleet does, year by year.

The same model as the closed form (:mod:`skyrack.analytic`), resolved in time: launch attempts
fly at the vehicle's cadence ``c`` until the ``ceil(N / k) / p`` expected attempts are done, so
satellites reach orbit at the rate ``N / R`` over ``[0, R]`` (R = attempts / c; in expectation a
steady flow, the simulation's launches are discrete). Each satellite then ages along a profile
f(a) = e^{−k a}·θ(a) (:mod:`skyrack.survival`) and retires at the mission's end T: a stock at
time t is ``rate · [F(t) − F(t − R)]`` and a flow over a period is the difference of the second
integral 𝔉 = ∫F at the period's ends, both in closed form. So every stock is exact at its period
end and every flow is the exact integral over its period; only discounting a flow at its
period's middle (the :class:`~skyrack.timeline.FleetTimeline` convention) differs from the
closed-form present values, by less than a factor e^{±δh/2}.

``fleet_timeline(design)`` evaluates the design and returns its expected timeline, priced by
:func:`skyrack.pricing.price_timeline`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs
import numpy as np

from skyrack.analytic import compute
from skyrack.array_api import SCALAR, Real
from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.ground import DAYS_PER_YEAR
from skyrack.parameters import design_parameters
from skyrack.pricing import UnitCosts, price_timeline
from skyrack.sizing import accelerator_power_w
from skyrack.timeline import FleetTimeline, FloatArray

DEFAULT_STEP_YEARS = 0.25
"""Quarterly periods unless asked otherwise."""
MAX_PERIODS = 100_000
"""A timeline longer than this is refused (a 0.25-year step covers 25,000 years)."""


def _phi1(z: FloatArray) -> FloatArray:
    """(e^z − 1)/z, 1 at z = 0 (z ≤ 0 here: a decay times an age)."""
    small = np.abs(z) < 1e-5
    safe = np.where(small, 1.0, z)
    near = np.where(small, z, 0.0)  # each branch sees only its own arguments: no overflow
    value: FloatArray = np.where(small, 1.0 + near / 2.0 + near * near / 6.0, np.expm1(safe) / safe)
    return value


def _phi2(z: FloatArray) -> FloatArray:
    """(e^z − 1 − z)/z² = (φ₁(z) − 1)/z, ½ at z = 0 (∫₀¹∫₀^u e^{z v} dv du); the second form
    never squares z, which overflows for a hazard × age beyond 1e154 (→ 1/|z|, not 0/inf)."""
    small = np.abs(z) < 1e-3
    safe = np.where(small, 1.0, z)
    near = np.where(small, z, 0.0)
    series = 0.5 + near / 6.0 + near * near / 24.0 + near * near * near / 120.0
    value: FloatArray = np.where(small, series, (_phi1(safe) - 1.0) / safe)
    return value


@attrs.frozen
class Profile:
    """An age profile f(a) ≥ 0 on [0, T] made of exponential pieces w·e^{−k a} on [s, e].

    ``integral`` is F(a) = ∫₀^a f (constant after T: the satellite has retired) and
    ``second_integral`` is 𝔉(a) = ∫₀^a F, both for any a ≥ 0.
    """

    pieces: tuple[tuple[float, float, float, float], ...]
    """(start, end, weight, hazard) of each piece, in order, covering [0, T]."""

    def integral(self, age: FloatArray) -> FloatArray:
        total = np.zeros_like(age)
        for start, end, weight, hazard in self.pieces:
            span = np.clip(age, start, end) - start
            total = total + weight * math.exp(-hazard * start) * span * _phi1(-hazard * span)
        return total

    def second_integral(self, age: FloatArray) -> FloatArray:
        total = np.zeros_like(age)
        before = 0.0  # F at the start of the piece
        for start, end, weight, hazard in self.pieces:
            span = np.clip(age, start, end) - start
            scale = weight * math.exp(-hazard * start)
            piece_total = scale * (end - start) * float(_phi1(np.array(-hazard * (end - start))))
            total = total + before * span + scale * span * span * _phi2(-hazard * span)
            before += piece_total
        # after the last piece F stays at its total (the pieces cover [0, T] without gaps)
        return total + before * np.maximum(age - self.pieces[-1][1], 0.0)


@attrs.frozen
class _Cohorts:
    """Satellites arriving at ``rate`` per year over [0, ramp], each aging along ``profile``."""

    rate: float
    ramp: float
    profile: Profile

    def stock(self, t: FloatArray) -> FloatArray:
        """How many (weighted by the profile) are in orbit at time t."""
        f = self.profile.integral
        return self.rate * (f(t) - f(np.maximum(t - self.ramp, 0.0)))

    def integral(self, t0: FloatArray, t1: FloatArray) -> FloatArray:
        """∫ stock dt over each [t0, t1]."""
        g = self.profile.second_integral
        lagged = g(np.maximum(t1 - self.ramp, 0.0)) - g(np.maximum(t0 - self.ramp, 0.0))
        return self.rate * (g(t1) - g(t0) - lagged)


def _overlap(t0: FloatArray, t1: FloatArray, start: float, end: float) -> FloatArray:
    """Length of [t0, t1] ∩ [start, end]."""
    result: FloatArray = np.clip(t1, start, end) - np.clip(t0, start, end)
    return result


def expected_timeline(
    p: Mapping[str, Real],
    values: Mapping[str, Real],
    *,
    step_years: float = DEFAULT_STEP_YEARS,
    horizon_years: float | None = None,
) -> FleetTimeline:
    """The expected timeline of one design from its parameter table ``p`` and the analytic
    evaluator's ``values`` for it (floats), priced. The default horizon is the deployment plus
    one mission, when the last satellite retires."""
    ramp = float(values["deployment_years"])
    years = float(p["sizing.mission_years"])
    if not math.isfinite(ramp):
        raise SkyrackError("no fleet timeline: no satellite fits a launch of this vehicle")
    if not (math.isfinite(step_years) and step_years > 0):
        raise SkyrackError(f"step_years must be a positive number of years, got {step_years!r}")
    horizon = ramp + years if horizon_years is None else horizon_years
    if not (math.isfinite(horizon) and horizon > 0):
        raise SkyrackError(f"horizon_years must be a positive number of years, got {horizon!r}")
    periods = math.ceil(horizon / step_years - 1e-9)
    if periods > MAX_PERIODS:
        raise SkyrackError(
            f"a timeline of {horizon:,.0f} years in steps of {step_years:g} years has "
            f"{periods:,} periods (at most {MAX_PERIODS:,}); choose a longer step"
        )
    edges = step_years * np.arange(periods + 1, dtype=np.float64)
    t0, t1 = edges[:-1], edges[1:]

    satellites = float(values["satellites"])
    success = float(p["launch_vehicle.success_probability"])
    accelerators = float(p["sizing.accelerators_per_satellite"])
    bus_hazard = float(values["bus_failure_rate_per_year"])
    hazard = bus_hazard + float(values["accelerator_failure_rate_per_year"])
    tau0 = float(values["throttle_onset_years"])
    g = -math.log1p(-float(p["satellite_bus.solar_degradation_per_year"]))
    margin = float(p["sizing.array_margin"])
    alive = 1.0 - float(p["sizing.infant_mortality_fraction"])

    arrivals = satellites / ramp
    satellites_in_orbit = _Cohorts(arrivals, ramp, Profile(((0.0, years, 1.0, bus_hazard),)))
    healthy = _Cohorts(arrivals * accelerators * alive, ramp, Profile(((0.0, years, 1.0, hazard),)))
    powered = _Cohorts(  # accelerators launched, weighted by survival and throttle
        arrivals * accelerators,
        ramp,
        Profile(
            (
                (0.0, tau0, 1.0, hazard),
                (tau0, years, margin * math.exp(g * years), hazard + g),
            )
        ),
    )
    satellite_years = satellites_in_orbit.integral(t0, t1)
    deploying = _overlap(t0, t1, 0.0, ramp)
    carried = satellites / success / ramp * deploying
    pflop_days_per_accelerator_year = (
        float(values["availability"]) * float(p["compute_payload.bf16_dense_tflops"]) / 1000.0
    ) * DAYS_PER_YEAR
    timeline = FleetTimeline(
        step_years=step_years,
        target_power_w=float(values["fleet_payload_power_w"]),
        satellites_operating=satellites_in_orbit.stock(t1),
        healthy_accelerators=healthy.stock(t1),
        operating_power_w=powered.stock(t1) * alive * float(accelerator_power_w(p)),
        launches=float(p["launch_vehicle.max_launches_per_year"]) * deploying,
        satellites_launched=carried,
        satellites_lost_at_launch=carried * (1.0 - success),
        satellites_failed=bus_hazard * satellite_years,
        satellites_deorbited=arrivals
        * math.exp(-bus_hazard * years)
        * _overlap(t0 - years, t1 - years, 0.0, ramp),
        delivered_pflop_days=powered.integral(t0, t1) * pflop_days_per_accelerator_year,
        satellite_years=satellite_years,
        spend_usd={},
    )
    return price_timeline(timeline, UnitCosts.from_model(p, values))


def fleet_timeline(
    design: Design,
    *,
    step_years: float = DEFAULT_STEP_YEARS,
    horizon_years: float | None = None,
) -> FleetTimeline:
    """The expected fleet timeline of ``design``, priced: launches, satellites and accelerators
    in orbit, operating power, delivered compute and spend by category in each period of
    ``step_years`` up to ``horizon_years`` (default: the last satellite's retirement)."""
    p = design_parameters(design)
    values, _ = compute(p, SCALAR)
    return expected_timeline(p, values, step_years=step_years, horizon_years=horizon_years)


def unit_costs(design: Design) -> UnitCosts:
    """The unit costs of ``design`` that :func:`skyrack.pricing.price_timeline` applies."""
    p = design_parameters(design)
    values, _ = compute(p, SCALAR)
    return UnitCosts.from_model(p, values)
