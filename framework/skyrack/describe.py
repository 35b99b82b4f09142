"""Plain-data descriptions of components: every field with its value, unit and source."""

from __future__ import annotations

from typing import Any

import attrs

from skyrack.components import Component, ReferenceModel
from skyrack.sources import Source

_SKIPPED_FIELDS = {"name", "description", "sources", "compute", "inputs"}


def source_as_dict(source: Source | None) -> dict[str, Any] | None:
    """A source as JSON-ready data."""
    return None if source is None else attrs.asdict(source)


def describe_fields(component: Component) -> list[dict[str, Any]]:
    """One row per field: name, value, unit, meaning and source (numbers only have sources)."""
    rows = []
    for field in attrs.fields(type(component)):
        if field.name in _SKIPPED_FIELDS:
            continue
        value = getattr(component, field.name)
        numeric = bool(field.metadata.get("numeric"))
        rows.append(
            {
                "field": field.name,
                "value": dict(value) if isinstance(value, dict) else value,
                "unit": field.metadata.get("unit", ""),
                "doc": field.metadata.get("doc", ""),
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
                "source": source_as_dict(model_input.source),
            }
            for model_input in component.inputs
        )
    return rows


def describe_component(component: Component, plugin: str) -> dict[str, Any]:
    """A component as JSON-ready data: identity, the plugin that registered it, its fields."""
    return {
        "kind": component.kind,
        "name": component.name,
        "description": component.description,
        "plugin": plugin,
        "fields": describe_fields(component),
    }
