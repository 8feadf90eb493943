"""How sure is a rank? Monte Carlo rank intervals and sensitivity that respect the rubric.

The uncertain inputs of a rubric are declared as data next to it
(``rubrics/<rubric id>.uncertainty.yaml``): domain weights, band thresholds, survey sampling
error, the appraisal adjustment and the missing-data policy, each switched on or off. The
measures are read once from the scoring engine (``score_indicators``: one value per province ×
criterion); every replication then perturbs thresholds, weights and measures as arrays
(replications × provinces × criteria) and recomputes points, index (rounded as published) and
ranks (ties share the best rank) with numpy, a chunk of replications at a time.

Typical use::

    spec = load_spec("par-index-illustrative")
    model = build_model(indicators, load_rubric("par-index-illustrative"), "2024")
    mc = monte_carlo(model, spec, runs=1000, seed=20250701)
    intervals = intervals_frame(mc)                 # one row per province
    rank_interval_text(intervals, "01")             # 'hạng 5, khoảng 90 %: 3–9'
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import polars as pl
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from cchc_analysis.scoring.rubric import (
    MISSING_POLICIES,
    MissingPolicy,
    Rubric,
    schema_error_message,
)

if TYPE_CHECKING:
    import altair as alt

SOURCES = ("weights", "thresholds", "survey", "appraisal", "missing")
RUNS_DEFAULT = 1_000
RUNS_PUBLICATION = 4_000
DEFAULT_SEED = 20250701
LEVEL = 0.90  # the rank interval runs from the 5th to the 95th percentile
SPEC_SUFFIX = ".uncertainty.yaml"
_CHUNK_ELEMENTS = 1 << 19  # replications × provinces × criteria per chunk (bounds memory)
_EXCLUDE, _IMPUTE = MISSING_POLICIES.index("exclude"), MISSING_POLICIES.index("impute_median")


# --------------------------------------------------------------------------- the data file


class UncertaintyError(ValueError):
    """An uncertainty file that breaks the schema or does not fit its rubric."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WeightsSource(_Strict):
    """Domain weights: each domain's points × U(1 − range, 1 + range), or a Dirichlet around
    the official points (larger concentration = closer); renormalised to the same total."""

    enabled: bool = True
    method: Literal["range", "dirichlet"]
    range: float | None = Field(default=None, gt=0, lt=1)
    concentration: float | None = Field(default=None, gt=0)
    note: str = ""

    @model_validator(mode="after")
    def _parameter(self) -> WeightsSource:
        if self.method == "range" and self.range is None:
            raise ValueError("method 'range' needs 'range' (e.g. 0.25 for ±25 %)")
        if self.method == "dirichlet" and self.concentration is None:
            raise ValueError("method 'dirichlet' needs 'concentration' (e.g. 400)")
        return self


class ThresholdsSource(_Strict):
    """Thresholds shifted by U(−shift, +shift) in the measure's unit: a linear or survey rule's
    floor and target independently, a threshold_bands rule's minima together."""

    enabled: bool = True
    shift: float = Field(ge=0)
    by_criterion: dict[str, float] = {}
    note: str = ""


class SurveyError(_Strict):
    """Sampling error of one measure: a standard error in the measure's unit, or (percent
    measures) a sample size and design effect: se = 100·√(p(1 − p)·deff / n)."""

    standard_error: float | None = Field(default=None, ge=0)
    sample_size: int | None = Field(default=None, gt=0)
    design_effect: float = Field(default=1.0, gt=0)

    @model_validator(mode="after")
    def _one_of(self) -> SurveyError:
        if (self.standard_error is None) == (self.sample_size is None):
            raise ValueError("give exactly one of 'standard_error' or 'sample_size'")
        return self


class SurveySource(_Strict):
    """Survey scores: measure + Normal(0, se) per province, clipped to 0–100 for percentages."""

    enabled: bool = True
    criteria: dict[str, SurveyError] = Field(min_length=1)
    note: str = ""


class AppraisalSource(_Strict):
    """The ministry's correction of self-assessed points, as a distribution added to the
    points of direct_points criteria (``relative``: as a share of the points)."""

    enabled: bool = True
    criteria: list[str] | Literal["all"] = "all"
    distribution: Literal["normal", "uniform", "triangular"] = "normal"
    mean: float = 0.0
    sd: float | None = Field(default=None, ge=0)
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    relative: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _parameters(self) -> AppraisalSource:
        if self.distribution == "normal" and self.sd is None:
            raise ValueError("distribution 'normal' needs 'sd' (and optionally 'mean')")
        if self.distribution != "normal":
            if self.low is None or self.high is None or not self.low < self.high:
                raise ValueError(f"distribution {self.distribution!r} needs low < high")
            if self.distribution == "triangular" and not (
                self.mode is not None and self.low <= self.mode <= self.high
            ):
                raise ValueError("distribution 'triangular' needs low ≤ mode ≤ high")
        return self


class MissingSource(_Strict):
    """The missing-data policy: each replication applies one of the alternatives, drawn with
    equal probability, to every criterion."""

    enabled: bool = True
    alternatives: list[MissingPolicy] = Field(min_length=1)
    note: str = ""


class Sources(_Strict):
    weights: WeightsSource | None = None
    thresholds: ThresholdsSource | None = None
    survey: SurveySource | None = None
    appraisal: AppraisalSource | None = None
    missing: MissingSource | None = None


class UncertaintySpec(_Strict):
    """The uncertain inputs of one rubric; a source absent or ``enabled: false`` is off."""

    rubric: str
    version: str
    note: str = ""
    sources: Sources = Sources()


def parse_spec(text: str, source: str = "<uncertainty>") -> UncertaintySpec:
    """Return the UncertaintySpec a YAML text describes, or raise UncertaintyError naming the
    broken key."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise UncertaintyError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise UncertaintyError(f"{source}: a mapping with keys rubric, version, sources")
    try:
        return UncertaintySpec.model_validate(data)
    except ValidationError as exc:
        raise UncertaintyError(schema_error_message(source, exc, "uncertainty file")) from None


def spec_path(methodology: str) -> Path:
    """Return where the uncertainty file of a methodology is: ``<rubric>.uncertainty.yaml``
    beside a rubric YAML path, or in the bundled rubrics folder."""
    path = Path(methodology)
    if path.suffix in {".yaml", ".yml"}:
        return path.with_name(path.stem + SPEC_SUFFIX)
    return Path(str(resources.files("cchc_analysis") / "rubrics" / f"{methodology}{SPEC_SUFFIX}"))


def read_spec(path: Path | str) -> UncertaintySpec:
    """Return the uncertainty spec in a YAML file."""
    path = Path(path)
    if not path.is_file():
        raise UncertaintyError(f"no uncertainty file {path}")
    return parse_spec(path.read_text(encoding="utf-8"), str(path))


@cache
def load_spec(methodology: str) -> UncertaintySpec:
    """Return the uncertainty spec of a methodology: a bundled rubric id
    (``par-index-illustrative``) or a rubric YAML path (its ``.uncertainty.yaml`` sibling)."""
    path = spec_path(methodology)
    if not path.is_file():
        raise UncertaintyError(
            f"no uncertainty file for {methodology!r}: expected {path} "
            "(write one beside the rubric, or pass its path)"
        )
    return read_spec(path)


def enabled_sources(spec: UncertaintySpec) -> list[str]:
    """Return the names of the sources switched on, in SOURCES order."""
    return [
        name for name in SOURCES if (cfg := getattr(spec.sources, name)) is not None and cfg.enabled
    ]


def select_sources(spec: UncertaintySpec, names: Iterable[str] | str | None) -> UncertaintySpec:
    """Return ``spec`` with exactly ``names`` switched on (a list, or ``'a,b'``, ``'all'`` for
    every configured source, ``'none'``); None leaves the file's switches as they are."""
    if names is None:
        return spec
    if isinstance(names, str):
        names = [] if names.strip() == "none" else [n.strip() for n in names.split(",") if n]
    wanted = set(names)
    configured = [name for name in SOURCES if getattr(spec.sources, name) is not None]
    if wanted == {"all"}:
        wanted = set(configured)
    unknown = wanted - set(SOURCES)
    if unknown:
        raise UncertaintyError(f"unknown source(s) {sorted(unknown)}: choose from {SOURCES}")
    absent = wanted - set(configured)
    if absent:
        raise UncertaintyError(
            f"source(s) {sorted(absent)} have no settings in the uncertainty file "
            f"of {spec.rubric} (configured: {configured})"
        )
    updates = {
        name: getattr(spec.sources, name).model_copy(update={"enabled": name in wanted})
        for name in configured
    }
    return spec.model_copy(update={"sources": spec.sources.model_copy(update=updates)})


# --------------------------------------------------------------------------- the model


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


# --------------------------------------------------------------------------- random draws


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
            f: getattr(self, f)[start:stop] for f in _RANDOM_FIELDS if getattr(self, f) is not None
        }
        return dataclasses.replace(self, runs=min(stop, self.runs) - start, **sliced)


_FIELDS_OF = {
    "weights": ("domain_scale",),
    "thresholds": ("floor_shift", "target_shift", "band_shift"),
    "survey": ("survey_noise",),
    "appraisal": ("appraisal_delta",),
    "missing": ("policy",),
}
_RANDOM_FIELDS = tuple(f for fields in _FIELDS_OF.values() for f in fields)


def _rng(seed: int, source: str, stream: int) -> np.random.Generator:
    """Return the generator of one source: switching a source on or off leaves the others'
    draws unchanged (common random numbers)."""
    return np.random.default_rng([seed, SOURCES.index(source), stream])


def draw(model: RankModel, spec: UncertaintySpec, runs: int, seed: int, stream: int = 0) -> Draws:
    """Return the random inputs of ``runs`` replications for every enabled source of ``spec``
    (``stream`` gives an independent second sample with the same seed, for Sobol indices)."""
    if runs < 1 or seed < 0:
        raise UncertaintyError(f"runs must be at least 1 and the seed at least 0 ({runs}, {seed})")
    if spec.rubric != model.rubric_id:
        raise UncertaintyError(
            f"the uncertainty file is for rubric {spec.rubric!r}, not {model.rubric_id!r}"
        )
    fields: dict[str, Any] = {}
    on = enabled_sources(spec)
    s = spec.sources
    if "weights" in on:
        assert s.weights is not None
        fields |= _draw_weights(model, s.weights, runs, _rng(seed, "weights", stream))
    if "thresholds" in on:
        assert s.thresholds is not None
        fields |= _draw_thresholds(model, s.thresholds, runs, _rng(seed, "thresholds", stream))
    if "survey" in on:
        assert s.survey is not None
        fields |= _draw_survey(model, s.survey, runs, _rng(seed, "survey", stream))
    if "appraisal" in on:
        assert s.appraisal is not None
        fields |= _draw_appraisal(model, s.appraisal, runs, _rng(seed, "appraisal", stream))
    if "missing" in on:
        assert s.missing is not None
        codes = np.array([MISSING_POLICIES.index(p) for p in s.missing.alternatives], np.int8)
        fields["policy"] = codes[_rng(seed, "missing", stream).integers(0, len(codes), runs)]
    return Draws(runs=runs, **fields)


def _draw_weights(
    model: RankModel, cfg: WeightsSource, runs: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Return each domain's scale factor (R, D); the total maximum stays the same."""
    official = model.domain_max()
    used = official > 0
    weights = np.tile(official, (runs, 1))
    if cfg.method == "range":
        assert cfg.range is not None
        weights[:, used] *= rng.uniform(1 - cfg.range, 1 + cfg.range, (runs, int(used.sum())))
    else:
        assert cfg.concentration is not None
        alpha = cfg.concentration * official[used] / official.sum()
        weights[:, used] = rng.dirichlet(alpha, runs) * official.sum()
    weights *= official.sum() / weights.sum(axis=1, keepdims=True)
    scale = np.ones_like(weights)
    scale[:, used] = weights[:, used] / official[used]
    return {"domain_scale": scale}


def _draw_thresholds(
    model: RankModel, cfg: ThresholdsSource, runs: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Return the floor, target and band shifts (R, C), checking no floor can pass its target."""
    model.criterion_index(cfg.by_criterion, "thresholds.by_criterion")
    has = ~np.isnan(model.floor) | ~np.isnan(model.band_min).all(axis=1)
    half = np.array([cfg.by_criterion.get(c, cfg.shift) for c in model.criterion_ids]) * has
    width = np.abs(model.target - model.floor)
    too_wide = ~np.isnan(width) & (2 * half >= width)
    if too_wide.any():
        bad = [model.criterion_ids[i] for i in np.flatnonzero(too_wide)]
        raise UncertaintyError(
            f"thresholds: a shift of half the floor–target distance or more could swap floor "
            f"and target of {bad}: set a smaller thresholds.by_criterion for them"
        )
    shape = (runs, len(half))
    return {
        "floor_shift": rng.uniform(-1, 1, shape) * half,
        "target_shift": rng.uniform(-1, 1, shape) * half,
        "band_shift": rng.uniform(-1, 1, shape) * half,
    }


def _draw_survey(
    model: RankModel, cfg: SurveySource, runs: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """Return the survey columns and the sampling noise (R, P, S) in the measures' units."""
    cols = model.criterion_index(cfg.criteria, "survey.criteria")
    ratio = [model.criterion_ids[c] for c in cols if model.indicator[c] is None]
    if ratio:
        raise UncertaintyError(f"survey: {ratio} are ratios of counts, not survey scores")
    se = np.empty((model.shape[0], len(cols)))
    for j, (cid, error) in enumerate(cfg.criteria.items()):
        if error.standard_error is not None:
            se[:, j] = error.standard_error
            continue
        if not model.percent[cols[j]]:
            raise UncertaintyError(f"survey.criteria.{cid}: sample_size needs a percent measure")
        assert error.sample_size is not None
        share = np.clip(model.measure[:, cols[j]] / 100, 0, 1)
        se[:, j] = 100 * np.sqrt(share * (1 - share) * error.design_effect / error.sample_size)
    which = _shared_draws(model, cols, se, "survey")
    noise = rng.standard_normal((runs, model.shape[0], max(which, default=-1) + 1))[..., which]
    return {"survey_cols": cols, "survey_noise": noise * se}


def _shared_draws(model: RankModel, cols: np.ndarray, spread: np.ndarray, what: str) -> list[int]:
    """Return, per column, which draw it uses: criteria that measure the same indicator share
    one draw (one survey, one appraisal), so they must be given the same spread."""
    indicators = [model.indicator[c] for c in cols]
    unique = list(dict.fromkeys(indicators))
    which = [unique.index(i) for i in indicators]
    for j, k in enumerate(which):
        first = which.index(k)
        if not np.array_equal(spread[:, j], spread[:, first], equal_nan=True):
            raise UncertaintyError(
                f"{what}: {model.criterion_ids[cols[j]]} and {model.criterion_ids[cols[first]]} "
                f"measure the same indicator {indicators[j]}: give them the same error"
            )
    return which


def _draw_appraisal(
    model: RankModel, cfg: AppraisalSource, runs: int, rng: np.random.Generator
) -> dict[str, Any]:
    """Return the direct_points columns and the correction (R, P, A) added to their points."""
    direct = model.columns(["direct_points"])
    if cfg.criteria == "all":
        cols = direct
    else:
        cols = model.criterion_index(cfg.criteria, "appraisal.criteria")
        wrong = [model.criterion_ids[c] for c in cols if c not in direct]
        if wrong:
            raise UncertaintyError(f"appraisal: {wrong} are not direct_points criteria")
    which = _shared_draws(model, cols, np.zeros((1, len(cols))), "appraisal")
    shape = (runs, model.shape[0], max(which, default=-1) + 1)
    if cfg.distribution == "normal":
        assert cfg.sd is not None
        delta = rng.normal(cfg.mean, cfg.sd, shape)
    elif cfg.distribution == "uniform":
        assert cfg.low is not None and cfg.high is not None
        delta = rng.uniform(cfg.low, cfg.high, shape)
    else:
        assert cfg.low is not None and cfg.mode is not None and cfg.high is not None
        delta = rng.triangular(cfg.low, cfg.mode, cfg.high, shape)
    return {
        "appraisal_cols": cols,
        "appraisal_delta": delta[..., which],
        "appraisal_relative": cfg.relative,
    }


def swap_source(a: Draws, b: Draws, source: str) -> Draws:
    """Return ``a`` with one source's draws taken from ``b`` (Saltelli's A_B matrices)."""
    return dataclasses.replace(a, **{f: getattr(b, f) for f in _FIELDS_OF[source]})


# --------------------------------------------------------------------------- evaluation


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


# --------------------------------------------------------------------------- Monte Carlo


@dataclass(frozen=True, eq=False)
class MonteCarlo:
    """The replications of one period: index and rank (R, P) with the nominal ones (P,)."""

    model: RankModel
    index: np.ndarray
    rank: np.ndarray
    nominal_index: np.ndarray
    nominal_rank: np.ndarray
    runs: int
    seed: int
    sources: tuple[str, ...]


def monte_carlo(
    model: RankModel,
    spec: UncertaintySpec,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    chunk: int | None = None,
) -> MonteCarlo:
    """Return ``runs`` replications of the ranking with every enabled source of ``spec``
    perturbed (same seed, same numbers)."""
    index, rank = evaluate(model, draw(model, spec, runs, seed), chunk)
    nominal_index, nominal_rank = nominal(model)
    return MonteCarlo(
        model=model,
        index=index,
        rank=rank,
        nominal_index=nominal_index,
        nominal_rank=nominal_rank,
        runs=runs,
        seed=seed,
        sources=tuple(enabled_sources(spec)),
    )


def _quantile(values: np.ndarray, q: float) -> np.ndarray:
    """Return the ``q`` quantile along axis 0 as an observed value (inverted CDF)."""
    return np.quantile(values, q, axis=0, method="inverted_cdf")


def intervals_frame(mc: MonteCarlo, level: float = LEVEL) -> pl.DataFrame:
    """Return one row per province: nominal index, rank and grade; median rank; the
    ``level`` rank interval (rank_lo–rank_hi, the 5th–95th percentiles widened to contain
    the nominal rank; rank_q_lo/rank_q_hi unwidened); the index interval; the mean absolute
    rank shift; the probability of each grade band (``p_<grade>``)."""
    model, tail = mc.model, (1 - level) / 2
    q_lo, q_hi = _quantile(mc.rank, tail), _quantile(mc.rank, 1 - tail)
    grades = grade_index(model, mc.index)
    nominal_grade = grade_index(model, mc.nominal_index)
    labels = [*model.grades, None]
    return pl.DataFrame(
        {
            "period": model.period,
            "year": model.year,
            "province_code": list(model.province_codes),
            "province": list(model.province_names),
            "n_provinces": model.shape[0],
            "nominal_index": mc.nominal_index,
            "nominal_rank": mc.nominal_rank,
            "nominal_grade": [labels[g] for g in nominal_grade],
            "median_rank": _quantile(mc.rank, 0.5).astype(np.int32),
            "rank_lo": np.minimum(q_lo, mc.nominal_rank).astype(np.int32),
            "rank_hi": np.maximum(q_hi, mc.nominal_rank).astype(np.int32),
            "rank_q_lo": q_lo.astype(np.int32),
            "rank_q_hi": q_hi.astype(np.int32),
            "nominal_inside": (q_lo <= mc.nominal_rank) & (mc.nominal_rank <= q_hi),
            "index_lo": np.quantile(mc.index, tail, axis=0),
            "median_index": np.median(mc.index, axis=0),
            "index_hi": np.quantile(mc.index, 1 - tail, axis=0),
            "mean_abs_shift": np.abs(mc.rank - mc.nominal_rank).mean(axis=0),
            **{f"p_{g}": (grades == k).mean(axis=0) for k, g in enumerate(model.grades)},
            "level": level,
            "runs": mc.runs,
            "seed": mc.seed,
            "sources": ",".join(mc.sources) or "none",
        },
        schema_overrides={"year": pl.Int32, "n_provinces": pl.Int32, "runs": pl.Int32},
    )


def bands_frame(mc: MonteCarlo) -> pl.DataFrame:
    """Return one row per province × grade band: the probability of that grade."""
    model = mc.model
    grades = grade_index(model, mc.index)
    return pl.concat(
        [
            pl.DataFrame(
                {
                    "period": model.period,
                    "province_code": list(model.province_codes),
                    "province": list(model.province_names),
                    "grade": grade,
                    "band_min": float(model.grade_min[k]),
                    "probability": (grades == k).mean(axis=0),
                }
            )
            for k, grade in enumerate(model.grades)
        ]
    ).sort("period", "province_code", pl.col("band_min"), descending=[False, False, True])


def mean_abs_rank_shift(rank: np.ndarray, nominal_rank: np.ndarray) -> np.ndarray:
    """Return, per replication, the mean over provinces of |rank − nominal rank|, (R,)."""
    return np.abs(rank - nominal_rank).mean(axis=-1)


def summary_frame(mc: MonteCarlo, level: float = LEVEL) -> pl.DataFrame:
    """Return one row for the period: runs, seed, sources, the mean absolute rank shift
    across provinces, the median interval width and the share of provinces whose
    unwidened interval contains the nominal rank."""
    tail = (1 - level) / 2
    q_lo, q_hi = _quantile(mc.rank, tail), _quantile(mc.rank, 1 - tail)
    return pl.DataFrame(
        {
            "period": [mc.model.period],
            "n_provinces": [mc.model.shape[0]],
            "runs": [mc.runs],
            "seed": [mc.seed],
            "sources": [",".join(mc.sources) or "none"],
            "mean_abs_rank_shift": [float(mean_abs_rank_shift(mc.rank, mc.nominal_rank).mean())],
            "median_interval_width": [
                float(
                    np.median(np.maximum(q_hi, mc.nominal_rank) - np.minimum(q_lo, mc.nominal_rank))
                )
            ],
            "share_nominal_inside": [
                float(((q_lo <= mc.nominal_rank) & (mc.nominal_rank <= q_hi)).mean())
            ],
        }
    )


# --------------------------------------------------------------------------- sensitivity


def _sobol(f_a: np.ndarray, f_b: np.ndarray, f_ab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return first-order (Saltelli 2010) and total (Jansen) indices from f(A), f(B) (N, ...)
    and f(A_B^i) (k, N, ...); NaN where the output does not vary. f(B) is centred first (as
    SALib does): same expectation, much less noise when the output's mean is large.

    Kept rather than SALib's ``sobol.analyze``: on the same design the totals are identical and
    the first-order indices agree to rounding (tests/test_index_sobol.py), and this one works on
    every province at once (benchmarks/sobol_salib.py: ~300× faster than one SALib call per
    province). The index builder (``cchc_analysis.index.sensitivity``) uses SALib itself."""
    both = np.concatenate([f_a, f_b])
    variance = np.var(both, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        first = ((f_b - both.mean(axis=0)) * (f_ab - f_a)).mean(axis=1) / variance
        total = 0.5 * ((f_a - f_ab) ** 2).mean(axis=1) / variance
    return first, total


@dataclass(frozen=True)
class Sensitivity:
    """Variance-based indices of each source: on the mean absolute rank shift (``overall``)
    and on each province's rank (``by_province``)."""

    overall: pl.DataFrame  # source, S1, S1_conf, ST, ST_conf
    by_province: pl.DataFrame  # province_code, province, source, S1, ST


def sobol_indices(
    model: RankModel,
    spec: UncertaintySpec,
    n: int = 512,
    seed: int = DEFAULT_SEED,
    bootstrap: int = 200,
) -> Sensitivity:
    """Return first-order and total Sobol indices of every enabled source (each a group of
    inputs) by Saltelli sampling: N·(k + 2) replications; ``*_conf`` are 95 % bootstrap
    half-widths."""
    sources = enabled_sources(spec)
    if not sources:
        raise UncertaintyError("sobol_indices needs at least one source switched on")
    a, b = draw(model, spec, n, seed, stream=1), draw(model, spec, n, seed, stream=2)
    _, nominal_rank = nominal(model)
    r_a, r_b = evaluate(model, a)[1], evaluate(model, b)[1]
    r_ab = np.stack([evaluate(model, swap_source(a, b, s))[1] for s in sources])
    shift = [mean_abs_rank_shift(r, nominal_rank) for r in (r_a, r_b)]
    s1, st = _sobol(shift[0], shift[1], mean_abs_rank_shift(r_ab, nominal_rank))
    rng = np.random.default_rng([seed, 99])
    samples = [rng.integers(0, n, n) for _ in range(bootstrap)]
    boot = np.array(
        [
            _sobol(shift[0][i], shift[1][i], mean_abs_rank_shift(r_ab[:, i], nominal_rank))
            for i in samples
        ]
    ).reshape(bootstrap, 2, len(sources))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a source that never moves a rank
        conf = 1.96 * np.nanstd(boot, axis=0)
    overall = pl.DataFrame(
        {
            "period": model.period,
            "source": sources,
            "output": "mean_abs_rank_shift",
            "S1": s1,
            "S1_conf": conf[0],
            "ST": st,
            "ST_conf": conf[1],
            "n": n,
            "seed": seed,
        },
        schema={
            "period": pl.String,
            "source": pl.String,
            "output": pl.String,
            "S1": pl.Float64,
            "S1_conf": pl.Float64,
            "ST": pl.Float64,
            "ST_conf": pl.Float64,
            "n": pl.Int64,
            "seed": pl.Int64,
        },
    )
    p1, pt = _sobol(r_a.astype(float), r_b.astype(float), r_ab.astype(float))  # (k, P)
    by_province = pl.DataFrame(
        {
            "period": model.period,
            "province_code": np.tile(model.province_codes, len(sources)),
            "province": np.tile(model.province_names, len(sources)),
            "source": np.repeat(sources, model.shape[0]),
            "S1": p1.ravel(),
            "ST": pt.ravel(),
        },
        schema={
            "period": pl.String,
            "province_code": pl.String,
            "province": pl.String,
            "source": pl.String,
            "S1": pl.Float64,
            "ST": pl.Float64,
        },
    )
    return Sensitivity(overall=overall.fill_nan(None), by_province=by_province.fill_nan(None))


def domain_removal(model: RankModel) -> pl.DataFrame:
    """Return one row per domain × province: the rank with that domain left out (the index
    rescaled to the remaining maximum), the shift against the nominal rank, and the domain's
    mean absolute shift across provinces."""
    _, nominal_rank = nominal(model)
    frames = []
    for d, domain in enumerate(model.domain_ids):
        scale = np.ones((1, len(model.domain_ids)))
        scale[0, d] = 0.0
        dropped = dataclasses.replace(model, index_max_points=None)
        rank = evaluate(dropped, Draws(runs=1, domain_scale=scale))[1][0]
        frames.append(
            pl.DataFrame(
                {
                    "period": model.period,
                    "domain_id": domain,
                    "province_code": list(model.province_codes),
                    "province": list(model.province_names),
                    "nominal_rank": nominal_rank,
                    "rank_without": rank,
                    "shift": rank - nominal_rank,
                    "mean_abs_shift": float(np.abs(rank - nominal_rank).mean()),
                }
            )
        )
    return pl.concat(frames)


# --------------------------------------------------------------------------- whole tables


@dataclass(frozen=True)
class UncertaintyResult:
    """Rank uncertainty of every period of a table."""

    intervals: pl.DataFrame  # one row per period × province
    bands: pl.DataFrame  # one row per period × province × grade band
    summary: pl.DataFrame  # one row per period
    sobol: pl.DataFrame | None = None  # one row per period × source
    sobol_by_province: pl.DataFrame | None = None
    domain_removal: pl.DataFrame | None = None


def rank_uncertainty(
    indicators: pl.DataFrame,
    rubric: Rubric,
    spec: UncertaintySpec,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    periods: Iterable[str] | None = None,
    level: float = LEVEL,
    sensitivity: bool = False,
    sobol_n: int = 512,
) -> UncertaintyResult:
    """Return the rank intervals, grade-band probabilities and summary of every period (all
    in the table unless ``periods``), with Sobol indices and domain removal if
    ``sensitivity``."""
    from cchc_analysis.reference.periods import canonical_period

    # periods as int or str alike: [2024] and ["2024"] ask for the same period
    chosen = sorted(
        {canonical_period(p) for p in periods} if periods else indicators["period"].unique()
    )
    parts: dict[str, list[pl.DataFrame]] = {}
    for period in chosen:
        model = build_model(indicators, rubric, period)
        mc = monte_carlo(model, spec, runs, seed)
        found = {
            "intervals": intervals_frame(mc, level),
            "bands": bands_frame(mc),
            "summary": summary_frame(mc, level),
        }
        if sensitivity:
            indices = sobol_indices(model, spec, sobol_n, seed)
            found |= {
                "sobol": indices.overall,
                "sobol_by_province": indices.by_province,
                "domain_removal": domain_removal(model),
            }
        for name, frame in found.items():
            parts.setdefault(name, []).append(frame)
    frames = {name: pl.concat(items, how="diagonal") for name, items in parts.items()}
    return UncertaintyResult(**frames)


def run_uncertainty(
    indicators_path: Path,
    methodology: str,
    out_dir: Path,
    runs: int = RUNS_DEFAULT,
    seed: int = DEFAULT_SEED,
    sources: str | None = None,
    spec: str | None = None,
    periods: list[str] | None = None,
    sensitivity: bool = True,
) -> dict[str, Path]:
    """Compute rank uncertainty for a table and methodology; write ``uncertainty_<name>``
    as Parquet and CSV (intervals, bands, summary, and with ``sensitivity`` sobol,
    sobol_by_province, domain_removal) and ``uncertainty_manifest.json``; return the paths."""
    from cchc_analysis.scoring.rubric import load_rubric, rubric_text
    from cchc_analysis.store.outputs import (
        atomic_write_csv,
        atomic_write_json,
        atomic_write_parquet,
        sha256_text,
    )
    from cchc_analysis.validate.gate import load_for_scoring

    indicators = load_for_scoring(Path(indicators_path))
    rubric = load_rubric(methodology)
    spec_file = Path(spec) if spec else spec_path(methodology)
    bundled = spec is None and Path(methodology).suffix not in {".yaml", ".yml"}
    chosen = select_sources(read_spec(spec_file), sources)
    result = rank_uncertainty(indicators, rubric, chosen, runs, seed, periods, LEVEL, sensitivity)
    out = Path(out_dir)
    paths: dict[str, Path] = {}
    for field in dataclasses.fields(result):
        frame = getattr(result, field.name)
        if frame is None:
            continue
        paths[field.name] = atomic_write_parquet(out / f"uncertainty_{field.name}.parquet", frame)
        atomic_write_csv(out / f"uncertainty_{field.name}.csv", frame)
    manifest = {
        "indicators": str(indicators_path),
        "rubric": {
            "id": rubric.id,
            "version": rubric.version,
            "sha256": sha256_text(rubric_text(methodology)),
        },
        "uncertainty_file": {
            "path": f"rubrics/{spec_file.name}" if bundled else str(spec_file),
            "sha256": sha256_text(spec_file.read_text(encoding="utf-8")),
        },
        "sources": enabled_sources(chosen),
        "runs": runs,
        "seed": seed,
        "level": LEVEL,
        "periods": result.summary["period"].to_list(),
        "outputs": {name: str(path) for name, path in paths.items()},
    }
    paths["manifest"] = atomic_write_json(out / "uncertainty_manifest.json", manifest)
    return paths


# --------------------------------------------------------------------------- reports


def _percent(level: float, lang: str) -> str:
    text = f"{level * 100:g}"
    return text.replace(".", ",") if lang == "vi" else text


def format_rank_interval(
    rank: int, low: int, high: int, lang: str = "vi", level: float = LEVEL
) -> str:
    """Return the rank with its interval: 'hạng 5, khoảng 90 %: 3–9' or 'rank 5, 90 %
    interval: 3–9' (one number when the interval is a single rank)."""
    span = f"{low}" if low == high else f"{low}–{high}"
    if lang == "vi":
        return f"hạng {rank}, khoảng {_percent(level, lang)} %: {span}"
    if lang == "en":
        return f"rank {rank}, {_percent(level, lang)} % interval: {span}"
    raise ValueError(f"lang must be vi or en, not {lang!r}")


def _row(intervals: pl.DataFrame, province: str, period: str | None) -> dict[str, Any]:
    """Return a province's row (by code, or name in any usual spelling; the latest period
    unless given)."""
    from cchc_analysis.reference.periods import canonical_period
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    period = canonical_period(period) if period is not None else None
    codes = {province}
    for when in {period} if period else set(intervals["period"].unique()):
        with contextlib.suppress(ProvinceNotFound, ValueError):
            codes.add(resolve_province(province, when).code)
    rows = intervals.filter(
        pl.col("province_code").is_in(list(codes)) | (pl.col("province") == province)
    )
    if period is not None:
        rows = rows.filter(pl.col("period") == period)
    if rows.is_empty():
        raise LookupError(
            f"no rank interval for {province!r}" + (f" in {period}" if period else "")
        )
    return rows.sort("period").row(-1, named=True)


def rank_interval_text(
    intervals: pl.DataFrame, province: str, lang: str = "vi", period: str | None = None
) -> str:
    """Return a province's rank with its interval from ``intervals_frame`` output, e.g.
    'hạng 5, khoảng 90 %: 3–9'."""
    row = _row(intervals, province, period)
    return format_rank_interval(
        row["nominal_rank"], row["rank_lo"], row["rank_hi"], lang, row["level"]
    )


def _share(p: float) -> str:
    """Return a probability as a whole percentage, '< 1 %' or '> 99 %' rather than 0 or 100."""
    if 0 < p < 0.01:
        return "< 1 %"
    if 0.99 < p < 1:
        return "> 99 %"
    return f"{int(p * 100 + 0.5)} %"


def grade_probability_text(
    intervals: pl.DataFrame, province: str, lang: str = "vi", period: str | None = None
) -> str:
    """Return the probability of the nominal grade band and of the others seen, e.g.
    'xếp loại B: xác suất 72 % (A 20 %, C 8 %)'."""
    row = _row(intervals, province, period)
    grade = row["nominal_grade"]
    others = [
        f"{c.removeprefix('p_')} {_share(row[c])}"
        for c in intervals.columns
        if c.startswith("p_") and c != f"p_{grade}" and row[c]
    ]
    rest = f" ({', '.join(others)})" if others else ""
    p = _share(row.get(f"p_{grade}") or 0.0)
    if lang == "vi":
        return f"xếp loại {grade}: xác suất {p}{rest}"
    return f"grade {grade}: probability {p}{rest}"


_CHART_TEXT = {
    "vi": {
        "title": "Hạng và khoảng {level} % của các tỉnh, thành phố",
        "rank": "Hạng (1 = cao nhất)",
        "province": "Tỉnh, thành phố",
        "nominal": "Hạng công bố",
        "median": "Hạng trung vị",
        "interval": "Khoảng",
        "described": "hạng {}, khoảng {}–{}",
    },
    "en": {
        "title": "Rank and {level} % interval of every province",
        "rank": "Rank (1 = highest)",
        "province": "Province",
        "nominal": "Published rank",
        "median": "Median rank",
        "interval": "Interval",
        "described": "rank {}, interval {}–{}",
    },
}


def interval_order(intervals: pl.DataFrame, period: str) -> list[str]:
    """Return the provinces top to bottom as ``plot_rank_intervals`` draws them."""
    rows = intervals.filter(pl.col("period") == period)
    return rows.sort("nominal_rank", "province_code")["province"].to_list()


def plot_rank_intervals(
    intervals: pl.DataFrame, province: str | None, lang: str = "vi", period: str | None = None
) -> alt.LayerChart:
    """Return every province's rank interval (a bar from rank_lo to rank_hi, a dot at the
    nominal rank, a tick at the median), sorted by rank, with ``province`` (code or name)
    highlighted; one period (the latest unless given). With ``province`` None every province
    is drawn alike, each mark described for ``charts.highlight_css`` to pick one out."""
    import altair as alt

    from cchc_analysis.reports.charts import HIGHLIGHT, MUTED, PALETTE, described

    words = _CHART_TEXT[lang]
    if province is None:
        latest = period or str(intervals["period"].max())
        row = {**intervals.filter(pl.col("period") == latest).row(0, named=True)}
        row["province_code"] = row["province"] = None
    else:
        row = _row(intervals, province, period)
    data = (
        described(
            intervals,
            pl.format(words["described"], "nominal_rank", "rank_lo", "rank_hi"),
        )
        .filter(pl.col("period") == row["period"])
        .select(
            "description",
            "province",
            "province_code",
            "nominal_rank",
            "median_rank",
            "rank_lo",
            "rank_hi",
            "n_provinces",
            highlight=pl.col("province_code") == (row["province_code"] or ""),
            interval=pl.format("{}–{}", "rank_lo", "rank_hi"),
        )
    )
    n = int(data["n_provinces"][0])
    order = interval_order(intervals, row["period"])
    bold = f"datum.value === {json.dumps(row['province'])} ? 'bold' : 'normal'"
    axis = alt.Axis(labelFontSize=9, labelFontWeight=alt.ExprRef(bold))
    y = alt.Y("province:N", sort=order, title=words["province"], axis=axis)
    x_scale = alt.Scale(domain=[1, n], nice=False)
    tooltip = [
        alt.Tooltip("province:N", title=words["province"]),
        alt.Tooltip("nominal_rank:Q", title=words["nominal"]),
        alt.Tooltip("median_rank:Q", title=words["median"]),
        alt.Tooltip("interval:N", title=words["interval"]),
    ]
    # Channel objects and scales rather than shorthand strings and conditions: Altair turns
    # those into objects again on every chart (a third of the time of a report's chart).
    base = alt.Chart(data.drop("n_provinces")).encode(
        y=y, tooltip=tooltip, description=alt.Description("description:N")
    )
    bars = base.mark_bar(height=5).encode(
        x=alt.X("rank_lo:Q", scale=x_scale, title=words["rank"]),
        x2=alt.X2("rank_hi:Q"),
        color=alt.Color(
            "highlight:N",
            scale=alt.Scale(domain=[False, True], range=[MUTED, HIGHLIGHT]),
            legend=None,
        ),
    )
    dots = base.mark_point(filled=True, color=PALETTE[0], opacity=1).encode(
        x=alt.X("nominal_rank:Q"),
        size=alt.Size(
            "highlight:N", scale=alt.Scale(domain=[False, True], range=[24, 60]), legend=None
        ),
    )
    ticks = base.mark_tick(thickness=1.5, size=9, color="#000000").encode(x=alt.X("median_rank:Q"))
    # sizes and title given to the constructor: ``.properties`` validates each against the
    # Vega-Lite schema, every time
    return alt.LayerChart(
        layer=[bars, ticks, dots],
        title=words["title"].format(level=_percent(float(row["level"]), lang)),
        height=alt.Step(9),
        width=480,
    )


# --------------------------------------------------------------------------- the slow path


def perturbed_rubric(rubric: Rubric, model: RankModel, draws: Draws, r: int) -> Rubric:
    """Return the rubric of replication ``r``: thresholds shifted, maxima and band points
    scaled by the domain weights, the drawn missing-data policy on every criterion."""
    leaf_column = {cid: c for c, cid in enumerate(model.criterion_ids)}
    scale_of = (
        {d: float(draws.domain_scale[r, i]) for i, d in enumerate(model.domain_ids)}
        if draws.domain_scale is not None
        else {}
    )
    policy = None if draws.policy is None else MISSING_POLICIES[int(draws.policy[r])]

    def shift(name: str | None, c: int) -> float:
        array = getattr(draws, name) if name else None
        return 0.0 if array is None else float(array[r, c])

    def visit(criterion: dict[str, Any], scale: float) -> dict[str, Any]:
        out = dict(criterion, max_points=None) if criterion.get("criteria") else dict(criterion)
        if criterion.get("criteria"):
            out["criteria"] = [visit(child, scale) for child in criterion["criteria"]]
            return out
        c = leaf_column[criterion["id"]]
        rule = dict(criterion["rule"])
        line = rule.get("linear") or rule.get("survey")
        if line:  # a shifted survey line may leave 0–100: score it as the same linear rule
            rule["survey"] = None
            rule["linear"] = {
                "floor": line["floor"] + shift("floor_shift", c),
                "target": line["target"] + shift("target_shift", c),
            }
        if rule.get("threshold_bands"):
            rule["threshold_bands"] = [
                {"min": band["min"] + shift("band_shift", c), "points": band["points"] * scale}
                for band in rule["threshold_bands"]
            ]
        out["rule"] = rule
        if out.get("max_points") is not None:
            out["max_points"] = out["max_points"] * scale
        if out.get("max_points_by_year"):
            out["max_points_by_year"] = {y: p * scale for y, p in out["max_points_by_year"].items()}
        if policy is not None:
            out["missing"] = policy
        return out

    data = rubric.model_dump()
    data["domains"] = [
        dict(
            domain,
            max_points=None,
            criteria=[visit(c, scale_of.get(domain["id"], 1.0)) for c in domain["criteria"]],
        )
        for domain in data["domains"]
    ]
    if policy is not None:
        data["defaults"] = {"missing": policy}
    return Rubric.model_validate(data)


def perturbed_indicators(
    indicators: pl.DataFrame, rubric: Rubric, model: RankModel, draws: Draws, r: int
) -> pl.DataFrame:
    """Return one period's indicator rows for replication ``r``: survey values with their
    noise, direct points with the appraisal correction and scaled by their domain weight."""
    rows = indicators.filter(pl.col("period") == model.period)
    leaves = {leaf.id: leaf for _, _, leaf in rubric.leaves()}
    new_values: dict[str, np.ndarray] = {}
    measure = model.measure.copy()
    if draws.survey_noise is not None:
        cols = draws.survey_cols
        upper = np.where(model.percent[cols], 100.0, np.inf)
        measure[:, cols] = np.clip(measure[:, cols] + draws.survey_noise[r], 0.0, upper)
        new_values |= {model.criterion_ids[c]: measure[:, c] for c in cols}
    if draws.appraisal_delta is not None:
        cols = draws.appraisal_cols
        if draws.appraisal_relative:
            measure[:, cols] *= 1 + draws.appraisal_delta[r]
        else:
            measure[:, cols] += draws.appraisal_delta[r]
        new_values |= {model.criterion_ids[c]: measure[:, c] for c in cols}
    if draws.domain_scale is not None:
        for c in model.columns(["direct_points"]):
            scale = draws.domain_scale[r, model.domain_of[c]]
            new_values[model.criterion_ids[c]] = measure[:, c] * scale
    for cid, values in new_values.items():
        leaf = leaves[cid]
        assert leaf.measure is not None and leaf.measure.indicator is not None
        update = pl.DataFrame({"province_code": list(model.province_codes), "_new": values}).filter(
            pl.col("_new").is_not_nan()
        )
        rows = (
            rows.join(update, on="province_code", how="left")
            .with_columns(
                value=pl.when(pl.col("indicator") == leaf.measure.indicator)
                .then(pl.coalesce("_new", "value"))
                .otherwise("value")
            )
            .drop("_new")
        )
    return rows


def reference_ranks(
    indicators: pl.DataFrame, rubric: Rubric, model: RankModel, draws: Draws, r: int
) -> np.ndarray:
    """Return replication ``r``'s ranks (P,) the straightforward way: the whole table scored
    again through ``score_indicators`` with a perturbed rubric and table (slow; for checks and
    the benchmark)."""
    from cchc_analysis.scoring.engine import score_indicators

    table = perturbed_indicators(indicators, rubric, model, draws, r)
    totals = score_indicators(table, perturbed_rubric(rubric, model, draws, r), explain=False)
    ranks = dict(totals.totals.select("province_code", "rank").iter_rows())
    return np.array([ranks[code] for code in model.province_codes], dtype=np.int32)
