"""Step 5, normalisation, with the Polars builders of ``cchc_analysis.scoring.composite`` (one
definition of each method for the whole package), and the ranks of scores (COINr's: the
highest score ranks 1, ties share the best rank)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from cchc_analysis.index.spec import Normalisation
from cchc_analysis.scoring import composite


def normalisation_expr(column: str, direction: int, rule: Normalisation) -> pl.Expr:
    """Return the Polars expression that normalises ``column`` as ``rule`` says."""
    if rule.method == "minmax":
        return composite.minmax(column, rule.lo, rule.hi, direction=direction)
    if rule.method == "zscore":
        return composite.zscore(column, direction=direction, mean=rule.mean, sd=rule.sd)
    if rule.method == "rank":
        return composite.rank(column, direction=direction)
    if rule.method == "percentile":
        return composite.percentile_rank(column, direction=direction)
    if rule.method == "goalposts":
        assert rule.goalposts is not None  # the schema insists
        lower, upper = rule.goalposts
        return composite.goalposts(column, lower, upper, direction=direction)
    return (pl.col(column).cast(pl.Float64).fill_nan(None) * direction).alias(column)


def normalise(
    x: np.ndarray, columns: Sequence[str], directions: Sequence[int], rules: Sequence[Normalisation]
) -> np.ndarray:
    """Return the units × indicators matrix normalised column by column (NaN stays NaN)."""
    frame = pl.DataFrame(x, schema=list(columns), orient="row").fill_nan(None)
    out = frame.select(
        normalisation_expr(c, d, r) for c, d, r in zip(columns, directions, rules, strict=True)
    )
    return out.to_numpy().astype(np.float64).reshape(x.shape)


def min_ranks(scores: np.ndarray) -> np.ndarray:
    """Return ranks along the last axis (R, U): 1 for the highest score, ties share the best
    (smallest) rank, NaN scores get NaN. Sort based, vectorised over replications."""
    scores = np.atleast_2d(scores)
    missing = np.isnan(scores)
    any_missing = bool(missing.any())
    key = np.where(missing, np.inf, -scores) if any_missing else -scores
    order = np.argsort(key, axis=-1)
    ordered = np.take_along_axis(key, order, axis=-1)
    tie = ordered[:, 1:] == ordered[:, :-1]
    position = np.broadcast_to(np.arange(1.0, scores.shape[-1] + 1), scores.shape)
    if tie.any():  # a tied score takes the rank of the first of its run
        new = np.ones(scores.shape, dtype=bool)
        new[:, 1:] = ~tie
        position = np.maximum.accumulate(np.where(new, position, 0.0), axis=-1)
    ranks = np.empty(scores.shape)
    np.put_along_axis(ranks, order, position, axis=-1)
    return np.where(missing, np.nan, ranks) if any_missing else ranks
