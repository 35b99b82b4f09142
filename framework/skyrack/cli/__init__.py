"""The ``skyrack`` command line: a thin layer over the Python API.

Each command lives in its own module and only parses, calls the API and prints. Whatever goes
wrong, the ``skyrack`` script prints one line on stderr and exits non-zero, never a traceback:

* an error the user caused (:class:`~skyrack.errors.SkyrackError`, a bad argument): status 1,
  or 2 for a command line click cannot parse;
* Ctrl-C or SIGTERM: status 130 or 143, after the command has cleaned up (a results folder is
  either the old one or the new one, never half of each);
* standard output that cannot be written (a full disk): status 1; a closed pipe: status 141;
* a bug: status 70, with ``SKYRACK_DEBUG=1`` to see the traceback.

Control characters in messages are escaped, so no input can drive the terminal. Heavy libraries
(optuna, mesa) are imported inside the commands that need them, so ``skyrack --help`` stays fast.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, redirect_stdout, suppress
from types import FrameType
from typing import Any

import click

from skyrack.errors import SkyrackError
from skyrack.text import one_line

EXIT_USER_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70
"""EX_SOFTWARE of sysexits.h: skyrack itself failed."""
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE
DEBUG_VARIABLE = "SKYRACK_DEBUG"


class ReaderGone(Exception):
    """Standard output's reader went away (``skyrack ... | head``): nothing more to say."""


class SkyrackGroup(click.Group):
    """A click group that prints skyrack's errors as one clear line and exits non-zero."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SkyrackError as error:
            raise click.ClickException(one_line(str(error))) from None
        except BrokenPipeError:  # click would exit 1; a closed pipe is 128 + SIGPIPE
            raise ReaderGone from None


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


def _guarded(command: click.Command, plugin: str) -> click.Command:
    """``command`` with any unexpected exception it raises named as its plugin's failure."""
    from skyrack.errors import PluginError
    from skyrack.registry import raised

    invoke = command.invoke

    def guarded_invoke(ctx: click.Context) -> Any:
        try:
            return invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SkyrackError):
            raise
        except Exception as error:
            raise PluginError(
                plugin, f"raised {raised(error)}", hook=f"command {command.name}"
            ) from error

    command.invoke = guarded_invoke  # type: ignore[method-assign]
    return command


def _add_plugin_commands(group: click.Group) -> None:
    """Let each plugin add commands. A plugin whose hook fails, or that would replace a
    command, is recorded as failed (its commands are left out) and named by the commands that
    need every plugin."""
    from skyrack.plugins import load_plugins, record_failure
    from skyrack.registry import PLUGIN_ERRORS, raised

    hook = "register_commands"
    for impl in load_plugins().hook.register_commands.get_hookimpls():
        collector = click.Group()
        try:
            with redirect_stdout(sys.stderr):
                impl.function(**dict.fromkeys(impl.argnames, collector))
            commands = dict(collector.commands)
        except PLUGIN_ERRORS as error:
            record_failure(impl.plugin_name, f"raised {raised(error)}", hook)
            continue
        taken = sorted(set(commands) & set(group.commands))
        if taken:
            problem = f"command {taken[0]!r} already exists; give the plugin's command another name"
            record_failure(impl.plugin_name, problem, hook)
            continue
        for name, command in commands.items():
            group.add_command(_guarded(command, impl.plugin_name), name)


_add_builtin_commands(cli)


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so that clean-up code runs as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = {
        signum: signal.signal(signum, interrupt) for signum in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def print_error(message: str) -> None:
    """Print ``message`` as the one ``Error: …`` line on stderr."""
    with suppress(OSError):  # stderr is gone too: nothing left to tell
        click.echo(f"Error: {one_line(message)}", err=True)


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _usage_message(error: click.UsageError) -> str:
    command = error.ctx.command_path if error.ctx is not None else "skyrack"
    return f"{error.format_message()} (see '{command} --help')"


def _interruption(error: BaseException) -> int:
    """The signal behind a KeyboardInterrupt (or click's Abort, which wraps one)."""
    cause = error.__cause__ if isinstance(error, click.Abort) else error
    return cause.signum if isinstance(cause, Interrupted) else signal.SIGINT


def run_cli(args: Sequence[str] | None = None) -> int:
    """Run the command line on ``args`` (default: ``sys.argv[1:]``); return the exit status.

    Every failure is one line on stderr (see the module docstring)."""
    try:
        with _signals_interrupt():
            _add_plugin_commands(cli)
            status = cli.main(args=args, prog_name="skyrack", standalone_mode=False)
            sys.stdout.flush()
            return status if isinstance(status, int) else 0
    except (KeyboardInterrupt, click.Abort) as error:
        signum = _interruption(error)
        print_error(f"interrupted by {signal.Signals(signum).name}")
        return 128 + signum
    except click.UsageError as error:
        print_error(_usage_message(error))
        return EXIT_USAGE
    except click.ClickException as error:
        print_error(error.format_message())
        return EXIT_USER_ERROR
    except SkyrackError as error:
        print_error(str(error))
        return EXIT_USER_ERROR
    except (ReaderGone, BrokenPipeError):  # the reader went away (`skyrack ... | head`)
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        _silence_stdout()
        print_error(f"cannot write the output: {error.strerror or error}")
        return EXIT_USER_ERROR
    except Exception as error:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        from skyrack.registry import raised

        print_error(
            f"internal error (a bug in skyrack, please report it): {raised(error)}; "
            f"set {DEBUG_VARIABLE}=1 to see where"
        )
        return EXIT_INTERNAL


def main() -> None:
    """Entry point of the ``skyrack`` script."""
    raise SystemExit(run_cli())
