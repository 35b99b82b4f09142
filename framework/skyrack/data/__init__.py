"""The data tables skyrack's model reads, shipped inside the package with their sources.

Each table is a CSV file beside this module: comment lines first (``#``: what the table holds,
its original publication after ``source:``, its units), then a header row, then one row per
record. Numeric columns become float64 arrays, others tuples of strings. A plugin ships its own
tables the same way and reads them with ``load_table(name, package="my_plugin")``.

Tables of the core: ``atmosphere_vallado`` and ``atmosphere_msise90`` (air density,
:mod:`skyrack.physics.orbit`), ``leo_tid_dose_550km`` (radiation dose,
:mod:`skyrack.physics.radiation`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["CORE_TABLES", "DataTable", "load_table"]

CORE_TABLES = ("atmosphere_vallado", "atmosphere_msise90", "leo_tid_dose_550km")
"""Every table the core's physics reads."""


@attrs.frozen
class DataTable:
    """One table: its comment lines and its columns, by header name."""

    name: str
    notes: tuple[str, ...]
    columns: Mapping[str, npt.NDArray[np.float64] | tuple[str, ...]]

    @property
    def source(self) -> str:
        """The table's ``source:`` note with its indented continuation lines, in one line."""
        lines: list[str] = []
        for note in self.notes:
            if note.startswith("source:"):
                lines.append(note.removeprefix("source:").strip())
            elif lines and note.startswith("  "):
                lines.append(note.strip())
            elif lines:
                break
        return " ".join(lines)

    def numbers(self, column: str) -> npt.NDArray[np.float64]:
        """A numeric column (read-only float64)."""
        values = self.columns[column]
        if not isinstance(values, np.ndarray):
            raise TypeError(f"{self.name}.{column} is not numeric")
        return values


def _column(cells: list[str]) -> npt.NDArray[np.float64] | tuple[str, ...]:
    try:
        array = np.array([float(cell) for cell in cells], dtype=np.float64)
    except ValueError:
        return tuple(cells)
    array.setflags(write=False)
    return array


@functools.cache
def load_table(name: str, package: str = __name__) -> DataTable:
    """Read ``<name>.csv`` from ``package`` (this one by default) as a :class:`DataTable`."""
    text = resources.files(package).joinpath(f"{name}.csv").read_text(encoding="utf-8")
    notes = tuple(line[1:].removeprefix(" ") for line in text.splitlines() if line.startswith("#"))
    rows = [line.split(",") for line in text.splitlines() if line and not line.startswith("#")]
    header, records = rows[0], rows[1:]
    if any(len(record) != len(header) for record in records):
        raise ValueError(f"{package}/{name}.csv: every row needs {len(header)} cells")
    columns = {key: _column([record[i] for record in records]) for i, key in enumerate(header)}
    return DataTable(name=name, notes=notes, columns=columns)
