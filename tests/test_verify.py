"""`cchc verify`: a re-run from the recorded inputs reproduces the scores, and a changed raw
value is reported with the file and the provinces it affects."""

import json
import shutil
import subprocess
import sys

import pytest

from cchc_analysis.demo import FILE_NAME
from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.reports.render import render_reports
from cchc_analysis.reproduce import compare_charts, first_difference, recorded_charts
from tests.conftest import REPO

DEMO = REPO / "data" / "raw" / "demo" / FILE_NAME


@pytest.fixture
def built(tmp_path):
    raw = tmp_path / "data" / "raw" / FILE_NAME
    raw.parent.mkdir(parents=True)
    shutil.copy(DEMO, raw)
    shutil.copy(DEMO.with_name(FILE_NAME + ".meta.yaml"), raw.with_name(FILE_NAME + ".meta.yaml"))
    processed = tmp_path / "data" / "processed"
    assert run_validate([raw], processed, tmp_path / "reports" / "validation").ok
    run_score(processed / "indicators.parquet", "par-index-illustrative", processed)
    reports = tmp_path / "reports" / "2025"
    # three reports, so the re-execution stays short; the batch snapshots the scores too
    outcomes = render_reports(2025, processed, reports, provinces=["01", "04", "08"], jobs=1)
    assert not [o.error for o in outcomes if o.error]
    return raw, reports


def _verify(reports, cwd):
    return subprocess.run(
        [sys.executable, "-m", "cchc_analysis.cli", "verify", str(reports)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.mark.slow
def test_verify_reproduces_then_names_a_changed_raw_value(built, tmp_path):
    raw, reports = built
    same = _verify(reports, tmp_path)
    assert same.returncode == 0, same.stderr
    assert "reproduce exactly" in same.stdout
    assert "3 report notebooks re-executed, chart specifications identical" in same.stdout
    # change one raw value: Hà Nội's completed tasks in 2025
    lines = raw.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(
        i for i, line in enumerate(lines) if line.startswith("Hà Nội,2025,task.completed,")
    )
    fields = lines[index].split(",")
    fields[3] = str(int(fields[3]) - 10)
    lines[index] = ",".join(fields)
    raw.write_text("".join(lines), encoding="utf-8")
    changed = _verify(reports, tmp_path)
    assert changed.returncode == 1
    assert f"input file changed: {raw}" in changed.stderr
    assert "provinces affected: " in changed.stderr
    affected = changed.stderr.split("provinces affected: ")[1].splitlines()[0]
    assert "Hà Nội" in affected
    assert "Cao Bằng" not in affected  # its scores did not move…
    redrawn = changed.stderr.split("reports that differ: ")[1].splitlines()[0]
    assert "Hà Nội" in redrawn  # …but every report's ranking chart draws Hà Nội
    assert "chart: 2025 Hà Nội: " in changed.stderr


def _tampered(reports, tmp_path, change):
    """Return a copy of the reports folder with one recorded notebook's chart specs changed."""
    copy = tmp_path / "tampered"
    shutil.copytree(reports, copy)
    notebook = next((copy / "notebooks").glob("04-*.ipynb"))
    data = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in data["cells"]:
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("cchc", {})
            if "charts" in meta:
                charts = json.loads(meta["charts"])
                for section, spec in charts.items():
                    change(section, spec)
                meta["charts"] = json.dumps(charts, ensure_ascii=False)
    notebook.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return copy


def test_recorded_notebooks_hold_every_chart_and_a_changed_spec_is_named(built, tmp_path):
    _, reports = built
    notebook = next((reports / "notebooks").glob("04-*.ipynb"))
    charts = recorded_charts(notebook)
    assert set(charts) == {
        "domain_profile_heading",
        "ranking_heading",
        "uncertainty_heading",
        "trend_heading",
    }
    assert all(
        spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        for spec in charts.values()
    )
    entries = json.loads((reports / "manifest.json").read_text(encoding="utf-8"))["reports"]
    assert compare_charts(reports, reports, entries, "2025") == []

    def nudge(section, spec):
        if section == "ranking_heading":
            rows = next(iter(spec["datasets"].values()))
            rows[0]["index_pct"] += 1

    differences = compare_charts(reports, _tampered(reports, tmp_path, nudge), entries, "2025")
    assert len(differences) == 1
    (difference,) = differences
    assert (difference.table, difference.province) == ("chart", "Cao Bằng")
    assert difference.what.startswith("ranking_heading datasets.dataset0[0].index_pct")
    assert difference.recomputed == pytest.approx(
        difference.recorded + 1
    )  # the tampered side is the new one


def test_first_difference_names_the_path():
    assert first_difference({"a": [1, {"b": 2}]}, {"a": [1, {"b": 2}]}) is None
    assert first_difference({"a": [1, {"b": 2}]}, {"a": [1, {"b": 3}]}) == ("a[1].b", 2, 3)
    assert first_difference({"a": [1]}, {"a": [1, 2]}) == ("a (length)", 1, 2)
    assert first_difference({"a": 1}, {"a": 1, "c": 0}) == ("c", None, 0)
