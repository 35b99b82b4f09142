"""Where a number comes from: every default value in a component carries a :class:`Source`."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen(kw_only=True)
class Source:
    """A publication, data sheet or estimate that a default value is taken from.

    ``estimate`` is true when the number is a secondary estimate or our own judgement rather
    than a figure the source states directly; ``note`` says how the number was derived.
    """

    title: str
    year: int
    url: str | None = None
    document: str | None = None
    estimate: bool = False
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.title.strip():
            raise ValueError("a Source needs a title")
        if not 1900 <= self.year <= 2100:
            raise ValueError(f"Source {self.title!r}: year must be between 1900 and 2100")

    def derive(self, note: str, *, estimate: bool = True, **changes: Any) -> Source:
        """This source with a note saying how a number was derived from it (an estimate)."""
        return attrs.evolve(self, note=note, estimate=estimate, **changes)

    def cite(self, *, where: bool = True, note: bool = True) -> str:
        """Title (year) and "[estimate]" if it is one; then, each on its own line, where to find
        it (url or document) and the note, unless ``where`` or ``note`` is false."""
        lines = [f"{self.title} ({self.year})" + (" [estimate]" if self.estimate else "")]
        location = self.url or self.document
        if where and location:
            lines.append(location)
        if note and self.note:
            lines.append(self.note)
        return "\n".join(lines)
