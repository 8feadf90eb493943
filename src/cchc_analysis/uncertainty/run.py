"""Rank uncertainty of whole tables: every period of a table (``rank_uncertainty``), and
the ``cchc uncertainty`` run that writes its tables and manifest (``run_uncertainty``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from cchc_analysis.scoring.rubric import Rubric
from cchc_analysis.uncertainty.model import build_model
from cchc_analysis.uncertainty.montecarlo import (
    bands_frame,
    intervals_frame,
    monte_carlo,
    summary_frame,
)
from cchc_analysis.uncertainty.sensitivity import domain_removal, sobol_indices
from cchc_analysis.uncertainty.spec import (
    DEFAULT_SEED,
    LEVEL,
    RUNS_DEFAULT,
    UncertaintySpec,
    enabled_sources,
    read_spec,
    select_sources,
    spec_path,
)


@dataclass(frozen=True)
class UncertaintyResult:
    """Rank uncertainty of every period of a table."""

    intervals: pl.DataFrame  # one row per period × province
    bands: pl.DataFrame  # one row per period × province × grade band
    summary: pl.DataFrame  # one row per period
    sobol: pl.DataFrame | None = None  # one row per period × source
    sobol_by_province: pl.DataFrame | None = None
    domain_removal: pl.DataFrame | None = None


def rank_uncertainty(
    indicators: pl.DataFrame,
    rubric: Rubric,
    spec: UncertaintySpec,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    periods: Iterable[str] | None = None,
    level: float = LEVEL,
    sensitivity: bool = False,
    sobol_n: int = 512,
) -> UncertaintyResult:
    """Return the rank intervals, grade-band probabilities and summary of every period (all
    in the table unless ``periods``), with Sobol indices and domain removal if
    ``sensitivity``."""
    from cchc_analysis.reference.periods import canonical_period

    # periods as int or str alike: [2024] and ["2024"] ask for the same period
    chosen = sorted(
        {canonical_period(p) for p in periods} if periods else indicators["period"].unique()
    )
    parts: dict[str, list[pl.DataFrame]] = {}
    for period in chosen:
        model = build_model(indicators, rubric, period)
        mc = monte_carlo(model, spec, runs, seed)
        found = {
            "intervals": intervals_frame(mc, level),
            "bands": bands_frame(mc),
            "summary": summary_frame(mc, level),
        }
        if sensitivity:
            indices = sobol_indices(model, spec, sobol_n, seed)
            found |= {
                "sobol": indices.overall,
                "sobol_by_province": indices.by_province,
                "domain_removal": domain_removal(model),
            }
        for name, frame in found.items():
            parts.setdefault(name, []).append(frame)
    frames = {name: pl.concat(items, how="diagonal") for name, items in parts.items()}
    return UncertaintyResult(**frames)


def run_uncertainty(
    indicators_path: Path,
    methodology: str,
    out_dir: Path,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    sources: str | None = None,
    spec: str | None = None,
    periods: list[str] | None = None,
    sensitivity: bool = True,
) -> dict[str, Path]:
    """Compute rank uncertainty for a table and methodology; write ``uncertainty_<name>``
    as Parquet and CSV (intervals, bands, summary, and with ``sensitivity`` sobol,
    sobol_by_province, domain_removal) and ``uncertainty_manifest.json``; return the paths."""
    from cchc_analysis.scoring.rubric import load_rubric, rubric_text
    from cchc_analysis.store.outputs import (
        atomic_write_csv,
        atomic_write_json,
        atomic_write_parquet,
        sha256_text,
    )
    from cchc_analysis.validate.gate import load_for_scoring

    indicators = load_for_scoring(Path(indicators_path))
    rubric = load_rubric(methodology)
    spec_file = Path(spec) if spec else spec_path(methodology)
    bundled = spec is None and Path(methodology).suffix not in {".yaml", ".yml"}
    chosen = select_sources(read_spec(spec_file), sources)
    result = rank_uncertainty(indicators, rubric, chosen, runs, seed, periods, LEVEL, sensitivity)
    out = Path(out_dir)
    paths: dict[str, Path] = {}
    for field in dataclasses.fields(result):
        frame = getattr(result, field.name)
        if frame is None:
            continue
        paths[field.name] = atomic_write_parquet(out / f"uncertainty_{field.name}.parquet", frame)
        atomic_write_csv(out / f"uncertainty_{field.name}.csv", frame)
    manifest = {
        "indicators": str(indicators_path),
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "sha256": sha256_text(rubric_text(methodology)),
        },
        "uncertainty_file": {
            "path": f"rubrics/{spec_file.name}" if bundled else str(spec_file),
            "sha256": sha256_text(spec_file.read_text(encoding="utf-8")),
        },
        "sources": enabled_sources(chosen),
        "runs": runs,
        "seed": seed,
        "level": LEVEL,
        "periods": result.summary["period"].to_list(),
        "outputs": {name: str(path) for name, path in paths.items()},
    }
    paths["manifest"] = atomic_write_json(out / "uncertainty_manifest.json", manifest)
    return paths
