"""``skyrack components``: list the registered components and show one with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.components import COMPONENT_KINDS
from skyrack.numbers import format_value

if TYPE_CHECKING:
    from rich.console import Console


@click.group()
def components() -> None:
    """Browse the registered launch vehicles, buses, payloads, orbits and baselines."""


def _headline(description: str) -> str:
    """The first sentence of a description (its part before a colon), whole: `show` gives
    the rest."""
    return description.split(". ")[0].split(": ")[0].strip()


@components.command("list")
@click.option("--kind", type=click.Choice(sorted(COMPONENT_KINDS)), help="Only this kind.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_components(kind: str | None, as_json: bool) -> None:
    """List components by kind, with the plugin that registered each."""
    from rich.markup import escape
    from rich.table import Table

    from skyrack.plugins import registry

    found = registry()
    rows = [
        {
            "kind": c.kind,
            "name": c.name,
            "plugin": found.owner(c),
            "description": c.description,
        }
        for c in found.components(kind)
    ]
    if as_json:
        echo_json(rows)
        return
    table = Table("kind", "name", "plugin", "description")
    for row in rows:
        table.add_row(
            row["kind"], row["name"], row["plugin"], escape(_headline(row["description"]))
        )
    safe_console().print(table)


@components.command("show")
@click.argument("name")
@click.option("--kind", type=click.Choice(sorted(COMPONENT_KINDS)), help="Kind, if ambiguous.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def show_component(name: str, kind: str | None, as_json: bool) -> None:
    """Show every field of one component with its unit and source."""
    from rich.markup import escape
    from rich.table import Table

    from skyrack.describe import cite, describe_component
    from skyrack.plugins import registry

    found = registry()
    component = found.get(kind, name) if kind else found.find(name)
    described = describe_component(component, found.owner(component))
    if as_json:
        echo_json(described)
        return
    console = safe_console()
    console.print(
        f"[bold]{escape(component.name)}[/bold] ({component.kind.replace('_', ' ')}, "
        f"plugin {described['plugin']})"
    )
    if component.description:
        console.print(component.description, markup=False)
    table = Table("field", "value", "unit", "allowed", "plausible", "source")
    for row in described["fields"]:
        table.add_row(
            row["field"],
            escape(format_value(row["value"], name=row["field"])),
            escape(row["unit"]),
            row["allowed"],
            row["plausible"],
            escape(cite(row["source"], name=row["field"])),
        )
    console.print(table)
    for field, parts in described["parts"].items():
        _print_parts(console, field, parts)


def _print_parts(console: Console, field: str, parts: list[dict[str, Any]]) -> None:
    """A component's parts (a roadmap's generations) as one table with a row per part and a
    column per field, then the source of each number, as ``show`` gives a component's."""
    from rich.markup import escape
    from rich.table import Table

    from skyrack.describe import cite

    columns = [(row["field"], row["unit"]) for row in parts[0]["fields"]]
    table = Table(
        "name",
        *(f"{name.replace('_', ' ')}\n{unit}".rstrip() for name, unit in columns),
        title=field.replace("_", " "),
    )
    sources = Table("name", "field", "source", title=f"sources of the {field.replace('_', ' ')}")
    for part in parts:
        table.add_row(
            escape(part["name"]),
            *(escape(format_value(row["value"], name=row["field"])) for row in part["fields"]),
        )
        for row in part["fields"]:
            if row["source"]:
                sources.add_row(
                    escape(part["name"]),
                    row["field"],
                    escape(cite(row["source"], name=row["field"])),
                )
    console.print(table)
    for part in parts:
        if part["description"]:
            console.print(f"[bold]{escape(part['name'])}[/bold]: {escape(part['description'])}")
    console.print(sources)
