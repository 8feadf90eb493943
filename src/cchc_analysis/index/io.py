"""Writing a build: every table as Parquet and CSV, atomically (``cchc_analysis.store.outputs``),
the main ones as one Excel workbook (``index.xlsx``), and a manifest with the hashes of the
spec and the data. Text cells of the CSV that a spreadsheet would read as a formula (``=``,
``+``, ``-``, ``@``, tab, carriage return first) get a leading apostrophe; the Parquet files
and the workbook keep the text as it is (the workbook stores it as text)."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from cchc_analysis.index import tables
from cchc_analysis.index.build import Build, IndexBuildError
from cchc_analysis.index.montecarlo import MonteCarlo, parameters_frame, rank_stats, summary
from cchc_analysis.index.spec import UncertaintyOptions
from cchc_analysis.store.outputs import (
    atomic_write_bytes,
    atomic_write_csv,
    atomic_write_json,
    atomic_write_parquet,
    sha256_of,
)

_FORMULA_START = r"^[=+\-@\t\r]"


def defused(frame: pl.DataFrame) -> pl.DataFrame:
    """Return the frame with text cells that start like a formula prefixed by an apostrophe."""
    text = [c for c, d in frame.schema.items() if d == pl.String]
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA_START))
        .then(pl.lit("'") + pl.col(c))
        .otherwise(pl.col(c))
        .alias(c)
        for c in text
    )


def write_table(out: Path, name: str, frame: pl.DataFrame) -> list[Path]:
    """Write ``name``.parquet and ``name``.csv into ``out``; return both paths."""
    return [
        atomic_write_parquet(out / f"{name}.parquet", frame),
        atomic_write_csv(out / f"{name}.csv", defused(frame)),
    ]


def workbook_bytes(frames: dict[str, pl.DataFrame]) -> bytes:
    """Return an .xlsx with one sheet per frame (bold frozen header, numbers as numbers, text
    always stored as text: a cell starting with ``=`` is never a formula)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, frame in frames.items():
        sheet = book.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        header = []
        for column in frame.columns:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in frame.iter_rows():
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK_SHEETS = ("level_", "weights", "treatment", "coverage", "flags", "rank_stats")


def build_tables(build: Build) -> dict[str, pl.DataFrame]:
    """Return every table of a build by file name."""
    summary_frame, correlations, pca, flags = tables.multivariate(build)
    out = {f"level_{lv}": tables.level_frame(build, lv) for lv in tables.levels(build)}
    out |= {
        "scores": tables.scores_long(build),
        "indicator_steps": tables.indicator_steps(build),
        "describe": tables.describe(build),
        "coverage": tables.coverage(build),
        "unit_coverage": tables.unit_coverage(build),
        "imputed_cells": tables.imputed_cells(build),
        "treatment": tables.treatment(build),
        "weights": tables.weights(build),
        "groups": summary_frame,
        "correlations": correlations,
        "pca": pca,
        "loadings": tables.loadings(build),
        "flags": flags,
    }
    return out


def uncertainty_tables(
    build: Build, options: UncertaintyOptions, mc: MonteCarlo
) -> dict[str, pl.DataFrame]:
    """Return the Monte Carlo tables: rank statistics and every replication's parameters."""
    return {
        "rank_stats": rank_stats(mc),
        "replications": parameters_frame(build, options, mc.draws),
    }


def write_build(
    build: Build,
    out: Path,
    spec_path: Path | None = None,
    data_path: Path | None = None,
    extra: dict[str, pl.DataFrame] | None = None,
    mc: MonteCarlo | None = None,
) -> list[Path]:
    """Write every table of the build (and ``extra`` ones) to ``out`` with
    ``index_manifest.json``; return the paths written."""
    out = Path(out)
    frames = build_tables(build) | (extra or {})
    targets = {out / f"{n}.{x}" for n in frames for x in ("parquet", "csv")}
    targets |= {out / "index.xlsx", out / "index_manifest.json", out / "audit.html"}
    inputs = {p.resolve() for p in (spec_path, data_path) if p is not None}
    clash = sorted(str(t) for t in targets if t.resolve() in inputs)
    if clash:
        raise IndexBuildError(
            f"--out {out} would overwrite the input {clash[0]}; choose another output folder"
        )
    paths: list[Path] = []
    for name, frame in frames.items():
        paths += write_table(out, name, frame)
    sheets = {n: f for n, f in frames.items() if n.startswith(WORKBOOK_SHEETS)}
    paths.append(atomic_write_bytes(out / "index.xlsx", workbook_bytes(sheets)))
    manifest: dict[str, object] = {
        "index": build.plan.spec.id,
        "name": build.plan.spec.name,
        "synthetic": build.plan.spec.synthetic,
        "source": build.plan.spec.source,
        "periods": sorted(build.periods),
        "units": len(set(build.data.units)),
        "indicators": len(build.plan.indicators),
        "tables": sorted(frames),
    }
    if spec_path is not None:
        manifest["spec"] = {"path": str(spec_path), "sha256": sha256_of(spec_path)}
    if data_path is not None:
        manifest["data"] = {"path": str(data_path), "sha256": sha256_of(data_path)}
    if mc is not None:
        manifest["uncertainty"] = {
            "period": mc.period,
            "runs": int(mc.scores.shape[0]),
            "seed": mc.seed,
            **summary(mc),
        }
    paths.append(atomic_write_json(out / "index_manifest.json", manifest))
    return paths
