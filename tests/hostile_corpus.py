"""The hostile-input corpus: every malformed study, special file, hostile command line and broken
plugin we know of, each run as a real ``python -m skyrack`` process in its own sandbox folder.

The contract for every case: exit status 1 or 2, exactly one ``Error: …`` line on stderr that
contains the case's expected text, nothing on stdout, no traceback, and the sandbox — the user's
files, the study, an earlier complete run in ``results/valid/`` — exactly as it was (so no
results folder was created and nothing was lost).

Sources of cases:

* ``tests/malformed_studies/*.toml`` (each opens with ``# expect: …``), run through both
  ``skyrack run`` and ``skyrack validate`` (validate must refuse what run refuses);
* special files and folders made in the sandbox (:data:`SPECIAL`);
* ``tests/hostile/commands.toml``: hostile command lines;
* ``tests/hostile/plugins/*.py``: broken plugins, each installed as a distribution (metadata with
  a ``skyrack`` entry point) into a private site folder on ``PYTHONPATH``.

``uv run python tests/hostile_corpus.py`` runs the whole corpus in parallel and prints the tally:
cases tried, tracebacks, hangs, files lost, nonsense accepted, and every failing case.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from test_study import VALID_STUDY, expected_message

TESTS = Path(__file__).resolve().parent
STUDY_CORPUS = TESTS / "malformed_studies"
HOSTILE = TESTS / "hostile"
TIMEOUT_S = 60.0
"""A case still running after this long is a hang."""

SEARCH_STUDY = VALID_STUDY.replace('name = "valid"', 'name = "search"') + (
    '\n[optimize]\nn_trials = 2\n[optimize.space]\n"sizing.mission_years" = { low = 3, high = 8 }\n'
)
"""The valid study with a small design search, for `optimize` and `dashboard` cases."""

EARLIER_RUN = {
    ".skyrack-results": '{"written_by": "skyrack", "files": ["metrics.json"]}\n',
    "metrics.json": '{"schema_version": 1}\n',
}


@dataclass(frozen=True)
class Case:
    """One hostile input: the command line, what its error must say, how to prepare for it."""

    id: str
    args: tuple[str, ...]
    expect: str
    setup: Callable[[Path], None] | None = None
    stdin: bytes | None = None
    plugin: Path | None = None


@dataclass
class Outcome:
    """What one case did, and every way it broke the contract."""

    case: Case
    returncode: int | None
    stdout: str
    stderr: str
    problems: list[str] = field(default_factory=list)

    @property
    def traceback(self) -> bool:
        return "Traceback" in self.stderr or "internal error" in self.stderr

    @property
    def hang(self) -> bool:
        return self.returncode is None

    @property
    def files_lost(self) -> bool:
        return any(problem.startswith("sandbox changed") for problem in self.problems)

    @property
    def nonsense_accepted(self) -> bool:
        return self.returncode == 0


# --- the sandbox -------------------------------------------------------------------------------


def make_sandbox(folder: Path) -> None:
    """A user's working folder: a valid study, notes, a paper and an earlier complete run."""
    (folder / "studies").mkdir()
    (folder / "studies" / "valid.toml").write_text(VALID_STUDY, encoding="utf-8")
    (folder / "studies" / "search.toml").write_text(SEARCH_STUDY, encoding="utf-8")
    (folder / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (folder / "papers").mkdir()
    (folder / "papers" / "draft.tex").write_text("\\section{Orbit}\n", encoding="utf-8")
    (folder / "results" / "valid").mkdir(parents=True)
    for name, text in EARLIER_RUN.items():
        (folder / "results" / "valid" / name).write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, tuple[str, int, bytes]]:
    """Every entry under ``folder``: its kind, mode and (for a regular file) its bytes."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root, name)
            info = path.lstat()
            relative = str(path.relative_to(folder))
            if stat.S_ISREG(info.st_mode):
                found[relative] = ("file", info.st_mode, path.read_bytes())
            elif stat.S_ISLNK(info.st_mode):
                found[relative] = ("link", info.st_mode, os.readlink(path).encode())
            else:
                found[relative] = ("other", info.st_mode, b"")
    return found


# --- special files -----------------------------------------------------------------------------


def _study(text: str, name: str = "study.toml") -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / name).write_text(text, encoding="utf-8")

    return setup


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "study.toml")


def _symlink(target: str) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "study.toml").symlink_to(target)

    return setup


def _socket(folder: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "study.toml"))
    server.close()  # the socket file stays


def _loop(folder: Path) -> None:
    (folder / "study.toml").symlink_to(folder / "study.toml")


def _folder(folder: Path) -> None:
    (folder / "study.toml").mkdir()


def _study_in_results(folder: Path) -> None:
    shutil.copy(folder / "studies" / "valid.toml", folder / "results" / "valid" / "valid.toml")


def _user_file_in_results(folder: Path) -> None:
    (folder / "results" / "valid" / "mine.csv").write_text("mine\n", encoding="utf-8")


def _read_only_results(folder: Path) -> None:
    (folder / "results" / "valid").chmod(0o555)


def _read_only_results_parent(folder: Path) -> None:
    shutil.rmtree(folder / "results" / "valid")
    (folder / "results").chmod(0o555)


def _results_is_a_file(folder: Path) -> None:
    shutil.rmtree(folder / "results" / "valid")
    (folder / "results" / "valid").write_text("not a folder\n", encoding="utf-8")


def _results_is_a_symlink(folder: Path) -> None:
    shutil.rmtree(folder / "results" / "valid")
    (folder / "results" / "valid").symlink_to(folder / "papers")


VALID = "studies/valid.toml"
LONG = "x" * 900_000
"""A 900 kB description without a space (printing it used to take quadratic time)."""
MANY_KEYS = "\n".join(f"k{i} = 1" for i in range(60_000))
SPECIAL: list[Case] = [
    Case("fifo", ("validate", "study.toml"), "is a named pipe (FIFO), not a study file", _fifo),
    Case("fifo_run", ("run", "study.toml"), "is a named pipe (FIFO)", _fifo),
    Case("dev_zero_symlink", ("run", "study.toml"), "is a character device", _symlink("/dev/zero")),
    Case("dev_urandom_symlink", ("validate", "study.toml"), "is a character device",
         _symlink("/dev/urandom")),
    Case("dev_null_path", ("run", "/dev/null"), "/dev/null: is a character device"),
    Case("socket", ("run", "study.toml"), "is a socket, not a study file", _socket),
    Case("folder", ("run", "study.toml"), "is a folder, not a study file", _folder),
    Case("folder_dot", ("validate", "."), ".: is a folder, not a study file"),
    Case("dangling_symlink", ("run", "study.toml"), "cannot read the study: No such file",
         _symlink("/nonexistent/study.toml")),
    Case("symlink_loop", ("run", "study.toml"), "Too many levels of symbolic links", _loop),
    Case("proc_file", ("validate", "/proc/self/mounts"), "TOML syntax error"),
    Case("stdin_dev_zero", ("run", "-"), "<stdin>: is over 1,000,000 bytes", None,
         b"\0" * 1_000_001),
    Case("stdin_empty", ("validate", "-"), "<stdin>: is empty"),
    Case("stdin_garbage", ("run", "-"), "<stdin>: is not UTF-8 text", None,
         bytes(range(256)) * 50),
    Case("huge_file", ("run", "study.toml"), "is over 1,000,000 bytes; a study is at most",
         _study(VALID_STUDY + "#" * 1_100_000 + "\n")),
    Case("description_900_kb", ("run", "study.toml"),
         "study.description: is 900,000 characters; a description is at most 5,000",
         _study(re.sub("^description = .*$", f'description = "{LONG}"', VALID_STUDY, flags=re.M))),
    Case("sixty_thousand_unknown_keys", ("validate", "study.toml"),
         "study.k10: unknown key; valid keys: name, description, seed, allow_implausible; "
         "and 59,997 more",
         _study(VALID_STUDY.replace("[economics]", f"{MANY_KEYS}\n[economics]"))),
    Case("study_inside_its_results", ("run", "results/valid/valid.toml", "--out", "results/valid"),
         "it holds the study file itself", _study_in_results),
    Case("user_file_in_results", ("run", VALID), "holds mine.csv, which skyrack did not write",
         _user_file_in_results),
    Case("read_only_results", ("run", VALID), "is read-only, so the results are kept",
         _read_only_results),
    Case("read_only_results_parent", ("run", VALID), "is read-only; make it writable",
         _read_only_results_parent),
    Case("results_is_a_file", ("run", VALID), "it is a file, not a folder", _results_is_a_file),
    Case("results_is_a_symlink", ("run", VALID), "it is a symbolic link", _results_is_a_symlink),
    Case("validate_read_only_results", ("validate", VALID), "is read-only, so the results are kept",
         _read_only_results),
]  # fmt: skip


# --- the corpus --------------------------------------------------------------------------------


def study_cases() -> list[Case]:
    """Each malformed study, through `skyrack run` and through `skyrack validate`."""
    return [
        Case(f"{command}:{path.stem}", (command, str(path)), expected_message(path))
        for path in sorted(STUDY_CORPUS.glob("*.toml"))
        for command in ("run", "validate")
    ]


def command_cases() -> list[Case]:
    """The hostile command lines of tests/hostile/commands.toml."""
    cases = tomllib.loads((HOSTILE / "commands.toml").read_text(encoding="utf-8"))["case"]
    return [Case(f"command:{c['id']}", tuple(c["args"]), c["expect"]) for c in cases]


def plugin_cases() -> list[Case]:
    """Each broken plugin of tests/hostile/plugins/, installed, then `skyrack components list`."""
    return [
        Case(f"plugin:{path.stem}", ("components", "list"), expected_message(path), plugin=path)
        for path in sorted((HOSTILE / "plugins").glob("*.py"))
    ]


def all_cases() -> list[Case]:
    """Every case of the corpus."""
    special = [Case(f"special:{case.id}", *_fields(case)) for case in SPECIAL]
    return study_cases() + special + command_cases() + plugin_cases()


def _fields(case: Case) -> tuple[object, ...]:
    return (case.args, case.expect, case.setup, case.stdin, case.plugin)


def install_plugin(source: Path, site: Path) -> str:
    """Install the fixture ``source`` into ``site`` as distribution ``skyrack-hostile-<name>``
    with one ``skyrack`` entry point, beside the ``hostile_rocket`` module it may import; return
    the plugin's entry-point name."""
    name = source.stem
    module = f"skyrack_hostile_{name}"
    entry = f"{name} = {module}"
    for line in source.read_text(encoding="utf-8").splitlines()[:3]:
        if line.startswith("# entry-point: "):
            value = line.removeprefix("# entry-point: ")
            entry = value.replace("=", " = ", 1) if "=" in value else f"{name} = {value}"
    info = site / f"skyrack_hostile_{name}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: skyrack-hostile-{name}\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(f"[skyrack]\n{entry}\n", encoding="utf-8")
    shutil.copy(source, site / f"{module}.py")
    shutil.copy(HOSTILE / "hostile_rocket.py", site)  # the valid rocket fixtures break
    return entry.split(" = ")[0]


def skyrack_env(site: Path | None = None) -> dict[str, str]:
    """The environment of a corpus process: wide terminal, no debug, ``site`` importable."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKYRACK_")}
    env["COLUMNS"] = "200"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if site is not None:
        env["PYTHONPATH"] = str(site)
    return env


def _substitute(args: Iterable[str], sandbox: Path) -> list[str]:
    values = {
        "{valid}": str(sandbox / VALID),
        "{search}": str(sandbox / "studies" / "search.toml"),
        "{sandbox}": str(sandbox),
        "{long_path}": "s" * 5000 + ".toml",
    }
    result = []
    for arg in args:
        for key, value in values.items():
            arg = arg.replace(key, value)
        result.append(arg)
    return result


def run_case(case: Case) -> Outcome:
    """Run one case in a fresh sandbox and check the contract."""
    with tempfile.TemporaryDirectory(prefix="skyrack-hostile-") as temporary:
        root = Path(temporary)
        sandbox = root / "sandbox"
        sandbox.mkdir()
        make_sandbox(sandbox)
        site = None
        if case.plugin is not None:
            site = root / "site"
            install_plugin(case.plugin, site)
        if case.setup is not None:
            case.setup(sandbox)
        before = snapshot(sandbox)
        args = _substitute(case.args, sandbox)
        expect = _substitute([case.expect], sandbox)[0]
        try:
            completed = subprocess.run(
                [sys.executable, "-m", "skyrack", *args],
                cwd=sandbox,
                input=case.stdin if case.stdin is not None else b"",
                capture_output=True,
                env=skyrack_env(site),
                timeout=TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as expired:
            stderr = (expired.stderr or b"").decode("utf-8", "replace")
            outcome = Outcome(case, None, "", stderr, ["hang: no answer within the timeout"])
            _restore_permissions(sandbox)
            return outcome
        stdout = completed.stdout.decode("utf-8", "replace")
        stderr = completed.stderr.decode("utf-8", "replace")
        outcome = Outcome(case, completed.returncode, stdout, stderr)
        outcome.problems = _problems(outcome, expect, before, snapshot(sandbox))
        _restore_permissions(sandbox)
        return outcome


def _problems(
    outcome: Outcome,
    expect: str,
    before: dict[str, tuple[str, int, bytes]],
    after: dict[str, tuple[str, int, bytes]],
) -> list[str]:
    problems = []
    if outcome.returncode not in (1, 2):
        problems.append(f"exit status {outcome.returncode}, expected 1 or 2")
    lines = outcome.stderr.splitlines()
    if len(lines) != 1:
        problems.append(f"{len(lines)} stderr lines, expected one")
    if not outcome.stderr.startswith("Error: "):
        problems.append("stderr does not start with 'Error: '")
    if expect not in outcome.stderr:
        problems.append(f"stderr lacks {expect!r}")
    if outcome.traceback:
        problems.append("a traceback or an internal error")
    if outcome.stdout:
        problems.append(f"stdout is not empty: {outcome.stdout[:80]!r}")
    if before != after:
        changed = sorted(
            set(before) ^ set(after) | {k for k in before if before[k] != after.get(k)}
        )
        problems.append(f"sandbox changed: {changed[:5]}")
    return problems


def _restore_permissions(folder: Path) -> None:
    """Make read-only test folders writable again so the sandbox can be deleted."""
    for root, dirs, _ in os.walk(folder):
        for name in dirs:
            path = Path(root, name)
            if not path.is_symlink():
                path.chmod(0o755)
    folder.chmod(0o755)


def run_all(cases: list[Case], workers: int | None = None) -> list[Outcome]:
    """Run ``cases`` in parallel (one process per case, a few at a time)."""
    with ThreadPoolExecutor(max_workers=workers or max(2, os.cpu_count() or 2)) as pool:
        return list(pool.map(run_case, cases))


def tally(outcomes: list[Outcome]) -> str:
    """The figures of a corpus run, and each failing case."""
    lines = [
        f"cases tried:       {len(outcomes)}",
        f"tracebacks:        {sum(o.traceback for o in outcomes)}",
        f"hangs:             {sum(o.hang for o in outcomes)}",
        f"files lost:        {sum(o.files_lost for o in outcomes)}",
        f"nonsense accepted: {sum(o.nonsense_accepted for o in outcomes)}",
        f"contract broken:   {sum(bool(o.problems) for o in outcomes)}",
    ]
    for outcome in outcomes:
        if outcome.problems:
            lines.append(f"  {outcome.case.id}: {'; '.join(outcome.problems)}")
            lines.append(f"    stderr: {outcome.stderr.strip()[:300]!r}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(tally(run_all(all_cases())))
