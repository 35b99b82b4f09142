# expect: LaunchVehicle 'hostile-rocket': price_usd must be > 0 USD, got -1
"""Hostile plugin fixture: mutated component."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    rocket = LaunchVehicle(**rocket_fields())
    object.__setattr__(rocket, "price_usd", -1)  # frozen, but not to object.__setattr__
    register(rocket)
