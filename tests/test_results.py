"""Results folders are owned: written whole or not at all, never over the user's files, old or
new complete results under the public name at every instant, leftovers recovered."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import skyrack.results
from skyrack.results import MARKER, ResultsError, check_target, write_results

NEW = {"metrics.json": b'{"run": "new"}\n', "metrics.csv": b"quantity,value,unit\n"}
OLD = {"metrics.json": b'{"run": "old"}\n', "metrics.csv": b"old\n", "extra.csv": b"x\n"}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones included) by relative path, with its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def results_of(folder: Path) -> str:
    """``"old"`` or ``"new"``: which complete set of results the folder holds (else fails)."""
    files = tree(folder)
    listed = json.loads(files.pop(MARKER))["files"]
    assert sorted(files) == sorted(listed), f"incomplete results: {sorted(files)} vs {listed}"
    return str(json.loads(files["metrics.json"])["run"])


@pytest.fixture
def old_results(tmp_path: Path) -> Path:
    """A results folder holding a complete earlier run."""
    folder = tmp_path / "results" / "study"
    write_results(folder, OLD)
    assert results_of(folder) == "old"
    return folder


def test_a_new_folder_gets_the_files_and_a_marker_listing_them(tmp_path: Path) -> None:
    """Writing into a new folder creates it with the files and a marker that lists them."""
    written = write_results(tmp_path / "a" / "b", NEW)
    assert written.folder == (tmp_path / "a" / "b").resolve()
    assert results_of(written.folder) == "new"
    assert written.notes == ()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["b"], "no staging left"


def test_rerunning_replaces_only_what_skyrack_wrote(old_results: Path) -> None:
    """A second run replaces the old results; the old run's extra file goes with them."""
    write_results(old_results, NEW)
    assert results_of(old_results) == "new"
    assert not (old_results / "extra.csv").exists()
    assert [p.name for p in old_results.parent.iterdir()] == ["study"]


def test_a_file_the_user_added_refuses_the_run_and_is_kept(old_results: Path) -> None:
    """A file in the results folder that skyrack did not write makes the run fail, untouched."""
    (old_results / "my-notes.txt").write_text("keep me", encoding="utf-8")
    before = tree(old_results)
    with pytest.raises(ResultsError, match=r"holds my-notes.txt, which skyrack did not write"):
        write_results(old_results, NEW)
    assert tree(old_results) == before


def test_a_folder_without_a_marker_is_never_replaced(tmp_path: Path) -> None:
    """A non-empty folder skyrack did not create is refused; an empty one is used."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "paper.tex").write_text("draft", encoding="utf-8")
    with pytest.raises(ResultsError, match="holds files that skyrack did not write"):
        write_results(project, NEW)
    assert tree(project) == {"paper.tex": b"draft"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert results_of(write_results(empty, NEW).folder) == "new"


def test_a_study_inside_its_results_folder_is_refused(old_results: Path) -> None:
    """A study kept in the results folder would be deleted by the run: refused, study kept."""
    study = old_results / "study.toml"
    study.write_text("[study]\n", encoding="utf-8")
    with pytest.raises(ResultsError, match="it holds the study file itself"):
        check_target(old_results, study)
    with pytest.raises(ResultsError, match="it holds the study file itself"):
        write_results(old_results, NEW, study)
    assert study.read_text(encoding="utf-8") == "[study]\n"


def test_the_working_folder_is_never_a_results_folder(
    old_results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Running with --out . from inside the results folder is refused."""
    monkeypatch.chdir(old_results)
    with pytest.raises(ResultsError, match="working folder"):
        write_results(Path("."), NEW)
    assert results_of(old_results) == "old"


def test_a_read_only_results_folder_is_refused_and_stays_read_only(old_results: Path) -> None:
    """chmod a-w on a results folder keeps it: the run is refused (even when run as root)."""
    before = tree(old_results)
    old_results.chmod(0o555)
    try:
        with pytest.raises(ResultsError, match="is read-only, so the results are kept"):
            write_results(old_results, NEW)
        assert old_results.stat().st_mode & 0o777 == 0o555
        assert tree(old_results) == before
    finally:
        old_results.chmod(0o755)


def test_a_read_only_result_file_or_parent_is_refused(old_results: Path) -> None:
    """A read-only file in the results, or a read-only parent folder, refuses the run."""
    (old_results / "metrics.json").chmod(0o444)
    with pytest.raises(ResultsError, match="metrics.json is read-only"):
        write_results(old_results, NEW)
    (old_results / "metrics.json").chmod(0o644)
    parent = old_results.parent
    parent.chmod(0o555)
    try:
        with pytest.raises(ResultsError, match="is read-only; make it writable"):
            write_results(parent / "other", NEW)
        assert not (parent / "other").exists()
    finally:
        parent.chmod(0o755)


def test_a_symbolic_link_as_results_folder_is_refused(old_results: Path, tmp_path: Path) -> None:
    """--out naming a symlink is refused rather than followed into where it points."""
    link = tmp_path / "link"
    link.symlink_to(old_results)
    with pytest.raises(ResultsError, match="symbolic link"):
        write_results(link, NEW)
    assert results_of(old_results) == "old"


def test_a_write_that_fails_midway_leaves_the_old_results(
    old_results: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk in the middle of writing keeps the old results and no staging folder."""
    real = skyrack.results._write_file

    def full(path: Path, content: bytes) -> None:
        if path.name == "metrics.csv":
            raise OSError(28, "No space left on device")
        real(path, content)

    monkeypatch.setattr(skyrack.results, "_write_file", full)
    with pytest.raises(ResultsError, match="No space left on device"):
        write_results(old_results, NEW)
    assert results_of(old_results) == "old"
    assert [p.name for p in old_results.parent.iterdir()] == ["study"]


class Faults:
    """Counts the filesystem changes a write makes (renames, the exchange, deletions) and raises
    KeyboardInterrupt at the ``fail_at``-th, as a signal arriving just before it would."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, exchange: bool, fail_at: int = 0) -> None:
        self.calls = 0
        self.fail_at = fail_at
        real_exchange = skyrack.results._renameat2()
        assert real_exchange is not None, "this platform's libc has no renameat2"
        monkeypatch.setattr(
            skyrack.results, "_renameat2", lambda: self.wrap(real_exchange) if exchange else None
        )
        for name in ("rename", "unlink", "rmdir"):
            monkeypatch.setattr(skyrack.results.os, name, self.wrap(getattr(os, name)))

    def wrap(self, function: Callable[..., object]) -> Callable[..., object]:
        def faulty(*args: object, **kwargs: object) -> object:
            self.calls += 1
            if self.calls == self.fail_at:
                raise KeyboardInterrupt
            return function(*args, **kwargs)

        return faulty


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_an_interrupt_before_any_filesystem_change_leaves_old_or_new_complete_results(
    tmp_path: Path, exchange: bool
) -> None:
    """Ctrl-C arriving before each rename, exchange or deletion of a write in turn: the public
    name always holds complete old or new results (or, between two plain renames, the old ones
    wait aside), and the next run restores or removes the leftovers, saying so."""
    with pytest.MonkeyPatch.context() as patch:
        write_results(tmp_path / "count" / "study", OLD)
        counter = Faults(patch, exchange)
        write_results(tmp_path / "count" / "study", NEW)
    assert counter.calls >= 3
    for fail_at in range(1, counter.calls + 1):
        folder = tmp_path / f"at-{fail_at}" / "study"
        write_results(folder, OLD)
        with pytest.MonkeyPatch.context() as patch:
            Faults(patch, exchange, fail_at)
            with contextlib.suppress(KeyboardInterrupt):
                write_results(folder, NEW)
        hidden = sorted(p.name for p in folder.parent.iterdir() if p.name != "study")
        if folder.exists():
            assert results_of(folder) in {"old", "new"}, fail_at
        else:  # only between the two renames of the fallback
            assert not exchange and hidden == [".study.previous"], (fail_at, hidden)
        again = write_results(folder, NEW)
        assert results_of(folder) == "new"
        assert [p.name for p in folder.parent.iterdir()] == ["study"], fail_at
        if hidden:
            assert again.notes, f"a leftover was dealt with silently (fault {fail_at})"


def test_leftovers_of_a_killed_run_are_removed_with_a_note(old_results: Path) -> None:
    """A staging folder from a run killed mid-write is removed by the next run, which says so."""
    staging = old_results.parent / ".study.staging-dead1234"
    staging.mkdir()
    (staging / MARKER).write_text(json.dumps({"files": ["metrics.json"]}), encoding="utf-8")
    (staging / "metrics.json").write_text("{half", encoding="utf-8")
    written = write_results(old_results, NEW)
    assert not staging.exists()
    assert written.notes == ("removed .study.staging-dead1234, left by an interrupted run",)


def test_a_lookalike_folder_without_a_marker_is_not_removed(old_results: Path) -> None:
    """A hidden folder named like a leftover but holding no marker is the user's: kept."""
    mine = old_results.parent / ".study.staging-mine"
    mine.mkdir()
    (mine / "data.txt").write_text("mine", encoding="utf-8")
    write_results(old_results, NEW)
    assert (mine / "data.txt").read_text(encoding="utf-8") == "mine"


def test_the_previous_results_are_restored_when_the_public_name_is_missing(
    old_results: Path,
) -> None:
    """Killed between two renames: the next run restores the old results first, with a note."""
    os.rename(old_results, old_results.parent / ".study.previous")
    written = write_results(old_results, NEW)
    assert any(note.startswith("restored ") for note in written.notes), written.notes
    assert results_of(old_results) == "new"


def run_slow_write(out: Path, ready: Path) -> subprocess.Popen[str]:
    """A `skyrack run` subprocess whose results writer pauses mid-write (after ``ready``)."""
    script = textwrap.dedent(
        f"""
        import signal, sys, time
        from pathlib import Path
        # as a terminal starts it: a run started in the background inherits an ignored SIGINT
        signal.signal(signal.SIGINT, signal.default_int_handler)
        import skyrack.results as results
        real = results._write_file
        def slow(path, content):
            real(path, content)
            if path.name == "metrics.json":
                Path({str(ready)!r}).write_text("ready")
                time.sleep(30)
        results._write_file = slow
        from skyrack.cli import run_cli
        sys.exit(run_cli(["run", {str(Path("studies/quickstart.toml").resolve())!r},
                          "--out", {str(out)!r}]))
        """
    )
    return subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_real_run_leaves_the_old_results_and_one_line(
    old_results: Path, tmp_path: Path, signum: int
) -> None:
    """Ctrl-C or SIGTERM while `skyrack run` writes: status 128+n, one stderr line, the old
    complete results and no staging folder."""
    ready = tmp_path / "ready"
    process = run_slow_write(old_results, ready)
    deadline = time.monotonic() + 60
    while not ready.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never reached its write"
        time.sleep(0.05)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines() == [f"Error: interrupted by {signal.Signals(signum).name}"]
    assert results_of(old_results) == "old"
    assert [p.name for p in old_results.parent.iterdir()] == ["study"]


def test_results_file_names_must_stay_inside_the_folder(tmp_path: Path) -> None:
    """A file name that climbs out of the folder (or is the marker) is a programming error."""
    bad: list[Callable[[], object]] = [
        lambda: write_results(tmp_path / "r", {"../escape.csv": b""}),
        lambda: write_results(tmp_path / "r", {MARKER: b""}),
    ]
    for call in bad:
        with pytest.raises(ValueError, match="plain relative paths"):
            call()
    assert not (tmp_path / "r").exists()


def test_a_deleted_working_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder that was deleted meanwhile: a ResultsError, not an OSError."""
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    with pytest.raises(ResultsError, match="No such file or directory"):
        check_target(Path("results") / "study")
