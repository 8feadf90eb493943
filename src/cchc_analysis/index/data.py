"""The data of an index: one row per unit (× period for a panel), one column per indicator.

Files are read by ``cchc_analysis.read.load.read_table`` (CSV in any common encoding, Excel,
Parquet; text in NFC; the file's row numbers kept). Numbers may be written the Vietnamese way
(``70,25``, ``512.304``) or the English way; each column settles its own format from its
unambiguous cells (Vietnamese when none settles it). A cell that is not a number, a missing
column or a repeated unit raises ``IndexDataError`` naming file, row, column and the fix.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from cchc_analysis.index.spec import IndexSpec
from cchc_analysis.read.numbers import PLACEHOLDERS, add_number_columns

NO_PERIOD = ""
TYPED = "__typed_cells__"  # load.read_table: the columns whose cell held a real number


class IndexDataError(ValueError):
    """Data that does not fit its index spec; the message names file, row and column."""


@dataclass(frozen=True)
class IndexData:
    """The indicators of every unit (× period), in the spec's indicator order."""

    source: str
    units: tuple[str, ...]  # one per row
    names: tuple[str, ...]
    periods: tuple[str, ...]  # NO_PERIOD when the data has no period column
    values: np.ndarray  # rows × indicators, NaN = missing
    indicators: tuple[str, ...]
    extra: dict[str, tuple[str | None, ...]]  # other columns (e.g. a unit's region)

    def period_list(self) -> list[str]:
        """Return the periods in text order (2021 < 2022 < 2023): name them so that text
        order is time order (panel interpolation follows it)."""
        return sorted(set(self.periods))

    def rows_of(self, period: str) -> np.ndarray:
        """Return the row numbers of one period."""
        return np.flatnonzero(np.asarray(self.periods) == period)


def _numbers(frame: pl.DataFrame, column: str, typed: pl.Series | None) -> pl.Series:
    """Return the column as Float64. A numeric column is taken as it is. A text column is read
    in its own number format, settled by its unambiguous cells (Vietnamese when none settles
    it), with scientific notation as a fallback; cells that held real numbers in the file
    (``typed``: Excel or Parquet numbers, written out the English way) are read as English.
    Null where a cell is empty, a placeholder or not a number."""
    series = frame.get_column(column)
    if series.dtype.is_numeric():
        return series.cast(pl.Float64).fill_nan(None)
    parsed = add_number_columns(frame.select(pl.col(column).cast(pl.String).alias("t")), "t")
    is_typed = typed if typed is not None else pl.Series([False] * frame.height)
    evidence = set(parsed.filter(~is_typed).get_column("_evidence").drop_nulls().to_list())
    language = "en" if "en" in evidence and "vi" not in evidence else "vi"
    plain = pl.col("t").str.strip_chars().cast(pl.Float64, strict=False)
    value = (
        pl.when(pl.lit(is_typed))
        .then(pl.coalesce(pl.col("_en"), plain))
        .otherwise(pl.coalesce(pl.col(f"_{language}"), plain))
    )
    return parsed.select(pl.when(value.is_finite()).then(value)).to_series().alias(column)


def from_frame(frame: pl.DataFrame, spec: IndexSpec, source: str = "<frame>") -> IndexData:
    """Return the index data of a frame (cells as text or numbers; a ``row`` column, if any,
    holds the file's row numbers for the messages)."""
    cols = spec.data
    frame = frame.rename({c: unicodedata.normalize("NFC", c) for c in frame.columns})
    if "row" not in frame.columns:
        frame = frame.with_columns(row=pl.int_range(2, pl.len() + 2, dtype=pl.Int64))
    wanted = [cols.unit, *spec.tree.indicators]
    if cols.name:
        wanted.append(cols.name)
    if cols.period:
        wanted.append(cols.period)
    absent = [c for c in wanted if c not in frame.columns]
    if absent:
        raise IndexDataError(
            f"{source}: column(s) {absent} named in the spec are not in the data; the data has "
            f"{frame.columns[:12]}{' …' if frame.width > 12 else ''}. Fix the spec's "
            "data/indicators keys or the file's header."
        )
    keep = [c for c in frame.columns if c not in ("row", TYPED)]
    text = frame.with_columns(pl.col(c).cast(pl.String) for c in keep)
    units = text.get_column(cols.unit)
    if units.null_count():
        row = text.filter(units.is_null()).get_column("row")[0]
        raise IndexDataError(f"{source}: row {row}, column {cols.unit!r}: the unit is empty")
    keys = [cols.unit] + ([cols.period] if cols.period else [])
    repeated = text.filter(pl.struct(keys).is_duplicated())
    if repeated.height:
        first = repeated.row(0, named=True)
        rows = repeated.filter(pl.all_horizontal(pl.col(k) == first[k] for k in keys))
        raise IndexDataError(
            f"{source}: rows {rows.get_column('row').to_list()}: unit {first[cols.unit]!r}"
            + (f" in period {first[cols.period]!r}" if cols.period else "")
            + " appears more than once; keep one row per unit"
            + (" and period" if cols.period else "")
        )
    values = []
    for indicator in spec.tree.indicators:
        typed = (
            frame.get_column(TYPED).list.contains(indicator).fill_null(False)
            if TYPED in frame.columns
            else None
        )
        number = _numbers(frame, indicator, typed)
        raw = text.get_column(indicator).str.strip_chars()
        blank = raw.is_null() | (raw == "") | raw.str.to_lowercase().is_in(PLACEHOLDERS)
        if frame.get_column(indicator).dtype.is_numeric():
            blank = pl.Series([True] * frame.height)  # NaN and null are missing values
        bad = text.filter(number.is_null() & ~blank)
        if bad.height:
            row = bad.row(0, named=True)
            raise IndexDataError(
                f"{source}: row {row['row']}, column {indicator!r} (unit {row[cols.unit]!r}): "
                f"{row[indicator]!r} is not a number; write a number (70,25 or 70.25) or leave "
                f"the cell empty for a missing value ({bad.height} such cell(s) in this column)"
            )
        values.append(number.to_numpy().astype(np.float64))
    others = [c for c in text.columns if c not in {*wanted, "row", TYPED}]
    return IndexData(
        source=source,
        units=tuple(units.to_list()),
        names=tuple(text.get_column(cols.name).fill_null("").to_list())
        if cols.name
        else tuple(units.to_list()),
        periods=tuple(text.get_column(cols.period).to_list())
        if cols.period
        else (NO_PERIOD,) * text.height,
        values=np.column_stack(values) if values else np.empty((text.height, 0)),
        indicators=tuple(spec.tree.indicators),
        extra={c: tuple(text.get_column(c).to_list()) for c in others},
    )


def read_data(path: Path | str, spec: IndexSpec) -> IndexData:
    """Return the index data in a file (CSV, Excel, Parquet), checked against the spec."""
    from cchc_analysis.read.contract import LoadError
    from cchc_analysis.read.headers import _canonical_header
    from cchc_analysis.read.load import read_table

    try:
        table = read_table(path, header=spec.data.unit)  # the header row names the unit column
    except LoadError as exc:
        raise IndexDataError(str(exc)) from exc
    # The reader gives known headers the indicator table's names (year → period); the spec
    # names the file's own headers, so those are put back.
    cols = spec.data
    wanted = [cols.unit, cols.name, cols.period, *spec.tree.indicators]
    wanted += [i.imputation.group_column for i in spec.indicators if i.imputation]
    wanted += [
        o.imputation.group_column for o in [spec.defaults, *spec.levels.values()] if o.imputation
    ]
    back = {
        _canonical_header(name): name
        for name in wanted
        if name and name not in table.columns and _canonical_header(name) in table.columns
    }
    table = table.rename(back)
    return from_frame(table, spec, str(path))
