"""The rank model of one period, the random inputs it is evaluated on (``Draws``), and
that evaluation: the measures are read once from the scoring engine as arrays (provinces ×
criteria); a chunk of replications then gets its points, index (rounded as published), grades
and ranks (ties share the best rank), with numpy."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import polars as pl

from cchc_analysis.scoring.rubric import (
    MISSING_POLICIES,
    Rubric,
)
from cchc_analysis.uncertainty.spec import UncertaintyError

_CHUNK_ELEMENTS = 1 << 19  # replications × provinces × criteria per chunk (bounds memory)
_EXCLUDE, _IMPUTE = MISSING_POLICIES.index("exclude"), MISSING_POLICIES.index("impute_median")


@dataclass(frozen=True, eq=False)
class Draws:
    """The random inputs of ``runs`` replications, one group of arrays per source (None: off)."""

    runs: int
    domain_scale: np.ndarray | None = None  # (R, D) factor on each domain's points
    floor_shift: np.ndarray | None = None  # (R, C) added to linear/survey floors
    target_shift: np.ndarray | None = None  # (R, C) added to linear/survey targets
    band_shift: np.ndarray | None = None  # (R, C) added to every band minimum
    survey_cols: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0, np.intp))
    survey_noise: np.ndarray | None = None  # (R, P, S) added to survey measures
    appraisal_cols: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0, np.intp))
    appraisal_delta: np.ndarray | None = None  # (R, P, A) added to direct points
    appraisal_relative: bool = False  # the delta is a share of the points
    policy: np.ndarray | None = None  # (R,) index into MISSING_POLICIES

    def rows(self, start: int, stop: int) -> Draws:
        """Return replications ``start:stop``."""
        sliced = {
            f: getattr(self, f)[start:stop] for f in RANDOM_FIELDS if getattr(self, f) is not None
        }
        return dataclasses.replace(self, runs=min(stop, self.runs) - start, **sliced)


# the fields of Draws each source fills
FIELDS_OF = {
    "weights": ("domain_scale",),
    "thresholds": ("floor_shift", "target_shift", "band_shift"),
    "survey": ("survey_noise",),
    "appraisal": ("appraisal_delta",),
    "missing": ("policy",),
}
RANDOM_FIELDS = tuple(f for fields in FIELDS_OF.values() for f in fields)


@dataclass(frozen=True, eq=False)
class RankModel:
    """One period's rubric as arrays: P provinces × C criteria, D domains, K bands."""

    rubric_id: str
    period: str
    year: int
    province_codes: tuple[str, ...]
    province_names: tuple[str, ...]
    criterion_ids: tuple[str, ...]
    domain_ids: tuple[str, ...]
    domain_of: np.ndarray  # (C,) index into domain_ids
    rules: tuple[str, ...]  # (C,) rule kind
    measure: np.ndarray  # (P, C) NaN where the measure is missing
    max_points: np.ndarray  # (C,) in the period's year
    floor: np.ndarray  # (C,) NaN unless linear/survey
    target: np.ndarray  # (C,)
    band_min: np.ndarray  # (C, K) highest first, NaN padded
    band_points: np.ndarray  # (C, K + 1) capped at the maximum, 0 past the last band
    percent: np.ndarray  # (C,) bool: the measure is a percentage
    indicator: tuple[str | None, ...]  # (C,) the measure's indicator; None for a ratio
    policy: np.ndarray  # (C,) index into MISSING_POLICIES
    index_max_points: float | None
    rank_decimals: int | None
    grades: tuple[str, ...]  # grade bands of the year, highest first
    grade_min: np.ndarray  # (G,)

    @property
    def shape(self) -> tuple[int, int]:
        """Return (provinces, criteria)."""
        provinces, criteria = self.measure.shape
        return provinces, criteria

    def columns(self, rules: Iterable[str]) -> np.ndarray:
        """Return the indices of the criteria scored with one of ``rules``."""
        wanted = set(rules)
        return np.array([i for i, r in enumerate(self.rules) if r in wanted], dtype=np.intp)

    def domain_max(self) -> np.ndarray:
        """Return each domain's maximum points in the period's year, (D,)."""
        return np.bincount(self.domain_of, self.max_points, minlength=len(self.domain_ids))

    def criterion_index(self, ids: Iterable[str], what: str) -> np.ndarray:
        """Return the column of each criterion id, or raise naming the unknown ones."""
        ids = list(ids)
        unknown = [i for i in ids if i not in self.criterion_ids]
        if unknown:
            raise UncertaintyError(
                f"{what}: criteria {unknown} are not in rubric {self.rubric_id} "
                f"(its criteria: {list(self.criterion_ids)})"
            )
        return np.array([self.criterion_ids.index(i) for i in ids], dtype=np.intp)


def build_model(indicators: pl.DataFrame, rubric: Rubric, period: str) -> RankModel:
    """Return one period of an indicator table as a RankModel: the measures scored once by
    ``score_indicators`` (provinces sorted by code) and the rubric's rules as arrays."""
    from cchc_analysis.scoring.engine import score_indicators

    rows = indicators.filter(pl.col("period") == period)
    if rows.is_empty():
        raise UncertaintyError(f"no rows for period {period!r}")
    scores = score_indicators(rows, rubric, explain=False)
    table = scores.criteria.sort("province_code", "criterion_order")
    leaves = rubric.leaves()
    n_criteria = len(leaves)
    n_provinces = table.height // n_criteria
    if n_provinces * n_criteria != table.height:
        raise UncertaintyError(f"period {period}: provinces do not each have every criterion")
    measure = np.where(table["missing"].to_numpy(), np.nan, table["measure"].to_numpy())
    first = table.head(n_criteria)
    max_points = first["max_points"].to_numpy().astype(float)
    floor, target, band_min, band_points = _rule_arrays(rubric, max_points)
    names = table.select("province_code", "province").unique("province_code", keep="first")
    names = names.sort("province_code")
    domain_ids = tuple(d.id for d in rubric.domains)
    year = int(table["year"][0])
    bands = rubric.bands_for(year)
    return RankModel(
        rubric_id=rubric.id,
        period=period,
        year=year,
        province_codes=tuple(names["province_code"]),
        province_names=tuple(names["province"]),
        criterion_ids=tuple(leaf.id for _, _, leaf in leaves),
        domain_ids=domain_ids,
        domain_of=np.array([domain_ids.index(d.id) for d, _, _ in leaves], dtype=np.intp),
        rules=tuple(leaf.rule.kind for _, _, leaf in leaves if leaf.rule is not None),
        measure=measure.astype(float).reshape(n_provinces, n_criteria),
        max_points=max_points,
        floor=floor,
        target=target,
        band_min=band_min,
        band_points=band_points,
        percent=(first["unit"].cast(pl.String) == "%").to_numpy(),
        indicator=tuple(
            leaf.measure.indicator if leaf.measure is not None else None for _, _, leaf in leaves
        ),
        policy=np.array(
            [MISSING_POLICIES.index(p) for p in first["missing_policy"].cast(pl.String)],
            dtype=np.int8,
        ),
        index_max_points=rubric.index_max_points,
        rank_decimals=rubric.rank_decimals,
        grades=tuple(b.grade for b in bands),
        grade_min=np.array([b.min for b in bands], dtype=float),
    )


def _rule_arrays(
    rubric: Rubric, max_points: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return floor, target (C,), band minima (C, K) and band points (C, K + 1) of the rules."""
    leaves = [leaf for _, _, leaf in rubric.leaves()]
    n_bands = max((len(leaf.rule.threshold_bands or []) for leaf in leaves if leaf.rule), default=0)
    floor = np.full(len(leaves), np.nan)
    target = np.full(len(leaves), np.nan)
    band_min = np.full((len(leaves), n_bands), np.nan)
    band_points = np.zeros((len(leaves), n_bands + 1))
    for c, leaf in enumerate(leaves):
        assert leaf.rule is not None
        if leaf.rule.line is not None:
            floor[c], target[c] = leaf.rule.line.floor, leaf.rule.line.target
        for k, band in enumerate(leaf.rule.threshold_bands or []):
            band_min[c, k] = band.min
            band_points[c, k] = min(band.points, max_points[c])
    return floor, target, band_min, band_points


def min_ranks(index: np.ndarray) -> np.ndarray:
    """Return ranks along the last axis, highest first, ties sharing the best rank (1, 2, 2,
    4: Polars' ``rank('min', descending=True)``); a NaN index ranks after every number."""
    keyed = np.where(np.isnan(index), -np.inf, index)
    order = np.argsort(-keyed, axis=-1, kind="stable")
    ordered = np.take_along_axis(keyed, order, axis=-1)
    positions = np.broadcast_to(np.arange(index.shape[-1]), index.shape)
    starts = np.ones(index.shape, dtype=bool)
    starts[..., 1:] = ordered[..., 1:] != ordered[..., :-1]
    first = np.maximum.accumulate(np.where(starts, positions, 0), axis=-1)
    ranks = np.empty(index.shape, dtype=np.int32)
    np.put_along_axis(ranks, order, (first + 1).astype(np.int32), axis=-1)
    return ranks


def _measures(model: RankModel, d: Draws) -> np.ndarray:
    """Return the measures of a chunk, (n, P, C), or (1, P, C) when nothing perturbs them."""
    m = model.measure[None]
    if d.survey_noise is None and d.appraisal_delta is None:
        return m
    m = np.repeat(m, d.runs, axis=0)
    if d.survey_noise is not None:
        cols = d.survey_cols
        upper = np.where(model.percent[cols], 100.0, np.inf)
        m[..., cols] = np.clip(m[..., cols] + d.survey_noise, 0.0, upper)
    if d.appraisal_delta is not None:
        cols = d.appraisal_cols
        if d.appraisal_relative:
            m[..., cols] *= 1 + d.appraisal_delta
        else:
            m[..., cols] += d.appraisal_delta
    return m


def _impute(model: RankModel, m: np.ndarray, policy: np.ndarray) -> np.ndarray:
    """Return ``m`` with missing measures filled by the national median wherever the policy
    of the replication and criterion (``policy``: (n or 1, C)) is impute_median."""
    missing = np.isnan(model.measure)
    cols = np.flatnonzero(missing.any(axis=0) & (policy == _IMPUTE).any(axis=0))
    if cols.size == 0:
        return m
    rows = max(m.shape[0], policy.shape[0])
    m = np.repeat(m, rows, axis=0) if m.shape[0] != rows else m.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a criterion nobody has data for
        median = np.nanmedian(m[..., cols], axis=1, keepdims=True)
    fill = missing[None][..., cols] & (policy[..., cols] == _IMPUTE)[:, None, :]
    m[..., cols] = np.where(fill, median, m[..., cols])
    return m


def _points(model: RankModel, m: np.ndarray, d: Draws) -> np.ndarray:
    """Return the points of a chunk (n, P, C) by each criterion's rule, 0 with no measure."""
    n = d.runs
    top = model.max_points
    points = np.zeros((n, *model.shape))
    lines = model.columns(["linear", "survey"])
    if lines.size:
        floor = model.floor[lines] + (0 if d.floor_shift is None else d.floor_shift[:, lines])
        target = model.target[lines] + (0 if d.target_shift is None else d.target_shift[:, lines])
        floor, target = np.atleast_2d(floor)[:, None, :], np.atleast_2d(target)[:, None, :]
        share = (m[..., lines] - floor) / (target - floor)
        points[..., lines] = np.clip(share, 0, 1) * top[lines]
    bands = model.columns(["threshold_bands"])
    if bands.size:
        minima = model.band_min[bands][None]  # (1, B, K)
        if d.band_shift is not None:
            minima = minima + d.band_shift[:, bands, None]
        below = (m[..., bands, None] < minima[:, None]).sum(axis=-1)  # bands not reached
        points[..., bands] = model.band_points[bands[None, None, :], below]
    booleans = model.columns(["boolean"])
    if booleans.size:
        points[..., booleans] = np.where(m[..., booleans] >= 0.5, top[booleans], 0.0)
    direct = model.columns(["direct_points"])
    if direct.size:
        points[..., direct] = np.clip(m[..., direct], 0, top[direct])
    return np.where(np.isnan(m), 0.0, points)


def _chunk_index(model: RankModel, d: Draws) -> np.ndarray:
    """Return the index of every province in a chunk of replications, (n, P)."""
    policy = (
        model.policy[None]
        if d.policy is None
        else np.repeat(d.policy[:, None], len(model.policy), axis=1)
    )
    m = _impute(model, _measures(model, d), policy)
    points = _points(model, m, d)
    excluded = np.isnan(model.measure)[None] & (policy == _EXCLUDE)[:, None, :]
    available = np.where(excluded, 0.0, model.max_points)  # (n or 1, P, C)
    if d.domain_scale is None:
        total, maximum = points.sum(axis=-1), available.sum(axis=-1)
    else:
        scale = d.domain_scale[:, model.domain_of][..., None]  # (n, C, 1)
        total, maximum = (points @ scale)[..., 0], (available @ scale)[..., 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        denominator = model.index_max_points or maximum
        index = total / denominator * 100
    return index if model.rank_decimals is None else np.round(index, model.rank_decimals)


def evaluate(
    model: RankModel, draws: Draws, chunk: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Return (index, rank), each (R, P), of every replication, ``chunk`` replications at a
    time (default: about half a million array elements per chunk)."""
    size = chunk or max(1, _CHUNK_ELEMENTS // max(1, model.shape[0] * model.shape[1]))
    index = np.empty((draws.runs, model.shape[0]))
    for start in range(0, draws.runs, size):
        stop = min(start + size, draws.runs)
        index[start:stop] = _chunk_index(model, draws.rows(start, stop))
    return index, min_ranks(index)


def nominal(model: RankModel) -> tuple[np.ndarray, np.ndarray]:
    """Return the unperturbed (index, rank), each (P,): the published ranking."""
    index, rank = evaluate(model, Draws(runs=1))
    return index[0], rank[0]


def grade_index(model: RankModel, index: np.ndarray) -> np.ndarray:
    """Return the position in ``model.grades`` of each index's grade band (len(grades): none)."""
    return (index[..., None] < model.grade_min).sum(axis=-1)
