# expect: hook register_launch_vehicles: raised AttributeError
"""Hostile plugin fixture: uninitialised component."""

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(object.__new__(LaunchVehicle))
