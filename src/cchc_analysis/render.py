"""Render province reports: execute the parameterised notebook with Papermill, export it to
offline HTML (code hidden, charts as inline SVG), and build the index page of a batch."""

from __future__ import annotations

import html
import multiprocessing
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.labels import number, text
from cchc_analysis.outputs import atomic_write_json, atomic_write_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_NOTEBOOK = PROJECT_ROOT / "notebooks" / "province_report.py"
TEMPLATES = Path(__file__).resolve().parent / "templates"
INDEX_CSS = (TEMPLATES / "index.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class RenderOutcome:
    """What happened to one province in a batch."""

    province_code: str
    province: str
    html_path: str | None
    seconds: float
    error: str | None = None


def report_file_name(code: str, slug: str) -> str:
    """Return the report's file name, a slug of its parameters (``25-phu_tho.html``)."""
    return f"{code}-{slug}.html"


@cache
def _notebook_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_notebook(path: Path = DEFAULT_NOTEBOOK) -> Any:
    """Return the report notebook (kept as jupytext py:percent text) as a NotebookNode."""
    import jupytext

    return jupytext.reads(_notebook_text(str(path)), fmt="py:percent")


def execute_report(
    province: str,
    year: int,
    processed_dir: Path,
    lang: str = "vi",
    notebook: Path = DEFAULT_NOTEBOOK,
) -> Any:
    """Execute the report notebook for one province with Papermill; return the executed
    NotebookNode (parameters recorded in its metadata)."""
    import papermill

    return papermill.execute_notebook(
        load_notebook(notebook),
        None,
        parameters={
            "province": province,
            "year": year,
            "processed_dir": str(Path(processed_dir).resolve()),
            "lang": lang,
        },
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        cwd=str(Path(notebook).resolve().parent),
    )


def export_html(executed: Any, title: str) -> str:
    """Return the executed notebook as one self-contained HTML page: inputs and prompts
    hidden, cells tagged ``remove_cell`` dropped, no script fetched from the internet."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = ("remove_cell",)
    config.TagRemovePreprocessor.enabled = True
    exporter = HTMLExporter(
        config=config, template_name="cchc_report", extra_template_basedirs=[str(TEMPLATES)]
    )
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.register_preprocessor(TagRemovePreprocessor(config=config), enabled=True)
    executed.metadata["title"] = title
    body, _ = exporter.from_notebook_node(executed)
    return str(body)


def render_province(
    province: str,
    year: int,
    processed_dir: Path,
    out_dir: Path,
    lang: str = "vi",
    notebook: Path = DEFAULT_NOTEBOOK,
) -> Path:
    """Render one province's report to ``out_dir`` (HTML, and the executed notebook under
    ``out_dir/notebooks``); return the HTML path."""
    import nbformat

    from cchc_analysis.registry import resolve_province

    chosen = resolve_province(province, str(year))
    executed = execute_report(chosen.code, year, processed_dir, lang, notebook)
    title = f"{text('report_title', lang)} — {chosen.name_vi} {year}"
    target = Path(out_dir) / report_file_name(chosen.code, chosen.slug)
    atomic_write_text(target, export_html(executed, title))
    atomic_write_text(
        Path(out_dir) / "notebooks" / target.with_suffix(".ipynb").name, nbformat.writes(executed)
    )
    return target


def _render_one(args: tuple[str, str, int, str, str, str, str]) -> RenderOutcome:
    code, name, year, processed_dir, out_dir, lang, notebook = args
    started = time.perf_counter()
    try:
        path = render_province(code, year, Path(processed_dir), Path(out_dir), lang, Path(notebook))
        return RenderOutcome(code, name, str(path), time.perf_counter() - started)
    except Exception as exc:  # a batch continues past one province's failure and reports it
        reason = f"{type(exc).__name__}: {exc}".strip()
        detail = traceback.format_exc(limit=3)
        return RenderOutcome(
            code,
            name,
            None,
            time.perf_counter() - started,
            reason if len(reason) < 2000 else reason[:2000] + "…" + detail[-200:],
        )


def render_reports(
    year: int,
    processed_dir: Path,
    out_dir: Path,
    provinces: list[str] | None = None,
    lang: str = "vi",
    jobs: int = 2,
    notebook: Path = DEFAULT_NOTEBOOK,
    on_done: Any = None,
) -> list[RenderOutcome]:
    """Render every province scored for ``year`` (or those named), ``jobs`` at a time,
    continuing past failures; write ``index.html`` and ``manifest.json``; return the outcomes."""
    from cchc_analysis.registry import resolve_province
    from cchc_analysis.report import read_processed

    tables, manifest = read_processed(processed_dir)
    totals = tables["totals"].filter(pl.col("period") == str(year))
    if totals.is_empty():
        raise LookupError(f"no scores for {year} in {processed_dir}: run `cchc score` first")
    chosen = (
        [resolve_province(p, str(year)).code for p in provinces]
        if provinces
        else totals["province_code"].to_list()
    )
    names = dict(zip(totals["province_code"], totals["province"], strict=True))
    tasks = [
        (code, names.get(code, code), year, str(processed_dir), str(out_dir), lang, str(notebook))
        for code in chosen
    ]
    outcomes: list[RenderOutcome] = []
    # "spawn": forking a process that already runs Polars' thread pool can deadlock the child.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
        futures = [pool.submit(_render_one, task) for task in tasks]
        for future in as_completed(futures):
            outcome = future.result()
            outcomes.append(outcome)
            if on_done is not None:
                on_done(outcome)
    outcomes.sort(key=lambda o: o.province_code)
    write_index(totals, outcomes, manifest, Path(out_dir), year, lang)
    return outcomes


def write_index(
    totals: pl.DataFrame,
    outcomes: list[RenderOutcome],
    manifest: dict[str, Any],
    out_dir: Path,
    year: int,
    lang: str,
) -> Path:
    """Write ``index.html`` (ranking table linking every report) and ``manifest.json``."""
    from cchc_analysis.registry import regions_frame

    regions = dict(zip(regions_frame()["id"], regions_frame()[f"name_{lang}"], strict=True))
    rendered = {o.province_code: o for o in outcomes}
    rows = []
    for r in totals.sort("rank", "province_code").iter_rows(named=True):
        outcome = rendered.get(r["province_code"])
        name = html.escape(r["province"])
        if outcome and outcome.html_path:
            name = f'<a href="{html.escape(Path(outcome.html_path).name)}">{name}</a>'
        elif outcome:
            name += ' <span class="failed">(render failed)</span>'
        rows.append(
            f"<tr><td class='num'>{r['rank']}</td><td>{name}</td>"
            f"<td>{html.escape(regions.get(r['region'], r['region'] or ''))}</td>"
            f"<td class='num'>{number(r['index_pct'], lang)}</td>"
            f"<td>{html.escape(r['grade'] or '')}</td></tr>"
        )
    banner = (
        f'<div class="banner">{html.escape(text("synthetic_banner", lang))}</div>'
        if manifest.get("synthetic")
        else ""
    )
    head = "".join(
        f"<th>{html.escape(text(k, lang))}</th>"
        for k in ("rank", "province", "region", "index_pct", "grade")
    )
    page = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(text("index_heading", lang))} {year}</title>
<style>
{INDEX_CSS}
</style></head><body>
<h1>{html.escape(text("index_heading", lang))} — {year}</h1>
{banner}
<table><thead><tr>{head}</tr></thead><tbody>
{"".join(rows)}
</tbody></table>
</body></html>
"""
    index = atomic_write_text(Path(out_dir) / "index.html", page)
    atomic_write_json(
        Path(out_dir) / "manifest.json",
        {
            "year": year,
            "lang": lang,
            "scores_manifest": manifest,
            "reports": [
                {
                    "province_code": o.province_code,
                    "province": o.province,
                    "html": o.html_path and Path(o.html_path).name,
                    "seconds": round(o.seconds, 3),
                    "error": o.error,
                }
                for o in outcomes
            ],
        },
    )
    return index
