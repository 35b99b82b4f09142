"""``skyrack viz``: serve the live view of a study's fleet (a Mesa SolaraViz page)."""

from __future__ import annotations

import os
import socket
import warnings
from pathlib import Path

import click

from skyrack.cli.run_cmd import STUDY_PATH
from skyrack.errors import SkyrackError

APP = "skyrack.simulation.app:page"
"""What Solara serves: the module and the name of its page (Solara looks for ``Page`` unless
told)."""


@click.command()
@click.argument("study_file", type=STUDY_PATH)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option("--open/--no-open", "open_browser", default=False, help="Open a browser.")
def viz(study_file: Path, host: str, port: int, open_browser: bool) -> None:
    """Serve a live view of a study's fleet flying (its [simulation] settings) on HOST:PORT."""
    from skyrack.simulation import VIZ_STUDY_VARIABLE
    from skyrack.simulation.plan import SimulationPlan
    from skyrack.study import load_study

    # a bad study, a design that cannot fly or a busy port fails here, in one line, before the
    # server starts
    SimulationPlan.of_study(load_study(study_file))
    _check_listen(host, port)
    os.environ[VIZ_STUDY_VARIABLE] = str(Path(study_file).resolve())  # before the app imports
    os.environ.setdefault("SOLARA_TELEMETRY_MIXPANEL_ENABLE", "False")
    # Solara warns on each visit that a cross-site cookie needs https; a page on loopback is
    # not embedded cross-site, and the warning is not the user's to act on.
    warnings.filterwarnings("ignore", message="Cookies with samesite=none", category=UserWarning)
    from solara.__main__ import cli as solara_cli

    arguments = [
        "run",
        APP,
        "--host",
        host,
        "--port",
        str(port),
        "--production",
        "--no-check-version",
        "--log-level",
        "warning",
        "--open" if open_browser else "--no-open",
    ]
    solara_cli.main(arguments, prog_name="skyrack viz", standalone_mode=False)


def _check_listen(host: str, port: int) -> None:
    """Refuse an address the server could not listen on, saying why."""
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        hint = " (--port 0 picks a free port)" if port else ""
        reason = error.strerror or str(error)
        raise SkyrackError(f"cannot listen on {host}:{port}: {reason}{hint}") from None
