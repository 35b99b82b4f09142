"""The report's one extension point: a *section provider*.

A section provider is a function that takes the :class:`ReportContext` of one results folder
and returns the :class:`Section` objects it wants in that folder's ``report.html`` (none when it
has nothing to show, e.g. a study without a ``[simulation]``)::

    from skyrack.report import ReportContext, Section

    def sections(context: ReportContext) -> list[Section]:
        if context.study.simulation is None:
            return []
        figure = my_plotly_figure(context.folder / "histories.csv")
        return [Section(title="Simulated fleet", order=35, figures=(figure,),
                        intro="Each line is one replication ...")]

It is registered in one of two ways, with the same signature:

* inside skyrack (``skyrack.simulation``, ``skyrack.optimize``, ``skyrack.business``): add
  ``"package.module:function"`` to :data:`PROVIDERS` below (imported only when a report is
  written, so a provider may import plotly, optuna, ...);
* from a plugin: implement the hook ``report_sections(context)`` (``docs/plugins.md``).

``order`` places the section (the built-in ones: question 0, costs 10, fleet timeline 20,
simulated fleet 25, budgets 30, business case 40, sensitivity 50, breakeven map 60, uncertainty
70, assumptions 100); sections with equal order keep their providers' order. A provider that
raises is reported in the page (the rest of the report is still written) and named in ``skyrack
run``'s output.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import attrs

if TYPE_CHECKING:
    from skyrack.explore.uncertainty import UncertaintyResult
    from skyrack.metrics import Metrics
    from skyrack.study import Study

PROVIDERS: tuple[str, ...] = (
    "skyrack.report.builtin:question",
    "skyrack.report.builtin:costs",
    "skyrack.report.builtin:fleet_timeline",
    "skyrack.simulation.report:sections",
    "skyrack.report.builtin:budgets",
    "skyrack.business.report:sections",
    "skyrack.optimize.report_section:sections",
    "skyrack.report.builtin:sensitivity",
    "skyrack.report.builtin:breakeven_map",
    "skyrack.report.builtin:uncertainty",
    "skyrack.report.builtin:assumptions",
)
"""Every built-in section provider, as ``module:function``; issues add theirs here."""


@attrs.frozen(kw_only=True, eq=False)
class ReportContext:
    """What a section provider may read: the study, its results and the folder being written.

    ``folder`` holds every file of the run (metrics.json, the simulation's histories, ...) while
    the report is written; ``document`` is metrics.json as a dict.
    """

    study: Study
    metrics: Metrics
    folder: Path
    document: dict[str, Any]
    uncertainty: UncertaintyResult | None = None


@attrs.frozen(kw_only=True, eq=False)
class Section:
    """One part of the report: a title, an introduction, figures and HTML tables."""

    title: str
    order: float = 50.0
    intro: str = ""
    """Plain text (escaped when shown); paragraphs separated by blank lines."""
    figures: Sequence[Any] = ()
    """Plotly figures, shown in order, each full width."""
    html: str = ""
    """Trusted HTML after the figures (tables); build it with :func:`skyrack.report.page.table`."""
    anchor: str = ""
    """The id to link to (default: from the title)."""

    @property
    def id(self) -> str:
        """The anchor of the section in the page."""
        if self.anchor:
            return self.anchor
        return "".join(c if c.isalnum() else "-" for c in self.title.lower()).strip("-")


Provider = Callable[[ReportContext], Iterable[Section]]


def _load(path: str) -> Provider:
    module, _, name = path.partition(":")
    provider: Provider = getattr(importlib.import_module(module), name)
    return provider


def collect_sections(context: ReportContext) -> tuple[list[Section], list[str]]:
    """Every provider's sections in order, and one line per provider that failed."""
    from skyrack.plugins import load_plugins

    providers: list[tuple[str, Provider]] = [(path, _load(path)) for path in PROVIDERS]
    for impl in load_plugins().hook.report_sections.get_hookimpls():
        providers.append((f"plugin {impl.plugin_name}", cast(Provider, impl.function)))
    sections: list[Section] = []
    failures: list[str] = []
    for name, provider in providers:
        try:
            sections.extend(provider(context))
        except Exception as error:  # a broken section must not lose the rest of the report
            failures.append(f"{name}: {type(error).__name__}: {error}")
    sections.sort(key=lambda section: section.order)
    return sections, failures
