# expect: registration hooks cannot be wrappers
"""Hostile plugin fixture: hook wrapper."""

from skyrack import hookimpl


@hookimpl(wrapper=True)
def register_launch_vehicles(register):
    return (yield)
