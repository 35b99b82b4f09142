"""Reading a TOML document that a user hands to skyrack, so that no input can hang or crash it.

* Only regular files are read: a named pipe, a device (a symlink to ``/dev/zero``), a socket or a
  folder is refused before it is opened for reading.
* At most :data:`MAX_BYTES` + 1 bytes are read, whatever size the filesystem reports (``/proc``
  files report 0); ``-`` reads standard input under the same limit.
* Arrays and inline tables nested deeper than :data:`MAX_NESTING` are refused before parsing (the
  parser recurses once per level), and so are dotted keys that nest deeper after parsing.

Every problem is a :class:`~skyrack.errors.StudyError` with a message that does not yet name
the file (the caller prefixes it).
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, BinaryIO

from skyrack.errors import StudyError

MAX_BYTES = 1_000_000
"""A study is a page of settings; anything larger is refused before parsing."""
MAX_NESTING = 16
"""Deepest nesting of tables and arrays a document may have (a study needs three levels)."""
STDIN = "-"
"""The path that means standard input."""

_KINDS = (
    (stat.S_ISDIR, "is a folder, not a study file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a study file; save the study to a file"),
    (stat.S_ISCHR, "is a character device, not a study file"),
    (stat.S_ISBLK, "is a block device, not a study file"),
    (stat.S_ISSOCK, "is a socket, not a study file"),
)


def _kind_problem(mode: int) -> str | None:
    for test, problem in _KINDS:
        if test(mode):
            return problem
    return None if stat.S_ISREG(mode) else "is not a regular file"


def _read_limited(handle: BinaryIO) -> bytes:
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise StudyError(f"is over {MAX_BYTES:,} bytes; a study is at most {MAX_BYTES:,} bytes")
    return data


def read_bytes(path: Path) -> bytes:
    """The bytes of the study at ``path`` (``-`` for standard input), refusing special files."""
    if str(path) == STDIN:
        try:
            return _read_limited(sys.stdin.buffer)
        except OSError as error:
            raise StudyError(f"cannot read standard input: {error.strerror}") from None
    try:
        problem = _kind_problem(os.stat(path).st_mode)
        if problem:
            raise StudyError(problem)
        # O_NONBLOCK: should the path have become a pipe since the stat, opening it cannot block.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as error:
        raise StudyError(f"cannot read the study: {error.strerror}") from None
    with os.fdopen(descriptor, "rb") as handle:
        problem = _kind_problem(os.fstat(descriptor).st_mode)
        if problem:
            raise StudyError(problem)
        try:
            return _read_limited(handle)
        except OSError as error:
            raise StudyError(f"cannot read the study: {error.strerror}") from None


_STRING_OR_NESTING = re.compile(r"\"\"\"|'''|[\"'#\[\]{}]")
_ENDS = {
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""(?!")', re.DOTALL),
    "'''": re.compile(r"(?:[^']|'(?!''))*'''(?!')", re.DOTALL),
    '"': re.compile(r'(?:[^"\\\n]|\\.)*"'),
    "'": re.compile(r"[^'\n]*'"),
    "#": re.compile(r"[^\n]*"),
}


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings and comments (an upper bound on
    the depth the parser recurses to; a table header counts as one level)."""
    depth = deepest = position = 0
    while True:
        match = _STRING_OR_NESTING.search(text, position)
        if match is None:
            return deepest
        token = match.group()
        position = match.end()
        if token in _ENDS:  # skip the string or comment; an unclosed one is the parser's error
            end = _ENDS[token].match(text, position)
            if end is None:
                return deepest
            position = end.end()
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(depth - 1, 0)


INT64 = range(-(2**63), 2**63)
"""TOML integers are 64-bit (the specification); the parser accepts longer ones."""


def check_data(document: Mapping[str, Any]) -> None:
    """Refuse parsed data nested deeper than MAX_NESTING (dotted keys nest without brackets) or
    holding an integer outside 64 bits; without recursion."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping | list):
            if depth >= MAX_NESTING:
                raise StudyError(
                    f"nests keys more than {MAX_NESTING} levels deep; a study needs three"
                )
            children = item.values() if isinstance(item, Mapping) else item
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, int) and not isinstance(item, bool) and item not in INT64:
            raise StudyError(
                "holds an integer beyond 64 bits; TOML integers lie between "
                f"{INT64.start:,} and {INT64.stop - 1:,}"
            )


def parse_toml(data: bytes) -> dict[str, Any]:
    """Decode and parse a TOML document, refusing what would hang or crash the parser."""
    try:
        text = data.decode("utf-8-sig")  # editors may prepend a byte order mark
    except UnicodeDecodeError:
        raise StudyError("is not UTF-8 text (a TOML study must be)") from None
    if not text.strip():
        raise StudyError("is empty; a study needs at least [study] and [design]")
    if nesting_depth(text) > MAX_NESTING:
        raise StudyError(
            f"nests arrays or tables more than {MAX_NESTING} levels deep; a study needs three"
        )
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # the message ends "(at line L, column C)"
        raise StudyError(f"TOML syntax error: {error}") from None
    except ValueError:  # an integer of thousands of digits exceeds int()'s digit limit
        raise StudyError(
            "holds an integer of thousands of digits; TOML integers are at most 64 bits"
        ) from None
    check_data(document)
    return document


def read_toml(path: Path) -> dict[str, Any]:
    """Read and parse the TOML document at ``path`` (``-`` for standard input)."""
    return parse_toml(read_bytes(path))
