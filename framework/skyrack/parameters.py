"""A design as a flat table of numbers, so the evaluator can run on floats or on arrays.

Keys are ``"<kind>.<field>"``: ``"launch_vehicle.price_usd"``, ``"sizing.mission_years"``,
``"economics.discount_rate_per_year"``. The batch evaluator replaces any of them with an array;
each array is checked against the range of the field it replaces, so a sweep cannot run on a
value the component itself would refuse.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from skyrack.design import Design
from skyrack.errors import InvalidComponent, closest_names

FloatArray = npt.NDArray[np.float64]
Parameters = dict[str, FloatArray]


def _field_table(prefix: str, instance: Any) -> dict[str, float]:
    table: dict[str, float] = {}
    for field in attrs.fields(type(instance)):
        value = getattr(instance, field.name)
        if field.name in {"name", "description", "sources"}:
            continue
        if field.name == "dense_tflops":
            table[f"{prefix}.bf16_dense_tflops"] = float(value["bf16"])
        elif isinstance(value, bool):
            table[f"{prefix}.{field.name}"] = 1.0 if value else 0.0
        elif isinstance(value, int | float):
            table[f"{prefix}.{field.name}"] = float(value)
        elif value is None:
            table[f"{prefix}.{field.name}"] = math.nan
    return table


def design_parameters(design: Design) -> dict[str, float]:
    """Every number of a design (components, sizing, economics) by ``kind.field`` key."""
    table: dict[str, float] = {}
    for kind, component in design.components().items():
        table.update(_field_table(kind, component))
    table.update(_field_table("sizing", design.sizing))
    table.update(_field_table("economics", design.economics))
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


def _check_range(key: str, field: attrs.Attribute[Any] | None, values: FloatArray) -> None:
    if not np.all(np.isfinite(values)):
        raise InvalidComponent(f"{key}: every value must be a finite number", field=key)
    if field is None:
        return
    meta = field.metadata
    minimum, maximum = meta.get("minimum"), meta.get("maximum")
    if str(field.type) == "bool":
        if not np.all((values == 0.0) | (values == 1.0)):
            raise InvalidComponent(f"{key}: values must be 0 or 1 (false or true)", field=key)
        return
    if minimum is not None:
        bad = values <= minimum if meta.get("exclusive_minimum", True) else values < minimum
        if np.any(bad):
            sign = ">" if meta.get("exclusive_minimum", True) else "≥"
            raise InvalidComponent(
                f"{key}: values must be {sign} {minimum:g}, got {values[bad].flat[0]:g}",
                field=key,
            )
    if maximum is not None and np.any(values > maximum):
        raise InvalidComponent(
            f"{key}: values must be ≤ {maximum:g}, got {values[values > maximum].flat[0]:g}",
            field=key,
        )
    if field.name in {"accelerators_per_satellite", "satellites"} and np.any(
        (values < 1) | (values != np.round(values))
    ):
        raise InvalidComponent(f"{key}: values must be positive integers", field=key)


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


def batch_size(parameters: Parameters) -> tuple[int, ...]:
    """The broadcast shape of all parameter arrays."""
    return np.broadcast_shapes(*(value.shape for value in parameters.values()))
