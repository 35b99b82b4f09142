"""Optuna design search: which design minimizes the cost of compute, under which constraints.

A study's ``[optimize]`` section (:mod:`skyrack.optimize.section`) names the search space, the
objectives and the sampler; :func:`optimize` runs real Optuna studies on a real storage (a
journal file in the results folder by default, any Optuna storage URL otherwise), resumable and
shared by workers on one or several machines::

    import skyrack
    from skyrack.optimize import optimize

    study = skyrack.load_study("studies/design-optimization.toml")
    outcome = optimize(study)
    outcome.best            # the best trials (the Pareto front when there are several objectives)

Plugins add objectives and search dimensions (:class:`Objective`, :class:`SearchDimension`)
with the ``register_objectives`` and ``register_search_dimensions`` hooks. Importing this
package does not import optuna; running a search does.
"""

from __future__ import annotations

from typing import Any

from skyrack.optimize.objectives import ChosenObjective, Objective, SearchDimension

_LAZY = {
    "optimize": "skyrack.optimize.run",
    "OptimizeOutcome": "skyrack.optimize.run",
    "open_study": "skyrack.optimize.run",
}


def __getattr__(name: str) -> Any:
    """Import the search machinery (and optuna) on first use."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skyrack.optimize' has no attribute {name!r}")


__all__ = [
    "ChosenObjective",
    "Objective",
    "OptimizeOutcome",
    "SearchDimension",
    "open_study",
    "optimize",
]
