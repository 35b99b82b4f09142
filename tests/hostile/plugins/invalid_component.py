# expect: hook register_launch_vehicles: LaunchVehicle 'hostile-rocket': price_usd must be > 0 USD, got -5
"""Hostile plugin fixture: invalid component."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    register(LaunchVehicle(**rocket_fields(price_usd=-5)))
