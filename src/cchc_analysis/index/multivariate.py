"""Step 4, multivariate analysis per group: correlations, Cronbach's alpha, principal
components with the variance each explains, and collinearity flags.

PCA is the eigen-decomposition of the correlation matrix of a group's children over the units
where all of them are present. Factor analysis here is the OECD/JRC Handbook's recipe:
keep the components with eigenvalue > 1 (at least one), rotate them by varimax.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def complete_rows(x: np.ndarray) -> np.ndarray:
    """Return the rows of x with no NaN."""
    return x[~np.isnan(x).any(axis=1)]


def correlation_matrix(x: np.ndarray) -> np.ndarray:
    """Return the Pearson correlations of the columns of x, pairwise complete (NaN where a
    column has no spread or fewer than 3 shared rows)."""
    k = x.shape[1]
    out = np.full((k, k), np.nan)
    for i in range(k):
        for j in range(i, k):
            both = ~np.isnan(x[:, i]) & ~np.isnan(x[:, j])
            a, b = x[both, i], x[both, j]
            if both.sum() >= 3 and a.std() > 0 and b.std() > 0:
                out[i, j] = out[j, i] = float(np.corrcoef(a, b)[0, 1])
    return out


def cronbach_alpha(x: np.ndarray) -> float:
    """Return Cronbach's alpha of the columns of x over complete rows (NaN when k < 2)."""
    data = complete_rows(x)
    n, k = data.shape
    if k < 2 or n < 2:
        return float("nan")
    total = data.sum(axis=1).var(ddof=1)
    if total <= 0:
        return float("nan")
    return float(k / (k - 1) * (1 - data.var(axis=0, ddof=1).sum() / total))


@dataclass(frozen=True)
class Components:
    eigenvalues: np.ndarray  # (k,), largest first
    loadings: np.ndarray  # (k, k): column c = eigenvector c × sqrt(eigenvalue c)
    n_units: int

    @property
    def explained(self) -> np.ndarray:
        """Share of the total variance each component explains."""
        total = self.eigenvalues.sum()
        return self.eigenvalues / total if total > 0 else np.full_like(self.eigenvalues, np.nan)


def pca(x: np.ndarray) -> Components:
    """Return the principal components of the standardised columns of x (complete rows);
    each component's sign makes its loadings sum positive."""
    data = complete_rows(x)
    k = x.shape[1]
    if data.shape[0] < 3 or k < 2:
        return Components(np.full(k, np.nan), np.full((k, k), np.nan), data.shape[0])
    sd = data.std(axis=0, ddof=1)
    z = (data - data.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    corr = np.atleast_2d(np.cov(z, rowvar=False))
    values, vectors = np.linalg.eigh(corr)
    order = np.argsort(values)[::-1]
    values, vectors = np.clip(values[order], 0, None), vectors[:, order]
    vectors = vectors * np.where(vectors.sum(axis=0) < 0, -1.0, 1.0)
    return Components(values, vectors * np.sqrt(values), data.shape[0])


def varimax(loadings: np.ndarray, iterations: int = 100, tol: float = 1e-8) -> np.ndarray:
    """Return the loadings rotated by varimax (Kaiser 1958)."""
    p, k = loadings.shape
    if k < 2:
        return loadings
    rotation, objective = np.eye(k), 0.0
    for _ in range(iterations):
        rotated = loadings @ rotation
        u, s, vt = np.linalg.svd(
            loadings.T @ (rotated**3 - rotated @ np.diag(np.sum(rotated**2, axis=0)) / p)
        )
        rotation = u @ vt
        if s.sum() < objective * (1 + tol):
            break
        objective = s.sum()
    return loadings @ rotation


def factor_loadings(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the varimax-rotated loadings (k, m) of the m components with eigenvalue > 1
    (at least one) and the share of variance each rotated factor explains (m,)."""
    comp = pca(x)
    m = max(1, int(np.sum(comp.eigenvalues > 1)))
    rotated = varimax(comp.loadings[:, :m])
    return rotated, (rotated**2).sum(axis=0) / x.shape[1]


def collinear_pairs(
    corr: np.ndarray, names: list[str], above: float
) -> list[tuple[str, str, float]]:
    """Return the pairs of children whose correlation exceeds ``above``."""
    k = len(names)
    return [
        (names[i], names[j], float(corr[i, j]))
        for i in range(k)
        for j in range(i + 1, k)
        if np.isfinite(corr[i, j]) and corr[i, j] > above
    ]
