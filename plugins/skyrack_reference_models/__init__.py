"""Built-in skyrack plugin: reference_models.

Published cost models run as their authors ran them, so that a user can reproduce a published
figure, change one assumption and see what moves:

``mccalip``
    Andrew McCalip's orbital vs terrestrial data-center calculator (December 2025 version).
``mccalip-replacement``
    The same calculator in the form quoted in the press (The Economist): GPU failures charged
    as replacement hardware and operations per year.
``starcloud``
    The cost table of Starcloud's (formerly Lumen Orbit's) white paper "Why we should train AI
    in space" (2024).

Each model's inputs carry their published default, unit and source; ``ReferenceModel.run``
applies overrides, and invalid inputs (negative power, a fraction of 1 or more, NaN) raise
:class:`~skyrack.errors.InvalidComponent` naming the model and the input. The methods and how
the outputs compare with the published figures are in ``docs/reference-models.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from skyrack import hookimpl
from skyrack.components import ModelInput, ReferenceModel, checked_inputs
from skyrack.sources import Source

NON_NEGATIVE: dict[str, Any] = {"minimum": 0.0, "exclusive_minimum": False}
"""Zero or more (costs that can be left out); inputs are strictly positive unless they say."""
FRACTION_BELOW_ONE: dict[str, Any] = {
    "minimum": 0.0,
    "exclusive_minimum": False,
    "maximum": 1.0,
    "exclusive_maximum": True,
}
"""A yearly loss rate in [0, 1): 1 would lose everything in the first year."""
FRACTION_POSITIVE: dict[str, Any] = {"maximum": 1.0}
"""A fraction in (0, 1] (sunlight fraction, capacity factor)."""


def build_model(
    *,
    name: str,
    description: str,
    inputs: tuple[ModelInput, ...],
    source: Source,
    equations: Callable[[Mapping[str, float]], Mapping[str, float]],
) -> ReferenceModel:
    """A :class:`ReferenceModel` whose ``compute`` checks every input before ``equations``."""

    def compute(values: Mapping[str, float]) -> Mapping[str, float]:
        return equations(checked_inputs(name, inputs, values))

    return ReferenceModel(
        name=name,
        description=description,
        sources={"*": source},
        inputs=inputs,
        compute=compute,
    )


def reference_models() -> list[ReferenceModel]:
    """Every reference model this plugin provides."""
    from skyrack_reference_models.mccalip import MCCALIP, MCCALIP_REPLACEMENT
    from skyrack_reference_models.starcloud import STARCLOUD

    return [MCCALIP, MCCALIP_REPLACEMENT, STARCLOUD]


@hookimpl
def register_reference_models(register: Callable[[ReferenceModel], None]) -> None:
    """Register McCalip's calculator (both published forms) and Starcloud's white paper."""
    for model in reference_models():
        register(model)
