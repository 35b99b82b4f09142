"""Running a study: evaluate its design, build its results document, write its results folder.

``check_study`` does everything ``run_study`` does except writing: the evaluation (with its
feasibility and finiteness checks), the document, and the checks on the results folder. So
``skyrack validate`` passes exactly the studies ``skyrack run`` can run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from skyrack.errors import ModelDomainError, StudyError
from skyrack.evaluation import evaluate
from skyrack.metrics import Metrics
from skyrack.output import results_document, results_files
from skyrack.results import check_target, write_results
from skyrack.study import Study
from skyrack.toml_input import STDIN


@attrs.frozen
class RunOutcome:
    """What a run produced: the metrics, the results document, and where it was written (or
    would be, for a check), with notes on an earlier run's leftovers."""

    metrics: Metrics
    document: dict[str, Any]
    folder: Path
    notes: tuple[str, ...] = ()


def default_results_folder(study: Study) -> Path:
    """results/<study name>, relative to the working directory."""
    return Path("results") / study.info.name


def _label(study: Study) -> str:
    if study.path is None:
        return "study"
    return "<stdin>" if str(study.path) == STDIN else str(study.path)


def evaluate_study(study: Study) -> Metrics:
    """Evaluate the study's design; an input outside the model or one that drives a result to
    infinity is a StudyError naming where the study sets it."""
    try:
        return evaluate(study.design)
    except ModelDomainError as error:
        if not error.keys:
            raise StudyError(f"{_label(study)}: {error}") from None
        places = [study.locate(key) for key in error.keys]
        where = ", ".join(places[:3]) + (f" and {len(places) - 3} more" if len(places) > 3 else "")
        raise StudyError(f"{_label(study)}: {where}: {error.problem}") from None
    except StudyError:
        raise
    except Exception as error:
        from skyrack.errors import SkyrackError

        if isinstance(error, SkyrackError):
            raise StudyError(f"{_label(study)}: {error}") from None
        raise


def check_study(study: Study, out_dir: Path | None = None) -> RunOutcome:
    """Everything a run checks, without writing: evaluation, document, results folder."""
    metrics = evaluate_study(study)
    document = results_document(study, metrics, allowed_implausible=study.allowed_implausible)
    results_files(document)  # every number finite, every file renders
    folder = check_target(out_dir or default_results_folder(study), study.path)
    return RunOutcome(metrics=metrics, document=document, folder=folder)


def run_study(study: Study, out_dir: Path | None = None) -> RunOutcome:
    """Evaluate ``study`` and write its results folder (atomically) to ``out_dir`` (default
    ``results/<study name>``)."""
    metrics = evaluate_study(study)
    document = results_document(study, metrics, allowed_implausible=study.allowed_implausible)
    written = write_results(
        out_dir or default_results_folder(study), results_files(document), study.path
    )
    return RunOutcome(
        metrics=metrics, document=document, folder=written.folder, notes=written.notes
    )
