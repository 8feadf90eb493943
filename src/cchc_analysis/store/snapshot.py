"""The score snapshot of a batch of reports: the score tables and run manifest the reports
were built from, copied next to them so ``cchc verify`` can recompute them later."""

from __future__ import annotations

from pathlib import Path

SNAPSHOT = "data"


def snapshot_scores(processed_dir: Path, reports_dir: Path) -> Path:
    """Copy the score tables and run manifest a batch of reports was built from into
    ``reports_dir/data`` (so the reports can be verified later); return that folder."""
    from cchc_analysis.store.outputs import atomic_write_bytes

    target = Path(reports_dir) / SNAPSHOT
    names = [f"scores_{t}.parquet" for t in ("totals", "domains", "criteria")]
    names += ["uncertainty_intervals.parquet", "uncertainty_bands.parquet", "_manifest.json"]
    for name in names:
        source = Path(processed_dir) / name
        if source.exists():
            atomic_write_bytes(target / name, source.read_bytes())
    return target
