# expect: plugin 'duplicate_builtin_name', hook register_launch_vehicles: launch vehicle 'starship-target' is already registered by plugin 'launchers'; rename one of them or disable a plugin with SKYRACK_DISABLE_PLUGINS=duplicate_builtin_name
"""Hostile plugin fixture: duplicate builtin name."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(LaunchVehicle(**rocket_fields(name="starship-target")))
