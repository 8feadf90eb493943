"""Render province reports: one province with a worker of its own (``render_province``),
or a batch ``jobs`` at a time in report workers (``render_reports``, see
``reports.workers``), continuing past failures, with its index page, ``manifest.json``
(every report, its sha256 and timing; what ``--only-failed`` resumes from), the Excel
workbook and the snapshot of the scores the reports were built from."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from cchc_analysis.reports.index_page import run_date, write_index
from cchc_analysis.reports.report_notebook import (
    DEFAULT_NOTEBOOK,
    from_project,
    notebook_parameters,
)
from cchc_analysis.reports.workers import (
    RendererPool,
    RenderOutcome,
    RenderTask,
    ReportRenderer,
)

# Nothing heavy is imported here (no Polars, no Jupyter): a batch launches its workers first
# and imports the rest while they boot.

MANIFEST_FILE = "manifest.json"


def render_province(
    province: str,
    year: int,
    processed_dir: Path,
    out_dir: Path,
    lang: str = "vi",
    notebook: Path = DEFAULT_NOTEBOOK,
    failures_path: Path | None = None,
) -> Path:
    """Render one province's report to ``out_dir``; return the HTML path."""
    from cchc_analysis.reference.registry import resolve_province

    chosen = resolve_province(province, str(year))
    task = RenderTask(chosen.code, chosen.name_vi, chosen.slug, chosen.name_en)
    parameters = notebook_parameters(
        chosen.code, year, processed_dir, lang, failures_path, Path(notebook).resolve().parent
    )
    renderer = ReportRenderer(notebook)
    try:
        return renderer.render(task, parameters, Path(out_dir))
    finally:
        renderer.close()


def _tasks_for(codes: Iterable[str], names: dict[str, str], year: int) -> list[RenderTask]:
    from cchc_analysis.reference.periods import era_of
    from cchc_analysis.reference.registry import province_by_code

    era = era_of(str(year))
    chosen = [province_by_code(code, era) for code in dict.fromkeys(codes)]
    return [RenderTask(p.code, names.get(p.code, p.name_vi), p.slug, p.name_en) for p in chosen]


def previous_manifest(out_dir: Path) -> dict[str, Any]:
    """Return the ``manifest.json`` of the previous batch in ``out_dir`` ({} when none)."""
    path = Path(out_dir) / MANIFEST_FILE
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def failed_codes(manifest: dict[str, Any], out_dir: Path) -> list[str]:
    """Return the province codes a previous batch failed (or whose HTML is gone)."""
    return [
        r["province_code"]
        for r in manifest.get("reports", [])
        if r.get("error") or not r.get("html") or not (Path(out_dir) / r["html"]).exists()
    ]


def select_codes(
    totals_codes: list[str],
    year: int,
    out_dir: Path,
    provinces: list[str] | None = None,
    only_failed: bool = False,
) -> list[str]:
    """Return the province codes to render: those named (any spelling), the previous batch's
    failures (``only_failed``), or every province scored for the year."""
    from cchc_analysis.reference.registry import resolve_province

    if only_failed:
        manifest = previous_manifest(out_dir)
        if not manifest:
            raise LookupError(f"no previous {MANIFEST_FILE} in {out_dir}: nothing to resume")
        if manifest.get("year") != year:
            raise LookupError(
                f"{out_dir / MANIFEST_FILE} is for {manifest.get('year')}, not {year}"
            )
        codes = failed_codes(manifest, out_dir)
        if provinces:
            named = {resolve_province(p, str(year)).code for p in provinces}
            codes = [c for c in codes if c in named]
        return codes
    if provinces:
        return [resolve_province(p, str(year)).code for p in provinces]
    return totals_codes


def render_reports(
    year: int,
    processed_dir: Path,
    out_dir: Path,
    provinces: list[str] | None = None,
    lang: str = "vi",
    jobs: int = 2,
    notebook: Path = DEFAULT_NOTEBOOK,
    on_done: Callable[[RenderOutcome], None] | None = None,
    failures_path: Path | None = None,
    only_failed: bool = False,
    on_start: Callable[[int], None] | None = None,
) -> list[RenderOutcome]:
    """Render every province scored for ``year`` (or those named, or the previous batch's
    failures), ``jobs`` at a time, continuing past failures; write ``index.html``,
    ``manifest.json`` and the Excel workbook; return this run's outcomes."""
    started_at = time.time()
    # the workers boot (and build a first report to warm up) while the tables are read
    warm = f"{Path(processed_dir).resolve()}|{int(year)}|{lang}"
    pool = RendererPool(jobs, notebook, warm)
    try:
        # Load inputs.
        tables, scores_manifest, totals = _scores_for(processed_dir, year)
        names = dict(zip(totals["province_code"], totals["province"], strict=True))
        previous = previous_manifest(out_dir)
        codes = select_codes(
            totals["province_code"].to_list(), year, out_dir, provinces, only_failed
        )
        tasks = _tasks_for(codes, names, year)
    except BaseException:
        pool.cancel()
        raise
    if on_start is not None:
        on_start(len(tasks))
    # Process data.
    settings = {
        "year": year,
        "processed_dir": Path(processed_dir),
        "lang": lang,
        "failures_path": failures_path if failures_path and Path(failures_path).exists() else None,
        "out_dir": Path(out_dir),
    }
    workbook: dict[str, Path] = {}

    def write_workbook() -> None:  # in this thread, while the workers render
        from cchc_analysis.reports.workbook import write_workbook as write

        workbook["path"] = write(tables, year, Path(out_dir), lang, scores_manifest)

    try:
        outcomes = pool.run(tasks, settings, on_done, write_workbook)
    except BaseException:
        pool.cancel()
        raise
    # Save outputs.
    from cchc_analysis.reports.processed import read_uncertainty
    from cchc_analysis.store.outputs import sha256_of
    from cchc_analysis.store.snapshot import SNAPSHOT, snapshot_scores

    snapshot_scores(Path(processed_dir), Path(out_dir))  # for `cchc verify` later
    entries = merge_entries(previous, outcomes, out_dir, year, lang)
    intervals, _ = read_uncertainty(Path(processed_dir), str(year))
    write_index(
        totals,
        entries,
        scores_manifest,
        Path(out_dir),
        year,
        lang,
        workbook["path"].name,
        intervals,
        run_date(started_at),
    )
    settings["notebook"] = from_project(Path(notebook))
    write_manifest(
        Path(out_dir),
        {
            "year": year,
            "lang": lang,
            "jobs": jobs,
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started_at)),
            "seconds": round(time.time() - started_at, 3),
            "only_failed": only_failed,
            "parameters": {
                k: from_project(v) if isinstance(v, Path) else v
                for k, v in settings.items()
                if k != "out_dir"
            },
            "notebook_sha256": sha256_of(Path(notebook)),
            "workbook": workbook["path"].name,
            "scores_snapshot": SNAPSHOT,
            "scores_manifest": _without_machine_paths(scores_manifest),
            **_render_environment(),
        },
        entries,
    )
    return outcomes


def _without_machine_paths(value: Any) -> Any:
    """Return a manifest (any JSON value) with every absolute path replaced by its path in
    the project, or its name (the scores' full record stays in the ``data/`` snapshot, where
    ``cchc verify`` finds the raw inputs)."""
    if isinstance(value, dict):
        return {k: _without_machine_paths(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_machine_paths(v) for v in value]
    if isinstance(value, str) and os.path.isabs(value) and "\n" not in value:
        return from_project(Path(value))
    return value


def _scores_for(processed_dir: Path, year: int) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """Return (score tables, scores manifest, the year's totals); LookupError when none."""
    import polars as pl

    from cchc_analysis.reports.processed import read_processed

    tables, manifest = read_processed(processed_dir, str(year))
    totals = tables["totals"].filter(pl.col("period") == str(year))
    if totals.is_empty():
        raise LookupError(f"no scores for {year} in {processed_dir}: run `cchc score` first")
    return tables, manifest, totals


def _render_environment() -> dict[str, str]:
    from cchc_analysis import __version__
    from cchc_analysis.store.provenance import git_commit

    return {"package_version": __version__, "git_commit": git_commit()}


def merge_entries(
    previous: dict[str, Any],
    outcomes: list[RenderOutcome],
    out_dir: Path,
    year: int,
    lang: str,
) -> list[dict[str, Any]]:
    """Return the manifest's report entries: this run's outcomes, plus the previous batch's
    entries (same year and language) for provinces not rendered now, sorted by code."""
    from cchc_analysis.store.outputs import sha256_of

    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    entries = {
        o.province_code: {
            "province_code": o.province_code,
            "province": o.province,
            "html": o.html_path and Path(o.html_path).name,
            "sha256": o.html_path and sha256_of(Path(o.html_path)),
            "seconds": round(o.seconds, 3),
            "error": o.error,
            "rendered_at": now,
        }
        for o in outcomes
    }
    if previous.get("year") == year and previous.get("lang") == lang:
        for entry in previous.get("reports", []):
            kept = entry.get("html") and (Path(out_dir) / entry["html"]).exists()
            if entry["province_code"] not in entries and (kept or entry.get("error")):
                entries[entry["province_code"]] = entry
    return [entries[code] for code in sorted(entries)]


def write_manifest(out_dir: Path, run: dict[str, Any], entries: list[dict[str, Any]]) -> Path:
    """Write ``manifest.json``: the run (parameters, versions, timings) and every report."""
    from cchc_analysis.store.outputs import atomic_write_json

    failed = [e["province_code"] for e in entries if e.get("error")]
    return atomic_write_json(
        Path(out_dir) / MANIFEST_FILE,
        {
            **run,
            "summary": {
                "reports": len(entries),
                "ok": len(entries) - len(failed),
                "failed": failed,
            },
            "reports": entries,
        },
    )
