"""The live view: a Mesa SolaraViz page of a study's fleet over time.

``skyrack viz STUDY`` serves it (Mesa's convention puts ``app.py`` beside ``model.py``); the study
comes in the ``SKYRACK_VIZ_STUDY`` environment variable. The page steps a :class:`LiveFleet` (a
:class:`~skyrack.simulation.model.FleetModel`) of the study (its [simulation] settings, or the
defaults) and draws, as it flies: satellites in orbit, in storage and lost; operating power
against the target; delivered compute and spend; and what is in orbit by launch year (its
:class:`~skyrack.simulation.agents.SatelliteCohort` agents). With a seed s the page flies
replication 0 of the study's ensemble seeded s, the history ``skyrack.simulate(..., seed=s)``
returns.

The page's scripts are served from the environment (the ``solara-assets`` package, which Solara's
asset proxy reads before it tries a CDN), so it renders with no network.
"""

from __future__ import annotations

import html
import math
import os
from typing import Any

import matplotlib
import numpy as np
import solara
from matplotlib.figure import Figure
from mesa.visualization import SolaraViz

from skyrack.errors import SkyrackError
from skyrack.simulation import VIZ_STUDY_VARIABLE
from skyrack.simulation.ensemble import replication_seeds
from skyrack.simulation.model import FleetModel
from skyrack.simulation.plan import SimulationPlan

matplotlib.use("Agg")


class LiveFleet(FleetModel):
    """The page's model: replication 0 of the ensemble seeded ``seed`` (a whole number, or its
    digits as typed in the page's Seed box)."""

    def __init__(self, plan: SimulationPlan, seed: int | str = 0) -> None:
        text = str(seed).strip()
        if not text.isdigit():
            raise SkyrackError(f"Seed must be a whole number ≥ 0, got {seed!r}")
        self.seed = int(text)
        super().__init__(plan, rng=np.random.default_rng(replication_seeds(self.seed, 1)[0]))


def _series(model: FleetModel) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    n = model.recorder.steps_recorded
    time = model.step_years * np.arange(1, n + 1)
    return time, {name: values[:n] for name, values in model.recorder.series.items()}


def _figure(model: FleetModel, title: str) -> tuple[Figure, Any]:
    """A figure whose time axis spans the whole horizon from the start."""
    figure = Figure(figsize=(6.4, 3.2), layout="constrained")
    axes = figure.subplots()
    axes.set_title(title, fontsize=11)
    axes.set_xlabel("years from the first launch")
    axes.set_xlim(0.0, model.steps_total * model.step_years)
    axes.grid(alpha=0.3)
    return figure, axes


def Satellites(model: FleetModel) -> Any:
    """Satellites operating and in storage, and the cumulative losses."""
    time, s = _series(model)
    figure, axes = _figure(model, "Satellites")
    axes.plot(time, s["satellites_operating"], label="operating", color="tab:blue")
    axes.plot(time, s["satellites_in_storage"], label="built, awaiting launch", color="tab:gray")
    axes.plot(time, np.cumsum(s["satellites_failed"]), label="failed (total)", color="tab:red")
    axes.plot(
        time, np.cumsum(s["satellites_deorbited"]), label="deorbited (total)", color="tab:green"
    )
    axes.plot(
        time,
        np.cumsum(s["satellites_lost_at_launch"]),
        label="lost at launch (total)",
        color="tab:orange",
    )
    axes.axhline(model.plan.target_satellites, color="black", lw=0.8, ls="--", label="target")
    axes.legend(fontsize=8, loc="upper left")
    return solara.FigureMatplotlib(figure)


def Power(model: FleetModel) -> Any:
    """Operating payload power against the target."""
    time, s = _series(model)
    figure, axes = _figure(model, "Operating payload power")
    target = model.plan.target_satellites * model.plan.satellite_power_w
    scale, unit = _power_unit(target)
    axes.plot(time, s["operating_power_w"] / scale, color="tab:purple", label="operating")
    axes.axhline(target / scale, color="black", lw=0.8, ls="--", label="target")
    axes.set_ylabel(unit)
    axes.legend(fontsize=8, loc="lower right")
    return solara.FigureMatplotlib(figure)


def Compute(model: FleetModel) -> Any:
    """Delivered compute per year and cumulative spend."""
    time, s = _series(model)
    figure, axes = _figure(model, "Delivered compute and spend")
    per_year = s["delivered_pflop_days"] / model.step_years
    axes.plot(time, per_year, color="tab:blue", label="PFLOP-days per year (rate)")
    axes.set_ylabel("PFLOP-days / yr")
    spend = axes.twinx()
    if len(time):
        history = model.history()
        spend.plot(time, np.cumsum(history.timeline.total_spend_usd) / 1e9, color="tab:red")
    spend.set_ylabel("spent, billion USD (red)")
    return solara.FigureMatplotlib(figure)


def Cohorts(model: FleetModel) -> Any:
    """Satellites in orbit by launch year: the cohort agents."""
    figure, axes = _figure(model, "Satellites in orbit by launch year")
    axes.set_xlabel("launch year (from the first launch)")
    axes.set_xlim(-0.5, math.ceil(model.steps_total * model.step_years) - 0.5)
    table = model.policy_view.cohorts()
    if len(table.cohort_ids):
        years = np.floor(table.launch_time_years).astype(int)
        counts = np.bincount(years, weights=table.satellites_operating)
        launched = np.bincount(years, weights=table.satellites_launched)
        axes.bar(np.arange(len(launched)), launched, color="lightgray", label="launched")
        axes.bar(np.arange(len(counts)), counts, color="tab:blue", label="still operating")
        axes.legend(fontsize=8)
    return solara.FigureMatplotlib(figure)


def _power_unit(target_w: float) -> tuple[float, str]:
    """Scale and unit to show a fleet of this target power in."""
    return (1e9, "GW") if target_w >= 1e9 else (1e6, "MW")


def Status(model: LiveFleet) -> Any:
    """Where the fleet stands now (HTML, not Markdown: Solara's Markdown loads KaTeX from a
    CDN)."""
    view = model.policy_view
    scale, unit = _power_unit(view.target_power_w)
    horizon_years = model.plan.settings.horizon_years
    flown_years = model.recorder.steps_recorded * model.step_years
    end = " (the horizon: reset to fly again)" if model.finished else ""
    vehicles = ", ".join(vehicle.name for vehicle in model.plan.vehicles)
    text = (
        f"t = {flown_years:.2f} of {horizon_years:g} yr{end} · "
        f"{view.satellites_operating:,} of {view.target_satellites:,} satellites operating, "
        f"{view.satellites_in_storage:,} built and awaiting launch · "
        f"{view.operating_power_w / scale:,.2f} of {view.target_power_w / scale:,.2f} {unit} · "
        f"{len(model.cohorts):,} cohorts · policy {model.plan.policy.name} · seed {model.seed}"
    )
    return solara.HTML(
        tag="div",
        unsafe_innerHTML=f"<b>{html.escape(vehicles)}</b> · {html.escape(text)}",
        style="font-size: 15px; line-height: 1.5",
    )


def page_for(study_path: str) -> Any:
    """The SolaraViz page of the study at ``study_path``."""
    from skyrack.study import load_study

    study = load_study(study_path)
    plan = SimulationPlan.of_study(study)
    seed = plan.settings.seed or 0
    return SolaraViz(
        LiveFleet(plan, seed),
        components=[Status, Satellites, Power, Compute, Cohorts],
        model_params={
            "plan": plan,
            "seed": {"type": "InputText", "value": str(seed), "label": "Seed (then Reset)"},
        },
        name=f"skyrack · {study.info.name}",
        play_interval=50,
        render_interval=30,
    )


page = page_for(os.environ[VIZ_STUDY_VARIABLE]) if VIZ_STUDY_VARIABLE in os.environ else None
"""The page Solara serves (``skyrack viz`` sets the study)."""
