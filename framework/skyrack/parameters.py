"""A design as a flat table of numbers, so the evaluator can run on floats or on arrays.

Keys are ``"<kind>.<field>"``: ``"launch_vehicle.price_usd"``, ``"sizing.mission_years"``,
``"economics.discount_rate_per_year"``. ``evaluate`` runs the model on this table of floats
(the component validators checked each number). The batch evaluator replaces any of them with an
array; each array is checked against the range of the field it replaces, so a sweep cannot run
on a value the component itself would refuse.
"""

from __future__ import annotations

import functools
import math
import operator
import weakref
from collections.abc import Callable, Mapping
from typing import Any

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


def _field_for(key: str, design: Design) -> attrs.Attribute[Any] | None:
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
    field = _field_for(key, design)
    if field is None:
        return "float"
    if str(field.type) in {"bool", "<class 'bool'>"}:
        return "bool"
    if field.metadata.get("integer") or str(field.type) in {"int", "int | None"}:
        return "int"
    return "float"


def _check_range(key: str, field: attrs.Attribute[Any] | None, values: FloatArray) -> None:
    """Refuse values the field itself would refuse, worded as the field's validator words it."""
    meta: Mapping[str, Any] = field.metadata if field is not None else {}
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
    for key, value in (variations or {}).items():
        if key not in base:
            close = closest_names(key, base)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise InvalidComponent(f"unknown design parameter {key!r}{hint}", field=key)
        values = np.asarray(value, dtype=np.float64)
        _check_range(key, _field_for(key, design), values)
        arrays[key] = values
    if "sizing.satellites" in (variations or {}):
        arrays["sizing.target_it_power_w"] = np.asarray(math.nan)
    if "sizing.target_it_power_w" in (variations or {}):
        arrays["sizing.satellites"] = np.asarray(math.nan)
    return arrays
