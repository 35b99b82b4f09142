"""One self-contained HTML page: plotly's bundle inline, no network, readable offline forever."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from skyrack.report.sections import Section

PLOT_CONFIG = {"displaylogo": False, "responsive": True, "toImageButtonOptions": {"scale": 2}}

STYLE = """
:root { --ink: #1d2733; --muted: #5b6b7c; --line: #dde3ea; --orbit: #3465a4; --ground: #8a6d3b;
        --good: #2e7d32; --bad: #c62828; --paper: #ffffff; --back: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans",
       sans-serif; color: var(--ink); background: var(--back); }
header { background: #0f1b2d; color: #fff; padding: 28px 40px 22px; }
header h1 { margin: 0 0 6px; font-size: 26px; font-weight: 650; }
header p { margin: 0; color: #c7d3e3; max-width: 1100px; }
nav { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line);
      padding: 8px 40px; display: flex; flex-wrap: wrap; row-gap: 4px; }
nav a { color: var(--muted); text-decoration: none; margin-right: 18px; font-size: 14px; }
nav a:hover { color: var(--ink); }
main { max-width: 1240px; margin: 0 auto; padding: 20px 40px 60px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
          padding: 22px 26px; margin: 18px 0; }
section h2 { margin: 0 0 8px; font-size: 20px; }
section p { margin: 6px 0 10px; max-width: 980px; }
.cards { display: flex; flex-wrap: wrap; gap: 14px; margin: 14px 0 6px; }
.card { flex: 1 1 180px; border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; }
.card .label { color: var(--muted); font-size: 13px; }
.card .value { font-size: 24px; font-weight: 650; }
.card.orbit .value { color: var(--orbit); } .card.ground .value { color: var(--ground); }
.card.good .value { color: var(--good); } .card.bad .value { color: var(--bad); }
.verdict { font-size: 17px; font-weight: 550; margin: 12px 0 4px; }
.figure { margin: 10px 0; min-height: 120px; }
table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 13.5px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
         vertical-align: top; overflow-wrap: break-word; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td:last-child { overflow-wrap: anywhere; }
td.key { overflow-wrap: normal; word-break: normal; min-width: 14em; }
td.unit, th.unit { white-space: nowrap; overflow-wrap: normal; }
.table-scroll { overflow-x: auto; }
.source { color: var(--muted); font-size: 12.5px; }
.note { color: var(--muted); font-size: 13.5px; }
.failure { color: var(--bad); }
footer { color: var(--muted); font-size: 13px; text-align: center; padding: 0 0 30px; }
"""


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return str(get_plotlyjs())


def figure_html(figure: Any, index: int) -> str:
    """One figure as a div and the script that draws it (plotly.js is in the page head)."""
    body: str = figure.to_html(
        full_html=False,
        include_plotlyjs=False,
        config=PLOT_CONFIG,
        div_id=f"figure-{index}",
        default_width="100%",
    )
    return f'<div class="figure">{body}</div>'


def paragraphs(text: str) -> str:
    """Plain text as escaped HTML paragraphs (blank lines separate them)."""
    parts = [part.strip() for part in text.strip().split("\n\n") if part.strip()]
    return "".join(f"<p>{html.escape(' '.join(part.split()))}</p>" for part in parts)


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    numeric: Sequence[int] = (),
    *,
    keys: Sequence[int] = (),
    units: Sequence[int] = (),
) -> str:
    """An HTML table of escaped cells, scrolling sideways when it is wider than the page.
    Columns in ``numeric`` are right-aligned and never wrap; ``keys`` hold dotted names
    (``launch_vehicle.price_usd``) that break only after a dot; ``units`` never wrap."""
    head = "".join(
        ('<th class="unit">' if i in units else "<th>") + html.escape(str(cell)) + "</th>"
        for i, cell in enumerate(header)
    )
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            text = html.escape(str(cell))
            if i in keys:
                cells.append(f'<td class="key">{text.replace(".", ".<wbr>")}</td>')
                continue
            css = ' class="num"' if i in numeric else ' class="unit"' if i in units else ""
            cells.append(f"<td{css}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<div class="table-scroll"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def render(title: str, subtitle: str, sections: Sequence[Section], failures: Sequence[str]) -> str:
    """The whole page."""
    nav = "".join(f'<a href="#{s.id}">{html.escape(s.title)}</a>' for s in sections)
    blocks = []
    index = 0
    for section in sections:
        figures = []
        for figure in section.figures:
            figures.append(figure_html(figure, index))
            index += 1
        blocks.append(
            f'<section id="{html.escape(section.id)}"><h2>{html.escape(section.title)}</h2>'
            f"{paragraphs(section.intro)}{''.join(figures)}{section.html}</section>"
        )
    if failures:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in failures)
        blocks.append(
            '<section id="missing"><h2>Sections that could not be drawn</h2>'
            f'<ul class="failure">{items}</ul></section>'
        )
    from skyrack import __version__

    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · skyrack</title><style>{STYLE}</style>"
        f'<script type="text/javascript">{_plotly_js()}</script></head><body>'
        f"<header><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></header>"
        f"<nav>{nav}</nav><main>{''.join(blocks)}</main>"
        f"<footer>skyrack {html.escape(__version__)} · self-contained report: no network "
        "needed</footer></body></html>\n"
    )
