"""A build as tables: every level's scores and ranks, and what each step did (coverage and
imputation, outlier treatment, correlations, Cronbach's alpha, PCA, collinearity flags,
weights beside measured importance). Pure functions of a ``Build``; frames, no I/O."""

from __future__ import annotations

import numpy as np
import polars as pl

from cchc_analysis.index.build import Build, PeriodBuild
from cchc_analysis.index.multivariate import (
    collinear_pairs,
    correlation_matrix,
    cronbach_alpha,
    factor_loadings,
    pca,
)
from cchc_analysis.index.treat import kurtosis, skewness
from cchc_analysis.index.weights import correlation_ratio, importances


def _frame_of(period: PeriodBuild, nodes: list[str], build: Build) -> pl.DataFrame:
    columns: dict[str, object] = {
        "period": period.period,
        "unit": list(period.units),
        "name": list(period.names),
    }
    for node in nodes:
        columns[node] = period.scores[node]
        columns[f"{node}_rank"] = period.ranks[node]
    frame = pl.DataFrame(columns).fill_nan(None)
    return frame.with_columns(pl.col(f"{n}_rank").cast(pl.Int32) for n in nodes)


def level_frame(build: Build, level: int) -> pl.DataFrame:
    """Return one row per unit × period with the score and rank of every node at ``level``
    (level 1: the normalised indicators)."""
    tree = build.plan.tree
    nodes = [n for n in [*tree.indicators, *tree.groups_bottom_up] if tree.level[n] == level]
    return pl.concat([_frame_of(p, nodes, build) for p in build.periods.values()]).sort(
        "period", "unit"
    )


def levels(build: Build) -> list[int]:
    """Return the levels of the hierarchy, 1 (indicators) to the index."""
    return sorted(set(build.plan.tree.level.values()))


def scores_long(build: Build) -> pl.DataFrame:
    """Return one row per period × unit × node: level, score, rank."""
    tree = build.plan.tree
    frames = []
    for p in build.periods.values():
        for node in [*tree.indicators, *tree.groups_bottom_up]:
            frames.append(
                pl.DataFrame(
                    {
                        "period": p.period,
                        "unit": list(p.units),
                        "name": list(p.names),
                        "node": node,
                        "level": tree.level[node],
                        "score": p.scores[node],
                        "rank": p.ranks[node],
                    }
                )
            )
    return (
        pl.concat(frames)
        .fill_nan(None)
        .with_columns(pl.col("rank").cast(pl.Int32), pl.col("level").cast(pl.Int32))
    )


def indicator_steps(build: Build) -> pl.DataFrame:
    """Return one row per period × unit × indicator with its value after each step: raw,
    imputed, treated, normalised (null where missing)."""
    data, prepared, plan = build.data, build.prepared, build.plan
    rows, cols = data.values.shape
    return pl.DataFrame(
        {
            "period": np.repeat(data.periods, cols),
            "unit": np.repeat(data.units, cols),
            "indicator": np.tile(plan.indicators, rows),
            "raw": data.values.ravel(),
            "imputed": prepared.imputed.ravel(),
            "treated": prepared.treated.ravel(),
            "normalised": prepared.normalised.ravel(),
        }
    ).fill_nan(None)


def describe(build: Build) -> pl.DataFrame:
    """Return one row per period × indicator: its unit and direction, and the count, mean,
    standard deviation, minimum, maximum, skewness and kurtosis of the raw values."""
    data, plan = build.data, build.plan
    units = {i.id: i.unit for i in plan.spec.indicators}
    rows = []
    for period, p in build.periods.items():
        for j, indicator in enumerate(plan.indicators):
            x = data.values[p.rows, j]
            v = x[~np.isnan(x)]
            rows.append(
                {
                    "period": period,
                    "indicator": indicator,
                    "unit_of_measure": units[indicator],
                    "direction": plan.directions[j],
                    "n": len(v),
                    "mean": float(v.mean()) if len(v) else None,
                    "sd": float(v.std(ddof=1)) if len(v) > 1 else None,
                    "min": float(v.min()) if len(v) else None,
                    "max": float(v.max()) if len(v) else None,
                    "skew": skewness(x),
                    "kurtosis": kurtosis(x),
                }
            )
    return pl.DataFrame(rows).fill_nan(None)


def coverage(build: Build) -> pl.DataFrame:
    """Return one row per period × indicator: units, missing values, how many were imputed and
    by which method, and the share present before imputation."""
    data, prepared, plan = build.data, build.prepared, build.plan
    rows = []
    for period, p in build.periods.items():
        raw, filled = data.values[p.rows], prepared.imputed[p.rows]
        for j, indicator in enumerate(plan.indicators):
            missing = int(np.isnan(raw[:, j]).sum())
            rows.append(
                {
                    "period": period,
                    "indicator": indicator,
                    "units": len(p.rows),
                    "missing": missing,
                    "imputed": int((np.isnan(raw[:, j]) & ~np.isnan(filled[:, j])).sum()),
                    "method": plan.imputation[j].method,
                    "coverage": 1 - missing / len(p.rows) if len(p.rows) else 0.0,
                }
            )
    return pl.DataFrame(rows)


def unit_coverage(build: Build) -> pl.DataFrame:
    """Return one row per period × unit: the share of indicators present before imputation and
    whether it falls below the spec's ``analysis.min_unit_coverage``."""
    data, threshold = build.data, build.plan.spec.analysis.min_unit_coverage
    frames = []
    for period, p in build.periods.items():
        share = 1 - np.isnan(data.values[p.rows]).mean(axis=1)
        frames.append(
            pl.DataFrame(
                {
                    "period": period,
                    "unit": list(p.units),
                    "name": list(p.names),
                    "coverage": share,
                    "below_threshold": share < threshold,
                }
            )
        )
    return pl.concat(frames)


def imputed_cells(build: Build) -> pl.DataFrame:
    """Return one row per imputed value: period, unit, indicator, method, value."""
    data, prepared, plan = build.data, build.prepared, build.plan
    rows = []
    holes = np.isnan(data.values) & ~np.isnan(prepared.imputed)
    for r, j in zip(*np.nonzero(holes), strict=True):
        rows.append(
            {
                "period": data.periods[r],
                "unit": data.units[r],
                "indicator": plan.indicators[j],
                "method": plan.imputation[j].method,
                "value": float(prepared.imputed[r, j]),
            }
        )
    schema: dict[str, type[pl.DataType]] = {"period": pl.String, "unit": pl.String}
    schema |= {"indicator": pl.String, "method": pl.String, "value": pl.Float64}
    return pl.DataFrame(rows, schema=schema)


def treatment(build: Build) -> pl.DataFrame:
    """Return one row per period × indicator: the outlier rule's verdict, the units whose
    value was winsorised, skewness and kurtosis before and after."""
    rows = []
    for (period, indicator), result in build.prepared.treatment.items():
        units = build.periods[period].units
        rows.append(
            {
                "period": period,
                "indicator": indicator,
                "status": result.status,
                "winsorised": len(result.winsorised),
                "winsorised_units": ", ".join(units[i] for i in result.winsorised),
                "skew_before": result.skew_before,
                "kurtosis_before": result.kurtosis_before,
                "skew_after": result.skew_after,
                "kurtosis_after": result.kurtosis_after,
            }
        )
    return pl.DataFrame(rows).fill_nan(None)


def _children_matrix(p: PeriodBuild, children: list[str]) -> np.ndarray:
    return np.column_stack([p.scores[c] for c in children])


def _effective(p: PeriodBuild, build: Build) -> dict[str, float]:
    """Return each node's weight in the index: the product of its shares down the tree."""
    tree = build.plan.tree
    out = {tree.root: 1.0}
    for group in reversed(tree.groups_bottom_up):
        w = p.resolved.weights[group]
        w = w.mean(axis=0) if w.ndim == 2 else w
        for k, child in enumerate(tree.children[group]):
            out[child] = out[group] * float(w[k])
    return out


def weights(build: Build) -> pl.DataFrame:
    """Return one row per period × group × child: declared weight, the weight in force (the
    mean share over units for benefit of the doubt), the method, and the child's measured
    importance: η² with its group's score, its share of the group's total η², and Pearson's r
    with the group and with the index. Beside them, as the JRC audits compare them: the
    child's effective weight in the index (its shares multiplied down the tree) and its
    importance in the index (η² of the index on it, as a share among the nodes of its level)."""
    tree, plan = build.plan.tree, build.plan
    rows = []
    for period, p in build.periods.items():
        effective = _effective(p, build)
        eta_index = {n: correlation_ratio(p.scores[n], p.scores[tree.root]) for n in effective}
        level_total: dict[int, float] = {}
        for node, value in eta_index.items():
            if node != tree.root and np.isfinite(value):
                level_total[tree.level[node]] = level_total.get(tree.level[node], 0.0) + value
        for group in tree.groups_bottom_up:
            children = tree.children[group]
            x = _children_matrix(p, children)
            eta = importances(x, p.scores[group])
            share = eta / np.nansum(eta) if np.nansum(eta) > 0 else eta * np.nan
            w = p.resolved.weights[group]
            w = w.mean(axis=0) if w.ndim == 2 else w
            for k, child in enumerate(children):
                rows.append(
                    {
                        "period": period,
                        "group": group,
                        "child": child,
                        "level": tree.level[child],
                        "method": plan.weighting[group].method,
                        "declared": plan.declared[child],
                        "weight": float(w[k]),
                        "importance": float(eta[k]),
                        "importance_share": float(share[k]),
                        "r_group": _r(p.scores[child], p.scores[group]),
                        "r_index": _r(p.scores[child], p.scores[tree.root]),
                        "effective_weight": effective[child],
                        "importance_in_index": eta_index[child]
                        / level_total.get(tree.level[child], float("nan")),
                    }
                )
    return pl.DataFrame(rows).fill_nan(None)


def _r(a: np.ndarray, b: np.ndarray) -> float:
    both = ~np.isnan(a) & ~np.isnan(b)
    if both.sum() < 3 or a[both].std() == 0 or b[both].std() == 0:
        return float("nan")
    return float(np.corrcoef(a[both], b[both])[0, 1])


def multivariate(build: Build) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Return four frames per period and group: a summary (children, complete units,
    Cronbach's alpha, the first component's share of variance, components with eigenvalue >
    1), the correlations (long), the PCA (one row per component) and the flags (pairs
    correlated above the threshold; children weakly or negatively correlated with the
    group)."""
    tree, analysis = build.plan.tree, build.plan.spec.analysis
    summary, corrs, comps, flags = [], [], [], []
    for period, p in build.periods.items():
        for group in tree.groups_bottom_up:
            children = tree.children[group]
            x = _children_matrix(p, children)
            corr = correlation_matrix(x)
            comp = pca(x)
            summary.append(
                {
                    "period": period,
                    "group": group,
                    "children": len(children),
                    "complete_units": comp.n_units,
                    "cronbach_alpha": cronbach_alpha(x),
                    "pc1_explained": float(comp.explained[0]),
                    "components_above_1": int(np.sum(comp.eigenvalues > 1)),
                }
            )
            for i, a in enumerate(children):
                for j, b in enumerate(children):
                    corrs.append(
                        {"period": period, "group": group, "a": a, "b": b, "r": corr[i, j]}
                    )
            cumulative = np.cumsum(comp.explained)
            for c, value in enumerate(comp.eigenvalues):
                comps.append(
                    {
                        "period": period,
                        "group": group,
                        "component": c + 1,
                        "eigenvalue": float(value),
                        "explained": float(comp.explained[c]),
                        "cumulative": float(cumulative[c]),
                    }
                )
            for a, b, r in collinear_pairs(corr, children, analysis.collinear_above):
                flags.append(_flag(period, group, "collinear", a, b, r))
            for child in children:
                r = _r(p.scores[child], p.scores[group])
                if np.isfinite(r) and r < 0:
                    flags.append(_flag(period, group, "negative with its group", child, group, r))
                elif np.isfinite(r) and r < analysis.weak_below:
                    flags.append(_flag(period, group, "weak with its group", child, group, r))
    flag_schema: dict[str, type[pl.DataType]] = {"period": pl.String, "group": pl.String}
    flag_schema |= {"flag": pl.String, "a": pl.String, "b": pl.String, "r": pl.Float64}
    return (
        pl.DataFrame(summary).fill_nan(None),
        pl.DataFrame(corrs).fill_nan(None),
        pl.DataFrame(comps).fill_nan(None),
        pl.DataFrame(flags, schema=flag_schema),
    )


def loadings(build: Build) -> pl.DataFrame:
    """Return the loadings of each group's children, long: period, group, method ('pca': the
    principal components; 'fa': the varimax-rotated factors with eigenvalue > 1), component,
    child, loading, and the share of variance the component explains."""
    tree = build.plan.tree
    rows = []
    for period, p in build.periods.items():
        for group in tree.groups_bottom_up:
            children = tree.children[group]
            x = _children_matrix(p, children)
            comp = pca(x)
            if not np.isfinite(comp.eigenvalues).all():
                continue
            rotated, explained = factor_loadings(x)
            blocks = (("pca", comp.loadings, comp.explained), ("fa", rotated, explained))
            for method, matrix, share in blocks:
                for c in range(matrix.shape[1]):
                    for k, child in enumerate(children):
                        rows.append(
                            {
                                "period": period,
                                "group": group,
                                "method": method,
                                "component": c + 1,
                                "child": child,
                                "loading": float(matrix[k, c]),
                                "explained": float(share[c]),
                            }
                        )
    schema: dict[str, type[pl.DataType]] = {"period": pl.String, "group": pl.String}
    schema |= {"method": pl.String, "component": pl.Int64, "child": pl.String}
    schema |= {"loading": pl.Float64, "explained": pl.Float64}
    return pl.DataFrame(rows, schema=schema)


def _flag(period: str, group: str, flag: str, a: str, b: str, r: float) -> dict[str, object]:
    return {"period": period, "group": group, "flag": flag, "a": a, "b": b, "r": r}
