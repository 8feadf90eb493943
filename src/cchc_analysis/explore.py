"""Helpers for the exploration notebook: load the bundled data, compare provinces, change a
rubric and see the ranks move, and the published PAR INDEX series."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import altair as alt
import polars as pl

from cchc_analysis.rubric import Rubric, load_rubric
from cchc_analysis.score import Scores, score_indicators

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEMO_TABLE = PROJECT_ROOT / "data" / "raw" / "demo" / "cchc_indicators_2021_2025_SYNTHETIC.csv"


def load_demo() -> pl.DataFrame:
    """Return the bundled SYNTHETIC demo table, loaded and standardised (not validated)."""
    from cchc_analysis.load import load_indicators

    return load_indicators(DEMO_TABLE)


def validate(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return the failures table of the indicator suites (empty when the table is clean)."""
    from cchc_analysis.validate import validate_indicators

    return validate_indicators(indicators).failures


def score(indicators: pl.DataFrame, methodology: str | Rubric = "par-index-illustrative") -> Scores:
    """Return the scores of every province and period with a methodology (id, path or Rubric)."""
    rubric = methodology if isinstance(methodology, Rubric) else load_rubric(methodology)
    return score_indicators(indicators, rubric)


def compare(totals: pl.DataFrame, provinces: list[str], year: int) -> pl.DataFrame:
    """Return the named provinces (any usual spelling) side by side for a year: index, rank of
    N, rank in region, grade."""
    from cchc_analysis.registry import resolve_province

    codes = [resolve_province(name, str(year)).code for name in provinces]
    return (
        totals.filter((pl.col("period") == str(year)) & pl.col("province_code").is_in(codes))
        .select("province", "index_pct", "rank", "n_provinces", "rank_in_region", "grade")
        .sort("rank")
    )


def shift_linear(rubric: Rubric, criterion_id: str, floor: float, target: float) -> Rubric:
    """Return a copy of ``rubric`` whose linear criterion ``criterion_id`` scores 0 at ``floor``
    and full points at ``target`` (the original is unchanged)."""
    import yaml

    from cchc_analysis.rubric import parse_rubric

    data: dict[str, Any] = rubric.model_dump(exclude_none=True)

    def visit(criteria: list[dict[str, Any]]) -> bool:
        for criterion in criteria:
            if criterion["id"] == criterion_id and "linear" in criterion.get("rule", {}):
                criterion["rule"]["linear"] = {"floor": floor, "target": target}
                return True
            if visit(criterion.get("criteria", [])):
                return True
        return False

    if not any(visit(domain["criteria"]) for domain in data["domains"]):
        raise KeyError(f"no linear criterion {criterion_id!r} in rubric {rubric.id}")
    data["version"] = f"{rubric.version}+{criterion_id}:{floor:g}-{target:g}"
    return parse_rubric(yaml.safe_dump(data, allow_unicode=True), f"{rubric.id} (edited)")


def rank_changes(before: pl.DataFrame, after: pl.DataFrame, year: int) -> pl.DataFrame:
    """Return every province's index and rank before and after a change, largest moves first
    (``places`` > 0: moved up)."""
    keep = ["province_code", "province", "index_pct", "rank"]
    period = str(year)
    return (
        before.filter(pl.col("period") == period)
        .select(keep)
        .join(
            after.filter(pl.col("period") == period).select(keep),
            on=["province_code", "province"],
            suffix="_after",
        )
        .with_columns(places=pl.col("rank") - pl.col("rank_after"))
        .sort(pl.col("places").abs(), "rank", descending=[True, False])
    )


@cache
def published_series() -> pl.DataFrame:
    """Return the published PAR INDEX averages (national 2016–2024, regions 2022–2024) with
    their sources, from ``data/published_par_index.csv``."""
    path = resources.files("cchc_analysis") / "data" / "published_par_index.csv"
    return pl.read_csv(path.read_bytes())


def plot_published_series(series: pl.DataFrame | None = None) -> alt.Chart:
    """Return a line chart of the published national and regional averages by year."""
    from cchc_analysis.registry import regions_frame

    frame = (
        (series if series is not None else published_series())
        .join(
            regions_frame().select(
                pl.col("id").alias("region"), pl.col("name_vi").alias("region_vi")
            ),
            on="region",
            how="left",
        )
        .with_columns(series=pl.coalesce("region_vi", pl.lit("Toàn quốc (national)")))
    )
    return (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="Năm"),
            y=alt.Y(
                "avg_index_pct:Q", title="PAR INDEX bình quân (%)", scale=alt.Scale(zero=False)
            ),
            color=alt.Color("series:N", title=None),
            tooltip=["series:N", "year:O", "avg_index_pct:Q", "source:N"],
        )
        .properties(width=520, height=260, title="PAR INDEX công bố (published averages)")
    )


def rank_intervals(
    indicators: pl.DataFrame,
    year: int,
    methodology: str = "par-index-illustrative",
    survey_sample_size: int | None = None,
    runs: int = 1000,
    seed: int = 20250701,
) -> pl.DataFrame:
    """Return every province's 5–95 % rank interval for ``year`` under the methodology's
    declared uncertain inputs; ``survey_sample_size`` replaces the SIPAS sample size (a larger
    sample, a smaller sampling error, narrower intervals)."""
    from cchc_analysis.uncertainty import load_spec, rank_uncertainty

    spec = load_spec(methodology)
    if survey_sample_size is not None:
        data = spec.model_dump()
        for error in data["sources"]["survey"]["criteria"].values():
            error["sample_size"], error["standard_error"] = survey_sample_size, None
        spec = type(spec).model_validate(data)
    result = rank_uncertainty(
        indicators, load_rubric(methodology), spec, runs, seed, periods=[str(year)]
    )
    return result.intervals


def interval_changes(before: pl.DataFrame, after: pl.DataFrame) -> pl.DataFrame:
    """Return each province's rank interval before and after a change of an uncertain input,
    with how much narrower (width_change < 0) it became, widest first."""
    keep = ["province", "nominal_rank", "rank_lo", "rank_hi"]
    return (
        before.select(keep)
        .join(after.select("province", "rank_lo", "rank_hi"), on="province", suffix="_after")
        .with_columns(
            width=pl.col("rank_hi") - pl.col("rank_lo"),
            width_after=pl.col("rank_hi_after") - pl.col("rank_lo_after"),
        )
        .with_columns(width_change=pl.col("width_after") - pl.col("width"))
        .sort("width", descending=True)
    )
