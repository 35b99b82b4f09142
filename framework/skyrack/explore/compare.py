"""Several studies side by side: headline metrics and, for each, P(orbit beats the ground)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from skyrack.evaluation import evaluate
from skyrack.explore.uncertainty import study_uncertainty, uncertain_inputs
from skyrack.study import Study

if TYPE_CHECKING:
    import pandas as pd

ROWS: tuple[tuple[str, str], ...] = (
    ("lcoc_usd_per_pflop_day", "orbit USD per PFLOP-day"),
    ("ground_lcoc_usd_per_pflop_day", "ground USD per PFLOP-day"),
    ("orbit_to_ground_ratio", "orbit / ground"),
    ("usd_per_accelerator_hour", "orbit USD per accelerator-hour"),
    ("ground_usd_per_accelerator_hour", "ground USD per accelerator-hour"),
    ("usd_per_w_deployed", "USD per W deployed"),
    ("satellites", "satellites"),
    ("launches", "launches (expected)"),
    ("deployment_years", "deployment [yr]"),
    ("fleet_payload_power_w", "fleet payload power [W]"),
    ("peak_fleet_share", "peak share of the fleet operating"),
    ("co2_kg_per_pflop_day", "kg CO2 per PFLOP-day"),
)
"""The metrics compared, in order, with their labels."""
WIN_ROW = "P(orbit beats the ground)"
RATIO_P10, RATIO_P90 = "orbit / ground P10", "orbit / ground P90"


def compare(studies: Sequence[Study], *, uncertainty: bool = True) -> pd.DataFrame:
    """One column per study (its name), one row per metric; with ``uncertainty``, also the
    Monte Carlo P10/P90 of orbit/ground and P(orbit beats the ground) (NaN for a study with no
    uncertain inputs). Infeasible designs are compared too: their ``feasible`` row says so."""
    import pandas as pd

    columns = {}
    names = [study.info.name for study in studies]
    if len(set(names)) != len(names):  # the same name twice: tell them apart by position
        names = [f"{name} ({index})" for index, name in enumerate(names, start=1)]
    for name, study in zip(names, studies, strict=True):
        metrics = evaluate(study.design, check_feasible=False)
        column: dict[str, float] = {label: float(metrics.values[key]) for key, label in ROWS}
        column["feasible"] = float(metrics.values["feasible"])
        if uncertainty:
            if uncertain_inputs(study.design, study.uncertainty):
                result = study_uncertainty(study.design, study.uncertainty, seed=study.info.seed)
                ratio = result.percentiles()["orbit_to_ground_ratio"]
                column[RATIO_P10] = ratio["p10"]
                column[RATIO_P90] = ratio["p90"]
                column[WIN_ROW] = result.p_orbit_wins
            else:
                column[RATIO_P10] = column[RATIO_P90] = column[WIN_ROW] = float("nan")
        columns[name] = column
    return pd.DataFrame(columns)
