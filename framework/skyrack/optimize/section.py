"""The ``[optimize]`` section of a study: the search space, the objectives, the search settings.

::

    [optimize]
    objectives = ["lcoc"]                  # or ["lcoc", { name = "capex" }], several = Pareto
    sampler = "tpe"                        # tpe | nsga2 | cmaes | random | grid
    n_trials = 300

    [optimize.space]
    launch_vehicle = ["falcon-9-reusable", "starship-target"]   # component names
    "sizing.accelerators_per_satellite" = { low = 8, high = 128, step = 8 }
    "launch_vehicle.price_usd" = { low = 2e6, high = 1e8, log = true,
                                   when = { launch_vehicle = "starship-target" } }

    [optimize.constraints]
    min_fleet_power_w = 1e9

Every problem is a :class:`~skyrack.errors.StudyError` naming its key, found before any storage
is opened. This module never imports optuna.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np

from skyrack.components import seed as seed_field
from skyrack.design import Design
from skyrack.errors import InvalidComponent, SkyrackError, StudyError, closest_names
from skyrack.optimize.objectives import (
    DIRECTIONS,
    ChosenObjective,
    SearchDimension,
    objectives,
    output_objective,
    search_dimensions,
)
from skyrack.parameters import design_parameters, parameter_kind, with_variations
from skyrack.registry import Registry

SAMPLERS = ("tpe", "nsga2", "cmaes", "random", "grid")
PRUNERS = ("median", "none")
"""``pruner``: Optuna's median rule (a study with [simulation] and one objective), or none."""
"""Optuna samplers a study can name; TPE is the default."""
POPULATION_SAMPLERS = frozenset({"nsga2", "cmaes", "random", "grid"})
"""Samplers asked a generation at a time and evaluated in one ``evaluate_batch`` call."""
COMPONENT_KINDS = (
    "launch_vehicle",
    "satellite_bus",
    "compute_payload",
    "orbit",
    "ground_baseline",
)
SPEC_KEYS = ("low", "high", "step", "log", "choices", "when")
MAX_TRIALS = 10_000_000


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not value > 0:
        problem = f"must be positive, got {value!r}"
        raise InvalidComponent(problem, field=attribute.name, problem=problem)


def _trials(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if not 1 <= value <= MAX_TRIALS:
        problem = f"must be between 1 and {MAX_TRIALS:,}, got {value!r}"
        raise InvalidComponent(problem, field=attribute.name, problem=problem)


@attrs.frozen(kw_only=True)
class Constraints:
    """``[optimize.constraints]``: limits from the study, beside the physical budgets."""

    min_fleet_power_w: float | None = attrs.field(default=None, validator=_positive)
    max_capex_usd: float | None = attrs.field(default=None, validator=_positive)


@attrs.frozen(kw_only=True)
class Settings:
    """The scalar keys of ``[optimize]`` (``space``, ``objectives`` and ``constraints`` aside)."""

    sampler: str = "tpe"
    seed: int | None = seed_field("sampler seed (default: [study] seed)", optional=True)
    n_trials: int = attrs.field(default=100, validator=_trials)
    timeout_s: float | None = attrs.field(default=None, validator=_positive)
    population_size: int | None = attrs.field(default=None, validator=_positive)
    storage: str | None = None
    study_name: str | None = None
    heartbeat_interval_s: int = attrs.field(default=60, validator=_positive)
    grace_period_s: int | None = attrs.field(default=None, validator=_positive)
    max_retries: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    pruner: str = "median"


@attrs.frozen(kw_only=True)
class Dimension:
    """One axis of the search space.

    ``target`` says what it sets: ``"component"`` (a component kind; ``choices`` are names),
    ``"parameter"`` (a ``skyrack.parameter_names`` key) or ``"extension"`` (a plugin's
    :class:`SearchDimension`). ``kind`` is ``"float"``, ``"int"`` or ``"categorical"``.
    ``when`` maps another (categorical) dimension to the values for which this one exists.
    """

    name: str
    target: str
    kind: str
    low: float | None = None
    high: float | None = None
    step: float | None = None
    log: bool = False
    choices: tuple[Any, ...] = ()
    when: Mapping[str, tuple[Any, ...]] = attrs.field(factory=dict)

    def active(self, assignment: Mapping[str, Any]) -> bool:
        """Whether this dimension exists for the values already chosen in ``assignment``."""
        return all(assignment.get(name) in values for name, values in self.when.items())


@attrs.frozen(kw_only=True)
class OptimizeSection:
    """A validated ``[optimize]`` section."""

    settings: Settings
    space: tuple[Dimension, ...]
    objectives: tuple[ChosenObjective, ...]
    constraints: Constraints

    @property
    def multi_objective(self) -> bool:
        """True when the search has more than one objective (its answer is a Pareto front)."""
        return len(self.objectives) > 1

    def dimension(self, name: str) -> Dimension:
        """The dimension named ``name``."""
        return next(d for d in self.space if d.name == name)


def _error(key: str, problem: str) -> StudyError:
    return StudyError(f"optimize.{key}: {problem}")


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"sizing": {"mission_years": {...}}}`` (TOML's unquoted dotted keys) as flat keys."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value and not set(value) & set(SPEC_KEYS):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _number(key: str, name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _error(f"space.{key}.{name}", f"must be a finite number, got {value!r}")
    return float(value)


def _parse_when(key: str, when: Any) -> dict[str, tuple[Any, ...]]:
    if not isinstance(when, Mapping) or not when:
        raise _error(
            f"space.{key}.when",
            'must be a table such as { launch_vehicle = "starship-target" }',
        )
    return {
        name: tuple(values) if isinstance(values, list) else (values,)
        for name, values in when.items()
    }


def _categorical(key: str, spec: Any, registry: Registry, target: str) -> tuple[Any, ...]:
    choices = spec.get("choices") if isinstance(spec, Mapping) else spec
    if target == "component" and choices == "all":
        return tuple(registry.names(key))
    if not isinstance(choices, list) or not choices:
        raise _error(f"space.{key}", "needs a non-empty list of choices")
    if len(set(map(repr, choices))) != len(choices):
        raise _error(f"space.{key}", f"lists a choice twice: {choices!r}")
    if target == "component":
        for name in choices:
            if not isinstance(name, str):
                raise _error(f"space.{key}", f"choices must be component names, got {name!r}")
            try:
                registry.get(key, name)
            except SkyrackError as error:
                raise _error(f"space.{key}", str(error)) from None
    return tuple(choices)


def _range(key: str, spec: Mapping[str, Any], kind: str) -> dict[str, Any]:
    unknown = sorted(set(spec) - set(SPEC_KEYS))
    if unknown:
        close = closest_names(unknown[0], SPEC_KEYS)
        hint = f"did you mean {', '.join(close)}?" if close else f"valid: {', '.join(SPEC_KEYS)}"
        raise _error(f"space.{key}.{unknown[0]}", f"unknown key; {hint}")
    for end in ("low", "high"):
        if end not in spec:
            raise _error(f"space.{key}", f"needs {end} (a range) or choices (a list)")
    low, high = _number(key, "low", spec["low"]), _number(key, "high", spec["high"])
    step = None if spec.get("step") is None else _number(key, "step", spec["step"])
    log = spec.get("log", False)
    if not isinstance(log, bool):
        raise _error(f"space.{key}.log", f"must be true or false, got {log!r}")
    if not low < high:
        raise _error(f"space.{key}", f"low must be below high, got [{low:g}, {high:g}]")
    if log and low <= 0:
        raise _error(f"space.{key}", f"a log range needs low > 0, got {low:g}")
    if log and step is not None:
        raise _error(f"space.{key}", "give step or log, not both (Optuna samples one or the other)")
    if step is not None:
        if step <= 0:
            raise _error(f"space.{key}.step", f"must be positive, got {step:g}")
        if not math.isclose((high - low) / step, round((high - low) / step), abs_tol=1e-9):
            raise _error(f"space.{key}", f"high - low must be a multiple of step ({step:g})")
    if kind == "int":
        for name, value in (("low", low), ("high", high), ("step", step)):
            if value is not None and not float(value).is_integer():
                raise _error(f"space.{key}.{name}", f"must be a whole number, got {value:g}")
    return {"low": low, "high": high, "step": step, "log": log}


def _dimension(
    key: str,
    spec: Any,
    design: Design,
    registry: Registry,
    parameters: set[str],
    extensions: Mapping[str, SearchDimension],
) -> Dimension:
    when = _parse_when(key, spec["when"]) if isinstance(spec, Mapping) and "when" in spec else {}
    if key in COMPONENT_KINDS:
        choices = _categorical(key, spec, registry, "component")
        return Dimension(
            name=key, target="component", kind="categorical", choices=choices, when=when
        )
    if key in extensions:
        target, kind = "extension", "int" if extensions[key].integer else "float"
    elif key in parameters:
        target, kind = "parameter", parameter_kind(design, key)
    else:
        close = closest_names(key, [*parameters, *COMPONENT_KINDS, *extensions])
        hint = (
            f"did you mean {', '.join(close)}?" if close else "see `skyrack crossover STUDY list`"
        )
        raise _error(f"space.{key}", f"unknown design parameter; {hint}")
    if isinstance(spec, list) or (isinstance(spec, Mapping) and "choices" in spec):
        choices = _categorical(key, spec, registry, target)
        if kind == "bool" and not all(isinstance(c, bool) for c in choices):
            raise _error(f"space.{key}", f"choices must be true or false, got {list(choices)!r}")
        return Dimension(name=key, target=target, kind="categorical", choices=choices, when=when)
    if kind == "bool":
        raise _error(f"space.{key}", "is true or false: give choices = [true, false]")
    if not isinstance(spec, Mapping):
        raise _error(f"space.{key}", f"must be {{ low = .., high = .. }} or a list, got {spec!r}")
    bounds = _range(key, spec, kind)
    if target == "extension":
        extension = extensions[key]
        for end in ("low", "high"):
            value = bounds[end]
            too_low = extension.minimum is not None and value < extension.minimum
            too_high = extension.maximum is not None and value > extension.maximum
            if too_low or too_high:
                raise _error(
                    f"space.{key}.{end}",
                    f"{value:g} is outside [{extension.minimum}, {extension.maximum}] "
                    f"{extension.unit}",
                )
    return Dimension(name=key, target=target, kind=kind, when=when, **bounds)


def _check_domain(dimension: Dimension, design: Design) -> None:
    """A range the field itself would refuse is an error now, not a failed trial later."""
    if dimension.target != "parameter":
        return
    values = (
        list(dimension.choices)
        if dimension.kind == "categorical"
        else [dimension.low, dimension.high]
    )
    try:
        with_variations(design, {dimension.name: np.asarray(values, dtype=np.float64)})
    except InvalidComponent as error:
        problem = str(error).removeprefix(f"{dimension.name}: ")
        raise _error(f"space.{dimension.name}", problem) from None


def _with_component(design: Design, kind: str, component: Any) -> Design:
    changes: dict[str, Any] = {kind: component}
    return attrs.evolve(design, **changes)


def _check_conditions(space: tuple[Dimension, ...], design: Design, registry: Registry) -> None:
    by_name = {d.name: d for d in space}
    for dimension in space:
        for name, values in dimension.when.items():
            other = by_name.get(name)
            if other is None or other.kind != "categorical":
                raise _error(
                    f"space.{dimension.name}.when.{name}",
                    "must name a dimension of the space with choices (choice dimensions: "
                    f"{', '.join(d.name for d in space if d.choices) or 'none'})",
                )
            missing = [v for v in values if v not in other.choices]
            if missing:
                raise _error(
                    f"space.{dimension.name}.when.{name}",
                    f"{missing[0]!r} is not among {name}'s choices {list(other.choices)!r}; "
                    "the dimension could never be searched",
                )
            if other.when:
                raise _error(
                    f"space.{dimension.name}.when.{name}",
                    "conditions may only name a dimension that is itself unconditional",
                )
    # A field that only some components have (a third party's subclass) needs a condition.
    for dimension in space:
        kind = dimension.name.partition(".")[0]
        chooser = by_name.get(kind)
        if dimension.target != "parameter" or chooser is None:
            continue
        allowed = dimension.when.get(kind, chooser.choices)
        lacking = [
            name
            for name in allowed
            if dimension.name
            not in design_parameters(_with_component(design, kind, registry.get(kind, name)))
        ]
        if lacking:
            raise _error(
                f"space.{dimension.name}",
                f"{', '.join(lacking)} {'has' if len(lacking) == 1 else 'have'} no such field; "
                f"add when = {{ {kind} = [...] }} naming the {kind.replace('_', ' ')}s that do",
            )


def _check_contradictions(space: tuple[Dimension, ...], overrides: Mapping[str, Any]) -> None:
    names = {d.name for d in space}
    if {"sizing.satellites", "sizing.target_it_power_w"} <= names:
        raise _error(
            "space",
            "searches both sizing.satellites and sizing.target_it_power_w; the fleet size is "
            "one or the other",
        )
    for kind in COMPONENT_KINDS:
        if kind in names and kind in overrides:
            raise _error(
                f"space.{kind}",
                f"the study overrides fields of one {kind.replace('_', ' ')} "
                f"([overrides.{kind}]) but searches several; search those fields in "
                "[optimize.space] instead",
            )


def _objective(index: int, spec: Any) -> ChosenObjective:
    known = objectives()
    key = f"objectives[{index}]"
    if isinstance(spec, str):
        spec = {"name": spec}
    if not isinstance(spec, Mapping):
        raise _error(key, f"must be an objective name or a table, got {spec!r}")
    spec = dict(spec)
    if "value" in spec:  # any evaluator output: { value = "co2_kg", direction = "minimize" }
        output, direction = spec.pop("value"), spec.pop("direction", None)
        if spec:
            raise _error(key, f"{sorted(spec)[0]}: unknown key beside value and direction")
        if direction not in DIRECTIONS:
            raise _error(key, f"direction must be 'minimize' or 'maximize', got {direction!r}")
        if not isinstance(output, str):
            raise _error(key, f"value must name an evaluator output, got {output!r}")
        return ChosenObjective(objective=output_objective(output, direction))
    name = spec.pop("name", None)
    if name not in known:
        close = closest_names(str(name), known)
        hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(known)}"
        raise _error(key, f"unknown objective {name!r}; {hint}")
    objective = known[name]
    options: dict[str, float] = {}
    for option, value in spec.items():
        if option not in objective.options:
            valid = ", ".join(objective.options) or "none"
            raise _error(f"{key}.{option}", f"unknown option of {name} (its options: {valid})")
        options[option] = _number(key, option, value)
    missing = sorted(set(objective.options) - set(options))
    if missing:
        raise _error(key, f"{name} needs {missing[0]} ({objective.options[missing[0]]})")
    return ChosenObjective(objective=objective, options=options)


def _check_outputs(chosen: tuple[ChosenObjective, ...], design: Design) -> None:
    """Every objective reads outputs the evaluator produces (one design is enough to see)."""
    from skyrack.evaluation import evaluate_batch

    outputs = evaluate_batch(design, {})
    for index, objective in enumerate(chosen):
        missing = [key for key in objective.objective.requires if key not in outputs]
        if missing:
            close = closest_names(missing[0], outputs)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise _error(
                f"objectives[{index}]",
                f"{objective.label} reads {missing[0]!r}, which the evaluator does not "
                f"produce{hint}",
            )


def parse_optimize_section(
    data: Any, design: Design, registry: Registry, overrides: Mapping[str, Any]
) -> OptimizeSection:
    """Validate a study's ``[optimize]`` table against its design and the loaded plugins."""
    from skyrack.study import _structure

    if not isinstance(data, Mapping):
        raise StudyError(f"[optimize] must be a table of keys, got {data!r}")
    data = dict(data)
    space_data = data.pop("space", None)
    objective_data = data.pop("objectives", ["lcoc"])
    constraint_data = data.pop("constraints", None)
    settings: Settings = _structure(data, Settings, "optimize")
    constraints = _structure(constraint_data or {}, Constraints, "optimize.constraints")
    if settings.sampler not in SAMPLERS:
        close = closest_names(settings.sampler, SAMPLERS)
        hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(SAMPLERS)}"
        raise _error("sampler", f"unknown sampler {settings.sampler!r}; {hint}")
    if settings.pruner not in PRUNERS:
        raise _error("pruner", f"must be one of {', '.join(PRUNERS)}, got {settings.pruner!r}")
    if (
        settings.grace_period_s is not None
        and settings.grace_period_s <= settings.heartbeat_interval_s
    ):
        raise _error("grace_period_s", "must be longer than heartbeat_interval_s")
    if not isinstance(space_data, Mapping) or not space_data:
        raise _error("space", "is empty; name at least one parameter to search")
    extensions = search_dimensions()
    parameters = set(design_parameters(design))
    space = tuple(
        _dimension(key, spec, design, registry, parameters, extensions)
        for key, spec in _flatten(space_data).items()
    )
    _check_contradictions(space, overrides)
    _check_conditions(space, design, registry)
    for dimension in space:
        _check_domain(dimension, design)
    if settings.sampler == "grid":
        for dimension in space:
            if dimension.kind != "categorical" and dimension.step is None:
                raise _error(
                    f"space.{dimension.name}",
                    "the grid sampler needs a step for every range (or choices)",
                )
            if dimension.when:
                raise _error(
                    f"space.{dimension.name}.when",
                    "the grid sampler enumerates every combination; conditions need another "
                    "sampler",
                )
    if isinstance(objective_data, str | Mapping):
        objective_data = [objective_data]
    if not isinstance(objective_data, list) or not objective_data:
        raise _error("objectives", 'needs at least one objective, e.g. ["lcoc"]')
    chosen = tuple(_objective(i, spec) for i, spec in enumerate(objective_data))
    labels = [c.label for c in chosen]
    if len(set(labels)) != len(labels):
        raise _error("objectives", f"names an objective twice: {labels}")
    if settings.sampler == "cmaes" and len(chosen) > 1:
        raise _error("sampler", "cmaes optimizes one objective; use nsga2 or tpe for several")
    _check_outputs(chosen, design)
    return OptimizeSection(
        settings=settings, space=space, objectives=chosen, constraints=constraints
    )
