"""Rank intervals and grade probabilities said in a sentence, in Vietnamese or English, for
a province in any spelling."""

from __future__ import annotations

import contextlib
from typing import Any

import polars as pl

from cchc_analysis.uncertainty.spec import LEVEL


def percent_text(level: float, lang: str) -> str:
    text = f"{level * 100:g}"
    return text.replace(".", ",") if lang == "vi" else text


def format_rank_interval(
    rank: int, low: int, high: int, lang: str = "vi", level: float = LEVEL
) -> str:
    """Return the rank with its interval: 'hạng 5, khoảng 90 %: 3–9' or 'rank 5, 90 %
    interval: 3–9' (one number when the interval is a single rank)."""
    span = f"{low}" if low == high else f"{low}–{high}"
    if lang == "vi":
        return f"hạng {rank}, khoảng {percent_text(level, lang)} %: {span}"
    if lang == "en":
        return f"rank {rank}, {percent_text(level, lang)} % interval: {span}"
    raise ValueError(f"lang must be vi or en, not {lang!r}")


def interval_row(intervals: pl.DataFrame, province: str, period: str | None) -> dict[str, Any]:
    """Return a province's row (by code, or name in any usual spelling; the latest period
    unless given)."""
    from cchc_analysis.reference.periods import canonical_period
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    period = canonical_period(period) if period is not None else None
    codes = {province}
    for when in {period} if period else set(intervals["period"].unique()):
        with contextlib.suppress(ProvinceNotFound, ValueError):
            codes.add(resolve_province(province, when).code)
    rows = intervals.filter(
        pl.col("province_code").is_in(list(codes)) | (pl.col("province") == province)
    )
    if period is not None:
        rows = rows.filter(pl.col("period") == period)
    if rows.is_empty():
        raise LookupError(
            f"no rank interval for {province!r}" + (f" in {period}" if period else "")
        )
    return rows.sort("period").row(-1, named=True)


def rank_interval_text(
    intervals: pl.DataFrame, province: str, lang: str = "vi", period: str | None = None
) -> str:
    """Return a province's rank with its interval from ``intervals_frame`` output, e.g.
    'hạng 5, khoảng 90 %: 3–9'."""
    row = interval_row(intervals, province, period)
    return format_rank_interval(
        row["nominal_rank"], row["rank_lo"], row["rank_hi"], lang, row["level"]
    )


def _share(p: float) -> str:
    """Return a probability as a whole percentage, '< 1 %' or '> 99 %' rather than 0 or 100."""
    if 0 < p < 0.01:
        return "< 1 %"
    if 0.99 < p < 1:
        return "> 99 %"
    return f"{int(p * 100 + 0.5)} %"


def grade_probability_text(
    intervals: pl.DataFrame, province: str, lang: str = "vi", period: str | None = None
) -> str:
    """Return the probability of the nominal grade band and of the others seen, e.g.
    'xếp loại B: xác suất 72 % (A 20 %, C 8 %)'."""
    row = interval_row(intervals, province, period)
    grade = row["nominal_grade"]
    others = [
        f"{c.removeprefix('p_')} {_share(row[c])}"
        for c in intervals.columns
        if c.startswith("p_") and c != f"p_{grade}" and row[c]
    ]
    rest = f" ({', '.join(others)})" if others else ""
    p = _share(row.get(f"p_{grade}") or 0.0)
    if lang == "vi":
        return f"xếp loại {grade}: xác suất {p}{rest}"
    return f"grade {grade}: probability {p}{rest}"
