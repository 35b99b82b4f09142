"""A third-party plugin, installed as a separate distribution, extends skyrack unchanged."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from skyrack import plugins
from skyrack.testing import check_plugin

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "plugins" / "example-plugin"
EXAMPLE_COMPONENTS = {"example-orbital-freighter", "example-edge-accelerator", "retire-degraded"}


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plugin installed (built offline by its own pyproject) into a fresh folder."""
    site = tmp_path_factory.mktemp("example-site")
    subprocess.run(
        [sys.executable, "-m", "uv", "pip", "install", "--quiet", "--no-deps",
         "--no-build-isolation", "--python", sys.executable, "--target", str(site), str(EXAMPLE)],
        check=True,
        capture_output=True,
        env={**os.environ, "UV_OFFLINE": "1"},
    )  # fmt: skip
    return site


@pytest.fixture
def example_installed(example_site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example plugin's install folder on sys.path for this test only."""
    monkeypatch.syspath_prepend(str(example_site))
    importlib.invalidate_caches()
    yield example_site
    sys.modules.pop("skyrack_example_plugin", None)


def _cli_json(site: Path, *args: str, **env: str) -> list[dict[str, str]]:
    completed = subprocess.run(
        [sys.executable, "-m", "skyrack", *args],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site), **env},
    )
    result: list[dict[str, str]] = json.loads(completed.stdout)
    return result


def test_example_plugin_is_absent_until_installed() -> None:
    """Without the example distribution installed, its components are not registered."""
    assert not EXAMPLE_COMPONENTS & plugins.registry().all_names()


def test_installed_example_plugin_components_appear_in_the_registry(
    example_installed: Path,
) -> None:
    """Once installed, the example plugin's components are registered by its entry point."""
    registry = plugins.registry()
    assert registry.launch_vehicle("example-orbital-freighter").payload_to_leo_kg == 30_000
    assert registry.owner(registry.compute_payload("example-edge-accelerator")) == "example"


def test_installed_example_plugin_components_appear_in_the_cli_and_blocklist_removes_them(
    example_installed: Path,
) -> None:
    """`skyrack components list` shows the example plugin's components, unless it is blocked."""
    listed = {row["name"] for row in _cli_json(example_installed, "components", "list", "--json")}
    assert EXAMPLE_COMPONENTS <= listed
    blocked = _cli_json(
        example_installed, "components", "list", "--json", SKYRACK_DISABLE_PLUGINS="example"
    )
    assert not EXAMPLE_COMPONENTS & {row["name"] for row in blocked}
    assert len(blocked) == len(listed) - len(EXAMPLE_COMPONENTS)


def test_example_plugin_passes_the_conformance_kit(example_installed: Path) -> None:
    """The example plugin's components pass the kit shipped for plugin authors."""
    import skyrack_example_plugin

    registered = check_plugin(skyrack_example_plugin, name="example-under-test")
    assert {c.name for c in registered} == EXAMPLE_COMPONENTS
