"""Parquet files → the table: numeric columns stay numbers, text columns stay text."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from cchc_analysis.read.contract import TYPED, LoadError
from cchc_analysis.read.headers import _unique_names
from cchc_analysis.read.inputs import clip


def _table_from_parquet(path: Path) -> pl.DataFrame:
    try:
        raw = pl.read_parquet(path)
    except Exception as exc:  # corrupt files fail in pyarrow, polars or the OS, in many ways
        raise LoadError(
            f"{path}: cannot be read as a Parquet file: {clip(str(exc).splitlines()[0], 300)}"
            if str(exc)
            else f"{path}: cannot be read as a Parquet file ({type(exc).__name__})"
        ) from exc
    nested = [
        (name, dtype)
        for name, dtype in raw.schema.items()
        if dtype.is_nested() or dtype in (pl.Binary, pl.Object)
    ]
    if nested:
        name, dtype = nested[0]
        raise LoadError(
            f"{path}: column {name!r} has type {dtype}: an indicator table holds one number or "
            "text per cell; flatten the column (one value per row) and write it again"
        )
    names = _unique_names(list(raw.columns))
    numeric = [n for n, dtype in zip(names, raw.dtypes, strict=True) if dtype.is_numeric()]
    table = raw.rename(dict(zip(raw.columns, names, strict=True))).with_columns(
        pl.col(n).cast(pl.String) for n in names
    )
    return table.with_columns(
        pl.lit(numeric, dtype=pl.List(pl.String)).alias(TYPED),
        row=pl.int_range(2, pl.len() + 2, dtype=pl.Int64),
    )
