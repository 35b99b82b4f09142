"""The ``skyrack`` command line: a thin layer over the Python API.

Each command lives in its own module and only parses, calls the API and prints. Errors that a
user can cause (:class:`~skyrack.errors.SkyrackError`) become one line on stderr and exit
status 1, never a traceback. Heavy libraries (optuna, mesa) are imported inside the commands
that need them, so ``skyrack --help`` stays fast.
"""

from __future__ import annotations

from typing import Any

import click

from skyrack.errors import SkyrackError

EXIT_USER_ERROR = 1


class SkyrackGroup(click.Group):
    """A click group that prints skyrack's errors as one clear line and exits non-zero."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SkyrackError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=SkyrackGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="skyrack")
def cli() -> None:
    """skyrack: model, simulate and optimize the cost of AI compute in orbit vs on the ground."""


def _add_builtin_commands(group: click.Group) -> None:
    from skyrack.cli.assumptions_cmd import assumptions
    from skyrack.cli.compare_cmd import compare
    from skyrack.cli.components_cmd import components
    from skyrack.cli.crossover_cmd import crossover
    from skyrack.cli.goal_seek_cmd import goal_seek
    from skyrack.cli.new_study_cmd import new_study
    from skyrack.cli.optimize_cmd import dashboard, optimize
    from skyrack.cli.plugins_cmd import plugins
    from skyrack.cli.reference_cmd import reference
    from skyrack.cli.run_cmd import run, validate
    from skyrack.cli.sensitivity_cmd import sensitivity
    from skyrack.cli.sweep_cmd import sweep
    from skyrack.cli.viz_cmd import viz

    for command in (
        run,
        validate,
        new_study,
        compare,
        sweep,
        sensitivity,
        viz,
        crossover,
        goal_seek,
        optimize,
        dashboard,
        components,
        assumptions,
        reference,
        plugins,
    ):
        group.add_command(command)


def _add_plugin_commands(group: click.Group) -> None:
    """Let each plugin add commands; a plugin may not replace a command that exists."""
    from skyrack.errors import PluginError
    from skyrack.plugins import load_plugins

    for impl in load_plugins().hook.register_commands.get_hookimpls():
        collector = click.Group()
        impl.function(collector)
        for name, command in collector.commands.items():
            if name in group.commands:
                raise PluginError(
                    impl.plugin_name,
                    f"command {name!r} already exists; give the plugin's command another name",
                    hook="register_commands",
                )
            group.add_command(command, name)


_add_builtin_commands(cli)


def main() -> None:
    """Entry point of the ``skyrack`` script: load plugin commands, then run."""
    try:
        _add_plugin_commands(cli)
    except SkyrackError as error:
        click.echo(f"Error: {error}", err=True)
        raise SystemExit(EXIT_USER_ERROR) from None
    cli.main(prog_name="skyrack")
