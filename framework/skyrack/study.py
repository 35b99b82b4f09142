"""Study files: TOML that names the components, sets the design and the assumptions.

A study is data, never code: it is parsed with :mod:`tomllib` and structured into attrs classes
with cattrs under strict rules (a string is never taken for a number, unknown keys are errors
with the closest valid names, every range is checked). Every problem becomes a
:class:`~skyrack.errors.StudyError` whose message starts with the file and the key path::

    quickstart.toml: design.accelerators_per_satellite: must be a positive integer, got -4
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from skyrack.business.settings import Business
from skyrack.components import Component, numeric_field_names
from skyrack.components import seed as seed_field
from skyrack.design import Design, Economics, Sizing
from skyrack.errors import (
    ComponentNotFound,
    InvalidComponent,
    SkyrackError,
    StudyError,
    closest_names,
)
from skyrack.explore.uncertainty import (
    UncertaintySettings,
    implausible_distributions,
    parse_uncertainty,
)
from skyrack.plausibility import implausible_fields, implausible_inputs
from skyrack.registry import Registry
from skyrack.report.settings import ReportSettings, parse_report_section
from skyrack.simulation.settings import SimulationSettings, check_names
from skyrack.sources import Source
from skyrack.text import joined_problems, printable, shorten, show
from skyrack.toml_input import STDIN, read_toml

if TYPE_CHECKING:
    from skyrack.optimize.section import OptimizeSection


SECTIONS = (
    "study",
    "design",
    "overrides",
    "economics",
    "business",
    "optimize",
    "simulation",
    "uncertainty",
    "report",
)
FUTURE_SECTIONS: dict[str, str] = {}
"""Sections a later version will read; refused by name now rather than silently ignored."""
SIMULATION_KEYS = {
    "events": "events = [...]",
    "policy": 'policy = "..."',
    "ensemble": "replications = N",
}
"""Sections whose settings are keys of [simulation]."""

COMPONENT_KEYS = (
    "launch_vehicle",
    "satellite_bus",
    "compute_payload",
    "orbit",
    "ground_baseline",
)


STUDY_NAME_PATTERN = re.compile(r"\w[\w.\- ]{0,99}")
"""A study's name names its results folder (results/<name>), so it must be one safe folder name
(matched in full: a trailing newline is no part of a name)."""
MAX_DESCRIPTION_CHARS = 5_000
"""A description is printed above the summary: a paragraph, not a document."""


def _check_study_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not STUDY_NAME_PATTERN.fullmatch(value):
        problem = (
            "must be 1 to 100 letters, digits, '-', '_', '.' or spaces, starting with a letter "
            f"or digit (it names the results folder), got {show(value)}"
        )
        raise InvalidComponent(f"name {problem}", field="name", problem=problem)


def _check_description(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, str) and len(value) > MAX_DESCRIPTION_CHARS:
        problem = (
            f"is {len(value):,} characters; a description is at most "
            f"{MAX_DESCRIPTION_CHARS:,} (put longer notes in TOML comments)"
        )
        raise InvalidComponent(f"description {problem}", field="description", problem=problem)


AllowList = bool | tuple[str, ...]
"""``allow_implausible``: true (every key), or the keys whose implausible values to accept."""


@attrs.frozen(kw_only=True)
class StudyInfo:
    """The ``[study]`` section: what the study is called and what question it answers."""

    name: str = attrs.field(validator=_check_study_name)
    description: str = attrs.field(default="", validator=_check_description)
    seed: int = seed_field("seed of every random draw the study makes", default=0)
    allow_implausible: AllowList = attrs.field(
        default=False,
        metadata={"doc": "accept implausible values: true, or a list of keys as errors name them"},
    )


@attrs.frozen(kw_only=True)
class Study:
    """A loaded study: its information, the resolved design, and where it came from."""

    info: StudyInfo
    design: Design
    overrides: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    business: Business = attrs.field(factory=Business)
    """The ``[business]`` section: market, refresh policies, valuation (all defaulted)."""
    path: Path | None = None
    optimize: OptimizeSection | None = None
    """The validated ``[optimize]`` section, when the study has one."""
    simulation: SimulationSettings | None = None
    """The ``[simulation]`` settings, when the study flies its fleet."""
    uncertainty: UncertaintySettings = attrs.field(factory=UncertaintySettings)
    """The ``[uncertainty]`` section (its defaults when the study has none)."""
    report: ReportSettings = attrs.field(factory=ReportSettings)
    """The ``[report]`` section (its defaults when the study has none)."""
    allowed_implausible: tuple[str, ...] = ()
    """The keys of implausible values the study (or ``--allow-implausible``) accepted."""

    def locate(self, key: str) -> str:
        """Where the study sets design parameter ``key`` (``"sizing.mission_years"`` →
        ``"design.mission_years"``); a component value that the study does not override is
        ``design.<kind>.<field>``, the field of the component named there."""
        return locate(key, self.overrides)


def locate(key: str, overrides: Mapping[str, Mapping[str, Any]]) -> str:
    """The study key path of design parameter ``key`` (see :meth:`Study.locate`)."""
    section, _, name = key.partition(".")
    if section == "sizing":
        return f"design.{name}"
    if section == "economics":
        return f"economics.{name}"
    if name == "bf16_dense_tflops":
        name = "dense_tflops.bf16"
    if name.partition(".")[0] in overrides.get(section, {}):
        return f"overrides.{section}.{name}"
    return f"design.{section}.{name}"


def _strict(kind: type, accepts: tuple[type, ...], noun: str) -> Any:
    def structure(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and kind is not bool:
            raise TypeError(f"must be {noun}, got {show(value)}")
        if not isinstance(value, accepts):
            raise TypeError(f"must be {noun}, got {show(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise TypeError(f"must be a finite number, got {show(value)}")
        return kind(value)

    return structure


def _allow_list(value: Any, _: Any) -> AllowList:
    if isinstance(value, bool):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise TypeError(f"must be true, false or a list of keys, got {show(value)}")


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(float, _strict(float, (int, float), "a number"))
    converter.register_structure_hook(int, _strict(int, (int,), "an integer"))
    converter.register_structure_hook(bool, _strict(bool, (bool,), "true or false"))
    converter.register_structure_hook(str, _strict(str, (str,), "a string"))
    converter.register_structure_hook(AllowList, _allow_list)
    converter.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _names)
    return converter


def _names(value: Any, _: Any) -> tuple[str, ...]:
    """A list of component names (a single name is a list of one)."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"must be a list of component names, got {value!r}")
    return tuple(value)


CONVERTER = _converter()


def _field_names(cls: type) -> list[str]:
    return [field.name for field in attrs.fields(cls)]


def _key(key: str) -> str:
    """A key from the study as it can be quoted in a message."""
    return shorten(printable(str(key)), 60)


def _unknown_key_message(prefix: str, key: str, valid: list[str]) -> str:
    close = closest_names(key[:100], valid)
    hint = f"did you mean {', '.join(close)}?" if close else f"valid keys: {', '.join(valid)}"
    return f"{prefix}{_key(key)}: unknown key; {hint}"


def _messages(error: BaseException, prefix: str) -> list[str]:
    """Plain one-line messages, each with its key path, from a cattrs validation error."""
    if isinstance(error, ForbiddenExtraKeysError):
        keys = sorted(error.extra_fields)
        found = [_unknown_key_message(prefix, key, _field_names(error.cl)) for key in keys[:3]]
        return found + [f"{prefix}{_key(key)}: unknown key" for key in keys[3:]]
    if isinstance(error, InvalidComponent):
        return [f"{prefix}{error.field}: {error.problem}" if error.field else f"{error}"]
    if isinstance(error, ClassValidationError):
        found = []
        with_notes, without_notes = error.group_exceptions()
        entries: list[tuple[Exception, Any]] = [*with_notes, *((e, None) for e in without_notes)]
        for sub, note in entries:
            name = getattr(note, "name", None)
            sub_prefix = (
                f"{prefix}{name}." if name and isinstance(sub, ClassValidationError) else prefix
            )
            if name and not isinstance(sub, ClassValidationError | ForbiddenExtraKeysError):
                found.append(f"{prefix}{name}: {_problem(sub)}")
            else:
                found.extend(_messages(sub, sub_prefix))
        return found
    return [f"{prefix.rstrip('.')}: {_problem(error)}"]


def _problem(error: BaseException) -> str:
    if isinstance(error, InvalidComponent) and error.problem:
        return error.problem
    text = str(error)
    if isinstance(error, KeyError) or "required" in text:
        return "is required"
    if isinstance(error, TypeError) and "is not iterable" in text:  # a number for a sub-table
        return "must be a table of keys"
    return text


def _structure(data: Any, cls: type, section: str) -> Any:
    if not isinstance(data, Mapping):
        raise StudyError(f"[{section}] must be a table of keys, got {show(data)}")
    missing = [
        f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING and f.name not in data
    ]
    if missing:
        raise StudyError(f"{section}.{missing[0]}: is required")
    try:
        return CONVERTER.structure(dict(data), cls)
    except (ClassValidationError, InvalidComponent, ForbiddenExtraKeysError) as error:
        raise StudyError(joined_problems(_messages(error, f"{section}."))) from None


_SCALAR_TYPES: dict[Any, type] = {
    **{kind: kind for kind in (float, int, bool, str)},
    **{kind.__name__: kind for kind in (float, int, bool, str)},
}
"""Component field types (as written, or as strings under postponed annotations) to check."""


def _apply_overrides(
    components: dict[str, Component], overrides: Any, origin: Source
) -> dict[str, dict[str, Any]]:
    if not isinstance(overrides, Mapping):
        raise StudyError(
            "[overrides] must hold tables such as [overrides.launch_vehicle], "
            f"got {show(overrides)}"
        )
    applied: dict[str, dict[str, Any]] = {}
    for kind, values in overrides.items():
        if kind not in components:
            raise StudyError(_unknown_key_message("overrides.", kind, list(components)))
        if not isinstance(values, Mapping):
            raise StudyError(
                f"overrides.{_key(kind)}: must be a table of field = value, got {show(values)}"
            )
        component = components[kind]
        types = {f.name: f.type for f in attrs.fields(type(component))}
        fields = [f for f in types if f not in {"name", "sources"}]
        checked: dict[str, Any] = {}
        for key, value in values.items():
            if key not in fields:
                raise StudyError(_unknown_key_message(f"overrides.{kind}.", key, fields))
            scalar = _SCALAR_TYPES.get(types[key])
            try:  # the same strict types as the rest of the study (no float for an int)
                checked[key] = CONVERTER.structure(value, scalar) if scalar else value
            except TypeError as error:
                raise StudyError(f"overrides.{kind}.{key}: {error}") from None
        numeric = set(numeric_field_names(type(component)))
        sources = {**component.sources, **{key: origin for key in checked if key in numeric}}
        try:
            components[kind] = attrs.evolve(component, **checked, sources=sources)
        except InvalidComponent as error:
            if error.field is None:
                raise StudyError(f"overrides.{kind}: {error}") from None
            raise StudyError(f"overrides.{kind}.{error.field}: {error.problem or error}") from None
        applied[kind] = checked
    return applied


def parse_study(
    data: Mapping[str, Any],
    registry: Registry,
    path: Path | None = None,
    *,
    allow_implausible: bool = False,
) -> Study:
    """Build a Study from already-parsed TOML data (a dict), resolving component names.

    Values outside their plausible range are refused unless ``allow_implausible`` or the
    study's own ``allow_implausible`` accepts them."""
    for section in data:
        if section in SIMULATION_KEYS:
            raise StudyError(
                f"[{section}] is not a section; set {SIMULATION_KEYS[section]} in [simulation]"
            )
        if section in FUTURE_SECTIONS:
            raise StudyError(
                f"[{_key(section)}] is not supported yet ({FUTURE_SECTIONS[section]} comes in a "
                "later version); remove the section to run this study"
            )
        if section not in SECTIONS:
            close = closest_names(section[:100], SECTIONS)
            valid = ", ".join(f"[{name}]" for name in close or SECTIONS)
            hint = f"did you mean {valid}?" if close else f"valid sections: {valid}"
            if not isinstance(data[section], Mapping):  # a key above the first [section]
                raise StudyError(f"{_key(section)}: key outside any section; {hint}")
            raise StudyError(f"[{_key(section)}]: unknown section; {hint}")
    for section in ("study", "design"):
        if section not in data:
            raise StudyError(f"[{section}] section is missing")
    info = _structure(data["study"], StudyInfo, "study")
    design_data = data["design"]
    if not isinstance(design_data, Mapping):
        raise StudyError(f"[design] must be a table of keys, got {show(design_data)}")
    sizing_data = {k: v for k, v in design_data.items() if k not in COMPONENT_KEYS}
    for key in sizing_data:  # before the required names, so a typo'd name gets a suggestion
        if key not in _field_names(Sizing):
            raise StudyError(
                _unknown_key_message("design.", key, [*COMPONENT_KEYS, *_field_names(Sizing)])
            )
    components: dict[str, Component] = {}
    for key in COMPONENT_KEYS:
        if key not in design_data:
            noun = key.replace("_", " ")
            article = "an" if noun[0] in "aeiou" else "a"
            raise StudyError(f"design.{key}: is required (the name of {article} {noun})")
        name = design_data[key]
        if not isinstance(name, str):
            raise StudyError(f"design.{key}: must be a component name, got {show(name)}")
        try:
            components[key] = registry.get(key, name)
        except ComponentNotFound as error:
            raise StudyError(f"design.{key}: {error}") from None
    sizing = _structure(sizing_data, Sizing, "design")
    economics = _structure(data.get("economics", {}), Economics, "economics")
    business = _structure(data.get("business", {}), Business, "business")
    try:
        registry.accelerator_roadmap(business.roadmap)
    except ComponentNotFound as error:
        raise StudyError(f"business.roadmap: {error}") from None
    origin = Source(title=f"study file {_file_label(path)}", year=2026, estimate=True)
    applied = _apply_overrides(components, data.get("overrides", {}), origin)
    design = Design(sizing=sizing, economics=economics, **components)  # type: ignore[arg-type]
    uncertainty = parse_uncertainty(data.get("uncertainty", {}), design)
    report = parse_report_section(data.get("report", {}), design)
    sections: dict[str, Any] = {"business": business}
    optimize = None
    if "optimize" in data:
        from skyrack.optimize.section import parse_optimize_section

        optimize = parse_optimize_section(data["optimize"], design, registry, applied)
    simulation = None
    if "simulation" in data:
        simulation = _structure(data["simulation"], SimulationSettings, "simulation")
        if simulation.seed is None:
            simulation = attrs.evolve(simulation, seed=info.seed)
        try:
            check_names(simulation, design, registry)
        except SkyrackError as error:
            raise StudyError(str(error)) from None
        sections["simulation"] = simulation
        sections["simulation.factory"] = simulation.factory
    allow = True if allow_implausible else info.allow_implausible
    accepted = _check_plausible(design, applied, allow, sections, uncertainty)
    return Study(
        info=info,
        design=design,
        overrides=applied,
        business=business,
        path=path,
        optimize=optimize,
        simulation=simulation,
        uncertainty=uncertainty,
        report=report,
        allowed_implausible=accepted,
    )


def _known_keys(
    design: Design, sections: Mapping[str, Any], uncertainty: UncertaintySettings | None
) -> list[str]:
    keys = [f"design.{name}" for name in _field_names(Sizing)]
    keys += [f"uncertainty.{key}" for key in (uncertainty.distributions if uncertainty else ())]
    keys += [f"economics.{name}" for name in _field_names(Economics)]
    keys += [
        f"{name}.{field}"
        for name, section in sections.items()
        for field in _field_names(type(section))
    ]
    for kind, component in design.components().items():
        for name in numeric_field_names(type(component)):
            keys.append(f"design.{kind}.{name}")
            keys.append(f"overrides.{kind}.{name}")
    return keys


def _check_plausible(
    design: Design,
    overrides: Mapping[str, Mapping[str, Any]],
    allow: AllowList,
    sections: Mapping[str, Any],
    uncertainty: UncertaintySettings | None = None,
) -> tuple[str, ...]:
    """Refuse the implausible values of the design, of the study's other ``sections``
    (``[business]``, ``[simulation]``) and of its ``[uncertainty]`` distributions that ``allow``
    does not accept; return the keys of those it accepts."""
    if not isinstance(allow, bool):
        known = _known_keys(design, sections, uncertainty)
        for key in allow:
            if key not in known and key.rpartition(".")[0] not in known:  # dense_tflops.<p>
                close = closest_names(key, known)
                hint = f"; did you mean {', '.join(close)}?" if close else ""
                raise StudyError(
                    f"study.allow_implausible: {_key(key)} is not a key of this study{hint}"
                )
    accepted, problems = [], []
    found = [(locate(item.key, overrides), item) for item in implausible_inputs(design)]
    for name, section in sections.items():
        found += [(item.key, item) for item in implausible_fields(section, name)]
    if uncertainty is not None:
        found += [
            (f"uncertainty.{item.key}", item)
            for item in implausible_distributions(uncertainty, design)
        ]
    for where, item in found:
        if allow is True or (not isinstance(allow, bool) and where in allow):
            accepted.append(where)
        else:
            problems.append(f"{where}: {item.problem}")
    if problems:
        raise StudyError(
            f"{joined_problems(problems)}; to use such a value anyway, list its key in [study] "
            "allow_implausible or run with --allow-implausible"
        )
    return tuple(accepted)


def _file_label(path: Path | None) -> str:
    if path is None:
        return "(in memory)"
    return "(standard input)" if str(path) == STDIN else path.name


def load_study(
    path: str | Path, registry: Registry | None = None, *, allow_implausible: bool = False
) -> Study:
    """Read and validate a study file (``-`` reads standard input); every problem is a
    StudyError naming the file and the key. Implausible values are refused unless
    ``allow_implausible`` (or the study's ``[study] allow_implausible``) accepts them."""
    from skyrack.plugins import registry as loaded_registry

    study_path = Path(path)
    try:
        return parse_study(
            read_toml(study_path),
            registry or loaded_registry(),
            study_path,
            allow_implausible=allow_implausible,
        )
    except StudyError as error:
        label = "<stdin>" if str(study_path) == STDIN else shorten(str(study_path), 200)
        raise StudyError(f"{label}: {error}") from None
