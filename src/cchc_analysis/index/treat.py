"""Step 3b, outliers: the JRC rule for one indicator.

An indicator fails when |skewness| > 2 and kurtosis > 3.5 (sample-adjusted, as COINr and
e1071 compute them). A failing indicator is winsorised one extreme at a time (the highest
value set to the next highest when skew is positive, the lowest to the next lowest otherwise;
ties move together) until it passes or ``winmax`` points have moved. If it still fails, the
original values are log-transformed instead, log(x − min + 0.01·(max − min)) (COINr's
``log_CT``), and the winsorisation is undone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cchc_analysis.index.spec import Treatment


def skewness(x: np.ndarray) -> float:
    """Return the sample skewness of the present values (NaN with fewer than 3)."""
    v = x[~np.isnan(x)]
    n = len(v)
    if n < 3:
        return float("nan")
    d = v - v.mean()
    m2 = np.sum(d**2)
    if m2 == 0:
        return 0.0
    return float(np.sqrt(n) * np.sum(d**3) / m2**1.5 * np.sqrt(n * (n - 1)) / (n - 2))


def kurtosis(x: np.ndarray) -> float:
    """Return the sample excess kurtosis of the present values (NaN with fewer than 4)."""
    v = x[~np.isnan(x)]
    n = len(v)
    if n < 4:
        return float("nan")
    d = v - v.mean()
    m2 = np.sum(d**2)
    if m2 == 0:
        return 0.0
    r = n * np.sum(d**4) / m2**2
    return float(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))


def fails(x: np.ndarray, rule: Treatment) -> bool:
    """Return True when |skew| > rule.skew and kurtosis > rule.kurtosis."""
    s, k = skewness(x), kurtosis(x)
    return bool(abs(s) > rule.skew and k > rule.kurtosis)


@dataclass(frozen=True)
class TreatmentResult:
    values: np.ndarray
    status: str  # "not needed", "winsorised", "log", "still fails", "off"
    winsorised: tuple[int, ...]  # rows whose value moved
    skew_before: float
    kurtosis_before: float
    skew_after: float
    kurtosis_after: float


def treat(x: np.ndarray, rule: Treatment) -> TreatmentResult:
    """Return the indicator treated by the JRC rule, with what was done."""
    s0, k0 = skewness(x), kurtosis(x)
    if rule.method == "none":
        return TreatmentResult(x, "off", (), s0, k0, s0, k0)
    if not fails(x, rule):
        return TreatmentResult(x, "not needed", (), s0, k0, s0, k0)
    y, moved = x.copy(), np.zeros(len(x), dtype=bool)
    while fails(y, rule) and moved.sum() < rule.winmax:
        present = ~np.isnan(y)
        if skewness(y) >= 0:
            extreme = present & (y == np.nanmax(y))
            rest = y[present & ~extreme]
            if rest.size == 0:
                break
            y[extreme] = rest.max()
        else:
            extreme = present & (y == np.nanmin(y))
            rest = y[present & ~extreme]
            if rest.size == 0:
                break
            y[extreme] = rest.min()
        moved |= extreme
    if not fails(y, rule):
        rows = tuple(int(i) for i in np.flatnonzero(moved))
        return TreatmentResult(y, "winsorised", rows, s0, k0, skewness(y), kurtosis(y))
    if rule.fallback == "log":
        low, high = np.nanmin(x), np.nanmax(x)
        logged = np.log(x - low + 0.01 * (high - low))
        status = "log" if not fails(logged, rule) else "log, still fails"
        return TreatmentResult(logged, status, (), s0, k0, skewness(logged), kurtosis(logged))
    rows = tuple(int(i) for i in np.flatnonzero(moved))
    return TreatmentResult(y, "still fails", rows, s0, k0, skewness(y), kurtosis(y))
