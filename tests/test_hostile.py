"""The hostile-input corpus (tests/hostile_corpus.py) through real ``skyrack`` processes: one
stderr line, a non-zero exit, no traceback, no hang, nothing of the user's touched; and the
commands a broken plugin does not concern keep working.

The corpus runs in parallel, once per session, for the cases selected (``-k`` works); it is
marked slow. ``uv run python tests/hostile_corpus.py`` prints its tally.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hostile_corpus import (
    HOSTILE,
    Case,
    Outcome,
    all_cases,
    install_plugin,
    run_all,
    skyrack_env,
)

CASES = all_cases()
REPO = Path(__file__).resolve().parents[1]


def test_the_corpus_holds_every_kind_of_hostile_input() -> None:
    """At least 80 cases: malformed studies (run and validate), special files, command lines
    and broken plugins, each with a distinct id and an expected message."""
    kinds = Counter(case.id.split(":")[0] for case in CASES)
    assert len(CASES) >= 80
    assert kinds["run"] == kinds["validate"] >= 100
    assert kinds["special"] >= 20 and kinds["command"] >= 30 and kinds["plugin"] >= 25
    assert len({case.id for case in CASES}) == len(CASES)
    assert all(case.expect for case in CASES)


@pytest.fixture(scope="session")
def outcomes(request: pytest.FixtureRequest) -> dict[str, Outcome]:
    """The outcome of every corpus case this session selected, run in parallel once."""
    selected = {
        item.callspec.params["case"].id
        for item in request.session.items
        if item.originalname == "test_hostile_input_fails_with_one_line_and_touches_nothing"
    }
    return {o.case.id: o for o in run_all([c for c in CASES if c.id in selected])}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_fails_with_one_line_and_touches_nothing(
    case: Case, outcomes: dict[str, Outcome]
) -> None:
    """The case exits 1 or 2 with one `Error:` line holding its message, an empty stdout, no
    traceback, no hang, and its sandbox (the user's files, an earlier run) as it was."""
    outcome = outcomes[case.id]
    assert not outcome.problems, f"{outcome.problems}\nstderr: {outcome.stderr}"


# --- a broken plugin does not break what does not need it -----------------------------------


def skyrack(*args: str, site: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skyrack", *args],
        capture_output=True,
        text=True,
        env={**skyrack_env(site), **env},
        timeout=60,
    )


@pytest.fixture
def broken_site(tmp_path: Path) -> tuple[Path, str]:
    """A site folder with the plugin that raises in register_commands installed."""
    site = tmp_path / "site"
    name = install_plugin(HOSTILE / "plugins" / "commands_hook_raises.py", site)
    return site, name


def test_help_and_plugins_keep_working_beside_a_broken_plugin(
    broken_site: tuple[Path, str],
) -> None:
    """--help exits 0 with the usage; `plugins` lists the broken plugin with its error."""
    site, name = broken_site
    helped = skyrack("--help", site=site)
    assert helped.returncode == 0, helped.stderr
    assert helped.stdout.startswith("Usage: skyrack") and helped.stderr == ""
    listed = skyrack("plugins", "--json", site=site)
    assert listed.returncode == 0, listed.stderr
    infos = {info["name"]: info for info in json.loads(listed.stdout)}
    assert infos[name]["error"].endswith(f"to run without it, set SKYRACK_DISABLE_PLUGINS={name}")
    assert infos["launchers"]["error"] is None


@pytest.mark.slow
def test_disabling_the_broken_plugin_as_its_error_says_makes_commands_work(
    broken_site: tuple[Path, str],
) -> None:
    """The variable the error line names, set as it says, lets every command run again."""
    site, _name = broken_site
    failed = skyrack("validate", str(REPO / "studies" / "quickstart.toml"), site=site)
    assert failed.returncode == 1
    setting = failed.stderr.strip().rsplit("set ", 1)[1]
    variable, value = setting.split("=")
    worked = skyrack(
        "validate", str(REPO / "studies" / "quickstart.toml"), site=site, **{variable: value}
    )
    assert worked.returncode == 0, worked.stderr


@pytest.mark.slow
def test_a_plugin_printing_on_import_cannot_corrupt_run_json(tmp_path: Path) -> None:
    """What a plugin prints while it loads goes to stderr; `run --json` stays one document."""
    source = tmp_path / "chatty.py"
    source.write_text("print('hello from a chatty plugin')\n", encoding="utf-8")
    site = tmp_path / "site"
    install_plugin(source, site)
    out = tmp_path / "out"
    completed = skyrack(
        "run", str(REPO / "studies" / "quickstart.toml"), "--out", str(out), "--json", site=site
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["schema_version"] == 1
    assert "hello from a chatty plugin" in completed.stderr


@pytest.mark.slow
def test_a_plugin_whose_command_hook_takes_no_argument_harms_nothing(tmp_path: Path) -> None:
    """register_commands() without its `cli` argument is called as declared: every command
    still works (this used to kill every command, --help included)."""
    source = tmp_path / "no_argument.py"
    source.write_text(
        "from skyrack import hookimpl\n\n@hookimpl\ndef register_commands():\n    pass\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    install_plugin(source, site)
    assert skyrack("--help", site=site).returncode == 0
    checked = skyrack("validate", str(REPO / "studies" / "quickstart.toml"), site=site)
    assert checked.returncode == 0, checked.stderr


@pytest.mark.slow
def test_a_plugin_command_that_crashes_is_named_in_one_line(tmp_path: Path) -> None:
    """A plugin's command raising an unexpected exception names the plugin and the command."""
    source = tmp_path / "crashing_command.py"
    source.write_text(
        "from skyrack import hookimpl\n\n@hookimpl\ndef register_commands(cli):\n"
        "    @cli.command('explode')\n    def explode():\n        {}['missing']\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    install_plugin(source, site)
    completed = skyrack("explode", site=site)
    assert completed.returncode == 1
    assert completed.stderr.strip().splitlines() == [
        "Error: plugin 'crashing_command', hook command explode: raised KeyError: 'missing'"
    ]


@pytest.mark.slow
def test_a_full_disk_on_standard_output_says_the_results_were_written(tmp_path: Path) -> None:
    """`skyrack run ... > /dev/full`: one line saying where the (complete) results are and that
    printing failed; status 1, no traceback."""
    out = tmp_path / "out"
    with open("/dev/full", "w") as full:
        completed = subprocess.run(
            [sys.executable, "-m", "skyrack", "run", str(REPO / "studies" / "quickstart.toml"),
             "--out", str(out), "--no-report"],
            stdout=full, stderr=subprocess.PIPE, text=True, env=skyrack_env(), timeout=60,
        )  # fmt: skip
    assert completed.returncode == 1
    assert completed.stderr.strip().splitlines() == [
        f"Error: results written to {out}, but printing them failed: No space left on device"
    ]
    assert json.loads((out / "metrics.json").read_text(encoding="utf-8"))["schema_version"] == 1


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """`skyrack components list | head -0`: the closed pipe ends the command with status 141
    (128 + SIGPIPE) and nothing on stderr."""
    process = subprocess.Popen(
        [sys.executable, "-m", "skyrack", "components", "list", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=skyrack_env(),
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before the command has written anything
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert stderr == ""
