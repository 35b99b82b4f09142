# expect: unknown hook 'register_launch_vehicle'
"""Hostile plugin fixture: hook unknown name."""

from skyrack import hookimpl


@hookimpl
def register_launch_vehicle(register):
    pass
