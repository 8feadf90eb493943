"""Report workers, which execute the report notebook one report after the other.

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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from cchc_analysis.reports.names import report_path
from cchc_analysis.reports.report_notebook import DEFAULT_NOTEBOOK, notebook_parameters

# Nothing heavy is imported here (no Polars, no Jupyter): a batch launches its workers first
# and imports the rest while they boot.


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
