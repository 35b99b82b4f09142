"""What a search found: the best design (or the Pareto front), importances, runnable exports.

Everything here reads the Optuna study back from its storage, so it describes the whole study
(every run and worker), not only the run that just ended.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import optuna
from optuna.trial import FrozenTrial, TrialState

from skyrack.errors import SkyrackError
from skyrack.numbers import format_quantity
from skyrack.optimize.evaluate import HEADLINE_OUTPUTS, evaluate_assignments
from skyrack.optimize.run import NOTE_KEY, SURPLUS, Target
from skyrack.optimize.section import COMPONENT_KINDS, OptimizeSection
from skyrack.output import value_unit
from skyrack.parameters import parameter_kind
from skyrack.results import write_folder
from skyrack.study import Study

SI_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"))
OUTPUT_ROWS = {
    "orbit_to_ground_ratio": "orbit / ground LCOC",
    "capex_usd": "capex",
    "fleet_payload_power_w": "fleet payload power",
    "satellites": "satellites",
    "launches": "launches",
    "deployment_years": "deployment",
}
"""Evaluator outputs shown under each design, with their labels (each cell names its unit)."""


def short_value(value: Any, unit: str | None = None) -> str:
    """A value in about ten characters: with a ``unit``, the number as every table writes it
    (``$6.01B``, ``25.1 days``, ``40 MW``); without, 4 significant digits and M/G/T for large
    numbers; yes/no, a name as it is, — for none."""
    if unit is not None and isinstance(value, int | float) and not isinstance(value, bool):
        return format_quantity(value, unit)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, int | float):
        return str(value)
    if not math.isfinite(value):
        return "∞" if value > 0 else "−∞"
    for scale, prefix in SI_PREFIXES:
        if abs(value) >= scale:
            return f"{value / scale:.4g} {prefix}"
    if isinstance(value, int) or float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def spread(count: int, keep: int) -> list[int]:
    """``keep`` indices out of ``count`` evenly spread, the first and the last included."""
    if count <= keep:
        return list(range(count))
    if keep == 1:
        return [0]
    return sorted({round(i * (count - 1) / (keep - 1)) for i in range(keep)})


def design_cells(
    rows: Sequence[Mapping[str, Any]], objectives: Sequence[Mapping[str, Any]]
) -> list[list[tuple[str, list[str]]]]:
    """The designs table's sections (objectives, parameters, outputs), each a list of rows:
    a label and one cell per design. An output an objective already shows is left out."""
    shown = {key for objective in objectives for key in objective.get("reads", ())}
    values = [
        (
            objective["label"],
            [short_value(row["values"].get(objective["label"]), objective["unit"]) for row in rows],
        )
        for objective in objectives
    ]
    names = dict.fromkeys(name for row in rows for name in row["params"])
    params = [(name, [short_value(row["params"].get(name)) for row in rows]) for name in names]
    outputs = [
        (label, [short_value(row["outputs"].get(key), value_unit(key)) for row in rows])
        for key, label in OUTPUT_ROWS.items()
        if key not in shown
    ]
    return [values, params, outputs]


def best_trials(study: optuna.Study) -> list[FrozenTrial]:
    """The best feasible trial, or the feasible Pareto front sorted by the first objective.

    A design the sampler tried more than once (NSGA-II's offspring often clone a parent) stands
    once on the front, as its first trial.
    """
    if len(study.directions) == 1:
        try:
            return [study.best_trial]
        except ValueError:  # no feasible trial completed yet
            return []
    sign = 1.0 if study.directions[0] == optuna.study.StudyDirection.MINIMIZE else -1.0
    designs: dict[str, FrozenTrial] = {}
    for trial in sorted(study.best_trials, key=lambda t: t.number):
        designs.setdefault(repr(sorted(trial.params.items())), trial)
    return sorted(designs.values(), key=lambda t: (sign * t.values[0], t.number))


def trial_counts(study: optuna.Study) -> dict[str, int]:
    """Trials by state; ``surplus`` trials (asked past n_trials, never run) apart from failures."""
    counts = {"complete": 0, "pruned": 0, "failed": 0, "surplus": 0, "running": 0, "waiting": 0}
    names = {
        TrialState.COMPLETE: "complete",
        TrialState.PRUNED: "pruned",
        TrialState.FAIL: "failed",
        TrialState.RUNNING: "running",
        TrialState.WAITING: "waiting",
    }
    for trial in study.get_trials(deepcopy=False):
        if trial.state == TrialState.FAIL and trial.user_attrs.get(NOTE_KEY) == SURPLUS:
            counts["surplus"] += 1
        else:
            counts[names[trial.state]] += 1
    return counts


def outputs_of(study: Study, trial: FrozenTrial) -> dict[str, float]:
    """A trial's headline outputs, as its evaluation stored them (a trial from an older search
    without them: its design evaluated again by the analytic evaluator)."""
    stored = {key: trial.user_attrs[key] for key in HEADLINE_OUTPUTS if key in trial.user_attrs}
    if stored:
        return stored
    assert study.optimize is not None
    return dict(evaluate_assignments(study.optimize, study.design, [dict(trial.params)])[0].outputs)


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def describe_trial(study: Study, trial: FrozenTrial, labels: list[str]) -> dict[str, Any]:
    """One trial as JSON-ready data: number, objective values, parameters, outputs, constraints
    (a value that is not finite as None: the results document holds finite numbers only)."""
    return {
        "number": trial.number,
        "values": {label: _finite(v) for label, v in zip(labels, trial.values or (), strict=False)},
        "params": dict(trial.params),
        "outputs": {key: _finite(v) for key, v in outputs_of(study, trial).items()},
        "constraints": {key: _finite(v) for key, v in trial.constraints.items()},
        "feasible": all(v <= 0 for v in trial.constraints.values()),
    }


def importances(study: optuna.Study, labels: list[str]) -> dict[str, dict[str, float]]:
    """Each parameter's importance for each objective over the complete trials, by Optuna's
    PED-ANOVA (the evaluator optuna-dashboard shows); empty when there are too few trials."""
    from optuna.importance import PedAnovaImportanceEvaluator, get_param_importances

    result: dict[str, dict[str, float]] = {}
    for index, label in enumerate(labels):
        # PED-ANOVA ranks what makes the target low: maximized objectives are negated.
        sign = -1.0 if study.directions[index] == optuna.study.StudyDirection.MAXIMIZE else 1.0
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="PedAnovaImportanceEvaluator")
                # too few trials: Optuna warns and calls every parameter equal; say nothing
                warnings.filterwarnings("error", message="The number of trials is too small")
                found = get_param_importances(
                    study,
                    evaluator=PedAnovaImportanceEvaluator(),
                    target=_objective_target(index, sign),
                )
        except (ValueError, RuntimeError, ZeroDivisionError, UserWarning):
            continue
        result[label] = {name: float(value) for name, value in found.items()}
    return result


def _objective_target(index: int, sign: float) -> Callable[[FrozenTrial], float]:
    def target(trial: FrozenTrial) -> float:
        value = sign * trial.values[index]
        return value if math.isfinite(value) else math.copysign(1e30, value)

    return target


def objectives_document(section: OptimizeSection) -> list[dict[str, Any]]:
    """The search's objectives as JSON-ready data: label, direction, unit, meaning, outputs read."""
    return [
        {
            "label": o.label,
            "direction": o.direction,
            "unit": o.objective.unit,
            "description": o.objective.description,
            "reads": list(o.objective.requires),
        }
        for o in section.objectives
    ]


def search_section(study: Study, optuna_study: optuna.Study, target: Target) -> dict[str, Any]:
    """The search as the ``optimization`` section of the results document (``metrics.json``,
    described by the results schema): where its trials are, its objectives, its trial counts,
    the best design (one objective) or the feasible Pareto front, and the importances."""
    section = study.optimize
    assert section is not None
    labels = [objective.label for objective in section.objectives]
    return {
        "storage": target.label,
        "study_name": target.study_name,
        "sampler": section.settings.sampler,
        "n_trials": target.n_trials,
        "objectives": objectives_document(section),
        "trials": trial_counts(optuna_study),
        "best": [describe_trial(study, trial, labels) for trial in best_trials(optuna_study)],
        "importances": importances(optuna_study, labels),
    }


def study_search_section(study: Study) -> dict[str, Any] | None:
    """The ``optimization`` section of a study with [optimize], read from its default storage,
    or None when no search has finished a trial there (nothing is created)."""
    from skyrack.optimize.run import open_study, quiet_optuna, target_for

    target = target_for(study)
    try:
        with quiet_optuna():
            optuna_study, _ = open_study(study, target, create=False)
            if not trial_counts(optuna_study)["complete"]:
                return None
            return search_section(study, optuna_study, target)
    except SkyrackError:
        return None


def export_study(study: Study, trial: FrozenTrial, section: OptimizeSection) -> str:
    """A runnable study file (TOML) with the trial's design in place of the search.

    Starts from the original study file (its comments kept), sets the chosen components and
    numbers in ``[design]``, ``[economics]`` and ``[overrides.<kind>]``, and drops
    ``[optimize]``.
    """
    import tomlkit

    from skyrack.optimize.evaluate import design_for, parameter_values

    source = study.path.read_text(encoding="utf-8") if study.path else ""
    document = tomlkit.parse(source) if source else tomlkit.document()
    document.pop("optimize", None)
    info = document.setdefault("study", tomlkit.table())
    info["name"] = f"{study.info.name}-trial-{trial.number}"
    values = ", ".join(f"{v:.6g}" for v in trial.values or ())
    info["description"] = (
        f"Trial {trial.number} of the search {study.info.name!r} ({values}), exported by "
        "skyrack optimize --export-best."
    )
    params = dict(trial.params)
    design = document.setdefault("design", tomlkit.table())
    for kind in COMPONENT_KINDS:
        if kind in params:
            design[kind] = params[kind]
    chosen = design_for(study.design, params)
    variations = parameter_values(section, chosen, [params])
    for key, array in variations.items():
        section_name, _, field = key.partition(".")
        value = _typed(array[0], study, key)
        if section_name == "sizing":
            design[field] = value
            other = {"satellites": "target_it_power_w", "target_it_power_w": "satellites"}
            design.pop(other.get(field, ""), None)
        elif section_name == "economics":
            document.setdefault("economics", tomlkit.table())[field] = value
        else:
            overrides = document.setdefault("overrides", tomlkit.table(is_super_table=True))
            table = overrides.setdefault(section_name, tomlkit.table())
            if field == "bf16_dense_tflops":
                table["dense_tflops"] = {**chosen.compute_payload.dense_tflops, "bf16": value}
            else:
                table[field] = value
    return tomlkit.dumps(document)


def _typed(value: float, study: Study, key: str) -> Any:
    """A parameter's value as its field's type: int, bool or float."""
    kind = parameter_kind(study.design, key)
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return round(value)
    return float(value)


def export_best(study: Study, optuna_study: optuna.Study, folder: Path) -> list[Path]:
    """Write one runnable study file per best trial (the Pareto front: one per design) as the
    folder ``folder``, which skyrack owns as it owns a results folder (an earlier export is
    replaced; a folder of the user's is refused)."""
    section = study.optimize
    assert section is not None
    studies = {
        f"{study.info.name}-trial-{trial.number}.toml": export_study(study, trial, section)
        for trial in best_trials(optuna_study)
    }

    def write(staging: Path) -> None:
        for name, text in studies.items():
            (staging / name).write_text(text, encoding="utf-8")

    written = write_folder(folder, write)
    return [written / name for name in studies]
