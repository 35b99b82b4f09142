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


def format_value(value: Any) -> str:
    """A number with thousands separators and sensible precision; other values as text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        if value == 0 or 1e-3 <= abs(value) < 1e15:
            return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
        return f"{value:.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {format_value(v)}" for k, v in value.items())
    return str(value)


@functools.cache
def _safe_console_class() -> type[Console]:
    from rich.console import Console

    from skyrack.text import printable

    class SafeConsole(Console):
        """A rich console that escapes control characters in every string it renders (table
        cells, descriptions, citations), so text from a study or a plugin cannot move the
        cursor, recolour or retitle the terminal; rich's own styling is unaffected."""

        def render_str(self, text: str, **kwargs: Any) -> Any:
            return super().render_str(printable(text, multiline=True), **kwargs)

    return SafeConsole


def safe_console(*, stderr: bool = False) -> Console:
    """The console every command prints through (see ``SafeConsole``)."""
    return _safe_console_class()(stderr=stderr)
