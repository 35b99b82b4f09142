# expect: hook register_commands: raised AttributeError
"""Hostile plugin fixture: commands hook adds garbage."""

from skyrack import hookimpl


@hookimpl
def register_commands(cli):
    cli.add_command(42)
