"""A toy design with round numbers, so that the evaluator's results can be worked out by hand
(it lives in :mod:`skyrack.testing`, where plugin authors can use it too)."""

from __future__ import annotations

from skyrack.testing import HAND, toy_design

__all__ = ["HAND", "toy_design"]
