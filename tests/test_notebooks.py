"""The exploration notebook runs top to bottom (so it never rots)."""

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.mark.slow
def test_the_explore_notebook_runs_top_to_bottom():
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(NOTEBOOKS / "explore.py")
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "places" in text  # the rank changes were shown
    assert "86.98" in text and "viet" in text  # the published series with its sources
