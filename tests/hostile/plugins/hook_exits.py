# expect: hook register_orbits: raised exited (SystemExit 1)
"""Hostile plugin fixture: hook exits."""

import sys

from skyrack import hookimpl


@hookimpl
def register_orbits(register):
    sys.exit(1)
