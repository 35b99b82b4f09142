"""``skyrack reference``: run a published cost model (McCalip, Starcloud) on changed inputs."""

from __future__ import annotations

from typing import Any

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.numbers import format_value


def parse_settings(settings: tuple[str, ...]) -> dict[str, float]:
    """``("key=value", ...)`` as a mapping of floats; a malformed one is a click.BadParameter."""
    parsed: dict[str, float] = {}
    for setting in settings:
        key, equals, text = setting.partition("=")
        key = key.strip()
        if not equals or not key:
            raise click.BadParameter(
                f"{setting!r} is not of the form key=value", param_hint="'--set'"
            )
        try:
            parsed[key] = float(text.strip())
        except ValueError:
            raise click.BadParameter(
                f"{key}={text!r}: the value must be a number", param_hint="'--set'"
            ) from None
    return parsed


def _list_models(as_json: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    from skyrack.components import ReferenceModel
    from skyrack.plugins import registry

    found = registry()
    rows: list[dict[str, Any]] = [
        {
            "name": model.name,
            "plugin": found.owner(model),
            "inputs": len(model.inputs),
            "description": model.description,
        }
        for model in found.components("reference_model")
        if isinstance(model, ReferenceModel)
    ]
    if as_json:
        echo_json(rows)
        return
    table = Table("name", "plugin", "inputs", "description")
    for row in rows:
        table.add_row(
            escape(row["name"]),
            escape(row["plugin"]),
            str(row["inputs"]),
            escape(row["description"]),
        )
    safe_console().print(table)


@click.command()
@click.argument("name", required=False)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="KEY=VALUE",
    help="Change one input from its published value (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@click.option(
    "--allow-implausible", is_flag=True, help="Accept inputs outside their plausible range."
)
def reference(
    name: str | None, settings: tuple[str, ...], as_json: bool, allow_implausible: bool
) -> None:
    """Run the published cost model NAME on its published inputs, or on changed ones.

    Without NAME, list the reference models. Example:

    \b
        skyrack reference mccalip --set launch_cost_usd_per_kg=200
    """
    if name is None:
        if settings:
            raise click.UsageError("--set needs a model NAME")
        _list_models(as_json)
        return

    from rich.markup import escape
    from rich.table import Table

    from skyrack.describe import cite, source_as_dict
    from skyrack.errors import PluginError, SkyrackError
    from skyrack.plugins import registry
    from skyrack.registry import raised

    overrides = parse_settings(settings)
    found = registry()
    model = found.reference_model(name)
    try:
        outputs = model.run(overrides, allow_implausible=allow_implausible)
    except SkyrackError:
        raise
    except Exception as error:  # the model's own code failed: name its plugin
        raise PluginError(
            found.owner(model), f"reference model {model.name!r} raised {raised(error)}"
        ) from error
    inputs: list[dict[str, Any]] = [
        {
            "key": model_input.key,
            "value": overrides.get(model_input.key, model_input.default),
            "default": model_input.default,
            "changed": model_input.key in overrides
            and overrides[model_input.key] != model_input.default,
            "unit": model_input.unit,
            "doc": model_input.doc,
            "source": source_as_dict(model_input.source),
        }
        for model_input in model.inputs
    ]
    if as_json:
        echo_json(
            {
                "model": model.name,
                "plugin": found.owner(model),
                "description": model.description,
                "overrides": overrides,
                "inputs": inputs,
                "outputs": outputs,
            }
        )
        return

    console = safe_console()
    console.print(
        f"[bold]{escape(model.name)}[/bold] (reference model, plugin {escape(found.owner(model))})"
    )
    if model.description:
        console.print(escape(model.description))
    changed = [row["key"] for row in inputs if row["changed"]]
    title = "inputs (published values" + (", * = changed)" if changed else ")")
    table = Table("input", "value", "unit", "source", title=title)
    for row in inputs:
        key = escape(row["key"])
        value = escape(format_value(row["value"]))
        if row["changed"]:
            published = escape(format_value(row["default"]))
            key = f"[bold yellow]* {key}[/bold yellow]"
            value = f"[bold yellow]{value}[/bold yellow] (published {published})"
        table.add_row(key, value, escape(row["unit"]), escape(cite(row["source"], where=False)))
    console.print(table)
    results = Table("output", "value", title="outputs")
    for output, result in outputs.items():
        results.add_row(escape(output), escape(format_value(result)))
    console.print(results)
