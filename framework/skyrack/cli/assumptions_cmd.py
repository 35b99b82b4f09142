"""``skyrack assumptions``: the default sizing and economic assumptions with their sources."""

from __future__ import annotations

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.numbers import format_value


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def assumptions(as_json: bool) -> None:
    """Show every default of [design] sizing, [economics] and [simulation], and the model's
    fixed constants, each with its unit, plausible range and source."""
    import attrs
    from rich.markup import escape
    from rich.table import Table

    from skyrack.business.settings import BUSINESS_SOURCES, Business
    from skyrack.components import plausible_text
    from skyrack.describe import cite, source_as_dict
    from skyrack.design import ECONOMICS_SOURCES, SIZING_SOURCES, Economics, Sizing
    from skyrack.model_constants import MODEL_CONSTANTS
    from skyrack.simulation.settings import (
        FACTORY_SOURCES,
        SIMULATION_SOURCES,
        FactorySettings,
        SimulationSettings,
    )

    rows = []
    for section, cls, sources in (
        ("design", Sizing, SIZING_SOURCES),
        ("economics", Economics, ECONOMICS_SOURCES),
        ("business", Business, BUSINESS_SOURCES),
        ("simulation", SimulationSettings, SIMULATION_SOURCES),
        ("simulation.factory", FactorySettings, FACTORY_SOURCES),
    ):
        for field in attrs.fields(cls):
            if attrs.has(field.type) or field.name == "factory":  # a table of its own
                continue
            source = sources.get(field.name)
            rows.append(
                {
                    "key": f"{section}.{field.name}",
                    "default": None if field.default is attrs.NOTHING else field.default,
                    "unit": field.metadata.get("unit", ""),
                    "plausible": plausible_text(field.metadata, field.name),
                    "doc": field.metadata.get("doc", ""),
                    "source": source_as_dict(source),
                }
            )
    rows.extend(
        {
            "key": f"model.{constant.key}",
            "default": constant.value,
            "unit": constant.unit,
            "plausible": "",
            "doc": constant.meaning,
            "source": source_as_dict(constant.source),
        }
        for constant in MODEL_CONSTANTS
    )
    if as_json:
        echo_json(rows)
        return
    table = Table("key", "default", "unit", "plausible", "meaning", "source")
    for row in rows:
        cited = cite(row["source"], where=False, note=False)
        table.add_row(
            row["key"],
            escape(format_value(row["default"], name=row["key"])),
            escape(row["unit"]),
            row["plausible"],
            escape(row["doc"]),
            escape(cited),
        )
    safe_console().print(table)
