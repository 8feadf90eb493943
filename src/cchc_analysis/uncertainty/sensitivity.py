"""Which uncertain input moves the ranks: Sobol indices (Saltelli/Jansen estimators, checked
against SALib in tests) and the effect of removing each domain."""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass

import numpy as np
import polars as pl

from cchc_analysis.uncertainty.draws import draw, swap_source
from cchc_analysis.uncertainty.model import Draws, RankModel, evaluate, nominal
from cchc_analysis.uncertainty.montecarlo import mean_abs_rank_shift
from cchc_analysis.uncertainty.spec import (
    DEFAULT_SEED,
    UncertaintyError,
    UncertaintySpec,
    enabled_sources,
)


def _sobol(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return first-order (Saltelli 2010) and total (Jansen) indices from f(A), f(B) (N, ...)
    and f(A_B^i) (k, N, ...); NaN where the output does not vary. f(B) is centred first (as
    SALib does): same expectation, much less noise when the output's mean is large.

    Kept rather than SALib's ``sobol.analyze``: on the same design the totals are identical and
    the first-order indices agree to rounding (tests/test_index_sobol.py), and this one works on
    every province at once (benchmarks/sobol_salib.py: ~300× faster than one SALib call per
    province). The index builder (``cchc_analysis.index.sensitivity``) uses SALib itself."""
    both = np.concatenate([f_a, f_b])
    variance = np.var(both, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        first = ((f_b - both.mean(axis=0)) * (f_ab - f_a)).mean(axis=1) / variance
        total = 0.5 * ((f_a - f_ab) ** 2).mean(axis=1) / variance
    return first, total


@dataclass(frozen=True)
class Sensitivity:
    """Variance-based indices of each source: on the mean absolute rank shift (``overall``)
    and on each province's rank (``by_province``)."""

    overall: pl.DataFrame  # source, S1, S1_conf, ST, ST_conf
    by_province: pl.DataFrame  # province_code, province, source, S1, ST


def sobol_indices(
    model: RankModel,
    spec: UncertaintySpec,
    n: int = 512,
    seed: int = DEFAULT_SEED,
    bootstrap: int = 200,
) -> Sensitivity:
    """Return first-order and total Sobol indices of every enabled source (each a group of
    inputs) by Saltelli sampling: N·(k + 2) replications; ``*_conf`` are 95 % bootstrap
    half-widths."""
    sources = enabled_sources(spec)
    if not sources:
        raise UncertaintyError("sobol_indices needs at least one source switched on")
    a, b = draw(model, spec, n, seed, stream=1), draw(model, spec, n, seed, stream=2)
    _, nominal_rank = nominal(model)
    r_a, r_b = evaluate(model, a)[1], evaluate(model, b)[1]
    r_ab = np.stack([evaluate(model, swap_source(a, b, s))[1] for s in sources])
    shift = [mean_abs_rank_shift(r, nominal_rank) for r in (r_a, r_b)]
    s1, st = _sobol(shift[0], shift[1], mean_abs_rank_shift(r_ab, nominal_rank))
    rng = np.random.default_rng([seed, 99])
    samples = [rng.integers(0, n, n) for _ in range(bootstrap)]
    boot = np.array(
        [
            _sobol(shift[0][i], shift[1][i], mean_abs_rank_shift(r_ab[:, i], nominal_rank))
            for i in samples
        ]
    ).reshape(bootstrap, 2, len(sources))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a source that never moves a rank
        conf = 1.96 * np.nanstd(boot, axis=0)
    overall = pl.DataFrame(
        {
            "period": model.period,
            "source": sources,
            "output": "mean_abs_rank_shift",
            "S1": s1,
            "S1_conf": conf[0],
            "ST": st,
            "ST_conf": conf[1],
            "n": n,
            "seed": seed,
        },
        schema={
            "period": pl.String,
            "source": pl.String,
            "output": pl.String,
            "S1": pl.Float64,
            "S1_conf": pl.Float64,
            "ST": pl.Float64,
            "ST_conf": pl.Float64,
            "n": pl.Int64,
            "seed": pl.Int64,
        },
    )
    p1, pt = _sobol(r_a.astype(float), r_b.astype(float), r_ab.astype(float))  # (k, P)
    by_province = pl.DataFrame(
        {
            "period": model.period,
            "province_code": np.tile(model.province_codes, len(sources)),
            "province": np.tile(model.province_names, len(sources)),
            "source": np.repeat(sources, model.shape[0]),
            "S1": p1.ravel(),
            "ST": pt.ravel(),
        },
        schema={
            "period": pl.String,
            "province_code": pl.String,
            "province": pl.String,
            "source": pl.String,
            "S1": pl.Float64,
            "ST": pl.Float64,
        },
    )
    return Sensitivity(overall=overall.fill_nan(None), by_province=by_province.fill_nan(None))


def domain_removal(model: RankModel) -> pl.DataFrame:
    """Return one row per domain × province: the rank with that domain left out (the index
    rescaled to the remaining maximum), the shift against the nominal rank, and the domain's
    mean absolute shift across provinces."""
    _, nominal_rank = nominal(model)
    frames = []
    for d, domain in enumerate(model.domain_ids):
        scale = np.ones((1, len(model.domain_ids)))
        scale[0, d] = 0.0
        dropped = dataclasses.replace(model, index_max_points=None)
        rank = evaluate(dropped, Draws(runs=1, domain_scale=scale))[1][0]
        frames.append(
            pl.DataFrame(
                {
                    "period": model.period,
                    "domain_id": domain,
                    "province_code": list(model.province_codes),
                    "province": list(model.province_names),
                    "nominal_rank": nominal_rank,
                    "rank_without": rank,
                    "shift": rank - nominal_rank,
                    "mean_abs_shift": float(np.abs(rank - nominal_rank).mean()),
                }
            )
        )
    return pl.concat(frames)
