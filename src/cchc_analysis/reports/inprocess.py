"""A report worker: one process that executes report notebooks one after the other with
Papermill, in an IPython shell of its own, and exports them to HTML.

Papermill's usual engine drives a Jupyter kernel over ZeroMQ: five messages a cell, each signed,
parsed and dated on both sides. For 34 reports of 15 cells on two cores that messaging costs as
much as a third of the batch, so the worker runs the cells in its own IPython shell through the
``cchc-in-process`` Papermill engine: same parameters cell, same outputs (streams, display data,
execute results, errors with their traceback), same cell timings and failure marks in
``nb.metadata.papermill``. Before every report the shell starts a new session and the process is
returned to the state recorded after warm-up (``cchc_analysis.reports.kernel_state``).

The parent talks to it over its stdin/stdout, one JSON object a line (``ReportWorker`` in
``cchc_analysis.reports.workers``); anything else the process prints goes to its stderr, a log file.
Run: ``python -m cchc_analysis.reports.inprocess`` (the parent does).
"""

from __future__ import annotations

import copy
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

ENGINE_NAME = "cchc-in-process"
KERNEL_NAME = "python3"


def _new_output(output_type: str, **fields: Any) -> Any:
    import nbformat

    return nbformat.v4.new_output(output_type, **fields)


def _report_shell() -> Any:
    """Return the process's IPython shell, created on first use: outputs go to the list
    ``shell.outputs`` (the cell being run) instead of a terminal or a kernel's sockets."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets import Type
    from traitlets.config import Config

    if InteractiveShell.initialized():
        return InteractiveShell.instance()

    class CapturingDisplayHook(DisplayHook):
        """Expression results as ``execute_result`` outputs of the cell being run."""

        def start_displayhook(self) -> None:
            pass

        def write_output_prompt(self) -> None:
            pass

        def write_format_data(self, format_dict: dict, md_dict: dict | None = None) -> None:
            shell: Any = self.shell
            shell.outputs.append(
                _new_output(
                    "execute_result",
                    data=format_dict,
                    metadata=md_dict or {},
                    execution_count=shell.execution_count,
                )
            )

        def finish_displayhook(self) -> None:
            pass

    class CapturingPublisher(DisplayPublisher):
        """``display()`` calls as ``display_data`` outputs of the cell being run."""

        def publish(self, data: dict, metadata: dict | None = None, *_: Any, **__: Any) -> None:
            self.shell.outputs.append(
                _new_output("display_data", data=data, metadata=metadata or {})
            )

        def clear_output(self, wait: bool = False) -> None:
            self.shell.outputs.clear()

    class ReportShell(InteractiveShell):
        """IPython without a terminal: what a cell shows is appended to ``outputs``."""

        outputs: Any

        displayhook_class = Type(CapturingDisplayHook)
        display_pub_class = Type(CapturingPublisher)

        def _showtraceback(self, etype: Any, evalue: Any, stb: list[str]) -> None:
            self.outputs.append(
                _new_output("error", ename=etype.__name__, evalue=str(evalue), traceback=list(stb))
            )

    config = Config()
    config.HistoryManager.hist_file = ":memory:"  # no history file
    config.InteractiveShell.cache_size = 0  # Out, _, __ keep nothing between cells
    config.InteractiveShell.colors = "NoColor"
    shell = ReportShell.instance(config=config)
    shell.outputs = []
    return shell


class _Stream(io.TextIOBase):
    """A text stream that appends what is written to the cell's outputs (one ``stream``
    output per run of writes to the same stream, as Jupyter shows it)."""

    def __init__(self, shell: Any, name: str) -> None:
        self.shell, self.name_ = shell, name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        outputs = self.shell.outputs
        last = outputs[-1] if outputs else {}
        if last.get("output_type") == "stream" and last.get("name") == self.name_:
            last["text"] += text
        elif text:
            outputs.append(_new_output("stream", name=self.name_, text=text))
        return len(text)


def run_cell(source: str) -> tuple[list[Any], int | None, bool]:
    """Run one cell's source in the report shell; return (its outputs, its execution count,
    whether it succeeded)."""
    shell = _report_shell()
    shell.outputs = []
    count = shell.execution_count
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _Stream(shell, "stdout"), _Stream(shell, "stderr")
    try:
        result = shell.run_cell(source, store_history=True)
    finally:
        sys.stdout, sys.stderr = saved
    return shell.outputs, count, bool(result.success)


class CellFailed(Exception):
    """A cell raised (its error output holds the traceback)."""


def _engine() -> type:
    """Return the Papermill engine that runs cells in this process's report shell."""
    from papermill.engines import Engine

    class InProcessEngine(Engine):
        """Papermill engine: each code cell run in the report shell, in order, until one
        fails (marked as Papermill marks it)."""

        @classmethod
        def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **_: Any) -> Any:
            for index, cell in enumerate(nb_man.nb.cells):
                try:
                    nb_man.cell_start(cell, index)
                    if cell.cell_type == "code" and cell.source.strip():
                        outputs, count, ok = run_cell(cell.source)
                        cell.outputs, cell.execution_count = outputs, count
                        if not ok:
                            raise CellFailed(index)
                except CellFailed as exc:
                    nb_man.cell_exception(nb_man.nb.cells[index], cell_index=index, exception=exc)
                    break
                finally:
                    nb_man.cell_complete(nb_man.nb.cells[index], cell_index=index)
            nb_man.nb.metadata["language_info"] = {
                "name": "python",
                "version": ".".join(map(str, sys.version_info[:3])),
                "mimetype": "text/x-python",
                "file_extension": ".py",
            }
            return nb_man.nb

    return InProcessEngine


def _papermill() -> Any:
    """Import papermill (without pyarrow, which it only wants for HDFS: ~0.5 s) and register
    the in-process engine."""
    if "papermill.engines" not in sys.modules:
        hide = "pyarrow" not in sys.modules
        if hide:
            sys.modules["pyarrow"] = None  # type: ignore[assignment]  # `import pyarrow` fails
        try:
            import papermill.engines
        finally:
            if hide and sys.modules.get("pyarrow", 0) is None:
                del sys.modules["pyarrow"]
    import papermill
    from papermill.engines import papermill_engines

    if ENGINE_NAME not in papermill_engines._engines:
        papermill_engines.register(ENGINE_NAME, _engine())
    return papermill


def papermill_execute(notebook: Any, parameters: dict[str, Any]) -> Any:
    """Return ``notebook`` parameterised and executed by Papermill in this process: the steps
    of ``papermill.execute_notebook`` (parameters injected after the ``parameters`` cell and
    recorded in ``nb.metadata.papermill``; cell timings; PapermillExecutionError on a failed
    cell) without its two JSON round trips of the notebook, which write nowhere here."""
    import nbformat
    from papermill.engines import papermill_engines
    from papermill.execute import (
        prepare_notebook_metadata,
        raise_for_execution_errors,
        remove_error_markers,
    )
    from papermill.parameterize import parameterize_notebook

    papermill = _papermill()
    nb = copy.deepcopy(notebook)
    nb.metadata["papermill"] = nbformat.from_dict(
        {
            "default_parameters": {},
            "parameters": {},
            "environment_variables": {},
            "version": papermill.__version__,
        }
    )
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
        cell.metadata.setdefault("papermill", {})
    nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL_NAME, engine_name=ENGINE_NAME)
    source = str(notebook.metadata.get("cchc_source", ""))
    nb = remove_error_markers(prepare_notebook_metadata(nb, source, None))
    nb = papermill_engines.execute_notebook_with_engine(
        ENGINE_NAME,
        nb,
        kernel_name=KERNEL_NAME,
        input_path=source,
        output_path=None,
        progress_bar=False,
        log_output=False,
    )
    raise_for_execution_errors(nb, None)
    return nb


# --------------------------------------------------------------------------- the process


class Worker:
    """What the process keeps between requests: the exporter, the notebooks it was sent."""

    def __init__(self) -> None:
        from cchc_analysis.reports import kernel_state

        _report_shell()
        self.state = kernel_state
        kernel_state.warm_up()
        _papermill()
        self.exporter: Any = None

    def execute(self, request: dict[str, Any]) -> dict[str, Any]:
        """Reset, then execute the notebook sent; return it executed (JSON) and the leaks."""
        import nbformat

        leaks = self.state.reset()
        notebook = nbformat.reads(request["notebook"], as_version=4)
        executed = papermill_execute(notebook, request["parameters"])
        return {"notebook": nbformat.writes(executed), "leaks": leaks}

    def render(self, request: dict[str, Any]) -> dict[str, Any]:
        """Reset, execute the report notebook with the parameters sent, and write its HTML
        page and executed notebook; return the page's path and the leaks."""
        import nbformat

        from cchc_analysis.reference.labels import text
        from cchc_analysis.reports.report_notebook import (
            export_html,
            load_notebook,
            make_exporter,
        )
        from cchc_analysis.store.outputs import atomic_write_text

        leaks = self.state.reset()
        if self.exporter is None:
            self.exporter = make_exporter()
        parameters = request["parameters"]
        executed = papermill_execute(load_notebook(Path(request["notebook_path"])), parameters)
        title = f"{text('report_title', parameters['lang'])} — {request['title']}"
        page = export_html(executed, title, parameters["lang"], self.exporter)
        target = Path(request["target"])
        atomic_write_text(target, page)
        atomic_write_text(  # validated by the exporter already
            target.parent / "notebooks" / target.with_suffix(".ipynb").name,
            nbformat.v4.writes_json(executed),
        )
        return {"path": str(target), "leaks": leaks}


def main() -> None:
    """Serve requests from stdin until it closes: ``{"op": "execute" | "render", …}`` a line,
    answered by ``{"ok": true, …}`` or ``{"ok": false, "error": …}`` a line on the original
    stdout (fd 1 is pointed at stderr, so nothing else can reach the parent's reader)."""
    from cchc_analysis.reports.workers import failure_reason

    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    try:
        worker = Worker()
        answers.write(json.dumps({"ok": True, "ready": True}) + "\n")
    except BaseException as exc:
        answers.write(json.dumps({"ok": False, "error": failure_reason(exc)}) + "\n")
        answers.flush()
        raise
    answers.flush()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            answer = {"ok": True, **getattr(worker, request["op"])(request)}
        except Exception as exc:  # a report that fails is an answer, not the end of the worker
            answer = {"ok": False, "error": failure_reason(exc)}
        answers.write(json.dumps(answer, ensure_ascii=False) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
