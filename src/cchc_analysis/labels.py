"""Interface text in Vietnamese with English available, read from ``data/labels.csv``."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Polars only for the type: render.py imports this module before any Polars
    import polars as pl

LANGS = ("vi", "en")


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


def number(value: float | int | None, lang: str = "vi", decimals: int = 2) -> str:
    """Return a number written for people: ``1.234,5`` in Vietnamese, ``1,234.5`` in English."""
    if value is None:
        return "–"
    formatted = f"{value:,.{decimals}f}"
    if "." in formatted:
        formatted = formatted.rstrip("0").rstrip(".")
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted


def number_expr(expr: pl.Expr, lang: str = "vi", decimals: int = 2) -> pl.Expr:
    """Return a Polars expression writing numbers as ``number`` does, without thousands
    separators (for text inside sentences): no trailing zeros, decimal comma in Vietnamese."""
    import polars as pl

    # Polars prints a rounded float with no trailing zeros except a lone ".0"
    text = expr.round(decimals).cast(pl.String).str.strip_suffix(".0")
    return text.str.replace(".", ",", literal=True) if lang == "vi" else text
