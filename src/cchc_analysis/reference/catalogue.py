"""The indicator catalogue: every indicator id, its labels, unit, bounds and merger rule."""

from __future__ import annotations

from functools import cache
from importlib import resources

import polars as pl

MERGE_RULES = ("sum", "recompute", "weighted_mean", "none")


@cache
def load_catalogue() -> pl.DataFrame:
    """Return the catalogue: id, label_vi, label_en, unit, min, max, merge, merge_weight,
    numerator, denominator, description_en (one row per indicator id)."""
    path = resources.files("cchc_analysis") / "data" / "indicators.csv"
    catalogue = pl.read_csv(
        path.read_bytes(),
        schema_overrides={"min": pl.Float64, "max": pl.Float64},
    )
    unknown = set(catalogue["merge"].unique()) - set(MERGE_RULES)
    if unknown:
        raise ValueError(f"indicators.csv: unknown merge rule(s) {sorted(unknown)}")
    return catalogue


def indicator_ids() -> list[str]:
    """Return every catalogue indicator id, in catalogue order."""
    return load_catalogue()["id"].to_list()


def label(indicator: str, lang: str = "vi") -> str:
    """Return the Vietnamese (``lang='vi'``) or English label of an indicator id."""
    row = load_catalogue().filter(pl.col("id") == indicator)
    if row.is_empty():
        raise KeyError(f"unknown indicator id {indicator!r}")
    return str(row[f"label_{lang}"][0])


def terms(expression: str | None) -> list[str]:
    """Split a catalogue sum expression ``'a+b'`` into its indicator ids."""
    return [part.strip() for part in (expression or "").split("+") if part.strip()]
