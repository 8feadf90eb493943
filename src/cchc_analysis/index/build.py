"""Build an index from its spec and data: impute, treat, normalise, weight, aggregate, rank.

Steps 3 to 7 of the JRC/OECD method, in that order, period by period (imputation by panel
interpolation sees every period of a unit). Aggregation runs bottom-up over the hierarchy with
the batched kernel of ``aggregate``, so the nominal build and every Monte Carlo replication go
through the same code (``aggregate_tree``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from cchc_analysis.index import impute as imp
from cchc_analysis.index.aggregate import aggregate
from cchc_analysis.index.data import IndexData
from cchc_analysis.index.normalise import min_ranks, normalise
from cchc_analysis.index.spec import (
    Aggregation,
    Imputation,
    IndexSpec,
    Normalisation,
    Treatment,
    Tree,
    Weighting,
    group_options,
    indicator_options,
    node_weights,
)
from cchc_analysis.index.treat import TreatmentResult, treat
from cchc_analysis.index.weights import (
    WeightingError,
    benefit_of_the_doubt,
    fa_weights,
    optimised_weights,
    pca_weights,
)


class IndexBuildError(ValueError):
    """A build that cannot go on; the message names the step, the node and the fix."""


@dataclass(frozen=True)
class Plan:
    """The spec resolved into what the engine needs."""

    spec: IndexSpec
    indicators: tuple[str, ...]
    directions: tuple[int, ...]
    imputation: tuple[Imputation, ...]
    treatment: tuple[Treatment, ...]
    normalisation: tuple[Normalisation, ...]
    aggregation: dict[str, Aggregation]
    weighting: dict[str, Weighting]
    declared: dict[str, float]

    @property
    def tree(self) -> Tree:
        return self.spec.tree


def plan_of(spec: IndexSpec) -> Plan:
    """Return the resolved plan of a spec."""
    options = indicator_options(spec)
    groups = group_options(spec)
    ids = tuple(spec.tree.indicators)
    return Plan(
        spec=spec,
        indicators=ids,
        directions=tuple(i.direction for i in spec.indicators),
        imputation=tuple(options[i][0] for i in ids),
        treatment=tuple(options[i][1] for i in ids),
        normalisation=tuple(options[i][2] for i in ids),
        aggregation={g: groups[g][0] for g in groups},
        weighting={g: groups[g][1] for g in groups},
        declared=node_weights(spec),
    )


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True)
class Prepared:
    """Every row's indicators after each step (rows as in the data)."""

    imputed: np.ndarray
    treated: np.ndarray
    normalised: np.ndarray
    treatment: dict[tuple[str, str], TreatmentResult] = field(default_factory=dict)


def _impute_with(data: IndexData, rule: Imputation, rows: np.ndarray) -> np.ndarray:
    """Return the rows' matrix filled by one imputation rule (all indicators)."""
    x = data.values[rows]
    if rule.method == "none":
        return x.copy()
    if rule.method in ("indicator_mean", "indicator_median"):
        return imp.indicator_fill(x, rule.method.split("_")[1])
    if rule.method in ("group_mean", "group_median"):
        column = rule.group_column or ""
        if column not in data.extra:
            raise IndexBuildError(
                f"imputation {rule.method}: group_column {column!r} is not a column of "
                f"{data.source} (it has {sorted(data.extra)}); name the column that holds "
                "each unit's group"
            )
        labels = [data.extra[column][r] for r in rows]
        return imp.group_fill(x, labels, rule.method.split("_")[1])
    if rule.method == "regression":
        return imp.regression_fill(x, rule.iterations)
    if rule.method == "em":
        return imp.em_fill(x, rule.iterations)
    periods = data.period_list()
    if len(periods) < 2:
        raise IndexBuildError(
            "imputation interpolate needs a panel: set data.period in the spec to the column "
            "of periods, with at least two periods in the data"
        )
    position = {p: k for k, p in enumerate(periods)}
    all_rows = np.arange(len(data.units))
    filled = imp.interpolate_panel(
        data.values, data.units, [position[data.periods[r]] for r in all_rows]
    )
    return filled[rows]


def prepare(
    data: IndexData,
    plan: Plan,
    imputation: Imputation | None = None,
    normalisation: Normalisation | None = None,
) -> Prepared:
    """Return the indicators imputed, treated and normalised (``imputation`` or
    ``normalisation`` given: that rule for every indicator instead of the spec's)."""
    n_rows, n_ind = data.values.shape
    imputed = np.full((n_rows, n_ind), np.nan)
    treated, normalised = imputed.copy(), imputed.copy()
    reports: dict[tuple[str, str], TreatmentResult] = {}
    rules = [imputation or r for r in plan.imputation]
    norms = [normalisation or r for r in plan.normalisation]
    for period in data.period_list():
        rows = data.rows_of(period)
        cache: dict[Imputation, np.ndarray] = {}
        for j, rule in enumerate(rules):
            if rule not in cache:
                cache[rule] = _impute_with(data, rule, rows)
            imputed[rows, j] = cache[rule][:, j]
            result = treat(imputed[rows, j], plan.treatment[j])
            treated[rows, j] = result.values
            reports[(period, plan.indicators[j])] = result
        normalised[rows] = normalise(treated[rows], plan.indicators, plan.directions, norms)
    return Prepared(imputed, treated, normalised, reports)


# --------------------------------------------------------------------------- the tree


@dataclass
class Resolved:
    """Weights in force per group: (k,) shares, or (U, k) per unit for benefit of the doubt."""

    weights: dict[str, np.ndarray]
    bod: set[str]


def _data_weights(
    method: str,
    x: np.ndarray,
    rule: Aggregation,
    weighting: Weighting,
    children: Sequence[str],
    declared: np.ndarray,
) -> np.ndarray:
    if method == "equal":
        return np.full(len(children), 1 / len(children))
    if method == "manual":
        total = declared.sum()
        if total <= 0:
            raise WeightingError("the weights of its children add up to 0")
        return np.asarray(declared / total)
    if method == "pca":
        return pca_weights(x)
    if method == "fa":
        return fa_weights(x)
    target = np.array([(weighting.target or {}).get(c, 1.0) for c in children])
    if target.sum() <= 0:
        raise WeightingError("the target shares add up to 0")
    target = target / target.sum()

    def score(w: np.ndarray) -> np.ndarray:
        return np.asarray(aggregate(x[None], w[None], rule)[0])

    return optimised_weights(x, target, score)


def aggregate_tree(
    normalised: np.ndarray,
    plan: Plan,
    units: Sequence[str],
    resolved: Resolved | None = None,
    weights: Mapping[str, np.ndarray] | None = None,
    rules: Mapping[str, Aggregation] | None = None,
) -> tuple[dict[str, np.ndarray], Resolved]:
    """Return every node's scores (R, U) and the weights used.

    ``normalised`` is one period's units × indicators. Without ``resolved`` the data-driven
    weights are computed from this data (the nominal build); with it they are reused.
    ``weights`` overrides a group's weights with a batch (R, k) (Monte Carlo); ``rules``
    overrides aggregation methods."""
    tree = plan.tree
    scores: dict[str, np.ndarray] = {
        ind: normalised[:, j][None, :] for j, ind in enumerate(plan.indicators)
    }
    found = Resolved({}, set()) if resolved is None else resolved
    for group in tree.groups_bottom_up:
        children = tree.children[group]
        rule = (rules or {}).get(group, plan.aggregation[group])
        batch = max(scores[c].shape[0] for c in children)
        x = np.stack([np.broadcast_to(scores[c], (batch, len(units))) for c in children], -1)
        method = plan.weighting[group].method
        try:
            if method == "bod":
                negative = np.argwhere(np.nan_to_num(x) < 0)
                if len(negative):
                    _, u, k = negative[0]
                    raise WeightingError(
                        f"benefit of the doubt needs values ≥ 0, but unit {units[u]!r} has "
                        f"{children[k]!r} = {x[0, u, k]:g}; normalise its children with minmax"
                    )
                found.bod.add(group)
                runs = [
                    benefit_of_the_doubt(x[r], plan.weighting[group].min_share)
                    for r in range(batch)
                ]
                scores[group] = np.stack([s for s, _ in runs])
                if resolved is None:
                    found.weights[group] = runs[0][1]
                continue
            if resolved is None:
                declared = np.array([plan.declared[c] for c in children])
                found.weights[group] = _data_weights(
                    method, x[0], rule, plan.weighting[group], children, declared
                )
        except WeightingError as exc:
            raise IndexBuildError(
                f"group {group!r}, weighting {method}: {exc}. Fix: choose another weighting "
                "method for this group (manual or equal always work)"
            ) from exc
        w = (weights or {}).get(group)
        if w is None:
            w = found.weights[group][None, :]
        scores[group] = aggregate(x, w, rule, group, units, children)
    return scores, found


# --------------------------------------------------------------------------- the build


@dataclass(frozen=True)
class PeriodBuild:
    """One period's nominal build."""

    period: str
    rows: np.ndarray  # the data rows of this period
    units: tuple[str, ...]
    names: tuple[str, ...]
    scores: dict[str, np.ndarray]  # node → (U,)
    ranks: dict[str, np.ndarray]  # node → (U,) as floats, NaN for a missing score
    resolved: Resolved


@dataclass(frozen=True)
class Build:
    """A whole build: the plan, the data, each step's matrices and every period's scores."""

    plan: Plan
    data: IndexData
    prepared: Prepared
    periods: dict[str, PeriodBuild]

    def latest(self) -> PeriodBuild:
        return self.periods[max(self.periods)]


def build_period(data: IndexData, plan: Plan, prepared: Prepared, period: str) -> PeriodBuild:
    """Return one period's nominal scores and ranks."""
    rows = data.rows_of(period)
    units = tuple(data.units[r] for r in rows)
    scores, resolved = aggregate_tree(prepared.normalised[rows], plan, units)
    flat = {node: s[0] for node, s in scores.items()}
    return PeriodBuild(
        period=period,
        rows=rows,
        units=units,
        names=tuple(data.names[r] for r in rows),
        scores=flat,
        ranks={node: min_ranks(s[None, :])[0] for node, s in flat.items()},
        resolved=resolved,
    )


def build(data: IndexData, plan: Plan) -> Build:
    """Return the nominal build of every period."""
    prepared = prepare(data, plan)
    periods = {p: build_period(data, plan, prepared, p) for p in data.period_list()}
    return Build(plan, data, prepared, periods)
