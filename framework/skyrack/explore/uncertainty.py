"""How sure is the verdict? Monte Carlo over the uncertain inputs, through the batch evaluator.

The uncertain inputs of a study are

* every number the catalog marks as an estimate *and* gives a plausible range
  (:attr:`skyrack.sources.Source.low` / ``high``): triangular on ``[low, high]`` peaking at
  the component's value (``catalog_estimates = false`` in ``[uncertainty]`` turns them off);
* every distribution the study's ``[uncertainty.<section>]`` tables give, which replace the
  catalog's for the same number.

A number the study sets itself (``[overrides]``, ``[design]``, ``[economics]``) is the study's
premise, not the catalog's estimate: it stays fixed unless the study gives it a distribution.

:func:`monte_carlo` draws ``samples`` designs (seeded: the same study gives the same figures),
evaluates them in one batch and returns the P10/P50/P90 of every headline metric and the
probability that orbit beats the ground: P(feasible and orbit/ground < 1), with its 95 % Wilson
interval. A draw that breaks a physical budget does not beat the ground, whatever its cost.

Some of a design is a decision, not a fact, and a designer re-decides it once a draw's facts are
known (:func:`redecide`): the radiator runs no hotter than the draw's chip allows; a vehicle
that first flies after the study's start year starts the deployment when it flies; a bus drawn
smaller carries as many accelerators as fit it. What is still infeasible after that is a design
that cannot work in that draw's world, reported apart from the draws in which orbit works but
loses on cost.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from skyrack.budgets import BUDGET_NAMES
from skyrack.components import numeric_field_names
from skyrack.design import ECONOMICS_SOURCES, SIZING_SOURCES, Design
from skyrack.errors import InvalidComponent, StudyError, closest_names
from skyrack.evaluation import parameter_names
from skyrack.explore.batch import HEADLINE, FloatArray, Progress, evaluate_flat
from skyrack.explore.distributions import Distribution, Triangular, distribution_from
from skyrack.parameters import DERIVED_PARAMETERS, parameter_domain, parameter_value
from skyrack.plausibility import Implausible, implausibility, plausible_range
from skyrack.sources import Source

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_SAMPLES = 10_000
"""Enough for P(orbit beats ground) to ±1 percentage point (95 %) and stable P10/P90."""
MAX_SAMPLES = 2_000_000
SECTIONS = (
    "launch_vehicle",
    "satellite_bus",
    "compute_payload",
    "orbit",
    "ground_baseline",
    "sizing",
    "economics",
)
"""The ``[uncertainty.<section>]`` tables a study may give, one per parameter section."""
PERCENTILES = (10, 50, 90)
BUDGET_EXCESS_KEYS = tuple(f"budget_{name.replace(' ', '_')}_excess" for name in BUDGET_NAMES)
"""How far each draw breaks each budget (kept so a report can say which budgets break)."""


@attrs.frozen(kw_only=True)
class UncertaintySettings:
    """The ``[uncertainty]`` section of a study."""

    samples: int = DEFAULT_SAMPLES
    """Monte Carlo draws."""
    catalog_estimates: bool = True
    """Draw every catalog estimate that has a plausible range."""
    distributions: Mapping[str, Distribution] = attrs.field(factory=dict)
    """The study's own distributions, by parameter key (``"launch_vehicle.price_usd_per_kg"``)."""


@attrs.frozen(kw_only=True)
class UncertainInput:
    """One uncertain number: its key, distribution, allowed domain and where it comes from."""

    key: str
    distribution: Distribution
    value: float
    """The design's own value (the base of a tornado)."""
    domain: tuple[float, float]
    integer: bool
    origin: str
    """``"study"`` or the cited catalog source with its range note."""

    def sample(self, u: FloatArray) -> FloatArray:
        """Values at the uniform numbers ``u`` (whole numbers for a count or a year)."""
        values = self.distribution.ppf(u, self.domain)
        return np.rint(values) if self.integer else values

    def plausible_range(self) -> tuple[float, float]:
        """Where a tornado swings it (see :meth:`Distribution.plausible_range`)."""
        low, high = self.distribution.plausible_range(self.domain)
        if self.integer:
            return float(np.rint(low)), float(np.rint(high))
        return low, high


def _domain(meta: Mapping[str, Any]) -> tuple[float, float]:
    low = meta.get("minimum")
    high = meta.get("maximum")
    return (-math.inf if low is None else float(low), math.inf if high is None else float(high))


def parse_uncertainty(data: Any, design: Design) -> UncertaintySettings:
    """The ``[uncertainty]`` section as settings; every problem is a StudyError whose message
    starts with the key path (``uncertainty.compute_payload.unit_price_usd: ...``)."""
    if not isinstance(data, Mapping):
        raise StudyError(f"[uncertainty] must be a table of keys, got {data!r}")
    known = ("samples", "catalog_estimates", *SECTIONS)
    settings: dict[str, Any] = {}
    distributions: dict[str, Distribution] = {}
    for key, value in data.items():
        if key == "samples":
            if isinstance(value, bool) or not isinstance(value, int):
                raise StudyError(f"uncertainty.samples: must be an integer, got {value!r}")
            if not 100 <= value <= MAX_SAMPLES:
                raise StudyError(
                    f"uncertainty.samples: must be between 100 and {MAX_SAMPLES:,}, got {value:,}"
                )
            settings["samples"] = value
        elif key == "catalog_estimates":
            if not isinstance(value, bool):
                raise StudyError(
                    f"uncertainty.catalog_estimates: must be true or false, got {value!r}"
                )
            settings["catalog_estimates"] = value
        elif key in SECTIONS:
            distributions.update(_section_distributions(key, value, design))
        else:
            close = closest_names(key, known)
            choices = ", ".join(close or known)
            hint = f"did you mean {choices}?" if close else f"valid keys: {choices}"
            raise StudyError(f"uncertainty.{key}: unknown key; {hint}")
    for key in distributions:
        derived = DERIVED_PARAMETERS.get(key)
        if derived is not None and derived.field in distributions:
            raise StudyError(
                f"uncertainty.{key}: give a distribution to {key} or to {derived.field}, not "
                "both (one sets the other)"
            )
    return UncertaintySettings(distributions=distributions, **settings)


def _section_distributions(section: str, table: Any, design: Design) -> dict[str, Distribution]:
    if not isinstance(table, Mapping):
        raise StudyError(
            f"uncertainty.{section}: must be a table of field = {{ distribution = ... }}, "
            f"got {table!r}"
        )
    valid = [
        key.partition(".")[2] for key in parameter_names(design) if key.startswith(f"{section}.")
    ]
    found: dict[str, Distribution] = {}
    for name, spec in table.items():
        where = f"uncertainty.{section}.{name}"
        key = f"{section}.{name}"
        if name not in valid:
            close = closest_names(name, valid)
            hint = (
                f"did you mean {', '.join(close)}?"
                if close
                else "`skyrack crossover STUDY list 0 1` lists them"
            )
            raise StudyError(f"{where}: unknown parameter; {hint}")
        meta = parameter_domain(design, key)
        if meta.get("bool"):
            raise StudyError(f"{where}: is true or false, so it has no distribution; sweep it")
        try:
            distribution = distribution_from(spec)
            distribution.ppf([0.5], _domain(meta))  # some probability inside the field's domain
        except ValueError as error:
            raise StudyError(f"{where}: {error}") from None
        found[key] = distribution
    return found


def implausible_distributions(settings: UncertaintySettings, design: Design) -> list[Implausible]:
    """The study's distributions that reach outside their field's plausible range (between the
    bounds of a uniform or triangular one, the 5th and 95th percentiles of the others): a yearly
    failure rate of 5 to 9 is a percentage typed as a rate, as it is in the field itself."""
    found = []
    for key, distribution in settings.distributions.items():
        meta = parameter_domain(design, key)
        plausible = plausible_range(meta)
        if plausible is None:
            continue
        for end in distribution.plausible_range(_domain(meta)):
            shown = float(f"{end:.3g}")  # 9, not the 8.999994 a percentile just inside gives
            problem = implausibility(shown, plausible, meta.get("unit", ""))
            if problem:
                reach = problem.replace(" is implausible", ", which is implausible", 1)
                found.append(Implausible(key, shown, f"{distribution.describe()} reaches {reach}"))
                break
    return found


def uncertain_inputs(design: Design, settings: UncertaintySettings) -> list[UncertainInput]:
    """The study's distributions, then (unless turned off) every catalog estimate with a range
    that the study neither sets nor gives a distribution; in parameter-key order."""
    inputs: dict[str, UncertainInput] = {}
    for key, distribution in settings.distributions.items():
        meta = parameter_domain(design, key)
        inputs[key] = UncertainInput(
            key=key,
            distribution=distribution,
            value=parameter_value(design, key),
            domain=_domain(meta),
            integer=bool(meta.get("integer")),
            origin="study",
        )
    if settings.catalog_estimates:
        taken = set(inputs) | {
            DERIVED_PARAMETERS[key].field for key in inputs if key in DERIVED_PARAMETERS
        }
        taken |= {key for key, rule in DERIVED_PARAMETERS.items() if rule.field in inputs}
        for key, source in _catalog_ranges(design):
            if key in taken or source.low is None or source.high is None:
                continue
            value = parameter_value(design, key)
            if not source.low < source.high:
                continue
            meta = parameter_domain(design, key)
            inputs[key] = UncertainInput(
                key=key,
                distribution=Triangular(low=source.low, mode=value, high=source.high),
                value=value,
                domain=_domain(meta),
                integer=bool(meta.get("integer")),
                origin=f"{source.cite(where=False, note=False)}: {source.range_note}",
            )
    return [inputs[key] for key in sorted(inputs)]


def _catalog_ranges(design: Design) -> list[tuple[str, Source]]:
    """(parameter key, source) of every number of the design whose source gives a range: the
    components' own, and the sizing and economics defaults the study left as they are."""
    found: list[tuple[str, Source]] = []
    for kind, component in design.components().items():
        for name in numeric_field_names(type(component)):
            source = component.source_of(name)
            if source is not None and component.range_of(name) is not None:
                key_name = "bf16_dense_tflops" if name == "dense_tflops" else name
                found.append((f"{kind}.{key_name}", source))
    for section, values, sources in (
        ("sizing", design.sizing, SIZING_SOURCES),
        ("economics", design.economics, ECONOMICS_SOURCES),
    ):
        for field in attrs.fields(type(values)):
            source = sources.get(field.name)
            if source is None or not source.has_range:
                continue
            if getattr(values, field.name) == field.default:  # the default, not the study's own
                found.append((f"{section}.{field.name}", source))
    return found


@attrs.frozen(kw_only=True, eq=False, repr=False)
class UncertaintyResult:
    """The Monte Carlo draws and what they say: percentiles and P(orbit beats the ground)."""

    inputs: tuple[UncertainInput, ...]
    seed: int
    draws: Mapping[str, FloatArray]
    """Each uncertain input's drawn values, by key."""
    outputs: Mapping[str, FloatArray]
    """Each kept metric (and ``feasible``), one value per draw."""
    decisions: Mapping[str, FloatArray] = attrs.field(factory=dict)
    """The design values re-decided per draw (:func:`redecide`), by parameter key."""
    design_values: Mapping[str, float] = attrs.field(factory=dict)
    """The design's own value of each re-decided key, to say how many draws moved it."""

    @property
    def samples(self) -> int:
        """How many designs were drawn."""
        return int(self.outputs["feasible"].shape[0])

    @property
    def orbit_wins(self) -> FloatArray:
        """1 where a draw is feasible and orbit is cheaper than the ground, else 0."""
        wins = (self.outputs["feasible"] > 0) & (self.outputs["orbit_to_ground_ratio"] < 1.0)
        return wins.astype(np.float64)

    @property
    def p_orbit_wins(self) -> float:
        """The share of draws in which orbit beats the ground (feasible and cheaper)."""
        return float(self.orbit_wins.mean())

    @property
    def p_orbit_wins_interval(self) -> tuple[float, float]:
        """95 % Wilson score interval of :attr:`p_orbit_wins`."""
        return wilson_interval(self.p_orbit_wins, self.samples)

    @property
    def infeasible_share(self) -> float:
        """The share of draws in which the design, even re-decided, breaks a physical budget."""
        return float(1.0 - self.outputs["feasible"].mean())

    @property
    def orbit_loses_share(self) -> float:
        """The share of draws in which the design works but orbit costs at least the ground."""
        works = self.outputs["feasible"] > 0
        return float((works & (self.outputs["orbit_to_ground_ratio"] >= 1.0)).mean())

    def redecided_shares(self) -> dict[str, float]:
        """The share of draws in which each re-decided value differs from the design's own, by
        what the designer did (only those some draw needed)."""
        shares = {}
        for key, action in REDECISIONS.items():
            if key in self.decisions:
                share = float((self.decisions[key] != self.design_values[key]).mean())
                if share > 0:
                    shares[action] = share
        return shares

    def median_start_delay_years(self) -> float:
        """The median delay of the deployment's start over the draws that delay it (0: none)."""
        start = self.decisions.get(START_YEAR)
        if start is None:
            return 0.0
        delay = start - self.design_values[START_YEAR]
        return float(np.median(delay[delay > 0])) if np.any(delay > 0) else 0.0

    def broken_shares(self) -> dict[str, float]:
        """The share of draws breaking each budget that some draw breaks, by budget name."""
        shares = {}
        for name, key in zip(BUDGET_NAMES, BUDGET_EXCESS_KEYS, strict=True):
            if key in self.outputs:
                share = float((self.outputs[key] > 0).mean())
                if share > 0:
                    shares[name] = share
        return shares

    def percentiles(self) -> dict[str, dict[str, float]]:
        """P10, P50, P90 (nearest rank) and the mean of every kept metric (non-finite draws,
        such as a time never reached, count as +inf in the percentiles and are left out of the
        mean)."""
        summary: dict[str, dict[str, float]] = {}
        for key, values in self.outputs.items():
            if key == "feasible" or key in BUDGET_EXCESS_KEYS:
                continue
            p10, p50, p90 = nearest_rank_percentiles(values)
            finite = values[np.isfinite(values)]
            mean = float(finite.mean()) if finite.size else math.nan
            summary[key] = {"p10": float(p10), "p50": float(p50), "p90": float(p90), "mean": mean}
        return summary

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: settings, inputs, P(orbit wins) with its interval, percentiles."""
        low, high = self.p_orbit_wins_interval
        return {
            "samples": self.samples,
            "seed": self.seed,
            "p_orbit_wins": self.p_orbit_wins,
            "p_orbit_wins_95": [low, high],
            "infeasible_share": self.infeasible_share,
            "orbit_loses_share": self.orbit_loses_share,
            "broken_budget_shares": self.broken_shares(),
            "redecided_shares": self.redecided_shares(),
            "median_start_delay_years": self.median_start_delay_years(),
            "inputs": [
                {
                    "key": i.key,
                    "value": i.value,
                    **i.distribution.as_dict(),
                    "origin": i.origin,
                }
                for i in self.inputs
            ],
            "percentiles": {  # JSON has no infinity: a time never reached is null
                key: {name: value if math.isfinite(value) else None for name, value in row.items()}
                for key, row in self.percentiles().items()
            },
        }

    def to_dataframe(self) -> pd.DataFrame:
        """One row per draw: every uncertain input, every kept metric, ``orbit_wins``."""
        import pandas as pd

        frame = pd.DataFrame({**self.draws, **self.decisions, **self.outputs})
        frame["orbit_wins"] = self.orbit_wins.astype(bool)
        return frame

    def __repr__(self) -> str:
        low, high = self.p_orbit_wins_interval
        ratio = self.percentiles()["orbit_to_ground_ratio"]
        return (
            f"<UncertaintyResult {self.samples:,} draws of {len(self.inputs)} inputs: "
            f"orbit/ground P10 {ratio['p10']:.3g} P50 {ratio['p50']:.3g} P90 {ratio['p90']:.3g}; "
            f"P(orbit wins) {self.p_orbit_wins:.1%} [{low:.1%}, {high:.1%}]>"
        )


def verdict_sentences(result: UncertaintyResult) -> str:
    """After P(orbit wins): how often orbit works but loses on cost, how often the design cannot
    work in the draw's world (and which budgets), and what was re-decided per draw."""
    broken = ", ".join(f"{name} {share:.1%}" for name, share in result.broken_shares().items())
    text = (
        f"Orbit works but costs at least the ground in {result.orbit_loses_share:.1%} of the draws"
    )
    if result.infeasible_share > 0:
        text += (
            f"; in {result.infeasible_share:.1%} the design cannot work in that draw's world "
            f"even re-decided ({broken}), and counts as orbit losing"
        )
    text += "."
    redecided = result.redecided_shares()
    if redecided:
        parts = []
        for action, share in redecided.items():
            part = f"{action} in {share:.1%}"
            if action == REDECISIONS[START_YEAR]:
                part += f" (median {result.median_start_delay_years():g} yr later)"
            parts.append(part)
        text += " Re-decided per draw: " + "; ".join(parts) + "."
    return text


def nearest_rank_percentiles(values: FloatArray) -> tuple[float, float, float]:
    """P10, P50, P90 of ``values`` by nearest rank, an undefined value (NaN) counted as +inf
    ("never"). Each percentile is one of the values, so a share of never-reached draws gives
    inf: interpolating between a finite value and inf would give inf − inf = NaN."""
    clean = np.where(np.isnan(values), np.inf, values)
    p10, p50, p90 = np.percentile(clean, PERCENTILES, method="nearest")
    return float(p10), float(p50), float(p90)


def ratio_text(value: float | None) -> str:
    """An orbit/ground ratio for a sentence: three digits, or ∞ where orbit delivered nothing
    (JSON's null, an infinite ratio)."""
    return f"{value:.3g}" if value is not None and math.isfinite(value) else "∞"


def wilson_interval(p: float, n: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``p`` observed in ``n`` trials (95 % at the
    default ``z``)."""
    if n <= 0:
        return (0.0, 1.0)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def ensemble_verdict(
    orbit_lcoc_usd_per_pflop_day: Sequence[float | None], ground_lcoc_usd_per_pflop_day: float
) -> dict[str, Any]:
    """What a simulated ensemble says about the verdict: each replication's orbital cost per
    PFLOP-day over the ground's, P(orbit beats the ground) over the replications with its 95 %
    Wilson interval, and the ratio's P10/P50/P90 (nearest rank). A replication that delivered
    nothing (no cost per PFLOP-day) counts as orbit losing, at an infinite ratio."""
    costs = np.array(
        [math.inf if v is None or not math.isfinite(v) else v for v in orbit_lcoc_usd_per_pflop_day]
    )
    ratio = costs / ground_lcoc_usd_per_pflop_day
    count = int(ratio.size)
    p = float(np.mean(ratio < 1.0)) if count else math.nan
    low, high = wilson_interval(p, count) if count else (math.nan, math.nan)
    p10, p50, p90 = nearest_rank_percentiles(ratio) if count else (math.nan,) * 3
    return {
        "replications": count,
        "p_orbit_wins": p,
        "p_orbit_wins_95": [low, high],
        "orbit_to_ground_ratio": {"p10": p10, "p50": p50, "p90": p90},
    }


def draw_inputs(inputs: Sequence[UncertainInput], samples: int, seed: int) -> dict[str, FloatArray]:
    """``samples`` independent draws of every input, seeded."""
    rng = np.random.default_rng(seed)
    u = rng.random((samples, len(inputs)))
    return {item.key: item.sample(u[:, i]) for i, item in enumerate(inputs)}


THERMAL_LIMIT_KEYS = (
    "compute_payload.max_junction_temperature_k",
    "compute_payload.junction_to_radiator_delta_k",
)
RADIATOR_TEMPERATURE = "sizing.radiator_temperature_k"
START_YEAR = "economics.start_year"
FIRST_FLIGHT = "launch_vehicle.first_available_year"
ACCELERATORS = "sizing.accelerators_per_satellite"
BUS_LIMITS = {
    "satellite_bus.max_payload_power_w": "budget_bus_payload_power_excess",
    "satellite_bus.max_payload_mass_kg": "budget_bus_payload_mass_excess",
}
REDECISIONS = {
    RADIATOR_TEMPERATURE: "radiator run colder for the chip",
    START_YEAR: "deployment started when the vehicle first flies",
    ACCELERATORS: "fewer accelerators on a smaller bus",
}
"""What a designer re-decides per draw, and how the summary says it."""


def _value(design: Design, draws: Mapping[str, FloatArray], key: str) -> FloatArray:
    return np.asarray(draws[key] if key in draws else parameter_value(design, key), dtype=float)


def redecide(design: Design, draws: Mapping[str, FloatArray]) -> dict[str, FloatArray]:
    """The design values a designer sets once a draw's facts are known (before evaluation):
    a radiator no hotter than the draw's chip allows (its maximum junction temperature minus
    the thermal chain's drop: a worse cold plate is met with a colder, larger radiator, not a
    cooked chip), and a deployment that starts when the draw's vehicle first flies, if that is
    after the study's start year (the plan waits for its vehicle; it is not cancelled)."""
    decisions: dict[str, FloatArray] = {}
    if any(key in draws for key in THERMAL_LIMIT_KEYS):
        limit_k = _value(design, draws, THERMAL_LIMIT_KEYS[0]) - _value(
            design, draws, THERMAL_LIMIT_KEYS[1]
        )
        decisions[RADIATOR_TEMPERATURE] = np.minimum(
            _value(design, draws, RADIATOR_TEMPERATURE), limit_k
        )
    if FIRST_FLIGHT in draws:
        decisions[START_YEAR] = np.maximum(
            _value(design, draws, START_YEAR), _value(design, draws, FIRST_FLIGHT)
        )
    return decisions


def accelerators_that_fit(
    design: Design, draws: Mapping[str, FloatArray], outputs: Mapping[str, FloatArray]
) -> FloatArray | None:
    """Accelerators per satellite re-decided for the draws whose bus is too small for the
    design's: as many as fit the draw's payload power and mass (both grow in proportion to the
    count: chips, their shielding and their radiator), at least one; None when every draw's bus
    carries the design's count."""
    count = _value(design, draws, ACCELERATORS)
    fits = np.broadcast_to(count, outputs["feasible"].shape).copy()
    for limit_key, excess_key in BUS_LIMITS.items():
        limit = _value(design, draws, limit_key)
        used = outputs[excess_key] + limit
        with np.errstate(divide="ignore", invalid="ignore"):
            most = np.floor(limit / (used / count) * (1.0 + 1e-12))
        fits = np.where(outputs[excess_key] > 0, np.minimum(fits, most), fits)
    fits = np.maximum(np.where(np.isfinite(fits), fits, count), 1.0)
    return fits if np.any(fits != count) else None


def monte_carlo(
    design: Design,
    inputs: Sequence[UncertainInput],
    *,
    samples: int = DEFAULT_SAMPLES,
    seed: int = 0,
    keep: Sequence[str] = HEADLINE,
    progress: Progress | None = None,
) -> UncertaintyResult:
    """Draw ``samples`` designs from ``inputs`` and evaluate them in one batch."""
    if not 1 <= samples <= MAX_SAMPLES:
        raise InvalidComponent(f"samples must be between 1 and {MAX_SAMPLES:,}, got {samples:,}")
    draws = draw_inputs(inputs, samples, seed)
    if not draws:  # nothing uncertain: every draw is the design itself
        draws_for_eval: dict[str, FloatArray] = {}
        outputs = evaluate_flat(design, draws_for_eval, keep, progress=progress)
        outputs = {key: np.repeat(value, samples) for key, value in outputs.items()}
        return UncertaintyResult(inputs=tuple(inputs), seed=seed, draws=draws, outputs=outputs)
    keep = tuple(dict.fromkeys([*keep, *BUS_LIMITS.values()]))
    decisions = redecide(design, draws)
    outputs = evaluate_flat(design, {**draws, **decisions}, keep, progress=progress)
    fits = accelerators_that_fit(design, draws, outputs)
    if fits is not None:  # a second pass for the draws whose bus is smaller than the design's
        decisions[ACCELERATORS] = fits
        outputs = evaluate_flat(design, {**draws, **decisions}, keep, progress=progress)
    return UncertaintyResult(
        inputs=tuple(inputs),
        seed=seed,
        draws=draws,
        outputs=outputs,
        decisions=decisions,
        design_values={key: parameter_value(design, key) for key in decisions},
    )


def study_uncertainty(
    design: Design,
    settings: UncertaintySettings,
    *,
    seed: int = 0,
    progress: Progress | None = None,
) -> UncertaintyResult:
    """The Monte Carlo a study's ``[uncertainty]`` section asks for (its defaults when the
    study has none)."""
    inputs = uncertain_inputs(design, settings)
    return monte_carlo(
        design,
        inputs,
        samples=settings.samples,
        seed=seed,
        keep=(*HEADLINE, *BUDGET_EXCESS_KEYS),
        progress=progress,
    )
