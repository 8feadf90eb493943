"""Step 8, uncertainty and sensitivity of any index, vectorised over replications.

Each replication draws (as the spec's ``uncertainty`` says):
- a noise factor 1 + U(−n, n) for the weight of every node at a level (or listed), as COINr's
  ``get_noisy_weights`` does (its ``NoiseFactor`` n; the group's weights are then rescaled to
  sum 1 by the mean, as COINr's ``a_amean`` does);
- one imputation, one normalisation and one aggregation method among the listed alternatives;
- one indicator to leave out, or none.

Replications that share their discrete choices are evaluated together: the indicators are
prepared once per (imputation, normalisation) and every group is aggregated for the whole batch
with one matrix product (COINr rebuilds its whole object per replication). Data-driven weights
(PCA, FA, optimised) are those of the nominal build, with the noise on top; benefit of the doubt
is re-solved on each replication's data. Every replication's parameters are recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from cchc_analysis.index.aggregate import AggregationError
from cchc_analysis.index.build import Build, IndexBuildError, aggregate_tree, prepare
from cchc_analysis.index.normalise import min_ranks
from cchc_analysis.index.spec import Aggregation, Imputation, Normalisation, UncertaintyOptions

LEVEL = 0.90


@dataclass(frozen=True)
class Draws:
    """One value per replication of every uncertain input (R = len(imputation))."""

    imputation: np.ndarray  # index into the alternatives, −1 = the spec's own
    normalisation: np.ndarray
    aggregation: np.ndarray
    dropped: np.ndarray  # index into the indicators, −1 = none
    noise: dict[str, np.ndarray]  # node → factor per replication

    @property
    def runs(self) -> int:
        return len(self.imputation)


def noised_nodes(build: Build, options: UncertaintyOptions) -> dict[str, float]:
    """Return {node: noise} for every node whose weight is perturbed."""
    tree = build.plan.tree
    out: dict[str, float] = {}
    for rule in options.weights:
        nodes = rule.nodes or [n for n, lv in tree.level.items() if lv == rule.level]
        out.update({n: rule.noise for n in nodes if n != tree.root})
    return out


def inputs_of(build: Build, options: UncertaintyOptions) -> list[str]:
    """Return the names of the uncertain inputs, one uniform number each (for SALib)."""
    names = [f"weight:{n}" for n in noised_nodes(build, options)]
    for what in ("imputation", "normalisation", "aggregation"):
        if getattr(options, what):
            names.append(what)
    if options.drop_indicators:
        names.append("dropped")
    return names


def draws_from_uniform(build: Build, options: UncertaintyOptions, u: np.ndarray) -> Draws:
    """Return the draws a matrix of U(0, 1) numbers (R, d) stands for, d = len(inputs_of)."""
    names = inputs_of(build, options)
    runs = u.shape[0]
    column = {name: u[:, k] for k, name in enumerate(names)}

    def pick(name: str, count: int) -> np.ndarray:
        if name not in column:
            return np.full(runs, -1)
        return np.minimum((column[name] * count).astype(int), count - 1)

    n_ind = len(build.plan.indicators)
    dropped = pick("dropped", n_ind + 1) - 1
    return Draws(
        imputation=pick("imputation", len(options.imputation)),
        normalisation=pick("normalisation", len(options.normalisation)),
        aggregation=pick("aggregation", len(options.aggregation)),
        dropped=dropped,
        noise={
            node: 1 + (2 * column[f"weight:{node}"] - 1) * n
            for node, n in noised_nodes(build, options).items()
        },
    )


def draw(build: Build, options: UncertaintyOptions, runs: int, seed: int) -> Draws:
    """Return ``runs`` independent draws (same seed, same draws)."""
    rng = np.random.default_rng(seed)
    return draws_from_uniform(build, options, rng.random((runs, len(inputs_of(build, options)))))


def evaluate(build: Build, options: UncertaintyOptions, draws: Draws, period: str) -> np.ndarray:
    """Return the index of every replication (R, U) for one period."""
    plan, data = build.plan, build.data
    nominal = build.periods[period]
    tree, rows, units = plan.tree, nominal.rows, nominal.units
    keys = np.stack([draws.imputation, draws.normalisation, draws.aggregation, draws.dropped], 1)
    if (keys == -1).all():  # weights only: one batch
        unique, which = keys[:1], np.zeros(draws.runs, dtype=np.int64)
    else:
        radix = keys.max(axis=0) + 2
        code = (keys + 1) @ np.concatenate([np.cumprod(radix[::-1])[::-1][1:], [1]])
        _, first, which = np.unique(code, return_index=True, return_inverse=True)
        unique = keys[first]
    out = np.empty((draws.runs, len(units)))  # every row is written below
    prepared_cache: dict[tuple[int, int], np.ndarray] = {(-1, -1): build.prepared.normalised}
    for key_id, (i_imp, i_norm, i_agg, i_drop) in enumerate(unique.tolist()):
        reps = np.flatnonzero(which.ravel() == key_id)
        if (i_imp, i_norm) not in prepared_cache:
            imputation: Imputation | None = options.imputation[i_imp] if i_imp >= 0 else None
            norm: Normalisation | None = options.normalisation[i_norm] if i_norm >= 0 else None
            prepared_cache[(i_imp, i_norm)] = prepare(data, plan, imputation, norm).normalised
        normalised = prepared_cache[(i_imp, i_norm)][rows]
        rules: dict[str, Aggregation] = {}
        if i_agg >= 0:
            rules = dict.fromkeys(tree.groups_bottom_up, options.aggregation[i_agg])
        weights = {}
        for group in tree.groups_bottom_up:
            if group in nominal.resolved.bod:
                continue
            children = tree.children[group]
            dropped = plan.indicators[i_drop] if i_drop >= 0 else None
            if not any(c in draws.noise or c == dropped for c in children):
                continue  # its nominal weights, computed once for the whole batch
            base = nominal.resolved.weights[group]
            factors = np.ones((len(reps), len(base)))
            for k, child in enumerate(children):
                if child in draws.noise:
                    factors[:, k] = draws.noise[child][reps]
                if child == dropped:
                    factors[:, k] = 0.0
            weights[group] = base[None, :] * factors
        if i_drop >= 0:
            normalised = normalised.copy()
            normalised[:, i_drop] = np.nan  # benefit of the doubt sees it gone too
        try:
            scores, _ = aggregate_tree(normalised, plan, units, nominal.resolved, weights, rules)
        except AggregationError as exc:
            raise IndexBuildError(
                f"replication {int(reps[0]) + 1} "
                f"({describe(options, plan.indicators, key_id, unique)}) "
                f"cannot be aggregated: {exc}"
            ) from exc
        if len(unique) == 1:
            return np.array(np.broadcast_to(scores[tree.root], out.shape))
        out[reps] = np.broadcast_to(scores[tree.root], (len(reps), len(units)))
    return out


def describe(
    options: UncertaintyOptions, indicators: tuple[str, ...], key_id: int, unique: np.ndarray
) -> str:
    """Return the discrete choices of a key in words."""
    i_imp, i_norm, i_agg, i_drop = unique[key_id].tolist()
    spec = "as specified"
    return ", ".join(
        [
            f"imputation {options.imputation[i_imp].method if i_imp >= 0 else spec}",
            f"normalisation {options.normalisation[i_norm].method if i_norm >= 0 else spec}",
            f"aggregation {options.aggregation[i_agg].method if i_agg >= 0 else spec}",
            f"left out {indicators[i_drop] if i_drop >= 0 else 'none'}",
        ]
    )


@dataclass(frozen=True)
class MonteCarlo:
    """The replications of one period."""

    period: str
    units: tuple[str, ...]
    names: tuple[str, ...]
    nominal_score: np.ndarray  # (U,)
    nominal_rank: np.ndarray  # (U,)
    scores: np.ndarray  # (R, U)
    ranks: np.ndarray  # (R, U)
    draws: Draws
    seed: int


def monte_carlo(
    build: Build,
    options: UncertaintyOptions,
    runs: int | None = None,
    seed: int | None = None,
    period: str | None = None,
) -> MonteCarlo:
    """Return ``runs`` replications of the index of ``period`` (default: the latest)."""
    period = period if period is not None else max(build.periods)
    runs = runs if runs is not None else options.runs
    seed = seed if seed is not None else options.seed
    draws = draw(build, options, runs, seed)
    scores = evaluate(build, options, draws, period)
    nominal = build.periods[period]
    root = build.plan.tree.root
    return MonteCarlo(
        period=period,
        units=nominal.units,
        names=nominal.names,
        nominal_score=nominal.scores[root],
        nominal_rank=nominal.ranks[root],
        scores=scores,
        ranks=min_ranks(scores),
        draws=draws,
        seed=seed,
    )


def rank_histogram(ranks: np.ndarray) -> np.ndarray:
    """Return counts (U, U + 1): how often unit u took rank r (column 0 unused; NaN ranks,
    a missing score, are not counted)."""
    units = ranks.shape[1]
    offsets = np.arange(units) * (units + 1)
    seen = ~np.isnan(ranks)
    if seen.all():
        code = (ranks.astype(np.int64) + offsets).ravel()
    else:
        code = np.broadcast_to(offsets, ranks.shape)[seen] + ranks[seen].astype(np.int64)
    return np.bincount(code, minlength=units * (units + 1)).reshape(units, units + 1)


def histogram_quantiles(counts: np.ndarray, probs: Sequence[float]) -> np.ndarray:
    """Return type-7 quantiles (len(probs), U) of integer ranks given as counts per rank, as
    ``np.quantile`` on the ranks would (R's default, which COINr uses), without sorting."""
    cum = np.cumsum(counts, axis=1)
    n = cum[:, -1]
    out = np.full((len(probs), counts.shape[0]), np.nan)
    for u in np.flatnonzero(n > 0):
        for k, q in enumerate(probs):
            h = (n[u] - 1) * q
            lo = int(np.floor(h))
            x_lo = np.searchsorted(cum[u], lo, side="right")
            x_hi = np.searchsorted(cum[u], min(lo + 1, n[u] - 1), side="right")
            out[k, u] = x_lo + (h - lo) * (x_hi - x_lo)
    return out


def rank_stats(mc: MonteCarlo, level: float = LEVEL) -> pl.DataFrame:
    """Return one row per unit: nominal, mean and median rank, the ``level`` interval
    (quantiles of type 7, as R's default and COINr), its width, and the mean |rank shift|.
    Ranks are integers, so every statistic comes from each unit's histogram of ranks."""
    tail = (1 - level) / 2
    counts = rank_histogram(mc.ranks)
    q_lo, median, q_hi = histogram_quantiles(counts, [tail, 0.5, 1 - tail])
    values = np.arange(counts.shape[1])
    n = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = counts @ values / n
        shift = (counts * np.abs(values[None, :] - mc.nominal_rank[:, None])).sum(axis=1) / n
    return pl.DataFrame(
        {
            "period": mc.period,
            "unit": list(mc.units),
            "name": list(mc.names),
            "nominal_score": mc.nominal_score,
            "nominal": mc.nominal_rank,
            "mean": mean,
            "median": median,
            "q5": q_lo,
            "q95": q_hi,
            "interval_width": q_hi - q_lo,
            "mean_abs_shift": shift,
            "runs": mc.scores.shape[0],
            "seed": mc.seed,
        }
    ).sort("nominal", "unit")


def parameters_frame(build: Build, options: UncertaintyOptions, draws: Draws) -> pl.DataFrame:
    """Return one row per replication with every parameter it used (methods by name, the
    indicator left out, each perturbed node's weight factor)."""

    def named(
        index: np.ndarray, alternatives: Sequence[Imputation | Normalisation | Aggregation]
    ) -> list[str]:
        return [alternatives[i].method if i >= 0 else "as specified" for i in index.tolist()]

    indicators = build.plan.indicators
    return pl.DataFrame(
        {
            "replication": np.arange(1, draws.runs + 1),
            "imputation": named(draws.imputation, options.imputation),
            "normalisation": named(draws.normalisation, options.normalisation),
            "aggregation": named(draws.aggregation, options.aggregation),
            "left_out": [indicators[i] if i >= 0 else None for i in draws.dropped.tolist()],
            **{f"weight_factor_{node}": f for node, f in draws.noise.items()},
        },
        schema_overrides={"left_out": pl.String},
    )


def summary(mc: MonteCarlo) -> dict[str, float]:
    """Return the mean |rank shift| over units and replications and the median width."""
    stats = rank_stats(mc)
    return {
        "mean_abs_rank_shift": float(np.nanmean(stats.get_column("mean_abs_shift").to_numpy())),
        "median_interval_width": float(np.nanmedian(stats.get_column("interval_width").to_numpy())),
    }
