"""Plain-data descriptions of components: every field with its value, unit and source."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import attrs

from skyrack.components import Component, ReferenceModel, allowed_range, plausible_text
from skyrack.plausibility import format_range
from skyrack.sources import Source

_SKIPPED_FIELDS = {"name", "description", "sources", "compute", "inputs"}


def source_as_dict(source: Source | None) -> dict[str, Any] | None:
    """A source as JSON-ready data."""
    return None if source is None else attrs.asdict(source)


def cite(
    source: Mapping[str, Any] | None, *, where: bool = True, note: bool = True, name: str = ""
) -> str:
    """:meth:`Source.cite` of a source given as data ("" for none), for the field ``name``."""
    return Source(**source).cite(where=where, note=note, name=name) if source else ""


def jsonable(value: Any) -> Any:
    """``value`` with non-finite floats as None and dict keys as strings, ready for json.dumps."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def to_json(value: Any) -> str:
    """Indented JSON of ``value``, non-finite floats as null."""
    return json.dumps(jsonable(value), indent=2)


def describe_fields(component: Component) -> list[dict[str, Any]]:
    """One row per field: name, value, unit, meaning and source (numbers only have sources)."""
    rows = []
    for field in attrs.fields(type(component)):
        if field.name in _SKIPPED_FIELDS or field.name in component_parts(component):
            continue
        value = getattr(component, field.name)
        if field.name == "behaviour":  # a fleet policy's or event's code: name it
            value = "built-in" if value is None else f"{value.__module__}.{value.__qualname__}"
        numeric = bool(field.metadata.get("numeric"))
        rows.append(
            {
                "field": field.name,
                "value": dict(value) if isinstance(value, dict) else value,
                "unit": field.metadata.get("unit", ""),
                "doc": field.metadata.get("doc", ""),
                "allowed": allowed_range(field.metadata) if numeric else "",
                "plausible": plausible_text(field.metadata, field.name) if numeric else "",
                "source": source_as_dict(component.source_of(field.name)) if numeric else None,
            }
        )
    if isinstance(component, ReferenceModel):
        rows.extend(
            {
                "field": model_input.key,
                "value": model_input.default,
                "unit": model_input.unit,
                "doc": model_input.doc,
                "allowed": allowed_range(attrs.asdict(model_input, recurse=False)),
                "plausible": (
                    format_range(model_input.plausible, name=model_input.key)
                    if model_input.plausible
                    else ""
                ),
                "source": source_as_dict(model_input.source),
            }
            for model_input in component.inputs
        )
    return rows


def component_parts(component: Component) -> dict[str, tuple[Component, ...]]:
    """The fields of ``component`` that hold components of their own (a roadmap's
    generations), by field name."""
    parts = {}
    for field in attrs.fields(type(component)):
        value = getattr(component, field.name)
        if isinstance(value, tuple) and value and all(isinstance(v, Component) for v in value):
            parts[field.name] = value
    return parts


def describe_component(component: Component, plugin: str) -> dict[str, Any]:
    """A component as JSON-ready data: identity, the plugin that registered it, its fields,
    and each part it is made of (a roadmap's generations) described the same way under
    ``parts``."""
    return {
        "kind": component.kind,
        "name": component.name,
        "description": component.description,
        "plugin": plugin,
        "fields": describe_fields(component),
        "parts": {
            field: [
                {
                    "name": part.name,
                    "description": part.description,
                    "fields": describe_fields(part),
                }
                for part in parts
            ]
            for field, parts in component_parts(component).items()
        },
    }
