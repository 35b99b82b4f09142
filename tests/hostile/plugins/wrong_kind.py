# expect: registered an Orbit 'hostile-orbit', but register_launch_vehicles takes LaunchVehicle objects
"""Hostile plugin fixture: wrong kind."""

from skyrack import Orbit, Source, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(
        Orbit(
            name="hostile-orbit",
            description="an orbit in the wrong hook",
            altitude_km=550.0,
            inclination_deg=53.0,
            launch_capacity_factor=1.0,
            sources={"*": Source(title="hostile corpus", year=2026)},
        )
    )
