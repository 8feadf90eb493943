"""Step 8, sensitivity: what each choice changes in the ranks, and variance-based (Sobol)
indices of the uncertain inputs computed by SALib.

``choice_effects`` builds the index once per alternative, changing one thing at a time (each
listed imputation, normalisation or aggregation; leaving out each indicator), and reports how
far the ranks move. ``sobol_indices`` samples the spec's uncertain inputs with SALib's Saltelli
design (the weight noises as one group), evaluates the design with the batched engine and
lets SALib estimate first-order and total indices of the mean absolute rank shift.
"""

from __future__ import annotations

import warnings

import numpy as np
import polars as pl

from cchc_analysis.index.build import Build
from cchc_analysis.index.montecarlo import Draws, draws_from_uniform, evaluate, inputs_of
from cchc_analysis.index.normalise import min_ranks
from cchc_analysis.index.spec import UncertaintyOptions


def choice_effects(
    build: Build, options: UncertaintyOptions, period: str | None = None
) -> pl.DataFrame:
    """Return one row per single change: choice, option, mean and largest |rank shift| of the
    index against the nominal ranks, and how many units change rank."""
    period = period if period is not None else max(build.periods)
    rows: list[tuple[str, str, tuple[int, int, int, int]]] = []
    for k, rule in enumerate(options.imputation):
        rows.append(("imputation", rule.method, (k, -1, -1, -1)))
    for k, norm in enumerate(options.normalisation):
        rows.append(("normalisation", norm.method, (-1, k, -1, -1)))
    for k, agg in enumerate(options.aggregation):
        rows.append(("aggregation", agg.method, (-1, -1, k, -1)))
    for k, indicator in enumerate(build.plan.indicators):
        rows.append(("leave out", indicator, (-1, -1, -1, k)))
    keys = np.array([key for *_, key in rows]).reshape(-1, 4)
    draws = Draws(keys[:, 0], keys[:, 1], keys[:, 2], keys[:, 3], {})
    ranks = min_ranks(evaluate(build, options, draws, period))
    root = build.plan.tree.root
    nominal = build.periods[period].ranks[root]
    shift = np.abs(ranks - nominal)
    return pl.DataFrame(
        {
            "period": period,
            "choice": [c for c, _, _ in rows],
            "option": [o for _, o, _ in rows],
            "mean_abs_shift": np.nanmean(shift, axis=1),
            "max_abs_shift": np.nanmax(shift, axis=1),
            "units_moved": (shift > 0).sum(axis=1),
        }
    ).sort("mean_abs_shift", descending=True)


def _problem(build: Build, options: UncertaintyOptions) -> dict[str, object]:
    names = inputs_of(build, options)
    groups = ["weights" if n.startswith("weight:") else n for n in names]
    return {
        "num_vars": len(names),
        "names": names,
        "groups": groups,
        "bounds": [[0, 1]] * len(names),
    }


def input_groups(build: Build, options: UncertaintyOptions) -> list[str]:
    """Return the groups SALib sees (all weight noises form one group, 'weights')."""
    return list(dict.fromkeys(_problem(build, options)["groups"]))  # type: ignore[call-overload]


def sobol_indices(
    build: Build,
    options: UncertaintyOptions,
    n: int = 256,
    seed: int = 1,
    period: str | None = None,
) -> pl.DataFrame:
    """Return first-order and total Sobol indices (with 95 % half-widths) of each group of
    uncertain inputs on the mean absolute rank shift, from SALib's Saltelli design of
    n × (groups + 2) replications. Needs at least two groups of inputs."""
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    period = period if period is not None else max(build.periods)
    problem = _problem(build, options)
    groups = input_groups(build, options)
    if len(groups) < 2:
        raise ValueError(
            "variance-based indices need at least two uncertain inputs (weights, imputation, "
            "normalisation, aggregation, drop_indicators) in the spec's uncertainty section"
        )
    design = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    draws = draws_from_uniform(build, options, np.asarray(design))
    ranks = min_ranks(evaluate(build, options, draws, period))
    nominal = build.periods[period].ranks[build.plan.tree.root]
    shift = np.nanmean(np.abs(ranks - nominal), axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SALib warns when an output never moves
        result = sobol_analyze.analyze(
            problem, shift, calc_second_order=False, seed=seed, print_to_console=False
        )
    return pl.DataFrame(
        {
            "period": period,
            "input": groups,
            "S1": np.asarray(result["S1"], dtype=float),
            "S1_conf": np.asarray(result["S1_conf"], dtype=float),
            "ST": np.asarray(result["ST"], dtype=float),
            "ST_conf": np.asarray(result["ST_conf"], dtype=float),
            "n": n,
            "replications": len(design),
        }
    )
