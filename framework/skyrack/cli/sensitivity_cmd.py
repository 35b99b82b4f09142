"""``skyrack sensitivity``: which assumptions move the answer, one at a time and all at once."""

from __future__ import annotations

from pathlib import Path

import click

from skyrack.cli.output import echo_json, safe_console
from skyrack.cli.types import FiniteFloatRange


@click.command()
@click.argument("study_file", type=click.Path(path_type=Path))
@click.option(
    "--metric",
    default="orbit_to_ground_ratio",
    show_default=True,
    help="The metric to explain (any evaluator output, e.g. lcoc_usd_per_pflop_day).",
)
@click.option(
    "--width",
    type=FiniteFloatRange(min=0.005, max=0.5),
    default=0.04,
    show_default=True,
    help="Widest 95 % confidence interval the Sobol indices may keep (the sample grows until "
    "every interval is narrower).",
)
@click.option("--no-sobol", is_flag=True, help="Only the tornado (one input at a time).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    help="Folder for sensitivity.html, tornado.csv, sobol.csv "
    "(default: results/<study name>-sensitivity).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the tornado and indices as JSON.")
def sensitivity(
    study_file: Path, metric: str, width: float, no_sobol: bool, out_dir: Path | None, as_json: bool
) -> None:
    """A tornado (each uncertain input alone over its plausible range) and Sobol indices
    (variance shares, with bootstrap confidence intervals) of a study's metric."""
    import attrs

    from skyrack.cli.progress import progress_bar
    from skyrack.errors import SkyrackError
    from skyrack.evaluation import evaluate_batch
    from skyrack.explore.sensitivity import study_sobol, tornado
    from skyrack.explore.uncertainty import uncertain_inputs
    from skyrack.report.outputs import write_sensitivity
    from skyrack.study import load_study

    study = load_study(study_file)
    outputs = evaluate_batch(study.design, {})
    if metric not in outputs:
        from skyrack.errors import closest_names

        close = closest_names(metric, outputs)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise SkyrackError(f"--metric {metric!r} is no output of the evaluator{hint}")
    inputs = uncertain_inputs(study.design, study.uncertainty)
    if not inputs:
        raise SkyrackError(
            f"{study_file}: no uncertain inputs (no catalog estimate with a range, no "
            "[uncertainty] distribution): nothing to analyse"
        )
    bars = tornado(study.design, inputs, metric)
    indices = None
    if not no_sobol:
        with progress_bar("Sobol indices") as progress:
            indices = study_sobol(
                study.design,
                inputs,
                metric=metric,
                target_halfwidth=width / 2,
                seed=study.info.seed,
                progress=progress,
            )
    folder = write_sensitivity(
        out_dir or Path("results") / f"{study.info.name}-sensitivity", study, bars, indices
    )
    if as_json:
        echo_json(
            {
                "results": str(folder),
                "tornado": {
                    "metric": bars.metric,
                    "base": bars.base,
                    "bars": [{**attrs.asdict(bar), "swing": bar.swing} for bar in bars.bars],
                },
                "sobol": indices.as_dict() if indices is not None else None,
            }
        )
        return
    _print(bars, indices)
    click.echo(f"\nwritten to {folder} (sensitivity.html, tornado.csv, sobol.csv)")


def _print(bars: object, indices: object) -> None:
    from rich.table import Table

    from skyrack.explore.sensitivity import SobolResult, Tornado
    from skyrack.report.figures import number

    assert isinstance(bars, Tornado)
    console = safe_console()
    table = Table(
        "input",
        "low → high",
        f"{bars.metric} at low",
        "at high",
        title=f"Tornado ({bars.metric} = {bars.base:.4g} at the study's values)",
    )
    for bar in bars.bars[:15]:
        table.add_row(
            bar.key,
            f"{number(bar.low)} → {number(bar.high)}",
            f"{bar.metric_at_low:.4g}",
            f"{bar.metric_at_high:.4g}",
        )
    console.print(table)
    if isinstance(indices, SobolResult):
        table = Table(
            "input",
            "total order ST",
            "first order S1",
            title=f"Sobol indices of {indices.metric} ({indices.evaluations:,} designs, "
            f"N = {indices.base_samples:,})",
        )
        for i in indices.ranked()[:15]:
            table.add_row(
                indices.names[i],
                f"{indices.total_order[i]:.3f} ± {indices.total_order_conf[i]:.3f}",
                f"{indices.first_order[i]:.3f} ± {indices.first_order_conf[i]:.3f}",
            )
        console.print(table)
