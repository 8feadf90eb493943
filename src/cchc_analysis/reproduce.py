"""Reviewers re-run and get the same answer: recompute a run from its recorded inputs and say
exactly what changed and why."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.store.snapshot import SNAPSHOT

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


# --------------------------------------------------------------------------- the reports


def recorded_charts(notebook: Path) -> dict[str, Any]:
    """Return the Vega-Lite specs an executed report notebook recorded, by section key."""
    from cchc_analysis.reports.markup import CHARTS_METADATA

    data = json.loads(Path(notebook).read_text(encoding="utf-8"))
    charts: dict[str, Any] = {}
    for cell in data.get("cells", []):
        for output in cell.get("outputs", []):
            recorded = output.get("metadata", {}).get(CHARTS_METADATA, {}).get("charts")
            charts.update(json.loads(recorded) if isinstance(recorded, str) else recorded or {})
    return charts


def _canonical(spec: Any) -> Any:
    """Return the spec with its datasets named by position: Altair names them by a hash of
    their content, which says nothing a reader can use."""
    names = list((spec or {}).get("datasets", {})) if isinstance(spec, dict) else []
    text = json.dumps(spec, ensure_ascii=False)
    for position, name in enumerate(names):
        text = text.replace(json.dumps(name), json.dumps(f"dataset{position}"))
    return json.loads(text)


def first_difference(recorded: Any, new: Any, path: str = "") -> tuple[str, Any, Any] | None:
    """Return (path, recorded value, new value) of the first place two JSON values differ,
    or None when they are equal."""
    if isinstance(recorded, dict) and isinstance(new, dict):
        for key in [*recorded, *(k for k in new if k not in recorded)]:
            if key not in recorded or key not in new:
                return f"{path}.{key}".lstrip("."), recorded.get(key), new.get(key)
            found = first_difference(recorded[key], new[key], f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(recorded, list) and isinstance(new, list):
        for index, (a, b) in enumerate(zip(recorded, new, strict=False)):
            found = first_difference(a, b, f"{path}[{index}]")
            if found:
                return found
        if len(recorded) != len(new):
            return f"{path} (length)".lstrip("."), len(recorded), len(new)
        return None
    return None if recorded == new else (path.lstrip(".") or "(whole)", recorded, new)


def compare_charts(
    recorded_dir: Path, new_dir: Path, entries: list[dict[str, Any]], period: str
) -> list[Difference]:
    """Return the differences between the chart specs each recorded report notebook holds and
    those of its re-execution (a report missing on either side is one difference too)."""
    differences: list[Difference] = []
    for entry in entries:
        name = Path(entry["html"]).with_suffix(".ipynb").name
        old, new = (Path(d) / "notebooks" / name for d in (recorded_dir, new_dir))
        province = entry["province"]
        if not old.exists():
            differences.append(Difference("report", period, province, "notebook", str(old), None))
            continue
        if not new.exists():
            error = entry.get("rerender_error") or "not re-executed"
            differences.append(Difference("report", period, province, "re-execution", "ok", error))
            continue
        before, after = recorded_charts(old), recorded_charts(new)
        for section in [*before, *(k for k in after if k not in before)]:
            found = first_difference(
                _canonical(before.get(section)), _canonical(after.get(section))
            )
            if found:
                where, was, now = found
                differences.append(
                    Difference("chart", period, province, f"{section} {where}", was, now)
                )
    return differences


def rerender_reports(
    reports_dir: Path, processed_dir: Path, out_dir: Path, jobs: int = 2
) -> tuple[list[dict[str, Any]], list[Difference], list[str]]:
    """Re-execute every report a batch recorded (``reports_dir/manifest.json``) with its
    recorded parameters, reading the scores recomputed into ``processed_dir``, into
    ``out_dir``; return (the recorded report entries, chart differences, likely causes)."""
    from cchc_analysis import __version__
    from cchc_analysis.pipeline import FAILURES_FILE
    from cchc_analysis.reports.render import MANIFEST_FILE, render_reports
    from cchc_analysis.reports.report_notebook import DEFAULT_NOTEBOOK
    from cchc_analysis.store.outputs import sha256_of

    manifest = read_manifest(Path(reports_dir) / MANIFEST_FILE)
    parameters = manifest.get("parameters", {})
    entries = [e for e in manifest.get("reports", []) if e.get("html") and not e.get("error")]
    failures = Path(processed_dir) / "validation" / FAILURES_FILE
    notebook = Path(parameters.get("notebook", ""))
    outcomes = render_reports(
        int(manifest["year"]),
        Path(processed_dir),
        Path(out_dir),
        provinces=[e["province_code"] for e in entries],
        lang=manifest.get("lang", "vi"),
        jobs=jobs,
        notebook=notebook if notebook.is_file() else DEFAULT_NOTEBOOK,
        failures_path=failures if failures.exists() else None,
    )
    errors = {o.province_code: o.error for o in outcomes if o.error}
    entries = [{**e, "rerender_error": errors.get(e["province_code"])} for e in entries]
    differences = compare_charts(Path(reports_dir), Path(out_dir), entries, str(manifest["year"]))
    causes = []
    if notebook.is_file() and sha256_of(notebook) != manifest.get("notebook_sha256"):
        causes.append(f"report notebook changed: {notebook}")
    if manifest.get("package_version") not in (None, __version__):
        causes.append(f"package version changed: {manifest['package_version']} → {__version__}")
    return entries, differences, causes
