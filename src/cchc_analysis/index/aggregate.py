"""Step 7, aggregation, vectorised over replications.

A group's children arrive as ``values`` (Rx, U, k) and its weights as ``weights`` (Rw, k),
where Rx and Rw are 1 or R: a node whose inputs do not vary is computed once, and a weighted
sum over k is one matrix product for all replications. Missing children (NaN) are left out and
the remaining weights rescaled (``missing="rescale"``) or make the unit's score missing
(``"propagate"``); a weight of 0 leaves a child out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from cchc_analysis.index.spec import Aggregation

METHOD_NAMES = {
    "arithmetic": "arithmetic mean",
    "geometric": "geometric mean",
    "harmonic": "harmonic mean",
    "mazziotta_pareto": "Mazziotta–Pareto index",
    "minimum": "minimum",
}


class AggregationError(ValueError):
    """Values an aggregation cannot take; the message names the group, unit and child."""


def weighted_sum(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Return Σ_k a[r, u, k] · w[r, k] as (R, U), broadcasting a batch of 1 on either side."""
    if a.shape[0] == 1:
        return np.asarray(w @ a[0].T)  # (R, U), row-major: later passes run along units
    if w.shape[0] == 1:
        return np.asarray(a @ w[0])
    return np.einsum("ruk,rk->ru", a, w)


def _check(
    values: np.ndarray,
    used: np.ndarray,
    rule: Aggregation,
    node: str,
    units: Sequence[str],
    children: Sequence[str],
) -> None:
    """Raise AggregationError for a negative value, or a zero under zero_rule 'error'."""
    if rule.method in ("arithmetic", "minimum"):
        return
    x = np.where(used[None, None, :], values, np.nan)
    bad_negative = x < 0
    bad_zero = (x == 0) if rule.method != "mazziotta_pareto" and rule.zero_rule == "error" else None
    for bad, what in ((bad_negative, "negative"), (bad_zero, "0")):
        if bad is None or not bad.any():
            continue
        _, u, k = (int(i[0]) for i in np.nonzero(bad))
        value = values[np.nonzero(bad)[0][0], u, k]
        need = "values ≥ 0" if what == "negative" else "values > 0"
        fix = (
            "normalise onto a range above 0 (e.g. normalisation method minmax with lo: 1) or "
            "aggregate this group with method arithmetic"
            if what == "negative"
            else "set aggregation zero_rule: offset (a zero counts as the offset, 0.01 by "
            "default) or penalise (a zero gives the unit 0), or normalise with lo: 1"
        )
        raise AggregationError(
            f"group {node!r} ({METHOD_NAMES[rule.method]}) needs {need}, but unit "
            f"{units[u]!r} has {children[k]!r} = {value:g}. Fix: {fix}."
        )


def aggregate(
    values: np.ndarray,
    weights: np.ndarray,
    rule: Aggregation,
    node: str = "",
    units: Sequence[str] = (),
    children: Sequence[str] = (),
) -> np.ndarray:
    """Return the group's scores (R, U) from its children (Rx, U, k) and weights (Rw, k)."""
    used = np.asarray((weights > 0).any(axis=0))
    _check(values, used, rule, node, units, children)
    present = ~np.isnan(values)
    on = (weights > 0).astype(float)
    x = np.where(present, values, 0.0)
    zero = present & (x == 0)
    if rule.method in ("geometric", "harmonic") and rule.zero_rule == "offset":
        x = np.where(zero, rule.offset, x)
    elif rule.method in ("geometric", "harmonic"):
        x = np.where(zero, 1.0, x)  # a placeholder: the penalised units are set to 0 below
    complete = bool(present.all())
    den = weights.sum(axis=1)[:, None] if complete else weighted_sum(present.astype(float), weights)
    with np.errstate(divide="ignore", invalid="ignore"):
        if rule.method == "arithmetic":
            score = weighted_sum(x, weights) / den
        elif rule.method == "geometric":
            score = np.exp(weighted_sum(np.log(np.where(present, x, 1.0)), weights) / den)
        elif rule.method == "harmonic":
            score = den / weighted_sum(
                np.where(present, 1.0 / np.where(present, x, 1.0), 0), weights
            )
        elif rule.method == "mazziotta_pareto":
            mean = weighted_sum(x, weights) / den
            variance = np.maximum(weighted_sum(x * x, weights) / den - mean * mean, 0.0)
            score = mean - variance / mean
        else:
            masked = np.where(present, values, np.inf)
            if weights.shape[0] == 1:
                score = np.where(on[0] > 0, masked, np.inf).min(axis=-1)
            else:
                score = np.where(on[:, None, :] > 0, masked, np.inf).min(axis=-1)
            score = np.where(np.isinf(score), np.nan, score)
    if not (den > 0).all():
        score = np.where(den > 0, score, np.nan)
    if rule.method in ("geometric", "harmonic") and rule.zero_rule == "penalise":
        score = np.where(weighted_sum(zero.astype(float), on) > 0, 0.0, score)
    if rule.missing == "propagate" and not complete:
        score = np.where(weighted_sum((~present).astype(float), on) > 0, np.nan, score)
    return np.asarray(score, dtype=np.float64)
