# expect: plugin 'commands_hook_raises', hook register_commands: raised RuntimeError: no config file
"""Hostile plugin fixture: commands hook raises."""

from skyrack import hookimpl


@hookimpl
def register_commands(cli):
    raise RuntimeError("no config file")
