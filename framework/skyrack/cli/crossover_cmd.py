"""``skyrack crossover``: the value of one parameter at which orbit costs what the ground does."""

from __future__ import annotations

from pathlib import Path

import attrs
import click

from skyrack.cli.output import echo_json


@click.command()
@click.argument("study_file", type=click.Path(path_type=Path))
@click.argument("parameter")
@click.argument("low", type=float)
@click.argument("high", type=float)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--allow-implausible",
    is_flag=True,
    help="Accept study inputs outside their plausible range.",
)
def crossover(
    study_file: Path,
    parameter: str,
    low: float,
    high: float,
    as_json: bool,
    allow_implausible: bool,
) -> None:
    """Find PARAMETER in [LOW, HIGH] at which the study's orbit/ground ratio is 1.

    PARAMETER is a key such as launch_vehicle.price_usd or sizing.accelerators_per_satellite
    (`skyrack crossover STUDY list 0 1` lists them all). Integer parameters are searched over
    whole numbers, ranges spanning two decades or more on a log scale; only feasible designs
    count.
    """
    from skyrack.crossover import crossover as find_crossover
    from skyrack.evaluation import parameter_names
    from skyrack.study import load_study

    design = load_study(study_file, allow_implausible=allow_implausible).design
    if parameter == "list":
        click.echo("\n".join(parameter_names(design)))
        return
    found = find_crossover(design, parameter, low, high)
    if as_json:
        echo_json(attrs.asdict(found) | {"found": found.found})
        return
    click.echo(found.reason)
