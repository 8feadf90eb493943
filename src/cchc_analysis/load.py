"""Load indicator tables (long or wide; CSV, Parquet, XLSX) into one standard long frame.

Every value is first read as text so nothing is lost and every cell keeps the row number it
had in the original file; parsing into numbers, periods and provinces happens afterwards, and
what cannot be parsed stays visible (null plus the original text) for validation to report.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import polars as pl

from cchc_analysis.periods import PeriodError, parse_period

REQUIRED_LONG = ("province", "period", "indicator", "value")
OPTIONAL_LONG = ("unit", "source", "note")
KEY_WIDE = ("province", "period")

# Header spellings seen in Vietnamese tables, mapped to the contract's column names.
_HEADER_ALIASES = {
    "tinh": "province",
    "tinh/thanh pho": "province",
    "tinh, thanh pho": "province",
    "dia phuong": "province",
    "ky": "period",
    "ky bao cao": "period",
    "thoi ky": "period",
    "nam": "period",
    "year": "period",
    "chi tieu": "indicator",
    "ma chi tieu": "indicator",
    "gia tri": "value",
    "don vi": "unit",
    "don vi tinh": "unit",
    "nguon": "source",
    "ghi chu": "note",
}


class LoadError(ValueError):
    """A table that cannot be read into the contract's shape; the message names file and cause."""


def _fold_header(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _canonical_header(name: str) -> str:
    folded = _fold_header(name)
    if folded in _HEADER_ALIASES:
        return _HEADER_ALIASES[folded]
    return unicodedata.normalize("NFC", name.strip())


def read_table(path: Path, sheet: str | None = None) -> pl.DataFrame:
    """Return the file's cells as text (NFC), headers in the contract's names, plus ``row``:
    the 1-based row number in the original file (the header is row 1)."""
    path = Path(path)
    if not path.exists():
        raise LoadError(f"{path}: file not found")
    suffix = path.suffix.lower()
    try:
        if suffix in {".csv", ".txt"}:
            table = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
        elif suffix == ".parquet":
            table = pl.read_parquet(path).cast(pl.String)
        elif suffix in {".xlsx", ".xlsm", ".xls"}:
            table = pl.read_excel(path, sheet_name=sheet, infer_schema_length=0).cast(pl.String)
        else:
            raise LoadError(f"{path}: unsupported file type {suffix!r} (use .csv, .parquet, .xlsx)")
    except pl.exceptions.NoDataError as exc:
        raise LoadError(f"{path}: the file is empty") from exc
    except (pl.exceptions.ComputeError, OSError) as exc:
        raise LoadError(f"{path}: cannot be read: {exc}") from exc
    table = table.rename({name: _canonical_header(name) for name in table.columns})
    return table.with_columns(
        pl.col(pl.String).str.normalize("NFC").str.strip_chars(),
        row=pl.int_range(2, pl.len() + 2, dtype=pl.Int64),
    )


def to_long(table: pl.DataFrame, file: str) -> pl.DataFrame:
    """Return the contract's long form with provenance: file, row, column, province_raw,
    period_raw, indicator, value_text, unit, source, note (one row per value cell)."""
    columns = set(table.columns)
    if {"indicator", "value"} <= columns:
        missing = [name for name in REQUIRED_LONG if name not in columns]
        if missing:
            raise LoadError(
                f"{file}: missing required column(s) {missing} (long form needs "
                f"{list(REQUIRED_LONG)})"
            )
        long = table.with_columns(column=pl.lit("value"))
    else:
        missing = [name for name in KEY_WIDE if name not in columns]
        if missing:
            raise LoadError(
                f"{file}: missing required column(s) {missing}: a long table needs "
                f"{list(REQUIRED_LONG)}, a wide one {list(KEY_WIDE)} plus a column per indicator id"
            )
        indicator_columns = [
            c for c in table.columns if c not in (*KEY_WIDE, "row", *OPTIONAL_LONG)
        ]
        if not indicator_columns:
            raise LoadError(f"{file}: wide table without indicator columns")
        long = table.unpivot(
            index=[c for c in table.columns if c not in indicator_columns],
            on=indicator_columns,
            variable_name="indicator",
            value_name="value",
        ).with_columns(column=pl.col("indicator"))
    for name in OPTIONAL_LONG:
        if name not in long.columns:
            long = long.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    return long.select(
        pl.lit(file).alias("file"),
        "row",
        "column",
        pl.col("province").alias("province_raw"),
        pl.col("period").alias("period_raw"),
        "indicator",
        pl.col("value").alias("value_text"),
        *OPTIONAL_LONG,
    ).sort("row", "column", maintain_order=True)


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*)$")


def parse_number(text: str | None) -> float | None:
    """Return the number a cell holds, or None. Accepts ``1234.5``, ``1,234.5``, ``1.234,5``,
    ``70,25%`` and a lone decimal comma (``70,25``); a single dot is a decimal point."""
    if text is None:
        return None
    cleaned = text.replace("\u00a0", "").replace(" ", "").removesuffix("%")
    if not _NUMBER.match(cleaned):
        return None
    dots, commas = cleaned.count("."), cleaned.count(",")
    if dots and commas:
        decimal = "." if cleaned.rfind(".") > cleaned.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif commas == 1:
        cleaned = cleaned.replace(",", ".")
    elif commas > 1 or dots > 1:
        cleaned = cleaned.replace(",", "").replace(".", "")
    return float(cleaned)


def _canonical_period_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return str(parse_period(text))
    except PeriodError:
        return None


def _resolve(name: str | None, period: str | None) -> dict[str, str | None]:
    from cchc_analysis.registry import ProvinceNotFound, resolve_province

    if name is None or name == "":
        return {"province_code": None, "province": None, "province_problem": "province is empty"}
    if period is None:
        return {
            "province_code": None,
            "province": None,
            "province_problem": "cannot resolve the province without a valid period",
        }
    try:
        found = resolve_province(name, period)
    except ProvinceNotFound as exc:
        return {"province_code": None, "province": None, "province_problem": str(exc)}
    return {"province_code": found.code, "province": found.name_vi, "province_problem": None}


def standardise(long: pl.DataFrame) -> pl.DataFrame:
    """Return ``long`` plus value (Float64), period (canonical), year, era, province_code,
    province (canonical Vietnamese name) and province_problem (why it did not resolve)."""
    periods = (
        long.select(pl.col("period_raw").unique())
        .with_columns(
            period=pl.col("period_raw").map_elements(
                _canonical_period_or_none, return_dtype=pl.String
            )
        )
        .with_columns(
            era=pl.col("period").map_elements(lambda p: parse_period(p).era, return_dtype=pl.String)
        )
    )
    with_periods = long.join(periods, on="period_raw", how="left", nulls_equal=True)
    pairs = (
        with_periods.select("province_raw", "period")
        .unique()
        .with_columns(
            resolved=pl.struct("province_raw", "period").map_elements(
                lambda pair: _resolve(pair["province_raw"], pair["period"]),
                return_dtype=pl.Struct(
                    {
                        "province_code": pl.String,
                        "province": pl.String,
                        "province_problem": pl.String,
                    }
                ),
            )
        )
        .unnest("resolved")
    )
    return (
        with_periods.join(pairs, on=["province_raw", "period"], how="left", nulls_equal=True)
        .with_columns(
            value=pl.col("value_text").map_elements(parse_number, return_dtype=pl.Float64),
            year=pl.col("period").str.slice(0, 4).cast(pl.Int32, strict=False),
        )
        .sort("file", "row", "column", maintain_order=True)
    )


def load_indicators(path: Path, sheet: str | None = None) -> pl.DataFrame:
    """Read one indicator table and return it standardised (see ``standardise``)."""
    path = Path(path)
    return standardise(to_long(read_table(path, sheet), str(path)))
