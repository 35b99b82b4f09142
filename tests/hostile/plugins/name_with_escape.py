# expect: got 'evil\x1b[2J'
"""Hostile plugin fixture: name with escape."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(LaunchVehicle(**rocket_fields(name="evil\x1b[2J")))
