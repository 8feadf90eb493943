"""Across the 1 July 2025 merger: combine the 63 provinces' indicators into the 34, and compare
each year with the one before on the same boundaries."""

from __future__ import annotations

import operator
from functools import reduce

import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue, terms
from cchc_analysis.scoring.engine import Scores, score_indicators
from cchc_analysis.scoring.rubric import Rubric


def _successors() -> pl.DataFrame:
    from cchc_analysis.reference.registry import provinces_frame

    new_names = provinces_frame("34").select(
        pl.col("code").alias("successor_code"), pl.col("name_vi").alias("successor")
    )
    return (
        provinces_frame("63")
        .select(pl.col("code").alias("province_code"), "successor_code")
        .join(new_names, on="successor_code")
    )


def aggregate_to_successors(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return 63-era indicator rows combined onto the 34 provinces (era '34') by the catalogue's
    merge rules: counts summed, shares weighted by their weight indicator, rates recomputed from
    their counts; indicators marked ``none`` (published points) are dropped."""
    catalogue = load_catalogue()
    legacy = indicators.filter(pl.col("era") == "63").join(_successors(), on="province_code")
    keys = ["successor_code", "successor", "period", "year"]
    rules = catalogue.select(pl.col("id").alias("indicator"), "merge", "merge_weight")
    weights = legacy.select(
        *keys,
        "province_code",
        pl.col("indicator").alias("merge_weight"),
        pl.col("value").alias("weight"),
    )
    rows = legacy.join(rules, on="indicator").join(
        weights, on=[*keys, "province_code", "merge_weight"], how="left"
    )
    summed = (
        rows.filter(pl.col("merge") == "sum")
        .group_by(*keys, "indicator")
        .agg(pl.col("value").sum())
    )
    weighted = (
        rows.filter(pl.col("merge") == "weighted_mean")
        .group_by(*keys, "indicator")
        .agg(
            (
                (pl.col("value") * pl.col("weight")).sum()
                / pl.col("weight").filter(pl.col("value").is_not_null()).sum()
            )
            .round(2)
            .alias("value")
        )
    )
    combined = pl.concat([summed, weighted])
    recomputed = []
    for rate in catalogue.filter(pl.col("merge") == "recompute").iter_rows(named=True):
        needed = terms(rate["numerator"]) + terms(rate["denominator"])
        parts = combined.filter(pl.col("indicator").is_in(needed))
        if parts.is_empty():
            continue
        wide = parts.pivot(on="indicator", index=keys, values="value")
        wide = wide.with_columns(
            [pl.lit(None, dtype=pl.Float64).alias(t) for t in needed if t not in wide.columns]
        )
        # A rate is recomputed only where every count it needs is present.
        numerator = reduce(operator.add, [pl.col(t) for t in terms(rate["numerator"])])
        denominator = reduce(operator.add, [pl.col(t) for t in terms(rate["denominator"])])
        recomputed.append(
            wide.select(
                *keys,
                pl.lit(rate["id"]).alias("indicator"),
                pl.when(denominator > 0)
                .then(100 * numerator / denominator)
                .round(2)
                .alias("value"),
            ).drop_nulls("value")
        )
    return (
        pl.concat([combined, *recomputed])
        .select(
            pl.col("successor_code").alias("province_code"),
            pl.col("successor").alias("province"),
            pl.lit("34").alias("era"),
            "period",
            "year",
            "indicator",
            "value",
        )
        .sort("period", "province_code", "indicator")
    )


def predecessor_names() -> pl.DataFrame:
    """Return for each 34-era province code the Vietnamese names of its predecessors
    (``predecessors``: list of names) and whether it was formed by a merger."""
    from cchc_analysis.reference.registry import provinces_frame

    return (
        provinces_frame("63")
        .group_by(pl.col("successor_code").alias("province_code"))
        .agg(pl.col("name_vi").sort().alias("predecessors"))
        .with_columns(merged=pl.col("predecessors").list.len() > 1)
    )


def rebase_totals(
    indicators: pl.DataFrame, legacy_totals: pl.DataFrame, rubric: Rubric
) -> pl.DataFrame:
    """Return one year's totals on the 34 provinces' boundaries, ranked among them, with
    ``reconstruction`` saying how: 'rescored' (indicators combined by the catalogue's rules,
    then scored) or, where nothing could be combined (published points), 'weighted_mean' of the
    predecessors' index by dossiers received — 'equal_mean' when those counts are missing."""
    rescored = score_indicators(aggregate_to_successors(indicators), rubric).totals
    leaves = len(rubric.leaves())
    usable = rescored.filter(pl.col("criteria_missing") < leaves).with_columns(
        reconstruction=pl.lit("rescored")
    )
    weights = indicators.filter(pl.col("indicator") == "dossier.received").select(
        "province_code", pl.col("value").alias("weight")
    )
    successors = _successors()
    averaged = (
        legacy_totals.select("province_code", "year", "period", "index_pct")
        .join(successors, on="province_code")
        .join(weights, on="province_code", how="left")
        .group_by("successor_code", "successor", "year")
        .agg(
            pl.when(pl.col("weight").is_not_null().all())
            .then((pl.col("index_pct") * pl.col("weight")).sum() / pl.col("weight").sum())
            .otherwise(pl.col("index_pct").mean())
            .alias("index_pct"),
            pl.when(pl.col("weight").is_not_null().all())
            .then(pl.lit("weighted_mean"))
            .otherwise(pl.lit("equal_mean"))
            .alias("reconstruction"),
        )
        .filter(~pl.col("successor_code").is_in(usable["province_code"].to_list()))
        .select(
            pl.col("successor_code").alias("province_code"), "year", "index_pct", "reconstruction"
        )
    )
    combined = pl.concat(
        [usable.select("province_code", "year", "index_pct", "reconstruction"), averaged]
    )
    return combined.with_columns(
        rank=pl.col("index_pct").rank("min", descending=True).cast(pl.Int32),
        n_provinces=pl.len().cast(pl.Int32),
    )


def compare_with_previous(indicators: pl.DataFrame, scores: Scores, rubric: Rubric) -> pl.DataFrame:
    """Return ``scores.totals`` plus the previous annual period on the same boundaries:
    prev_index_pct, prev_rank, prev_n_provinces, change_points, change_places (positive =
    moved up), comparison_basis ('same_province', 'predecessors_combined' across the merger,
    or null when there is no previous year) and reconstruction (how a previous year across the
    merger was rebuilt: 'rescored', 'weighted_mean' or 'equal_mean'; see ``rebase_totals``)."""
    totals = scores.totals
    annual = totals.filter(pl.col("period").str.len_chars() == 4)
    frames = []
    for year in sorted(annual["year"].unique().to_list()):
        current = annual.filter(pl.col("year") == year)
        previous = annual.filter(pl.col("year") == year - 1)
        era_now = current["era"][0]
        if previous.is_empty():
            continue
        across_merger = previous["era"][0] != era_now
        reconstruction = pl.lit(None, dtype=pl.String)
        if across_merger:
            previous_rows = indicators.filter(pl.col("period") == str(year - 1))
            previous = rebase_totals(previous_rows, previous, rubric)
            reconstruction = pl.col("reconstruction")
        frames.append(
            previous.select(
                "province_code",
                pl.lit(str(year)).alias("period"),
                pl.col("index_pct").alias("prev_index_pct"),
                pl.col("rank").alias("prev_rank"),
                pl.col("n_provinces").alias("prev_n_provinces"),
                pl.lit(across_merger).alias("across_merger"),
                reconstruction.alias("reconstruction"),
            )
        )
    if not frames:
        return totals.with_columns(
            reconstruction=None,
            prev_index_pct=None,
            prev_rank=None,
            change_points=None,
            change_places=None,
            comparison_basis=None,
        )
    merged = predecessor_names().select("province_code", "merged")
    return (
        totals.join(pl.concat(frames), on=["province_code", "period"], how="left")
        .join(merged, on="province_code", how="left")
        .with_columns(
            change_points=(pl.col("index_pct") - pl.col("prev_index_pct")).round(2),
            change_places=(pl.col("prev_rank") - pl.col("rank")),
            comparison_basis=pl.when(pl.col("prev_index_pct").is_null())
            .then(None)
            .when(pl.col("across_merger") & pl.col("merged"))
            .then(pl.lit("predecessors_combined"))
            .otherwise(pl.lit("same_province")),
        )
        .drop("merged")
    )
