"""Results folders that skyrack owns: written whole or not at all, never over the user's files.

A results folder holds a marker file, :data:`MARKER`, that lists every file skyrack wrote
there. skyrack

* writes only into a folder it created (or an empty one), and refuses a folder that holds a
  file it did not write, a read-only folder, and a folder that holds the study being run;
* writes the new results into a hidden staging folder beside the destination, then swaps it
  with the old folder in one ``renameat2(RENAME_EXCHANGE)`` call, so that at every instant the
  public name holds either the old or the new complete results (where the filesystem cannot
  swap, two renames with signals held back between them, and recovery on the next run);
* deletes only the files its marker lists;
* on the next run, restores or removes what an interrupted run left behind, and says so.

Runs that write beside one another take a lock on the parent folder, so two runs of one study
never interleave.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import signal
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from skyrack.errors import SkyrackError
from skyrack.text import joined_problems, printable

MARKER = ".skyrack-results"
"""The file that marks a results folder as skyrack's and lists the files it wrote there."""
LEGACY_FILES = ("metrics.json", "metrics.csv", "waterfall.csv", "budgets.csv")
"""What a folder written before the marker listed its files holds."""
LOCK_TIMEOUT_S = 30.0
"""How long a run waits for another run writing in the same parent folder."""
_DEFERRED_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}


class ResultsError(SkyrackError):
    """The results folder cannot be written: not skyrack's, read-only, or the disk failed."""


@attrs.frozen
class Written:
    """Where the results went, and what was done about an earlier run's leftovers."""

    folder: Path
    notes: tuple[str, ...] = ()


def public_path(folder: Path) -> Path:
    """``folder`` made absolute with its parents resolved, but not its own name: a symlink at
    the destination is refused, not followed."""
    folder = Path(os.path.abspath(folder))
    return folder.parent.resolve() / folder.name


def _marker(folder: Path) -> dict[str, Any] | None:
    """The marker of ``folder`` as data (``files``, ``complete``), or None when it has none."""
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return {"files": [], "complete": True}
    try:
        marker = json.loads(text)
        listed = marker["files"]
    except (ValueError, KeyError, TypeError):
        return {"files": list(LEGACY_FILES), "complete": True}  # skyrack 0.1's plain marker
    if not isinstance(listed, list):
        listed = []
    files = [name for name in listed if isinstance(name, str) and _is_plain_relative(name)]
    return {"files": files, "complete": marker.get("complete", True) is not False}


def _marker_files(folder: Path) -> list[str] | None:
    """The files the marker of ``folder`` lists, or None when there is no marker."""
    marker = _marker(folder)
    return None if marker is None else list(marker["files"])


def _write_marker(folder: Path, files: list[str], *, complete: bool) -> None:
    marker = {"written_by": "skyrack", "complete": complete, "files": sorted(files)}
    _write_file(folder / MARKER, (json.dumps(marker, indent=2) + "\n").encode())


def _is_plain_relative(name: str) -> bool:
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def _read_only(path: Path) -> bool:
    """True when ``path`` is read-only by its mode (as the user set it, even for root)."""
    return not (path.stat().st_mode & stat.S_IWUSR) or not os.access(path, os.W_OK)


def _foreign_entries(folder: Path, owned: list[str]) -> list[str]:
    """Entries of ``folder`` (recursively) that the marker does not list."""
    allowed = {MARKER, *owned}
    prefixes = {str(parent) for name in owned for parent in list(Path(name).parents)[:-1]}
    foreign = []
    for root, dirs, files in os.walk(folder):
        relative_root = Path(root).relative_to(folder)
        for name in [*dirs, *files]:
            relative = str(relative_root / name) if str(relative_root) != "." else name
            if relative not in allowed and relative not in prefixes:
                foreign.append(relative)
    return sorted(foreign)


def check_target(folder: Path, study_file: Path | None = None) -> Path:
    """Refuse a results destination skyrack must not write: return it as an absolute path.

    Refused: a file or a symlink at the destination, a folder holding files skyrack did not
    write (its marker lists what it wrote), a read-only folder or parent, the working folder,
    and a destination that holds ``study_file`` (running would replace the study itself).
    """
    try:
        return _check_target(folder, study_file)
    except OSError as error:  # the working folder was deleted, a path component is no folder
        where = printable(str(folder))
        raise ResultsError(f"cannot write results to {where}: {error.strerror or error}") from None


def _check_target(folder: Path, study_file: Path | None) -> Path:
    folder = public_path(folder)
    where = printable(str(folder))
    if study_file is not None and str(study_file) != "-":
        study = Path(os.path.abspath(study_file)).resolve()
        if study.is_relative_to(folder) or study.is_relative_to(folder.resolve()):
            raise ResultsError(
                f"refusing to write results into {where}: it holds the study file itself, "
                "which a run would replace; keep studies outside their results folder or "
                "choose another --out"
            )
    if Path.cwd().resolve().is_relative_to(folder):
        raise ResultsError(
            f"refusing to replace {where}: it is (or holds) the working folder; run from "
            "elsewhere or choose another --out"
        )
    if folder.is_symlink():
        raise ResultsError(
            f"refusing to write results into {where}: it is a symbolic link; give the real "
            "folder with --out"
        )
    if folder.exists() and not folder.is_dir():
        raise ResultsError(f"cannot write results to {where}: it is a file, not a folder")
    parent = _existing_ancestor(folder.parent)
    if not parent.is_dir():
        raise ResultsError(
            f"cannot write results to {where}: {printable(str(parent))} is a file, not a folder"
        )
    if _read_only(parent):
        raise ResultsError(
            f"refusing to write results into {where}: {printable(str(parent))} is read-only; "
            "make it writable or choose another --out"
        )
    if folder.is_dir():
        _check_owned(folder, where)
    return folder


def _existing_ancestor(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _check_owned(folder: Path, where: str) -> None:
    owned = _marker_files(folder)
    entries = list(folder.iterdir())
    if owned is None and entries:
        raise ResultsError(
            f"refusing to write results into {where}: it holds files that skyrack did not "
            "write; choose an empty or new folder with --out"
        )
    foreign = _foreign_entries(folder, owned or [])
    if foreign:
        shown = joined_problems((printable(name) for name in foreign), limit=3)
        raise ResultsError(
            f"refusing to replace {where}: it holds {shown}, which skyrack did not write; "
            "move them out or choose another --out"
        )
    read_only = [e for e in [folder, *entries] if _read_only(e)]
    if read_only:
        raise ResultsError(
            f"refusing to replace {where}: {printable(str(read_only[0]))} is read-only, so the "
            "results are kept as they are; make it writable or choose another --out"
        )


# --- writing ------------------------------------------------------------------------------------


def write_results(
    folder: Path,
    files: Mapping[str, bytes],
    study_file: Path | None = None,
    *,
    write_more: Callable[[Path], None] | None = None,
) -> Written:
    """Write ``files`` (relative name → content) as the results folder ``folder``;
    ``write_more(staging)`` may then write further files (histories, cash flows) into the
    folder before it is published; the marker lists them all.

    The destination is checked with :func:`check_target`; the old results, if any, are replaced
    atomically and deleted file by file as their marker lists them. Leftovers of an interrupted
    earlier run are restored or removed first (``Written.notes`` says what was done). Every
    failure, disk errors included, is a :class:`ResultsError`; Ctrl-C and SIGTERM leave the old
    or the new results, complete.
    """
    names = list(files)
    bad = [name for name in names if not _is_plain_relative(name) or name == MARKER]
    if bad:
        raise ValueError(f"result file names must be plain relative paths, got {bad}")
    target = check_target(folder, study_file)
    where = printable(str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target.parent, where):
            notes = _recover(target)
            check_target(target, study_file)
            _write(target, files, write_more)
    except OSError as error:
        raise ResultsError(f"cannot write results to {where}: {error.strerror or error}") from None
    return Written(folder=target, notes=tuple(notes))


def write_folder(folder: Path, write: Callable[[Path], None]) -> Path:
    """Write a folder of files that skyrack owns (a sweep's page and CSVs, say) like a results
    folder: ``write(staging)`` fills it, then it replaces ``folder`` atomically."""
    return write_results(folder, {}, write_more=write).folder


def _write(
    target: Path, files: Mapping[str, bytes], write_more: Callable[[Path], None] | None
) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    committed = False
    try:
        staging.chmod(0o777 & ~_umask())  # mkdtemp's 0o700 would hide the results from others
        _write_marker(staging, list(files), complete=False)  # a staging folder, ours whole
        for name, content in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            _write_file(staging / name, content)
        if write_more is not None:
            write_more(staging)
        written = [str(path.relative_to(staging)) for path in staging.rglob("*") if path.is_file()]
        _write_marker(staging, [name for name in written if name != MARKER], complete=True)
        _fsync_folder(staging)
        with _signals_held():
            if target.exists():
                _swap(staging, target)  # staging now holds the old results
            else:
                os.rename(staging, target)
            committed = True
            _fsync_folder(target.parent)
            if staging.exists():
                _remove_owned(staging)
    except BaseException:
        if not committed:  # never published: everything in it is this run's
            shutil.rmtree(staging, ignore_errors=True)
        raise


def check_own_file(path: Path, signature: str) -> None:
    """Refuse ``path`` as the target of a single output file unless it is new, or a regular
    file that starts with ``signature`` (so skyrack wrote it and may replace it)."""
    where = printable(str(path))
    try:
        info = path.lstat()
    except FileNotFoundError:
        if not path.parent.is_dir():
            raise ResultsError(f"cannot write {where}: its folder does not exist") from None
        return
    except OSError as error:
        raise ResultsError(f"cannot write {where}: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ResultsError(f"cannot write {where}: it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ResultsError(f"refusing to write {where}: it is not a regular file")
    try:
        with path.open("rb") as handle:
            start = handle.read(len(signature.encode()))
    except OSError as error:
        raise ResultsError(f"cannot write {where}: {error.strerror}") from None
    if start != signature.encode():
        raise ResultsError(
            f"refusing to overwrite {where}: skyrack did not write it; choose a new file"
        )


def write_own_file(path: Path, text: str, signature: str) -> None:
    """Write ``text`` (which starts with ``signature``) to ``path`` through a temporary file
    and a rename, after :func:`check_own_file`: a failed write leaves the old file whole."""
    check_own_file(path, signature)
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
        temporary.chmod(0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError, UnboundLocalError):
            temporary.unlink()
        raise ResultsError(f"cannot write {printable(str(path))}: {error.strerror}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_file(path: Path, content: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every filesystem syncs folders
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _remove_owned(folder: Path) -> bool:
    """Delete what skyrack wrote in ``folder`` (its marker's files, the marker, then the folder
    if that left it empty); return True when the folder is gone."""
    owned = _marker_files(folder) or []
    for name in owned:
        with contextlib.suppress(FileNotFoundError, IsADirectoryError):
            (folder / name).unlink()
    with contextlib.suppress(FileNotFoundError):
        (folder / MARKER).unlink()
    for name in sorted(owned, key=lambda n: -len(Path(n).parts)):  # emptied subfolders
        for parent in list(Path(name).parents)[:-1]:
            with contextlib.suppress(OSError):
                (folder / parent).rmdir()
    try:
        folder.rmdir()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _remove_if_empty(folder: Path) -> bool:
    """Remove ``folder`` if it is empty (an interrupted clean-up got that far)."""
    try:
        folder.rmdir()
    except OSError:
        return False
    return True


# --- swapping -----------------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _renameat2() -> object | None:
    try:
        return ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None


def _swap(staging: Path, target: Path) -> None:
    """Exchange ``staging`` and ``target`` atomically; fall back to two renames."""
    renameat2 = _renameat2()
    if renameat2 is not None:
        result = renameat2(  # type: ignore[operator]
            _AT_FDCWD, os.fsencode(staging), _AT_FDCWD, os.fsencode(target), _RENAME_EXCHANGE
        )
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(code, os.strerror(code), str(target))
    previous = _previous(target)
    os.rename(target, previous)  # from here until the next rename, recovery restores it
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(previous, target)
        raise
    os.rename(previous, staging)


def _previous(target: Path) -> Path:
    return target.with_name(f".{target.name}.previous")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM (they arrive once the block is done)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _DEFERRED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


@contextlib.contextmanager
def _locked(parent: Path, where: str) -> Iterator[None]:
    """An exclusive lock on the parent folder for the time of one write."""
    try:
        import fcntl
    except ImportError:  # not on this platform: runs are not serialized
        yield
        return
    descriptor = os.open(parent, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ResultsError(
                        f"cannot write results to {where}: another skyrack run has been "
                        f"writing beside it for {LOCK_TIMEOUT_S:.0f} s"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)


# --- recovery -----------------------------------------------------------------------------------


def _recover(target: Path) -> list[str]:
    """Restore or remove what an interrupted run left beside ``target``; say what was done."""
    notes = []
    previous = _previous(target)
    if previous.is_dir() and _marker_files(previous) is None and _remove_if_empty(previous):
        notes.append(f"removed {previous.name}, left empty by an interrupted run")
    elif previous.is_dir() and _marker_files(previous) is not None:
        if not target.exists():
            os.rename(previous, target)
            notes.append(
                f"restored {printable(str(target))} from {previous.name}, left by an "
                "interrupted run"
            )
        elif _remove_owned(previous):
            notes.append(f"removed {previous.name}, the old results of an interrupted run")
    prefix = f".{target.name}.staging-"
    for leftover in sorted(target.parent.iterdir()):
        if not leftover.name.startswith(prefix) or not leftover.is_dir():
            continue
        marker = _marker(leftover)
        if marker is None:
            removed = _remove_if_empty(leftover)
        elif not marker["complete"]:  # a staging folder never published: all of it skyrack's
            shutil.rmtree(leftover, ignore_errors=True)
            removed = not leftover.exists()
        else:
            removed = _remove_owned(leftover)
        if removed:
            notes.append(f"removed {printable(leftover.name)}, left by an interrupted run")
    return notes
