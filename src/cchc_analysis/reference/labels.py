"""Interface text in Vietnamese with English available, read from ``data/labels.csv``, and the
one number formatter of each language (text, tables, charts, explanations, index, workbook)."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Polars only for the type: render.py imports this module before any Polars
    import polars as pl

LANGS = ("vi", "en")
MINUS = "\u2212"  # a true minus sign, not the hyphen
# Decimals shown per unit, everywhere a number of that unit is written.
DECIMALS = {"points": 2, "percent": 2, "pp": 2, "count": 0, "rank": 0}
# Excel number formats of the same units (the workbook; Excel shows them in the reader's locale).
EXCEL_FORMATS = {"points": "0.00", "percent": "0.00", "pp": "0.00", "count": "#,##0", "rank": "0"}


@cache
def _labels() -> dict[str, dict[str, str]]:
    raw = (resources.files("cchc_analysis") / "data" / "labels.csv").read_text(encoding="utf-8")
    return {
        row["key"]: {"vi": row["vi"], "en": row["en"]} for row in csv.DictReader(io.StringIO(raw))
    }


def text(key: str, lang: str = "vi", **values: object) -> str:
    """Return the label ``key`` in ``lang`` ('vi' or 'en') with ``{placeholders}`` filled."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return _labels()[key][lang].format(**values)


def has_text(key: str) -> bool:
    """True when ``key`` is a label."""
    return key in _labels()


def number(
    value: float | int | None, lang: str = "vi", decimals: int = 2, signed: bool = False
) -> str:
    """Return a number written for people with exactly ``decimals`` decimals: ``1.234,56`` in
    Vietnamese, ``1,234.56`` in English, a true minus sign (U+2212), a plus sign when ``signed``
    and positive; '–' for None."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    if value is None:
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "−0,00"
    formatted = f"{abs(rounded):,.{decimals}f}"
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    sign = MINUS if rounded < 0 else ("+" if signed and rounded > 0 else "")
    return sign + formatted


def unit(value: float | int | None, unit_name: str, lang: str = "vi", signed: bool = False) -> str:
    """Return ``value`` written with the fixed decimals of its unit (``DECIMALS``); percent
    values carry '%' with no space before it (``98,87%``)."""
    shown = number(value, lang, DECIMALS[unit_name], signed)
    return f"{shown}%" if unit_name == "percent" and value is not None else shown


def points(value: float | None, lang: str = "vi", signed: bool = False) -> str:
    """Return points with two decimals (``7,50``)."""
    return unit(value, "points", lang, signed)


def percent(value: float | None, lang: str = "vi", signed: bool = False) -> str:
    """Return a percentage with two decimals and '%' (``98,87%``)."""
    return unit(value, "percent", lang, signed)


def count(value: float | int | None, lang: str = "vi") -> str:
    """Return a count with thousands separators and no decimals (``458.866``)."""
    return unit(value, "count", lang)


def number_expr(
    expr: pl.Expr,
    lang: str = "vi",
    decimals: int = 2,
    grouping: bool = False,
    fixed: bool = False,
) -> pl.Expr:
    """Return a Polars expression writing numbers for sentences: decimal comma in Vietnamese, a
    true minus sign, no trailing zeros or (``fixed``) exactly ``decimals`` decimals as ``number``
    writes them (``2,40``), and (``grouping``) thousands separators (``458.866``)."""
    import polars as pl

    # Polars prints a rounded float with no trailing zeros except a lone ".0"
    written = expr.round(decimals).cast(pl.String).str.strip_suffix(".0")
    if fixed and decimals > 0:
        parts = written.str.extract_groups(r"^(-?\d+)(?:\.(\d+))?$")
        fraction = parts.struct.field("2").fill_null("").str.pad_end(decimals, "0")
        written = pl.concat_str([parts.struct.field("1"), pl.lit("."), fraction]).fill_null(written)
    if grouping:
        written = _grouped(written)
    written = written.str.replace("-", MINUS, literal=True)
    return vi_separators(written) if lang == "vi" else written


def vi_separators(expr: pl.Expr) -> pl.Expr:
    """Return English-written numbers (``1,234.5``) with Vietnamese separators (``1.234,5``)."""
    return expr.str.replace_many([",", "."], [".", ","])


def _grouped(written: pl.Expr) -> pl.Expr:
    """Return numbers written as '-1234567.5' with thousands commas ('-1,234,567.5')."""
    import polars as pl

    parts = written.str.extract_groups(r"^(-?)(\d+)(\.\d+)?$")
    whole = (
        parts.struct.field("2")
        .str.reverse()
        .str.replace_all(r"(\d{3})", "${1},")
        .str.strip_suffix(",")
        .str.reverse()
    )
    name = written.meta.output_name(raise_if_undetermined=False) or "number"
    joined = pl.concat_str([parts.struct.field("1"), whole, parts.struct.field("3").fill_null("")])
    return joined.fill_null(written).alias(name)
