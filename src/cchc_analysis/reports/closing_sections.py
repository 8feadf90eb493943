"""The end of a report: the province's validation warnings and the provenance footer
(files read with their sha256, rubric, versions, the notebook's parameters)."""

from __future__ import annotations

from pathlib import Path

from cchc_analysis.reference.labels import has_text, text
from cchc_analysis.reports.markup import (
    Html,
    escape,
    section_html,
    table_html,
)
from cchc_analysis.reports.panel import targets_digest
from cchc_analysis.reports.view import WARNING_COLUMNS, ReportView


def warnings_section(view: ReportView) -> Html:
    """Return the province's validation warnings as a table, or a sentence when there are none
    (or when no failures table was given)."""
    lang = view.lang
    if view.warnings is None:
        body = f'<p class="cchc-note">{escape(text("warnings_unavailable", lang))}</p>'
    elif view.warnings.is_empty():
        body = f'<p class="cchc-note">{escape(text("no_warnings", lang, year=view.year))}</p>'
    else:
        head = [text(f"warning_{k}", lang) for k in WARNING_COLUMNS]
        rows = [
            [(escape(w[k]), "num" if k == "row" else "") for k in WARNING_COLUMNS]
            for w in view.warnings.iter_rows(named=True)
        ]
        body = table_html(head, rows, "cchc-table cchc-warnings", text("caption_warnings", lang))
    return section_html("warnings_heading", lang, body)


def _portable(value: object) -> str:
    """Return a parameter as shown in a report: a path by its file or folder name only (no
    path of the machine the report was built on), anything else as it is."""
    if isinstance(value, str) and ("/" in value or "\\" in value):
        return Path(value).name
    return str(value)


def provenance_footer(view: ReportView) -> Html:
    """Return the provenance footer, folded away: input files (names) and their sha256, the
    processed tables read, rubric, package version, git commit and the notebook's
    parameters (paths by name only)."""
    from cchc_analysis import __version__

    m, lang = view.manifest, view.lang
    inputs = "".join(
        f"<li>{escape(text('input_file', lang))} "
        f"<code>{escape(Path(str(i['path'])).name)}</code> sha256 "
        f"<code>{escape(i.get('sha256'))}</code></li>"
        for i in m.get("inputs", [])
    )
    read = "".join(
        f"<li>{escape(text('file_read', lang))} <code>{escape(Path(f['path']).name)}</code> sha256 "
        f"<code>{escape(f['sha256'])}</code></li>"
        for f in view.files
    )
    rubric = m.get("rubric", {})
    status = rubric.get("status")
    status_text = (
        text(f"rubric_status_{status}", lang) if has_text(f"rubric_status_{status}") else status
    )
    parameters = ", ".join(
        f"{escape(text('param_' + k, lang) if has_text('param_' + k) else k)}="
        f"{escape(_portable(v))}"
        for k, v in view.parameters.items()
    )
    return Html(
        f'<footer class="cchc-footer"><details><summary>{escape(text("provenance_summary", lang))}'
        f"</summary><ul>{inputs}{read}"
        f"<li>{escape(text('rubric_label', lang))} <code>{escape(rubric.get('id'))}</code> "
        f"v{escape(rubric.get('version'))} ({escape(status_text)}), "
        f"sha256 <code>{escape(rubric.get('sha256'))}</code></li>"
        f"<li>{escape(text('scored_with', lang))} "
        f"cchc-analysis {escape(m.get('package_version'))}, "
        f"git <code>{escape(m.get('git_commit'))}</code>; {escape(text('rendered_with', lang))} "
        f"cchc-analysis {escape(__version__)}</li>"
        f"<li>{escape(text('targets_file', lang))} <code>national_targets.csv</code> sha256 "
        f"<code>{targets_digest()}</code></li>"
        f"<li>{escape(text('parameters', lang))}: <code>{parameters}</code></li>"
        f"</ul></details></footer>"
    )
