"""Rank uncertainty: the vectorised engine against the scoring engine, intervals, seeds,
sensitivity, report text and chart, the data files and the CLI."""

from pathlib import Path

import altair as alt
import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from cchc_analysis.reports.uncertainty_charts import plot_rank_intervals
from cchc_analysis.scoring.engine import score_indicators
from cchc_analysis.scoring.rubric import load_rubric, parse_rubric
from cchc_analysis.uncertainty.draws import draw
from cchc_analysis.uncertainty.model import build_model, evaluate, min_ranks, nominal
from cchc_analysis.uncertainty.montecarlo import intervals_frame, monte_carlo, summary_frame
from cchc_analysis.uncertainty.run import rank_uncertainty
from cchc_analysis.uncertainty.sensitivity import domain_removal, sobol_indices
from cchc_analysis.uncertainty.sentences import (
    format_rank_interval,
    grade_probability_text,
    rank_interval_text,
)
from cchc_analysis.uncertainty.slow_path import reference_ranks
from cchc_analysis.uncertainty.spec import (
    DEFAULT_SEED,
    UncertaintyError,
    WeightsSource,
    enabled_sources,
    load_spec,
    parse_spec,
    select_sources,
)

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "data" / "raw" / "demo" / "cchc_indicators_2021_2025_SYNTHETIC.csv"

RUBRIC = """
id: tiny-unc
version: "1"
status: illustrative
title_vi: thử
title_en: test
grade_bands:
  - {from_year: 2018, source: test, bands: [{grade: A, min: 90}, {grade: B, min: 80}, {grade: C, min: 70}, {grade: D, min: 0}]}
defaults: {missing: zero}
domains:
  - id: direction
    label_vi: Chỉ đạo
    label_en: Direction
    max_points: 10
    criteria:
      - {id: tasks, label_vi: nhiệm vụ, label_en: tasks, max_points: 6,
         measure: {ratio: {numerator: task.completed, denominator: task.planned}},
         rule: {linear: {floor: 50, target: 100}}}
      - {id: on_time, label_vi: đúng hạn, label_en: on time, max_points: 4,
         measure: {ratio: {numerator: dossier.resolved_on_time, denominator: dossier.resolved}},
         rule: {threshold_bands: [{min: 98, points: 4}, {min: 95, points: 3}, {min: 80, points: 1}, {min: 0, points: 0}]}}
  - id: impact
    label_vi: Tác động
    label_en: Impact
    max_points: 14
    criteria:
      - {id: satisfaction, label_vi: hài lòng, label_en: satisfaction, max_points: 8,
         measure: {indicator: sipas.satisfaction_pct}, rule: {linear: {floor: 70, target: 95}}}
      - {id: appraisal, label_vi: thẩm định, label_en: appraisal, max_points: 5,
         measure: {indicator: par.appraisal_points}, rule: {direct_points: true}}
      - {id: one_stop, label_vi: một cửa, label_en: one stop, max_points: 1,
         measure: {indicator: onestop.units_with}, rule: {boolean: true}}
"""

SPEC = """
rubric: tiny-unc
version: "1"
sources:
  weights: {method: range, range: 0.3}
  thresholds: {shift: 3.0, by_criterion: {on_time: 2.0}}
  survey: {criteria: {satisfaction: {sample_size: 300, design_effect: 1.5}}}
  appraisal: {criteria: all, distribution: triangular, low: -1.0, mode: 0.0, high: 1.5}
  missing: {alternatives: [zero, impute_median, exclude]}
"""

# code: (completed, planned, on_time, resolved, satisfaction, appraisal, one-stop units)
VALUES = {
    "01": (40, 50, 970, 1000, 88.0, 4.2, 3),
    "02": (45, 50, 990, 1000, None, 3.9, 0),
    "04": (30, 50, 960, 1000, 91.5, 4.8, 2),
    "06": (50, 50, 800, 1000, 80.2, 2.5, 1),
    "08": (45, 50, 990, 1000, 85.0, 3.9, 0),
    "10": (35, 40, 940, 1000, 93.0, 4.0, 5),
}
IDS = (
    "task.completed",
    "task.planned",
    "dossier.resolved_on_time",
    "dossier.resolved",
    "sipas.satisfaction_pct",
    "par.appraisal_points",
    "onestop.units_with",
)


def _tiny() -> pl.DataFrame:
    rows = [
        {
            "province_code": code,
            "province": f"Tỉnh {code}",
            "era": "63",
            "period": "2024",
            "year": 2024,
            "indicator": indicator,
            "value": float(v),
        }
        for code, values in VALUES.items()
        for indicator, v in zip(IDS, values, strict=True)
        if v is not None
    ]
    return pl.DataFrame(rows, schema_overrides={"year": pl.Int32})


@pytest.fixture(scope="module")
def tiny():
    rubric = parse_rubric(RUBRIC)
    indicators = _tiny()
    return indicators, rubric, build_model(indicators, rubric, "2024"), parse_spec(SPEC)


@pytest.fixture(scope="module")
def demo():
    from cchc_analysis.validate.gate import load_for_scoring

    indicators = load_for_scoring(DEMO)
    rubric = load_rubric("par-index-illustrative")
    spec = load_spec("par-index-illustrative")
    return indicators, rubric, build_model(indicators, rubric, "2024"), spec


def _ranks(indicators, rubric):
    totals = score_indicators(indicators, rubric, explain=False).totals.sort("province_code")
    return totals["rank"].to_numpy(), totals["index_pct"].to_numpy()


# --------------------------------------------------------------------------- the engine


def test_min_ranks_share_the_best_rank_like_polars():
    index = np.array([[70.0, 80.5, 80.5, 90.0], [1.0, 1.0, 1.0, 1.0]])
    assert min_ranks(index).tolist() == [[4, 2, 2, 1], [1, 1, 1, 1]]
    assert min_ranks(np.array([50.0, np.nan, 60.0])).tolist() == [2, 3, 1]


@pytest.mark.parametrize("policy", ["zero", "impute_median", "exclude"])
def test_nominal_reproduces_the_scoring_engine(tiny, policy):
    indicators, rubric, _, _ = tiny
    rubric = parse_rubric(RUBRIC.replace("missing: zero", f"missing: {policy}"))
    index, rank = nominal(build_model(indicators, rubric, "2024"))
    expected_rank, expected_index = _ranks(indicators, rubric)
    assert rank.tolist() == expected_rank.tolist()
    assert index.tolist() == expected_index.tolist()


def test_nominal_reproduces_the_scoring_engine_on_the_demo_data(demo):
    indicators, rubric, _, _ = demo
    for period in indicators["period"].unique().sort():
        index, rank = nominal(build_model(indicators, rubric, period))
        expected_rank, expected_index = _ranks(
            indicators.filter(pl.col("period") == period), rubric
        )
        assert rank.tolist() == expected_rank.tolist(), period
        assert np.array_equal(index, expected_index), period


def test_vectorised_replications_equal_rescoring_the_table(tiny):
    indicators, rubric, model, spec = tiny
    draws = draw(model, spec, 9, seed=11)
    assert set(draws.policy.tolist()) == {0, 1, 2}  # every missing-data policy is exercised
    rank = evaluate(model, draws, chunk=4)[1]
    for r in range(draws.runs):
        assert reference_ranks(indicators, rubric, model, draws, r).tolist() == rank[r].tolist()


def test_vectorised_replications_equal_rescoring_on_the_demo_data(demo):
    indicators, rubric, model, spec = demo
    draws = draw(model, spec, 3, seed=5)
    rank = evaluate(model, draws)[1]
    for r in range(draws.runs):
        assert reference_ranks(indicators, rubric, model, draws, r).tolist() == rank[r].tolist()


def test_chunk_size_does_not_change_the_result(tiny):
    _, _, model, spec = tiny
    draws = draw(model, spec, 50, seed=3)
    whole, one_by_one = evaluate(model, draws), evaluate(model, draws, chunk=1)
    assert np.array_equal(whole[0], one_by_one[0]) and np.array_equal(whole[1], one_by_one[1])


# --------------------------------------------------------------------------- Monte Carlo


def test_every_source_off_collapses_the_intervals_to_the_nominal_rank(tiny, demo):
    for _, _, model, spec in (tiny, demo):
        off = select_sources(spec, "none")
        assert enabled_sources(off) == []
        intervals = intervals_frame(monte_carlo(model, off, runs=200, seed=1))
        for column in ("median_rank", "rank_lo", "rank_hi", "rank_q_lo", "rank_q_hi"):
            assert intervals[column].to_list() == intervals["nominal_rank"].to_list()
        assert intervals["mean_abs_shift"].max() == 0
        assert intervals["index_lo"].to_list() == intervals["nominal_index"].to_list()
        for grade in model.grades:
            expected = (intervals["nominal_grade"] == grade).cast(pl.Float64)
            assert intervals[f"p_{grade}"].to_list() == expected.to_list()


def test_intervals_contain_the_nominal_rank(demo):
    _, _, model, spec = demo
    mc = monte_carlo(model, spec, runs=1000, seed=DEFAULT_SEED)
    intervals = intervals_frame(mc)
    assert intervals.height == 63
    assert ((intervals["rank_lo"] <= intervals["nominal_rank"])
            & (intervals["nominal_rank"] <= intervals["rank_hi"])).all()  # fmt: skip
    assert intervals["nominal_inside"].mean() >= 0.95  # the unwidened 5–95 % interval too
    assert (intervals["rank_hi"] > intervals["rank_lo"]).all()  # the sources do move ranks
    probabilities = intervals.select(pl.sum_horizontal(pl.col("^p_.*$"))).to_series()
    assert np.allclose(probabilities.to_numpy(), 1.0)
    assert summary_frame(mc)["mean_abs_rank_shift"][0] > 0


def test_the_same_seed_gives_identical_output(tiny, demo):
    for _, _, model, spec in (tiny, demo):
        first = intervals_frame(monte_carlo(model, spec, runs=300, seed=42))
        again = intervals_frame(monte_carlo(model, spec, runs=300, seed=42))
        other = intervals_frame(monte_carlo(model, spec, runs=300, seed=43))
        assert first.equals(again)
        assert not first.equals(other)
        assert first["seed"].unique().to_list() == [42]


def test_switching_a_source_on_leaves_the_others_draws_alone(tiny):
    _, _, model, spec = tiny
    weights_only = draw(model, select_sources(spec, "weights"), 20, seed=9)
    with_survey = draw(model, select_sources(spec, ["weights", "survey"]), 20, seed=9)
    assert np.array_equal(weights_only.domain_scale, with_survey.domain_scale)
    assert weights_only.survey_noise is None and with_survey.survey_noise is not None


def test_weights_keep_the_total_maximum(tiny):
    _, _, model, spec = tiny
    scale = draw(model, spec, 100, seed=2).domain_scale
    assert np.allclose(scale @ model.domain_max(), model.domain_max().sum())
    dirichlet = spec.model_copy(
        update={
            "sources": spec.sources.model_copy(
                update={"weights": WeightsSource(method="dirichlet", concentration=50)}
            )
        }
    )
    scale = draw(model, dirichlet, 100, seed=2).domain_scale
    assert np.allclose(scale @ model.domain_max(), model.domain_max().sum())


def test_rank_uncertainty_covers_every_period_and_the_bands_frame(demo):
    indicators, rubric, _, spec = demo
    result = rank_uncertainty(indicators, rubric, spec, runs=100, seed=1, periods=["2024", "2025"])
    assert result.intervals.group_by("period").len().sort("period")["len"].to_list() == [63, 34]
    sums = result.bands.group_by("period", "province_code").agg(pl.col("probability").sum())
    assert np.allclose(sums["probability"].to_numpy(), 1.0)


# --------------------------------------------------------------------------- sensitivity


def test_sobol_a_single_source_explains_everything(tiny):
    _, _, model, spec = tiny
    indices = sobol_indices(model, select_sources(spec, "survey"), n=512, seed=4)
    row = indices.overall.row(0, named=True)
    assert row["source"] == "survey"
    assert row["ST"] == pytest.approx(1.0, abs=0.15)
    assert row["S1"] == pytest.approx(1.0, abs=0.15)


def test_sobol_a_source_without_effect_scores_zero(demo):
    _, _, model, spec = demo  # the 2024 demo data have no missing values
    indices = sobol_indices(model, spec, n=256, seed=4).overall
    missing = indices.filter(pl.col("source") == "missing").row(0, named=True)
    assert missing["S1"] == 0 and missing["ST"] == 0
    others = indices.filter(pl.col("source") != "missing")
    assert (others["ST"] > 0.05).all()
    assert set(indices["source"]) == {"weights", "thresholds", "survey", "missing"}


def test_domain_removal_equals_scoring_without_the_domain(tiny):
    indicators, rubric, model, _ = tiny
    removal = domain_removal(model)
    assert removal.height == len(model.domain_ids) * model.shape[0]
    for domain in rubric.domains:
        kept = rubric.model_copy(update={"domains": [d for d in rubric.domains if d is not domain]})
        expected, _ = _ranks(indicators, kept)
        got = removal.filter(pl.col("domain_id") == domain.id).sort("province_code")
        assert got["rank_without"].to_list() == expected.tolist(), domain.id


# --------------------------------------------------------------------------- reports


def test_rank_interval_text():
    assert format_rank_interval(5, 3, 9, "vi") == "hạng 5, khoảng 90 %: 3–9"
    assert format_rank_interval(5, 3, 9, "en") == "rank 5, 90 % interval: 3–9"
    assert format_rank_interval(1, 1, 1, "en") == "rank 1, 90 % interval: 1"
    assert format_rank_interval(5, 3, 9, "vi", level=0.95) == "hạng 5, khoảng 95 %: 3–9"


def test_texts_from_the_intervals_frame(tiny):
    _, _, model, spec = tiny
    intervals = intervals_frame(monte_carlo(model, spec, runs=400, seed=1))
    row = intervals.filter(pl.col("province_code") == "04").row(0, named=True)
    expected = f"hạng {row['nominal_rank']}, khoảng 90 %: {row['rank_lo']}–{row['rank_hi']}"
    assert rank_interval_text(intervals, "04") in (expected, expected.split("–")[0])
    assert rank_interval_text(intervals, "Tỉnh 04", "en").startswith("rank ")
    assert grade_probability_text(intervals, "04").startswith(
        f"xếp loại {row['nominal_grade']}: xác suất "
    )
    with pytest.raises(LookupError):
        rank_interval_text(intervals, "99")


def test_interval_chart_highlights_the_province(demo):
    _, _, model, spec = demo
    intervals = intervals_frame(monte_carlo(model, spec, runs=200, seed=1))
    chart = plot_rank_intervals(intervals, "01", lang="en")
    assert isinstance(chart, alt.LayerChart)
    spec_dict = chart.to_dict()  # validates against the Vega-Lite schema
    rows = next(iter(spec_dict["datasets"].values()))
    assert len(rows) == 63
    assert [r["province_code"] for r in rows if r["highlight"]] == ["01"]


# --------------------------------------------------------------------------- the data files


def test_bundled_files_fit_their_rubrics(tiny):
    spec = load_spec("par-index-illustrative")
    assert spec.rubric == "par-index-illustrative"
    assert enabled_sources(spec) == ["weights", "thresholds", "survey", "missing"]
    published = load_spec("par-index-published")
    assert enabled_sources(published) == ["weights", "survey", "appraisal", "missing"]
    codes = ["01", "02", "04"]
    rows = pl.DataFrame(
        [
            {"province_code": c, "province": c, "era": "63", "period": "2024", "year": 2024,
             "indicator": i, "value": v + k}
            for k, c in enumerate(codes)
            for i, v in (("par.appraisal_points", 30.0), ("par.sipas_points", 8.0),
                         ("par.leader_survey_points", 7.0), ("par.impact_points", 30.0))
        ],
        schema_overrides={"year": pl.Int32},
    )  # fmt: skip
    model = build_model(rows, load_rubric("par-index-published"), "2024")
    intervals = intervals_frame(monte_carlo(model, published, runs=200, seed=1))
    assert intervals.height == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rubric: x\nversion: '1'\nsources: {weights: {method: range}}", "sources.weights"),
        ("rubric: x\nversion: '1'\nsources: {survey: {criteria: {a: {}}}}", "standard_error"),
        ("rubric: x\nversion: '1'\nsources: {missing: {alternatives: [drop]}}", "alternatives"),
        ("rubric: x\nversion: '1'\nsources: {thresholds: {shift: 1, extra: 2}}", "extra"),
        ("- a list", "mapping"),
    ],
)
def test_a_broken_file_names_the_key(text, message):
    with pytest.raises(UncertaintyError, match=message):
        parse_spec(text, "test.uncertainty.yaml")


def test_sources_that_do_not_fit_are_refused(tiny):
    _, _, model, spec = tiny
    with pytest.raises(UncertaintyError, match="unknown source"):
        select_sources(spec, "weights,colour")
    bare = parse_spec("rubric: tiny-unc\nversion: '1'\nsources: {missing: {alternatives: [zero]}}")
    with pytest.raises(UncertaintyError, match="no settings"):
        select_sources(bare, "weights")
    wide = SPEC.replace("shift: 3.0", "shift: 13.0")
    with pytest.raises(UncertaintyError, match="swap floor"):
        draw(model, parse_spec(wide), 10, 1)
    ratio = SPEC.replace("criteria: {satisfaction:", "criteria: {tasks:")
    with pytest.raises(UncertaintyError, match="ratios"):
        draw(model, parse_spec(ratio), 10, 1)
    with pytest.raises(UncertaintyError, match="not direct_points"):
        draw(model, parse_spec(SPEC.replace("criteria: all", "criteria: [tasks]")), 10, 1)
    with pytest.raises(UncertaintyError, match="for rubric"):
        draw(model, load_spec("par-index-illustrative"), 10, 1)


# --------------------------------------------------------------------------- the command


def test_cli_writes_intervals_and_bands(demo, tmp_path):
    from cchc_analysis.cli import app

    table = tmp_path / "indicators.parquet"
    demo[0].write_parquet(table)
    args = ["uncertainty", str(table), "--methodology", "par-index-illustrative",
            "--out", str(tmp_path / "out"), "--runs", "200", "--seed", "3",
            "--sources", "weights,survey", "--period", "2024"]  # fmt: skip
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    out = tmp_path / "out"
    for name in ("intervals", "bands", "summary", "sobol", "domain_removal"):
        parquet = pl.read_parquet(out / f"uncertainty_{name}.parquet")
        assert parquet.height == pl.read_csv(out / f"uncertainty_{name}.csv").height > 0
    intervals = pl.read_parquet(out / "uncertainty_intervals.parquet")
    assert intervals["sources"].unique().to_list() == ["weights,survey"]
    assert intervals["seed"].unique().to_list() == [3]
    assert '"seed": 3' in (out / "uncertainty_manifest.json").read_text(encoding="utf-8")
    again = CliRunner().invoke(app, [*args[:5], str(tmp_path / "again"), *args[6:]])
    assert again.exit_code == 0
    assert pl.read_parquet(tmp_path / "again" / "uncertainty_intervals.parquet").equals(intervals)
    bad = CliRunner().invoke(app, [*args[:-4], "--sources", "colour"])
    assert bad.exit_code == 1 and "unknown source" in bad.output
