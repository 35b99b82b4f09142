"""Shared fixtures: a clean plugin state per test, fake installed distributions, and a headless
browser."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import browser as headless
from skyrack import plugins


@pytest.fixture(autouse=True)
def fresh_plugins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test loads plugins anew, with the allow/block lists unset unless it sets them."""
    monkeypatch.delenv(plugins.ALLOW_VARIABLE, raising=False)
    monkeypatch.delenv(plugins.BLOCK_VARIABLE, raising=False)
    plugins.reset()
    yield
    plugins.reset()


@pytest.fixture
def installed_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[str, dict[str, str], dict[str, str]], Path]]:
    """Install a fake distribution (metadata + modules) on sys.path, as pip would lay it out.

    Call it with the distribution name, its ``skyrack`` entry points and its module sources.
    """

    def install(name: str, entry_points: dict[str, str], modules: dict[str, str]) -> Path:
        site = tmp_path / "site"
        info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
        lines = "\n".join(f"{key} = {value}" for key, value in entry_points.items())
        (info / "entry_points.txt").write_text(f"[skyrack]\n{lines}\n")
        for module, source in modules.items():
            (site / f"{module}.py").write_text(source)
        monkeypatch.syspath_prepend(str(site))
        importlib.invalidate_caches()
        return site

    yield install
    for module in list(sys.modules):
        if module.startswith("fake_skyrack_"):
            del sys.modules[module]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium; skipped without one, except under CI=true where it fails."""
    yield from headless.chromium()
