"""The output contract: one JSON document per run, its JSON Schema, and the CSVs beside it.

``skyrack run --json`` prints exactly the document written as ``metrics.json``. Its layout is
``schemas/results.schema.json`` (shipped inside the package, documented in ``docs/output.md``)
and carries a ``schema_version``. The schema is also the one place where each computed value's
type and unit are declared: counts come out as integers, flags as booleans, and
``metrics.csv`` takes each value's unit from it.

To add a section (a fleet timeline, a simulation summary, an optimization result): describe it
under ``properties`` in the schema, then pass it to :func:`results_document` in ``sections``.
``tests/test_output.py`` validates every shipped study's document against the schema, so a
section or value that is not described there fails the tests.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.errors import SkyrackError

if TYPE_CHECKING:
    from skyrack.budgets import Budget
    from skyrack.metrics import Metrics
    from skyrack.study import Study

SCHEMA_VERSION = 1
"""Increased by any change that could break a reader of the document."""
SCHEMA_FILE = "results.schema.json"
HEADLINE = (
    "lcoc_usd_per_pflop_day",
    "ground_lcoc_usd_per_pflop_day",
    "orbit_to_ground_ratio",
    "usd_per_accelerator_hour",
    "ground_usd_per_accelerator_hour",
    "usd_per_w_deployed",
    "usd_per_mwh",
)
"""The headline figures, at the top of the document, in this order."""
FLEET = (
    "peak_operating_power_w",
    "peak_fleet_share",
    "time_to_50_percent_power_years",
    "time_to_90_percent_power_years",
)
"""How the fleet comes to power (a time is ``null`` when the fleet never gets there)."""


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the results document (``skyrack/schemas/results.schema.json``)."""
    text = resources.files("skyrack").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def value_schema(key: str) -> Mapping[str, Any]:
    """The schema of one computed value (its type, unit and description); empty if unknown."""
    properties: dict[str, Mapping[str, Any]] = schema()["properties"]["values"]["properties"]
    return properties.get(key, {})


def value_unit(key: str) -> str:
    """The unit the schema declares for a computed value or a headline figure ("" if none)."""
    found = value_schema(key) or schema()["properties"].get(key, {})
    return str(found.get("unit", ""))


def _typed(key: str, value: float) -> float | int | bool:
    kind = value_schema(key).get("type")
    if kind == "boolean":
        return bool(value)
    if kind == "integer" and math.isfinite(value) and float(value).is_integer():
        return int(value)
    return float(value)


def _budget(budget: Budget) -> dict[str, Any]:
    return {
        "name": budget.name,
        "measures": budget.measures,
        "used": float(budget.used),
        "limit": float(budget.limit),
        "unit": budget.unit,
        "utilization": float(budget.utilization),
        "binding": bool(budget.binding),
        "advice": budget.advice,
        "proportional": budget.proportional,
    }


def metrics_section(metrics: Metrics) -> dict[str, Any]:
    """The part of the document that describes the results: headline figures, verdict, totals,
    both waterfalls, budgets and every computed value (typed as the schema says)."""
    values = {key: _typed(key, value) for key, value in metrics.values.items()}
    return {
        **{key: float(getattr(metrics, key)) for key in HEADLINE},
        **{key: getattr(metrics, key) for key in FLEET},
        "orbit_wins": metrics.orbit_wins,
        "verdict": metrics.verdict(),
        "pv_cost_usd": float(metrics.values["pv_cost_usd"]),
        "ground_pv_cost_usd": float(metrics.values["ground_pv_cost_usd"]),
        "waterfall_pv_usd": {key: float(v) for key, v in metrics.waterfall_pv_usd.items()},
        "ground_waterfall_pv_usd": {
            key: float(v) for key, v in metrics.ground_waterfall_pv_usd.items()
        },
        "budgets": [_budget(budget) for budget in metrics.budgets],
        "values": values,
    }


def study_section(study: Study, allowed_implausible: tuple[str, ...] = ()) -> dict[str, Any]:
    """What was run: the study's name, file, components, sizing, economics and overrides."""
    design = study.design
    return {
        "name": study.info.name,
        "description": study.info.description,
        "file": str(study.path) if study.path is not None else None,
        "components": {kind: c.name for kind, c in design.components().items()},
        "sizing": attrs.asdict(design.sizing),
        "economics": attrs.asdict(design.economics),
        "overrides": study.overrides,
        "allow_implausible": list(allowed_implausible),
    }


def results_document(
    study: Study,
    metrics: Metrics,
    *,
    allowed_implausible: tuple[str, ...] = (),
    sections: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The one document of a run (``metrics.json`` = ``skyrack run --json``), with any extra
    ``sections`` (each described in the schema) after the standard ones."""
    from skyrack import __version__

    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "skyrack_version": __version__,
        "study": study_section(study, allowed_implausible),
        **metrics_section(metrics),
    }
    for name, section in (sections or {}).items():
        if name in document:
            raise ValueError(f"section {name!r} is already part of the document")
        document[name] = finite_or_null(section)
    return document


def finite_or_null(data: Any) -> Any:
    """``data`` with each infinite or undefined number as None, JSON's null, which the schema
    reads as "never" or "undefined" (a payback that never comes, a replication that delivered
    nothing). The computed values themselves are always finite (the evaluator refuses a design
    that would make one infinite); this applies to the sections added to them."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, Mapping):
        return {key: finite_or_null(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite_or_null(value) for value in data]
    return data


def document_json(document: Mapping[str, Any] | list[dict[str, Any]]) -> str:
    """The document (or a list of them) as indented JSON; a non-finite number is an error,
    never ``null``."""
    try:
        return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError:
        bad = [key for key, value in _numbers(document) if not math.isfinite(value)]
        raise SkyrackError(
            f"refusing to write results with non-finite numbers: {', '.join(bad[:3])}"
        ) from None


def _numbers(data: Any, path: str = "") -> list[tuple[str, float]]:
    if isinstance(data, float):
        return [(path, data)]
    if isinstance(data, Mapping):
        return [item for key, value in data.items() for item in _numbers(value, f"{path}.{key}")]
    if isinstance(data, list):
        return [item for i, value in enumerate(data) for item in _numbers(value, f"{path}[{i}]")]
    return []


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _waterfall_rows(side: str, waterfall: Mapping[str, float], total: float) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [side, category, value, value / total if total > 0 else 0.0]
        for category, value in waterfall.items()
    ]
    rows.append([side, "total", total, 1.0 if total > 0 else 0.0])
    return rows


def results_files(document: Mapping[str, Any]) -> dict[str, bytes]:
    """The files of a results folder, all read from the document: ``metrics.json`` (the
    document itself) and three CSVs whose headers carry units (documented in docs/output.md)."""
    values: Mapping[str, Any] = document["values"]
    return {
        "metrics.json": document_json(document).encode("utf-8"),
        "metrics.csv": _csv(
            ["quantity", "value", "unit"],
            [[key, values[key], value_schema(key).get("unit", "")] for key in sorted(values)],
        ),
        "waterfall.csv": _csv(
            ["side", "category", "present_value_usd", "fraction_of_total"],
            _waterfall_rows("orbit", document["waterfall_pv_usd"], document["pv_cost_usd"])
            + _waterfall_rows(
                "ground", document["ground_waterfall_pv_usd"], document["ground_pv_cost_usd"]
            ),
        ),
        "budgets.csv": _csv(
            ["budget", "used", "limit", "unit", "utilization"],
            [
                [b["name"], b["used"], b["limit"], b["unit"], b["utilization"]]
                for b in document["budgets"]
            ],
        ),
    }
