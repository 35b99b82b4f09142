# expect: LaunchVehicle name must be 1 to 100 lowercase letters
"""Hostile plugin fixture: name with newline."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(LaunchVehicle(**rocket_fields(name="sneaky\n")))
