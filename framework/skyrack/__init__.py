"""skyrack: what does AI compute cost when the data center is a fleet of satellites?

The public Python API. A plugin author needs only ``hookimpl`` and the component classes::

    from skyrack import hookimpl, LaunchVehicle, Source

A notebook user loads components and evaluates designs::

    import skyrack
    starship = skyrack.registry().launch_vehicle("starship-target")
"""

from __future__ import annotations

from skyrack.components import (
    COMPONENT_KINDS,
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

__all__ = [
    "COMPONENT_KINDS",
    "Component",
    "ComponentNotFound",
    "ComputePayload",
    "DuplicateComponent",
    "FleetEvent",
    "FleetPolicy",
    "GroundBaseline",
    "InfeasibleDesign",
    "InvalidComponent",
    "LaunchVehicle",
    "ModelInput",
    "Orbit",
    "PluginError",
    "ReferenceModel",
    "SatelliteBus",
    "SkyrackError",
    "Source",
    "StudyError",
    "__version__",
    "hookimpl",
    "load_plugins",
    "registry",
]
