# expect: hook register_commands: raised exited (SystemExit 0)
"""Hostile plugin fixture: commands hook exits."""

from skyrack import hookimpl


@hookimpl
def register_commands(cli):
    raise SystemExit(0)
