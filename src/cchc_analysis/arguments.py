"""The arguments the front door takes, read the same way everywhere: a period as int or str,
a province in any spelling; and the error an analyst can act on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

if TYPE_CHECKING:
    from cchc_analysis.reference.registry import Province


class AnalysisError(ValueError):
    """A call the front door cannot carry out; the message says what to change."""


def type_error(function: str, argument: str, expected: str, value: object) -> TypeError:
    """Return the TypeError that says which argument was wrong and what was expected."""
    return TypeError(
        f"{function}(): {argument} must be {expected}, not {type(value).__name__} ({value!r:.60})"
    )


def period_text(value: int | str) -> str:
    """Return a period in canonical form: 2024 → '2024', 'Q3/2024' → '2024-Q3'."""
    from cchc_analysis.reference.periods import PeriodError, canonical_period

    if isinstance(value, bool) or not isinstance(value, int | str):
        raise type_error("period", "a period", "an int or str such as 2024 or '2024-Q3'", value)
    try:
        return canonical_period(value)
    except PeriodError as exc:  # a year outside what the index covers, or no period at all
        raise AnalysisError(str(exc)) from None


def latest_period(frame: pl.DataFrame) -> str:
    """Return the latest annual period of a frame with a ``period`` column."""
    annual = [p for p in frame["period"].unique().to_list() if p and len(p) == 4]
    if not annual:
        raise AnalysisError("no annual period in these results: name one, e.g. year=2024")
    return max(annual)


def resolve(name: object, period: str, function: str) -> Province:
    """Return the province a name in any spelling (or a code, str or int) denotes in a period."""
    from cchc_analysis.reference.registry import resolve_province

    if isinstance(name, int) and not isinstance(name, bool):
        name = f"{name:02d}"
    if not isinstance(name, str):
        raise type_error(function, "province", "a name in any spelling, or a code", name)
    return resolve_province(name, period)


def interval_row(intervals: pl.DataFrame, province: str, year: int | str | None) -> dict[str, Any]:
    """Return one province's row of a rank-interval table (any spelling; latest period)."""
    period = period_text(year) if year is not None else latest_period(intervals)
    found = resolve(province, period, "interval")
    rows = intervals.filter((pl.col("period") == period) & (pl.col("province_code") == found.code))
    if rows.is_empty():
        raise AnalysisError(f"no rank interval for {found.name_vi} in {period}")
    return rows.row(0, named=True)
