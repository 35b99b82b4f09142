"""Terminal safety: text from a study or a plugin is printed with its control characters escaped,
so it cannot recolour, clear or retitle the terminal, or reorder what it shows; names are
matched in full."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from skyrack import LaunchVehicle, Source, hookimpl, plugins
from skyrack.cli import cli
from skyrack.components import NAME_PATTERN
from skyrack.study import STUDY_NAME_PATTERN
from skyrack.text import printable

HOSTILE = "red\x1b[31m clear\x1b[2J title\x1b]0;owned\x07 csi\x9b2J bidi\u202egnp.exe"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach the terminal (tab and newline may)."""
STUDY = (
    (Path(__file__).resolve().parent / "malformed_studies" / "zero_utilization.toml")
    .read_text(encoding="utf-8")
    .replace("utilization = 0.0\n", "")
)


def test_printable_escapes_every_control_character_and_keeps_the_text() -> None:
    """ESC, BEL, C1 CSI and a right-to-left override become visible escapes; text stays."""
    shown = printable(HOSTILE)
    assert not RAW.search(shown)
    assert shown.startswith("red\\x1b[31m clear\\x1b[2J title\\x1b]0;owned\\x07 csi\\x9b2J")
    assert shown.endswith("bidi\\u202egnp.exe")
    assert printable("two\nlines\ttab", multiline=True) == "two\nlines\ttab"
    assert printable("two\nlines") == "two\\x0alines"


def test_a_study_description_with_escape_sequences_prints_them_escaped(tmp_path: Path) -> None:
    """`skyrack run` shows the description of a study, its escape sequences made visible."""
    study = tmp_path / "s.toml"
    escaped = "".join(f"\\u{ord(c):04x}" if RAW.match(c) else c for c in HOSTILE)  # TOML
    study.write_text(
        STUDY.replace('name = "malformed"', f'name = "malformed"\ndescription = "{escaped}"'),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["run", str(study), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout)
    assert "red\\x1b[31m clear" in result.stdout


class HostileRocket:
    """A plugin whose launch vehicle's description and source title carry escape sequences."""

    @hookimpl
    def register_launch_vehicles(self, register: Callable[[LaunchVehicle], None]) -> None:
        register(
            LaunchVehicle(
                name="hostile-rocket",
                description=HOSTILE,
                payload_to_leo_kg=10_000.0,
                fairing_volume_m3=100.0,
                price_usd=50e6,
                max_launches_per_year=12.0,
                success_probability=0.98,
                first_available_year=2025,
                co2_per_launch_kg=400_000.0,
                reusable=True,
                sources={"*": Source(title=HOSTILE, year=2026, note=HOSTILE)},
            )
        )


@pytest.fixture
def hostile_rocket() -> Iterator[None]:
    with plugins.temporary_plugin(HostileRocket(), "hostile"):
        yield


@pytest.mark.parametrize(
    "args",
    [
        ["components", "list"],
        ["components", "show", "hostile-rocket"],
        ["components", "show", "hostile-rocket", "--json"],
        ["plugins"],
    ],
    ids=" ".join,
)
def test_plugin_text_never_reaches_the_terminal_raw(hostile_rocket: None, args: list[str]) -> None:
    """Listing, showing and describing a plugin's component escapes what it wrote."""
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert not RAW.search(result.stdout)


def test_a_huge_description_is_cut_not_wrapped_for_hours() -> None:
    """A plugin's 900 kB description without a space is printed cut to 5,000 characters, with
    its length (rich wraps such a word in quadratic time: whole, it would hang the terminal)."""
    huge = "x" * 900_000

    class HugeRocket(HostileRocket):
        @hookimpl
        def register_launch_vehicles(self, register: Callable[[LaunchVehicle], None]) -> None:
            super().register_launch_vehicles(
                lambda rocket: register(attrs.evolve(rocket, description=huge))
            )

    with plugins.temporary_plugin(HugeRocket(), "huge"):
        result = CliRunner().invoke(cli, ["components", "show", "hostile-rocket"])
    assert result.exit_code == 0, result.output
    assert "(900,000 characters)" in result.stdout
    assert len(result.stdout) < 100_000


@pytest.mark.parametrize(
    "name", ["abc\n", "abc\x1b[31m", "Abc", "-abc", "a" * 101, "a b", ""], ids=repr
)
def test_component_names_are_matched_in_full(name: str) -> None:
    """A trailing newline, an escape, upper case or a leading dash is no part of a name."""
    assert NAME_PATTERN.fullmatch(name) is None


@pytest.mark.parametrize("name", ["quickstart\n", "a\x1b[2J", "../x", " lead", "x" * 101])
def test_study_names_are_matched_in_full(name: str) -> None:
    """A study name names a folder: a newline, an escape or a path is refused in full."""
    assert STUDY_NAME_PATTERN.fullmatch(name) is None
