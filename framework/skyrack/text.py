"""Text that is safe to show: user and plugin text escaped for a terminal, values shown as the
user wrote them, and error messages kept to one readable line.

A study description or a plugin's component description can hold anything, including escape
sequences that recolour, retitle or clear a terminal. Everything skyrack prints that it did not
write itself goes through :func:`printable` first.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
"""Control characters (C0 but tab and newline, DEL, C1) and the invisible direction marks that
reorder what a terminal shows ("Trojan source")."""
_UNSAFE_OR_LINE_BREAK = re.compile(_UNSAFE.pattern[:-1] + "\t\n]")

MAX_MESSAGE_CHARS = 1_000
"""An error message longer than this is cut: a message is read, not scrolled."""
MAX_SHOWN_CHARS = 60
"""A value quoted in a message is cut to this many characters."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` with every control character written as an escape (``\\x1b``), so that printing
    it cannot move the cursor, change colours or reorder the line; newlines and tabs are kept
    when ``multiline``."""
    pattern = _UNSAFE if multiline else _UNSAFE_OR_LINE_BREAK
    return pattern.sub(_escape, text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the cut marked with an ellipsis and the length."""
    if len(text) <= limit:
        return text
    return f"{text[: max(limit - 1, 0)]}… ({len(text):,} characters)"


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """A message as one printable line of at most about ``limit`` characters: lines joined with
    "; ", control characters escaped."""
    joined = "; ".join(line.strip() for line in text.splitlines() if line.strip())
    return shorten(printable(joined), limit)


def show(value: Any, limit: int = MAX_SHOWN_CHARS) -> str:
    """A value as a study file would spell it, for a message: ``'abc'``, ``true``, ``1e+30``,
    ``2030-01-01``, ``a table``; long text cut, control characters escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return shorten(str(value), limit) if abs(value) < 10**limit else "a huge integer"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    if isinstance(value, str):
        return "'" + shorten(printable(value), limit) + "'"
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "an empty table" if not value else "a table"
    if isinstance(value, list | tuple):
        if not value:
            return "an empty array"
        shown = "[" + ", ".join(show(item, limit) for item in value[:3])
        return shorten(shown + (", …]" if len(value) > 3 else "]"), limit)
    if value is None:
        return "nothing"
    return shorten(printable(type(value).__name__), limit)


def joined_problems(problems: Iterable[str], limit: int = 3) -> str:
    """At most ``limit`` problems joined with "; ", and how many more there are."""
    listed = list(problems)
    text = "; ".join(listed[:limit])
    hidden = len(listed) - limit
    return text + (f"; and {hidden:,} more" if hidden > 0 else "")
