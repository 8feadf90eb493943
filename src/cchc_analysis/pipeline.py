"""The stages end to end, each as load → process → save: validate raw tables into
``indicators.parquet``, then score it into the score tables and a run manifest."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis import __version__
from cchc_analysis.outputs import (
    atomic_path,
    atomic_write_json,
    atomic_write_parquet,
    sha256_of,
    sha256_text,
)

INDICATORS_FILE = "indicators.parquet"
FAILURES_FILE = "failures.csv"


def git_commit(folder: Path | None = None) -> str:
    """Return the current git commit (with ``-dirty`` when the tree has changes), or 'unknown'."""
    cwd = folder or Path(__file__).resolve().parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"],
            cwd=cwd,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=cwd,
            text=True,
            capture_output=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}-dirty" if dirty else commit


def run_validate(files: list[Path], out_dir: Path, failures_dir: Path) -> Any:
    """Load and validate indicator tables; return the ValidationResult. On success write the
    standardised rows to ``out_dir/indicators.parquet``; always write the failures CSV to
    ``failures_dir`` (empty when clean). Nothing is written to ``out_dir`` when there are errors."""
    from cchc_analysis.load import load_indicators
    from cchc_analysis.validate import validate_indicators

    # Load inputs.
    indicators = pl.concat([load_indicators(Path(f)) for f in files], how="vertical_relaxed")
    # Process data.
    result = validate_indicators(indicators)
    # Save outputs.
    atomic_write_bytes_csv(Path(failures_dir) / FAILURES_FILE, result.failures)
    if result.ok:
        clean = indicators.select(
            "province_code",
            "province",
            "era",
            "period",
            "year",
            "indicator",
            "value",
            "unit",
            "source",
            "note",
            "file",
            "row",
        ).sort("period", "province_code", "indicator")
        atomic_write_parquet(Path(out_dir) / INDICATORS_FILE, clean)
    return result


def atomic_write_bytes_csv(target: Path, frame: pl.DataFrame) -> Path:
    """Write ``frame`` as UTF-8 CSV (with BOM, so Excel shows Vietnamese) atomically."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(b"\xef\xbb\xbf" + frame.write_csv().encode("utf-8"))
    return target


def _manifest(
    indicators: pl.DataFrame, rubric_name: str, outputs: dict[str, Path]
) -> dict[str, Any]:
    from cchc_analysis.rubric import load_rubric, rubric_text

    rubric = load_rubric(rubric_name)
    files = sorted(indicators["file"].unique().to_list())
    sources = indicators["source"].drop_nulls().unique().to_list()
    return {
        "inputs": [
            {"path": f, "sha256": sha256_of(Path(f)) if Path(f).exists() else None} for f in files
        ],
        "synthetic": any("SYNTHETIC" in s.upper() for s in sources),
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "status": rubric.status,
            "sha256": sha256_text(rubric_text(rubric_name)),
        },
        "package_version": __version__,
        "git_commit": git_commit(),
        "outputs": {name: str(path) for name, path in outputs.items()},
    }


def run_score(indicators_path: Path, rubric_name: str, out_dir: Path) -> dict[str, Path]:
    """Score ``indicators.parquet`` with a rubric; write scores_totals/domains/criteria.parquet
    and ``_manifest.json`` to ``out_dir``; return the written paths by name."""
    from cchc_analysis.merger import compare_with_previous
    from cchc_analysis.rubric import load_rubric
    from cchc_analysis.score import score_indicators

    # Load inputs.
    indicators = pl.read_parquet(indicators_path)
    rubric = load_rubric(rubric_name)
    # Process data.
    scores = score_indicators(indicators, rubric)
    totals = compare_with_previous(indicators, scores, rubric)
    tables = {"totals": totals, "domains": scores.domains, "criteria": scores.criteria}
    # Save outputs.
    out = Path(out_dir)
    paths = {name: out / f"scores_{name}.parquet" for name in tables}
    for name, frame in tables.items():
        atomic_write_parquet(paths[name], frame)
    atomic_write_json(out / "_manifest.json", _manifest(indicators, rubric_name, paths))
    return {**paths, "manifest": out / "_manifest.json"}
