"""The built-in plugins pass the conformance kit shipped for third-party plugin authors."""

from __future__ import annotations

import importlib

import attrs
import pytest

from builtin_plugins import BUILTIN_MODULES
from skyrack import plugins
from skyrack.testing import check_plugin, component_problems


@pytest.mark.parametrize("plugin_name", sorted(BUILTIN_MODULES))
def test_builtin_plugin_passes_the_conformance_kit(plugin_name: str) -> None:
    """Each built-in plugin registers components that all pass skyrack.testing's checks."""
    module = importlib.import_module(BUILTIN_MODULES[plugin_name])
    registered = check_plugin(module, name=plugin_name)
    assert registered


def test_conformance_kit_catches_a_missing_description_and_a_unit_slip() -> None:
    """The kit reports an empty description and a payload whose TFLOP/s per W is implausible."""
    payload = next(plugins.registry().components("compute_payload"))
    broken = attrs.evolve(payload, description="", dense_tflops={"bf16": 9e6})
    problems = component_problems(broken)
    assert any("description" in p for p in problems)
    assert any("implausible" in p for p in problems)
