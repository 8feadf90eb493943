"""The processed tables a report reads (scores, indicators, validation failures, rank
intervals), each read once per process and file content."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import polars as pl

PROCESSED_FILES = {
    "totals": "scores_totals.parquet",
    "domains": "scores_domains.parquet",
    "criteria": "scores_criteria.parquet",
}
INDICATORS_FILE = "indicators.parquet"
MANIFEST = "_manifest.json"


def _stamp(path: Path) -> tuple[str, int, int]:
    """Return what identifies a file's content for the caches below: its resolved path,
    modification time and size (a file rewritten by `cchc score` gets a new stamp)."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=32)
def _parquet(stamp: tuple[str, int, int], period: str | None) -> pl.DataFrame:
    frame = pl.scan_parquet(stamp[0])
    return (frame if period is None else frame.filter(pl.col("period") == period)).collect()


def read_parquet(path: Path, period: str | None = None) -> pl.DataFrame:
    """Return a Parquet table (the rows of ``period`` only, when given), read once per process
    and file content: every report of a batch reads the same tables."""
    return _parquet(_stamp(Path(path)), period)


def read_processed(
    processed_dir: Path | str, period: str | None = None
) -> tuple[dict[str, pl.DataFrame], dict[str, Any]]:
    """Return the processed score tables and the run manifest from ``processed_dir`` (the
    domains and criteria of ``period`` only, when one is given; the totals of every period)."""
    folder = Path(processed_dir)
    tables = {}
    for name, file in PROCESSED_FILES.items():
        tables[name] = read_parquet(folder / file, None if name == "totals" else period)
    manifest_path = folder / MANIFEST
    manifest = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    return tables, manifest


def read_indicators(processed_dir: Path | str, period: str | None = None) -> pl.DataFrame | None:
    """Return ``indicators.parquet`` from ``processed_dir`` (the rows of ``period`` only, when
    one is given), or None when it is absent."""
    path = Path(processed_dir) / INDICATORS_FILE
    return read_parquet(path, period) if path.exists() else None


def read_failures(path: Path | str | None) -> pl.DataFrame | None:
    """Return the validation failures table (every column a string), or None when absent."""
    if not path or not Path(path).is_file():
        return None
    return _failures(_stamp(Path(path)))


@lru_cache(maxsize=4)
def _failures(stamp: tuple[str, int, int]) -> pl.DataFrame:
    frame = pl.read_csv(Path(stamp[0]).read_bytes(), infer_schema=False)
    return frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})


@lru_cache(maxsize=32)
def _sha256(stamp: tuple[str, int, int]) -> str:
    from cchc_analysis.store.outputs import sha256_of

    return sha256_of(Path(stamp[0]))


def file_digest(path: Path | str) -> dict[str, str]:
    """Return ``{"path", "sha256"}`` of a file read for the report (its name only: no path
    of the machine reaches a report); hashed once per process and file content."""
    return {"path": Path(path).name, "sha256": _sha256(_stamp(Path(path)))}


def read_uncertainty(
    processed_dir: Path | str, period: str
) -> tuple[pl.DataFrame | None, pl.DataFrame | None]:
    """Return (rank intervals, grade bands with their lower bounds) of ``period`` from the
    uncertainty tables beside the scores; None for a table that is absent."""
    folder = Path(processed_dir)
    found: list[pl.DataFrame | None] = []
    for name in ("uncertainty_intervals.parquet", "uncertainty_bands.parquet"):
        path = folder / name
        found.append(read_parquet(path, period) if path.exists() else None)
    intervals, bands = found
    if bands is not None:
        bands = (
            bands.group_by("grade")
            .agg(pl.col("band_min").first())
            .sort("band_min", descending=True)
        )
    return intervals, bands
