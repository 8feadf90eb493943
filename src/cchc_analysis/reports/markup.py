"""The HTML pieces every report section is made of: the Html fragment the notebook
displays, escaping (every text from an input file goes through ``escape``), tables that
scroll sideways, a section's frame, and charts as inline-SVG figures."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

import polars as pl

from cchc_analysis.reference.labels import text

CHARTS_METADATA = "cchc"  # output metadata key of the chart specs a section draws


class Html:
    """An HTML fragment the notebook displays as rich output (``text/html``). The Vega-Lite
    specs of the charts it draws go in the output's metadata (``cchc.charts``), so the executed
    notebook records them for ``cchc verify``; HTML exports leave metadata out."""

    def __init__(self, markup: str, charts: dict[str, Any] | None = None) -> None:
        self.markup = markup
        self.charts = charts or {}

    def _repr_html_(self) -> str:
        return self.markup

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, str], dict[str, Any]]:
        # one JSON text, not nested objects: copied, validated and saved many times over
        charts = json.dumps(self.charts, ensure_ascii=False) if self.charts else None
        metadata = {CHARTS_METADATA: {"charts": charts}} if charts else {}
        return {"text/html": self.markup}, metadata

    def __repr__(self) -> str:
        return "<report section: HTML>"

    def __str__(self) -> str:
        return self.markup


def escape(value: object) -> str:
    """Return ``value`` as escaped HTML text ('' for None)."""
    return "" if value is None else html.escape(str(value))


def table_html(
    head: list[str],
    rows: list[list[tuple[str, str]]],
    css: str = "cchc-table",
    caption: str = "",
) -> str:
    """Return a table with its ``caption`` (plain text), inside a box that scrolls sideways on
    its own when the table is wider than the screen; ``rows`` are lists of (already escaped
    cell HTML, td class). Each cell carries its column's heading (``data-label``) for the
    narrow-screen card layout."""
    header = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{c}" data-label="{escape(h)}">{v}</td>'
            if c
            else f'<td data-label="{escape(h)}">{v}</td>'
            for (v, c), h in zip(r, head, strict=True)
        )
        + "</tr>"
        for r in rows
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    table = (
        f'<table class="{css}">{cap}<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'
    )
    return scroll_box(table, caption)


def scroll_box(table: str, label: str) -> str:
    """Return ``table`` in a box that scrolls sideways on its own (keyboard-reachable)."""
    attributes = f'role="region" tabindex="0" aria-label="{escape(label)}"'
    return f'<div class="cchc-scroll" {attributes}>{table}</div>'


def section_html(key: str, lang: str, body: str, chart: dict[str, Any] | None = None) -> Html:
    """Return a report section: its heading (in ``lang``), its body HTML and the spec of the
    chart it draws, if any (recorded under the section's key)."""
    return Html(
        f'<section class="cchc-section" id="{escape(key)}" aria-labelledby="{escape(key)}-h">'
        f'<h2 class="cchc-h2" id="{escape(key)}-h">{escape(text(key, lang))}</h2>{body}</section>',
        {key: chart} if chart is not None else None,
    )


def charts_module() -> Any:
    """Return the charts module, imported on first use (reading tables never imports Altair)."""
    from cchc_analysis.reports import charts

    return charts


def frame_key(frame: pl.DataFrame | None) -> tuple[Any, ...]:
    """Return a frame as a hashable key (schema and rows)."""
    if frame is None:
        return ()
    return (tuple(frame.schema.items()), tuple(frame.iter_rows()))


@lru_cache(maxsize=8)
def shared_spec(kind: str, lang: str, data: tuple[Any, ...], bands: tuple[Any, ...]) -> Any:
    """Return the Vega-Lite spec of a chart every report of a batch draws alike (``kind``:
    ranking or intervals), built once per process and content."""

    def frame(key: tuple[Any, ...]) -> pl.DataFrame | None:
        return pl.DataFrame(list(key[1]), schema=dict(key[0]), orient="row") if key else None

    charts = charts_module()
    if kind == "ranking":
        chart = charts.plot_ranking(frame(data), None, lang, frame(bands))
    else:
        chart = charts.plot_rank_intervals(frame(data), lang)
    return charts.themed_spec(chart)


def figure_html(
    chart: Any,
    lang: str,
    title: str,
    caption: str,
    legend: list[tuple[str, str, str]] | None = None,
    key: str = "chart",
) -> tuple[str, dict[str, Any]]:
    """Return an Altair chart as (an inline-SVG figure with its title, HTML legend and caption,
    its Vega-Lite spec)."""
    charts = charts_module()
    spec = chart if isinstance(chart, dict) else charts.themed_spec(chart)
    legend_html = charts.legend_html(legend) if legend else ""
    return charts.spec_figure(spec, lang, caption, legend_html, title, key), spec


def heading(key: str, lang: str = "vi") -> Html:
    """Return a section heading in the report's language."""
    return Html(f'<h2 class="cchc-h2">{escape(text(key, lang))}</h2>')


def share_text(p: float | None) -> str:
    """Return a probability as a whole percentage ('< 1%' and '> 99%' rather than 0 or 100)."""
    p = p or 0.0
    if 0 < p < 0.01:
        return "< 1%"
    if 0.99 < p < 1:
        return "> 99%"
    return f"{int(p * 100 + 0.5)}%"
