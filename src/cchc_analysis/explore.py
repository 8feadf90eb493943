"""Helpers for the exploration notebook beyond the front door (``import cchc_analysis as cchc``):
the published PAR INDEX series and what a larger survey would do to the rank intervals."""

from __future__ import annotations

from functools import cache
from importlib import resources

import altair as alt
import polars as pl

from cchc_analysis.scoring.rubric import load_rubric


def load_demo() -> pl.DataFrame:
    """Return the bundled SYNTHETIC demo table, loaded and standardised (not validated); it
    ships inside the package, so this works from an installed wheel too."""
    from cchc_analysis.api import load_demo as packaged

    return packaged()


@cache
def published_series() -> pl.DataFrame:
    """Return the published PAR INDEX averages (national 2016–2024, regions 2022–2024) with
    their sources, from ``data/published_par_index.csv``."""
    path = resources.files("cchc_analysis") / "data" / "published_par_index.csv"
    return pl.read_csv(path.read_bytes())


def plot_published_series(series: pl.DataFrame | None = None) -> alt.Chart:
    """Return a line chart of the published national and regional averages by year."""
    from cchc_analysis.reference.registry import regions_frame

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
    from cchc_analysis.uncertainty.run import rank_uncertainty
    from cchc_analysis.uncertainty.spec import load_spec

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
