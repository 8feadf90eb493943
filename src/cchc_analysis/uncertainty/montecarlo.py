"""Monte Carlo over the draws: ranks of every replication, and from them rank intervals,
grade-band probabilities and a summary per period."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from cchc_analysis.uncertainty.draws import draw
from cchc_analysis.uncertainty.model import RankModel, evaluate, grade_index, nominal
from cchc_analysis.uncertainty.spec import (
    DEFAULT_SEED,
    LEVEL,
    RUNS_DEFAULT,
    UncertaintySpec,
    enabled_sources,
)


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """The replications of one period: index and rank (R, P) with the nominal ones (P,)."""

    model: RankModel
    index: np.ndarray
    rank: np.ndarray
    nominal_index: np.ndarray
    nominal_rank: np.ndarray
    runs: int
    seed: int
    sources: tuple[str, ...]


def monte_carlo(
    model: RankModel,
    spec: UncertaintySpec,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    chunk: int | None = None,
) -> MonteCarlo:
    """Return ``runs`` replications of the ranking with every enabled source of ``spec``
    perturbed (same seed, same numbers)."""
    index, rank = evaluate(model, draw(model, spec, runs, seed), chunk)
    nominal_index, nominal_rank = nominal(model)
    return MonteCarlo(
        model=model,
        index=index,
        rank=rank,
        nominal_index=nominal_index,
        nominal_rank=nominal_rank,
        runs=runs,
        seed=seed,
        sources=tuple(enabled_sources(spec)),
    )


def _quantile(values: np.ndarray, q: float) -> np.ndarray:
    """Return the ``q`` quantile along axis 0 as an observed value (inverted CDF)."""
    return np.quantile(values, q, axis=0, method="inverted_cdf")


def intervals_frame(mc: MonteCarlo, level: float = LEVEL) -> pl.DataFrame:
    """Return one row per province: nominal index, rank and grade; median rank; the
    ``level`` rank interval (rank_lo–rank_hi, the 5th–95th percentiles widened to contain
    the nominal rank; rank_q_lo/rank_q_hi unwidened); the index interval; the mean absolute
    rank shift; the probability of each grade band (``p_<grade>``)."""
    model, tail = mc.model, (1 - level) / 2
    q_lo, q_hi = _quantile(mc.rank, tail), _quantile(mc.rank, 1 - tail)
    grades = grade_index(model, mc.index)
    nominal_grade = grade_index(model, mc.nominal_index)
    labels = [*model.grades, None]
    return pl.DataFrame(
        {
            "period": model.period,
            "year": model.year,
            "province_code": list(model.province_codes),
            "province": list(model.province_names),
            "n_provinces": model.shape[0],
            "nominal_index": mc.nominal_index,
            "nominal_rank": mc.nominal_rank,
            "nominal_grade": [labels[g] for g in nominal_grade],
            "median_rank": _quantile(mc.rank, 0.5).astype(np.int32),
            "rank_lo": np.minimum(q_lo, mc.nominal_rank).astype(np.int32),
            "rank_hi": np.maximum(q_hi, mc.nominal_rank).astype(np.int32),
            "rank_q_lo": q_lo.astype(np.int32),
            "rank_q_hi": q_hi.astype(np.int32),
            "nominal_inside": (q_lo <= mc.nominal_rank) & (mc.nominal_rank <= q_hi),
            "index_lo": np.quantile(mc.index, tail, axis=0),
            "median_index": np.median(mc.index, axis=0),
            "index_hi": np.quantile(mc.index, 1 - tail, axis=0),
            "mean_abs_shift": np.abs(mc.rank - mc.nominal_rank).mean(axis=0),
            **{f"p_{g}": (grades == k).mean(axis=0) for k, g in enumerate(model.grades)},
            "level": level,
            "runs": mc.runs,
            "seed": mc.seed,
            "sources": ",".join(mc.sources) or "none",
        },
        schema_overrides={"year": pl.Int32, "n_provinces": pl.Int32, "runs": pl.Int32},
    )


def bands_frame(mc: MonteCarlo) -> pl.DataFrame:
    """Return one row per province × grade band: the probability of that grade."""
    model = mc.model
    grades = grade_index(model, mc.index)
    return pl.concat(
        [
            pl.DataFrame(
                {
                    "period": model.period,
                    "province_code": list(model.province_codes),
                    "province": list(model.province_names),
                    "grade": grade,
                    "band_min": float(model.grade_min[k]),
                    "probability": (grades == k).mean(axis=0),
                }
            )
            for k, grade in enumerate(model.grades)
        ]
    ).sort("period", "province_code", pl.col("band_min"), descending=[False, False, True])


def mean_abs_rank_shift(rank: np.ndarray, nominal_rank: np.ndarray) -> np.ndarray:
    """Return, per replication, the mean over provinces of |rank − nominal rank|, (R,)."""
    return np.abs(rank - nominal_rank).mean(axis=-1)


def summary_frame(mc: MonteCarlo, level: float = LEVEL) -> pl.DataFrame:
    """Return one row for the period: runs, seed, sources, the mean absolute rank shift
    across provinces, the median interval width and the share of provinces whose
    unwidened interval contains the nominal rank."""
    tail = (1 - level) / 2
    q_lo, q_hi = _quantile(mc.rank, tail), _quantile(mc.rank, 1 - tail)
    return pl.DataFrame(
        {
            "period": [mc.model.period],
            "n_provinces": [mc.model.shape[0]],
            "runs": [mc.runs],
            "seed": [mc.seed],
            "sources": [",".join(mc.sources) or "none"],
            "mean_abs_rank_shift": [float(mean_abs_rank_shift(mc.rank, mc.nominal_rank).mean())],
            "median_interval_width": [
                float(
                    np.median(np.maximum(q_hi, mc.nominal_rank) - np.minimum(q_lo, mc.nominal_rank))
                )
            ],
            "share_nominal_inside": [
                float(((q_lo <= mc.nominal_rank) & (mc.nominal_rank <= q_hi)).mean())
            ],
        }
    )
