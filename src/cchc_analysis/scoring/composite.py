"""A composite-indicator toolkit for users building their own index (after the OECD/JRC
Handbook on Constructing Composite Indicators and the core of the R package COINr).

Pure functions, no I/O. Normalisations and aggregations return ``pl.Expr`` builders to use inside
``.with_columns(...)``; pass ``over=`` to normalise per period (or any partition). Weights are
plain dicts; the statistics (correlations, Cronbach's alpha) take a frame and return a frame.

Conventions, stated once:

* **Missing values.** Nulls pass through as nulls and are left out of every statistic (min, max,
  mean, sd, ranks, counts); NaN counts as missing (it is turned into null first).
* **Direction.** ``direction=+1`` when higher is better, ``-1`` when lower is better: after
  normalisation a higher score is always better.
* **Scale.** Normalised scores run 0–100 by default, like the rubric's points.
* **No spread.** When a partition has no spread (all values equal, or a single value) min-max,
  scaled ranks and percentile ranks give every unit the midpoint of the scale (50 by default) and
  the z-score gives the target mean: such a column carries no information, so it neither rewards
  nor penalises anyone. (COINr returns NaN with a warning; we prefer a defined, neutral value.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import polars as pl

from cchc_analysis.scoring.rubric import Rubric

Column = str | pl.Expr
Over = str | Sequence[str] | None
Missing = Literal["rescale", "propagate"]
ZeroRule = Literal["offset", "penalise", "error"]

__all__ = [
    "CompositeError",
    "aggregate",
    "arithmetic_mean",
    "correlations",
    "cronbach_alpha",
    "distance_to_target",
    "equal_weights",
    "geometric_mean",
    "goalposts",
    "harmonic_mean",
    "manual_weights",
    "mazziotta_pareto",
    "minimum",
    "minmax",
    "percentile_rank",
    "rank",
    "rubric_groups",
    "rubric_weights",
    "zscore",
]


# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------


def _values(col: Column) -> pl.Expr:
    """Return the column as Float64 with NaN turned into null."""
    expr = pl.col(col) if isinstance(col, str) else col
    return expr.cast(pl.Float64).fill_nan(None)


def _named(result: pl.Expr, col: Column) -> pl.Expr:
    """Keep the input's name on the output (``when/then`` chains would otherwise lose it)."""
    name = col if isinstance(col, str) else col.meta.output_name(raise_if_undetermined=False)
    return result.alias(name) if name else result


def _window(expr: pl.Expr, over: Over) -> pl.Expr:
    """Compute ``expr`` (an aggregation) per partition when ``over`` is given."""
    if over is None:
        return expr
    return expr.over([over] if isinstance(over, str) else list(over))


def _check_direction(direction: int) -> None:
    if direction not in (1, -1):
        raise ValueError(f"direction must be +1 (higher is better) or -1, got {direction!r}")


def minmax(
    col: Column, lo: float = 0.0, hi: float = 100.0, *, direction: int = 1, over: Over = None
) -> pl.Expr:
    """Return min-max scores on [lo, hi]: the worst value gets ``lo``, the best ``hi``.

    No spread → (lo + hi) / 2 for every non-null value."""
    _check_direction(direction)
    if not lo < hi:
        raise ValueError(f"need lo < hi, got lo={lo}, hi={hi}")
    x = _values(col) * direction
    low, high = _window(x.min(), over), _window(x.max(), over)
    scaled = lo + (x - low) / (high - low) * (hi - lo)
    result = pl.when(x.is_null()).then(None).when(high > low).then(scaled).otherwise((lo + hi) / 2)
    return _named(result, col)


def zscore(
    col: Column, *, direction: int = 1, mean: float = 0.0, sd: float = 1.0, over: Over = None
) -> pl.Expr:
    """Return z-scores rescaled to mean ``mean`` and standard deviation ``sd`` (sample sd,
    ddof = 1, as R's ``sd``). No spread (or one value) → ``mean``."""
    _check_direction(direction)
    if not sd > 0:
        raise ValueError(f"sd must be positive, got {sd}")
    x = _values(col) * direction
    mu, sigma = _window(x.mean(), over), _window(x.std(ddof=1), over)
    scaled = (x - mu) / sigma * sd + mean
    result = pl.when(x.is_null()).then(None).when(sigma > 0).then(scaled).otherwise(mean)
    return _named(result, col)


def rank(
    col: Column,
    *,
    direction: int = 1,
    ties: Literal["average", "min"] = "average",
    scaled: bool = True,
    over: Over = None,
) -> pl.Expr:
    """Return ranks where the best value ranks highest (COINr's convention).

    ``scaled=True``: (rank − 1) / (n − 1) × 100 on 0–100, n = non-null values in the partition; no
    spread → 50. ``scaled=False``: the raw ranks 1..n as Float64 (ties shared as ``ties`` says)."""
    _check_direction(direction)
    if ties not in ("average", "min"):
        raise ValueError(f"ties must be 'average' or 'min', got {ties!r}")
    x = _values(col) * direction
    ranks = _window(x.rank(ties), over).cast(pl.Float64)
    if not scaled:
        return _named(ranks, col)
    n = _window(x.count(), over).cast(pl.Float64)
    spread = _window(x.max(), over) > _window(x.min(), over)
    result = pl.when(x.is_null()).then(None).when(spread).then((ranks - 1) / (n - 1) * 100)
    return _named(result.otherwise(50.0), col)


def percentile_rank(
    col: Column,
    *,
    direction: int = 1,
    kind: Literal["mean", "weak", "strict"] = "mean",
    over: Over = None,
) -> pl.Expr:
    """Return percentile ranks on 0–100: the share of the partition's non-null values below x.

    ``kind="mean"`` (the textbook definition): (below + ½ · equal) / n; ``"weak"``: share ≤ x;
    ``"strict"``: share < x. [1, 2, 3] → [16.7, 50, 83.3] (mean), [33.3, 66.7, 100] (weak),
    [0, 33.3, 66.7] (strict). No spread → 50. (COINr's ``n_prank``, (min-rank − 1)/(n − 1), is
    ``rank(col, ties="min")`` here.)"""
    _check_direction(direction)
    x = _values(col) * direction
    n = _window(x.count(), over).cast(pl.Float64)
    if kind == "mean":
        count = _window(x.rank("average"), over) - 0.5
    elif kind == "weak":
        count = _window(x.rank("max"), over).cast(pl.Float64)
    elif kind == "strict":
        count = _window(x.rank("min"), over).cast(pl.Float64) - 1
    else:
        raise ValueError(f"kind must be 'mean', 'weak' or 'strict', got {kind!r}")
    spread = _window(x.max(), over) > _window(x.min(), over)
    result = pl.when(x.is_null()).then(None).when(spread).then(count / n * 100)
    return _named(result.otherwise(50.0), col)


def goalposts(
    col: Column,
    lower: float,
    upper: float,
    *,
    direction: int = 1,
    scale: float = 100.0,
    clip: bool = True,
) -> pl.Expr:
    """Return goalpost scores (HDI/PCI style): (x − lower) / (upper − lower), clipped to [0, 1]
    when ``clip``, times ``scale``. ``direction=-1`` measures from the upper goalpost down:
    (upper − x) / (upper − lower). Goalposts are fixed numbers, so there is no ``over``."""
    _check_direction(direction)
    if not lower < upper:
        raise ValueError(f"need lower < upper, got lower={lower}, upper={upper}")
    x = _values(col)
    share = (x - lower) / (upper - lower) if direction == 1 else (upper - x) / (upper - lower)
    return _named((share.clip(0.0, 1.0) if clip else share) * scale, col)


def distance_to_target(
    col: Column,
    target: float,
    *,
    direction: int = 1,
    method: Literal["ratio", "absolute"] = "ratio",
    scale: float = 100.0,
    cap: bool = True,
) -> pl.Expr:
    """Return the distance to a fixed target (> 0), times ``scale``.

    ``method="ratio"``: x / target (``direction=-1``: target / x, so reaching or beating a
    lower-is-better target scores 1). ``method="absolute"``: 1 − |x − target| / target, where
    overshooting costs as much as falling short (``direction`` has no effect). ``cap`` bounds the
    score to [0, 1] before scaling. The target is fixed, so there is no ``over``."""
    _check_direction(direction)
    if not (math.isfinite(target) and target > 0):
        raise ValueError(f"target must be a positive number, got {target}")
    x = _values(col)
    if method == "ratio":
        share = x / target if direction == 1 else target / x
    elif method == "absolute":
        share = 1 - (x - target).abs() / target
    else:
        raise ValueError(f"method must be 'ratio' or 'absolute', got {method!r}")
    return _named((share.clip(0.0, 1.0) if cap else share) * scale, col)


# ---------------------------------------------------------------------------------------------
# Weights
# ---------------------------------------------------------------------------------------------


def manual_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """Return the weights normalised to sum to 1 (each must be finite and ≥ 0, the sum > 0)."""
    if not weights:
        raise ValueError("no weights given")
    bad = {k: w for k, w in weights.items() if not (math.isfinite(w) and w >= 0)}
    if bad:
        raise ValueError(f"weights must be finite and ≥ 0: {bad}")
    total = math.fsum(weights.values())
    if total <= 0:
        raise ValueError("weights add up to 0")
    return {k: w / total for k, w in weights.items()}


def equal_weights(columns: Sequence[str]) -> dict[str, float]:
    """Return {column: 1/k} for the k columns."""
    if not columns:
        raise ValueError("no columns given")
    if len(set(columns)) != len(columns):
        raise ValueError(f"columns repeat: {list(columns)}")
    return {c: 1 / len(columns) for c in columns}


def rubric_weights(
    rubric: Rubric,
    level: Literal["criterion", "domain"] = "criterion",
    year: int | None = None,
) -> dict[str, float]:
    """Return the rubric's implicit weights: {criterion_id: max_points / total} over the scored
    criteria (the leaves of any groups), or {domain_id: ...} with ``level="domain"``; they sum to 1.
    ``year`` picks the maxima in force that year where a rubric sets them by year (None: the
    static maxima)."""
    if level == "criterion":
        points = {criterion.id: criterion.max_for(year) for _, criterion in rubric.criteria()}
    elif level == "domain":
        points = {domain.id: domain.max_for(year) for domain in rubric.domains}
    else:
        raise ValueError(f"level must be 'criterion' or 'domain', got {level!r}")
    return manual_weights(points)


def rubric_groups(rubric: Rubric) -> dict[str, list[str]]:
    """Return {domain_id: [scored criterion ids]}, the groups for ``cronbach_alpha``."""
    groups: dict[str, list[str]] = {domain.id: [] for domain in rubric.domains}
    for domain, criterion in rubric.criteria():
        groups[domain.id].append(criterion.id)
    return groups


# ---------------------------------------------------------------------------------------------
# Aggregation
# ---------------------------------------------------------------------------------------------


def _pairs(columns: Sequence[str], weights: Mapping[str, float] | None) -> list[tuple[str, float]]:
    """Return (column, weight) for the columns with a positive weight, weights summing to 1."""
    if not columns:
        raise ValueError("no columns to aggregate")
    if len(set(columns)) != len(columns):
        raise ValueError(f"columns repeat: {list(columns)}")
    if weights is None:
        chosen = equal_weights(columns)
    else:
        absent = [c for c in columns if c not in weights]
        if absent:
            raise ValueError(f"no weight for {absent}")
        chosen = manual_weights({c: weights[c] for c in columns})
    return [(c, w) for c, w in chosen.items() if w > 0]


def _check_missing(missing: str) -> None:
    if missing not in ("rescale", "propagate"):
        raise ValueError(f"missing must be 'rescale' or 'propagate', got {missing!r}")


def _weighted(
    pairs: list[tuple[str, float]],
    missing: Missing,
    term: Callable[[pl.Expr], pl.Expr],
    finish: Callable[[pl.Expr], pl.Expr],
) -> pl.Expr:
    """Return finish(Σ w·term(x) / Σ w) over the present values of each row (``rescale``), or
    null when any is missing (``propagate``); null when none is present."""
    _check_missing(missing)
    values = [(_values(c), w) for c, w in pairs]
    numerator = pl.sum_horizontal([term(x) * w for x, w in values])
    present = pl.sum_horizontal(
        [pl.when(x.is_not_null()).then(w).otherwise(0.0) for x, w in values]
    )
    result: pl.Expr = pl.when(present > 0).then(finish(numerator / present))
    if missing == "propagate":
        result = (
            pl.when(pl.any_horizontal([x.is_null() for x, _ in values]))
            .then(None)
            .otherwise(result)
        )
    return result


def arithmetic_mean(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    missing: Missing = "rescale",
) -> pl.Expr:
    """Return the weighted arithmetic mean of the columns, row by row (fully compensatory).

    ``weights`` (default equal) are normalised; zero-weight columns are left out. ``missing=
    "rescale"`` re-weights the present indicators so their weights sum to 1; ``"propagate"``
    gives null when any indicator is missing. A row with nothing present is null."""
    return _weighted(_pairs(columns, weights), missing, lambda x: x, lambda m: m).alias("composite")


class CompositeError(ValueError):
    """An aggregation that cannot take a unit's values; the message names the unit (or row),
    the indicator, its value and the fix. Polars appends the whole expression to an error
    raised while it evaluates one: the message shown stops before that dump."""

    def __str__(self) -> str:
        text = str(self.args[0]) if self.args else ""
        return text.split("\n\nThis error occurred in the following expression")[0]


def _first_offender(batch: pl.Series, columns: list[str], unit: str | None) -> str:
    """Return "unit 'B' has 'y' = 0" (or "row 2 has ...") for the first row flagged bad."""
    rows = batch.struct.unnest().with_row_index("row").filter(pl.col("bad"))
    first = rows.row(0, named=True)
    where = f"unit {first['unit']!r}" if unit is not None else f"row {first['row'] + 1}"
    others = rows.height - 1
    more = f" (and {others} more row{'s' if others > 1 else ''})" if others else ""
    for column in columns:
        value = first.get(f"in:{column}")
        if value is not None and value <= 0:
            return f"{where} has {column!r} = {value:g}{more}"
    return where + more


def _guarded(
    result: pl.Expr,
    bad: pl.Expr,
    message: str,
    columns: list[str],
    unit: str | None,
) -> pl.Expr:
    """Return ``result``, raising CompositeError(message naming the first unit and indicator at
    fault) when ``bad`` is true on any row (checked on whole batches with Polars, never row by
    row in Python)."""

    def check(batch: pl.Series) -> pl.Series:
        if batch.struct.field("bad").any():
            raise CompositeError(message.format(where=_first_offender(batch, columns, unit)))
        return batch.struct.field("value")

    fields = [result.alias("value"), bad.alias("bad")]
    fields += [pl.col(c).cast(pl.Float64).alias(f"in:{c}") for c in columns]
    if unit is not None:
        fields.append(pl.col(unit).cast(pl.String).alias("unit"))
    return pl.struct(fields).map_batches(check, return_dtype=pl.Float64, is_elementwise=True)


def _power_mean(
    name: str,
    columns: Sequence[str],
    weights: Mapping[str, float] | None,
    missing: Missing,
    zero_rule: ZeroRule,
    offset: float,
    term: Callable[[pl.Expr], pl.Expr],
    finish: Callable[[pl.Expr], pl.Expr],
    unit: str | None = None,
) -> pl.Expr:
    """Return a geometric or harmonic mean with the zero rule applied and the inputs checked."""
    if zero_rule not in ("offset", "penalise", "error"):
        raise ValueError(f"zero_rule must be 'offset', 'penalise' or 'error', got {zero_rule!r}")
    if zero_rule == "offset" and not (math.isfinite(offset) and offset > 0):
        raise ValueError(f"offset must be a positive number, got {offset}")
    pairs = _pairs(columns, weights)
    values = [_values(c) for c, _ in pairs]

    def safe(x: pl.Expr) -> pl.Expr:
        if zero_rule == "offset":
            return term(pl.when(x == 0).then(offset).otherwise(x))
        return term(pl.when(x > 0).then(x))  # zeros are settled below; keep logs finite

    result = _weighted(pairs, missing, safe, finish)
    if zero_rule == "penalise":
        any_zero = pl.any_horizontal([x == 0 for x in values]).fill_null(False)
        result = pl.when(any_zero & result.is_not_null()).then(0.0).otherwise(result)
    negative = pl.any_horizontal([x < 0 for x in values])
    zero = pl.any_horizontal([x == 0 for x in values])
    bad = negative
    message = (
        f"the {name} mean takes no negative value, but {{where}}. Fix: normalise first (minmax, "
        "goalposts or rank give values ≥ 0) or use the arithmetic mean"
    )
    if zero_rule == "error":
        bad = negative | zero
        message = (
            f"the {name} mean needs values > 0, but {{where}}. Fix: zero_rule='offset' (a zero "
            "counts as `offset`, e.g. offset=1 on a 0–100 scale) or zero_rule='penalise' (a "
            "zero gives 0); min-max always gives the worst unit 0"
        )
    names = [c for c, _ in pairs]
    return _guarded(result, bad, message, names, unit).alias("composite")


def geometric_mean(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    missing: Missing = "rescale",
    zero_rule: ZeroRule = "error",
    offset: float = 0.01,
    unit: str | None = None,
) -> pl.Expr:
    """Return the weighted geometric mean exp(Σ wᵢ ln xᵢ / Σ wᵢ), row by row (partly
    compensatory). Values must be ≥ 0 (a negative value raises ValueError).

    Zeros: ``zero_rule="error"`` (default) raises ValueError; ``"offset"`` counts a zero as
    ``offset`` (in the indicators' units; other values are untouched); ``"penalise"`` returns 0
    for a row with a zero (the limit of the mean). Weights and ``missing`` as in
    ``arithmetic_mean``; ``unit``: the column naming the units, so that an error names the unit
    at fault (else its row)."""
    return _power_mean(
        "geometric",
        columns,
        weights,
        missing,
        zero_rule,
        offset,
        lambda x: x.log(),
        lambda m: m.exp(),
        unit,
    )


def harmonic_mean(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    missing: Missing = "rescale",
    zero_rule: ZeroRule = "error",
    offset: float = 0.01,
    unit: str | None = None,
) -> pl.Expr:
    """Return the weighted harmonic mean Σ wᵢ / Σ (wᵢ / xᵢ), row by row. Values must be ≥ 0.

    Zeros as ``geometric_mean``: ``"error"`` (default) raises, ``"penalise"`` gives 0 (the
    limit), ``"offset"`` counts a zero as ``offset``."""
    return _power_mean(
        "harmonic",
        columns,
        weights,
        missing,
        zero_rule,
        offset,
        lambda x: 1 / x,
        lambda m: 1 / m,
        unit,
    )


def minimum(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    missing: Missing = "rescale",
) -> pl.Expr:
    """Return the row minimum (non-compensatory: the weakest indicator sets the score).

    Weights only select columns (zero-weight columns are left out). ``missing="rescale"``: the
    minimum of the present values; ``"propagate"``: null when any is missing."""
    _check_missing(missing)
    values = [_values(c) for c, _ in _pairs(columns, weights)]
    result: pl.Expr = pl.min_horizontal(values)
    if missing == "propagate":
        result = (
            pl.when(pl.any_horizontal([x.is_null() for x in values])).then(None).otherwise(result)
        )
    return result.alias("composite")


def mazziotta_pareto(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    missing: Missing = "rescale",
) -> pl.Expr:
    """Return the Mazziotta–Pareto index M − S²/M, row by row: the weighted mean M of the
    columns less a penalty that grows with the spread S (weighted population sd) of the
    unit's values, so an unbalanced profile scores below a balanced one with the same mean.
    Meant for values standardised around 100 (``zscore(..., mean=100, sd=10)``)."""
    pairs = _pairs(columns, weights)
    mean = _weighted(pairs, missing, lambda x: x, lambda m: m)
    square = _weighted(pairs, missing, lambda x: x * x, lambda m: m)
    variance = (square - mean * mean).clip(lower_bound=0.0)
    return (mean - variance / mean).alias("composite")


def aggregate(
    columns: Sequence[str],
    weights: Mapping[str, float] | None = None,
    *,
    method: Literal[
        "arithmetic", "geometric", "harmonic", "mazziotta_pareto", "minimum"
    ] = "arithmetic",
    missing: Missing = "rescale",
    zero_rule: ZeroRule = "error",
    offset: float = 0.01,
    unit: str | None = None,
) -> pl.Expr:
    """Return the composite expression (named ``composite``) for ``method``; see the function of
    that name for the rules (``unit``: the column naming the units, for errors)."""
    if method == "arithmetic":
        return arithmetic_mean(columns, weights, missing=missing)
    if method == "geometric":
        return geometric_mean(
            columns, weights, missing=missing, zero_rule=zero_rule, offset=offset, unit=unit
        )
    if method == "harmonic":
        return harmonic_mean(
            columns, weights, missing=missing, zero_rule=zero_rule, offset=offset, unit=unit
        )
    if method == "minimum":
        return minimum(columns, weights, missing=missing)
    if method == "mazziotta_pareto":
        return mazziotta_pareto(columns, weights, missing=missing)
    raise ValueError(
        "method must be 'arithmetic', 'geometric', 'harmonic', 'mazziotta_pareto' or "
        f"'minimum', got {method!r}"
    )


# ---------------------------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------------------------


def correlations(
    frame: pl.DataFrame,
    columns: Sequence[str],
    *,
    method: Literal["pearson", "spearman"] = "pearson",
    complete: bool = False,
) -> pl.DataFrame:
    """Return the correlation matrix as a long frame ``a, b, r`` (every ordered pair, the
    diagonal included, in the order of ``columns``).

    Pairwise-complete rows by default (each pair uses the rows where both are present; Spearman
    ranks within those rows, ties averaged); ``complete=True`` uses only rows where every column
    is present. ``r`` is null when a column has no spread or fewer than 2 rows remain."""
    if method not in ("pearson", "spearman"):
        raise ValueError(f"method must be 'pearson' or 'spearman', got {method!r}")
    if not columns:
        raise ValueError("no columns given")
    data = frame.select([_values(c).alias(c) for c in columns])
    if complete:
        data = data.drop_nulls()
    exprs = []
    for i, a in enumerate(columns):
        for j in range(i, len(columns)):
            both = pl.col(a).is_not_null() & pl.col(columns[j]).is_not_null()
            x: pl.Expr = pl.when(both).then(pl.col(a))
            y: pl.Expr = pl.when(both).then(pl.col(columns[j]))
            if method == "spearman":
                x, y = x.rank("average"), y.rank("average")
            exprs.append(pl.corr(x, y).alias(f"{i},{j}"))
    values = data.select(exprs).row(0, named=True) if data.height else {}
    rows = []
    for i, a in enumerate(columns):
        for j, b in enumerate(columns):
            r = values.get(f"{min(i, j)},{max(i, j)}")
            rows.append({"a": a, "b": b, "r": None if r is None or math.isnan(r) else r})
    return pl.DataFrame(rows, schema={"a": pl.String, "b": pl.String, "r": pl.Float64})


def cronbach_alpha(frame: pl.DataFrame, groups: Mapping[str, Sequence[str]]) -> pl.DataFrame:
    """Return Cronbach's alpha per group of indicators: ``domain, k, n, alpha``.

    alpha = k/(k − 1) × (1 − Σ var(xᵢ) / var(Σ xᵢ)), sample variances (ddof = 1) over the n rows
    where all k indicators of the group are present. ``alpha`` is null when k < 2, n < 2 or the
    total has no variance. ``rubric_groups(rubric)`` gives the groups of a rubric's domains."""
    rows = []
    for domain, columns in groups.items():
        data = frame.select([_values(c).alias(c) for c in columns]).drop_nulls()
        k, n = len(columns), data.height
        alpha = None
        if k >= 2 and n >= 2:
            stats = data.select(
                pl.sum_horizontal([pl.col(c).var(ddof=1) for c in columns]).alias("items"),
                pl.sum_horizontal(list(columns)).var(ddof=1).alias("total"),
            ).row(0, named=True)
            if stats["total"] is not None and stats["total"] > 0:
                alpha = k / (k - 1) * (1 - stats["items"] / stats["total"])
        rows.append({"domain": domain, "k": k, "n": n, "alpha": alpha})
    return pl.DataFrame(
        rows, schema={"domain": pl.String, "k": pl.Int64, "n": pl.Int64, "alpha": pl.Float64}
    )
