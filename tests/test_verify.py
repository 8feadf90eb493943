"""`cchc verify`: a re-run from the recorded inputs reproduces the scores, and a changed raw
value is reported with the file and the provinces it affects."""

import shutil
import subprocess
import sys

import pytest

from cchc_analysis.demo import FILE_NAME
from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.reproduce import snapshot_scores
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
    snapshot_scores(processed, reports)
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
    assert "Hà Nội" in changed.stderr.split("provinces affected: ")[1]
