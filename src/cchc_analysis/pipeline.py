"""The stages end to end, each as load → process → save: validate raw tables into
``indicators.parquet``, then score it into the score tables and a run manifest."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis import __version__
from cchc_analysis.store.outputs import (
    atomic_write_csv,
    atomic_write_json,
    atomic_write_parquet,
    sha256_bytes,
    sha256_of,
    sha256_text,
)
from cchc_analysis.store.provenance import git_commit
from cchc_analysis.validate.gate import load_for_scoring

INDICATORS_FILE = "indicators.parquet"
FAILURES_FILE = "failures.csv"
QUARANTINE_FILE = "quarantined.csv"


def run_validate(
    files: list[Path],
    out_dir: Path,
    failures_dir: Path,
    quarantine: bool = False,
    options: Any = None,
    allow_changed_raw: bool = False,
    **load_options: Any,
) -> Any:
    """Load and validate indicator tables; return the ValidationResult.

    Always writes the failures table to ``failures_dir/failures.csv`` and Great Expectations
    Data Docs to ``failures_dir/data_docs``. Without errors, writes the standardised rows to
    ``out_dir/indicators.parquet``. With errors: nothing is written to ``out_dir``, unless
    ``quarantine`` is set, in which case the valid rows are written and every rejected input row
    goes to ``out_dir/quarantine/quarantined.csv`` with its reasons.
    """
    from cchc_analysis.read.load import check_input, load_indicators_with_info
    from cchc_analysis.store.provenance import check_raw_file, is_raw
    from cchc_analysis.validate.indicators import ValidationOptions, validate_indicators

    # Load inputs.
    for file in files:
        check_input(Path(file))
        if is_raw(Path(file)):
            check_raw_file(Path(file), allow_changed_raw)
    loaded = [load_indicators_with_info(Path(f), **load_options) for f in files]
    notes = tuple(f"{info.path}: {note}" for _, info in loaded for note in info.notes)
    indicators = pl.concat([frame for frame, _ in loaded], how="diagonal_relaxed")
    # Process data.
    options = options or ValidationOptions()
    Path(failures_dir).mkdir(parents=True, exist_ok=True)
    remove_stale_staging(Path(failures_dir))
    with tempfile.TemporaryDirectory(prefix=staging_prefix(), dir=failures_dir) as staging:
        docs = Path(staging) / "data_docs"
        result = replace(
            validate_indicators(indicators, replace(options, docs_dir=docs)), notes=notes
        )
        accepted, rejected = result.split()
        # Save outputs.
        replace_folder(docs, Path(failures_dir) / "data_docs")
    atomic_write_csv(Path(failures_dir) / FAILURES_FILE, result.failures)
    if result.ok or quarantine:
        atomic_write_parquet(Path(out_dir) / INDICATORS_FILE, _processed_columns(accepted))
        quarantine_file = Path(out_dir) / "quarantine" / QUARANTINE_FILE
        if quarantine and not rejected.is_empty():
            atomic_write_csv(quarantine_file, _quarantine_columns(rejected))
        elif quarantine_file.exists():
            quarantine_file.unlink()  # a clean run leaves no stale quarantine behind
    return result


STAGING = ".data_docs."


def staging_prefix() -> str:
    """Prefix of this process's Data Docs staging folder: it names the process, so a later run
    can tell the debris of a killed run from the folder of a run still going."""
    import os

    return f"{STAGING}{os.getpid()}."


def remove_stale_staging(folder: Path) -> list[Path]:
    """Remove the Data Docs staging folders (and a half-replaced ``.data_docs.old``) that runs
    killed midway left in ``folder``; return what was removed."""
    from cchc_analysis.store.outputs import process_alive

    removed = []
    for path in folder.glob(f"{STAGING}*"):
        pid = path.name.removeprefix(STAGING).split(".", 1)[0]
        if path.is_dir() and not (pid.isdigit() and process_alive(int(pid))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    old = folder / ".data_docs.old"
    if old.is_dir() and (folder / "data_docs").is_dir():
        shutil.rmtree(old, ignore_errors=True)
        removed.append(old)
    return removed


def replace_folder(new: Path, target: Path) -> None:
    """Put folder ``new`` in place of ``target`` with two renames (the old one is removed
    afterwards), so readers never see a half-written folder."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _processed_columns(rows: pl.DataFrame) -> pl.DataFrame:
    return rows.select(
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
    ).sort("period", "province_code", "indicator", "file", "row")


def _quarantine_columns(rows: pl.DataFrame) -> pl.DataFrame:
    return rows.select(
        "file",
        "row",
        "column",
        pl.col("province_raw").alias("province"),
        pl.col("period_raw").alias("period"),
        "indicator",
        pl.col("value_text").alias("value"),
        "unit",
        "source",
        "note",
        "reasons",
    ).sort("file", "row", "column")


PINNED_PACKAGES = (
    "polars",
    "pyarrow",
    "pandas",
    "great-expectations",
    "altair",
    "vl-convert-python",
    "papermill",
    "nbclient",
    "nbconvert",
    "ipykernel",
    "jupytext",
)


def package_versions() -> dict[str, str]:
    """Return the installed versions of the packages that shape the results."""
    from importlib.metadata import PackageNotFoundError, version

    versions = {"cchc-analysis": __version__}
    for name in PINNED_PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _data_file_hashes() -> dict[str, str]:
    """Return the sha256 of the package's registries and catalogues (configuration as data)."""
    from importlib import resources

    folder = resources.files("cchc_analysis") / "data"
    return {
        item.name: sha256_bytes(item.read_bytes())
        for item in sorted(folder.iterdir(), key=lambda i: i.name)
        if item.name.endswith((".csv", ".yaml"))
    }


def _lock_hash() -> str | None:
    lock = Path(__file__).resolve().parents[2] / "uv.lock"
    return sha256_of(lock) if lock.exists() else None


def run_manifest(
    indicators: pl.DataFrame, rubric_name: str, outputs: dict[str, Path], parameters: dict[str, Any]
) -> dict[str, Any]:
    """Return what a scoring run was made from: inputs with sha256, rubric, registries and
    catalogues, lock file, package versions, git commit (``-dirty`` when the tree had changes),
    parameters and random seed — everything needed to tell why a re-run differs."""
    from cchc_analysis.scoring.rubric import load_rubric, rubric_text

    rubric = load_rubric(rubric_name)
    files = sorted(indicators["file"].unique().to_list())
    sources = indicators["source"].drop_nulls().unique().to_list()
    commit = git_commit()
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
        "package_data_sha256": _data_file_hashes(),
        "lock_sha256": _lock_hash(),
        "package_version": __version__,
        "packages": package_versions(),
        "git_commit": commit,
        "git_dirty": commit.endswith("-dirty"),
        "parameters": parameters,
        "random_seed": None,  # scoring draws no random numbers; uncertainty runs record theirs
        "outputs": {name: str(path) for name, path in outputs.items()},
    }


UNCERTAINTY_RUNS = 1000
UNCERTAINTY_SEED = 20250701


def write_rank_uncertainty(
    indicators: pl.DataFrame, rubric_name: str, totals: pl.DataFrame, out: Path
) -> dict[str, Path]:
    """When the methodology declares its uncertain inputs, write every annual period's rank
    intervals and grade-band probabilities (1,000 replications, fixed seed) beside the scores,
    for the reports; return the paths written (none without a declaration)."""
    from cchc_analysis.scoring.rubric import load_rubric
    from cchc_analysis.uncertainty.run import rank_uncertainty
    from cchc_analysis.uncertainty.spec import load_spec, spec_path

    if not spec_path(rubric_name).exists():
        return {}
    periods = sorted(p for p in totals["period"].unique().to_list() if len(p) == 4)
    result = rank_uncertainty(
        indicators,
        load_rubric(rubric_name),
        load_spec(rubric_name),
        UNCERTAINTY_RUNS,
        UNCERTAINTY_SEED,
        periods,
    )
    paths = {
        "uncertainty_intervals": out / "uncertainty_intervals.parquet",
        "uncertainty_bands": out / "uncertainty_bands.parquet",
    }
    atomic_write_parquet(
        paths["uncertainty_intervals"], result.intervals.sort("period", "province_code")
    )
    atomic_write_parquet(paths["uncertainty_bands"], result.bands.sort(*result.bands.columns[:3]))
    return paths


def run_score(indicators_path: Path, rubric_name: str, out_dir: Path) -> dict[str, Path]:
    """Score an indicator table with a methodology (rubric); write the ``totals``, ``domains``
    and ``criteria`` tables as Parquet and CSV (``scores_<name>.parquet|csv``) and
    ``_manifest.json`` to ``out_dir``; return the written paths by name."""
    from cchc_analysis.scoring.engine import score_indicators
    from cchc_analysis.scoring.merger import compare_with_previous
    from cchc_analysis.scoring.rubric import load_rubric

    # Load inputs.
    indicators = load_for_scoring(indicators_path)
    rubric = load_rubric(rubric_name)
    # Process data.
    scores = score_indicators(indicators, rubric)
    totals = compare_with_previous(indicators, scores, rubric)
    # Joins do not promise an order: sort on keys, so two runs write the same bytes.
    tables = {
        "totals": totals.sort("period", "rank", "province_code"),
        "domains": scores.domains.sort("period", "province_code", "domain_order"),
        "criteria": scores.criteria.sort("period", "province_code", "criterion_order"),
    }
    # Save outputs.
    out = Path(out_dir)
    paths = {name: out / f"scores_{name}.parquet" for name in tables}
    for name, frame in tables.items():
        atomic_write_parquet(paths[name], frame)
        atomic_write_csv(paths[name].with_suffix(".csv"), frame)
    paths |= write_rank_uncertainty(indicators, rubric_name, tables["totals"], out)
    parameters = {"indicators": str(indicators_path), "methodology": rubric_name, "out": str(out)}
    atomic_write_json(
        out / "_manifest.json", run_manifest(indicators, rubric_name, paths, parameters)
    )
    return {**paths, "manifest": out / "_manifest.json"}
