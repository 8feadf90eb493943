"""Reviewers re-run and get the same answer: recompute a run from its recorded inputs and say
exactly what changed and why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

RESULT_TABLES = {
    "totals": (["period", "province_code"], ["points", "index_pct", "rank", "grade"]),
    "criteria": (["period", "province_code", "criterion_id"], ["points", "max_points"]),
    # the rank intervals drawn in every report (written when the methodology declares them)
    "uncertainty_intervals": (["period", "province_code"], ["rank_lo", "rank_hi", "median_rank"]),
}
TABLE_FILES = {
    "totals": "scores_totals.parquet",
    "criteria": "scores_criteria.parquet",
    "uncertainty_intervals": "uncertainty_intervals.parquet",
}


@dataclass(frozen=True)
class Difference:
    """One thing that is not the same in the re-run."""

    table: str
    period: str | None
    province: str | None
    what: str
    recorded: Any
    recomputed: Any

    def __str__(self) -> str:
        where = " ".join(x for x in (self.period, self.province) if x)
        return f"{self.table}: {where}: {self.what} {self.recorded!r} → {self.recomputed!r}"


def read_manifest(path: Path) -> dict[str, Any]:
    """Return a JSON manifest as a dict."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def recompute(scores_manifest: dict[str, Any], workdir: Path) -> dict[str, Any]:
    """Re-run validation and scoring from the manifest's recorded inputs and methodology into
    ``workdir``; return the new run manifest (changed raw files are used, and reported by
    ``likely_causes``)."""
    from cchc_analysis.pipeline import INDICATORS_FILE, run_score, run_validate

    files = [Path(item["path"]) for item in scores_manifest["inputs"]]
    result = run_validate(files, workdir, workdir / "validation", allow_changed_raw=True)
    if not result.ok:
        raise ValueError(
            "the recorded inputs no longer validate: "
            + "; ".join(
                f"{f['file']}:{f['row']} {f['rule']}"
                for f in result.failures.filter(pl.col("severity") == "error")
                .head(5)
                .iter_rows(named=True)
            )
        )
    methodology = (
        scores_manifest.get("parameters", {}).get("methodology") or scores_manifest["rubric"]["id"]
    )
    paths = run_score(workdir / INDICATORS_FILE, methodology, workdir)
    return read_manifest(paths["manifest"])


def compare_tables(recorded_dir: Path, recomputed_dir: Path) -> list[Difference]:
    """Return the differences between two sets of score tables (values, ranks, grades; rows
    present in only one of them)."""
    differences: list[Difference] = []
    for name, (keys, values) in RESULT_TABLES.items():
        old_path, new_path = (Path(d) / TABLE_FILES[name] for d in (recorded_dir, recomputed_dir))
        if not old_path.exists() and not new_path.exists():
            continue
        if not (old_path.exists() and new_path.exists()):
            differences.append(
                Difference(name, None, None, "table present", old_path.exists(), new_path.exists())
            )
            continue
        # Labels may be stored as categoricals: compare them as text.
        old, new = _as_text(pl.read_parquet(old_path)), _as_text(pl.read_parquet(new_path))
        joined = old.select(*keys, "province", *values).join(
            new.select(*keys, *values), on=keys, how="full", suffix="_new", coalesce=True
        )
        for row in joined.iter_rows(named=True):
            for value in values:
                before, after = row[value], row[f"{value}_new"]
                if _differs(before, after):
                    differences.append(
                        Difference(
                            name,
                            row["period"],
                            row["province"] or row["province_code"],
                            f"{row['criterion_id']} {value}" if "criterion_id" in row else value,
                            before,
                            after,
                        )
                    )
    return differences


def _as_text(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(pl.Categorical).cast(pl.String))


def _differs(before: Any, after: Any) -> bool:
    if isinstance(before, float) and isinstance(after, float):
        return abs(before - after) > 1e-9
    return bool(before != after)


def likely_causes(recorded: dict[str, Any], recomputed: dict[str, Any]) -> list[str]:
    """Return why two run manifests differ: input files, rubric, package data (registries,
    catalogues), lock file or package versions."""
    causes = []
    old_inputs = {i["path"]: i["sha256"] for i in recorded.get("inputs", [])}
    for item in recomputed.get("inputs", []):
        if old_inputs.get(item["path"]) != item["sha256"]:
            causes.append(
                f"input file changed: {item['path']} (sha256 "
                f"{str(old_inputs.get(item['path']))[:12]}… → {item['sha256'][:12]}…)"
            )
    if recorded.get("rubric", {}).get("sha256") != recomputed.get("rubric", {}).get("sha256"):
        causes.append(
            f"rubric changed: {recomputed['rubric']['id']} "
            f"{recorded.get('rubric', {}).get('version')} → "
            f"{recomputed['rubric']['version']}"
        )
    for name, digest in recomputed.get("package_data_sha256", {}).items():
        if recorded.get("package_data_sha256", {}).get(name) not in (None, digest):
            causes.append(f"package data changed: {name}")
    for name, version in recomputed.get("packages", {}).items():
        before = recorded.get("packages", {}).get(name)
        if before not in (None, version):
            causes.append(f"package version changed: {name} {before} → {version}")
    if recorded.get("lock_sha256") not in (None, recomputed.get("lock_sha256")):
        causes.append("uv.lock changed")
    return causes


def affected_provinces(differences: list[Difference]) -> list[str]:
    """Return the provinces named by the differences, in first-seen order."""
    seen: dict[str, None] = {}
    for difference in differences:
        if difference.province:
            seen.setdefault(difference.province, None)
    return list(seen)


SNAPSHOT = "data"


def snapshot_scores(processed_dir: Path, reports_dir: Path) -> Path:
    """Copy the score tables and run manifest a batch of reports was built from into
    ``reports_dir/data`` (so the reports can be verified later); return that folder."""
    from cchc_analysis.outputs import atomic_write_bytes

    target = Path(reports_dir) / SNAPSHOT
    names = [f"scores_{t}.parquet" for t in ("totals", "domains", "criteria")]
    names += ["uncertainty_intervals.parquet", "uncertainty_bands.parquet", "_manifest.json"]
    for name in names:
        source = Path(processed_dir) / name
        if source.exists():
            atomic_write_bytes(target / name, source.read_bytes())
    return target


def verify_scores(reports_dir: Path, workdir: Path) -> tuple[list[Difference], list[str]]:
    """Recompute the scores a batch of reports recorded (``reports_dir/data``) from their
    recorded inputs into ``workdir``; return (differences, likely causes)."""
    snapshot = Path(reports_dir) / SNAPSHOT
    if not (snapshot / "_manifest.json").exists():
        raise FileNotFoundError(
            f"{snapshot}/_manifest.json not found: render the reports with "
            "`cchc reports` (it records what they were built from)"
        )
    recorded = read_manifest(snapshot / "_manifest.json")
    recomputed = recompute(recorded, Path(workdir))
    differences = compare_tables(snapshot, Path(workdir))
    return differences, likely_causes(recorded, recomputed) if differences else []
