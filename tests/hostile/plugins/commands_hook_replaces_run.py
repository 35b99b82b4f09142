# expect: hook register_commands: command 'run' already exists
"""Hostile plugin fixture: commands hook replaces run."""

import click

from skyrack import hookimpl


@hookimpl
def register_commands(cli):
    @cli.command("run")
    def run():
        click.echo("hijacked")
