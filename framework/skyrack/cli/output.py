"""Printing helpers shared by the commands: JSON and rich tables."""

from __future__ import annotations

from typing import Any

import click


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
