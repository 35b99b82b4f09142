# expect: plugin 'hook_raises', hook register_launch_vehicles: raised ZeroDivisionError: division by zero
"""Hostile plugin fixture: hook raises."""

from skyrack import hookimpl


@hookimpl
def register_launch_vehicles(register):
    1 / 0
