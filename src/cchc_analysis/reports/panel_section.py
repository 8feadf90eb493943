"""The indicator panel section: each measure against the national target in force, the
sources of the targets and of the input rows (escaped)."""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from cchc_analysis.reference.labels import percent, text
from cchc_analysis.reports.markup import (
    Html,
    escape,
    section_html,
    table_html,
)
from cchc_analysis.reports.panel import target_text
from cchc_analysis.reports.view import ReportView


def _source_link(row: dict[str, Any], lang: str) -> str:
    """Return the target's source as a link: the Vietnamese legal text when it is known (a
    Vietnamese report), else the source the target was read from, said to be in English."""
    vietnamese = row.get("target_source_vi")
    if lang == "vi" and vietnamese:
        return f'<a href="{escape(vietnamese)}">{escape(text("legal_text_vi", lang))}</a>'
    source = str(row["target_source"] or "")
    if source.startswith(("http://", "https://")):
        words = text("source_in_english", lang) if lang == "vi" else text("source", lang)
        return f'<a href="{escape(source)}">{escape(words)}</a>'
    return f"<span>{escape(text('source_unverified', lang))}</span>"


def _targets_sources(view: ReportView) -> str:
    """Return the list of the targets' instruments and sources under the panel."""
    lang = view.lang
    used = view.indicators.filter(pl.col("target").is_not_null())
    lines = "".join(
        f"<li>{escape(text('measure_' + r['measure'], lang))}: {escape(r['instrument'])} — "
        f"{escape(r['target_note'])}. {_source_link(r, lang)}</li>"
        for r in used.iter_rows(named=True)
    )
    return (
        f'<details class="cchc-sources"><summary>{escape(text("targets_sources", lang))}'
        f"</summary><ul>{lines}</ul></details>"
    )


def _origin_text(value: str | None, lang: str) -> str | None:
    """Return a source or note of the input rows as shown: the demo data's English source and
    note said in the report's language; anything else as the input file gave it."""
    if value is None:
        return None
    from cchc_analysis.store.provenance import SOURCE_NOTE

    pattern = re.escape(SOURCE_NOTE).replace(re.escape("{seed}"), r"(\d+)")
    shown = re.sub(pattern, lambda m: text("demo_source", lang, seed=m.group(1)), value)
    return text("demo_note", lang) if shown == "synthetic" else shown


def indicators_section(view: ReportView) -> Html:
    """Return the indicator panel: each measure's value and counts against the national
    target in force and its status; the source and note of the input rows once below the
    table when every row shares them, else in a column (escaped)."""
    lang = view.lang
    origins = {
        " · ".join(
            x
            for x in (_origin_text(r["input_source"], lang), _origin_text(r["input_note"], lang))
            if x
        )
        for r in view.indicators.iter_rows(named=True)
        if r["input_source"] or r["input_note"]
    }
    shared = len(origins) <= 1
    keys = ["indicator", "value", "target", "status"] + ([] if shared else ["source_note"])
    head = [text(k, lang) for k in keys]
    rows = []
    for r in view.indicators.iter_rows(named=True):
        value = "–" if r["value_pct"] is None else percent(r["value_pct"], lang)
        counts = (
            f"<br><span class='cchc-counts'>{escape(r['counts'])}</span>" if r["counts"] else ""
        )
        cells = [
            (escape(text(f"measure_{r['measure']}", lang)), ""),
            (f"{escape(value)}{counts}", "num"),
            (escape(target_text(r, lang)), ""),
            (escape(text(f"status_{r['status']}", lang)), f"cchc-status cchc-{r['status']}"),
        ]
        if not shared:
            origin = " · ".join(
                escape(v)
                for v in (
                    _origin_text(r["input_source"], lang),
                    _origin_text(r["input_note"], lang),
                )
                if v
            )
            cells.append((origin, "cchc-origin"))
        rows.append(cells)
    body = table_html(head, rows, "cchc-table cchc-panel cchc-cards", text("caption_panel", lang))
    if shared and origins:
        source = f"{text('figures_source', lang)}: {next(iter(origins))}"
        body += f'<p class="cchc-note cchc-origin">{escape(source)}</p>'
    body += _targets_sources(view)
    return section_html("indicators_heading", lang, body)
