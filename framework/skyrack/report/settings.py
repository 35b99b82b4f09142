"""The ``[report]`` section of a study: what the report draws beyond its defaults."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from skyrack.design import Design
from skyrack.errors import SkyrackError, StudyError, closest_names

KEYS = ("breakeven_map",)


@attrs.frozen(kw_only=True)
class ReportSettings:
    """``breakeven_map``: the map's two axes as ``KEY=LOW:HIGH[:N][:log]`` (None: launch price
    per kg × the ground's energy price)."""

    breakeven_map: tuple[str, str] | None = None


def parse_report_section(data: Any, design: Design) -> ReportSettings:
    """The ``[report]`` section as settings; a mistake is a StudyError with its key path."""
    if not isinstance(data, Mapping):
        raise StudyError(f"[report] must be a table of keys, got {data!r}")
    for key in data:
        if key not in KEYS:
            close = closest_names(str(key), KEYS)
            hint = (
                f"did you mean {', '.join(close)}?" if close else f"valid keys: {', '.join(KEYS)}"
            )
            raise StudyError(f"report.{key}: unknown key; {hint}")
    axes = data.get("breakeven_map")
    if axes is None:
        return ReportSettings()
    if (
        not isinstance(axes, list)
        or len(axes) != 2
        or not all(isinstance(axis, str) for axis in axes)
    ):
        raise StudyError(
            'report.breakeven_map: must be two axes such as ["KEY=LOW:HIGH:N:log", '
            f'"KEY=LOW:HIGH"], got {axes!r}'
        )
    from skyrack.explore.sweep import axis_values, parse_axis

    for position, text in enumerate(axes):
        try:
            axis_values(design, parse_axis(text), position)
        except SkyrackError as error:
            raise StudyError(
                f"report.breakeven_map: {str(error).removeprefix('--param ')}"
            ) from None
    first, second = axes
    return ReportSettings(breakeven_map=(first, second))
