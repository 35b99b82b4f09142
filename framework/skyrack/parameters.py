"""A design as a flat table of numbers, so the evaluator can run on floats or on arrays.

Keys are ``"<kind>.<field>"``: ``"launch_vehicle.price_usd"``, ``"sizing.mission_years"``,
``"economics.discount_rate_per_year"``. ``evaluate`` runs the model on this table of floats
(the component validators checked each number). The batch evaluator replaces any of them with an
array; each array is checked against the range of the field it replaces, so a sweep cannot run
on a value the component itself would refuse.

A few *derived* keys (:data:`DERIVED_PARAMETERS`) name a quantity people quote instead of a
field, such as ``launch_vehicle.price_usd_per_kg``: varying one sets the field it is derived
from (the launch price = $/kg × payload to LEO), so the model itself never sees it.
"""

from __future__ import annotations

import functools
import math
import operator
import weakref
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.components import number_problem
from skyrack.design import Design
from skyrack.errors import InvalidComponent, closest_names

FloatArray = npt.NDArray[np.float64]
Parameters = dict[str, FloatArray]

_SKIPPED = frozenset({"name", "description", "sources"})
_NUMBER_TYPES = frozenset({float, int, bool, "float", "int", "bool"})
_PLAIN_TYPES = frozenset({float, int, bool})


@attrs.frozen
class _Layout:
    """How to read one attrs class's numbers, worked out once per class (see _layout)."""

    fields: tuple[tuple[str, str], ...]
    """(key, field name) of every field that may hold a number, in field order."""
    template: dict[str, float]
    """Every key of ``fields``, in order: the table starts as its copy, so it keeps the order."""
    number_keys: tuple[str, ...]
    read_numbers: Callable[[Any], tuple[Any, ...]]
    """Reads the fields typed float, int or bool at once (component validators keep them so)."""
    others: tuple[tuple[str, str], ...]
    """(key, field name) of the other fields (optional numbers, ``dense_tflops``, ...)."""


@functools.cache
def _layout(cls: type, prefix: str) -> _Layout:
    fields: list[tuple[str, str]] = []
    number_names: list[str] = []
    others: list[tuple[str, str]] = []
    for field in attrs.fields(cls):
        if field.name in _SKIPPED:
            continue
        key = (
            f"{prefix}.bf16_dense_tflops"
            if field.name == "dense_tflops"
            else f"{prefix}.{field.name}"
        )
        fields.append((key, field.name))
        if field.type in _NUMBER_TYPES and field.name != "dense_tflops":
            number_names.append(field.name)
        else:
            others.append((key, field.name))
    getter = operator.attrgetter(*number_names) if number_names else None

    def read_numbers(instance: Any) -> tuple[Any, ...]:
        if getter is None:
            return ()
        values = getter(instance)
        return values if len(number_names) > 1 else (values,)

    return _Layout(
        fields=tuple(fields),
        template=dict.fromkeys((key for key, _ in fields), math.nan),
        number_keys=tuple(f"{prefix}.{name}" for name in number_names),
        read_numbers=read_numbers,
        others=tuple(others),
    )


def _number(name: str, value: Any) -> float | None:
    """The table's number for a field's value: bools as 1.0/0.0, None as NaN, the BF16 entry of
    ``dense_tflops``; None when the value is no number (the field is left out)."""
    if name == "dense_tflops":
        return float(value["bf16"])
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    if value is None:
        return math.nan
    return None


def _add_fields(prefix: str, instance: Any, table: dict[str, float]) -> None:
    """Add ``instance``'s numbers to ``table`` under ``prefix.field`` keys, in field order."""
    cls: type = type(instance)
    layout = _layout(cls, prefix)
    values = layout.read_numbers(instance)
    if not _PLAIN_TYPES.issuperset(map(type, values)):  # a subclass broke its field types
        for key, name in layout.fields:
            number = _number(name, getattr(instance, name))
            if number is not None:
                table[key] = number
        return
    numbers = zip(layout.number_keys, map(float, values), strict=True)
    if not layout.others:
        table.update(numbers)
        return
    own = layout.template.copy()
    own.update(numbers)
    for key, name in layout.others:
        number = _number(name, getattr(instance, name))
        if number is None:
            del own[key]
        else:
            own[key] = number
    table.update(own)


_TABLES: dict[tuple[int, str], tuple[weakref.ref[Any], dict[str, float]]] = {}
"""Each live component's numbers, by (id, prefix); an entry leaves when its component dies."""


def _numbers_of(prefix: str, instance: Any) -> dict[str, float]:
    """``instance``'s numbers by ``prefix.field`` key (do not modify the returned dict).

    Components, ``Sizing`` and ``Economics`` are frozen, and one catalog component serves many
    designs, so each instance's table is kept while the instance lives.
    """
    key = (id(instance), prefix)
    entry = _TABLES.get(key)
    if entry is not None and entry[0]() is instance:
        return entry[1]
    table: dict[str, float] = {}
    _add_fields(prefix, instance, table)
    try:
        ref = weakref.ref(instance, functools.partial(_forget, key))
    except TypeError:  # not weak-referenceable: read it on every call
        return table
    _TABLES[key] = (ref, table)
    return table


def _forget(key: tuple[int, str], ref: weakref.ref[Any]) -> None:
    if _TABLES is None:  # interpreter shutdown: the module's globals are gone
        return
    entry = _TABLES.get(key)
    if entry is not None and entry[0] is ref:
        del _TABLES[key]


def design_parameters(design: Design) -> dict[str, float]:
    """Every number of a design (components, sizing, economics) by ``kind.field`` key."""
    table = _numbers_of("launch_vehicle", design.launch_vehicle).copy()
    table.update(_numbers_of("satellite_bus", design.satellite_bus))
    table.update(_numbers_of("compute_payload", design.compute_payload))
    table.update(_numbers_of("orbit", design.orbit))
    table.update(_numbers_of("ground_baseline", design.ground_baseline))
    table.update(_numbers_of("sizing", design.sizing))
    table.update(_numbers_of("economics", design.economics))
    return table


@attrs.frozen
class DerivedParameter:
    """A parameter quoted per unit of another: varying it sets ``field = value × per``."""

    field: str
    """The key it sets (``launch_vehicle.price_usd``)."""
    per: str
    """The key it is per (``launch_vehicle.payload_to_leo_kg``)."""
    unit: str
    doc: str


DERIVED_PARAMETERS: dict[str, DerivedParameter] = {
    "launch_vehicle.price_usd_per_kg": DerivedParameter(
        field="launch_vehicle.price_usd",
        per="launch_vehicle.payload_to_leo_kg",
        unit="USD/kg",
        doc="launch price per kg of payload to low Earth orbit: price_usd / payload_to_leo_kg "
        "(the vehicle's rated LEO payload, as launch prices are quoted, not what reaches "
        "the design's orbit)",
    ),
}
"""Keys a sweep, a crossover or an uncertainty may vary besides the design's own numbers."""
_DERIVED_DOMAIN: Mapping[str, Any] = {"minimum": 0.0, "exclusive_minimum": True}


def parameter_value(design: Design, key: str) -> float:
    """The design's value of ``key`` (a field's number, or a derived quantity such as the launch
    price per kg). Unknown keys raise InvalidComponent naming the closest ones."""
    table = design_parameters(design)
    derived = DERIVED_PARAMETERS.get(key)
    if derived is not None:
        return table[derived.field] / table[derived.per]
    if key not in table:
        _unknown(key, table)
    return table[key]


def parameter_domain(design: Design, key: str) -> Mapping[str, Any]:
    """The allowed range of ``key`` as field metadata (``minimum``, ``maximum``, ``integer``,
    ``unit``, ``doc``); unknown keys raise InvalidComponent naming the closest ones."""
    derived = DERIVED_PARAMETERS.get(key)
    if derived is not None:
        return {**_DERIVED_DOMAIN, "unit": derived.unit, "doc": derived.doc}
    field = field_for(key, design)
    if field is None:
        _unknown(key, design_parameters(design))
    meta: Mapping[str, Any] = field.metadata
    if str(field.type) == "bool":
        return {**meta, "minimum": 0.0, "exclusive_minimum": False, "maximum": 1.0, "bool": True}
    return meta


def check_parameter(design: Design, key: str, values: npt.ArrayLike) -> FloatArray:
    """``values`` as a float array when every one is allowed for ``key``; otherwise raise
    InvalidComponent in the words of the field's own validator (an unknown key names the
    closest ones)."""
    array = np.asarray(values, dtype=np.float64)
    if key in DERIVED_PARAMETERS:
        _check_range(key, None, array, parameter_domain(design, key))
    else:
        if key not in design_parameters(design):
            _unknown(key, design_parameters(design))
        _check_range(key, field_for(key, design), array)
    return array


def _unknown(key: str, known: Mapping[str, Any]) -> NoReturn:
    close = closest_names(key, [*known, *DERIVED_PARAMETERS])
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InvalidComponent(f"unknown design parameter {key!r}{hint}", field=key)


def field_for(key: str, design: Design) -> attrs.Attribute[Any] | None:
    """The attrs field behind a parameter key (``"orbit.altitude_km"``), or None."""
    section, _, name = key.partition(".")
    owners: dict[str, Any] = {
        **design.components(),
        "sizing": design.sizing,
        "economics": design.economics,
    }
    owner = owners.get(section)
    if owner is None:
        return None
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(type(owner))
    return next((field for field in fields if field.name == name), None)


def parameter_kind(design: Design, key: str) -> str:
    """``"bool"``, ``"int"`` or ``"float"``: the type of the field a parameter key names (a
    derived key such as ``compute_payload.bf16_dense_tflops`` is a float)."""
    field = field_for(key, design)
    if field is None:
        return "float"
    if str(field.type) in {"bool", "<class 'bool'>"}:
        return "bool"
    if field.metadata.get("integer") or str(field.type) in {"int", "int | None"}:
        return "int"
    return "float"


def _check_range(
    key: str,
    field: attrs.Attribute[Any] | None,
    values: FloatArray,
    metadata: Mapping[str, Any] | None = None,
) -> None:
    """Refuse values the field itself would refuse, worded as the field's validator words it."""
    meta: Mapping[str, Any] = field.metadata if field is not None else metadata or {}
    if field is not None and str(field.type) == "bool":
        if not np.all((values == 0.0) | (values == 1.0)):
            raise InvalidComponent(f"{key}: values must be 0 or 1 (false or true)", field=key)
        return
    bad = ~np.isfinite(values)
    minimum, maximum = meta.get("minimum"), meta.get("maximum")
    if minimum is not None:
        bad |= values <= minimum if meta.get("exclusive_minimum", True) else values < minimum
    if maximum is not None:
        bad |= values > maximum
    if meta.get("integer"):
        bad |= values != np.round(values)
    if np.any(bad):
        first = float(values[bad].flat[0])
        raise InvalidComponent(f"{key}: values {number_problem(first, meta)}", field=key)


def with_variations(
    design: Design, variations: Mapping[str, npt.ArrayLike] | None = None
) -> Parameters:
    """The design's parameters as arrays, with ``variations`` swapped in (broadcast together)."""
    base = design_parameters(design)
    arrays: Parameters = {key: np.asarray(value, dtype=np.float64) for key, value in base.items()}
    variations = variations or {}
    derived = [key for key in variations if key in DERIVED_PARAMETERS]
    for key, value in variations.items():
        if key in derived:
            continue
        arrays[key] = check_parameter(design, key, value)
    for key in derived:
        rule = DERIVED_PARAMETERS[key]
        if rule.field in variations:
            raise InvalidComponent(
                f"vary {key} or {rule.field}, not both: one sets the other", field=key
            )
        arrays[rule.field] = check_parameter(design, key, variations[key]) * arrays[rule.per]
    if "sizing.satellites" in (variations or {}):
        arrays["sizing.target_it_power_w"] = np.asarray(math.nan)
    if "sizing.target_it_power_w" in (variations or {}):
        arrays["sizing.satellites"] = np.asarray(math.nan)
    return arrays


def design_with(design: Design, values: Mapping[str, float]) -> Design:
    """``design`` with one value for each of these parameters (``{"sizing.mission_years": 4}``),
    each of its field's type and checked by the field's validator: the single design that
    ``with_variations`` describes as numbers. Setting the fleet by its satellites clears its
    target power, and the reverse."""
    changes: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        if key in DERIVED_PARAMETERS:
            rule = DERIVED_PARAMETERS[key]
            key, value = rule.field, value * parameter_value(design, rule.per)
        section, _, name = key.partition(".")
        kind = parameter_kind(design, key)
        changes.setdefault(section, {})[name] = (
            bool(value) if kind == "bool" else round(value) if kind == "int" else float(value)
        )
    owners: dict[str, Any] = {
        **design.components(),
        "sizing": design.sizing,
        "economics": design.economics,
    }
    evolved: dict[str, Any] = {}
    for section, fields in changes.items():
        owner = owners[section]
        if "bf16_dense_tflops" in fields:
            fields["dense_tflops"] = {**owner.dense_tflops, "bf16": fields.pop("bf16_dense_tflops")}
        if section == "sizing" and "satellites" in fields:
            fields.setdefault("target_it_power_w", None)
        if section == "sizing" and "target_it_power_w" in fields:
            fields.setdefault("satellites", None)
        evolved[section] = attrs.evolve(owner, **fields)
    return attrs.evolve(design, **evolved)
