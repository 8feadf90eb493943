"""The composite-indicator toolkit on tiny frames, values worked out by hand or by the textbook
formula written out in the test."""

import math

import numpy as np
import polars as pl
import pytest

from cchc_analysis.scoring import composite as ci
from cchc_analysis.scoring.rubric import parse_rubric


def _col(frame: pl.DataFrame, expr: pl.Expr) -> list:
    return frame.select(expr.alias("out"))["out"].to_list()


def _approx(values, expected):
    assert len(values) == len(expected)
    for got, want in zip(values, expected, strict=True):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want)


# --- normalisation ---------------------------------------------------------------------------


def test_minmax_scales_to_0_100_and_to_any_interval():
    frame = pl.DataFrame({"x": [1, 2, 3]})
    _approx(_col(frame, ci.minmax("x")), [0, 50, 100])
    _approx(_col(frame, ci.minmax("x", 1, 10)), [1, 5.5, 10])
    _approx(_col(frame, ci.minmax("x", direction=-1)), [100, 50, 0])


def test_normalisations_keep_the_column_name_and_nulls():
    frame = pl.DataFrame({"x": [1.0, None, 3.0, float("nan")]})
    out = frame.with_columns(ci.minmax("x"))
    assert out.columns == ["x"]
    _approx(out["x"].to_list(), [0, None, 100, None])  # NaN counts as missing
    for expr in (
        ci.zscore("x"),
        ci.rank("x"),
        ci.rank("x", scaled=False),
        ci.percentile_rank("x"),
        ci.goalposts("x", 0, 4),
        ci.distance_to_target("x", 2),
    ):
        values = _col(frame, expr)
        assert values[1] is None and values[3] is None
        assert values[0] is not None and values[2] is not None


def test_constant_column_gets_the_midpoint():
    frame = pl.DataFrame({"x": [7.0, 7.0, None, 7.0]})
    _approx(_col(frame, ci.minmax("x")), [50, 50, None, 50])
    _approx(_col(frame, ci.minmax("x", 0, 1)), [0.5, 0.5, None, 0.5])
    _approx(_col(frame, ci.zscore("x", mean=100, sd=10)), [100, 100, None, 100])
    _approx(_col(frame, ci.rank("x", ties="min")), [50, 50, None, 50])
    _approx(_col(frame, ci.percentile_rank("x", kind="weak")), [50, 50, None, 50])
    _approx(_col(frame, ci.rank("x", scaled=False)), [2, 2, None, 2])  # raw ranks: plain ties
    single = pl.DataFrame({"x": [4.0]})
    assert _col(single, ci.zscore("x")) == [0.0]
    assert _col(single, ci.rank("x")) == [50.0]


def test_zscore_and_its_rescaling():
    frame = pl.DataFrame({"x": [2.0, 4.0, 6.0]})  # mean 4, sample sd 2
    _approx(_col(frame, ci.zscore("x")), [-1, 0, 1])
    _approx(_col(frame, ci.zscore("x", mean=100, sd=10)), [90, 100, 110])
    _approx(_col(frame, ci.zscore("x", direction=-1)), [1, 0, -1])


def test_rank_ties_scaling_and_direction():
    frame = pl.DataFrame({"x": [10, 20, 20, 40]})
    _approx(_col(frame, ci.rank("x", scaled=False)), [1, 2.5, 2.5, 4])
    _approx(_col(frame, ci.rank("x", ties="min", scaled=False)), [1, 2, 2, 4])
    _approx(_col(frame, ci.rank("x")), [0, 50, 50, 100])  # (r − 1)/(n − 1) × 100
    _approx(_col(frame, ci.rank("x", ties="min")), [0, 100 / 3, 100 / 3, 100])
    _approx(_col(frame, ci.rank("x", direction=-1, scaled=False)), [4, 2.5, 2.5, 1])
    with pytest.raises(ValueError, match="ties"):
        ci.rank("x", ties="dense")  # type: ignore[arg-type]


def test_percentile_ranks():
    frame = pl.DataFrame({"x": [1, 2, 3]})
    _approx(_col(frame, ci.percentile_rank("x")), [100 / 6, 50, 500 / 6])
    _approx(_col(frame, ci.percentile_rank("x", kind="weak")), [100 / 3, 200 / 3, 100])
    _approx(_col(frame, ci.percentile_rank("x", kind="strict")), [0, 100 / 3, 200 / 3])
    _approx(_col(frame, ci.percentile_rank("x", direction=-1)), [500 / 6, 50, 100 / 6])
    ties = pl.DataFrame({"x": [1, 2, 2, 3]})  # 2: one below, two equal, n = 4 → (1 + 1)/4
    _approx(_col(ties, ci.percentile_rank("x")), [12.5, 50, 50, 87.5])
    # COINr's n_prank, (min-rank − 1)/(n − 1), is the scaled min-rank
    _approx(_col(ties, ci.rank("x", ties="min")), [0, 100 / 3, 100 / 3, 100])


def test_goalposts_clip_scale_and_flip():
    frame = pl.DataFrame({"x": [-5.0, 0.0, 25.0, 50.0, 80.0]})
    _approx(_col(frame, ci.goalposts("x", 0, 50)), [0, 0, 50, 100, 100])
    _approx(_col(frame, ci.goalposts("x", 0, 50, scale=1)), [0, 0, 0.5, 1, 1])
    _approx(_col(frame, ci.goalposts("x", 0, 50, direction=-1)), [100, 100, 50, 0, 0])
    _approx(_col(frame, ci.goalposts("x", 0, 50, clip=False)), [-10, 0, 50, 100, 160])
    with pytest.raises(ValueError, match="lower < upper"):
        ci.goalposts("x", 50, 0)


def test_distance_to_target():
    frame = pl.DataFrame({"x": [0.0, 40.0, 80.0, 100.0, 120.0, 200.0]})
    _approx(_col(frame, ci.distance_to_target("x", 80, scale=1)), [0, 0.5, 1, 1, 1, 1])
    _approx(
        _col(frame, ci.distance_to_target("x", 80, cap=False, scale=1)), [0, 0.5, 1, 1.25, 1.5, 2.5]
    )
    # lower is better: target / x, capped
    _approx(
        _col(frame, ci.distance_to_target("x", 80, direction=-1)), [100, 100, 100, 80, 200 / 3, 40]
    )
    # 1 − |x − target| / target, floored at 0 by the cap
    _approx(
        _col(frame, ci.distance_to_target("x", 80, method="absolute", scale=1)),
        [0, 0.5, 1, 0.75, 0.5, 0],
    )
    with pytest.raises(ValueError, match="positive"):
        ci.distance_to_target("x", 0)


def test_normalisation_per_period_with_over():
    frame = pl.DataFrame(
        {
            "period": ["2024", "2024", "2024", "2025", "2025", "2025"],
            "x": [1.0, 2.0, 3.0, 10.0, 30.0, None],
        }
    )
    out = frame.with_columns(
        mm=ci.minmax("x", over="period"),
        z=ci.zscore("x", over=["period"]),
        r=ci.rank("x", over="period"),
        p=ci.percentile_rank("x", kind="weak", over="period"),
        pooled=ci.minmax("x"),
    )
    _approx(out["mm"].to_list(), [0, 50, 100, 0, 100, None])
    _approx(out["z"].to_list(), [-1, 0, 1, -1 / math.sqrt(2), 1 / math.sqrt(2), None])
    _approx(out["r"].to_list(), [0, 50, 100, 0, 100, None])
    _approx(out["p"].to_list(), [100 / 3, 200 / 3, 100, 50, 100, None])
    _approx(out["pooled"].to_list(), [0, 100 / 29, 200 / 29, 900 / 29, 100, None])


def test_direction_must_be_plus_or_minus_one():
    with pytest.raises(ValueError, match="direction"):
        ci.minmax("x", direction=0)


def test_normalisations_are_vectorised_on_100_000_rows():
    n = 100_000
    rng = np.random.default_rng(0)
    frame = pl.DataFrame(
        {"period": np.arange(n) % 10, "x": rng.normal(50, 10, n), "y": rng.uniform(1, 100, n)}
    ).with_columns(x=pl.when(pl.int_range(pl.len()) % 97 == 0).then(None).otherwise(pl.col("x")))
    exprs = [
        ci.minmax("x", over="period").alias("mm"),
        ci.zscore("x", over="period").alias("z"),
        ci.rank("x", ties="min", over="period").alias("r"),
        ci.percentile_rank("x", over="period").alias("p"),
        ci.goalposts("x", 20, 80).alias("g"),
        ci.distance_to_target("x", 60).alias("d"),
        ci.arithmetic_mean(["x", "y"]).alias("am"),
        ci.minimum(["x", "y"]).alias("mn"),
    ]
    lazy = frame.lazy().with_columns(exprs)
    assert "python" not in lazy.explain().lower()  # pure Polars: no Python callback anywhere
    out = lazy.collect()
    assert out.height == n
    per_period = out.group_by("period").agg(
        pl.col("mm").min().alias("lo"), pl.col("mm").max().alias("hi"), pl.col("z").mean()
    )
    assert per_period["lo"].to_list() == [0.0] * 10
    assert per_period["hi"].to_list() == [100.0] * 10
    assert per_period["z"].abs().max() < 1e-9
    assert out["mm"].null_count() == out["x"].null_count() > 0
    geo = frame.select(ci.geometric_mean(["y"]))  # its input check runs once per batch
    assert (geo["composite"] - frame["y"]).abs().max() < 1e-9


# --- weights ---------------------------------------------------------------------------------

RUBRIC = """
id: tiny
version: "1"
status: illustrative
title_vi: thử
title_en: test
grade_bands:
  - {from_year: 2018, source: test, bands: [{grade: A, min: 80}, {grade: D, min: 0}]}
domains:
  - id: direction
    label_vi: Chỉ đạo
    label_en: Direction
    max_points: 10
    criteria:
      - id: tasks
        label_vi: nhiệm vụ
        label_en: tasks
        max_points: 6
        measure: {ratio: {numerator: task.completed, denominator: task.planned}}
        rule: {linear: {floor: 50, target: 100}}
      - id: inspections
        label_vi: kiểm tra
        label_en: inspections
        max_points: 4
        measure: {ratio: {numerator: inspection.done, denominator: inspection.planned}}
        rule: {linear: {floor: 50, target: 100}}
  - id: satisfaction
    label_vi: Hài lòng
    label_en: Satisfaction
    max_points: 5
    criteria:
      - id: sipas
        label_vi: SIPAS
        label_en: SIPAS
        max_points: 5
        measure: {indicator: sipas.satisfaction_pct}
        rule: {linear: {floor: 50, target: 90}}
"""


def test_weights_manual_equal_and_from_the_rubric():
    assert ci.manual_weights({"a": 2, "b": 6}) == {"a": 0.25, "b": 0.75}
    assert ci.equal_weights(["a", "b", "c", "d"]) == {"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}
    with pytest.raises(ValueError, match="≥ 0"):
        ci.manual_weights({"a": -1, "b": 2})
    with pytest.raises(ValueError, match="add up to 0"):
        ci.manual_weights({"a": 0, "b": 0})
    rubric = parse_rubric(RUBRIC)
    weights = ci.rubric_weights(rubric)
    assert weights == pytest.approx({"tasks": 6 / 15, "inspections": 4 / 15, "sipas": 5 / 15})
    assert ci.rubric_weights(rubric, "domain") == pytest.approx(
        {"direction": 10 / 15, "satisfaction": 5 / 15}
    )
    assert ci.rubric_groups(rubric) == {
        "direction": ["tasks", "inspections"],
        "satisfaction": ["sipas"],
    }


RUBRIC_BY_YEAR = """
id: by-year
version: "1"
status: illustrative
title_vi: thử
title_en: test
grade_bands:
  - {from_year: 2018, source: test, bands: [{grade: A, min: 80}, {grade: D, min: 0}]}
domains:
  - id: direction
    label_vi: Chỉ đạo
    label_en: Direction
    criteria:
      - id: plan
        label_vi: kế hoạch
        label_en: plan
        criteria:
          - id: tasks
            label_vi: nhiệm vụ
            label_en: tasks
            max_points_by_year: {2018: 2, 2024: 6}
            measure: {ratio: {numerator: task.completed, denominator: task.planned}}
            rule: {linear: {floor: 50, target: 100}}
          - id: inspections
            label_vi: kiểm tra
            label_en: inspections
            max_points: 2
            measure: {ratio: {numerator: inspection.done, denominator: inspection.planned}}
            rule: {linear: {floor: 50, target: 100}}
"""


def test_rubric_weights_follow_groups_and_years():
    rubric = parse_rubric(RUBRIC_BY_YEAR)
    assert ci.rubric_weights(rubric, year=2020) == pytest.approx({"tasks": 0.5, "inspections": 0.5})
    assert ci.rubric_weights(rubric, year=2025) == pytest.approx(
        {"tasks": 0.75, "inspections": 0.25}
    )
    assert ci.rubric_groups(rubric) == {"direction": ["tasks", "inspections"]}


# --- aggregation -----------------------------------------------------------------------------


def test_arithmetic_mean_weighted():
    frame = pl.DataFrame({"a": [10.0, 0.0], "b": [20.0, 100.0]})
    _approx(_col(frame, ci.arithmetic_mean(["a", "b"])), [15, 50])
    _approx(_col(frame, ci.arithmetic_mean(["a", "b"], {"a": 3, "b": 1})), [12.5, 25])
    _approx(_col(frame, ci.arithmetic_mean(["a", "b"], {"a": 1, "b": 0})), [10, 0])
    assert frame.with_columns(ci.arithmetic_mean(["a", "b"])).columns == ["a", "b", "composite"]
    with pytest.raises(ValueError, match="no weight"):
        ci.arithmetic_mean(["a", "b"], {"a": 1})


def test_geometric_and_harmonic_means():
    frame = pl.DataFrame({"a": [4.0, 2.0], "b": [16.0, 6.0]})
    _approx(_col(frame, ci.geometric_mean(["a", "b"])), [8, math.sqrt(12)])
    _approx(_col(frame, ci.harmonic_mean(["a", "b"])), [6.4, 3])
    # weights 3:1 → exp(¾ ln 4 + ¼ ln 16) = 2^2.5; harmonic 1 / (¾/2 + ¼/6) = 2.4
    _approx(
        _col(frame, ci.geometric_mean(["a", "b"], {"a": 3, "b": 1})), [2**2.5, 2**0.75 * 6**0.25]
    )
    _approx(_col(frame, ci.harmonic_mean(["a", "b"], {"a": 3, "b": 1}))[1:], [2.4])


def test_zero_rules():
    frame = pl.DataFrame({"a": [0.0, 4.0], "b": [100.0, 16.0]})
    with pytest.raises(ValueError, match="zero_rule"):
        frame.select(ci.geometric_mean(["a", "b"]))  # "error" is the default
    with pytest.raises(ValueError, match="zero_rule"):
        frame.select(ci.harmonic_mean(["a", "b"], zero_rule="error"))
    _approx(_col(frame, ci.geometric_mean(["a", "b"], zero_rule="penalise")), [0, 8])
    _approx(_col(frame, ci.harmonic_mean(["a", "b"], zero_rule="penalise")), [0, 6.4])
    # offset: the zero counts as 1 (other values untouched) → sqrt(1 × 100) = 10
    _approx(_col(frame, ci.geometric_mean(["a", "b"], zero_rule="offset", offset=1)), [10, 8])
    _approx(
        _col(frame, ci.harmonic_mean(["a", "b"], zero_rule="offset", offset=1)), [200 / 101, 6.4]
    )
    negative = pl.DataFrame({"a": [-1.0], "b": [4.0]})
    with pytest.raises(ValueError, match="negative"):
        negative.select(ci.geometric_mean(["a", "b"], zero_rule="penalise"))
    with pytest.raises(ValueError, match="offset"):
        ci.geometric_mean(["a", "b"], zero_rule="offset", offset=0)


def test_minimum_is_non_compensatory():
    frame = pl.DataFrame({"a": [90.0, 10.0], "b": [20.0, 95.0], "c": [80.0, 99.0]})
    _approx(_col(frame, ci.minimum(["a", "b", "c"])), [20, 10])
    _approx(_col(frame, ci.minimum(["a", "b", "c"], {"a": 1, "b": 0, "c": 1})), [80, 10])


def test_missing_rescale_versus_propagate():
    frame = pl.DataFrame({"a": [10.0, None, None], "b": [40.0, 30.0, None], "c": [0.0, 60.0, None]})
    w = {"a": 1, "b": 1, "c": 2}
    # rescale: row 2 re-weights b and c to 1/3 and 2/3 → 10 + 40 = 50; nothing present → null
    _approx(_col(frame, ci.arithmetic_mean(["a", "b", "c"], w)), [12.5, 50, None])
    _approx(
        _col(frame, ci.arithmetic_mean(["a", "b", "c"], w, missing="propagate")), [12.5, None, None]
    )
    _approx(_col(frame, ci.minimum(["a", "b", "c"])), [0, 30, None])
    _approx(_col(frame, ci.minimum(["a", "b", "c"], missing="propagate")), [0, None, None])
    pos = pl.DataFrame({"a": [4.0, None], "b": [16.0, 9.0]})
    _approx(_col(pos, ci.geometric_mean(["a", "b"])), [8, 9])
    _approx(_col(pos, ci.geometric_mean(["a", "b"], missing="propagate")), [8, None])
    _approx(_col(pos, ci.harmonic_mean(["a", "b"], missing="propagate")), [6.4, None])
    # the zero rule applies to present values only; propagate still wins when one is missing
    zero = pl.DataFrame({"a": [0.0], "b": [None]}, schema={"a": pl.Float64, "b": pl.Float64})
    _approx(_col(zero, ci.geometric_mean(["a", "b"], zero_rule="penalise")), [0])
    _approx(
        _col(zero, ci.geometric_mean(["a", "b"], zero_rule="penalise", missing="propagate")), [None]
    )
    with pytest.raises(ValueError, match="missing"):
        ci.arithmetic_mean(["a"], missing="drop")  # type: ignore[arg-type]


def test_aggregate_dispatches_on_method():
    frame = pl.DataFrame({"a": [2.0], "b": [6.0]})
    assert _col(frame, ci.aggregate(["a", "b"])) == [4.0]
    _approx(_col(frame, ci.aggregate(["a", "b"], method="geometric")), [math.sqrt(12)])
    _approx(_col(frame, ci.aggregate(["a", "b"], method="harmonic")), [3])
    assert _col(frame, ci.aggregate(["a", "b"], method="minimum")) == [2.0]
    with pytest.raises(ValueError, match="method"):
        ci.aggregate(["a", "b"], method="median")  # type: ignore[arg-type]


# --- statistics ------------------------------------------------------------------------------


def _r(table: pl.DataFrame, a: str, b: str):
    return table.filter((pl.col("a") == a) & (pl.col("b") == b))["r"].item()


def test_pearson_and_spearman_correlations():
    frame = pl.DataFrame(
        {
            "x": [1.0, 2.0, 3.0, 4.0, 5.0],
            "y": [1.0, 4.0, 9.0, 16.0, 100.0],  # monotone in x, not linear
            "z": [5.0, 4.0, 4.0, 2.0, 1.0],  # a tie
            "k": [3.0] * 5,  # no spread
        }
    )
    pearson = ci.correlations(frame, ["x", "y", "z", "k"])
    assert pearson.columns == ["a", "b", "r"] and pearson.height == 16
    assert pearson["a"].to_list()[:4] == ["x"] * 4 and pearson["b"].to_list()[:4] == [
        "x",
        "y",
        "z",
        "k",
    ]
    assert _r(pearson, "x", "x") == pytest.approx(1)
    assert _r(pearson, "x", "y") == pytest.approx(np.corrcoef(frame["x"], frame["y"])[0, 1])
    assert _r(pearson, "y", "x") == _r(pearson, "x", "y")
    assert _r(pearson, "x", "k") is None and _r(pearson, "k", "k") is None
    spearman = ci.correlations(frame, ["x", "y", "z"], method="spearman")
    assert _r(spearman, "x", "y") == pytest.approx(1)
    z_ranks = [5, 3.5, 3.5, 2, 1]  # average ranks of the tie
    assert _r(spearman, "x", "z") == pytest.approx(np.corrcoef([1, 2, 3, 4, 5], z_ranks)[0, 1])


def test_correlations_pairwise_or_complete_rows():
    frame = pl.DataFrame(
        {"x": [1.0, 2.0, 3.0, 4.0], "y": [2.0, 1.0, 4.0, 3.0], "w": [None, 5.0, 6.0, 8.0]}
    )
    pairwise = ci.correlations(frame, ["x", "y", "w"])
    assert _r(pairwise, "x", "y") == pytest.approx(0.6)
    assert _r(pairwise, "x", "w") == pytest.approx(np.corrcoef([2, 3, 4], [5, 6, 8])[0, 1])
    complete = ci.correlations(frame, ["x", "y", "w"], complete=True)
    assert _r(complete, "x", "y") == pytest.approx(np.corrcoef([2, 3, 4], [1, 4, 3])[0, 1])
    spearman = ci.correlations(frame, ["y", "w"], method="spearman")  # ranks within shared rows
    assert _r(spearman, "y", "w") == pytest.approx(np.corrcoef([1, 3, 2], [1, 2, 3])[0, 1])


def _alpha(items: np.ndarray) -> float:
    k = items.shape[1]
    return k / (k - 1) * (1 - items.var(axis=0, ddof=1).sum() / items.sum(axis=1).var(ddof=1))


def test_cronbach_alpha_per_domain():
    items = np.array([[1, 2, 2], [2, 3, 3], [3, 3, 4], [4, 5, 4], [5, 4, 5]], dtype=float)
    frame = pl.DataFrame(
        {
            "q1": [*items[:, 0], None],
            "q2": [*items[:, 1], 9.0],
            "q3": [*items[:, 2], 9.0],
            "same_a": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "same_b": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
            "flat_a": [2.0] * 6,
            "flat_b": [3.0] * 6,
        }
    )
    out = ci.cronbach_alpha(
        frame,
        {
            "survey": ["q1", "q2", "q3"],
            "twins": ["same_a", "same_b"],
            "one": ["q2"],
            "flat": ["flat_a", "flat_b"],
        },
    )
    assert out.columns == ["domain", "k", "n", "alpha"]
    rows = {row["domain"]: row for row in out.iter_rows(named=True)}
    # Σ var_i = 2.5 + 1.3 + 1.3 = 5.1, totals 5, 8, 10, 13, 14 → var 13.5 → 1.5 × (1 − 5.1/13.5)
    assert rows["survey"]["alpha"] == pytest.approx(1.5 * (1 - 5.1 / 13.5))
    assert rows["survey"]["alpha"] == pytest.approx(_alpha(items))
    assert (rows["survey"]["k"], rows["survey"]["n"]) == (3, 5)  # the row with a null is dropped
    assert rows["twins"]["alpha"] == pytest.approx(1)  # identical items
    assert rows["one"]["alpha"] is None and rows["one"]["k"] == 1
    assert rows["flat"]["alpha"] is None  # no variance in the total


def test_a_geometric_mean_after_minmax_names_the_unit_indicator_and_fix():
    # min-max always gives the worst unit 0: A is worst on x, B on y
    frame = pl.DataFrame({"unit": ["A", "B", "C"], "x": [1.0, 5, 9], "y": [3.0, 2, 8]})
    scaled = frame.with_columns(ci.minmax("x").alias("x"), ci.minmax("y"))
    with pytest.raises(ci.CompositeError) as caught:
        scaled.with_columns(ci.geometric_mean(["x", "y"], unit="unit"))
    message = str(caught.value)
    assert "unit 'A' has 'x' = 0 (and 1 more row)" in message
    assert "zero_rule='offset'" in message
    assert "This error occurred" not in message and "col(" not in message
    with pytest.raises(ci.CompositeError, match=r"row 1 has 'y' = 0"):
        scaled.slice(1).with_columns(ci.geometric_mean(["x", "y"]))
    # the fix the message suggests works: 0 counts as 1 on the 0–100 scale
    fixed = scaled.with_columns(
        ci.geometric_mean(["x", "y"], zero_rule="offset", offset=1, unit="unit")
    )
    assert fixed["composite"].to_list() == pytest.approx(
        [(1 * 100 / 6) ** 0.5, (50 * 1) ** 0.5, 100.0]
    )
