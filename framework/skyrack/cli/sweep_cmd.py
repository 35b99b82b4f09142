"""``skyrack sweep``: a study's design over one, two or three parameters."""

from __future__ import annotations

from pathlib import Path

import click

from skyrack.cli.output import echo_json, safe_console


@click.command()
@click.argument("study_file", type=click.Path(path_type=Path))
@click.option(
    "--param",
    "params",
    multiple=True,
    required=True,
    metavar="KEY=LOW:HIGH[:N][:log]",
    help="A swept parameter (1 to 3 of them): e.g. launch_vehicle.price_usd_per_kg=20:5000:60:log. "
    "KEY is any key of `skyrack crossover STUDY list 0 1`.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Folder for sweep.html and sweep.csv (default: results/<study name>-sweep).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the breakevens and shares as JSON.")
def sweep(study_file: Path, params: tuple[str, ...], out_dir: Path | None, as_json: bool) -> None:
    """Sweep parameters of a study: curves (one), a breakeven map (two), maps per value of a
    third; prints where orbit matches the ground and writes an HTML figure and a CSV."""
    from skyrack.cli.progress import progress_bar
    from skyrack.explore.sweep import parse_axis
    from skyrack.explore.sweep import sweep as run_sweep
    from skyrack.report.outputs import write_sweep
    from skyrack.study import load_study

    axes = [parse_axis(text) for text in params]  # syntax first: no study needed to refuse it
    study = load_study(study_file)
    with progress_bar("sweeping") as progress:
        result = run_sweep(study.design, axes, progress=progress)
    folder = write_sweep(out_dir or Path("results") / f"{study.info.name}-sweep", study, result)
    summary = _summary(result)
    if as_json:
        echo_json({"results": str(folder), **summary})
        return
    _print(result, summary)
    click.echo(f"\nwritten to {folder} (sweep.html, sweep.csv)")


def _summary(result: object) -> dict[str, object]:
    from skyrack.explore.sweep import SweepResult

    assert isinstance(result, SweepResult)
    summary: dict[str, object] = {
        "axes": [str(axis) for axis in result.axes],
        "designs": int(result.ratio.size),
        "orbit_wins_share": result.orbit_wins_share,
        "feasible_share": float(result.feasible.mean()),
    }
    if len(result.axes) == 1:
        summary["breakeven"] = result.breakeven()
    elif len(result.axes) == 2:
        summary["breakeven_curve"] = [list(pair) for pair in result.breakeven_curve()]
    return summary


def _print(result: object, summary: dict[str, object]) -> None:
    from rich.table import Table

    from skyrack.explore.sweep import SweepResult
    from skyrack.report.figures import number

    assert isinstance(result, SweepResult)
    console = safe_console()
    keys = [axis.key for axis in result.axes]
    feasible = float(result.feasible.mean())
    console.print(
        f"{summary['designs']:,} designs over {' × '.join(keys)}: orbit wins (feasible and "
        f"cheaper) in {result.orbit_wins_share:.1%}, feasible in {feasible:.1%}"
    )
    if len(result.axes) == 1:
        x = result.coordinates[0]
        table = Table(
            keys[0], "orbit $/PFLOP-day", "ground $/PFLOP-day", "orbit/ground", "feasible"
        )
        for i in sorted({round(k * (len(x) - 1) / 10) for k in range(11)}):
            table.add_row(
                number(x[i]),
                f"{result.outputs['lcoc_usd_per_pflop_day'][i]:,.2f}",
                f"{result.outputs['ground_lcoc_usd_per_pflop_day'][i]:,.2f}",
                f"{result.ratio[i]:.3g}",
                "yes" if result.feasible[i] else "no",
            )
        console.print(table)
        found = result.breakeven()
        if found:
            console.print(
                f"orbit matches the ground at {keys[0]} = " + ", ".join(f"{v:,.6g}" for v in found)
            )
        else:
            console.print("orbit/ground does not cross 1 in this range")
    elif len(result.axes) == 2:
        curve = result.breakeven_curve()
        if not curve:
            console.print("orbit/ground does not cross 1 anywhere on this map")
            return
        table = Table(keys[1], f"{keys[0]} at parity", title="Breakeven (orbit = ground)")
        for i in sorted({round(k * (len(curve) - 1) / 10) for k in range(11)}):
            x_value, y_value = curve[i]
            table.add_row(number(y_value), number(x_value))
        console.print(table)
    else:
        third = result.coordinates[2]
        table = Table(keys[2], "orbit wins", "feasible", title="Per value of the third axis")
        for k, value in enumerate(third):
            wins = (result.feasible[..., k] & (result.ratio[..., k] < 1)).mean()
            table.add_row(number(value), f"{wins:.1%}", f"{result.feasible[..., k].mean():.1%}")
        console.print(table)
