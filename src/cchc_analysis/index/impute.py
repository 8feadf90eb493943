"""Step 3a, imputation: fill the holes of a units × indicators matrix (NaN = missing).

Every function takes the matrix of one period (rows = units, columns = indicators) and returns
a filled copy; a column with no value at all stays empty (there is nothing to impute from).
``interpolate`` works on the whole panel: each unit's series over the periods.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_RIDGE = 1e-6  # keeps the regressions and the EM covariance invertible on collinear data


def _column_stat(x: np.ndarray, how: str) -> np.ndarray:
    """Return each column's mean or median over its present values (NaN when none)."""
    present = ~np.isnan(x)
    out = np.full(x.shape[1], np.nan)
    for j in np.flatnonzero(present.any(axis=0)):
        col = x[present[:, j], j]
        out[j] = col.mean() if how == "mean" else np.median(col)
    return out


def indicator_fill(x: np.ndarray, how: str) -> np.ndarray:
    """Return x with each hole set to its indicator's mean or median (``how``)."""
    stat = _column_stat(x, how)
    return np.where(np.isnan(x), stat[None, :], x)


def group_fill(x: np.ndarray, groups: Sequence[object], how: str) -> np.ndarray:
    """Return x with each hole set to the mean or median of the unit's group (``groups``, one
    label per row); a group with no value for that indicator falls back to the indicator's."""
    out = x.copy()
    labels = np.asarray([str(g) for g in groups])
    for label in np.unique(labels):
        rows = labels == label
        stat = _column_stat(x[rows], how)
        block = out[rows]
        out[rows] = np.where(np.isnan(block), stat[None, :], block)
    return indicator_fill(out, how)


def _standardised(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mu = np.nanmean(x, axis=0)
    sd = np.nanstd(x, axis=0)
    sd = np.where(sd > 0, sd, 1.0)
    return (x - mu) / sd, mu, sd


def regression_fill(x: np.ndarray, iterations: int = 50, tol: float = 1e-8) -> np.ndarray:
    """Return x with holes filled by iterated ridge regression: start from the indicator
    means, then regress each incomplete indicator on all the others (on the rows where it is
    present) and predict its holes, until the fill stops moving."""
    usable = ~np.all(np.isnan(x), axis=0)
    z, mu, sd = _standardised(x[:, usable])
    holes = np.isnan(z)
    if not holes.any():
        return x.copy()
    filled = np.where(holes, 0.0, z)
    for _ in range(iterations):
        before = filled[holes].copy()
        for j in np.flatnonzero(holes.any(axis=0)):
            rows = ~holes[:, j]
            others = np.delete(filled, j, axis=1)
            design = np.column_stack([np.ones(len(filled)), others])
            a = design[rows]
            beta = np.linalg.solve(a.T @ a + _RIDGE * np.eye(a.shape[1]), a.T @ filled[rows, j])
            filled[~rows, j] = design[~rows] @ beta
        if np.max(np.abs(filled[holes] - before)) < tol:
            break
    out = x.copy()
    block = out[:, usable]
    block[holes] = (filled * sd + mu)[holes]  # observed values stay bit for bit
    out[:, usable] = block
    return out


def em_fill(x: np.ndarray, iterations: int = 50, tol: float = 1e-8) -> np.ndarray:
    """Return x with holes set to their conditional expectation under a multivariate normal
    whose mean and covariance are estimated by EM (Dempster, Laird & Rubin 1977)."""
    usable = ~np.all(np.isnan(x), axis=0)
    z, mu_z, sd_z = _standardised(x[:, usable])
    holes = np.isnan(z)
    if not holes.any():
        return x.copy()
    n, k = z.shape
    filled = np.where(holes, 0.0, z)
    mean = filled.mean(axis=0)
    cov = np.cov(filled, rowvar=False).reshape(k, k) + _RIDGE * np.eye(k)
    for _ in range(iterations):
        extra = np.zeros((k, k))
        before = filled[holes].copy()
        for i in np.flatnonzero(holes.any(axis=1)):
            m, o = holes[i], ~holes[i]
            if o.any():
                gain = cov[np.ix_(m, o)] @ np.linalg.inv(cov[np.ix_(o, o)])
                filled[i, m] = mean[m] + gain @ (filled[i, o] - mean[o])
                extra[np.ix_(m, m)] += cov[np.ix_(m, m)] - gain @ cov[np.ix_(o, m)]
            else:
                filled[i, m] = mean[m]
                extra[np.ix_(m, m)] += cov[np.ix_(m, m)]
        mean = filled.mean(axis=0)
        centred = filled - mean
        cov = (centred.T @ centred + extra) / n + _RIDGE * np.eye(k)
        if np.max(np.abs(filled[holes] - before)) < tol:
            break
    out = x.copy()
    block = out[:, usable]
    block[holes] = (filled * sd_z + mu_z)[holes]  # observed values stay bit for bit
    out[:, usable] = block
    return out


def interpolate_panel(x: np.ndarray, units: Sequence[str], order: Sequence[int]) -> np.ndarray:
    """Return the panel x (rows = unit × period) with each unit's holes filled by linear
    interpolation over the periods (``order``: the period's position, 0, 1, ...); before the
    first and after the last observed period the nearest value is carried."""
    out = x.copy()
    unit_array, position = np.asarray(units), np.asarray(order, dtype=float)
    for unit in np.unique(unit_array):
        rows = np.flatnonzero(unit_array == unit)
        rows = rows[np.argsort(position[rows])]
        for j in range(x.shape[1]):
            series = x[rows, j]
            seen = ~np.isnan(series)
            if seen.any() and not seen.all():
                out[rows, j] = np.interp(position[rows], position[rows][seen], series[seen])
    return out
