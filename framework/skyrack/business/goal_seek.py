"""What must be true: the value of one parameter at which a business measure meets a target.

``goal_seek(study, "npv", 1.25e12, "launch_vehicle.price_usd")`` searches the parameter's
domain (its field's allowed range, narrowed to a finite span around the study's value when the
range is open, or the span given), evaluates a grid of candidates in one batch of the analytic
evaluator, finds where the measure crosses the target and refines the crossing with Brent's
method (whole numbers by bisection). When no candidate reaches the target it says so, with the
best value reachable and where; designs that break a budget are skipped and reported.

A parameter is a design key (``launch_vehicle.price_usd``, ``sizing.satellites``,
``economics.satellite_learning_rate``: ``skyrack.parameter_names``) or a ``business.`` key
(``business.compute_price_usd_per_accelerator_hour``, ``business.occupancy``, ...).
``trade_off`` solves the last of several parameters on a grid of the others: the curve (or
surface) of values that meet the target together.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from skyrack.business.case import BusinessFlows, OrbitFleet, business_flows, expected_fleet
from skyrack.business.frontier import FloatArray
from skyrack.business.measures import discounted_payback_years, internal_rate_of_return
from skyrack.business.orbit import Vintage
from skyrack.business.settings import Business
from skyrack.components import AcceleratorRoadmap
from skyrack.errors import InvalidComponent, SkyrackError, closest_names
from skyrack.numbers import format_usd
from skyrack.study import Study
from skyrack.timeline import FleetTimeline

GRID_POINTS = 41
"""Candidates evaluated in one batch to bracket the crossing."""
SPAN_FACTOR = 1_000.0
"""An open range is searched from value / 1000 to value × 1000 (or from 0 to value × 1000)."""
TRADE_OFF_POINTS = 9
MAX_TRADE_OFF_SOLVES = 1_000
"""Most goal-seeks one trade-off makes (points ** (parameters - 1)): about four minutes."""
FLEET_CACHE = 4_096
"""Designs whose orbital fleets a goal-seek keeps (a trade-off's grid and refinements)."""


def _npv(flows: BusinessFlows) -> float:
    return flows.npv_usd(flows.orbit)


def _irr(flows: BusinessFlows) -> float:
    rate = internal_rate_of_return(flows.orbit.net_usd, flows.orbit.midpoint_years).rate_per_year
    return math.nan if rate is None else rate


def _payback(flows: BusinessFlows) -> float:
    orbit = flows.orbit
    years = discounted_payback_years(orbit.net_usd, orbit.step_years, flows.rate_per_year)
    return math.inf if years is None else years


def _advantage(flows: BusinessFlows) -> float:
    assert flows.ground is not None  # the target asks for it
    return flows.npv_usd(flows.orbit) - flows.npv_usd(flows.ground)


@attrs.frozen
class Target:
    """A measure of the orbital business that goal-seek can aim at."""

    name: str
    unit: str
    doc: str
    read: Callable[[BusinessFlows], float]
    higher_is_better: bool = True
    ground: bool = False
    """Whether it needs the ground business's flows."""
    minimum: float | None = None
    """The lowest value the measure can take (a target below it cannot be met)."""


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("npv", "USD", "net present value of the orbital business", _npv),
        Target(
            "irr", "1/yr", "internal rate of return of the orbital business", _irr, minimum=-1.0
        ),
        Target(
            "payback",
            "yr",
            "discounted payback of the orbital business",
            _payback,
            higher_is_better=False,
            minimum=0.0,
        ),
        Target(
            "npv_advantage",
            "USD",
            "orbital NPV minus the NPV of the same capital on the ground",
            _advantage,
            ground=True,
        ),
    )
}


def target(name: str, value: float | None = None) -> Target:
    """The target measure called ``name`` (an unknown name suggests close ones); ``value``, when
    given, must be a value the measure can take."""
    if name not in TARGETS:
        close = closest_names(name, TARGETS)
        hint = f"did you mean {', '.join(close)}?" if close else f"choose {', '.join(TARGETS)}"
        raise SkyrackError(f"unknown target {name!r}; {hint}")
    found = TARGETS[name]
    if value is not None and not math.isfinite(value):
        raise SkyrackError(f"the target {name}={value} must be a finite number ({found.unit})")
    if value is not None and found.minimum is not None and value < found.minimum:
        raise SkyrackError(
            f"the target {name}={value:g} cannot be met: {found.doc} is at least "
            f"{found.minimum:g} {found.unit}"
        )
    return found


@attrs.frozen
class Domain:
    """Where a parameter is searched."""

    low: float
    high: float
    integer: bool
    log: bool
    """Candidates spaced evenly in log (a positive span wider than 100×)."""

    def grid(self, points: int) -> FloatArray:
        """``points`` candidates over the domain (unique whole numbers for an integer)."""
        if self.log:
            grid: FloatArray = np.geomspace(self.low, self.high, points)
        else:
            grid = np.linspace(self.low, self.high, points)
        if self.integer:
            grid = np.unique(np.round(grid))
        return grid


@attrs.frozen
class Candidate:
    """One variant of a study: its parameter table, the evaluator's values and its business."""

    p: dict[str, float]
    values: dict[str, float]
    business: Business
    broken: str
    """The budgets it breaks ('' when feasible)."""


def _rows(table: Mapping[str, Any], count: int) -> list[dict[str, float]]:
    """A table of arrays (or scalars) as ``count`` rows of floats."""
    keys = list(table)
    columns = np.stack(
        [np.broadcast_to(np.asarray(table[k], dtype=np.float64), (count,)) for k in keys], axis=1
    )
    return [dict(zip(keys, row, strict=True)) for row in columns.tolist()]


def _memoized(fleet: OrbitFleet) -> OrbitFleet:
    """``fleet`` computed once per set of campaigns and periods."""
    known: dict[tuple[tuple[Vintage, ...], int], FleetTimeline] = {}

    def cached(campaigns: Sequence[Vintage], periods: int) -> FleetTimeline:
        key = (tuple(campaigns), periods)
        if key not in known:
            known[key] = fleet(campaigns, periods)
        return known[key]

    return cached


class Evaluator:
    """Business cases of a study's variants: design parameters through the batch evaluator,
    ``business.`` parameters by changing the ``[business]`` section."""

    def __init__(self, study: Study, roadmap: AcceleratorRoadmap | None = None) -> None:
        from skyrack.parameters import design_parameters
        from skyrack.plugins import registry

        self.study = study
        self.roadmap = roadmap or registry().accelerator_roadmap(study.business.roadmap)
        self.base = design_parameters(study.design)
        self._fleets: dict[bytes, OrbitFleet] = {}

    def parameter_field(self, key: str) -> tuple[Any, float]:
        """The attrs field behind ``key`` and its value in the study."""
        section, _, name = key.partition(".")
        if section == "business":
            fields = {f.name: f for f in attrs.fields(Business)}
            if name in fields and fields[name].metadata.get("unit"):
                value = getattr(self.study.business, name)
                if name == "orbit_replacement_years" and value is None:
                    value = self.base["sizing.mission_years"]
                return fields[name], float(value)
            numeric = [f"business.{n}" for n, f in fields.items() if f.metadata.get("unit")]
            close = closest_names(key, numeric)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise InvalidComponent(f"unknown business parameter {key!r}{hint}", field=key)
        from skyrack.parameters import field_for

        if key not in self.base:
            close = closest_names(key, [*self.base, "business.occupancy"])
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise InvalidComponent(f"unknown parameter {key!r}{hint}", field=key)
        value = self.base[key]
        if key == "sizing.target_it_power_w" and math.isfinite(self.base["sizing.satellites"]):
            raise SkyrackError(
                "the study sets sizing.satellites, which fixes the fleet whatever "
                "sizing.target_it_power_w says: vary sizing.satellites instead"
            )
        if key == "sizing.satellites" and not math.isfinite(value):
            from skyrack.evaluation import evaluate

            value = float(evaluate(self.study.design).values["satellites"])  # sized by power
        return field_for(key, self.study.design), value

    def domain(self, key: str, span: tuple[float, float] | None = None) -> Domain:
        """The search domain of ``key``: ``span`` checked against the field's range, or the
        field's range narrowed around the study's value."""
        field, value = self.parameter_field(key)
        meta: Mapping[str, Any] = field.metadata if field is not None else {}
        minimum, maximum = meta.get("minimum"), meta.get("maximum")
        integer = bool(meta.get("integer")) or key == "sizing.satellites"
        if span is not None:
            low, high = span
            if not (math.isfinite(low) and math.isfinite(high) and low < high):
                raise SkyrackError(f"{key}: the range must be LOW:HIGH with LOW < HIGH")
            for end in (low, high):
                if (minimum is not None and end < minimum) or (
                    maximum is not None and end > maximum
                ):
                    raise SkyrackError(
                        f"{key}: {end:g} is outside the field's range "
                        f"[{minimum if minimum is not None else '-inf'}, "
                        f"{maximum if maximum is not None else 'inf'}]"
                    )
        else:
            scale = abs(value) if value else 1.0
            low = value / SPAN_FACTOR if value > 0 else -SPAN_FACTOR * scale
            high = value * SPAN_FACTOR if value > 0 else SPAN_FACTOR * scale
            if minimum is not None:
                low = max(low, minimum)
            if maximum is not None:
                high = min(high, maximum)
            if integer:
                low, high = max(math.ceil(low), 1), math.floor(high)
        if meta.get("exclusive_minimum", True) and minimum is not None and low <= minimum:
            low = minimum + (high - minimum) * 1e-6
        return Domain(
            low=float(low),
            high=float(high),
            integer=integer,
            log=low > 0 and high / low > 100,
        )

    def candidates(self, values: Mapping[str, FloatArray]) -> list[Candidate]:
        """The variants of the study in ``values`` (parameter → array, one length) through the
        batch evaluator, each with its business section and the budgets it breaks."""
        from skyrack.analytic import compute
        from skyrack.parameters import with_variations

        (count,) = {np.shape(v)[0] for v in values.values()}
        design = {k: v for k, v in values.items() if not k.startswith("business.")}
        business_keys = {k: v for k, v in values.items() if k.startswith("business.")}
        p_table = with_variations(self.study.design, design)
        try:
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                p_all, _ = compute(p_table)
        except ValueError as error:
            if isinstance(error, SkyrackError):
                raise
            raise SkyrackError(f"cannot evaluate these designs: {error}") from None
        p_rows, value_rows = _rows(p_table, count), _rows(p_all, count)
        found = []
        for i, (p_i, v_i) in enumerate(zip(p_rows, value_rows, strict=True)):
            changes: dict[str, Any] = {
                k.removeprefix("business."): float(v[i]) for k, v in business_keys.items()
            }
            broken = ""
            if v_i["feasible"] < 1.0:
                broken = (
                    ", ".join(
                        k.removeprefix("budget_").removesuffix("_excess").replace("_", " ")
                        for k, excess in v_i.items()
                        if k.startswith("budget_") and excess > 0
                    )
                    or "infeasible"
                )
            business = attrs.evolve(self.study.business, **changes)
            found.append(Candidate(p=p_i, values=v_i, business=business, broken=broken))
        return found

    def metric(
        self, values: Mapping[str, FloatArray], goal: Target
    ) -> tuple[FloatArray, list[str]]:
        """``goal`` read from the flows of each variant in ``values`` (parameter → array, one
        length); NaN and the broken budgets where a variant is infeasible. Only what the target
        reads is computed, and variants of one design share its orbital fleet."""
        candidates = self.candidates(values)
        result = np.full(len(candidates), math.nan)
        broken: list[str] = []
        for i, candidate in enumerate(candidates):
            if candidate.broken:
                broken.append(candidate.broken)
                continue
            try:
                flows = business_flows(
                    candidate.p,
                    candidate.values,
                    candidate.business,
                    self.roadmap,
                    orbit_fleet=self._fleet(candidate),
                    ground=goal.ground,
                    other_refresh=False,
                )
            except SkyrackError as error:
                broken.append(str(error))
                continue
            result[i] = goal.read(flows)
        return result, broken

    def _fleet(self, candidate: Candidate) -> OrbitFleet:
        """The candidate's design's orbital fleet, computed once per design and campaigns."""
        key = np.fromiter(candidate.p.values(), np.float64).tobytes()  # NaN equals NaN here
        if key not in self._fleets:
            if len(self._fleets) >= FLEET_CACHE:
                self._fleets.clear()
            self._fleets[key] = _memoized(expected_fleet(candidate.p, candidate.values))
        return self._fleets[key]

    def one(self, fixed: Mapping[str, float], key: str, x: float, goal: Target) -> float:
        """``goal`` of the study with ``fixed`` and ``key`` = ``x``."""
        values = {k: np.array([v]) for k, v in fixed.items()}
        values[key] = np.array([x])
        return float(self.metric(values, goal)[0][0])


@attrs.frozen(kw_only=True)
class GoalSeek:
    """The answer of one goal-seek: the value that meets the target, or why none does."""

    parameter: str
    target: str
    target_value: float
    fixed: dict[str, float]
    """Other parameters held at these values (a point of a trade-off curve)."""
    low: float
    high: float
    value: float | None
    """The parameter's value at which the measure meets the target; None: not in the domain."""
    other_values: tuple[float, ...]
    """Further values that also meet it (the measure crosses the target more than once)."""
    best_value: float | None
    """Where the best measure in the domain is reached (None: no feasible candidate)."""
    best_measure: float
    infeasible: str
    """Which budgets broke for some candidates ('' when none)."""

    def describe(self) -> str:
        """The answer in one or two sentences."""
        t = TARGETS[self.target]
        where = f"{self.parameter} in [{self.low:,.6g}, {self.high:,.6g}]"
        fixed = (
            " with " + ", ".join(f"{k} = {v:,.6g}" for k, v in self.fixed.items())
            if self.fixed
            else ""
        )
        goal = f"{self.target} = {_fmt(self.target_value, t.unit)}"
        if self.value is not None:
            text = f"{goal} is met at {self.parameter} = {self.value:,.6g}{fixed}"
            if self.other_values:
                others = ", ".join(f"{v:,.6g}" for v in self.other_values)
                text += f" (also at {others})"
            return text + "."
        if self.best_value is None:
            text = f"{goal} cannot be met for {where}{fixed}: no candidate is feasible"
        else:
            text = (
                f"{goal} cannot be met for {where}{fixed}; the best reachable is "
                f"{self.target} = {_fmt(self.best_measure, t.unit)} at {self.parameter} = "
                f"{self.best_value:,.6g}"
            )
        if self.infeasible:
            text += f" (some candidates break a budget: {self.infeasible})"
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready, with the sentence."""
        return {**attrs.asdict(self), "answer": self.describe()}


def _fmt(value: float, unit: str) -> str:
    if not math.isfinite(value):
        return "never" if unit == "yr" else "undefined"
    if unit == "USD":
        return format_usd(value)
    if unit == "1/yr":
        return f"{100 * value:.2f} %/yr"
    return f"{value:,.3g} {unit}"


def _solve(
    evaluator: Evaluator,
    goal: Target,
    value: float,
    key: str,
    domain: Domain,
    fixed: Mapping[str, float],
    points: int,
) -> GoalSeek:
    from scipy.optimize import brentq

    grid = domain.grid(points)
    values = {k: np.full(grid.shape, v) for k, v in fixed.items()}
    values[key] = grid
    measured, broken = evaluator.metric(values, goal)
    gap = measured - value
    finite = np.isfinite(measured)
    sign = np.where(np.isnan(gap), 0.0, np.sign(np.where(np.isinf(gap), np.sign(gap), gap)))
    roots: list[float] = []
    for i in range(len(grid)):
        if gap[i] == 0:
            roots.append(float(grid[i]))
            continue
        if i + 1 == len(grid) or sign[i] * sign[i + 1] >= 0:
            continue
        a, b = float(grid[i]), float(grid[i + 1])

        def f(x: float) -> float:
            return evaluator.one(fixed, key, x, goal) - value

        fa = float(gap[i])
        if domain.integer:
            while b - a > 1:  # bisection on whole numbers: b is the first that meets it
                mid = float(math.floor((a + b) / 2))
                if np.sign(f(mid)) == np.sign(fa):
                    a = mid
                else:
                    b = mid
            roots.append(b)
        elif np.isfinite(gap[i]) and np.isfinite(gap[i + 1]):
            roots.append(float(brentq(f, a, b, xtol=1e-12 * max(abs(a), abs(b), 1e-300))))
        else:
            while b - a > 1e-9 * max(abs(a), abs(b)):
                mid = 0.5 * (a + b)
                if np.sign(f(mid)) == np.sign(fa):
                    a = mid
                else:
                    b = mid
            roots.append(b)
    best: float | None = None
    best_measure = math.nan
    if finite.any() or np.isinf(measured).any():
        usable = np.where(
            np.isnan(measured), -np.inf if goal.higher_is_better else np.inf, measured
        )
        index = int(np.argmax(usable) if goal.higher_is_better else np.argmin(usable))
        if not np.isnan(measured[index]):
            best, best_measure = float(grid[index]), float(measured[index])
    return GoalSeek(
        parameter=key,
        target=goal.name,
        target_value=value,
        fixed=dict(fixed),
        low=float(grid[0]),
        high=float(grid[-1]),
        value=roots[0] if roots else None,
        other_values=tuple(roots[1:]),
        best_value=best,
        best_measure=best_measure,
        infeasible="; ".join(sorted(set(broken))),
    )


def goal_seek(
    study: Study,
    target_name: str,
    target_value: float,
    parameter: str,
    *,
    span: tuple[float, float] | None = None,
    points: int = GRID_POINTS,
    roadmap: AcceleratorRoadmap | None = None,
) -> GoalSeek:
    """The value of ``parameter`` (in ``span`` or its domain) at which the orbital business's
    ``target_name`` measure equals ``target_value``, or the statement that none does."""
    goal = target(target_name, target_value)
    evaluator = Evaluator(study, roadmap)
    domain = evaluator.domain(parameter, span)
    return _solve(evaluator, goal, target_value, parameter, domain, {}, points)


def trade_off(
    study: Study,
    target_name: str,
    target_value: float,
    parameters: Sequence[str],
    *,
    spans: Mapping[str, tuple[float, float]] | None = None,
    points: int = TRADE_OFF_POINTS,
    progress: Callable[[int, int], None] | None = None,
    roadmap: AcceleratorRoadmap | None = None,
) -> list[GoalSeek]:
    """The last of ``parameters`` solved on a ``points``-per-axis grid of the others: the
    combinations that meet the target together (one GoalSeek per grid point)."""
    if len(parameters) < 2:
        raise SkyrackError("a trade-off needs at least two parameters")
    if len(set(parameters)) != len(parameters):
        raise SkyrackError("each parameter can be varied once")
    solves = points ** (len(parameters) - 1)
    if solves > MAX_TRADE_OFF_SOLVES:
        raise SkyrackError(
            f"the trade-off needs {points}^{len(parameters) - 1} = {solves:,} goal-seeks; at most "
            f"{MAX_TRADE_OFF_SOLVES:,}: lower --points or vary fewer parameters"
        )
    goal = target(target_name, target_value)
    evaluator = Evaluator(study, roadmap)
    spans = spans or {}
    *axes, solved = parameters
    grids = [evaluator.domain(k, spans.get(k)).grid(points) for k in axes]
    domain = evaluator.domain(solved, spans.get(solved))
    combos = list(itertools.product(*grids))
    answers = []
    for n, combo in enumerate(combos):
        fixed = dict(zip(axes, map(float, combo), strict=True))
        answers.append(_solve(evaluator, goal, target_value, solved, domain, fixed, GRID_POINTS))
        if progress is not None:
            progress(n + 1, len(combos))
    return answers
