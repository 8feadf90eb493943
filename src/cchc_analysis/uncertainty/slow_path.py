"""The slow path, to check the fast one: a replication's perturbed rubric and indicators
scored by the scoring engine itself (``reference_ranks``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from cchc_analysis.scoring.rubric import (
    MISSING_POLICIES,
    Rubric,
)

if TYPE_CHECKING:
    from cchc_analysis.uncertainty.model import Draws, RankModel


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
