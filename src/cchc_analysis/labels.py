"""Interface text in Vietnamese with English available, read from ``data/labels.csv``."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

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
