"""``skyrack goal-seek``: the value of a parameter at which a business measure meets a target."""

from __future__ import annotations

from pathlib import Path

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.cli.progress import progress_bar


def _target(value: str) -> tuple[str, float]:
    name, sep, number = value.partition("=")
    try:
        if not sep:
            raise ValueError
        return name.strip(), float(number)
    except ValueError:
        raise click.BadParameter(f"give NAME=VALUE, e.g. npv=1.25e12; got {value!r}") from None


def _vary(value: str) -> tuple[str, tuple[float, float] | None]:
    name, sep, span = value.partition("=")
    if not sep:
        return name.strip(), None
    low, colon, high = span.partition(":")
    try:
        if not colon:
            raise ValueError
        return name.strip(), (float(low), float(high))
    except ValueError:
        raise click.BadParameter(
            f"give PARAMETER or PARAMETER=LOW:HIGH, e.g. launch_vehicle.price_usd=1e6:1e8; got "
            f"{value!r}"
        ) from None


@click.command("goal-seek")
@click.argument("study_file", type=click.Path(path_type=Path))
@click.option(
    "--target",
    "target_text",
    required=True,
    help="MEASURE=VALUE: npv (USD), irr (1/yr), payback (yr) or npv_advantage (USD, over the "
    "ground), e.g. npv=1.25e12.",
)
@click.option(
    "--vary",
    "varied",
    multiple=True,
    required=True,
    help="PARAMETER[=LOW:HIGH] to solve for (a design key or business.<field>); give several "
    "for the trade-off curve: the last is solved on a grid of the others.",
)
@click.option("--points", default=9, show_default=True, help="Grid points per trade-off axis.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def goal_seek(
    study_file: Path, target_text: str, varied: tuple[str, ...], points: int, as_json: bool
) -> None:
    """Find the value of a parameter at which the study's orbital business meets a target.

    \b
    skyrack goal-seek studies/valuation.toml --target npv=1.25e12 --vary launch_vehicle.price_usd
    skyrack goal-seek STUDY --target npv=0 --vary sizing.satellites \\
        --vary business.compute_price_usd_per_accelerator_hour
    """
    from rich.table import Table

    from skyrack.business.goal_seek import goal_seek as solve
    from skyrack.business.goal_seek import trade_off
    from skyrack.study import load_study

    name, value = _target(target_text)
    parsed = [_vary(v) for v in varied]
    if points < 2:
        raise click.BadParameter("must be at least 2", param_hint="--points")
    study = load_study(study_file)
    if study.simulation is not None:
        click.echo(
            "note: goal-seek values the analytic expected fleet; the study's [simulation] is "
            "not flown for each candidate (skyrack run values the simulated fleet)",
            err=True,
        )
    if len(parsed) == 1:
        ((parameter, span),) = parsed
        answer = solve(study, name, value, parameter, span=span)
        if as_json:
            echo_json(answer.as_dict())
        else:
            click.echo(answer.describe())
        return
    spans = {k: s for k, s in parsed if s is not None}
    keys = [k for k, _ in parsed]
    with progress_bar("solving the trade-off") as update:
        answers = trade_off(study, name, value, keys, spans=spans, points=points, progress=update)
    if as_json:
        echo_json([a.as_dict() for a in answers])
        return
    table = Table(*keys, title=f"{name} = {value:g}: trade-off")
    for a in answers:
        solved = f"{a.value:,.6g}" if a.value is not None else "not reachable"
        table.add_row(*(f"{a.fixed[k]:,.6g}" for k in keys[:-1]), solved)
    safe_console().print(table)
    unreachable = [a for a in answers if a.value is None]
    if unreachable:
        click.echo(unreachable[0].describe())
