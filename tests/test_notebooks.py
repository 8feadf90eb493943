"""The teaching notebooks run top to bottom, offline (so they never rot), and show what they
say they show."""

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _execute(name: str, tmp_path: Path, parameters: dict | None = None):
    """Execute a notebook in a copy of the notebooks folder's location; return its outputs."""
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    if parameters:
        cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
        cell.source += "\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors[0].get("evalue")
    texts = "".join(
        str(o.get("data", {}).get("text/plain", "")) + str(o.get("data", {}).get("text/html", ""))
        for o in outputs
    )
    # offline: no chart or page asks a CDN for anything
    for cdn in ("cdn.jsdelivr", "unpkg.com", "<script src="):
        assert cdn not in texts, cdn
    return texts


@pytest.mark.slow
def test_the_explore_notebook_runs_and_shows_the_merger(tmp_path):
    text = _execute("explore", tmp_path)
    assert "places" in text  # the rank changes were shown
    assert "predecessors_combined" in text  # the 2025 comparison across the merger
    assert "86.98" in text and "viet" in text  # the published series with its sources
    assert "vegaEmbed" in text and "<svg" in text  # interactive charts, offline


@pytest.mark.slow
def test_the_my_province_notebook_writes_the_brief(tmp_path):
    text = _execute("my_province", tmp_path, {"province": "TP.HCM", "out_dir": str(tmp_path)})
    assert "Hồ Chí Minh" in text
    assert "khoảng 90 %" in text  # the rank interval, in Vietnamese
    assert (tmp_path / "cchc_scores_2025.xlsx").is_file()
    page = (tmp_path / "ho_chi_minh-2025.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 4 and "<script" not in page


@pytest.mark.slow
def test_the_check_my_table_notebook_breaks_quarantines_and_fixes(tmp_path):
    text = _execute("check_my_table", tmp_path)
    for rule in ("value_is_number", "province_resolvable", "unique_key"):
        assert rule in text, rule
    assert "✘" in text and "✔ no errors" in text  # broken first, clean after the fix
