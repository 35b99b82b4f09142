"""Storages and workers: exact trial totals on journal, SQLite and PostgreSQL, crash recovery,
passwords kept out of every output, and optuna-dashboard serving a study."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import optuna
import pytest
from click.testing import CliRunner

import skyrack
import slow_objective
from optimize_studies import write_study
from skyrack.cli import cli
from skyrack.optimize import optimize
from skyrack.optimize.report import trial_counts
from skyrack.optimize.storage import redact, release, scrub
from skyrack.plugins import temporary_plugin

POSTGRES_VARIABLE = "SKYRACK_TEST_POSTGRES_URL"
TESTS = Path(__file__).parent


def postgres_url() -> str:
    """The CI server's URL (.ci/run starts one); without it: a failure under CI, else a skip."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{POSTGRES_VARIABLE} is not set: .ci/run could not start PostgreSQL")
    pytest.skip(f"no PostgreSQL server ({POSTGRES_VARIABLE} unset; .ci/run starts one)")


def storage_for(kind: str, folder: Path) -> str:
    if kind == "journal":
        return str(folder / "trials.journal")
    if kind == "sqlite":
        return f"sqlite:///{folder / 'trials.db'}"
    return postgres_url()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["journal", "sqlite", "postgresql"])
def test_four_workers_complete_exactly_n_trials(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Four worker processes on one storage finish exactly n_trials, none lost or duplicated."""
    name = f"workers-{kind}-{os.getpid()}-{time.time_ns()}"
    path = write_study(tmp_path, "n_trials = 40\n", name=name)
    outcome = optimize(skyrack.load_study(path), storage=storage_for(kind, tmp_path), workers=4)
    request.addfinalizer(lambda: release(outcome.study._storage))  # its pooled connections
    trials = outcome.study.get_trials(deepcopy=False)
    complete = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    assert len(complete) == 40
    assert outcome.evaluated == 40, "the workers evaluated exactly the total between them"
    assert len({t.number for t in trials}) == len(trials)
    counts = trial_counts(outcome.study)
    assert counts["running"] == counts["waiting"] == counts["failed"] == 0, counts


def _worker_script(path: Path, storage: str) -> str:
    return (
        f"import sys; sys.path.insert(0, {str(TESTS)!r})\n"
        "import skyrack, slow_objective\n"
        "from skyrack.optimize import optimize\n"
        "from skyrack.plugins import temporary_plugin\n"
        "with temporary_plugin(slow_objective, 'slow'):\n"
        f"    optimize(skyrack.load_study({str(path)!r}), storage={storage!r})\n"
    )


@pytest.mark.slow
def test_a_worker_killed_mid_trial_loses_nothing_and_the_rerun_reaches_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 mid-trial, then rerun: completed trials kept, the stale one failed and retried."""
    text = (
        'objectives = ["slow_lcoc"]\nn_trials = 16\nheartbeat_interval_s = 1\ngrace_period_s = 3\n'
    )
    path = write_study(tmp_path, text, name="killed")
    storage = str(tmp_path / "trials.journal")
    flag = tmp_path / "in-trial"
    env = {**os.environ, "SKYRACK_TEST_SLOW_S": "0.3", "SKYRACK_TEST_IN_TRIAL": str(flag)}
    worker = subprocess.Popen([sys.executable, "-c", _worker_script(path, storage)], env=env)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = _complete(storage, "killed")
            if len(done) >= 5 and flag.exists():
                break
            time.sleep(0.05)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    kept = _complete(storage, "killed")
    assert len(kept) >= 5
    with temporary_plugin(slow_objective, "slow"):
        monkeypatch.setenv("SKYRACK_TEST_SLOW_S", "0")
        outcome = optimize(skyrack.load_study(path), storage=storage)
    trials = outcome.study.get_trials(deepcopy=False)
    complete = {t.number: t.values for t in trials if t.state == optuna.trial.TrialState.COMPLETE}
    assert len(complete) == 16
    assert all(complete[number] == values for number, values in kept.items())
    stale = [t for t in trials if t.state == optuna.trial.TrialState.FAIL]
    assert len(stale) == 1, "exactly the trial the kill interrupted is failed"
    retries = [t for t in trials if t.system_attrs.get("failed_trial") == stale[0].number]
    assert [t.state for t in retries] == [optuna.trial.TrialState.COMPLETE]
    assert retries[0].params == stale[0].params


def _complete(storage: str, name: str) -> dict[int, list[float]]:
    from optuna.storages import JournalStorage
    from optuna.storages.journal import JournalFileBackend

    if not Path(storage).exists():
        return {}
    try:
        study = optuna.load_study(
            study_name=name, storage=JournalStorage(JournalFileBackend(storage))
        )
    except KeyError:
        return {}
    return {
        t.number: list(t.values)
        for t in study.get_trials(deepcopy=False, states=(optuna.trial.TrialState.COMPLETE,))
    }


def test_redact_and_scrub_hide_the_password() -> None:
    """A URL's password becomes *** in the URL and disappears from any text quoting it."""
    url = "postgresql://alice:s3cr%40t@db.example:5432/trials"
    assert redact(url) == "postgresql://alice:***@db.example:5432/trials"
    assert "s3cr" not in scrub(f"failed for {url}; password s3cr@t s3cr%40t", url)
    assert redact("results/x/optuna.journal") == "results/x/optuna.journal"


def test_an_unreachable_storage_is_one_line_without_its_password(tmp_path: Path) -> None:
    """A database that does not answer: one clear line, the password never printed."""
    path = write_study(tmp_path, "n_trials = 5\n")
    url = "postgresql://alice:hunter2-secret@127.0.0.1:1/none"
    result = CliRunner().invoke(cli, ["optimize", str(path), "--storage", url])
    assert result.exit_code == 1
    message = result.output.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(
        "Error: cannot open the storage postgresql://alice:***@127.0.0.1:1/none"
    )
    assert "hunter2" not in message


@pytest.mark.slow
def test_a_postgres_password_never_reaches_output_or_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Optimizing on PostgreSQL with a password: not in stdout, stderr, logs or results files."""
    url = postgres_url()
    password = (
        optuna.storages.RDBStorage.__module__ and url.split("://", 1)[1].split("@")[0].split(":")[1]
    )
    monkeypatch.chdir(tmp_path)
    path = write_study(tmp_path, "n_trials = 12\n", name=f"secret-{time.time_ns()}")
    env = {**os.environ, "SKYRACK_STORAGE": url, "COLUMNS": "200"}
    completed = subprocess.run(
        [sys.executable, "-m", "skyrack", "optimize", str(path), "--export-best", "best"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert redact(url) in completed.stdout
    for text in (completed.stdout, completed.stderr):
        assert password not in text
    for written in tmp_path.rglob("*"):
        if written.is_file():
            assert password not in written.read_text(encoding="utf-8", errors="replace"), written


@pytest.fixture
def searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A study with 20 trials in its default journal storage."""
    monkeypatch.chdir(tmp_path)
    path = write_study(tmp_path, "n_trials = 20\n", name="served")
    optimize(skyrack.load_study(path))
    yield path


def test_dashboard_api_answers_on_loopback(searched: Path) -> None:
    """optuna-dashboard, started by skyrack on 127.0.0.1 at a free port, lists the study and
    each trial's constraints."""
    from optuna.storages import JournalStorage
    from optuna.storages.journal import JournalFileBackend

    from skyrack.optimize.dashboard import make_dashboard

    server = make_dashboard(skyrack.load_study(searched), port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        base = f"http://127.0.0.1:{server.server_port}"
        with urllib.request.urlopen(f"{base}/api/studies", timeout=30) as response:
            studies = json.load(response)["study_summaries"]
        [study] = [s for s in studies if s["study_name"] == "served"]
        with urllib.request.urlopen(
            f"{base}/api/studies/{study['study_id']}", timeout=30
        ) as response:
            detail = json.load(response)
        assert len(detail["trials"]) == 20
        assert [t["state"] for t in detail["trials"]] == ["Complete"] * 20
        journal = JournalStorage(JournalFileBackend("results/served-optimize/optuna.journal"))
        stored = optuna.load_study(study_name="served", storage=journal)
        for served, trial in zip(detail["trials"], stored.trials, strict=True):
            assert served["constraints"] == list(trial.constraints.values()), (
                "the dashboard sees each trial's constraints, so it can grey out infeasible ones"
            )
        assert any(max(t["constraints"]) > 0 for t in detail["trials"])
    finally:
        server.shutdown()
        server.server_close()


def test_dashboard_without_a_search_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`skyrack dashboard` before any search: one line, and no storage file is created."""
    monkeypatch.chdir(tmp_path)
    path = write_study(tmp_path, "n_trials = 5\n", name="never")
    result = CliRunner().invoke(cli, ["dashboard", str(path)])
    assert result.exit_code == 1
    assert result.output == (
        "Error: no search has been run: results/never-optimize/optuna.journal does not exist "
        "(run skyrack optimize first)\n"
    )
    assert not (tmp_path / "results").exists()


def test_a_journal_trial_takes_three_appends_not_one_per_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TPE trial reaches the journal in three appends (created; heartbeat and 4 parameters;
    10 constraints, 9 outputs and its value), not one per line, and reads back complete."""
    from optuna.storages.journal import JournalFileBackend

    appends: list[int] = []
    original = JournalFileBackend.append_logs

    def counting(self: JournalFileBackend, logs: list[dict[str, object]]) -> None:
        appends.append(len(logs))
        original(self, logs)

    monkeypatch.setattr(JournalFileBackend, "append_logs", counting)
    study = skyrack.load_study(write_study(tmp_path, "n_trials = 10\n"))
    storage = str(tmp_path / "trials.journal")
    optimize(study, storage=storage, n_trials=2)
    before = len(appends)
    outcome = optimize(study, storage=storage)
    added = appends[before:]
    assert added == [1, 1 + 4, 10 + 9 + 1] * 8, "8 trials: created, beat + parameters, the rest"
    for trial in outcome.study.trials:
        assert trial.state == optuna.trial.TrialState.COMPLETE
        assert len(trial.params) == 4 and len(trial.constraints) == 10
        assert "skyrack:heartbeat" in trial.system_attrs


def test_a_file_that_is_not_a_journal_is_refused_and_left_intact(tmp_path: Path) -> None:
    """--storage naming some other file: one line, and the file is not written."""
    path = write_study(tmp_path, "n_trials = 5\n")
    other = tmp_path / "notes.txt"
    other.write_text("my notes\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["optimize", str(path), "--storage", str(other)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: {other} is not an Optuna journal (its first line is not a journal entry); give "
        "the path of a new or existing journal, or a database URL"
    )
    assert other.read_text(encoding="utf-8") == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "opt-test.toml"]


def test_ctrl_c_fails_the_trial_it_interrupted_and_a_rerun_reaches_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A KeyboardInterrupt mid-evaluation: completed trials kept, the interrupted one failed
    (not left running for a heartbeat to expire), and the next run completes the total."""
    import skyrack.optimize.run as run

    path = write_study(tmp_path, "n_trials = 6\n")
    storage = str(tmp_path / "s.journal")
    evaluate = run.evaluate_trials
    calls = {"n": 0}

    def interrupted_third(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return evaluate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "evaluate_trials", interrupted_third)
    with pytest.raises(KeyboardInterrupt):
        optimize(skyrack.load_study(path), storage=storage)
    monkeypatch.setattr(run, "evaluate_trials", evaluate)
    outcome = optimize(skyrack.load_study(path), storage=storage)
    states = [t.state for t in outcome.study.trials]
    assert states[:3] == [
        optuna.trial.TrialState.COMPLETE,
        optuna.trial.TrialState.COMPLETE,
        optuna.trial.TrialState.FAIL,
    ]
    assert outcome.study.trials[2].user_attrs[run.NOTE_KEY] == run.INTERRUPTED
    assert trial_counts(outcome.study)["complete"] == 6
    assert trial_counts(outcome.study)["running"] == 0


def _fail_as_stale(other: optuna.Study, trial_id: int) -> None:
    """What another worker's fail_stale_trials does to a late trial: fail it, queue a retry."""
    from optuna.storages import RetryHeartbeatStaleTrialCallback

    other._storage.set_trial_state_values(trial_id, optuna.trial.TrialState.FAIL)
    with pytest.warns(optuna.exceptions.ExperimentalWarning):
        retry = RetryHeartbeatStaleTrialCallback(max_retry=3)
    retry(other, other._storage.get_trial(trial_id))


def _finish_too(other: optuna.Study, trial_id: int) -> None:
    """What a second SQLite worker that popped the same queued trial does: tell it first."""
    number = other._storage.get_trial(trial_id).number
    other.tell(number, [1.0])


@pytest.mark.parametrize("kind", ["journal", "sqlite"])
@pytest.mark.parametrize("finish", [_fail_as_stale, _finish_too], ids=["stale", "told-twice"])
def test_a_trial_another_worker_finished_mid_evaluation_is_discarded_and_the_total_stays_exact(
    kind: str, finish: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trial failed as stale (or told) by another worker while this one evaluates it is
    dropped without an error or a second count, and the search still ends at n_trials."""
    import skyrack.optimize.run as run
    from skyrack.optimize.storage import Heartbeats, open_storage

    path = write_study(tmp_path, "n_trials = 5\n", name="raced")
    storage = storage_for(kind, tmp_path)
    evaluate = run.evaluate_trials
    raced: list[int] = []

    def finished_elsewhere_on_the_third(study: object, trials: list, assignments: list) -> object:  # type: ignore[type-arg]
        results = evaluate(study, trials, assignments)  # type: ignore[arg-type]
        if len(raced) == 0 and trials[0].number == 2:
            other = optuna.load_study(
                study_name="raced", storage=open_storage(storage, Heartbeats())
            )
            finish(other, trials[0]._trial_id)  # type: ignore[operator]
            raced.append(trials[0].number)
        return results

    monkeypatch.setattr(run, "evaluate_trials", finished_elsewhere_on_the_third)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "constraint is already set", no other warning
        outcome = optimize(skyrack.load_study(path), storage=storage)
    assert raced == [2]
    counts = trial_counts(outcome.study)
    assert counts["complete"] == 5, counts
    assert counts["running"] == counts["waiting"] == 0, counts
    assert outcome.evaluated == 5 - (finish is _finish_too), "the lost trial is not counted"
    third = outcome.study.trials[2]
    if finish is _fail_as_stale:
        assert third.state == optuna.trial.TrialState.FAIL
        assert not third.constraints, "nothing of the late worker's was written to it"
        retries = [t for t in outcome.study.trials if t.system_attrs.get("failed_trial") == 2]
        assert [t.state for t in retries] == [optuna.trial.TrialState.COMPLETE]
    else:
        assert third.values == [1.0], "the first tell stands"


def test_a_heartbeat_for_a_trial_failed_elsewhere_stops_without_an_error(tmp_path: Path) -> None:
    """On a journal, a worker's heartbeat for a trial another worker failed as stale raises
    nothing and stops beating for that trial; its other trial keeps its heartbeat."""
    from skyrack.optimize.run import _Heartbeat, quiet_optuna
    from skyrack.optimize.storage import HEARTBEAT_KEY, Heartbeats, open_storage

    url = str(tmp_path / "beats.journal")
    with quiet_optuna():
        mine = optuna.create_study(study_name="beats", storage=open_storage(url, Heartbeats()))
        late, alive = mine.ask(), mine.ask()
    other = optuna.load_study(study_name="beats", storage=open_storage(url, Heartbeats()))
    other._storage.set_trial_state_values(late._trial_id, optuna.trial.TrialState.FAIL)
    beats = _Heartbeat(mine._storage)
    beats.watch([late._trial_id, alive._trial_id])
    assert beats._ids == [alive._trial_id]
    mine.tell(alive, [1.0])
    trials = other.get_trials()
    assert [t.state.name for t in trials] == ["FAIL", "COMPLETE"]
    assert HEARTBEAT_KEY not in trials[0].system_attrs and HEARTBEAT_KEY in trials[1].system_attrs


def _ask_after(url: str, barrier: Any, asked: Any) -> None:
    from skyrack.optimize.run import quiet_optuna
    from skyrack.optimize.storage import Heartbeats, open_storage

    with quiet_optuna():
        study = optuna.load_study(study_name="queue", storage=open_storage(url, Heartbeats()))
        barrier.wait()
        asked.put(study.ask().number)


def test_workers_asking_at_once_on_sqlite_take_a_queued_trial_once(tmp_path: Path) -> None:
    """Four processes asking at the same moment take the one queued trial once between them
    (SQLite has no row lock; unlocked, two took it in about half of the tries)."""
    import multiprocessing

    from skyrack.optimize.run import quiet_optuna
    from skyrack.optimize.storage import Heartbeats, open_storage

    context = multiprocessing.get_context("fork")
    for attempt in range(5):
        url = f"sqlite:///{tmp_path / f'queue{attempt}.db'}"
        with quiet_optuna():
            study = optuna.create_study(study_name="queue", storage=open_storage(url, Heartbeats()))
        study.enqueue_trial({"x": 1.0})
        barrier, asked = context.Barrier(4), context.Queue()
        workers = [context.Process(target=_ask_after, args=(url, barrier, asked)) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
        assert sorted(asked.get(timeout=5) for _ in workers) == [0, 1, 2, 3]
