"""The self-contained HTML report in every results folder (``report.html``).

``skyrack run`` writes it; from Python::

    from skyrack.report import write_report
    write_report(folder, study, metrics, uncertainty=result)

The page holds plotly's JavaScript inline, so it opens offline in any browser and can be sent
as one file. Its sections come from *section providers* — skyrack's own and any a plugin adds —
the one extension point, described in :mod:`skyrack.report.sections`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from skyrack.report.sections import PROVIDERS, ReportContext, Section, collect_sections

if TYPE_CHECKING:
    from skyrack.explore.uncertainty import UncertaintyResult
    from skyrack.metrics import Metrics
    from skyrack.study import Study

REPORT_FILE = "report.html"

__all__ = ["PROVIDERS", "REPORT_FILE", "ReportContext", "Section", "write_report"]


def write_report(
    folder: Path,
    study: Study,
    metrics: Metrics,
    *,
    document: dict[str, Any] | None = None,
    uncertainty: UncertaintyResult | None = None,
) -> tuple[Path, list[str]]:
    """Write ``folder/report.html``; return its path and one line per section provider that
    failed (the page says so too; the rest of the report is written)."""
    from skyrack.report.page import render

    context = ReportContext(
        study=study,
        metrics=metrics,
        folder=folder,
        document=document or {},
        uncertainty=uncertainty,
    )
    sections, failures = collect_sections(context)
    subtitle = study.info.description or "skyrack study"
    page = render(study.info.name, subtitle, sections, failures)
    path = folder / REPORT_FILE
    path.write_text(page, encoding="utf-8")
    return path, failures
