"""Built-in skyrack plugin: reference_models.

Published cost models run as their authors ran them, so that a user can reproduce a published
figure, change one assumption and see what moves:

``mccalip``
    Andrew McCalip's orbital vs terrestrial data-center calculator (December 2025 version).
``starcloud``
    The cost table of Starcloud's (formerly Lumen Orbit's) white paper "Why we should train AI
    in space" (2024).

Each model's inputs carry their published default, unit and source; ``ReferenceModel.run``
applies overrides, and invalid inputs (negative power, a fraction of 1 or more, NaN) raise
:class:`~skyrack.errors.InvalidComponent` naming the model and the input. The methods and how
the outputs compare with the published figures are in ``docs/reference-models.md``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from skyrack import hookimpl
from skyrack.components import ModelInput, ReferenceModel
from skyrack.errors import InvalidComponent
from skyrack.sources import Source


@attrs.frozen(kw_only=True)
class Limits:
    """The values an input of a reference model accepts (positive by default)."""

    minimum: float | None = 0.0
    exclusive_minimum: bool = True
    maximum: float | None = None
    exclusive_maximum: bool = False
    whole: bool = False

    def problem(self, value: float, unit: str) -> str | None:
        """Why ``value`` is not allowed, or None when it is."""
        units = f" {unit}" if unit and unit != "1" else ""
        if not math.isfinite(value):
            return "must be a finite number"
        if self.minimum is not None:
            if self.exclusive_minimum and value <= self.minimum:
                return f"must be > {self.minimum:g}{units}"
            if not self.exclusive_minimum and value < self.minimum:
                return f"must be ≥ {self.minimum:g}{units}"
        if self.maximum is not None:
            if self.exclusive_maximum and value >= self.maximum:
                return f"must be < {self.maximum:g}{units}"
            if not self.exclusive_maximum and value > self.maximum:
                return f"must be ≤ {self.maximum:g}{units}"
        if self.whole and value != math.floor(value):
            return "must be a whole number"
        return None


POSITIVE = Limits()
"""Strictly positive (powers, prices per unit, durations)."""
NON_NEGATIVE = Limits(exclusive_minimum=False)
"""Zero or more (costs that can be left out)."""
FRACTION_BELOW_ONE = Limits(exclusive_minimum=False, maximum=1.0, exclusive_maximum=True)
"""A yearly loss rate in [0, 1): 1 would lose everything in the first year."""
FRACTION_POSITIVE = Limits(maximum=1.0)
"""A fraction in (0, 1] (sunlight fraction, capacity factor)."""


@attrs.frozen(kw_only=True)
class InputSpec:
    """One input of a reference model: the published default and its source, with its limits."""

    key: str
    default: float
    unit: str
    doc: str
    source: Source
    limits: Limits = POSITIVE

    def model_input(self) -> ModelInput:
        """The input as the core's :class:`~skyrack.components.ModelInput`."""
        return ModelInput(
            key=self.key, default=self.default, unit=self.unit, doc=self.doc, source=self.source
        )


def checked_inputs(
    model: str, specs: tuple[InputSpec, ...], values: Mapping[str, float]
) -> dict[str, float]:
    """``values`` as floats, each present, a number and within its limits.

    Raises :class:`~skyrack.errors.InvalidComponent` naming the model and the first bad input.
    """
    checked: dict[str, float] = {}
    for spec in specs:
        if spec.key not in values:
            raise InvalidComponent(f"reference model {model!r}: input {spec.key} is missing")
        value = values[spec.key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidComponent(
                f"reference model {model!r}: input {spec.key} must be a number, got {value!r}"
            )
        problem = spec.limits.problem(float(value), spec.unit)
        if problem:
            raise InvalidComponent(
                f"reference model {model!r}: input {spec.key} {problem}, got {value!r}"
            )
        checked[spec.key] = float(value)
    return checked


def build_model(
    *,
    name: str,
    description: str,
    specs: tuple[InputSpec, ...],
    source: Source,
    equations: Callable[[Mapping[str, float]], Mapping[str, float]],
) -> ReferenceModel:
    """A :class:`ReferenceModel` whose ``compute`` checks every input before ``equations``."""

    def compute(values: Mapping[str, float]) -> Mapping[str, float]:
        return equations(checked_inputs(name, specs, values))

    # Passed through a mapping typed Any: mypy cannot type ReferenceModel's ``converter=tuple``
    # (it expects ``Iterable[_T_co]`` and rejects every argument).
    fields: dict[str, Any] = {
        "name": name,
        "description": description,
        "sources": {"*": source},
        "inputs": tuple(spec.model_input() for spec in specs),
        "compute": compute,
    }
    return ReferenceModel(**fields)


def reference_models() -> list[ReferenceModel]:
    """Every reference model this plugin provides."""
    from skyrack_reference_models.mccalip import MCCALIP
    from skyrack_reference_models.starcloud import STARCLOUD

    return [MCCALIP, STARCLOUD]


@hookimpl
def register_reference_models(register: Callable[[ReferenceModel], None]) -> None:
    """Register McCalip's calculator and Starcloud's white-paper table."""
    for model in reference_models():
        register(model)
