"""Random draws of the uncertain inputs (weights, thresholds, survey error, appraisal,
missing-data policy), one seeded stream per source, as arrays of replications."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from cchc_analysis.scoring.rubric import MISSING_POLICIES
from cchc_analysis.uncertainty.model import FIELDS_OF, Draws, RankModel
from cchc_analysis.uncertainty.spec import (
    SOURCES,
    AppraisalSource,
    SurveySource,
    ThresholdsSource,
    UncertaintyError,
    UncertaintySpec,
    WeightsSource,
    enabled_sources,
)


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
    return dataclasses.replace(a, **{f: getattr(b, f) for f in FIELDS_OF[source]})
