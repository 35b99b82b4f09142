"""The exceptions skyrack raises on purpose.

Every error a user can cause derives from :class:`SkyrackError`; its message says what went wrong
and what to do. The CLI prints such a message as one line and exits non-zero, never a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from skyrack.text import show


class SkyrackError(Exception):
    """Base class of every error that skyrack raises deliberately."""


class PluginError(SkyrackError):
    """Raised when a plugin fails to load, implements an unknown hook or registers a bad component.

    The message names the plugin, the hook and (where known) the component.
    """

    def __init__(self, plugin: str, message: str, *, hook: str | None = None) -> None:
        self.plugin = plugin
        self.hook = hook
        self.problem = message
        where = f"plugin {plugin!r}" + (f", hook {hook}" if hook else "")
        super().__init__(f"{where}: {message}")


class ComponentNotFound(SkyrackError, KeyError):
    """Raised when no component of the requested kind has the requested name.

    The message lists the closest registered names.
    """

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = closest_names(name, known)
        hint = (
            f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?"
            if self.suggestions
            else "; run `skyrack components list` to see what is registered"
        )
        super().__init__(f"no {kind.replace('_', ' ')} named {show(name)}{hint}")

    def __str__(self) -> str:  # KeyError would otherwise quote the whole message
        return str(self.args[0])


class DuplicateComponent(PluginError):
    """Raised when two plugins register a component of one kind under one name."""


class InvalidComponent(SkyrackError, ValueError):
    """Raised when a component field has an invalid value (negative mass, probability 1.5, NaN).

    ``field`` and ``problem`` (e.g. ``"must be > 0 kg, got -5"``) let a caller such as the study
    loader restate the error at its own location.
    """

    def __init__(self, message: str, *, field: str | None = None, problem: str | None = None):
        self.field = field
        self.problem = problem
        super().__init__(message)


class StudyError(SkyrackError):
    """Raised when a study file cannot be read: syntax, unknown key, wrong type or range."""


class InfeasibleDesign(SkyrackError):
    """Raised when a design breaks a physical budget; the message names the budget and excess."""


class ModelDomainError(SkyrackError):
    """Raised when valid inputs lie outside what the model covers, or drive a result to infinity
    or NaN. ``keys`` are the design parameters involved (``"orbit.altitude_km"``), so that a
    study can say where in its file they are set; ``problem`` is the message without them."""

    def __init__(self, message: str, *, keys: Iterable[str] = (), problem: str = "") -> None:
        self.keys = tuple(keys)
        self.problem = problem or message
        super().__init__(message)


def closest_names(name: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` names from ``known`` that look like ``name`` (typos, prefixes)."""
    candidates = sorted(set(known))
    name = name[:100]  # a name longer than any candidate matches none; difflib is quadratic
    matches = difflib.get_close_matches(name, candidates, n=n, cutoff=0.6)
    lowered = name.lower()
    for candidate in candidates:
        if len(matches) >= n:
            break
        if candidate not in matches and (
            candidate.startswith(lowered) or (len(lowered) >= 3 and lowered in candidate)
        ):
            matches.append(candidate)
    return matches
