"""``skyrack crossover``: the value of one parameter at which orbit costs what the ground does."""

from __future__ import annotations

from pathlib import Path

import click

from skyrack.cli.output import echo_json


@click.command()
@click.argument("study_file", type=click.Path(path_type=Path))
@click.argument("parameter")
@click.argument("low", type=float)
@click.argument("high", type=float)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def crossover(study_file: Path, parameter: str, low: float, high: float, as_json: bool) -> None:
    """Find PARAMETER in [LOW, HIGH] at which the study's orbit/ground ratio is 1.

    PARAMETER is a key such as launch_vehicle.price_usd or sizing.accelerators_per_satellite
    (`skyrack crossover STUDY list 0 1` lists them all).
    """
    from skyrack.evaluation import crossover as find_crossover
    from skyrack.evaluation import evaluate_batch, parameter_names
    from skyrack.study import load_study

    design = load_study(study_file).design
    if parameter == "list":
        click.echo("\n".join(parameter_names(design)))
        return
    value = find_crossover(design, parameter, low, high)
    ends = evaluate_batch(design, {parameter: [low, high]})["orbit_to_ground_ratio"]
    if as_json:
        echo_json(
            {
                "parameter": parameter,
                "crossover": value,
                "ratio_at_low": float(ends[0]),
                "ratio_at_high": float(ends[1]),
            }
        )
        return
    if value is None:
        click.echo(
            f"orbit/ground does not cross 1 for {parameter} in [{low:g}, {high:g}]: "
            f"{float(ends[0]):.3g}× at {low:g}, {float(ends[1]):.3g}× at {high:g}"
        )
    else:
        click.echo(f"orbit matches the ground at {parameter} = {value:,.6g}")
