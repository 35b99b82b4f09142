"""``skyrack dashboard``: optuna-dashboard on a search's storage, on this machine by default."""

from __future__ import annotations

import copy
from collections.abc import Callable, Container
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from optuna.storages import BaseStorage
from optuna.trial import FrozenTrial, TrialState

from skyrack.optimize.run import open_study, quiet_optuna, target_for
from skyrack.study import Study

LISTED_CONSTRAINTS_KEY = "constraints"
"""Where Optuna 4 kept a trial's constraints (a list), the only place optuna-dashboard 0.21
looks; Optuna 5 keeps each under its own name (``constraints:<name>``)."""


class _QuietHandler(WSGIRequestHandler):
    """No access log line per request on the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        return


def _listed(trial: FrozenTrial) -> FrozenTrial:
    constraints = trial.constraints
    if not constraints or LISTED_CONSTRAINTS_KEY in trial.system_attrs:
        return trial
    listed = copy.copy(trial)
    listed.system_attrs = {
        **trial.system_attrs,
        LISTED_CONSTRAINTS_KEY: list(constraints.values()),
    }
    return listed


def with_listed_constraints(storage: BaseStorage) -> BaseStorage:
    """``storage`` as optuna-dashboard reads it: every trial's constraints also as a list.

    Without them the dashboard takes every trial for feasible: its Pareto front plot marks
    designs that break a budget as best, and no trial shows its constraints. Only this storage
    object reads differently; nothing is written.
    """
    read = storage.get_all_trials

    def get_all_trials(
        study_id: int, deepcopy: bool = True, states: Container[TrialState] | None = None
    ) -> list[FrozenTrial]:
        return [_listed(t) for t in read(study_id, deepcopy=deepcopy, states=states)]

    storage.get_all_trials = get_all_trials  # type: ignore[method-assign]
    return storage


def make_dashboard(
    study: Study, *, storage: str | None = None, host: str = "127.0.0.1", port: int = 8080
) -> WSGIServer:
    """An optuna-dashboard server on the study's search storage, bound but not yet serving.

    ``port=0`` takes any free port (``server.server_port`` says which). The storage must already
    hold the search (run ``skyrack optimize`` first); nothing is written to it.
    """
    from optuna_dashboard import wsgi

    target = target_for(study, storage=storage)
    with quiet_optuna():
        _, opened = open_study(study, target, create=False)
    return make_server(
        host, port, wsgi(with_listed_constraints(opened)), handler_class=_QuietHandler
    )


def serve(
    study: Study,
    *,
    storage: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8080,
    echo: Callable[[str], None] = print,
) -> None:
    """Serve the dashboard until interrupted (Ctrl-C)."""
    server = make_dashboard(study, storage=storage, host=host, port=port)
    target = target_for(study, storage=storage)
    shown = f"[{host}]" if ":" in host else host
    echo(
        f"optuna-dashboard for {target.study_name!r} ({target.label}) at "
        f"http://{shown}:{server.server_port}/dashboard/ (Ctrl-C stops it)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
