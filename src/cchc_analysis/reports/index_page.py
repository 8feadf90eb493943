"""The index page of a batch (``index.html``): every province's index and 90 % rank
interval coloured by grade, a region filter and a sortable ranking table linking every
report (a few lines of inline script, nothing fetched)."""

from __future__ import annotations

import html
import os
import time
from pathlib import Path
from typing import Any

from cchc_analysis.reference.labels import number, text
from cchc_analysis.reports.report_notebook import TEMPLATES

INDEX_CSS = (TEMPLATES / "index.css").read_text(encoding="utf-8")
INDEX_JS = (TEMPLATES / "index.js").read_text(encoding="utf-8")


def _cell(value: Any, lang: str, decimals: int = 2, signed: bool = False) -> str:
    """Return a numeric table cell whose ``data-sort`` holds the raw number."""
    if value is None:
        return "<td class='num' data-sort=''>–</td>"
    shown = number(value, lang, decimals)
    if signed and value > 0:
        shown = "+" + shown
    return f"<td class='num' data-sort='{value}'>{shown}</td>"


def run_date(started_at: float | None = None) -> str:
    """Return the batch's run date (YYYY-MM-DD, UTC): from ``SOURCE_DATE_EPOCH`` when set (for
    reproducible builds), else the day the run started. A day, not a time: the same inputs
    rendered the same day give byte-identical pages."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = float(epoch) if epoch and epoch.isdigit() else (started_at or time.time())
    return time.strftime("%Y-%m-%d", time.gmtime(moment))


def _interval_cell(row: dict[str, Any], interval: dict[str, Any] | None, n: int) -> str:
    """Return the rank-interval cell: a bar from rank_lo to rank_hi on a 1…n scale, a dot at
    the published rank, coloured by grade (text beside it says the same)."""
    if interval is None:
        return "<td class='cchc-interval' data-sort=''>–</td>"
    low, high, rank = interval["rank_lo"], interval["rank_hi"], row["rank"]
    span = max(n - 1, 1)
    left = 100 * (low - 1) / span
    width = max(100 * (high - low) / span, 1.5)
    dot = 100 * (rank - 1) / span
    grade = html.escape(str(row["grade"] or ""))
    return (
        f"<td class='cchc-interval' data-sort='{high - low}'>"
        f"<span class='bar-track' aria-hidden='true'>"
        f"<span class='bar grade-{grade}' style='left:{left:.2f}%;width:{width:.2f}%'></span>"
        f"<span class='dot' style='left:{dot:.2f}%'></span></span>"
        f"<span class='range'>{low}–{high}</span></td>"
    )


def write_index(
    totals: Any,
    entries: list[dict[str, Any]],
    manifest: dict[str, Any],
    out_dir: Path,
    year: int,
    lang: str,
    workbook_name: str | None = None,
    intervals: Any = None,
    date: str | None = None,
) -> Path:
    """Write ``index.html``, a dashboard: every province's index and 90 % rank interval
    coloured by grade (with a legend), a region filter, the run ``date``, and the ranking
    table (sortable by any column, a few lines of inline script, nothing fetched) linking
    every report written; return its path."""
    from cchc_analysis.reference.registry import regions_frame
    from cchc_analysis.store.outputs import atomic_write_text

    regions = dict(zip(regions_frame()["id"], regions_frame()[f"name_{lang}"], strict=True))
    by_code = {e["province_code"]: e for e in entries}
    spans = {}
    if intervals is not None:
        spans = {r["province_code"]: r for r in intervals.iter_rows(named=True)}
    n = totals.height
    rows = []
    for r in totals.sort("rank", "province_code").iter_rows(named=True):
        entry = by_code.get(r["province_code"], {})
        name = html.escape(r["province"])
        if entry.get("html") and (Path(out_dir) / entry["html"]).exists():
            name = f'<a href="{html.escape(entry["html"])}">{name}</a>'
        elif entry.get("error"):
            name += f' <span class="failed">{html.escape(text("render_failed", lang))}</span>'
        region = html.escape(r["region"] or "")
        grade = html.escape(r["grade"] or "")
        # what a phone shows first comes first: rank, name, index, interval, grade
        rows.append(
            f"<tr data-region='{region}'>{_cell(r['rank'], lang, 0)}"
            f"<td data-sort='{html.escape(r['province'])}'>{name}</td>"
            f"{_cell(r['index_pct'], lang)}"
            f"{_interval_cell(r, spans.get(r['province_code']), n)}"
            f"<td class='grade grade-{grade}'>{grade}</td>"
            f"{_cell(r.get('change_points'), lang, signed=True)}"
            f"{_cell(r.get('change_places'), lang, 0, signed=True)}"
            f"<td>{html.escape(regions.get(r['region'], r['region'] or ''))}</td></tr>"
        )
    keys = (
        "rank",
        "province",
        "index_pct",
        "rank_interval_col",
        "grade",
        "change_points_col",
        "change_places_col",
        "region",
    )
    kinds = ("num", "text", "num", "num", "text", "num", "num", "text")
    head = "".join(
        f'<th scope="col" data-type="{kind}" tabindex="0"'
        f' aria-sort="{"ascending" if k == "rank" else "none"}">'
        f"{html.escape(text(k, lang))}</th>"
        for k, kind in zip(keys, kinds, strict=True)
    )
    banner = (
        f'<p class="banner" role="note">{html.escape(text("synthetic_banner", lang))}</p>'
        if manifest.get("synthetic")
        else ""
    )
    if manifest.get("rubric", {}).get("status") == "illustrative":
        banner += (
            f'<p class="note" role="note">{html.escape(text("illustrative_banner", lang))}</p>'
        )
    ok = sum(1 for e in entries if e.get("html") and not e.get("error"))
    link = html.escape(text("workbook_link", lang))
    workbook = f'<p><a href="{html.escape(workbook_name)}">{link}</a></p>' if workbook_name else ""
    summary = text("reports_written", lang, ok=ok, n=totals.height)
    used = sorted({r for r in totals["region"].to_list() if r}, key=lambda r: regions.get(r, r))
    options = "".join(
        f'<option value="{html.escape(r)}">{html.escape(regions.get(r, r))}</option>' for r in used
    )
    legend = "".join(
        f'<span class="legend-item"><span class="swatch grade-{g}"></span>'
        f"{html.escape(text('grade_n', lang, grade=g))}</span>"
        for g in sorted({str(g) for g in totals["grade"].to_list() if g})
    )
    day = date or run_date()
    shown_day = "/".join(reversed(day.split("-"))) if lang == "vi" else day  # 30/11/2026
    dated = html.escape(text("run_date", lang, date=shown_day))
    heading = html.escape(text("index_heading", lang))
    template = html.escape(text("provinces_shown", lang, shown="{shown}", n=n))
    controls = (
        f'<div class="controls"><label for="region-filter">'
        f"{html.escape(text('region_filter', lang))}</label>"
        f'<select id="region-filter"><option value="">{html.escape(text("all_regions", lang))}'
        f"</option>{options}</select>"
        f'<span id="shown" aria-live="polite" data-template="{template}"></span></div>'
    )
    page = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(text("index_heading", lang))} {year}</title>
<style>
{INDEX_CSS}
</style></head><body>
<h1>{html.escape(text("index_heading", lang))} — {year}</h1>
{banner}
<p>{html.escape(summary)}. {dated}. {html.escape(text("sort_hint", lang))}</p>
{workbook}
{controls}
<p class="legend"><strong>{html.escape(text("grade_legend", lang))}:</strong> {legend}</p>
<p class="caption">{html.escape(text("index_chart_caption", lang))}</p>
<div class="scroll" role="region" tabindex="0" aria-label="{heading}">
<table id="ranking" class="sortable"><caption>{heading} — {year}</caption>
<thead><tr>{head}</tr></thead><tbody>
{"".join(rows)}
</tbody></table></div>
<script>
{INDEX_JS}
</script>
</body></html>
"""
    return atomic_write_text(Path(out_dir) / "index.html", page)
