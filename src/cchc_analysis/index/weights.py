"""Step 6, weighting: data-driven weights for a group's children, and the measured importance
every weight is shown beside.

* ``pca``: the squared loadings of the first principal component (they sum to 1).
* ``fa``: the OECD/JRC Handbook's factor weights: varimax-rotated components with eigenvalue
  > 1; each child takes its largest squared loading (scaled to unit sum per factor) times its
  factor's share of explained variance.
* ``bod``: benefit of the doubt, a linear programme per unit (DEA with unit inputs, solved by
  SciPy's HiGHS): the unit's weights are the ones that flatter it most, provided no unit would
  score above 1 with them. The unit's score is that best value × 100.
* ``optimised``: weights such that each child's importance (its correlation ratio with the
  group's score) matches its intended share (Paruolo, Saisana & Saltelli 2013).

Importance is the correlation ratio η² = Var(E[parent | child]) / Var(parent), estimated by a
cubic fit of the parent on the child (a smooth main effect; with linear data it is r²).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy.optimize import linprog, minimize

from cchc_analysis.index.multivariate import factor_loadings, pca


class WeightingError(ValueError):
    """Data a weighting method cannot work with."""


def pca_weights(x: np.ndarray) -> np.ndarray:
    """Return the PCA weights of the columns of x (sum 1)."""
    comp = pca(x)
    if not np.isfinite(comp.eigenvalues[0]) or comp.eigenvalues[0] <= 0:
        raise WeightingError("PCA needs at least 3 units with every child present and spread")
    squared = comp.loadings[:, 0] ** 2 / comp.eigenvalues[0]
    return np.asarray(squared / squared.sum())


def fa_weights(x: np.ndarray) -> np.ndarray:
    """Return the factor-analysis weights of the columns of x (sum 1)."""
    if np.isnan(pca(x).eigenvalues).any():
        raise WeightingError("factor analysis needs at least 3 units with every child present")
    loadings, explained = factor_loadings(x)
    squared = loadings**2 / (loadings**2).sum(axis=0)
    share = explained / explained.sum()
    best = np.argmax(squared, axis=1)
    raw = squared[np.arange(len(best)), best] * share[best]
    return np.asarray(raw / raw.sum())


def benefit_of_the_doubt(x: np.ndarray, min_share: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Return each unit's benefit-of-the-doubt score on 0–100 (U,) and its weights as shares
    of 1 (U, k). Values must be ≥ 0; a missing child counts as 0 for that unit."""
    filled = np.nan_to_num(x, nan=0.0)
    if (filled < 0).any():
        raise WeightingError("benefit of the doubt needs values ≥ 0 (normalise with minmax)")
    u, k = filled.shape
    bounds = np.eye(k) - min_share  # w_i − min_share · Σ w ≥ 0
    a_ub = np.vstack([filled, -bounds])
    b_ub = np.concatenate([np.ones(u), np.zeros(k)])
    scores, weights = np.full(u, np.nan), np.full((u, k), np.nan)
    for i in range(u):
        if not filled[i].any():
            scores[i], weights[i] = 0.0, 1 / k
            continue
        result = linprog(-filled[i], A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        if result.status != 0:
            raise WeightingError(f"the benefit-of-the-doubt programme failed: {result.message}")
        w = np.asarray(result.x)
        scores[i] = float(filled[i] @ w) * 100
        weights[i] = w / w.sum() if w.sum() > 0 else 1 / k
    return scores, weights


def correlation_ratio(child: np.ndarray, parent: np.ndarray) -> float:
    """Return η² of ``parent`` on ``child`` by a cubic fit (NaN with < 5 shared units)."""
    both = ~np.isnan(child) & ~np.isnan(parent)
    a, b = child[both], parent[both]
    if both.sum() < 5 or a.std() == 0 or b.std() == 0:
        return float("nan")
    scale = (a - a.mean()) / a.std()
    fitted = np.polyval(np.polyfit(scale, b, 3), scale)
    return float(np.clip(fitted.var() / b.var(), 0.0, 1.0))


def importances(x: np.ndarray, parent: np.ndarray) -> np.ndarray:
    """Return η² of the parent on each column of x (k,)."""
    return np.array([correlation_ratio(x[:, j], parent) for j in range(x.shape[1])])


def optimised_weights(
    x: np.ndarray,
    target: np.ndarray,
    score: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    """Return weights (sum 1) whose importance shares come closest to ``target`` (sum 1):
    ``score(w)`` gives the group's scores (U,) for weights w. Nelder–Mead on log-weights,
    from equal weights."""
    k = x.shape[1]

    def weights_of(theta: np.ndarray) -> np.ndarray:
        w = np.exp(theta - theta.max())
        return np.asarray(w / w.sum())

    def loss(theta: np.ndarray) -> float:
        eta = importances(x, score(weights_of(theta)))
        if not np.isfinite(eta).all() or eta.sum() <= 0:
            return 1e6
        return float(np.sum((eta / eta.sum() - target) ** 2))

    best = minimize(
        loss,
        np.zeros(k),
        method="Nelder-Mead",
        options={"maxiter": 400 * k, "xatol": 1e-6, "fatol": 1e-12},
    )
    return weights_of(np.asarray(best.x))
