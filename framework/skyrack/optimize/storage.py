"""Where a search keeps its trials: an Optuna storage, opened from a path or a URL.

* no storage given: a journal file (``optuna.journal``) in the search's results folder, with no
  server (Optuna's :class:`~optuna.storages.JournalStorage`);
* a path (``runs/x.journal``): that journal file;
* a URL (``sqlite:///x.db``, ``postgresql://user:password@host/db``): Optuna's
  :class:`~optuna.storages.RDBStorage`. PostgreSQL serves workers on several machines.

**Heartbeats.** A worker that dies mid-trial (``kill -9``, a lost machine) leaves its trial
RUNNING. Optuna 5's ``RDBStorage`` records a heartbeat per running trial and fails the trials
whose heartbeat is older than the grace period; its ``JournalStorage`` has no heartbeat.
:class:`HeartbeatJournalStorage` adds one through Optuna's own extension point
(:class:`optuna.storages._heartbeat.BaseHeartbeat`): the heartbeat is a trial system attribute
(one journal line per heartbeat), so Optuna's ``fail_stale_trials`` and
:class:`~optuna.storages.RetryHeartbeatStaleTrialCallback` work on both kinds of storage.

**Fewer writes.** A journal file locks, appends and syncs to disk once per operation, so a trial
with seven parameters and nine constraints would cost nineteen disk syncs. :class:`GatheringBackend`
lets a worker gather a trial's attribute writes and append them with its next state change: the
trial is created (one sync), its first heartbeat and parameters are written before it is
evaluated (one), its constraints with its values (one). Same journal lines, a sixth of the syncs.

A URL's password never appears in a message: :func:`redact` replaces it with ``***`` and
:func:`scrub` removes it from any text (a driver's error message, say).
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import attrs
import optuna
import sqlalchemy
from optuna.storages import BaseStorage, JournalStorage, RDBStorage
from optuna.storages import RetryHeartbeatStaleTrialCallback as RetryCallback
from optuna.storages._heartbeat import BaseHeartbeat
from optuna.storages.journal import BaseJournalBackend, JournalFileBackend
from optuna.storages.journal._storage import JournalOperation
from optuna.trial import FrozenTrial, TrialState

from skyrack.errors import SkyrackError

JOURNAL_FILE = "optuna.journal"
HEARTBEAT_KEY = "skyrack:heartbeat"
CONNECT_TIMEOUT_S = 10
GRACE_HEARTBEATS = 5
"""The default grace period, in heartbeat intervals."""


def is_url(storage: str) -> bool:
    """True for a database URL (``scheme://...``), False for a journal file path."""
    return "://" in storage


def _password(storage: str) -> str | None:
    if not is_url(storage):
        return None
    try:
        return urllib.parse.urlsplit(storage).password
    except ValueError:
        return None


def redact(storage: str) -> str:
    """The storage with any password replaced by ``***`` (safe to print, log or write)."""
    password = _password(storage)
    if not password:
        return storage
    parts = urllib.parse.urlsplit(storage)
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def scrub(text: str, storage: str) -> str:
    """``text`` with the storage's password (plain or URL-encoded) and full URL redacted."""
    text = text.replace(storage, redact(storage))
    password = _password(storage)
    if password:
        plain = urllib.parse.unquote(password)
        forms = {password, plain, urllib.parse.quote(plain), urllib.parse.quote_plus(plain)}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
    return text


@attrs.frozen(kw_only=True)
class Heartbeats:
    """How workers show they are alive, and what becomes of a dead worker's trial."""

    interval_s: int = 60
    grace_period_s: int | None = None
    """Seconds without a heartbeat after which a running trial is failed (default
    :data:`GRACE_HEARTBEATS` × interval: a worker slowed by a loaded machine may miss a beat
    or two; failing its trial then has another worker evaluate it again)."""
    max_retries: int = 3
    """How many times a failed-by-heartbeat trial is queued again with the same parameters."""

    @property
    def grace_s(self) -> int:
        """The grace period in effect."""
        return self.grace_period_s or GRACE_HEARTBEATS * self.interval_s


GATHERED = frozenset(
    {
        JournalOperation.SET_TRIAL_PARAM,
        JournalOperation.SET_TRIAL_INTERMEDIATE_VALUE,
        JournalOperation.SET_TRIAL_USER_ATTR,
        JournalOperation.SET_TRIAL_SYSTEM_ATTR,
    }
)
"""Journal operations a worker may gather: writes to a trial that the storage never reads back
to decide anything. A new trial or a state change is written at once, after what was gathered."""


class GatheringBackend(BaseJournalBackend):
    """A journal file whose appends one thread may gather and write at once.

    Inside :meth:`gathered`, the calling thread's attribute writes (:data:`GATHERED`) wait in
    memory; they are written in one append with the thread's next other write (the trial's
    state change, say) or when the block ends, even when it raises. Other threads (a heartbeat)
    write as they go. Gather only around code that does not read back what it gathers: a
    trial's parameters, constraints, notes and first heartbeat.
    """

    def __init__(self, backend: JournalFileBackend) -> None:
        self._backend = backend
        self._local = threading.local()

    def __getstate__(self) -> dict[str, Any]:
        return {"_backend": self._backend}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._backend = state["_backend"]
        self._local = threading.local()

    def read_logs(self, log_number_from: int) -> Iterable[dict[str, Any]]:
        """The journal's lines from ``log_number_from`` on."""
        return self._backend.read_logs(log_number_from)

    def append_logs(self, logs: list[dict[str, Any]]) -> None:
        """Append now, or, inside :meth:`gathered` on this thread, gather attribute writes."""
        pending: list[dict[str, Any]] | None = getattr(self._local, "pending", None)
        if pending is None:
            self._backend.append_logs(logs)
        elif all(log["op_code"] in GATHERED for log in logs):
            pending.extend(logs)
        else:
            self._backend.append_logs([*pending, *logs])
            pending.clear()

    @contextmanager
    def gathered(self) -> Iterator[None]:
        """Gather this thread's attribute writes; write what is left at the end."""
        self._local.pending = []
        try:
            yield
        finally:
            pending, self._local.pending = self._local.pending, None
            if pending:
                self._backend.append_logs(pending)


def gathered(storage: BaseStorage) -> contextlib.AbstractContextManager[None]:
    """Gather a journal storage's writes from this thread into one append (a database writes
    each as it comes)."""
    if isinstance(storage, HeartbeatJournalStorage):
        return storage.backend.gathered()
    return nullcontext()


class HeartbeatJournalStorage(JournalStorage, BaseHeartbeat):
    """A journal storage with heartbeats, so stale trials fail as they do on a database."""

    def __init__(
        self,
        backend: GatheringBackend,
        heartbeats: Heartbeats,
        stale_trial_callback: Callable[[optuna.Study, FrozenTrial], None] | None,
    ) -> None:
        super().__init__(backend)
        self.backend = backend
        self._heartbeats = heartbeats
        self._stale_trial_callback = stale_trial_callback

    def __getstate__(self) -> dict[Any, Any]:
        return {
            **super().__getstate__(),
            "backend": self.backend,
            "_heartbeats": self._heartbeats,
            "_stale_trial_callback": self._stale_trial_callback,
        }

    def record_heartbeat(self, trial_id: int) -> None:
        """Write the time (seconds since the epoch) as the trial's heartbeat."""
        self.set_trial_system_attr(trial_id, HEARTBEAT_KEY, time.time())

    def _get_stale_trial_ids(self, study_id: int) -> list[int]:
        now = time.time()
        stale = []
        for trial in self.get_all_trials(study_id, deepcopy=False, states=(TrialState.RUNNING,)):
            beat = trial.system_attrs.get(HEARTBEAT_KEY)
            if beat is not None and now - float(beat) > self._heartbeats.grace_s:
                stale.append(trial._trial_id)
        return stale

    def get_heartbeat_interval(self) -> int | None:
        """Seconds between two heartbeats of a running trial."""
        return self._heartbeats.interval_s

    def get_heartbeat_stale_trial_callback(
        self,
    ) -> Callable[[optuna.Study, FrozenTrial], None] | None:
        """What runs on each trial failed for a stale heartbeat: queue it again."""
        return self._stale_trial_callback


def _retry(heartbeats: Heartbeats) -> RetryCallback:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        return RetryCallback(max_retry=heartbeats.max_retries)


def _lock_on_begin(engine: sqlalchemy.engine.Engine) -> None:
    """Begin each SQLite transaction with the database's write lock (``BEGIN IMMEDIATE``).

    SQLite has no row lock (Optuna's ``SELECT … FOR UPDATE`` is dropped), and Python's driver
    begins a transaction only at its first write, so two workers could both read a queued
    trial as waiting and both take it: four workers asking at once took the study's queued
    first trial twice in about half of the tries. Taking the lock first makes that read and
    write one step; SQLite allows one writer at a time anyway.
    """

    @sqlalchemy.event.listens_for(engine, "connect")
    def _no_implicit_begin(connection: Any, record: Any) -> None:
        connection.isolation_level = None  # the driver leaves BEGIN to the "begin" event

    @sqlalchemy.event.listens_for(engine, "begin")
    def _begin_immediate(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    engine.dispose()  # connections opened before the events existed would begin lazily


def _check_journal(path: Path) -> None:
    """Refuse a file that is not an Optuna journal, before anything is written to it."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as stream:
        first = stream.readline(1 << 20)
    try:
        entry = json.loads(first)
    except ValueError:
        entry = None
    if not isinstance(entry, dict) or "op_code" not in entry:
        raise SkyrackError(
            f"{path} is not an Optuna journal (its first line is not a journal entry); give "
            "the path of a new or existing journal, or a database URL"
        )


def release(storage: BaseStorage) -> None:
    """Close a database storage's pooled connections (a journal holds none).

    The storage stays usable: a database opens new connections on demand.
    """
    if isinstance(storage, RDBStorage):
        storage.engine.dispose()


@contextmanager
def released(storage: BaseStorage) -> Iterator[BaseStorage]:
    """Use a storage, then :func:`release` it."""
    try:
        yield storage
    finally:
        release(storage)


def open_storage(storage: str, heartbeats: Heartbeats, *, create: bool = True) -> BaseStorage:
    """Open (creating if needed, unless ``create`` is false) the storage at a path or URL, with
    heartbeats on.

    Any failure is a SkyrackError with the password removed; nothing is written on failure.
    """
    try:
        if not is_url(storage):
            path = Path(storage)
            if not create and not path.is_file():
                raise SkyrackError(
                    f"no search has been run: {path} does not exist (run skyrack optimize first)"
                )
            _check_journal(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            backend = GatheringBackend(JournalFileBackend(str(path)))
            return HeartbeatJournalStorage(backend, heartbeats, _retry(heartbeats))
        connect_args: dict[str, Any] = {}
        if storage.startswith("postgresql"):
            connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
        elif storage.startswith("sqlite"):
            connect_args["timeout"] = 60  # wait for other workers' writes instead of failing
        database = RDBStorage(
            storage,
            engine_kwargs={"connect_args": connect_args},
            heartbeat_interval=heartbeats.interval_s,
            grace_period=heartbeats.grace_s,
            heartbeat_stale_trial_callback=_retry(heartbeats),
        )
        if storage.startswith("sqlite"):
            _lock_on_begin(database.engine)
        return database
    except SkyrackError:
        raise
    except Exception as error:
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise SkyrackError(
            f"cannot open the storage {redact(storage)}: {scrub(message, storage)}"
        ) from None
