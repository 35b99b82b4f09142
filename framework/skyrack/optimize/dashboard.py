"""``skyrack dashboard``: optuna-dashboard on a search's storage, on this machine by default."""

from __future__ import annotations

from collections.abc import Callable
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from skyrack.optimize.run import open_study, quiet_optuna, target_for
from skyrack.study import Study


class _QuietHandler(WSGIRequestHandler):
    """No access log line per request on the terminal."""

    def log_message(self, format: str, *args: object) -> None:
        return


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
    return make_server(host, port, wsgi(opened), handler_class=_QuietHandler)


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
