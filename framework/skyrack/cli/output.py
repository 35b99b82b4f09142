"""Printing helpers shared by the commands: JSON, rich tables, and a console that cannot be
made to drive the terminal."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rich.console import Console


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON (non-finite floats become null)."""
    from skyrack.describe import to_json

    click.echo(to_json(data))


MAX_RENDERED_CHARS = 5_000
"""The longest string printed whole (a study's description is at most this long)."""


@functools.cache
def _safe_console_class() -> type[Console]:
    from rich.console import Console

    from skyrack.text import printable, shorten

    class SafeConsole(Console):
        """A rich console that escapes control characters in every string it renders (table
        cells, descriptions, citations), so text from a study or a plugin cannot move the
        cursor, recolour or retitle the terminal; rich's own styling is unaffected. A string
        is cut at MAX_RENDERED_CHARS: rich wraps a long word in quadratic time, and a 900 kB
        description would hang the terminal.

        It never cuts text silently otherwise: a table cell too long for a narrow terminal is
        folded onto more lines instead of ending in "…" (rich's default)."""

        def render_str(self, text: str, **kwargs: Any) -> Any:
            safe = shorten(printable(text, multiline=True), MAX_RENDERED_CHARS)
            return super().render_str(safe, **kwargs)

        def print(self, *objects: Any, **kwargs: Any) -> None:
            for shown in objects:
                fold_cells(shown)
            super().print(*objects, **kwargs)

    return SafeConsole


def fold_cells(renderable: Any) -> None:
    """Make every column of a rich table (and of the tables inside its cells) fold a long
    word onto the next line rather than cut it with an ellipsis."""
    from rich.table import Table

    if not isinstance(renderable, Table):
        return
    for column in renderable.columns:
        if column.overflow == "ellipsis":
            column.overflow = "fold"
        for cell in column.cells:
            fold_cells(cell)


def safe_console(*, stderr: bool = False, **options: Any) -> Console:
    """The console every command prints through (see ``SafeConsole``); ``options`` go to rich's
    ``Console`` (``file``, ``width``)."""
    return _safe_console_class()(stderr=stderr, **options)
