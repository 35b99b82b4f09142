"""The HTML report: written in every results folder, self-contained, its sections in order,
and its one extension point (section providers) with failures kept to their section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from skyrack import hookimpl, plugins
from skyrack.report import PROVIDERS, ReportContext, Section
from skyrack.runner import run_study
from skyrack.study import load_study

QUICKSTART = Path("studies/quickstart.toml")


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The quickstart's report.html, written once for the module."""
    folder = tmp_path_factory.mktemp("report") / "quickstart"
    outcome = run_study(load_study(QUICKSTART), folder)
    assert outcome.report_failures == ()
    yield (outcome.folder / "report.html").read_text(encoding="utf-8")


def test_report_needs_no_network(report_page: str) -> None:
    """Scripts are inline: no <script src>, and the page's markup (outside plotly's bundle)
    links no stylesheet or URL (the browser test also blocks every request)."""
    markup = re.sub(r"<script[^>]*>.*?</script>", "", report_page, flags=re.DOTALL)
    assert "<script src" not in report_page
    assert not re.search(r"<link[^>]+stylesheet", markup)
    assert not re.search(r"""(src|href)=["']https?:""", markup)
    assert "Plotly.newPlot" in report_page and len(report_page) > 1_000_000  # bundle inline


def test_report_has_every_builtin_section_in_order(report_page: str) -> None:
    """Question, waterfall, timeline, budgets, business case, cash flows, tornado, breakeven
    map, uncertainty and assumptions appear once each, in that order."""
    titles = re.findall(r"<section id=\"[^\"]+\"><h2>([^<]+)</h2>", report_page)
    assert titles == [
        "Question and verdict",
        "Cost waterfall",
        "Fleet timeline",
        "Budgets",
        "Business case",
        "Cash flows and NPV bridge",
        "Sensitivity",
        "Breakeven map",
        "Uncertainty",
        "Assumptions and sources",
    ]
    assert report_page.count('class="plotly-graph-div"') == 8


def test_report_states_the_question_verdict_and_sources(report_page: str) -> None:
    """The study's opening question, the verdict sentence and cited sources are in the page."""
    assert "Question: what does a small H100 constellation" in report_page
    assert "Verdict:" in report_page and "PFLOP-day" in report_page
    assert "SpaceX, Capabilities &amp; Services" in report_page  # a cited source, escaped
    assert "plausible range" in report_page


def test_a_plugin_section_joins_the_report_and_a_broken_one_is_named(tmp_path: Path) -> None:
    """A plugin's report_sections hook adds its section in its order; a provider that raises
    leaves the rest of the report whole and is named in the page and the outcome."""

    class ReportPlugin:
        @hookimpl
        def report_sections(self, context: ReportContext) -> list[Section]:
            return [Section(title="Plugin notes", order=5, intro=f"{context.study.info.name}!")]

    class BrokenPlugin:
        @hookimpl
        def report_sections(self, context: ReportContext) -> list[Section]:
            raise RuntimeError("no data")

    with (
        plugins.temporary_plugin(ReportPlugin(), "report-plugin"),
        plugins.temporary_plugin(BrokenPlugin(), "broken-plugin"),
    ):
        outcome = run_study(load_study(QUICKSTART), tmp_path / "out")
    page = (outcome.folder / "report.html").read_text(encoding="utf-8")
    titles = re.findall(r"<section id=\"[^\"]+\"><h2>([^<]+)</h2>", page)
    assert titles[:3] == ["Question and verdict", "Plugin notes", "Cost waterfall"]
    assert "quickstart!" in page
    assert titles[-1] == "Sections that could not be drawn"
    assert any("broken-plugin" in line and "no data" in line for line in outcome.report_failures)


def test_builtin_providers_are_importable_functions() -> None:
    """Every entry of PROVIDERS names a function that exists."""
    import importlib

    for path in PROVIDERS:
        module, _, name = path.partition(":")
        assert callable(getattr(importlib.import_module(module), name))


def test_run_without_report_writes_no_html(tmp_path: Path) -> None:
    """report=False leaves report.html out and keeps everything else."""
    outcome = run_study(load_study(QUICKSTART), tmp_path / "r", report=False)
    assert not (outcome.folder / "report.html").exists()
    assert (outcome.folder / "metrics.json").exists()
