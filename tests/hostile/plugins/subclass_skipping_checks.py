# expect: LaunchVehicle 'hostile-rocket': success_probability must be ≤ 1, got 7
"""Hostile plugin fixture: subclass skipping checks."""

import attrs
from hostile_rocket import rocket_fields

from skyrack import LaunchVehicle, hookimpl


@attrs.frozen(kw_only=True)
class Lenient(LaunchVehicle):
    """A subclass that swaps the probability's validator for none."""

    success_probability: float = attrs.field(default=7)


@hookimpl
def register_launch_vehicles(register):
    fields = rocket_fields()
    del fields["success_probability"]
    register(Lenient(**fields))
