"""Every hook a skyrack plugin can implement, grouped by domain, typed and documented.

Registration hooks receive a ``register`` callback and call it once per component::

    from skyrack import hookimpl
    from skyrack.components import LaunchVehicle

    @hookimpl
    def register_launch_vehicles(register):
        register(LaunchVehicle(name="my-rocket", ...))

Each hook is documented, with an example, in ``docs/plugins.md``; a test fails when one is not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import click

    from skyrack.components import (
        AcceleratorRoadmap,
        ComputePayload,
        FleetEvent,
        FleetPolicy,
        GroundBaseline,
        LaunchVehicle,
        Orbit,
        ReferenceModel,
        SatelliteBus,
    )
    from skyrack.optimize.objectives import Objective, SearchDimension
    from skyrack.report.sections import ReportContext, Section

PROJECT_NAME = "skyrack"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --- components: hardware ----------------------------------------------------------------------


@hookspec
def register_launch_vehicles(register: Callable[[LaunchVehicle], None]) -> None:
    """Register launch vehicles by calling ``register(LaunchVehicle(...))`` for each."""


@hookspec
def register_satellite_buses(register: Callable[[SatelliteBus], None]) -> None:
    """Register satellite buses by calling ``register(SatelliteBus(...))`` for each."""


@hookspec
def register_compute_payloads(register: Callable[[ComputePayload], None]) -> None:
    """Register accelerators by calling ``register(ComputePayload(...))`` for each."""


@hookspec
def register_accelerator_roadmaps(register: Callable[[AcceleratorRoadmap], None]) -> None:
    """Register accelerator roadmaps (generations by release year, then a trend) by calling
    ``register(AcceleratorRoadmap(...))``; the business case reads the frontier from one."""


# --- components: environment and baselines -------------------------------------------------------


@hookspec
def register_orbits(register: Callable[[Orbit], None]) -> None:
    """Register orbits by calling ``register(Orbit(...))`` for each."""


@hookspec
def register_ground_baselines(register: Callable[[GroundBaseline], None]) -> None:
    """Register terrestrial data centers by calling ``register(GroundBaseline(...))``."""


# --- components: operations ---------------------------------------------------------------------


@hookspec
def register_fleet_policies(register: Callable[[FleetPolicy], None]) -> None:
    """Register fleet operating policies by calling ``register(FleetPolicy(...))``."""


@hookspec
def register_fleet_events(register: Callable[[FleetEvent], None]) -> None:
    """Register disruptive events by calling ``register(FleetEvent(...))``."""


# --- models --------------------------------------------------------------------------------------


@hookspec
def register_reference_models(register: Callable[[ReferenceModel], None]) -> None:
    """Register published cost models by calling ``register(ReferenceModel(...))``."""


# --- optimization --------------------------------------------------------------------------------


@hookspec
def register_objectives(register: Callable[[Objective], None]) -> None:
    """Register optimization objectives by calling ``register(Objective(...))`` for each."""


@hookspec
def register_search_dimensions(register: Callable[[SearchDimension], None]) -> None:
    """Register search knobs that map onto design parameters: ``register(SearchDimension(...))``."""


# --- command line --------------------------------------------------------------------------------


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add commands to the ``skyrack`` command line: ``@cli.command()`` on a function."""


# --- reports ------------------------------------------------------------------------------------


@hookspec
def report_sections(context: ReportContext) -> list[Section]:
    """Return sections for the HTML report of one results folder (``[]`` for none); see
    :mod:`skyrack.report.sections`."""
    return []


REGISTRATION_HOOKS: dict[str, str] = {
    "register_launch_vehicles": "launch_vehicle",
    "register_satellite_buses": "satellite_bus",
    "register_compute_payloads": "compute_payload",
    "register_accelerator_roadmaps": "accelerator_roadmap",
    "register_orbits": "orbit",
    "register_ground_baselines": "ground_baseline",
    "register_fleet_policies": "fleet_policy",
    "register_fleet_events": "fleet_event",
    "register_reference_models": "reference_model",
}
"""Each registration hook and the kind of component it registers."""
