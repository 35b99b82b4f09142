"""Running a search: real Optuna studies on a real storage, resumable, shared by workers.

One worker is a loop of Optuna's ask-and-tell interface: ask a batch (one trial for TPE, a
generation for the population samplers), evaluate it in one :func:`evaluate_assignments` call
(and, for a study with ``[simulation]``, fly each feasible design's ensemble, reporting each
replication so that a pruner may stop it), tell every result. Several workers (processes here,
or ``skyrack optimize`` on other machines with the same storage) share one study.

**Counting.** ``n_trials`` is the study's total of finished (complete or pruned) trials, across
runs and workers, as Optuna's ``MaxTrialsCallback`` counts them. Trials are numbered in the
order the storage created them, so a worker that asks trial *k* while *n_trials* unfailed trials
numbered below *k* already exist knows that *k* is one too many: it fails it unevaluated, marked
``surplus``. Workers therefore never run more than ``n_trials`` between them, and one that
finds every slot taken waits for the others' trials to finish, or to go stale (heartbeat) and
be retried, so a rerun after a crash reaches the total.
"""

from __future__ import annotations

import bisect
import math
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import optuna
from optuna.distributions import (
    BaseDistribution,
    CategoricalDistribution,
    FloatDistribution,
    IntDistribution,
)
from optuna.exceptions import UpdateFinishedTrialError
from optuna.storages import BaseStorage, fail_stale_trials
from optuna.trial import FrozenTrial, Trial, TrialState

from skyrack.components import MAX_SEED
from skyrack.design import Design
from skyrack.errors import SkyrackError
from skyrack.optimize.evaluate import Assignment, Evaluation, evaluate_assignments
from skyrack.optimize.sampler import batch_size, grid_size, make_sampler
from skyrack.optimize.section import Dimension, OptimizeSection
from skyrack.optimize.storage import (
    JOURNAL_FILE,
    Heartbeats,
    gathered,
    open_storage,
    redact,
    released,
)
from skyrack.parameters import design_parameters
from skyrack.study import Study

FINISHED = (TrialState.COMPLETE, TrialState.PRUNED)
NOTE_KEY = "skyrack_note"
SURPLUS = "surplus: the study already had n_trials when this trial was asked; not evaluated"
INTERRUPTED = "interrupted (Ctrl-C) while it was evaluated"
POLL_S = 0.2


def results_folder(study: Study) -> Path:
    """``results/<study name>-optimize``: the search's folder (the journal lives there)."""
    return Path("results") / f"{study.info.name}-optimize"


def _section(study: Study) -> OptimizeSection:
    if study.optimize is None:
        raise SkyrackError("the study has no [optimize] section; add one to search its design")
    return study.optimize


def distribution(dimension: Dimension) -> BaseDistribution:
    """The Optuna distribution of one dimension."""
    if dimension.kind == "categorical":
        return CategoricalDistribution(dimension.choices)
    assert dimension.low is not None and dimension.high is not None
    if dimension.kind == "int":
        return IntDistribution(
            int(dimension.low),
            int(dimension.high),
            log=dimension.log,
            step=int(dimension.step or 1),
        )
    return FloatDistribution(dimension.low, dimension.high, log=dimension.log, step=dimension.step)


def suggest(trial: Trial, section: OptimizeSection) -> dict[str, Any]:
    """Ask the trial for a value of each dimension that exists given the others (define-by-run).

    Unconditional dimensions come first, so a condition always reads a value already chosen.
    """
    assignment: dict[str, Any] = {}
    for dimension in sorted(section.space, key=lambda d: bool(d.when)):
        if not dimension.active(assignment):
            continue
        name, low, high = dimension.name, dimension.low, dimension.high
        if dimension.kind == "categorical":
            value: Any = trial.suggest_categorical(name, dimension.choices)
        elif dimension.kind == "int":
            assert low is not None and high is not None
            step = int(dimension.step or 1)
            value = trial.suggest_int(name, int(low), int(high), step=step, log=dimension.log)
        else:
            assert low is not None and high is not None
            value = trial.suggest_float(name, low, high, step=dimension.step, log=dimension.log)
        assignment[name] = value
    return assignment


@attrs.frozen(kw_only=True)
class Target:
    """Where a search runs and how far: the storage, the study name, the trial total."""

    storage: str
    study_name: str
    n_trials: int
    heartbeats: Heartbeats
    timeout_s: float | None = None
    seed: int | None = None

    @property
    def label(self) -> str:
        """The storage as it may be printed (no password)."""
        return redact(self.storage)


def target_for(
    study: Study,
    *,
    storage: str | None = None,
    study_name: str | None = None,
    n_trials: int | None = None,
    timeout_s: float | None = None,
    seed: int | None = None,
) -> Target:
    """The search's target: arguments first, then the study's [optimize] settings."""
    settings = _section(study).settings
    total = n_trials or settings.n_trials
    if settings.sampler == "grid":
        total = min(total, grid_size(_section(study)))
    chosen_seed = seed if seed is not None else settings.seed
    return Target(
        storage=storage or settings.storage or str(results_folder(study) / JOURNAL_FILE),
        study_name=study_name or settings.study_name or study.info.name,
        n_trials=total,
        timeout_s=timeout_s if timeout_s is not None else settings.timeout_s,
        seed=chosen_seed if chosen_seed is not None else study.info.seed,
        heartbeats=Heartbeats(
            interval_s=settings.heartbeat_interval_s,
            grace_period_s=settings.grace_period_s,
            max_retries=settings.max_retries,
        ),
    )


def open_study(
    study: Study,
    target: Target,
    *,
    sampler: optuna.samplers.BaseSampler | None = None,
    create: bool = True,
) -> tuple[optuna.Study, BaseStorage]:
    """The Optuna study of a skyrack study on the target's storage, created on first use.

    A stored study with other objectives is refused (nothing is written): pass another study
    name, or use another storage.
    """
    section = _section(study)
    storage = open_storage(target.storage, target.heartbeats, create=create)
    labels = [objective.label for objective in section.objectives]
    directions = [objective.direction for objective in section.objectives]
    study_directions = [optuna.study.StudyDirection[d.upper()] for d in directions]
    existing = {s.study_name: s for s in storage.get_all_studies()}
    stored = existing.get(target.study_name)
    if stored is not None:
        stored_directions = [d.name.lower() for d in stored.directions]
        stored_labels = stored.system_attrs.get("study:metric_names", labels)
        if stored_directions != directions or list(stored_labels) != labels:
            raise SkyrackError(
                f"the storage {target.label} already holds a study {target.study_name!r} with "
                f"objectives {list(stored_labels)} ({', '.join(stored_directions)}); this study "
                f"asks for {labels}: give another study name (--study-name) or storage"
            )
        return optuna.load_study(
            study_name=target.study_name,
            storage=storage,
            sampler=sampler,
            pruner=make_pruner(study),
        ), storage
    if not create:
        raise SkyrackError(f"the storage {target.label} holds no study {target.study_name!r}")
    created = optuna.create_study(
        study_name=target.study_name,
        storage=storage,
        sampler=sampler,
        pruner=make_pruner(study),
        directions=study_directions,
        load_if_exists=True,
    )
    created.set_metric_names(labels)
    created.set_user_attr("skyrack_study", study.info.name)
    created.set_user_attr("skyrack_sampler", section.settings.sampler)
    if study.path is not None:
        created.set_user_attr("skyrack_study_file", str(study.path))
    start = starting_point(section, study.design)
    if start and section.settings.sampler != "grid" and not created.trials:
        created.enqueue_trial(start)
    return created, storage


def starting_point(section: OptimizeSection, design: Design) -> dict[str, Any]:
    """The study's own design, as far as the space holds it: its components and numbers for
    the dimensions whose range or choices contain them (the search's first trial, so that it
    never ends worse than the design it started from)."""
    numbers = design_parameters(design)
    components = {kind: component.name for kind, component in design.components().items()}
    start: dict[str, Any] = {}
    for dimension in sorted(section.space, key=lambda d: bool(d.when)):
        if not dimension.active(start):
            continue
        if dimension.target == "component":
            value: Any = components[dimension.name]
        elif dimension.target == "parameter":
            value = numbers[dimension.name]
            if dimension.kind == "int":
                value = round(value)
            elif dimension.kind == "categorical" and isinstance(dimension.choices[0], bool):
                value = bool(value)
        else:
            continue  # a plugin's search dimension has no value in the design
        if dimension.kind == "categorical":
            if value in dimension.choices:
                start[dimension.name] = value
            continue
        assert dimension.low is not None and dimension.high is not None
        steps = 0.0 if dimension.step is None else (value - dimension.low) / dimension.step
        if dimension.low <= value <= dimension.high and math.isclose(steps, round(steps)):
            start[dimension.name] = value
    return start


class _Heartbeat:
    """A worker's heartbeats: :meth:`watch` records one now for the trials it starts to
    evaluate, and a thread records one for them every interval while the ``with`` block runs
    (one thread for the worker's life, not one a trial)."""

    def __init__(self, storage: BaseStorage) -> None:
        self._storage = storage
        self._ids: list[int] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._interval = getattr(storage, "get_heartbeat_interval", lambda: None)()
        self._thread: threading.Thread | None = None

    @property
    def enabled(self) -> bool:
        """True when the storage records heartbeats (so that stale trials can be failed)."""
        return self._interval is not None

    def watch(self, trial_ids: Sequence[int]) -> None:
        """Beat for these trials from now on (none: stop beating for the last ones, waiting for
        a beat in flight, so that no beat reaches a trial once it is told)."""
        with self._lock:
            self._ids = list(trial_ids)
            self._beat()

    def _beat(self) -> None:
        if self._interval is not None:
            for trial_id in list(self._ids):
                try:
                    self._storage.record_heartbeat(trial_id)  # type: ignore[attr-defined]
                except UpdateFinishedTrialError:
                    if _state(self._storage, trial_id).is_finished():  # finished elsewhere
                        self._ids.remove(trial_id)

    def __enter__(self) -> _Heartbeat:
        if self._interval is not None:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        assert self._interval is not None
        while not self._stop.wait(self._interval):
            with self._lock:
                self._beat()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def _fail_stale(study: optuna.Study) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
        fail_stale_trials(study)


@attrs.frozen
class Progress:
    """Where a search stands: trials finished of the total, and the best values so far."""

    finished: int
    total: int
    best: tuple[float, ...] | None


def progress_of(study: optuna.Study, total: int) -> Progress:
    """Count finished trials and read the best feasible value (first objective's Pareto best)."""
    trials = study.get_trials(deepcopy=False, states=FINISHED)
    feasible = [
        t
        for t in trials
        if t.state == TrialState.COMPLETE and all(v <= 0 for v in t.constraints.values())
    ]
    best = None
    if feasible:
        signs = [
            1.0 if d == optuna.study.StudyDirection.MINIMIZE else -1.0 for d in study.directions
        ]
        best = min((t.values for t in feasible), key=lambda v: signs[0] * v[0])
        best = tuple(best)
    return Progress(finished=len(trials), total=total, best=best)


def _state(storage: BaseStorage, trial_id: int) -> TrialState:
    """The trial's stored state. On a journal, each write of this worker that reached a trial
    another worker had already finished raises once, as it is read back: read on past them."""
    while True:
        try:
            return storage.get_trial(trial_id).state
        except UpdateFinishedTrialError:
            continue  # the journal has read one more line: this ends


def _finished_elsewhere(study: optuna.Study, trial: Trial) -> bool:
    """True when the trial is no longer this worker's to tell: another worker failed it as
    stale (its heartbeat came late; Optuna queued a retry, which counts instead) or finished it
    (a storage without row locks that let two workers take the same queued trial)."""
    return _state(study._storage, trial._trial_id).is_finished()


def _told(study: optuna.Study, trial: Trial, tell: Callable[[], None]) -> bool:
    """Run ``tell`` (the trial's attribute writes and state change); False when another
    worker had finished the trial before (nothing written) or finishes it meanwhile (what was
    written is refused by the storage, or ignored when a journal is read back)."""
    if _finished_elsewhere(study, trial):
        return False
    try:
        tell()
    except (UpdateFinishedTrialError, ValueError):  # ValueError: "Cannot tell a FAIL trial"
        if _finished_elsewhere(study, trial):
            return False
        raise
    return True


def _tell(study: optuna.Study, trial: Trial, evaluation: Evaluation) -> bool:
    """Tell one evaluation; False when another worker had already finished the trial."""

    def tell() -> None:
        if evaluation.error is not None:
            trial.set_user_attr(NOTE_KEY, evaluation.error)
            study.tell(trial, state=TrialState.FAIL)
            return
        for key, value in evaluation.constraints.items():
            trial.set_constraint(key, value)
        for key, value in evaluation.outputs.items():  # user attributes: the dashboard lists them
            trial.set_user_attr(key, value)
        if evaluation.pruned:
            study.tell(trial, state=TrialState.PRUNED)
        else:
            study.tell(trial, list(evaluation.values))

    return _told(study, trial, tell)


def _fail(study: optuna.Study, trial: Trial, note: str) -> None:
    """Fail a trial with a note, unless another worker already finished it."""

    def tell() -> None:
        trial.set_user_attr(NOTE_KEY, note)
        study.tell(trial, state=TrialState.FAIL)

    _told(study, trial, tell)


def _interrupted(study: optuna.Study, trials: Sequence[Trial]) -> None:
    """Fail the trials a Ctrl-C stopped (a rerun asks new ones, instead of waiting for their
    heartbeats to go stale)."""
    for trial in trials:
        _fail(study, trial, INTERRUPTED)


def make_pruner(study: Study) -> optuna.pruners.BasePruner:
    """The median rule for one objective on the fleet simulation (after 5 complete trials,
    from a trial's second replication on), else none: an analytic trial has nothing to prune."""
    section = _section(study)
    if study.simulation is None or section.multi_objective or section.settings.pruner == "none":
        return optuna.pruners.NopPruner()
    return optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=1)


def _reporter(trial: Trial) -> Callable[[int, float], bool]:
    """Report a running value to Optuna; True when the pruner says to stop."""

    def report(step: int, value: float) -> bool:
        trial.report(value, step)
        return trial.should_prune()

    return report


def evaluate_trials(
    study: Study, trials: Sequence[Trial], assignments: Sequence[dict[str, Any]]
) -> list[Evaluation]:
    """The analytic evaluation of a batch, then, for a study with [simulation], each feasible
    design flown (:mod:`skyrack.optimize.simulated`)."""
    section = _section(study)
    results = evaluate_assignments(section, study.design, assignments)
    if study.simulation is None:
        return results
    from skyrack.optimize.simulated import fly

    flown = []
    for trial, assignment, result in zip(trials, assignments, results, strict=True):
        report = None if section.multi_objective else _reporter(trial)  # Optuna prunes one
        flown.append(fly(study, assignment, result, report))
    return flown


def run_worker(
    study: Study,
    target: Target,
    *,
    worker: int = 0,
    on_progress: Callable[[Progress], None] | None = None,
) -> int:
    """Run one worker until the study has ``n_trials`` finished trials (or the timeout).

    Returns how many trials this worker evaluated.
    """
    section = _section(study)
    seed = None if target.seed is None else (target.seed + worker) % (MAX_SEED + 1)
    sampler = make_sampler(section, seed)
    optuna_study, storage = open_study(study, target, sampler=sampler)
    # Flown designs gain nothing from a batch (each is flown on its own): one trial at a time
    # lets the workers share a generation.
    size = 1 if study.simulation is not None else batch_size(section, sampler)
    deadline = None if target.timeout_s is None else time.monotonic() + target.timeout_s
    evaluated = 0
    with released(storage), _Heartbeat(storage) as beats:
        while deadline is None or time.monotonic() < deadline:
            if beats.enabled:
                _fail_stale(optuna_study)
            trials = optuna_study.get_trials(deepcopy=False)
            finished = sum(t.state in FINISHED for t in trials)
            if finished >= target.n_trials:
                break
            waiting = sum(t.state == TrialState.WAITING for t in trials)
            running = sum(t.state == TrialState.RUNNING for t in trials)
            free = target.n_trials - finished - running - waiting
            if free <= 0 and waiting == 0:
                if not beats.enabled:
                    break  # nothing would ever fail a dead worker's trial: do not wait for it
                time.sleep(POLL_S)  # the others' trials finish, or go stale and come back
                continue
            asked = [optuna_study.ask() for _ in range(min(size, max(free, 0) + waiting))]
            with gathered(storage):  # on a journal: first heartbeat and parameters in one write
                claimed = _claim(optuna_study, asked, target.n_trials)
                beats.watch([t._trial_id for t in claimed])
                assignments = [suggest(trial, section) for trial in claimed]
            try:
                results = evaluate_trials(study, claimed, assignments)
            except KeyboardInterrupt:
                _interrupted(optuna_study, claimed)
                raise
            beats.watch([])
            with gathered(storage):  # each trial's constraints written with its values
                told = [
                    _tell(optuna_study, trial, evaluation)
                    for trial, evaluation in zip(claimed, results, strict=True)
                ]
            evaluated += sum(told)  # a trial another worker finished is not counted twice
            if on_progress is not None:
                on_progress(progress_of(optuna_study, target.n_trials))
    return evaluated


def _claim(study: optuna.Study, asked: list[Trial], n_trials: int) -> list[Trial]:
    """The asked trials that fit within ``n_trials``; the others are failed as surplus."""
    unfailed = sorted(
        t.number for t in study.get_trials(deepcopy=False) if t.state != TrialState.FAIL
    )
    claimed = []
    for trial in asked:
        if bisect.bisect_left(unfailed, trial.number) < n_trials:
            claimed.append(trial)
            continue
        _fail(study, trial, SURPLUS)
    return claimed


def _worker_main(path: str, target: Target, worker: int) -> int:
    from skyrack.study import load_study

    with quiet_optuna():
        return run_worker(load_study(path), target, worker=worker)


@attrs.frozen(kw_only=True)
class OptimizeOutcome:
    """What a search did and where its trials are."""

    study: optuna.Study
    target: Target
    evaluated: int
    """Trials evaluated by this run (all workers)."""


@contextmanager
def quiet_optuna() -> Iterator[None]:
    """Optuna without its per-trial log lines and its warnings about experimental features,
    heartbeats outside ``Study.optimize`` and independent sampling, which skyrack handles."""
    level = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", optuna.exceptions.ExperimentalWarning)
            warnings.filterwarnings("ignore", message="Heartbeat of storage")
            warnings.filterwarnings("ignore", message=".*independent", category=UserWarning)
            warnings.filterwarnings("ignore", message=".*deprecated", category=FutureWarning)
            # CMA-ES samples without the constraints; the best trials still honour them.
            warnings.filterwarnings("ignore", message="Constraints have been set, but")
            yield
    finally:
        optuna.logging.set_verbosity(level)


def optimize(
    study: Study,
    *,
    storage: str | None = None,
    study_name: str | None = None,
    n_trials: int | None = None,
    timeout_s: float | None = None,
    seed: int | None = None,
    workers: int = 1,
    on_progress: Callable[[Progress], None] | None = None,
) -> OptimizeOutcome:
    """Search the study's [optimize] space until its study holds ``n_trials`` finished trials.

    Runs in this process with ``workers=1``; with more, starts that many worker processes on
    the same storage (the study must come from a file, which each worker reads) and reports
    progress by reading the storage. Rerun it to resume: completed trials are kept.
    """
    target = target_for(
        study,
        storage=storage,
        study_name=study_name,
        n_trials=n_trials,
        timeout_s=timeout_s,
        seed=seed,
    )
    if workers < 1:
        raise SkyrackError(f"workers must be at least 1, got {workers}")
    with quiet_optuna():
        optuna_study, opened = open_study(study, target)
        with released(opened):
            if workers == 1:
                evaluated = run_worker(study, target, on_progress=on_progress)
            else:
                evaluated = _run_workers(study, target, workers, optuna_study, on_progress)
        optuna_study, _ = open_study(study, target, create=False)
    return OptimizeOutcome(study=optuna_study, target=target, evaluated=evaluated)


def _run_workers(
    study: Study,
    target: Target,
    workers: int,
    optuna_study: optuna.Study,
    on_progress: Callable[[Progress], None] | None,
) -> int:
    if study.path is None:
        raise SkyrackError("several workers need a study read from a file (each worker reads it)")
    context = multiprocessing.get_context("spawn")
    path = str(Path(study.path).resolve())
    with context.Pool(workers) as pool:
        jobs = [pool.apply_async(_worker_main, (path, target, i)) for i in range(workers)]
        while not all(job.ready() for job in jobs):
            if on_progress is not None:
                on_progress(progress_of(optuna_study, target.n_trials))
            time.sleep(POLL_S * 2)
        counts = [job.get() for job in jobs]
    if on_progress is not None:
        on_progress(progress_of(optuna_study, target.n_trials))
    return sum(counts)


def cpu_count() -> int:
    """Cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def assignment_of(trial: FrozenTrial) -> Assignment:
    """A finished trial's chosen values."""
    return dict(trial.params)
