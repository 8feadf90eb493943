"""Render province reports: execute the parameterised notebook with Papermill, export it to
offline HTML (code hidden, charts as inline SVG), and build the index, manifest and workbook
of a batch.

Speed without shared state: each of the ``jobs`` worker threads owns one report worker process
(``ReportWorker``, ``cchc_analysis.reports.inprocess``) started once, with the report's libraries
imported once. Before every report the worker starts a new IPython session and is returned to
the state recorded after warm-up (``reports.kernel_state``); then Papermill parameterises
the notebook (values reach it only as Papermill parameters, recorded in ``nb.metadata.papermill``)
and executes it in the worker's own IPython shell through the ``cchc-in-process`` Papermill
engine, and the worker exports the HTML (its exporter built once). Workers write their stderr to
a log file, so a batch prints nothing but its progress; one that dies or hangs is stopped,
costs its report, and is replaced.
"""

from __future__ import annotations

import html
import json
import os
import queue
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from cchc_analysis.reference.labels import LANGS, number, text
from cchc_analysis.reports.names import report_path

# Nothing heavy is imported here (no Polars, no Jupyter): a batch launches its workers first and
# imports the rest while they boot.

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_NOTEBOOK = PROJECT_ROOT / "notebooks" / "province_report.py"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
INDEX_CSS = (TEMPLATES / "index.css").read_text(encoding="utf-8")
INDEX_JS = (TEMPLATES / "index.js").read_text(encoding="utf-8")
MANIFEST_FILE = "manifest.json"


class RenderError(RuntimeError):
    """A report that could not be executed or exported (message says which and why)."""


@dataclass(frozen=True)
class RenderTask:
    """One report to render: the province (code, name and slug resolved beforehand)."""

    province_code: str
    province: str
    slug: str
    name_en: str = ""  # the page title of an English report


@dataclass(frozen=True)
class RenderOutcome:
    """What happened to one province in a batch."""

    province_code: str
    province: str
    html_path: str | None
    seconds: float
    error: str | None = None


# --------------------------------------------------------------------------- names


# --------------------------------------------------------------------------- the notebook


@cache
def _notebook_json(path: str, digest: str) -> str:
    import jupytext
    import nbformat

    notebook = jupytext.reads(Path(path).read_text(encoding="utf-8"), fmt="py:percent")
    return nbformat.writes(notebook)


def _from_project(path: Path) -> str:
    """Return a path relative to the project (or the working folder) when it lies inside it,
    else its name: what outputs record instead of an absolute path of the machine."""
    resolved = Path(path).resolve()
    for root in (PROJECT_ROOT, Path.cwd().resolve()):
        if resolved.is_relative_to(root):
            return str(resolved.relative_to(root))
    return resolved.name


def load_notebook(path: Path = DEFAULT_NOTEBOOK) -> Any:
    """Return the report notebook (kept as jupytext py:percent text) as a NotebookNode."""
    import nbformat

    from cchc_analysis.store.outputs import sha256_of

    digest = sha256_of(Path(path))
    notebook = nbformat.reads(_notebook_json(str(Path(path).resolve()), digest), as_version=4)
    notebook.metadata["cchc_source"] = _from_project(Path(path))
    return notebook


def portable_path(path: Path | str, base: Path | None = None) -> str:
    """Return ``path`` relative to ``base`` (the report notebook's folder, where the report
    workers run) — never an absolute path of the machine in an output; '.' for the folder."""
    where = (base or DEFAULT_NOTEBOOK.parent).resolve()
    return os.path.relpath(Path(path).resolve(), where)


def notebook_parameters(
    province_code: str,
    year: int,
    processed_dir: Path,
    lang: str,
    failures_path: Path | None,
    base: Path | None = None,
) -> dict[str, Any]:
    """Return the Papermill parameters of one report (plain str/int values); paths relative
    to ``base``, the folder the notebook runs in (the report notebook's own by default)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return {
        "province": province_code,
        "year": int(year),
        "processed_dir": portable_path(processed_dir, base),
        "lang": lang,
        "failures_path": portable_path(failures_path, base) if failures_path else "",
    }


# --------------------------------------------------------------------------- report worker


class ReportWorker:
    """One worker process (``python -m cchc_analysis.reports.inprocess``) that executes report
    notebooks one after the other with Papermill in its own IPython shell, each in a new
    session restored to the state recorded after warm-up. Use from one thread only."""

    def __init__(
        self, cwd: Path, timeout: int = 120, warm: str = "", startup_timeout: int = 600
    ) -> None:
        self.cwd = Path(cwd)
        self.timeout = timeout
        self.warm = warm  # kernel_state.WARM_ENV: a report to build during warm-up
        # Warm-up imports polars/altair/papermill (and may build a report): on a loaded
        # machine that alone can take longer than a report is allowed, so it has its own,
        # generous limit.
        self.startup_timeout = startup_timeout
        self.leaks: list[str] = []
        self.process: subprocess.Popen[str] | None = None
        self._folder: Path | None = None
        self._log: Any = None
        self._warming = False

    def launch(self) -> ReportWorker:
        """Start the process (its stderr to a log file) without waiting for its warm-up;
        return self (``wait`` completes the start)."""
        self._folder = Path(tempfile.mkdtemp(prefix="cchc-worker-"))
        self._log = open(self._folder / "worker.log", "w", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "cchc_analysis.reports.inprocess"],
            cwd=self.cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1", "CCHC_WARM_REPORT": self.warm},
        )
        self._warming = True
        return self

    def wait(self) -> ReportWorker:
        """Wait until the worker has warmed up; return self."""
        if self._warming:
            self._warming = False
            self._answer(self.startup_timeout)
        return self

    def start(self) -> ReportWorker:
        """Start the worker and warm it up; return self."""
        return self.launch().wait()

    def _answer(self, timeout: int | None = None) -> dict[str, Any]:
        """Read the worker's next answer (RenderError when it fails, dies or is silent for
        longer than ``timeout``, by default the report timeout: then it is stopped)."""
        assert self.process is not None and self.process.stdout is not None
        limit = self.timeout if timeout is None else timeout
        ready, _, _ = select.select([self.process.stdout], [], [], limit)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            why = f"no answer in {limit} s" if not ready else "the worker stopped"
            self._stop(why)
        answer: dict[str, Any] = json.loads(line)
        if not answer.get("ok"):
            raise RenderError(str(answer.get("error")))
        self.leaks = list(answer.get("leaks", []))
        return answer

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            self._stop("the worker stopped")
        return self._answer()

    def _stop(self, why: str) -> NoReturn:
        """Stop the worker and raise RenderError saying why, with the end of its log."""
        tail = self.log_tail()
        if self.process is not None:
            self.process.kill()  # it may be stuck in a cell: do not wait for it
        self.close()
        raise RenderError(f"report worker: {why}\n{tail}")

    def execute(self, notebook: Any, parameters: dict[str, Any]) -> Any:
        """Reset the worker, then parameterise and execute ``notebook`` with Papermill in it;
        return the executed NotebookNode (RenderError naming the cell's error when one
        fails)."""
        import nbformat

        answer = self._ask(
            {"op": "execute", "notebook": nbformat.writes(notebook), "parameters": parameters}
        )
        return nbformat.reads(answer["notebook"], as_version=4)

    def render(self, notebook: Path, parameters: dict[str, Any], title: str, target: Path) -> Path:
        """Have the worker execute the report notebook and write ``target`` (HTML) and the
        executed notebook beside it; return ``target``."""
        answer = self._ask(
            {
                "op": "render",
                "notebook_path": str(Path(notebook).resolve()),
                "parameters": parameters,
                "title": title,
                "target": str(target),
            }
        )
        return Path(answer["path"])

    def alive(self) -> bool:
        """True while the worker process runs."""
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 20) -> str:
        """Return the end of the worker's log (its stderr)."""
        if self._folder is None or not (self._folder / "worker.log").exists():
            return ""
        if self._log is not None and not self._log.closed:
            self._log.flush()
        content = (self._folder / "worker.log").read_text(encoding="utf-8", errors="replace")
        return "\n".join(content.splitlines()[-lines:])

    def close(self) -> None:
        """Stop the worker (its stdin closed, then killed if it lingers) and remove its log."""
        process, self.process = self.process, None
        try:
            if process is not None:
                if process.stdin is not None:
                    process.stdin.close()
                process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            if process is not None:
                process.kill()
                process.wait()
        finally:
            if process is not None and process.stdout is not None:
                process.stdout.close()
            if self._log is not None:
                self._log.close()
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
            self._log = self._folder = None


# --------------------------------------------------------------------------- HTML export


def _exporter_class() -> type:
    """Return nbconvert's HTML exporter without its final BeautifulSoup pass, which re-parses
    the whole page (~60 ms with inline SVG) only to add ``alt`` to ``<img>`` elements and
    ``tabindex`` to JupyterLab cells; the report template has neither."""
    from nbconvert import HTMLExporter, TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        """HTMLExporter for the cchc_report template."""

        def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
            resources = self._init_resources(resources)
            self.register_filter("highlight_code", Highlight2HTML(parent=self))
            self.register_filter(
                "filter_data_type",
                WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources
                ),
            )
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return ReportExporter


def make_exporter() -> Any:
    """Return the HTML exporter of the reports (built once per worker: it is slow to build)."""
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.remove_cell_tags = ("remove_cell",)
    config.TagRemovePreprocessor.enabled = True
    # Validate the notebook once after the preprocessors, not after each of the eleven.
    config.Exporter.optimistic_validation = True
    exporter = _exporter_class()(
        config=config, template_name="cchc_report", extra_template_basedirs=[str(TEMPLATES)]
    )
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(executed: Any, title: str, lang: str = "vi", exporter: Any = None) -> str:
    """Return the executed notebook as one self-contained HTML page: inputs and prompts
    hidden, cells tagged ``remove_cell`` dropped, no script fetched from anywhere."""
    executed.metadata["title"] = title
    executed.metadata["cchc"] = {"lang": lang}
    body, _ = (exporter or make_exporter()).from_notebook_node(executed)
    return str(body)


class NotNeeded(Exception):
    """A worker turned out not to be needed (fewer reports than jobs)."""


class ReportRenderer:
    """A worker thread's report worker: renders reports one after the other."""

    def __init__(
        self,
        notebook: Path = DEFAULT_NOTEBOOK,
        needed: Callable[[], bool] | None = None,
        warm: str = "",
    ) -> None:
        self.notebook_path = Path(notebook)
        self.warm = warm
        # The worker warms up (imports, first chart) while this process prepares its side;
        # ``needed`` is asked before waiting for it (NotNeeded: stopped at once).
        self.worker = ReportWorker(self.notebook_path.resolve().parent, warm=warm).launch()
        try:
            if needed is not None and not needed():
                raise NotNeeded
            self.worker.wait()
        except BaseException:
            self.worker.close()
            raise

    def render(self, task: RenderTask, parameters: dict[str, Any], out_dir: Path) -> Path:
        """Execute and export one report into ``out_dir`` (HTML, and the executed notebook
        under ``out_dir/notebooks``); return the HTML path."""
        target = report_path(out_dir, task.province_code, task.slug)
        if not self.worker.alive():  # a previous report killed it: start a fresh one
            self.worker.close()
            self.worker = ReportWorker(self.notebook_path.resolve().parent, warm=self.warm).start()
        english = parameters.get("lang") == "en" and task.name_en
        title = f"{task.name_en if english else task.province} {parameters['year']}"
        return self.worker.render(self.notebook_path, parameters, title, target)

    def close(self) -> None:
        """Stop the worker."""
        self.worker.close()


def failure_reason(exc: BaseException) -> str:
    """Return an exception as the one-line-first reason a report failed (capped at 2,000
    characters)."""
    reason = f"{type(exc).__name__}: {exc}".strip()
    if len(reason) > 2000:
        reason = reason[:2000] + "…" + traceback.format_exc(limit=3)[-200:]
    return reason


# --------------------------------------------------------------------------- one and many


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


class RendererPool:
    """``jobs`` worker threads, each launching its own report worker at once; ``run`` then
    feeds them reports. Workers beyond the number of reports stop before they warm up."""

    def __init__(self, jobs: int, notebook: Path = DEFAULT_NOTEBOOK, warm: str = "") -> None:
        self.notebook = Path(notebook)
        self.warm = warm
        self.settings: dict[str, Any] = {}
        self._tasks: queue.Queue = queue.Queue()
        self._results: queue.Queue = queue.Queue()
        self._planned = threading.Event()
        self._wanted = max(1, jobs)
        self._threads = [
            threading.Thread(target=self._work, args=(index,), name=f"report-{index}", daemon=True)
            for index in range(max(1, jobs))
        ]
        for thread in self._threads:
            thread.start()

    def _needed(self, index: int) -> bool:
        self._planned.wait(timeout=300)
        return index < self._wanted

    def _work(self, index: int) -> None:
        """Start this worker's renderer, then render tasks until a None arrives."""
        renderer: ReportRenderer | None = None
        failure: Exception | None = None
        try:
            try:
                renderer = ReportRenderer(self.notebook, lambda: self._needed(index), self.warm)
            except NotNeeded:
                return
            except Exception as exc:  # reported with each task this worker takes
                failure = exc
            while (task := self._tasks.get()) is not None:
                started = time.perf_counter()
                try:
                    if renderer is None:  # the first start failed: try again for this task
                        try:
                            renderer = ReportRenderer(self.notebook, warm=self.warm)
                        except Exception as exc:
                            reason = failure_reason(failure or exc)
                            raise RenderError(f"report worker did not start: {reason}") from exc
                    path = renderer.render(task, self._parameters(task), self.settings["out_dir"])
                    outcome = RenderOutcome(
                        task.province_code, task.province, str(path), time.perf_counter() - started
                    )
                except Exception as exc:  # a batch continues past one province's failure
                    seconds = time.perf_counter() - started
                    outcome = RenderOutcome(
                        task.province_code, task.province, None, seconds, failure_reason(exc)
                    )
                self._results.put(outcome)
        finally:
            if renderer is not None:
                renderer.close()

    def _parameters(self, task: RenderTask) -> dict[str, Any]:
        s = self.settings
        return notebook_parameters(
            task.province_code,
            s["year"],
            s["processed_dir"],
            s["lang"],
            s["failures_path"],
            self.notebook.resolve().parent,
        )

    def run(
        self,
        tasks: list[RenderTask],
        settings: dict[str, Any],
        on_done: Callable[[RenderOutcome], None] | None = None,
        while_running: Callable[[], Any] | None = None,
    ) -> list[RenderOutcome]:
        """Render ``tasks`` (settings: year, processed_dir, lang, failures_path, out_dir); call
        ``on_done`` with each outcome as it comes and ``while_running`` once, meanwhile, in this
        thread; return the outcomes in task order. The pool is closed afterwards."""
        self.settings = settings
        self._wanted = min(len(self._threads), len(tasks))
        self._planned.set()
        for task in tasks:
            self._tasks.put(task)
        self.close()
        if while_running is not None:
            while_running()
        outcomes = {}
        for _ in tasks:
            outcome = self._results.get()
            outcomes[outcome.province_code] = outcome
            if on_done is not None:
                on_done(outcome)
        for thread in self._threads:
            thread.join()
        return [outcomes[t.province_code] for t in tasks]

    def close(self) -> None:
        """Let every worker stop (after the queued tasks) and close its process."""
        self._planned.set()
        for _ in self._threads:
            self._tasks.put(None)

    def cancel(self, timeout: float = 60) -> None:
        """Drop the queued tasks, close, and wait for the workers to finish the report they
        are on and stop their processes."""
        self._wanted = 0
        try:
            while True:
                self._tasks.get_nowait()
        except queue.Empty:
            pass
        self.close()
        for thread in self._threads:
            thread.join(timeout)


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
    from cchc_analysis.reports.sections import read_uncertainty
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
    settings["notebook"] = _from_project(Path(notebook))
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
                k: _from_project(v) if isinstance(v, Path) else v
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
        return _from_project(Path(value))
    return value


def _scores_for(processed_dir: Path, year: int) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """Return (score tables, scores manifest, the year's totals); LookupError when none."""
    import polars as pl

    from cchc_analysis.reports.sections import read_processed

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


# --------------------------------------------------------------------------- index page


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


# --------------------------------------------------------------------------- PDF


CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_MISSING = (
    "--pdf needs headless Chromium, which prints each report with its print stylesheet (A4). "
    "Install it: `sudo apt-get install chromium` (Debian/Ubuntu), `brew install --cask "
    "chromium` (macOS), or set CCHC_CHROMIUM to a Chromium or Chrome executable."
)


class PdfToolMissing(RuntimeError):
    """No Chromium to print PDFs with (the message says how to get one)."""


def find_chromium() -> str:
    """Return the Chromium executable that prints PDFs (``CCHC_CHROMIUM`` first); raise
    PdfToolMissing saying how to install it."""
    named = os.environ.get("CCHC_CHROMIUM")
    if named:
        if shutil.which(named):
            return str(shutil.which(named))
        raise PdfToolMissing(f"CCHC_CHROMIUM={named!r} is not an executable. {CHROMIUM_MISSING}")
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfToolMissing(CHROMIUM_MISSING)


def print_pdf(chromium: str, page: Path, target: Path, timeout: int = 120) -> Path:
    """Print one HTML page to ``target`` (A4, the page's print stylesheet, no browser header
    or footer, nothing fetched) with headless Chromium; write atomically; return ``target``."""
    page, target = Path(page).resolve(), Path(target).resolve()
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as scratch:
        partial = Path(scratch) / target.name
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
            f"--user-data-dir={Path(scratch) / 'profile'}",
            f"--print-to-pdf={partial}",
            page.as_uri(),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not partial.exists():
            raise RenderError(f"Chromium could not print {page.name}: {done.stderr[-500:]}")
        os.replace(partial, target)
    return target


def write_pdfs(out_dir: Path, pages: list[Path], jobs: int = 2) -> list[Path]:
    """Print every page (the reports, then ``index.html``) to a PDF beside it, ``jobs`` at a
    time; return the PDFs written (PdfToolMissing when there is no Chromium)."""
    from concurrent.futures import ThreadPoolExecutor

    chromium = find_chromium()
    targets = [(page, Path(out_dir) / Path(page).with_suffix(".pdf").name) for page in pages]
    with ThreadPoolExecutor(max(1, jobs)) as pool:
        return list(pool.map(lambda pair: print_pdf(chromium, *pair), targets))
