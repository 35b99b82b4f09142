"""Two array namespaces: each of the model's equations is written once and runs at two speeds.

The model's kernels (``physics``, ``economics``, ``sizing``, ``analytic``, ``ground``,
``budgets``) take a namespace ``xp`` as their first argument and call ``xp.exp``,
``xp.where``, ... instead of numpy or math:

* :data:`NUMPY` runs them on float64 arrays: ``evaluate_batch`` (one pass over 10⁶ designs) and
  the public physics and economics functions;
* :data:`SCALAR` runs them on Python floats with :mod:`math`: ``evaluate`` (one design, ~20×
  fewer microseconds than numpy on 0-d arrays).

The scalar namespace computes what numpy computes, with two differences:

* ``where(c, a, b)`` gets both branches already evaluated (like ``numpy.where``), so a kernel
  guards a division in a masked-out branch with an inner ``where`` (``a / where(c, b, 1.0)``),
  as it must for numpy anyway to stay free of warnings;
* where numpy would return inf or NaN and warn, Python raises: ``ZeroDivisionError`` (``x / 0``),
  ``OverflowError`` (``math.exp(1000)``, ``1e300 ** 4``) or ``ValueError`` (``math.log(0)``,
  ``math.sqrt(-1)``). :func:`skyrack.analytic.compute` catches these and runs the same design on
  0-d arrays, so the result is numpy's; only extreme designs take that slower road.

Kernels never validate their inputs: the public functions do (``physics``, ``economics``), and
the evaluator validates a design once, when its components are built or its variations are
swapped in (:mod:`skyrack.parameters`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeAlias

import attrs
import numpy as np

__all__ = ["NUMPY", "SCALAR", "ArrayNamespace", "Real"]

Real: TypeAlias = Any
"""A kernel's number: a Python ``float`` on :data:`SCALAR`, a float64 array (or numpy scalar) on
:data:`NUMPY`. Written ``Any`` because one kernel serves both."""

_Op: TypeAlias = Callable[..., Any]


@attrs.frozen(kw_only=True, repr=False)
class ArrayNamespace:
    """The operations the model's kernels use, for one kind of number (see the module doc)."""

    name: str
    scalar: bool
    """True for :data:`SCALAR`: kernels built on numpy tables use their memoized float form."""
    abs: _Op
    all: _Op
    arccos: _Op
    arcsin: _Op
    ceil: _Op
    clip: _Op
    cos: _Op
    exp: _Op
    expm1: _Op
    floor: _Op
    isfinite: _Op
    isinf: _Op
    isposinf: _Op
    log: _Op
    log1p: _Op
    log2: _Op
    maximum: _Op
    minimum: _Op
    ones_like: _Op
    power: _Op
    radians: _Op
    sqrt: _Op
    where: _Op
    zeros_like: _Op

    def __repr__(self) -> str:
        return f"<array namespace {self.name}>"


NUMPY = ArrayNamespace(
    name="numpy",
    scalar=False,
    abs=np.abs,
    all=np.all,
    arccos=np.arccos,
    arcsin=np.arcsin,
    ceil=np.ceil,
    clip=np.clip,
    cos=np.cos,
    exp=np.exp,
    expm1=np.expm1,
    floor=np.floor,
    isfinite=np.isfinite,
    isinf=np.isinf,
    isposinf=np.isposinf,
    log=np.log,
    log1p=np.log1p,
    log2=np.log2,
    maximum=np.maximum,
    minimum=np.minimum,
    ones_like=np.ones_like,
    power=np.power,
    radians=np.radians,
    sqrt=np.sqrt,
    where=np.where,
    zeros_like=np.zeros_like,
)
"""Float64 arrays (any shape, broadcast together). Callers silence numpy's floating-point
warnings (``numpy.errstate``) where a kernel's inf or NaN is expected."""


# --- the scalar operations: numpy's semantics on Python floats ----------------------------------


def _where(condition: bool, if_true: float, if_false: float) -> float:
    return if_true if condition else if_false


def _minimum(a: float, b: float) -> float:
    """numpy.minimum: NaN if either is NaN (builtin min depends on the argument order)."""
    if a <= b:
        return a
    if b < a:
        return b
    return math.nan


def _maximum(a: float, b: float) -> float:
    """numpy.maximum: NaN if either is NaN."""
    if a >= b:
        return a
    if b > a:
        return b
    return math.nan


def _clip(x: float, low: float, high: float) -> float:
    """numpy.clip = minimum(maximum(x, low), high), NaN passing through."""
    y = low if x < low else x
    return high if y > high else y


def _floor(x: float) -> float:
    return float(math.floor(x)) if math.isfinite(x) else x


def _ceil(x: float) -> float:
    return float(math.ceil(x)) if math.isfinite(x) else x


def _isposinf(x: float) -> bool:
    return x == math.inf


def _zero_like(x: float) -> float:
    return 0.0


def _one_like(x: float) -> float:
    return 1.0


SCALAR = ArrayNamespace(
    name="scalar",
    scalar=True,
    abs=abs,
    all=bool,
    arccos=math.acos,
    arcsin=math.asin,
    ceil=_ceil,
    clip=_clip,
    cos=math.cos,
    exp=math.exp,
    expm1=math.expm1,
    floor=_floor,
    isfinite=math.isfinite,
    isinf=math.isinf,
    isposinf=_isposinf,
    log=math.log,
    log1p=math.log1p,
    log2=math.log2,
    maximum=_maximum,
    minimum=_minimum,
    ones_like=_one_like,
    power=math.pow,
    radians=math.radians,
    sqrt=math.sqrt,
    where=_where,
    zeros_like=_zero_like,
)
"""Python floats with :mod:`math`. Raises ArithmeticError or ValueError where numpy would return
inf or NaN (see the module doc)."""
