# expect: the source of price_usd must be a skyrack Source, got str
"""Hostile plugin fixture: mutated sources."""

from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@hookimpl
def register_launch_vehicles(register):
    rocket = LaunchVehicle(**rocket_fields())
    rocket.sources["price_usd"] = "trust me"
    register(rocket)
