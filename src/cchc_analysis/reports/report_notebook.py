"""The report notebook (``notebooks/province_report.py``, jupytext py:percent text): loaded
as a NotebookNode, its Papermill parameters (paths relative to where it runs, never an
absolute path of the machine), and its export to one offline HTML page (code hidden,
charts as inline SVG)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from cchc_analysis.reference.labels import LANGS

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_NOTEBOOK = PROJECT_ROOT / "notebooks" / "province_report.py"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@cache
def _notebook_json(path: str, digest: str) -> str:
    import jupytext
    import nbformat

    notebook = jupytext.reads(Path(path).read_text(encoding="utf-8"), fmt="py:percent")
    return nbformat.writes(notebook)


def from_project(path: Path) -> str:
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
    notebook.metadata["cchc_source"] = from_project(Path(path))
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
