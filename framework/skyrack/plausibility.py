"""Plausible ranges: values a field accepts but that are almost surely a mistake.

Every numeric field has a hard domain (outside it the value is refused outright: a negative
mass, a probability above 1) and a plausible range, declared next to it in the field's
metadata (``quantity(..., plausible=(low, high))``). A value outside the plausible range — a
yearly failure rate of 9 (a percentage typed as a rate), a radiator at 10⁹ K, a learning rate of
10⁻⁹ — is refused with what was probably meant, unless the user insists (``--allow-implausible``
or ``allow_implausible`` in the study's ``[study]`` section).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from skyrack.numbers import format_year, is_calendar_year
from skyrack.text import show

if TYPE_CHECKING:
    from skyrack.design import Design

Range = tuple[float | None, float | None]
PLAUSIBLE = "plausible"
"""The metadata key of a field's plausible range."""
MAX_TFLOPS_PER_W = 50.0
"""Dense BF16 TFLOP/s per W of TDP above which a number is a unit slip (an H100 gives 1.4)."""


def plausible_range(metadata: Mapping[str, Any]) -> Range | None:
    """A field's plausible (low, high), either bound None for open, or None if it has none."""
    found = metadata.get(PLAUSIBLE)
    return None if found is None else (found[0], found[1])


def _number(value: float, name: str) -> str:
    if is_calendar_year(name):
        return format_year(value)
    return f"{value:,g}" if abs(value) < 1e6 else f"{value:.3g}"


def format_range(plausible: Range, unit: str = "", *, name: str = "") -> str:
    """``0.05–1``, ``1–10,000``, ``≥ 0``, ``≤ 50 yr``; ``2000–2100`` for a calendar year (the
    field ``name`` says which)."""
    low, high = plausible
    units = f" {unit}" if unit and unit != "1" else ""
    if low is not None and high is not None:
        return f"{_number(low, name)}–{_number(high, name)}{units}"
    if low is not None:
        return f"≥ {_number(low, name)}{units}"
    return f"≤ {_number(high, name)}{units}" if high is not None else "any value"


def _inside(value: float, plausible: Range) -> bool:
    low, high = plausible
    return (low is None or value >= low) and (high is None or value <= high)


def likely_meant(value: float, plausible: Range, unit: str) -> str | None:
    """What a user who wrote ``value`` probably meant, when a common slip explains it: a
    percentage for a fraction or a yearly rate, Celsius for kelvin, a factor of 1,000 (W for
    kW, kg for t)."""
    slips: list[tuple[float, str]] = []
    high = plausible[1]
    if unit in ("1", "1/yr") and high is not None and high <= 1 and value > 1:
        slips.append((value / 100.0, f"{value:g} % written as a fraction"))
    if unit == "K":
        slips.append((value + 273.15, f"{value:g} °C written as kelvin"))
    if unit not in ("1", "1/yr"):  # a unit prefix: W for kW, kg for t
        slips += [(value / 1e3, "a factor of 1,000 off"), (value * 1e3, "a factor of 1,000 off")]
    for meant, slip in slips:
        if value != 0 and _inside(meant, plausible):
            return f"did you mean {meant:g} ({slip})?"
    return None


def implausibility(value: float | int, plausible: Range, unit: str) -> str | None:
    """Why ``value`` is implausible for a field with this range and unit, or None."""
    if _inside(value, plausible):
        return None
    units = f" {unit}" if unit and unit != "1" else ""
    problem = f"{show(value)}{units} is implausible (expected {format_range(plausible, unit)})"
    hint = likely_meant(value, plausible, unit)
    return f"{problem}; {hint}" if hint else problem


@attrs.frozen
class Implausible:
    """One implausible input of a design: its parameter key, value and why."""

    key: str
    """``"<kind>.<field>"`` as in :func:`skyrack.parameters.design_parameters`."""
    value: float
    problem: str


def implausible_fields(owner: Any, prefix: str) -> list[Implausible]:
    """Every numeric field of the attrs instance ``owner`` (a component, ``Sizing``, a study
    section) outside its plausible range, keyed ``<prefix>.<field>`` (``.<entry>`` for a
    mapping such as ``dense_tflops``)."""
    found = []
    for field in attrs.fields(type(owner)):
        plausible = plausible_range(field.metadata)
        if plausible is None:
            continue
        value = getattr(owner, field.name)
        for entry, number in value.items() if isinstance(value, Mapping) else [(None, value)]:
            if isinstance(number, bool) or not isinstance(number, int | float):
                continue
            problem = implausibility(number, plausible, field.metadata.get("unit", ""))
            if problem:
                key = f"{prefix}.{field.name}" + (f".{entry}" if entry else "")
                found.append(Implausible(key=key, value=float(number), problem=problem))
    return found


def implausible_component(component: Any) -> list[Implausible]:
    """Every field of ``component`` outside its plausible range, and an accelerator whose
    throughput per watt no silicon reaches; keyed ``<kind>.<field>``."""
    found = implausible_fields(component, component.kind)
    tflops = getattr(component, "bf16_dense_tflops", None)
    tdp_w = getattr(component, "tdp_w", None)
    if isinstance(tflops, float) and isinstance(tdp_w, int | float) and tdp_w > 0:
        efficiency = tflops / tdp_w
        if efficiency > MAX_TFLOPS_PER_W:
            problem = (
                f"{tflops:g} TFLOP/s at {tdp_w:g} W is {efficiency:.3g} TFLOP/s per W, "
                f"implausible (expected ≤ {MAX_TFLOPS_PER_W:g}; GFLOP/s written as TFLOP/s?)"
            )
            key = f"{component.kind}.bf16_dense_tflops"
            found.append(Implausible(key=key, value=tflops, problem=problem))
    return found


def implausible_inputs(design: Design) -> list[Implausible]:
    """Every input of ``design`` (component fields, sizing, economics) outside its plausible
    range, keyed as :func:`skyrack.parameters.design_parameters` keys it."""
    found = []
    for component in design.components().values():
        for item in implausible_component(component):
            if item.key == "compute_payload.dense_tflops.bf16":
                item = attrs.evolve(item, key="compute_payload.bf16_dense_tflops")
            if item not in found:
                found.append(item)
    found += implausible_fields(design.sizing, "sizing")
    found += implausible_fields(design.economics, "economics")
    return found
