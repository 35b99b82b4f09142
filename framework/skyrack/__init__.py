"""skyrack: what does AI compute cost when the data center is a fleet of satellites?

The public Python API. A plugin author needs only ``hookimpl`` and the component classes::

    from skyrack import hookimpl, LaunchVehicle, Source

A notebook user loads studies and components and evaluates designs::

    import skyrack
    study = skyrack.load_study("studies/quickstart.toml")
    metrics = skyrack.evaluate(study.design)
    sweep = skyrack.evaluate_batch(study.design, {"launch_vehicle.price_usd": [1e6, 1e7]})
    timeline = skyrack.fleet_timeline(study.design, step_years=0.25)  # expected, year by year
    starship = skyrack.registry().launch_vehicle("starship-target")

and flies its fleet (:mod:`skyrack.simulation`), one replication or an ensemble::

    settings = skyrack.SimulationSettings(horizon_years=10, policy="replace-failed")
    history = skyrack.simulate(study.design, settings, seed=1)   # a FleetHistory
    for history in skyrack.replications(study.design, settings, seed=1, count=20, workers=4):
        ...                                                      # one at a time, in order
    summary = skyrack.run_ensemble(study.design, settings, seed=1, count=20)

The evaluation and simulation names are imported on first use, so ``import skyrack`` (and
``skyrack --help``) stays light.
"""

from __future__ import annotations

from typing import Any

from skyrack.components import (
    COMPONENT_KINDS,
    AcceleratorGeneration,
    AcceleratorRoadmap,
    Component,
    ComputePayload,
    FleetEvent,
    FleetPolicy,
    GroundBaseline,
    LaunchVehicle,
    ModelInput,
    Orbit,
    ReferenceModel,
    SatelliteBus,
)
from skyrack.errors import (
    ComponentNotFound,
    DuplicateComponent,
    InfeasibleDesign,
    InvalidComponent,
    PluginError,
    SkyrackError,
    StudyError,
)
from skyrack.hookspecs import hookimpl
from skyrack.plugins import load_plugins, registry
from skyrack.sources import Source

__version__ = "0.1.0"

_LAZY = {
    "evaluate": "skyrack.evaluation",
    "evaluate_batch": "skyrack.evaluation",
    "crossover": "skyrack.crossover",
    "Crossover": "skyrack.crossover",
    "fleet_timeline": "skyrack.expected_timeline",
    "unit_costs": "skyrack.expected_timeline",
    "FleetTimeline": "skyrack.timeline",
    "UnitCosts": "skyrack.pricing",
    "price_timeline": "skyrack.pricing",
    "parameter_names": "skyrack.evaluation",
    "Metrics": "skyrack.metrics",
    "Design": "skyrack.design",
    "Sizing": "skyrack.design",
    "Economics": "skyrack.design",
    "Study": "skyrack.study",
    "load_study": "skyrack.study",
    "run_study": "skyrack.runner",
    "simulate": "skyrack.simulation.ensemble",
    "replications": "skyrack.simulation.ensemble",
    "run_ensemble": "skyrack.simulation.ensemble",
    "summarize": "skyrack.simulation.ensemble",
    "EnsembleSummary": "skyrack.simulation.ensemble",
    "FleetHistory": "skyrack.simulation.history",
    "FleetModel": "skyrack.simulation.model",
    "SimulationPlan": "skyrack.simulation.plan",
    "SimulationSettings": "skyrack.simulation.settings",
    "FactorySettings": "skyrack.simulation.settings",
    "PolicyBehaviour": "skyrack.simulation.protocol",
    "EventBehaviour": "skyrack.simulation.protocol",
}


def __getattr__(name: str) -> Any:
    """Import the evaluation API on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skyrack' has no attribute {name!r}")


__all__ = [
    "COMPONENT_KINDS",
    "AcceleratorGeneration",
    "AcceleratorRoadmap",
    "Component",
    "ComponentNotFound",
    "ComputePayload",
    "Crossover",
    "Design",
    "DuplicateComponent",
    "Economics",
    "EnsembleSummary",
    "EventBehaviour",
    "FactorySettings",
    "FleetEvent",
    "FleetHistory",
    "FleetModel",
    "FleetPolicy",
    "FleetTimeline",
    "GroundBaseline",
    "InfeasibleDesign",
    "InvalidComponent",
    "LaunchVehicle",
    "Metrics",
    "ModelInput",
    "Orbit",
    "PluginError",
    "PolicyBehaviour",
    "ReferenceModel",
    "SatelliteBus",
    "SimulationPlan",
    "SimulationSettings",
    "Sizing",
    "SkyrackError",
    "Source",
    "Study",
    "StudyError",
    "UnitCosts",
    "__version__",
    "crossover",
    "evaluate",
    "evaluate_batch",
    "fleet_timeline",
    "hookimpl",
    "load_plugins",
    "load_study",
    "parameter_names",
    "price_timeline",
    "registry",
    "replications",
    "run_ensemble",
    "run_study",
    "simulate",
    "summarize",
    "unit_costs",
]
