"""The `cchc` command end to end on the three-province fixture, as a user runs it."""

import os
import subprocess
import sys

import polars as pl
import pytest

from tests.conftest import long_rows, write_csv

CCHC = [sys.executable, "-m", "cchc_analysis.cli"]


def _run(*args, cwd):
    return subprocess.run(
        [*CCHC, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_help_is_fast_and_lists_the_commands(tmp_path):
    # "fast" as in: the heavy libraries are not imported (timed in benchmarks/, never here)
    done = _run("--help", cwd=tmp_path)
    assert done.returncode == 0
    for command in ("validate", "score", "report", "reports", "demo-data"):
        assert command in done.stdout
    code = "import cchc_analysis.cli, sys; print('great_expectations' in sys.modules, 'papermill' in sys.modules)"
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert imported.stdout.strip() == "False False"


@pytest.mark.slow
def test_validate_score_reports_end_to_end(tmp_path, three_province_csv):
    processed, reports = tmp_path / "processed", tmp_path / "reports"
    validated = _run(
        "validate",
        three_province_csv,
        "--out",
        processed,
        "--failures-dir",
        reports / "validation",
        cwd=tmp_path,
    )
    assert validated.returncode == 0, validated.stderr
    assert "province_count" in validated.stderr  # 3 of 34 provinces: a warning only
    scored = _run("score", processed / "indicators.parquet", "--out", processed, cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    totals = pl.read_parquet(processed / "scores_totals.parquet").filter(pl.col("period") == "2025")
    assert sorted(totals["province"]) == ["Hà Nội", "Phú Thọ", "Đồng Tháp"]
    assert sorted(totals["rank"]) == [1, 2, 3]
    rendered = _run(
        "reports",
        "--year",
        2025,
        "--processed",
        processed,
        "--out",
        reports / "2025",
        "--jobs",
        2,
        cwd=tmp_path,
    )
    assert rendered.returncode == 0, rendered.stderr
    html = sorted(p.name for p in (reports / "2025").glob("*.html"))
    assert html == ["01-ha_noi.html", "25-phu_tho.html", "82-dong_thap.html", "index.html"]
    index = (reports / "2025" / "index.html").read_text(encoding="utf-8")
    for name in html[:-1]:
        assert f'href="{name}"' in index


def test_validate_fails_with_row_and_rule_and_writes_nothing(tmp_path):
    rows = long_rows("Hà Nội", "2024", {"task.planned": 40, "task.completed": 41})
    rows += long_rows("Hòa Bình", "2025", {"task.planned": 10})
    path = write_csv(tmp_path, rows)
    processed = tmp_path / "processed"
    done = _run(
        "validate", path, "--out", processed, "--failures-dir", tmp_path / "v", cwd=tmp_path
    )
    assert done.returncode == 1
    assert "table.csv:3" in done.stderr and "task_completed_within_planned" in done.stderr
    assert "table.csv:4" in done.stderr and "merged into Phú Thọ" in done.stderr
    assert not processed.exists() or not any(processed.iterdir())
    failures = pl.read_csv(tmp_path / "v" / "failures.csv")
    assert set(failures["rule"]) >= {"task_completed_within_planned", "province_resolvable"}


def test_a_failed_validation_leaves_previous_outputs_intact(tmp_path, three_province_csv):
    processed = tmp_path / "processed"
    assert (
        _run(
            "validate",
            three_province_csv,
            "--out",
            processed,
            "--failures-dir",
            tmp_path,
            cwd=tmp_path,
        ).returncode
        == 0
    )
    before = (processed / "indicators.parquet").read_bytes()
    bad = write_csv(tmp_path, long_rows("Hà Nội", "2024", {"task.planned": -1}))
    assert (
        _run(
            "validate", bad, "--out", processed, "--failures-dir", tmp_path, cwd=tmp_path
        ).returncode
        == 1
    )
    assert (processed / "indicators.parquet").read_bytes() == before


def test_score_a_published_components_table_with_a_methodology(tmp_path):
    components = {
        "Quảng Ninh": (55.12, 9.5, 18.1, 9.46),
        "TP.HCM": (50.0, 8.75, 17.25, 8.5),
        "Hà Giang": (50.0, 8.75, 17.25, 8.5),
    }
    ids = [
        "par.appraisal_points",
        "par.sipas_points",
        "par.leader_survey_points",
        "par.impact_points",
    ]
    rows = [
        r
        for name, values in components.items()
        for r in long_rows(name, "2023", dict(zip(ids, values, strict=True)))
    ]
    path = write_csv(tmp_path, rows)
    done = _run(
        "score",
        path,
        "--methodology",
        "par-index-published",
        "--out",
        tmp_path / "out",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    totals = pl.read_csv(
        tmp_path / "out" / "scores_totals.csv", schema_overrides={"province_code": pl.String}
    )
    by_name = {r["province_name"]: r for r in totals.iter_rows(named=True)}
    assert by_name["Quảng Ninh"]["index_pct"] == pytest.approx(92.18)
    assert by_name["Hồ Chí Minh"]["index_pct"] == pytest.approx(84.5)
    assert [by_name[n]["rank"] for n in ("Quảng Ninh", "Hồ Chí Minh", "Hà Giang")] == [1, 2, 2]
    assert (tmp_path / "out" / "scores_criteria.parquet").exists()


def test_score_refuses_a_table_with_errors(tmp_path):
    path = write_csv(tmp_path, long_rows("Hòa Bình", "2025", {"par.appraisal_points": 50}))
    done = _run(
        "score",
        path,
        "--methodology",
        "par-index-published",
        "--out",
        tmp_path / "out",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "merged into Phú Thọ" in done.stderr
    assert not (tmp_path / "out").exists()
