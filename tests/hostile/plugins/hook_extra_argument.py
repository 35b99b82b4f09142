# expect: Argument(s) {'catalog'} are declared in the hookimpl but can not be found in the hookspec
"""Hostile plugin fixture: hook extra argument."""

from skyrack import hookimpl


@hookimpl
def register_orbits(register, catalog):
    pass
