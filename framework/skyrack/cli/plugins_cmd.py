"""``skyrack plugins``: which plugins are loaded, their versions and hooks."""

from __future__ import annotations

import attrs
import click

from skyrack.cli.output import echo_json, safe_console


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def plugins(as_json: bool) -> None:
    """List the loaded plugins with their version and the hooks they implement."""
    from rich.markup import escape
    from rich.table import Table

    from skyrack.plugins import plugin_infos

    infos = plugin_infos()
    if as_json:
        echo_json([attrs.asdict(info) for info in infos])
        return
    table = Table("plugin", "version", "distribution", "hooks")
    for info in infos:
        table.add_row(
            escape(info.name),
            escape(info.version or ""),
            escape(info.distribution or ""),
            ", ".join(info.hooks),
        )
    safe_console().print(table)
